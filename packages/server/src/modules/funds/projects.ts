// 协作项目: projects from the reserve (储备入库) to the handed-over asset (资产移交), with their budget by source,
// the money committed, disbursed and spent (summed from the flows, never typed) and their beneficiaries.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import {
  FUND_KINDS,
  type FundKind,
  PROJECT_STATUSES,
  type ProjectInput,
  type ProjectPatch,
  type ProjectStatus,
  type ProjectStepInput,
  type ProjectType,
  STEP_DATE,
} from '@xiezuo/shared/contracts/funds';
import { and, asc, count, desc, eq, ilike, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import type { Scope } from '../../platform/scope';
import { divisions, programmes } from '../registry';
import { teams } from '../teams';
import { assertPairing, assertProjectInScope, assertTeam, dbOf, ownTeamOf, pairingLabelOf, projectsInScope } from './access';
import { fundBeneficiaries as fb, fundFlows as ff, fundProjects as fp, fundProjectBudgets as fpb } from './tables';

export interface ProjectFilter {
  status?: ProjectStatus;
  type?: ProjectType;
  programmeId?: number;
  divisionCode?: string;
  late?: 'true' | 'false';
  q?: string;
}

/** Late: not started by its planned start, or not completed by its planned finish (as of today in Beijing). */
export function lateSql(today: string): SQL<boolean> {
  return sql<boolean>`((${fp.status} in ('reserve', 'approved') and ${fp.plannedStart} < ${today})
    or (${fp.status} in ('reserve', 'approved', 'started') and ${fp.plannedFinish} < ${today}))`;
}

function conditions(scope: Scope, f: ProjectFilter) {
  const conds: (SQL | undefined)[] = [projectsInScope(scope)];
  if (f.status) conds.push(eq(fp.status, f.status));
  if (f.type) conds.push(eq(fp.type, f.type));
  if (f.programmeId) conds.push(eq(fp.programmeId, f.programmeId));
  if (f.divisionCode) conds.push(like(fp.divisionCode, `${divisionPrefix(f.divisionCode)}%`));
  if (f.late === 'true') conds.push(lateSql(todayInBeijing()));
  if (f.late === 'false') conds.push(sql`not ${lateSql(todayInBeijing())}`);
  if (f.q) conds.push(or(ilike(fp.code, `%${f.q}%`), ilike(fp.name, `%${f.q}%`)));
  return and(...conds);
}

const sumOf = (expr: SQL) => sql<string>`coalesce(${expr}, 0)::numeric(18,2)::text`;
const budgetOf = sql<string>`(select coalesce(sum(b.amount), 0)::numeric(18,2)::text from funds_project_budgets b where b.project_id = funds_projects.id)`;
const flowOf = (type: string) =>
  sql<string>`(select coalesce(sum(f.amount), 0)::numeric(18,2)::text from funds_flows f where f.project_id = funds_projects.id and f.type = ${type})`;

function rowQuery(db: Db | Tx) {
  return db
    .select({
      id: fp.id,
      code: fp.code,
      name: fp.name,
      type: fp.type,
      status: fp.status,
      programmeId: fp.programmeId,
      programmeName: programmes.name,
      pairingId: fp.pairingId,
      pairingLabel: pairingLabelOf(fp.pairingId),
      teamId: fp.teamId,
      teamName: teams.name,
      divisionCode: fp.divisionCode,
      divisionName: divisions.name,
      villageCodes: fp.villageCodes,
      villageNames: sql<
        string[]
      >`coalesce((select array_agg(v.name order by v.code) from divisions v where v.code = any(${fp.villageCodes})), '{}')`,
      implementingUnit: fp.implementingUnit,
      plannedStart: fp.plannedStart,
      plannedFinish: fp.plannedFinish,
      reservedOn: fp.reservedOn,
      approvedOn: fp.approvedOn,
      startedOn: fp.startedOn,
      completedOn: fp.completedOn,
      acceptedOn: fp.acceptedOn,
      handedOverOn: fp.handedOverOn,
      jobsCreated: fp.jobsCreated,
      assetType: fp.assetType,
      assetValue: fp.assetValue,
      assetOwner: fp.assetOwner,
      note: fp.note,
      late: lateSql(todayInBeijing()),
      budget: budgetOf,
      commitment: flowOf('commitment'),
      disbursement: flowOf('disbursement'),
      expenditure: flowOf('expenditure'),
      beneficiaries: sql<number>`(select count(*)::int from funds_beneficiaries x where x.project_id = funds_projects.id)`,
    })
    .from(fp)
    .leftJoin(divisions, eq(divisions.code, fp.divisionCode))
    .leftJoin(programmes, eq(programmes.id, fp.programmeId))
    .leftJoin(teams, eq(teams.id, fp.teamId));
}

type RawRow = Awaited<ReturnType<ReturnType<typeof rowQuery>['where']>>[number];
const shape = ({ budget, commitment, disbursement, expenditure, ...r }: RawRow) => ({
  ...r,
  late: Boolean(r.late),
  money: { budget, commitment, disbursement, expenditure },
});

export async function listProjects(ctx: Ctx, f: ProjectFilter & { page: number; pageSize: number }) {
  const db = dbOf(ctx);
  const where = conditions(ctx.user.scope, f);
  const ids = db.select({ id: fp.id }).from(fp).where(where);
  const [rows, [{ total }], [totals]] = await Promise.all([
    rowQuery(db)
      .where(where)
      .orderBy(desc(fp.reservedOn), asc(fp.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(fp).where(where),
    db
      .select({
        budget: sumOf(sql`(select sum(b.amount) from funds_project_budgets b where b.project_id in ${ids})`),
        commitment: sumOf(sql`sum(${ff.amount}) filter (where ${ff.type} = 'commitment')`),
        disbursement: sumOf(sql`sum(${ff.amount}) filter (where ${ff.type} = 'disbursement')`),
        expenditure: sumOf(sql`sum(${ff.amount}) filter (where ${ff.type} = 'expenditure')`),
      })
      .from(ff)
      .where(inArray(ff.projectId, ids)),
  ]);
  return { items: rows.map(shape), total: Number(total), page: f.page, pageSize: f.pageSize, totals };
}

export async function allProjects(ctx: Ctx, f: ProjectFilter) {
  const rows = await rowQuery(dbOf(ctx)).where(conditions(ctx.user.scope, f)).orderBy(asc(fp.code));
  return rows.map(shape);
}

/** A project in scope, or NOT_FOUND. */
export async function projectRow(ctx: Ctx, id: number) {
  const [row] = await rowQuery(dbOf(ctx)).where(and(eq(fp.id, id), projectsInScope(ctx.user.scope)));
  if (!row) throw new AppError('NOT_FOUND');
  return shape(row);
}

export async function projectDetail(ctx: Ctx, id: number) {
  const row = await projectRow(ctx, id);
  const db = dbOf(ctx);
  const [budgets, flows, people] = await Promise.all([
    db.select({ kind: fpb.kind, amount: fpb.amount }).from(fpb).where(eq(fpb.projectId, id)),
    db.select().from(ff).where(eq(ff.projectId, id)).orderBy(asc(ff.occurredOn), asc(ff.id)),
    db
      .select({
        id: fb.id,
        projectId: fb.projectId,
        name: fb.name,
        idNumberMasked: fb.idNumberMasked,
        mechanism: fb.mechanism,
        since: fb.since,
        note: fb.note,
        lifted: sql<boolean>`exists (select 1 from lifted_persons l where l.id_hash = funds_beneficiaries.id_hash)`,
      })
      .from(fb)
      .where(eq(fb.projectId, id))
      .orderBy(asc(fb.id)),
  ]);
  const byKind = FUND_KINDS.map((kind) => {
    const of = (type: string) => flows.filter((f) => f.kind === kind && f.type === type).reduce((s, f) => s + Number(f.amount), 0);
    const budget = Number(budgets.find((b) => b.kind === kind)?.amount ?? 0);
    return {
      kind,
      budget: budget.toFixed(2),
      commitment: of('commitment').toFixed(2),
      disbursement: of('disbursement').toFixed(2),
      expenditure: of('expenditure').toFixed(2),
    };
  }).filter((b) => Number(b.budget) || Number(b.commitment) || Number(b.disbursement) || Number(b.expenditure));
  return {
    ...row,
    budgets: byKind,
    flows: flows.map((f) => ({
      id: f.id,
      projectId: f.projectId,
      projectCode: row.code,
      projectName: row.name,
      type: f.type,
      kind: f.kind,
      occurredOn: f.occurredOn,
      amount: f.amount,
      voucherNo: f.voucherNo,
      note: f.note,
    })),
    beneficiaryList: people.map((p) => ({ ...p, lifted: Boolean(p.lifted) })),
    liftedBeneficiaries: people.filter((p) => p.lifted).length,
  };
}

function checkPlan(p: { plannedStart?: string | null; plannedFinish?: string | null }) {
  if (p.plannedStart && p.plannedFinish && p.plannedFinish < p.plannedStart) {
    throw invalid({ path: 'body.plannedFinish', key: 'funds.validation.dates' });
  }
}

/** The villages a project serves are villages inside its place (so inside the scope that holds the place). */
async function checkVillages(tx: Tx, p: { divisionCode: string; villageCodes?: string[] }) {
  const codes = p.villageCodes ?? [];
  if (!codes.length) return;
  const found = await tx
    .select({ code: divisions.code })
    .from(divisions)
    .where(and(inArray(divisions.code, codes), eq(divisions.level, 'village')));
  const prefix = divisionPrefix(p.divisionCode);
  const i = codes.findIndex((c) => !c.startsWith(prefix) || !found.some((f) => f.code === c));
  if (i >= 0) throw invalid({ path: `body.villageCodes.${i}`, key: 'funds.validation.villageOutside' });
}

/** Budgets by kind replace the project's own; a budget may not fall below what was already committed or paid of its kind. */
async function setBudgets(tx: Tx, projectId: number, budgets: { kind: FundKind; amount: number }[]) {
  const seen = new Set<string>();
  for (const [i, b] of budgets.entries()) {
    if (seen.has(b.kind)) throw invalid({ path: `body.budgets.${i}.kind`, key: 'funds.validation.duplicateKind' });
    seen.add(b.kind);
  }
  // the most any one type of flow (committed, disbursed, spent) took of each kind
  const used = (
    await tx.execute(sql`select kind, max(s)::text as max from (select kind, type, sum(amount) as s from funds_flows
      where project_id = ${projectId} group by kind, type) x group by kind`)
  ).rows as { kind: FundKind; max: string }[];
  for (const u of used) {
    const b = budgets.find((x) => x.kind === u.kind);
    if (Number(u.max) > (b?.amount ?? 0) + 1e-6) {
      const i = b ? budgets.indexOf(b) : budgets.length;
      throw invalid({ path: `body.budgets.${i}.amount`, key: 'funds.validation.budgetBelowUsed', params: { used: u.max } });
    }
  }
  await tx.delete(fpb).where(eq(fpb.projectId, projectId));
  if (budgets.length) await tx.insert(fpb).values(budgets.map((b) => ({ projectId, kind: b.kind, amount: b.amount.toFixed(2) })));
}

const toRow = ({ budgets: _b, assetValue, ...p }: Partial<z.output<typeof ProjectInput>>) => ({
  ...p,
  ...(assetValue === undefined ? {} : { assetValue: assetValue == null ? null : assetValue.toFixed(2) }),
});

export async function createProject(ctx: Ctx, input: z.output<typeof ProjectInput>) {
  const body = { ...input, teamId: input.teamId ?? ownTeamOf(ctx.user.scope) };
  checkPlan(body);
  assertProjectInScope(ctx.user.scope, body);
  await assertTeam(ctx, body.teamId, 'body.teamId');
  await assertPairing(ctx, body.pairingId, 'body.pairingId');
  return withTx(ctx, async (tx, ctx) => {
    await checkVillages(tx, body);
    const [dup] = await tx.select({ id: fp.id }).from(fp).where(eq(fp.code, body.code));
    if (dup) throw invalid({ path: 'body.code', key: 'funds.validation.duplicateCode' });
    const [row] = await tx
      .insert(fp)
      .values(toRow(body) as typeof fp.$inferInsert)
      .returning();
    await setBudgets(tx, row.id, body.budgets ?? []);
    await writeAudit(tx, ctx.actor, {
      action: 'create',
      entity: 'fund_project',
      entityId: row.id,
      after: { ...row, budgets: body.budgets },
    });
    return row.id;
  });
}

export async function updateProject(ctx: Ctx, id: number, patch: z.output<typeof ProjectPatch>) {
  await assertTeam(ctx, patch.teamId, 'body.teamId');
  await assertPairing(ctx, patch.pairingId, 'body.pairingId');
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(fp).where(eq(fp.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    assertProjectInScope(ctx.user.scope, before);
    const set = toRow(patch);
    const next = { ...before, ...Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined)) };
    checkPlan(next);
    assertProjectInScope(ctx.user.scope, next);
    await checkVillages(tx, next);
    if (patch.code && patch.code !== before.code) {
      const [dup] = await tx.select({ id: fp.id }).from(fp).where(eq(fp.code, patch.code));
      if (dup) throw invalid({ path: 'body.code', key: 'funds.validation.duplicateCode' });
    }
    const [after] = await tx
      .update(fp)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(fp.id, id))
      .returning();
    if (patch.budgets) await setBudgets(tx, id, patch.budgets);
    await writeAudit(tx, ctx.actor, {
      action: 'update',
      entity: 'fund_project',
      entityId: id,
      before,
      after: { ...after, budgets: patch.budgets },
    });
    return id;
  });
}

