// 入户走访台账: home visits — the ledger village staff import most. Committed set-based from the staging
// table a slice at a time (applyVisits), with the outcome recordVisit and the row-by-row write() had: the
// visit, the household's last visit and verified income, one audit entry per visit.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { MONITORING_LEDGERS } from '@xiezuo/shared/contracts/monitoring';
import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client';
import { invalid } from '../../../platform/http/errors';
import { type ApplySlice, inSlice, journalAudit, journalHead } from '../../../platform/ledgers/apply';
import { amount, date } from '../../../platform/ledgers/columns';
import { defineLedger, type LedgerContext } from '../../../platform/ledgers/types';
import { monitoringVisits as V } from '../tables';
import { headColumn, householdRecordKey, recordsForExport, recordsOfHouseholds, requireHouseholds } from './common';
import { classifyRecords, idSequence, recordJson, sealHouseholdRecord, updateRecords } from './householdRecords';

// ---- 入户走访台账 ----
type VisitRow = {
  headIdNumber: string;
  visitedOn: string;
  visitors: string;
  findings: string;
  incomePerHead: string | null;
  incomeYear: number | null;
  id?: number;
  version?: string;
};

const VISIT_KEY = { naturalKey: ['headIdNumber', 'visitedOn', 'visitors'] };

const visitRow = (v: typeof V.$inferSelect, headIdNumber: string): VisitRow => ({
  headIdNumber,
  visitedOn: v.visitedOn,
  visitors: v.visitors,
  findings: v.findings,
  incomePerHead: v.incomePerHead,
  incomeYear: v.incomeYear,
});

export const visitLedger = defineLedger<VisitRow>({
  key: MONITORING_LEDGERS.visits,
  title: '防返贫监测户走访台账',
  titleEn: 'Home visits to monitored households',
  entity: 'monitoring_visit',
  columns: [
    headColumn,
    date({ key: 'visitedOn', header: '走访日期', headerEn: 'Visit date', required: true, example: '2025-08-01' }),
    { key: 'visitors', header: '走访人员', headerEn: 'Visitors', type: 'text', required: true, example: '驻岗坪镇工作队、村干部' },
    {
      key: 'findings',
      header: '走访情况',
      headerEn: 'Findings',
      synonyms: ['走访发现', '走访记录'],
      type: 'text',
      required: true,
      maxLength: 2000,
      example: '家有在校生，列为重点观察对象',
    },
    amount({ key: 'incomePerHead', header: '核实人均收入', headerEn: 'Verified income per head', example: 9000 }),
    { key: 'incomeYear', header: '收入年度', headerEn: 'Income year', type: 'integer', example: 2025 },
  ],
  naturalKey: VISIT_KEY.naturalKey,
  permissions: { import: 'ledgers.import', export: 'ledgers.export' },
  // a visit dated after today is a typing slip: said in the dry run, under its cell, rather than at the commit
  validate: (row) => (row.visitedOn > todayInBeijing() ? [{ path: 'visitedOn', key: 'monitoring.refused.visitFuture' }] : []),
  validateBatch: requireHouseholds,
  findExisting: (tx, rows, ctx) =>
    recordsOfHouseholds(
      tx,
      ctx,
      rows,
      (ids) => tx.select().from(V).where(inArray(V.householdId, ids)),
      (v, head) => ({ ...visitRow(v, head), id: v.id }),
      VISIT_KEY,
    ),
  // through recordVisit row by row, 2,000 visits held every other request for 64 s on PGlite: staged, applied in slices
  tables: ['monitoring_visits', 'monitoring_households'],
  sealRow: (row, _before, ctx) => sealHouseholdRecord(row, ctx),
  applyStaged: applyVisits,
  // the export's hidden 记录标识: the record and its row version (a masked head ID number then means "unchanged")
  recordKey: householdRecordKey<typeof V.$inferSelect & { version: string }, VisitRow>(
    async (tx, ids) =>
      withVersion(
        await tx
          .select({ r: V, version: sql<string>`${V}.xmin::text` })
          .from(V)
          .where(inArray(V.id, ids)),
      ),
    visitRow,
  ),
  exportRows: (ctx, filters) =>
    recordsForExport(
      ctx,
      filters,
      async (ids) =>
        withVersion(
          await ctx.services.db
            .select({ r: V, version: sql<string>`${V}.xmin::text` })
            .from(V)
            .where(inArray(V.householdId, ids))
            .orderBy(V.visitedOn, V.id),
        ),
      (r, head) => ({ ...visitRow(r, head), id: r.id, version: r.version }),
    ),
});

const withVersion = (rows: { r: typeof V.$inferSelect; version: string }[]) => rows.map(({ r, version }) => ({ ...r, version }));

/** The visit as the ledger's row (the 'before' of an update entry) and as the table's row (drizzle's, in entries). */
const VISIT_ROW = {
  visitedOn: '$.visited_on::text',
  visitors: '$.visitors',
  findings: '$.findings',
  incomePerHead: '$.income_per_head::text',
  incomeYear: '$.income_year',
};
const VISIT = {
  id: '$.id',
  householdId: '$.household_id',
  ...VISIT_ROW,
  riskChanges: '$.risk_changes',
  gps: '$.gps',
  createdBy: '$.created_by',
};
const visitJson = (x: string) => recordJson(x, VISIT, { createdAt: 'created_at' });

