// 帮扶措施台账: assistance measures, added through the module's services.
import { MEASURE_KINDS, type MeasureKind, MONITORING_LEDGERS } from '@xiezuo/shared/contracts/monitoring';
import { eq, inArray, sql } from 'drizzle-orm';
import { amount, date, enumOf } from '../../../platform/ledgers/columns';
import { defineLedger } from '../../../platform/ledgers/types';
import { addMeasure } from '../activity';
import { monitoringMeasures as Me } from '../tables';
import {
  headColumn,
  householdRecordKey,
  num,
  recordsForExport,
  recordsOfHouseholds,
  requireHouseholds,
  writeHouseholdRecords,
  zh,
} from './common';

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
  write: (tx, changes, ctx) =>
    writeHouseholdRecords(tx, ctx, changes, {
      entity: 'monitoring_measure',
      add: (c, householdId, r) =>
        addMeasure(c, householdId, {
          kind: r.kind,
          description: r.description,
          amount: num(r.amount),
          startOn: r.startOn,
          endOn: r.endOn,
          providerTeamId: r.providerTeamId,
        }),
      update: async (id, after) =>
        (
          await tx
            .update(Me)
            .set({ amount: after.amount, endOn: after.endOn, providerTeamId: after.providerTeamId })
            .where(eq(Me.id, id))
            .returning()
        )[0],
    }),
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
