// 务工就业台账: one row per job (a person with two jobs has two rows), the home village by name; the place of
// work by division code, from which 就地就近/省内/跨省 is computed. Written through saveEmployment (scope, audit).
import { EMPLOYMENT_CHANNELS, type EmploymentChannel, LABOUR_LEDGERS } from '@xiezuo/shared/contracts/labour';
import { catalogues } from '@xiezuo/shared/i18n/index';
import { inArray, sql } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { amount, date, divisionByName, divisionCode, enumOf, idNumber } from '../../../platform/ledgers/columns';
import { type StagedTableSpec, sealedIdColumns, textColumn } from '../../../platform/ledgers/stagedSpec';
import { defineLedger, type LedgerContext, type LedgerRow, naturalKeyOf } from '../../../platform/ledgers/types';
import { inScope, scopeWhere } from '../../../platform/scope';
import { ownTeamOf } from '../access';
import { allEmployments } from '../employments';
import { sealIdNumber } from '../people';
import { unknownNames } from '../stations';
import { labourEmployments } from '../tables';

const zh = catalogues['zh-CN'].labour;

type EmploymentLedgerRow = {
  name: string;
  idNumber: string;
  divisionCode: string;
  employer: string;
  workDivisionCode: string;
  startDate: string;
  endDate: string | null;
  monthlyWage: string | null; // 元, two decimals (as the amount column reads it)
  channel: EmploymentChannel;
  station: string | null;
  brand: string | null;
  note: string | null;
};

const toRow = (r: typeof labourEmployments.$inferSelect, idNumber: string): EmploymentLedgerRow => ({
  name: r.name,
  idNumber,
  divisionCode: r.divisionCode,
  employer: r.employer,
  workDivisionCode: r.workDivisionCode,
  startDate: r.startDate,
  endDate: r.endDate,
  monthlyWage: r.monthlyWage,
  channel: r.channel,
  station: r.station,
  brand: r.brand,
  note: r.note,
});