/**
 * Moves a project forward to `status` on `date`: a later step than its own, dated no earlier than the step
 * before it (steps passed over take the same date). Audited as a step of its own.
 */
export async function stepProject(ctx: Ctx, id: number, input: z.output<typeof ProjectStepInput>) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(fp).where(eq(fp.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    assertProjectInScope(ctx.user.scope, before);
    const from = PROJECT_STATUSES.indexOf(before.status);
    const to = input.status ? PROJECT_STATUSES.indexOf(input.status) : from + 1;
    if (to <= from || to >= PROJECT_STATUSES.length) throw invalid({ path: 'body.status', key: 'funds.validation.stepBack' });
    const date = input.date ?? todayInBeijing();
    const lastDate = before[STEP_DATE[before.status]] as string | null;
    if (lastDate && date < lastDate) throw invalid({ path: 'body.date', key: 'funds.validation.stepDate', params: { date: lastDate } });
    const set: Record<string, string> = { status: PROJECT_STATUSES[to] };
    for (let i = from + 1; i <= to; i++) set[STEP_DATE[PROJECT_STATUSES[i]]] = date;
    const [after] = await tx
      .update(fp)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(fp.id, id))
      .returning();
    await writeAudit(tx, ctx.actor, {
      action: 'transition',
      entity: 'fund_project',
      entityId: id,
      before,
      after: { ...after, stepNote: input.note },
    });
    return id;
  });
}

