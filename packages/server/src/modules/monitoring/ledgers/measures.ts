// 帮扶措施台账: assistance measures. Committed set-based from the staging table a slice at a time
// (applyMeasures), with the outcome addMeasure and the row-by-row write() had: the measure, one audit entry each.
import { MEASURE_KINDS, type MeasureKind, MONITORING_LEDGERS } from '@xiezuo/shared/contracts/monitoring';
import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client';
import { invalid } from '../../../platform/http/errors';
import { type ApplySlice, inSlice, journalAudit, journalHead } from '../../../platform/ledgers/apply';
import { amount, date, enumOf } from '../../../platform/ledgers/columns';
import { defineLedger, type LedgerContext } from '../../../platform/ledgers/types';
import { monitoringMeasures as Me } from '../tables';
import { headColumn, householdRecordKey, recordsForExport, recordsOfHouseholds, requireHouseholds, zh } from './common';
import { classifyRecords, idSequence, type RecordColumn, recordJson, sealHouseholdRecord, updateRecords } from './householdRecords';

// ---- 帮扶措施台账 ----
type MeasureRow = {
  headIdNumber: string;
  kind: MeasureKind;
  description: string;
  amount: string | null;
  startOn: string;
  endOn: string | null;
  providerTeamId: number | null;
  id?: number;
  version?: string;
};

const MEASURE_KEY = { naturalKey: ['headIdNumber', 'kind', 'startOn', 'description'] };

const measureRow = (m: typeof Me.$inferSelect, headIdNumber: string): MeasureRow => ({
  headIdNumber,
  kind: m.kind,
  description: m.description,
  amount: m.amount,
  startOn: m.startOn,
  endOn: m.endOn,
  providerTeamId: m.providerTeamId,
});

export const measureLedger = defineLedger<MeasureRow>({
  key: MONITORING_LEDGERS.measures,
  title: '防返贫监测户帮扶措施台账',
  titleEn: 'Assistance measures for monitored households',
  entity: 'monitoring_measure',
  columns: [
    headColumn,
    enumOf(MEASURE_KINDS, zh.measures, { key: 'kind', header: '措施类型', headerEn: 'Kind', required: true, example: '教育帮扶/雨露计划' }),
    { key: 'description', header: '措施内容', headerEn: 'Description', type: 'text', required: true, example: '雨露计划助学补助' },
    amount({ key: 'amount', header: '金额（元）', headerEn: 'Amount (yuan)', synonyms: ['金额', '帮扶金额'], example: 3000 }),
    date({ key: 'startOn', header: '开始日期', headerEn: 'Start', required: true, example: '2025-07-20' }),
    date({ key: 'endOn', header: '结束日期', headerEn: 'End' }),
    { key: 'providerTeamId', header: '帮扶工作队编号', headerEn: 'Provider team id', type: 'integer' },
  ],
  naturalKey: MEASURE_KEY.naturalKey,
  permissions: { import: 'ledgers.import', export: 'ledgers.export' },
  validateBatch: requireHouseholds,
  findExisting: (tx, rows, ctx) =>
    recordsOfHouseholds(
      tx,
      ctx,
      rows,
      (ids) => tx.select().from(Me).where(inArray(Me.householdId, ids)),
      (m, head) => ({ ...measureRow(m, head), id: m.id }),
      MEASURE_KEY,
    ),
  tables: ['monitoring_measures'],
  sealRow: (row, _before, ctx) => sealHouseholdRecord(row, ctx),
  applyStaged: applyMeasures,
  // the export's hidden 记录标识: the record and its row version (a masked head ID number then means "unchanged")
  recordKey: householdRecordKey<typeof Me.$inferSelect & { version: string }, MeasureRow>(
    async (tx, ids) =>
      withVersion(
        await tx
          .select({ r: Me, version: sql<string>`${Me}.xmin::text` })
          .from(Me)
          .where(inArray(Me.id, ids)),
      ),
    measureRow,
  ),
  exportRows: (ctx, filters) =>
    recordsForExport(
      ctx,
      filters,
      async (ids) =>
        withVersion(
          await ctx.services.db
            .select({ r: Me, version: sql<string>`${Me}.xmin::text` })
            .from(Me)
            .where(inArray(Me.householdId, ids))
            .orderBy(Me.householdId, Me.id),
        ),
      (r, head) => ({ ...measureRow(r, head), id: r.id, version: r.version }),
    ),
});