export const employmentLedger = defineLedger<EmploymentLedgerRow>({
  key: LABOUR_LEDGERS.employments,
  title: '务工就业台账',
  titleEn: 'Employment ledger',
  entity: 'labour_employment',
  permissions: { import: 'labour.write', export: 'ledgers.export' },
  naturalKey: ['idNumber', 'employer', 'startDate'],
  columns: [
    { key: 'name', header: '姓名', headerEn: 'Name', synonyms: ['务工人员姓名'], type: 'text', required: true, example: '赵小梅（演示）' },
    idNumber({ example: '451123199001010027' }),
    divisionByName({ level: 'village', header: '户籍所在村', headerEn: 'Home village', required: true, example: '451123104201' }),
    {
      key: 'employer',
      header: '就业单位',
      headerEn: 'Employer',
      synonyms: ['务工单位', '就业企业', '用工单位'],
      type: 'text',
      required: true,
      example: '佛山市某电子有限公司',
    },
    divisionCode({
      key: 'workDivisionCode',
      header: '就业地区划代码',
      headerEn: 'Place of work (division code)',
      synonyms: ['务工地区划代码', '就业地代码'],
      generic: false,
      required: true,
      example: '440606000000',
    }),
    date({
      key: 'startDate',
      header: '就业开始日期',
      headerEn: 'Start date',
      synonyms: ['开始日期', '务工开始时间'],
      required: true,
      example: '2026-03-01',
    }),
    date({ key: 'endDate', header: '就业结束日期', headerEn: 'End date', synonyms: ['结束日期', '务工结束时间'], example: '' }),
    amount({
      key: 'monthlyWage',
      header: '月工资',
      headerEn: 'Monthly wage',
      synonyms: ['月收入', '月工资（元）', '月均工资'],
      example: 5500,
    }),
    enumOf(EMPLOYMENT_CHANNELS, zh.channels, {
      key: 'channel',
      header: '就业方式',
      headerEn: 'Channel',
      synonyms: ['务工方式'],
      required: true,
      example: '组织化输出',
      words: { 有组织输出: 'organised', 自主外出: 'self', 自主: 'self', 自行就业: 'self' },
    }),
    {
      key: 'station',
      header: '劳务工作站',
      headerEn: 'Labour station',
      synonyms: ['输出工作站', '劳务站'],
      type: 'text',
      example: '富川驻佛山劳务工作站',
    },
    { key: 'brand', header: '劳务品牌', headerEn: 'Labour brand', type: 'text', example: '富川药膳师傅' },
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  validate(row, ctx) {
    const problems: ErrorDetail[] = [];
    if (row.endDate && row.endDate < row.startDate) problems.push({ path: 'endDate', key: 'labour.validation.endBeforeStart' });
    const teamId = inScope(ctx.user.scope, { divisionCode: row.divisionCode }) ? null : ownTeamOf(ctx.user.scope);
    if (!inScope(ctx.user.scope, { divisionCode: row.divisionCode, teamId }))
      problems.push({ path: 'divisionCode', key: 'errors.OUT_OF_SCOPE' });
    return problems;
  },
  // the station and brand a job names must be registered (劳务工作站, 劳务品牌): one query each per batch
  async validateBatch(rows, ctx) {
    const stations = await unknownNames(
      ctx,
      'station',
      rows.map((r) => r.station),
    );
    const brands = await unknownNames(
      ctx,
      'brand',
      rows.map((r) => r.brand),
    );
    return rows.map((r) => [
      ...(r.station && stations.has(r.station) ? [{ path: 'station', key: 'labour.validation.unknownStation' }] : []),
      ...(r.brand && brands.has(r.brand) ? [{ path: 'brand', key: 'labour.validation.unknownBrand' }] : []),
    ]);
  },
  async findExisting(tx, rows, ctx) {
    const hashes = [...new Set(rows.map((r) => ctx.services.cipher.hash(r.idNumber)))];
    const found = hashes.length ? await tx.select().from(labourEmployments).where(inArray(labourEmployments.idHash, hashes)) : [];
    const out = new Map<string, EmploymentLedgerRow>();
    for (const r of found) {
      const row = toRow(r, ctx.services.cipher.decrypt(r.idCipher));
      out.set(naturalKeyOf(employmentLedger, row), row);
    }
    return out;
  },
  // a province's ledger is ~740,000 rows: committed set-based from the staging table, ID numbers sealed at the dry run
  maxRows: 800_000,
  uniqueNaturalKey: true, // labour_employments_job_uq (id_hash, employer, start_date)
  sealRow: sealEmploymentRow,
  staged: stagedEmployments,
  async exportRows(ctx, filters) {
    const rows = await allEmployments(ctx, { divisionCode: filters.divisionCode, q: filters.q });
    return rows.map((r) => toRow(r, ctx.services.cipher.decrypt(r.idCipher)));
  },
});

/** The team a row's record belongs to: none when the home village is the user's, else the team user's own (as saveEmployment). */
const teamOfRow = (row: EmploymentLedgerRow, ctx: LedgerContext) =>
  inScope(ctx.user.scope, { divisionCode: row.divisionCode }) ? null : ownTeamOf(ctx.user.scope);

/** The job as the commit writes it: the ID number as hash, ciphertext and mask, never in the clear. */
function sealEmploymentRow(row: EmploymentLedgerRow, _before: EmploymentLedgerRow | undefined, ctx: LedgerContext): LedgerRow {
  const { idNumber, ...plain } = row;
  return { ...plain, ...sealIdNumber(ctx.services.cipher, idNumber), teamId: teamOfRow(row, ctx) };
}

/** labour_employments, matched by (ID hash, employer, start date) among the records in the user's scope. */
function stagedEmployments(ctx: LedgerContext): StagedTableSpec {
  const text = textColumn;
  const scope = scopeWhere(ctx.user.scope, { division: sql.raw('t.division_code'), team: sql.raw('t.team_id') });
  return {
    table: 'labour_employments',
    entity: 'labour_employment',
    naturalKey: ['idHash', 'employer', 'startDate'],
    uniqueNaturalKey: true,
    match: scope ?? sql`true`,
    auditKey: [{ key: 'idMasked' }, { key: 'employer' }, { key: 'startDate' }],
    entityIdColumn: 'id',
    touch: 'updated_at',
    columns: [
      ...sealedIdColumns,
      text('name', 'name'),
      text('divisionCode', 'division_code'),
      { key: 'teamId', column: 'team_id', type: 'integer' },
      text('employer', 'employer'),
      text('workDivisionCode', 'work_division_code'),
      { key: 'startDate', column: 'start_date', type: 'date' },
      { key: 'endDate', column: 'end_date', type: 'date' },
      { key: 'monthlyWage', column: 'monthly_wage', type: 'numeric' },
      text('channel', 'channel'),
      text('station', 'station'),
      text('brand', 'brand'),
      text('note', 'note'),
    ],
  };
}
