// 宣传报道: articles, typical cases and write-ups of experience, by media level (中央/省/市/县) — the reports count
// those of provincial-or-higher media (省级以上).
import type { MediaLevel, PublicityInput, PublicityKind, PublicityPatch } from '@xiezuo/shared/contracts/social';
import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Db, Tx } from '../../platform/db/client';
import { AppError } from '../../platform/http/errors';
import { divisions } from '../registry';
import { allOf, assertWritable, dbOf, ownTeamOf, placedInScope, placeFilters } from './access';
import { socialPublicity as P } from './tables';

export interface PublicityFilter {
  divisionCode?: string;
  teamId?: number;
  from?: string;
  to?: string;
  mediaLevel?: MediaLevel;
  kind?: PublicityKind;
  q?: string;
}

function conditions(ctx: Ctx, f: PublicityFilter) {
  const conds = placeFilters(ctx.user.scope, P, P.publishedOn, f);
  if (f.mediaLevel) conds.push(eq(P.mediaLevel, f.mediaLevel));
  if (f.kind) conds.push(eq(P.kind, f.kind));
  if (f.q) conds.push(or(ilike(P.title, `%${f.q}%`), ilike(P.medium, `%${f.q}%`)));
  return allOf(conds);
}

const query = (db: Db | Tx) =>
  db.select({ p: P, divisionName: divisions.name }).from(P).leftJoin(divisions, eq(divisions.code, P.divisionCode));

const publicityRow = ({ p, divisionName }: { p: typeof P.$inferSelect; divisionName: string | null }) => ({
  id: p.id,
  publishedOn: p.publishedOn,
  title: p.title,
  medium: p.medium,
  mediaLevel: p.mediaLevel,
  kind: p.kind,
  link: p.link,
  divisionCode: p.divisionCode,
  divisionName,
  teamId: p.teamId,
  note: p.note,
});

export async function listPublicity(ctx: Ctx, f: PublicityFilter & { page: number; pageSize: number }) {
  const db = dbOf(ctx);
  const where = conditions(ctx, f);
  const [rows, byLevel] = await Promise.all([
    query(db)
      .where(where)
      .orderBy(desc(P.publishedOn), asc(P.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ key: P.mediaLevel, n: sql<number>`count(*)::int` }).from(P).where(where).groupBy(P.mediaLevel),
  ]);
  return {
    items: rows.map(publicityRow),
    total: byLevel.reduce((s, r) => s + Number(r.n), 0),
    page: f.page,
    pageSize: f.pageSize,
    totals: { byLevel: Object.fromEntries(byLevel.map((r) => [r.key, Number(r.n)])) },
  };
}

export async function allPublicity(ctx: Ctx, f: PublicityFilter) {
  return (await query(dbOf(ctx)).where(conditions(ctx, f)).orderBy(desc(P.publishedOn), asc(P.id))).map(publicityRow);
}

export async function getPublicity(ctx: Ctx, id: number) {
  const [row] = await query(dbOf(ctx)).where(and(eq(P.id, id), placedInScope(ctx.user.scope, P)));
  if (!row) throw new AppError('NOT_FOUND');
  return publicityRow(row);
}

export async function createPublicity(ctx: Ctx, input: z.output<typeof PublicityInput>) {
  const body = { ...input, teamId: input.teamId ?? ownTeamOf(ctx.user.scope) };
  return withTx(ctx, async (tx, ctx) => {
    await assertWritable(ctx, tx, body);
    const [row] = await tx.insert(P).values(body).returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'social_publicity', entityId: row.id, after: row });
    return row.id;
  });
}

export async function updatePublicity(ctx: Ctx, id: number, patch: z.output<typeof PublicityPatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(P).where(eq(P.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    await assertWritable(ctx, tx, before, before);
    await assertWritable(ctx, tx, { ...before, ...patch }, before);
    const [after] = await tx
      .update(P)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(P.id, id))
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'social_publicity', entityId: id, before, after });
    return id;
  });
}
