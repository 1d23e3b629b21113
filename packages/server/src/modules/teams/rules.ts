// Rules every aggregate of the module shares: a period's end is not before its start, and referenced
// rows exist (a wrong unit, programme or team id is a validation error on its field, not a foreign-key
// failure from the database).
import { inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client';
import { invalid } from '../../platform/http/errors';
import { programmes, units } from '../registry';
import { teams } from './tables';

export function checkDates(start: string | null | undefined, end: string | null | undefined, path: string) {
  if (start && end && end < start) throw invalid({ path, key: 'teams.validation.dates' });
}

const TABLES = { unit: units, programme: programmes, team: teams };

export async function assertRefs(
  tx: Tx,
  refs: [path: string, kind: keyof typeof TABLES, ids: (number | null | undefined)[] | undefined][],
) {
  for (const [path, kind, ids] of refs) {
    const wanted = [...new Set((ids ?? []).filter((id): id is number => id != null))];
    if (!wanted.length) continue;
    const table = TABLES[kind];
    const found = await tx.select({ id: table.id }).from(table).where(inArray(table.id, wanted));
    if (found.length !== wanted.length) throw invalid({ path, key: 'teams.validation.noRef' });
  }
}
