// 社会帮扶资金: money raised from society for a place, pledged (认捐) and received (到位), by donor and purpose.
// A fund names the projects (协作项目) it paid for by their codes; the funds module's public API (projectsByCode)
// checks each is one of the user's projects when written and gives their names when read.
import type { FundInput, FundPatch, FundPurpose } from '@xiezuo/shared/contracts/social';
import { and, arrayContains, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { projectsByCode } from '../funds';
import { divisions } from '../registry';
import { allOf, assertWritable, dbOf, dec, ownTeamOf, placedInScope, placeFilters } from './access';
import { socialFunds as F } from './tables';

export interface FundFilter {
  divisionCode?: string;
  teamId?: number;
  from?: string;
  to?: string;
  purpose?: FundPurpose;
  q?: string;
  projectCode?: string;
}

function conditions(ctx: Ctx, f: FundFilter) {
  const conds = placeFilters(ctx.user.scope, F, F.pledgedOn, f);
  if (f.purpose) conds.push(eq(F.purpose, f.purpose));
  if (f.q) conds.push(or(ilike(F.donorName, `%${f.q}%`), ilike(F.purposeNote, `%${f.q}%`)));
  if (f.projectCode) conds.push(arrayContains(F.projectCodes, [f.projectCode]));
  return allOf(conds);
}

const query = (db: Db | Tx) =>
  db.select({ f: F, divisionName: divisions.name }).from(F).leftJoin(divisions, eq(divisions.code, F.divisionCode));

export const fundRow = ({ f, divisionName }: { f: typeof F.$inferSelect; divisionName: string | null }) => ({
  id: f.id,
  donorName: f.donorName,
  donorKind: f.donorKind,
  purpose: f.purpose,
  purposeNote: f.purposeNote,
  divisionCode: f.divisionCode,
  divisionName,
  teamId: f.teamId,
  pledgedOn: f.pledgedOn,
  pledgedAmount: Number(f.pledgedAmount),
  receivedAmount: Number(f.receivedAmount),
  receivedOn: f.receivedOn,
  projectCodes: f.projectCodes,
  note: f.note,
});

/** Rows as the API answers them: each project code with its name, when the project is in the user's scope. */
async function withProjects(ctx: Ctx, rows: ReturnType<typeof fundRow>[]) {
  const found = await projectsByCode(
    ctx,
    rows.flatMap((r) => r.projectCodes),
  );
  return rows.map(({ projectCodes, ...r }) => ({
    ...r,
    projects: projectCodes.map((code) => ({ code, name: found.get(code)?.name ?? null })),
  }));
}

/**
 * The projects a fund names, each one the user's (projectsByCode answers within the scope): an unknown code and a
 * project out of scope are refused alike, naming the code — whether a project exists elsewhere is not told.
 */
export async function projectProblems(ctx: Ctx, codes: string[]): Promise<string[]> {
  const found = await projectsByCode(ctx, codes);
  return codes.filter((c) => !found.has(c));
}

async function checkProjects(ctx: Ctx, codes: string[] | undefined) {
  if (!codes?.length) return;
  const missing = new Set(await projectProblems(ctx, codes));
  const i = codes.findIndex((c) => missing.has(c));
  if (i >= 0) throw invalid({ path: `body.projectCodes.${i}`, key: 'social.validation.noProject', params: { code: codes[i] } });
}

export async function listFunds(ctx: Ctx, f: FundFilter & { page: number; pageSize: number }) {
  const db = dbOf(ctx);
  const where = conditions(ctx, f);
  const [rows, [totals]] = await Promise.all([
    query(db)
      .where(where)
      .orderBy(desc(F.pledgedOn), asc(F.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({
        total: sql<number>`count(*)::int`,
        pledged: sql<string>`coalesce(sum(${F.pledgedAmount}), 0)`,
        received: sql<string>`coalesce(sum(${F.receivedAmount}), 0)`,
      })
      .from(F)
      .where(where),
  ]);
  return {
    items: await withProjects(ctx, rows.map(fundRow)),
    total: Number(totals.total),
    page: f.page,
    pageSize: f.pageSize,
    totals: { pledged: Number(totals.pledged), received: Number(totals.received) },
  };
}

export async function allFunds(ctx: Ctx, f: FundFilter) {
  return (await query(dbOf(ctx)).where(conditions(ctx, f)).orderBy(desc(F.pledgedOn), asc(F.id))).map(fundRow);
}

export async function getFund(ctx: Ctx, id: number) {
  const [row] = await query(dbOf(ctx)).where(and(eq(F.id, id), placedInScope(ctx.user.scope, F)));
  if (!row) throw new AppError('NOT_FOUND');
  return (await withProjects(ctx, [fundRow(row)]))[0];
}

type Input = z.output<typeof FundInput>;

/** Received money has a day; a receipt is not dated before the pledge. More than pledged is allowed (donors give more). */
function checkFund(f: Partial<Input>) {
  if ((f.receivedAmount ?? 0) > 0 && !f.receivedOn) throw invalid({ path: 'body.receivedOn', key: 'social.validation.receivedOn' });
  if (f.receivedOn && f.pledgedOn && f.receivedOn < f.pledgedOn) throw invalid({ path: 'body.receivedOn', key: 'social.validation.dates' });
}

const values = (f: Input) => ({
  ...f,
  projectCodes: [...new Set(f.projectCodes ?? [])],
  pledgedAmount: dec(f.pledgedAmount) as string,
  receivedAmount: dec(f.receivedAmount ?? 0) as string,
});

export async function createFund(ctx: Ctx, input: Input) {
  const body = { ...input, teamId: input.teamId ?? ownTeamOf(ctx.user.scope) };
  checkFund(body);
  return withTx(ctx, async (tx, ctx) => {
    await assertWritable(ctx, tx, body);
    await checkProjects(ctx, body.projectCodes);
    const [row] = await tx.insert(F).values(values(body)).returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'social_fund', entityId: row.id, after: row });
    return row.id;
  });
}

export async function updateFund(ctx: Ctx, id: number, patch: z.output<typeof FundPatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(F).where(eq(F.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    await assertWritable(ctx, tx, before, before);
    const { id: _id, divisionName: _n, ...current } = fundRow({ f: before, divisionName: null });
    const next = { ...current, ...patch } as Input;
    checkFund(next);
    await assertWritable(ctx, tx, next, before);
    if (patch.projectCodes) await checkProjects(ctx, patch.projectCodes);
    const [after] = await tx
      .update(F)
      .set({ ...values(next), updatedAt: new Date() })
      .where(eq(F.id, id))
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'social_fund', entityId: id, before, after });
    return id;
  });
}
