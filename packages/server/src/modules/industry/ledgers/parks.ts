// 园区台账: co-built parks by name, where they lie and the helper side that builds them, through the module's
// services (scope: either side; audit).
import { INDUSTRY_LEDGERS } from '@xiezuo/shared/contracts/industry';
import { inArray } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { amount, date, divisionCode } from '../../../platform/ledgers/columns';
import { defineLedger } from '../../../platform/ledgers/types';
import { sidesInScope } from '../access';
import { createPark, listParks, updatePark } from '../parks';
import { industryParks as parks } from '../tables';

type ParkLedgerRow = {
  name: string;
  divisionCode: string;
  helperDivisionCode: string;
  areaMu: number | null;
  outputValue: string | null;
  establishedOn: string;
  note: string | null;
  id?: number;
};

export const parkLedger = defineLedger<ParkLedgerRow>({
  key: INDUSTRY_LEDGERS.parks,
  title: '共建产业园区台账',
  titleEn: 'Co-built industrial parks',
  entity: 'industry_park',
  columns: [
    {
      key: 'name',
      header: '园区名称',
      headerEn: 'Park',
      synonyms: ['产业园区', '名称'],
      type: 'text',
      required: true,
      example: '水城经济开发区中山产业园',
    },
    divisionCode({
      generic: false,
      key: 'divisionCode',
      header: '所在地区划代码',
      headerEn: 'Located in (division code)',
      required: true,
      example: '520204000000',
    }),
    divisionCode({
      generic: false,
      key: 'helperDivisionCode',
      header: '帮扶方区划代码',
      headerEn: 'Helper side (division code)',
      required: true,
      example: '442000000000',
    }),
    { key: 'areaMu', header: '占地面积（亩）', headerEn: 'Area (mu)', synonyms: ['面积（亩）', '占地面积'], type: 'decimal', example: 860 },
    amount({ key: 'outputValue', header: '产值（元）', headerEn: 'Output value (yuan)', synonyms: ['产值', '年产值'] }),
    date({
      key: 'establishedOn',
      header: '建立日期',
      headerEn: 'Established on',
      synonyms: ['共建日期', '成立日期'],
      required: true,
      example: '2024-05-01',
    }),
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: ['name'],
  permissions: { import: 'industry.write', export: 'ledgers.export' },
  validate(row, ctx) {
    const problems: ErrorDetail[] = [];
    if (!sidesInScope(ctx.user.scope, { divisionCode: row.divisionCode, otherDivisionCode: row.helperDivisionCode }))
      problems.push({ path: 'divisionCode', key: 'errors.OUT_OF_SCOPE' });
    return problems;
  },
  async findExisting(tx, rows): Promise<Map<string, ParkLedgerRow>> {
    const found = await tx
      .select()
      .from(parks)
      .where(inArray(parks.name, [...new Set(rows.map((r) => r.name))]));
    return new Map(found.map((f) => [f.name, { ...toLedgerRow(f), id: f.id }]));
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    const body = ({ id: _id, outputValue, ...r }: ParkLedgerRow) => ({
      ...r,
      outputValue: outputValue == null ? null : Number(outputValue),
    });
    for (const r of changes.insert) await createPark(c, body(r));
    for (const { before, after } of changes.update) await updatePark(c, before.id!, body(after));
  },
  async exportRows(ctx, filters) {
    return (await listParks(ctx, { divisionCode: filters.divisionCode, q: filters.q })).map(toLedgerRow);
  },
});

function toLedgerRow(p: Omit<ParkLedgerRow, 'id'>): ParkLedgerRow {
  return {
    name: p.name,
    divisionCode: p.divisionCode,
    helperDivisionCode: p.helperDivisionCode,
    areaMu: p.areaMu,
    outputValue: p.outputValue,
    establishedOn: p.establishedOn,
    note: p.note,
  };
}
