// 产销对接台账: matching fairs, the suppliers attending written by name (separated by 、，, or ;), the buyers and
// the intents signed. The deals realised are not typed here: they are the sales linked to the fair.
import { CONSUMPTION_LEDGERS } from '@xiezuo/shared/contracts/consumption';
import { and, inArray } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { amount, date, divisionCode } from '../../../platform/ledgers/columns';
import { defineLedger } from '../../../platform/ledgers/types';
import { inScope } from '../../../platform/scope';
import { ownTeamOf } from '../access';
import { allFairs, createFair, updateFair } from '../fairs';
import { consumptionFairs } from '../tables';
import { knownDivisions, supplierLookup } from './common';

type FairLedgerRow = {
  name: string;
  fairDate: string;
  place: string;
  divisionCode: string;
  organiser: string | null;
  suppliers: string | null;
  buyers: number | null;
  intentAmount: string | null;
  note: string | null;
  id?: number;
};

const namesOf = (s: string | null) =>
  (s ?? '')
    .split(/[、，,；;\n]/)
    .map((n) => n.trim())
    .filter(Boolean);

export const fairLedger = defineLedger<FairLedgerRow>({
  key: CONSUMPTION_LEDGERS.fairs,
  title: '产销对接活动台账',
  titleEn: 'Matching fairs',
  entity: 'consumption_fair',
  columns: [
    {
      key: 'name',
      header: '活动名称',
      headerEn: 'Fair',
      synonyms: ['活动'],
      type: 'text',
      required: true,
      maxLength: 100,
      example: '粤桂消费帮扶产销对接会',
    },
    date({ key: 'fairDate', header: '活动日期', headerEn: 'Date', synonyms: ['日期', '举办日期'], required: true, example: '2026-04-18' }),
    {
      key: 'place',
      header: '地点',
      headerEn: 'Place',
      synonyms: ['举办地点', '活动地点'],
      type: 'text',
      required: true,
      maxLength: 100,
      example: '怀集县绿博城',
    },
    divisionCode({ header: '举办地区划代码', required: true, example: '441224000000' }),
    { key: 'organiser', header: '主办单位', headerEn: 'Organiser', synonyms: ['组织单位', '承办单位'], type: 'text', maxLength: 100 },
    {
      key: 'suppliers',
      header: '参展供应商',
      headerEn: 'Suppliers attending',
      synonyms: ['参展企业', '参会企业'],
      type: 'text',
      note: '多个供应商用顿号分隔',
    },
    { key: 'buyers', header: '采购商数量', headerEn: 'Buyers', synonyms: ['采购商', '参会采购商'], type: 'integer' },
    amount({ key: 'intentAmount', header: '签约意向金额（元）', headerEn: 'Intents signed', synonyms: ['意向金额', '签约金额'] }),
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: ['name', 'fairDate'],
  permissions: { import: 'consumption.write', export: 'ledgers.export' },
  validate(row, ctx) {
    const problems: ErrorDetail[] = [];
    if (row.buyers != null && row.buyers < 0) problems.push({ path: 'buyers', key: 'validation.tooSmall', params: { min: 0 } });
    if (row.intentAmount != null && Number(row.intentAmount) < 0)
      problems.push({ path: 'intentAmount', key: 'consumption.validation.amountPositive' });
    if (!inScope(ctx.user.scope, { divisionCode: row.divisionCode, teamId: ownTeamOf(ctx.user.scope) }))
      problems.push({ path: 'divisionCode', key: 'errors.OUT_OF_SCOPE' });
    return problems;
  },
  async validateBatch(rows, ctx) {
    const names = rows.flatMap((r) => namesOf(r.suppliers).map((supplierName) => ({ supplierName })));
    const [supplierOf, known] = await Promise.all([
      supplierLookup(ctx, names),
      knownDivisions(
        ctx,
        rows.map((r) => r.divisionCode),
      ),
    ]);
    return rows.map((r) => {
      const problems: ErrorDetail[] = [];
      if (!known.has(r.divisionCode))
        problems.push({ path: 'divisionCode', key: 'registry.errors.divisionUnknown', params: { code: r.divisionCode } });
      if (namesOf(r.suppliers).some((supplierName) => !supplierOf({ supplierName })))
        problems.push({ path: 'suppliers', key: 'consumption.validation.noSupplier' });
      return problems;
    });
  },
  async findExisting(tx, rows, ctx) {
    const found = await tx
      .select({ id: consumptionFairs.id })
      .from(consumptionFairs)
      .where(
        and(
          inArray(consumptionFairs.fairDate, [...new Set(rows.map((r) => r.fairDate))]),
          inArray(consumptionFairs.name, [...new Set(rows.map((r) => r.name))]),
        ),
      );
    const ids = new Set(found.map((f) => f.id));
    const full = (await allFairs({ ...ctx, tx }, {})).filter((f) => ids.has(f.id));
    return new Map(full.map((f): [string, FairLedgerRow] => [`${f.name}\u0001${f.fairDate}`, { ...rowOf(f), id: f.id }])); // naturalKey: name, fairDate
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    const all = [...changes.insert, ...changes.update.map((u) => u.after)];
    const supplierOf = await supplierLookup(
      c,
      all.flatMap((r) => namesOf(r.suppliers).map((supplierName) => ({ supplierName }))),
    );
    const body = (r: FairLedgerRow) => ({
      name: r.name,
      fairDate: r.fairDate,
      place: r.place,
      divisionCode: r.divisionCode,
      organiser: r.organiser,
      supplierIds: namesOf(r.suppliers).map((supplierName) => supplierOf({ supplierName })!.id),
      buyers: r.buyers,
      intentAmount: r.intentAmount == null ? null : Number(r.intentAmount),
      note: r.note,
    });
    for (const r of changes.insert) await createFair(c, body(r));
    for (const { before, after } of changes.update) await updateFair(c, before.id!, body(after));
  },
  async exportRows(ctx, filters) {
    return (await allFairs(ctx, { divisionCode: filters.divisionCode, from: filters.from, to: filters.to })).map(rowOf);
  },
});

function rowOf(f: Awaited<ReturnType<typeof allFairs>>[number]): FairLedgerRow {
  return {
    name: f.name,
    fairDate: f.fairDate,
    place: f.place,
    divisionCode: f.divisionCode,
    organiser: f.organiser,
    suppliers: f.suppliers.map((s) => s.name).join('、') || null,
    buyers: f.buyers,
    intentAmount: f.intentAmount,
    note: f.note,
  };
}
