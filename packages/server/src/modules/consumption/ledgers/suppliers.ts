// 供应商台账: suppliers of the helped areas, one per credit code, recorded through the module's services.
import { CONSUMPTION_LEDGERS } from '@xiezuo/shared/contracts/consumption';
import { inArray } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { divisionCode, phone } from '../../../platform/ledgers/columns';
import { defineLedger } from '../../../platform/ledgers/types';
import { inScope } from '../../../platform/scope';
import { ownTeamOf } from '../access';
import { allSuppliers, createSupplier, updateSupplier } from '../suppliers';
import { consumptionSuppliers } from '../tables';
import { knownDivisions } from './common';

type SupplierLedgerRow = {
  name: string;
  creditCode: string;
  divisionCode: string;
  contact: string | null;
  phone: string | null;
  address: string | null;
  note: string | null;
  id?: number;
};

const rowOf = (s: Omit<SupplierLedgerRow, 'id'>): SupplierLedgerRow => ({
  name: s.name,
  creditCode: s.creditCode,
  divisionCode: s.divisionCode,
  contact: s.contact,
  phone: s.phone,
  address: s.address,
  note: s.note,
});

export const supplierLedger = defineLedger<SupplierLedgerRow>({
  key: CONSUMPTION_LEDGERS.suppliers,
  title: '消费帮扶供应商台账',
  titleEn: 'Consumption assistance suppliers',
  entity: 'consumption_supplier',
  columns: [
    {
      key: 'name',
      header: '供应商名称',
      headerEn: 'Supplier',
      synonyms: ['企业名称', '经营主体名称', '单位名称'],
      type: 'text',
      required: true,
      example: '富川瑶族自治县某脐橙专业合作社（演示）',
    },
    {
      key: 'creditCode',
      header: '统一社会信用代码',
      headerEn: 'Credit code',
      synonyms: ['信用代码', '社会信用代码'],
      type: 'creditCode',
      required: true,
      example: '93451123MA5000014E',
    },
    divisionCode({ header: '所在地区划代码', synonyms: ['所在地代码'], required: true, example: '451123000000' }),
    { key: 'contact', header: '联系人', headerEn: 'Contact', type: 'text', maxLength: 50 },
    phone(),
    { key: 'address', header: '地址', headerEn: 'Address', synonyms: ['经营地址', '注册地址'], type: 'text', maxLength: 200 },
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: ['creditCode'],
  uniqueNaturalKey: true,
  permissions: { import: 'consumption.write', export: 'ledgers.export' },
  validate(row, ctx) {
    // as the service: in scope by its place, or by the team user's own team that records it
    if (inScope(ctx.user.scope, { divisionCode: row.divisionCode, teamId: ownTeamOf(ctx.user.scope) })) return [];
    return [{ path: 'divisionCode', key: 'errors.OUT_OF_SCOPE' }];
  },
  async validateBatch(rows, ctx) {
    const known = await knownDivisions(
      ctx,
      rows.map((r) => r.divisionCode),
    );
    return rows.map((r): ErrorDetail[] =>
      known.has(r.divisionCode) ? [] : [{ path: 'divisionCode', key: 'registry.errors.divisionUnknown', params: { code: r.divisionCode } }],
    );
  },
  async findExisting(tx, rows) {
    const found = await tx
      .select()
      .from(consumptionSuppliers)
      .where(
        inArray(
          consumptionSuppliers.creditCode,
          rows.map((r) => r.creditCode),
        ),
      );
    return new Map(found.map((s): [string, SupplierLedgerRow] => [s.creditCode, { ...rowOf(s), id: s.id }]));
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    for (const { id: _id, ...r } of changes.insert) await createSupplier(c, r);
    for (const { before, after } of changes.update) {
      const { id: _id, ...r } = after;
      await updateSupplier(c, before.id!, r);
    }
  },
  async exportRows(ctx, filters) {
    return (await allSuppliers(ctx, { divisionCode: filters.divisionCode, q: filters.q })).map(rowOf);
  },
});