/**
 * One slice of the commit (platform/ledgers/apply.ts), set-based, with what write() did row by row:
 * 1. each row's household found again by its head (in scope), and the row classified again against the
 *    visits as they are now (same household, date and visitors): new, changed or unchanged;
 * 2. changed visits get the file's 走访情况 / 核实人均收入 / 收入年度, one 'update' audit entry each (before: the
 *    visit as the ledger row, after: the stored visit);
 * 3. new visits are inserted in file order as recordVisit records them (no risks, measures or photos), each
 *    with a 'create' audit entry, and their households get the last visit date and — from the newest visit
 *    that carries one — the verified income, in file order: a visit older than the household's last one
 *    records its income but does not apply it (the entry says incomeNotApplied, as recordVisit's does).
 * Every row it writes is journaled (the households as they were); its audit entries wait in the journal.
 */
async function applyVisits(tx: Tx, slice: ApplySlice, ctx: LedgerContext) {
  const mine = inSlice(slice);
  const text = (key: string, column = key) => ({ key, column, type: 'text' as const });
  const compared = [
    text('findings'),
    { key: 'incomePerHead', column: 'income_per_head', type: 'numeric' as const },
    { key: 'incomeYear', column: 'income_year', type: 'int' as const },
  ];
  await classifyRecords(tx, slice, ctx, {
    table: 'monitoring_visits',
    key: [{ key: 'visitedOn', column: 'visited_on', type: 'date' }, text('visitors')],
    compared,
  });
  // recordVisit refuses a visit dated after today (the commit may run days after the check)
  const future = await tx.execute(
    sql`select 1 from ledger_import_rows s where ${mine} and s.a = 'insert' and (s.r->>'visitedOn')::date > ${todayInBeijing()}::date limit 1`,
  );
  if (future.rows.length) throw invalid({ path: 'body.visitedOn', key: 'monitoring.refused.visitFuture' });

  // 2. the changed visits: journaled as they were, audited, updated
  const updated = await updateRecords(tx, slice, {
    table: 'monitoring_visits',
    entity: 'monitoring_visit',
    updated: compared,
    before: (o) => recordJson(o, VISIT_ROW),
    after: visitJson,
  });

  // 3. the new visits, their households and their audit entries, in one statement (every part sees the rows as they were)
  const seq = await idSequence(tx, 'monitoring_visits');
  const made = await tx.execute(sql`
    with w as (
      select s.n, s.r, h.id as hid, (s.r->>'visitedOn')::date as von, (s.r->>'incomePerHead')::numeric as inc,
        (s.r->>'incomeYear')::int as yr,
        -- the household's last visit as recordVisit found it for this row: after the file's earlier visits to it
        greatest(h.last_visit_on, max((s.r->>'visitedOn')::date) over (partition by h.id order by s.n rows between unbounded preceding and 1 preceding)) as prev
      from ledger_import_rows s join monitoring_households h on h.id = (s.r->>'hid')::int
      where ${mine} and s.a = 'insert'
    ),
    src as materialized (
      select w.*, (prev is null or von >= prev) as newest, nextval(${seq}::oid::regclass)::int as vid from w order by n
    ),
    ins as (
      insert into monitoring_visits (id, household_id, visited_on, visitors, findings, income_per_head, income_year, risk_changes, gps, created_by)
      select vid, hid, von, r->>'visitors', r->>'findings', inc, yr, '{"opened":[],"closed":[],"followed":[]}'::jsonb, null, ${ctx.actor.id}::int
      from src order by n
      returning *
    ),
    per as (
      select hid, max(von) as last, bool_or(newest and inc is not null) as has_inc,
        (array_agg(inc order by n desc) filter (where newest and inc is not null))[1] as inc,
        (array_agg(yr order by n desc) filter (where newest and inc is not null and yr is not null))[1] as yr
      from src group by hid
    ),
    jh as (insert into ledger_import_undo (import_id, slice, ord, tbl, row_id, before)
      select ${journalHead(slice, 0, 'monitoring_households')}, h.id, to_jsonb(h) from monitoring_households h join per on per.hid = h.id),
    hu as (
      update monitoring_households h set updated_at = now(), last_visit_on = greatest(h.last_visit_on, per.last),
        income_per_head = case when per.has_inc then per.inc else h.income_per_head end,
        income_year = case when per.has_inc then coalesce(per.yr, h.income_year) else h.income_year end
      from per where h.id = per.hid
    ),
    -- undone first (ord 1): the new visits; then (ord 0) the households as they were
    jv as (insert into ledger_import_undo (import_id, slice, ord, tbl, row_id) select ${journalHead(slice, 1, 'monitoring_visits')}, id from ins)
    insert into ledger_import_undo (import_id, slice, ord, tbl, audit)
    select ${journalAudit(
      slice,
      sql`jsonb_build_object('action', 'create', 'entity', 'monitoring_visit', 'entityId', ins.id::text, 'before', null,
        'after', ${visitJson('ins')} || jsonb_build_object('reconciled', case when src.inc is not null and not src.newest
          then jsonb_build_array(jsonb_build_object('kind', 'incomeNotApplied', 'id', null, 'params', jsonb_build_object('lastVisitOn', src.prev::text)))
          else '[]'::jsonb end))`,
    )}
    from src join ins on ins.id = src.vid order by src.n
    returning 1`);
  return { inserted: made.rows.length, updated };
}