const withVersion = (rows: { r: typeof Me.$inferSelect; version: string }[]) => rows.map(({ r, version }) => ({ ...r, version }));

/** The measure as the ledger's row (the 'before' of an update entry) and as the table's row (drizzle's, in entries). */
const MEASURE_ROW = {
  kind: '$.kind',
  description: '$.description',
  amount: '$.amount::text',
  startOn: '$.start_on::text',
  endOn: '$.end_on::text',
  providerTeamId: '$.provider_team_id',
};
const MEASURE = {
  ...MEASURE_ROW,
  id: '$.id',
  householdId: '$.household_id',
  providerUnitId: '$.provider_unit_id',
  lastFollowUpOn: '$.last_follow_up_on::text',
  followUpNote: '$.follow_up_note',
};

/**
 * One slice of the commit (platform/ledgers/apply.ts), set-based, with what write() did row by row: rows
 * classified again against the measures as they are now (same household, kind, start and content); changed
 * ones get the file's 金额 / 结束日期 / 帮扶工作队编号 with an 'update' entry each; new ones are inserted in file
 * order as addMeasure inserts them (refusing an end before the start as it does), a 'create' entry each.
 */
async function applyMeasures(tx: Tx, slice: ApplySlice, ctx: LedgerContext) {
  const mine = inSlice(slice);
  const compared: RecordColumn[] = [
    { key: 'amount', column: 'amount', type: 'numeric' },
    { key: 'endOn', column: 'end_on', type: 'date' },
    { key: 'providerTeamId', column: 'provider_team_id', type: 'int' },
  ];
  await classifyRecords(tx, slice, ctx, {
    table: 'monitoring_measures',
    key: [
      { key: 'kind', column: 'kind', type: 'text' },
      { key: 'startOn', column: 'start_on', type: 'date' },
      { key: 'description', column: 'description', type: 'text' },
    ],
    compared,
  });
  const [early] = (
    await tx.execute(sql`select s.r->>'startOn' as min from ledger_import_rows s
      where ${mine} and s.a = 'insert' and (s.r->>'endOn')::date < (s.r->>'startOn')::date order by s.n limit 1`)
  ).rows as { min: string }[];
  if (early) throw invalid({ path: 'body.endOn', key: 'validation.tooSmall', params: { min: early.min } });

  const updated = await updateRecords(tx, slice, {
    table: 'monitoring_measures',
    entity: 'monitoring_measure',
    updated: compared,
    before: (o) => recordJson(o, MEASURE_ROW),
    after: (u) => recordJson(u, MEASURE),
  });

  const seq = await idSequence(tx, 'monitoring_measures');
  const made = await tx.execute(sql`
    with src as materialized (
      select s.n, s.r, (s.r->>'hid')::int as hid, nextval(${seq}::oid::regclass)::int as mid
      from ledger_import_rows s where ${mine} and s.a = 'insert' order by s.n
    ),
    ins as (
      insert into monitoring_measures (id, household_id, kind, description, provider_team_id, provider_unit_id, amount, start_on, end_on)
      select mid, hid, r->>'kind', r->>'description', (r->>'providerTeamId')::int, null, (r->>'amount')::numeric,
        (r->>'startOn')::date, (r->>'endOn')::date
      from src order by n
      returning *
    ),
    j as (insert into ledger_import_undo (import_id, slice, ord, tbl, row_id) select ${journalHead(slice, 1, 'monitoring_measures')}, id from ins)
    insert into ledger_import_undo (import_id, slice, ord, tbl, audit)
    select ${journalAudit(
      slice,
      sql`jsonb_build_object('action', 'create', 'entity', 'monitoring_measure', 'entityId', ins.id::text, 'before', null,
        'after', ${recordJson('ins', MEASURE)})`,
    )}
    from src join ins on ins.id = src.mid order by src.n
    returning 1`);
  return { inserted: made.rows.length, updated };
}
