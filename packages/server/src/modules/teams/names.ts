// Division names for display, by code.
import { inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import { divisions } from '../registry';

export async function divisionNames(db: Db | Tx, codes: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter(Boolean))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ code: divisions.code, name: divisions.name }).from(divisions).where(inArray(divisions.code, wanted));
  return new Map(rows.map((r) => [r.code, r.name]));
}
