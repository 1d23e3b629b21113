// 入户走访台账: home visits, recorded through the module's services.
import { MONITORING_LEDGERS } from '@xiezuo/shared/contracts/monitoring';
import { eq, inArray, sql } from 'drizzle-orm';
import { amount, date } from '../../../platform/ledgers/columns';
import { defineLedger } from '../../../platform/ledgers/types';
import { recordVisit } from '../activity';
import { monitoringVisits as V } from '../tables';
import {
  headColumn,
  householdRecordKey,
  num,
  recordsForExport,
  recordsOfHouseholds,
  requireHouseholds,
  writeHouseholdRecords,
} from './common';

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
  write: (tx, changes, ctx) =>
    writeHouseholdRecords(tx, ctx, changes, {
      entity: 'monitoring_visit',
      add: (c, householdId, r) =>
        recordVisit(c, householdId, {
          visitedOn: r.visitedOn,
          visitors: r.visitors,
          findings: r.findings,
          incomePerHead: num(r.incomePerHead),
          incomeYear: r.incomeYear,
          openRisks: [],
          closeRiskIds: [],
          followedMeasureIds: [],
          photoIds: [],
        }),
      update: async (id, after) =>
        (
          await tx
            .update(V)
            .set({ findings: after.findings, incomePerHead: after.incomePerHead, incomeYear: after.incomeYear })
            .where(eq(V.id, id))
            .returning()
        )[0],
    }),
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
