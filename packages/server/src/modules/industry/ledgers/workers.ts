// 车间务工人员台账: the people at work in a workshop (or an introduced enterprise), ID numbers encrypted,
// exported masked unless revealed (audited). A person already at work elsewhere for overlapping dates — in the
// database or earlier in the same file — is a cell error: they would be counted twice. 其中脱贫人口 is not a
// column: it is computed from the 脱贫人口 roster.
import { INDUSTRY_LEDGERS } from '@xiezuo/shared/contracts/industry';
import { and, eq, inArray } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { date, divisionCode, idNumber } from '../../../platform/ledgers/columns';
import { defineLedger, type LedgerContext, naturalKeyOf } from '../../../platform/ledgers/types';
import { dbOf } from '../access';
import { industryEnterprises as ent, industryWorkshops as shops, industryWorkers as workers } from '../tables';
import { allWorkers, createWorker, overlapsOf, updateWorker } from '../workers';
import { enterprisesByName, workshopsByName } from './common';

type WorkerLedgerRow = {
  workshop: string | null;
  enterprise: string | null;
  name: string;
  idNumber: string;
  homeDivisionCode: string | null;
  startDate: string;
  endDate: string | null;
  note: string | null;
  id?: number;
};

export const workerLedger = defineLedger<WorkerLedgerRow>({
  key: INDUSTRY_LEDGERS.workers,
  title: '车间务工人员台账',
  titleEn: 'Workshop workers',
  entity: 'industry_worker',
  columns: [
    {
      key: 'workshop',
      header: '车间名称',
      headerEn: 'Workshop',
      synonyms: ['帮扶车间', '帮扶车间名称', '务工车间'],
      type: 'text',
      example: '海坪村服装加工帮扶车间',
    },
    {
      key: 'enterprise',
      header: '企业名称',
      headerEn: 'Enterprise',
      synonyms: ['务工企业'],
      type: 'text',
      note: '在引进企业务工的填企业名称，车间名称留空',
    },
    { key: 'name', header: '姓名', headerEn: 'Name', type: 'text', required: true, example: '张三' },
    idNumber({ example: '11010519491231002X' }),
    divisionCode({
      generic: false,
      key: 'homeDivisionCode',
      header: '户籍所在村区划代码',
      headerEn: 'Home village code',
      synonyms: ['户籍地区划代码'],
    }),
    date({
      key: 'startDate',
      header: '务工开始日期',
      headerEn: 'Work start',
      synonyms: ['入职日期', '务工时间', '开始日期'],
      required: true,
      example: '2025-03-01',
    }),
    date({ key: 'endDate', header: '务工结束日期', headerEn: 'Work end', synonyms: ['离职日期', '结束日期'] }),
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: ['idNumber', 'workshop', 'enterprise', 'startDate'],
  permissions: { import: 'industry.write', export: 'ledgers.export' },
  validate(row) {
    const problems: ErrorDetail[] = [];
    if ((row.workshop == null) === (row.enterprise == null)) problems.push({ path: 'workshop', key: 'industry.validation.onePlace' });
    if (row.endDate && row.endDate < row.startDate) problems.push({ path: 'endDate', key: 'industry.validation.dates' });
    return problems;
  },
  validateBatch: checkWorkers,
  async findExisting(tx, rows, ctx) {
    const hashes = [...new Set(rows.map((r) => ctx.services.cipher.hash(r.idNumber)))];
    const found = await tx
      .select({ w: workers, workshop: shops.name, enterprise: ent.name })
      .from(workers)
      .leftJoin(shops, eq(shops.id, workers.workshopId))
      .leftJoin(ent, eq(ent.id, workers.enterpriseId))
      .where(inArray(workers.idHash, hashes));
    const out = new Map<string, WorkerLedgerRow>();
    for (const f of found) {
      const row = { ...toLedgerRow(f.w, f.workshop, f.enterprise, ctx.services.cipher.decrypt(f.w.idCipher)), id: f.w.id };
      out.set(naturalKeyOf(workerLedger, row), row);
    }
    return out;
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    const all = [...changes.insert, ...changes.update.map((u) => u.after)];
    const [shopIds, ents] = [
      await workshopsByName(
        c,
        all.map((r) => r.workshop),
      ),
      await enterprisesByName(
        c,
        all.map((r) => r.enterprise),
      ),
    ];
    const body = ({ workshop, enterprise, id: _id, ...rest }: WorkerLedgerRow) => ({
      ...rest,
      workshopId: workshop ? shopIds.get(workshop)! : null,
      enterpriseId: enterprise ? ents.get(enterprise)!.id : null,
    });
    for (const r of changes.insert) await createWorker(c, body(r));
    for (const { before, after } of changes.update) await updateWorker(c, before.id!, body(after));
  },
  async exportRows(ctx, filters) {
    const rows = await allWorkers(ctx, {
      workshopId: filters.workshopId ? Number(filters.workshopId) : undefined,
      enterpriseId: filters.enterpriseId ? Number(filters.enterpriseId) : undefined,
      q: filters.q,
    });
    return rows.map((r) => toLedgerRow(r, r.workshopName, r.enterpriseName, ctx.services.cipher.decrypt(r.idCipher)));
  },
});

/**
 * The workshop or enterprise must be one the user sees; the person may not be at work elsewhere for
 * overlapping dates, neither in the database (their own record of this row excepted) nor earlier in the file.
 */
async function checkWorkers(rows: WorkerLedgerRow[], ctx: LedgerContext): Promise<ErrorDetail[][]> {
  const [shopIds, ents] = [
    await workshopsByName(
      ctx,
      rows.map((r) => r.workshop),
    ),
    await enterprisesByName(
      ctx,
      rows.map((r) => r.enterprise),
    ),
  ];
  const hashes = rows.map((r) => ctx.services.cipher.hash(r.idNumber));
  const own = await ownRecords(ctx, rows, hashes);
  const clashes = await overlapsOf(
    dbOf(ctx),
    rows.map((r, i) => ({ hash: hashes[i], startDate: r.startDate, endDate: r.endDate, exceptId: own[i] })),
  );
  const seen: { hash: string; start: string; end: string; place: string }[] = [];
  return rows.map((row, i) => {
    const problems: ErrorDetail[] = [];
    if (row.workshop != null && !shopIds.has(row.workshop))
      problems.push({ path: 'workshop', key: 'industry.validation.noWorkshopByName', params: { name: row.workshop } });
    if (row.enterprise != null && !ents.has(row.enterprise))
      problems.push({ path: 'enterprise', key: 'industry.validation.noEnterpriseByName', params: { name: row.enterprise } });
    const end = row.endDate ?? '9999-12-31';
    const twin = seen.find((s) => s.hash === hashes[i] && s.start <= end && s.end >= row.startDate);
    const place = clashes[i] ?? twin?.place;
    if (place) problems.push({ path: 'startDate', key: 'industry.validation.overlap', params: { place } });
    seen.push({ hash: hashes[i], start: row.startDate, end, place: row.workshop ?? row.enterprise ?? '' });
    return problems;
  });
}

/** The stored record each row is (same person, place and start), so a re-import does not clash with itself. */
async function ownRecords(ctx: LedgerContext, rows: WorkerLedgerRow[], hashes: string[]): Promise<(number | undefined)[]> {
  const found = await dbOf(ctx)
    .select({ id: workers.id, hash: workers.idHash, start: workers.startDate, workshop: shops.name, enterprise: ent.name })
    .from(workers)
    .leftJoin(shops, eq(shops.id, workers.workshopId))
    .leftJoin(ent, eq(ent.id, workers.enterpriseId))
    .where(and(inArray(workers.idHash, [...new Set(hashes)])));
  return rows.map(
    (r, i) =>
      found.find(
        (f) =>
          f.hash === hashes[i] && f.start === r.startDate && (f.workshop ?? null) === r.workshop && (f.enterprise ?? null) === r.enterprise,
      )?.id,
  );
}

function toLedgerRow(
  w: { name: string; homeDivisionCode: string | null; startDate: string; endDate: string | null; note: string | null },
  workshop: string | null,
  enterprise: string | null,
  id: string,
): WorkerLedgerRow {
  return {
    workshop,
    enterprise,
    name: w.name,
    idNumber: id,
    homeDivisionCode: w.homeDivisionCode,
    startDate: w.startDate,
    endDate: w.endDate,
    note: w.note,
  };
}
