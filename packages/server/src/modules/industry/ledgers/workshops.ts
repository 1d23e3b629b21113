// 帮扶车间台账: workshops by name and village. The village is written as clerks write it (海坪村, 海坪村委会,
// 或者区划代码) and resolved within the user's scope: a village outside it is a cell error.
import { INDUSTRY_LEDGERS, WORKSHOP_STATUSES, type WorkshopStatus } from '@xiezuo/shared/contracts/industry';
import { eq, inArray } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { amount, date, divisionByName, enumOf } from '../../../platform/ledgers/columns';
import { defineLedger, naturalKeyOf } from '../../../platform/ledgers/types';
import { inScope } from '../../../platform/scope';
import { industryEnterprises as enterprises, industryWorkshops as shops } from '../tables';
import { allWorkshops, createWorkshop, updateWorkshop } from '../workshops';
import { zh } from './common';

type WorkshopLedgerRow = {
  name: string;
  operatorName: string | null;
  divisionCode: string;
  recognizedOn: string;
  recognitionDoc: string | null;
  status: WorkshopStatus;
  stoppedOn: string | null;
  subsidy: string | null;
  note: string | null;
  id?: number;
};

export const workshopLedger = defineLedger<WorkshopLedgerRow>({
  key: INDUSTRY_LEDGERS.workshops,
  title: '帮扶车间台账',
  titleEn: 'Assistance workshops',
  entity: 'industry_workshop',
  columns: [
    {
      key: 'name',
      header: '车间名称',
      headerEn: 'Workshop',
      synonyms: ['帮扶车间名称', '就业帮扶车间', '名称'],
      type: 'text',
      required: true,
      example: '海坪村服装加工帮扶车间',
    },
    {
      key: 'operatorName',
      header: '经营主体',
      headerEn: 'Operator',
      synonyms: ['运营企业', '经营单位'],
      type: 'text',
      example: '六盘水某某服饰有限公司',
    },
    divisionByName({ level: 'village', header: '所在村', headerEn: 'Village', required: true, example: '海坪村' }),
    date({
      key: 'recognizedOn',
      header: '认定日期',
      headerEn: 'Recognised on',
      synonyms: ['认定时间'],
      required: true,
      example: '2025-03-01',
    }),
    {
      key: 'recognitionDoc',
      header: '认定文件',
      headerEn: 'Recognition document',
      synonyms: ['认定文号'],
      type: 'text',
      example: '六盘水人社通〔2025〕10号',
    },
    enumOf(WORKSHOP_STATUSES, zh.workshopStatuses, {
      key: 'status',
      header: '运营状态',
      headerEn: 'Status',
      synonyms: ['状态'],
      required: true,
      words: { 正常运营: 'operating', 在营: 'operating', 停工: 'stopped', 已停产: 'stopped' },
      example: '运营',
    }),
    date({ key: 'stoppedOn', header: '停产日期', headerEn: 'Stopped on' }),
    amount({ key: 'subsidy', header: '累计补贴（元）', headerEn: 'Subsidies (yuan)', synonyms: ['补贴金额', '获得补贴'], example: 50000 }),
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: ['name', 'divisionCode'],
  permissions: { import: 'industry.write', export: 'ledgers.export' },
  validate(row, ctx) {
    const problems: ErrorDetail[] = [];
    if (row.stoppedOn && row.stoppedOn < row.recognizedOn) problems.push({ path: 'stoppedOn', key: 'industry.validation.dates' });
    if (row.status === 'stopped' && !row.stoppedOn) problems.push({ path: 'stoppedOn', key: 'validation.required' });
    if (!inScope(ctx.user.scope, { divisionCode: row.divisionCode })) problems.push({ path: 'divisionCode', key: 'errors.OUT_OF_SCOPE' });
    return problems;
  },
  async findExisting(tx, rows): Promise<Map<string, WorkshopLedgerRow>> {
    // the operator as the export writes it: the introduced enterprise's name when the workshop is linked to one
    const found = await tx
      .select({ shop: shops, enterpriseName: enterprises.name })
      .from(shops)
      .leftJoin(enterprises, eq(enterprises.id, shops.enterpriseId))
      .where(inArray(shops.name, [...new Set(rows.map((r) => r.name))]));
    return new Map(
      found.map(({ shop, enterpriseName }) => [
        naturalKeyOf(workshopLedger, shop),
        { ...toLedgerRow({ ...shop, operatorName: shop.operatorName ?? enterpriseName }), id: shop.id },
      ]),
    );
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    const body = ({ id: _id, subsidy, ...r }: WorkshopLedgerRow) => ({ ...r, subsidy: subsidy == null ? null : Number(subsidy) });
    for (const r of changes.insert) await createWorkshop(c, body(r));
    for (const { before, after } of changes.update) await updateWorkshop(c, before.id!, body(after));
  },
  async exportRows(ctx, filters) {
    return (
      await allWorkshops(ctx, { divisionCode: filters.divisionCode, status: filters.status as WorkshopStatus | undefined, q: filters.q })
    ).map(toLedgerRow);
  },
});

function toLedgerRow(w: Omit<WorkshopLedgerRow, 'id'>): WorkshopLedgerRow {
  return {
    name: w.name,
    operatorName: w.operatorName,
    divisionCode: w.divisionCode,
    recognizedOn: w.recognizedOn,
    recognitionDoc: w.recognitionDoc,
    status: w.status,
    stoppedOn: w.stoppedOn,
    subsidy: w.subsidy,
    note: w.note,
  };
}