/** Projects by code, in the user's scope: how ledgers and other modules name a project. */
export async function projectsByCode(ctx: Ctx, codes: string[]) {
  const wanted = [...new Set(codes.filter(Boolean))];
  if (!wanted.length) return new Map<string, { id: number; code: string; name: string; divisionCode: string; teamId: number | null }>();
  const rows = await dbOf(ctx)
    .select({ id: fp.id, code: fp.code, name: fp.name, divisionCode: fp.divisionCode, teamId: fp.teamId })
    .from(fp)
    .where(and(inArray(fp.code, wanted), projectsInScope(ctx.user.scope)));
  return new Map(rows.map((r) => [r.code, r]));
}

type StepDates = Partial<Record<(typeof STEP_DATE)[ProjectStatus], string | null>>;

/**
 * A ledger row's step dates, as written: the status becomes the last step dated. Dates must not go back
 * (the ledger checks it per row first). Audited as a transition when anything changed.
 */
export async function setSteps(ctx: Ctx, id: number, dates: StepDates) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(fp).where(eq(fp.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    assertProjectInScope(ctx.user.scope, before);
    const set: Record<string, string | null> = {};
    let status: ProjectStatus = 'reserve';
    for (const s of PROJECT_STATUSES) {
      const col = STEP_DATE[s];
      const d = dates[col] ?? null;
      if (s !== 'reserve') set[col] = d;
      if (d) status = s;
    }
    const changed = status !== before.status || Object.entries(set).some(([k, v]) => (before as Record<string, unknown>)[k] !== v);
    if (!changed) return id;
    const [after] = await tx
      .update(fp)
      .set({ ...set, status, updatedAt: new Date() })
      .where(eq(fp.id, id))
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'transition', entity: 'fund_project', entityId: id, before, after });
    return id;
  });
}
