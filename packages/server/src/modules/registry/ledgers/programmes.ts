// 协作项目台账: programmes by code. Programmes span provinces: everyone may export them, only HQ and admin
// (registry.reference, whole scope) may import. Phases stay with the API.
import { PROGRAMME_CODE, PROGRAMME_KINDS, type ProgrammeKind, REGISTRY_LEDGERS } from '@xiezuo/shared/contracts/registry';
import { catalogues } from '@xiezuo/shared/i18n/index';
import { inArray } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { date, enumOf } from '../../../platform/ledgers/columns';
import { defineLedger } from '../../../platform/ledgers/types';
import { createProgramme, listProgrammes, updateProgramme } from '../programmes';
import { programmes } from '../tables';

const zh = catalogues['zh-CN'].registry;

type ProgrammeLedgerRow = {
  code: string;
  name: string;
  kind: ProgrammeKind;
  startDate: string;
  endDate: string | null;
  description: string | null;
  id?: number;
};
const toProgrammeRow = (p: typeof programmes.$inferSelect): ProgrammeLedgerRow => ({
  code: p.code,
  name: p.name,
  kind: p.kind,
  startDate: p.startDate,
  endDate: p.endDate,
  description: p.description,
});

export const programmeLedger = defineLedger<ProgrammeLedgerRow>({
  key: REGISTRY_LEDGERS.programmes,
  title: '协作项目台账',
  titleEn: 'Programmes',
  entity: 'programme',
  columns: [
    {
      key: 'code',
      header: '项目代码',
      headerEn: 'Code',
      synonyms: ['代码'],
      type: 'text',
      required: true,
      maxLength: 40,
      note: '小写字母、数字和短横线，如 yue-gui-2021',
      example: 'yue-gui-2026',
    },
    {
      key: 'name',
      header: '项目名称',
      headerEn: 'Name',
      synonyms: ['协作项目', '名称'],
      type: 'text',
      required: true,
      maxLength: 200,
      example: '粤桂东西部协作（演示）',
    },
    enumOf(PROGRAMME_KINDS, zh.programmeKinds, {
      key: 'kind',
      header: '项目类型',
      headerEn: 'Kind',
      synonyms: ['类型'],
      required: true,
      example: '东西部协作',
    }),
    date({ key: 'startDate', header: '开始日期', headerEn: 'Start date', required: true, example: '2026-01-01' }),
    date({ key: 'endDate', header: '结束日期', headerEn: 'End date', example: '2030-12-31' }),
    { key: 'description', header: '项目说明', headerEn: 'Description', synonyms: ['说明', '备注'], type: 'text', maxLength: 2000 },
  ],
  naturalKey: ['code'],
  uniqueNaturalKey: true,
  tables: ['programmes'],
  permissions: { import: 'registry.reference', export: 'ledgers.export' },
  validate(row, ctx) {
    const problems: ErrorDetail[] = [];
    if (!ctx.user.scope.all) problems.push({ path: 'code', key: 'errors.OUT_OF_SCOPE' });
    if (!PROGRAMME_CODE.test(row.code)) problems.push({ path: 'code', key: 'validation.invalidFormat' });
    if (row.endDate && row.endDate < row.startDate) problems.push({ path: 'endDate', key: 'registry.errors.endBeforeStart' });
    return problems;
  },
  async findExisting(tx, rows) {
    const found = await tx
      .select()
      .from(programmes)
      .where(
        inArray(
          programmes.code,
          rows.map((r) => r.code),
        ),
      );
    return new Map(found.map((p) => [p.code, { ...toProgrammeRow(p), id: p.id }])); // naturalKeyOf of a one-column key is the code
  },
  async write(tx, changes, ctx) {
    const inImport = { ...ctx, tx };
    const fields = (r: ProgrammeLedgerRow) => ({
      name: r.name,
      kind: r.kind,
      startDate: r.startDate,
      endDate: r.endDate,
      description: r.description,
    });
    for (const r of changes.insert) await createProgramme(inImport, { code: r.code, ...fields(r), phases: [] });
    for (const { before, after } of changes.update) await updateProgramme(inImport, before.id as number, fields(after));
  },
  async exportRows(ctx, filters) {
    const q = filters.q?.trim();
    return (await listProgrammes(ctx))
      .filter((p) => !q || p.name.includes(q) || p.code.includes(q))
      .map((p) => ({ code: p.code, name: p.name, kind: p.kind, startDate: p.startDate, endDate: p.endDate, description: p.description }));
  },
});
