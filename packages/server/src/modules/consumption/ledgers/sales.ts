// 销售台账: sales as buyer units, teams and platforms keep them — the 832 platform's order export read as it comes
// (订单编号, 下单时间, 采购单位, 供应商名称, 商品名称, 订单金额; a file without a 渠道 column is an 832 export, and
// without a 帮扶方 code the buying unit's place in the registry is the helper side).
// A row reporting a sale already recorded by someone else is imported and flagged for the user (sales.ts).
import { CONSUMPTION_LEDGERS, SALE_CHANNELS, type SaleChannel } from '@xiezuo/shared/contracts/consumption';
import { and, eq, inArray } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { amount, date, divisionCode, enumOf } from '../../../platform/ledgers/columns';
import { defineLedger, naturalKeyOf, withDefaults } from '../../../platform/ledgers/types';
import { inScope } from '../../../platform/scope';
import { ownTeamOf } from '../access';
import { allSales, createSale, updateSale } from '../sales';
import { consumptionProducts, consumptionSales, consumptionSuppliers } from '../tables';
import { CHANNEL_WORDS, knownDivisions, supplierLookup, unitPlaces, zh } from './common';

type SaleLedgerRow = {
  saleDate: string;
  orderNo: string | null;
  supplierName: string;
  supplierCreditCode: string | null;
  productName: string | null;
  amount: string;
  quantity: number | null;
  channel?: SaleChannel | null;
  buyerName: string | null;
  helperDivisionCode: string | null;
  sellerDivisionCode: string | null;
  reporter: string | null;
  note: string | null;
  id?: number;
};

export const saleLedger = defineLedger<SaleLedgerRow>({
  key: CONSUMPTION_LEDGERS.sales,
  title: '消费帮扶销售台账',
  titleEn: 'Consumption assistance sales',
  entity: 'consumption_sale',
  columns: [
    date({
      key: 'saleDate',
      header: '销售日期',
      headerEn: 'Date',
      synonyms: ['下单时间', '下单日期', '订单日期', '采购日期', '日期', '支付时间'],
      required: true,
      example: '2026-03-15',
    }),
    {
      key: 'orderNo',
      header: '订单编号',
      headerEn: 'Order no.',
      synonyms: ['订单号', '订单编码'],
      type: 'text',
      maxLength: 64,
      example: '832202603150001',
    },
    {
      key: 'supplierName',
      header: '供应商名称',
      headerEn: 'Supplier',
      synonyms: ['供应商', '店铺名称', '销售方', '卖方'],
      type: 'text',
      required: true,
      example: '富川瑶族自治县某脐橙专业合作社（演示）',
    },
    {
      key: 'supplierCreditCode',
      header: '供应商统一社会信用代码',
      headerEn: 'Supplier credit code',
      synonyms: ['统一社会信用代码', '信用代码'],
      type: 'creditCode',
    },
    {
      key: 'productName',
      header: '产品名称',
      headerEn: 'Product',
      synonyms: ['商品名称', '商品', '产品'],
      type: 'text',
      maxLength: 100,
      example: '富川脐橙',
    },
    amount({
      key: 'amount',
      header: '金额（元）',
      headerEn: 'Amount',
      synonyms: ['金额', '订单金额', '实付金额', '销售金额', '采购金额', '成交金额'],
      required: true,
      example: '1.2万元',
    }),
    { key: 'quantity', header: '数量', headerEn: 'Quantity', synonyms: ['购买数量', '商品数量'], type: 'decimal' },
    {
      ...enumOf(SALE_CHANNELS, zh.channels, {
        key: 'channel',
        header: '渠道',
        headerEn: 'Channel',
        synonyms: ['销售渠道', '采购方式', '购买渠道'],
        words: CHANNEL_WORDS,
        example: '单位采购（预算单位）',
      }),
      whenMissing: 'platform832', // the 832 platform's order export has no such column
    },
    {
      key: 'buyerName',
      header: '采购单位',
      headerEn: 'Buyer',
      synonyms: ['采购单位名称', '预算单位名称', '购买方', '买方', '采购人'],
      type: 'text',
      maxLength: 100,
    },
    divisionCode({
      generic: false,
      key: 'helperDivisionCode',
      header: '帮扶方区划代码',
      headerEn: 'Helper side (code)',
      synonyms: ['采购方区划代码', '帮扶地区划代码'],
      example: '442000000000',
      note: '空白时按采购单位在单位台账中的所在地',
    }),
    divisionCode({
      generic: false,
      key: 'sellerDivisionCode',
      header: '受援方区划代码',
      headerEn: 'Helped side (code)',
      synonyms: ['销售方区划代码', '产地区划代码', '受援地区划代码'],
      example: '520204000000',
    }),
    { key: 'reporter', header: '填报来源', headerEn: 'Reported by', synonyms: ['数据来源', '填报单位'], type: 'text', maxLength: 50 },
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: ['saleDate', 'supplierName', 'orderNo', 'buyerName', 'amount', 'reporter'],
  permissions: { import: 'consumption.write', export: 'ledgers.export' },
  validate(row) {
    const problems: ErrorDetail[] = [];
    if (Number(row.amount) <= 0) problems.push({ path: 'amount', key: 'consumption.validation.amountPositive' });
    if (row.channel === null) problems.push({ path: 'channel', key: 'validation.required' });
    if (row.quantity != null && row.quantity <= 0) problems.push({ path: 'quantity', key: 'validation.tooSmall', params: { min: 0 } });
    if (row.sellerDivisionCode && row.helperDivisionCode && row.sellerDivisionCode === row.helperDivisionCode)
      problems.push({ path: 'sellerDivisionCode', key: 'consumption.validation.sameSide' });
    return problems;
  },
  async validateBatch(rows, ctx) {
    const [supplierOf, known, places] = await Promise.all([
      supplierLookup(ctx, rows),
      knownDivisions(
        ctx,
        rows.flatMap((r) => [r.helperDivisionCode, r.sellerDivisionCode]),
      ),
      unitPlaces(
        ctx,
        rows.filter((r) => !r.helperDivisionCode).map((r) => r.buyerName),
      ),
    ]);
    return rows.map((r) => {
      const problems: ErrorDetail[] = [];
      if (!supplierOf(r)) problems.push({ path: 'supplierName', key: 'consumption.validation.noSupplier' });
      const helper = r.helperDivisionCode ?? places.get(r.buyerName ?? '');
      if (!helper) problems.push({ path: 'helperDivisionCode', key: 'consumption.validation.noHelperSide' });
      // as the service: in scope by either side (the seller's defaults to the supplier's place) or by the team user's own team
      const sides = [helper, r.sellerDivisionCode ?? supplierOf(r)?.divisionCode];
      if (
        !inScope(ctx.user.scope, { teamId: ownTeamOf(ctx.user.scope) }) &&
        !sides.some((d) => d && inScope(ctx.user.scope, { divisionCode: d }))
      )
        problems.push({ path: 'helperDivisionCode', key: 'errors.OUT_OF_SCOPE' });
      for (const path of ['helperDivisionCode', 'sellerDivisionCode'] as const) {
        const code = r[path];
        if (code && !known.has(code)) problems.push({ path, key: 'registry.errors.divisionUnknown', params: { code } });
      }
      return problems;
    });
  },
  async findExisting(tx, rows) {
    const found = await tx
      .select({
        s: consumptionSales,
        supplierName: consumptionSuppliers.name,
        supplierCreditCode: consumptionSuppliers.creditCode,
        certifiedName: consumptionProducts.name,
      })
      .from(consumptionSales)
      .innerJoin(consumptionSuppliers, eq(consumptionSuppliers.id, consumptionSales.supplierId))
      .leftJoin(consumptionProducts, eq(consumptionProducts.id, consumptionSales.productId))
      .where(
        and(
          inArray(consumptionSales.saleDate, [...new Set(rows.map((r) => r.saleDate))]),
          inArray(consumptionSuppliers.name, [...new Set(rows.map((r) => r.supplierName))]),
        ),
      );
    const out = new Map<string, SaleLedgerRow>();
    for (const { s, supplierName, supplierCreditCode, certifiedName } of found) {
      // the product as the list and the export show it: as reported, else the certified product's name
      const row = { ...rowOf({ ...s, supplierName, supplierCreditCode, productName: s.productName ?? certifiedName }), id: s.id };
      out.set(naturalKeyOf(saleLedger, row), row);
    }
    return out;
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    const all = [...changes.insert, ...changes.update.map((u) => u.after)];
    const supplierOf = await supplierLookup(c, all);
    const products = await productsByName(c.tx, all);
    const places = await unitPlaces(
      c,
      all.filter((r) => !r.helperDivisionCode).map((r) => r.buyerName),
    );
    const body = (r: SaleLedgerRow) => {
      const supplier = supplierOf(r)!;
      const full = withDefaults(saleLedger, r);
      return {
        saleDate: r.saleDate,
        orderNo: r.orderNo,
        supplierId: supplier.id,
        productId: (r.productName && products.get(`${supplier.id}\u0001${r.productName}`)) || null,
        productName: r.productName,
        amount: Number(r.amount),
        quantity: r.quantity,
        channel: full.channel as SaleChannel,
        buyerName: r.buyerName,
        helperDivisionCode: r.helperDivisionCode ?? places.get(r.buyerName ?? '')!,
        ...(r.sellerDivisionCode ? { sellerDivisionCode: r.sellerDivisionCode } : {}),
        reporter: r.reporter,
        note: r.note,
      };
    };
    for (const r of changes.insert) await createSale(c, body(r));
    for (const { before, after } of changes.update) {
      const { channel, ...rest } = body(after);
      await updateSale(c, before.id!, after.channel ? { ...rest, channel } : rest);
    }
  },
  async exportRows(ctx, filters) {
    const rows = await allSales(ctx, {
      channel: filters.channel as SaleChannel | undefined,
      duplicates: filters.duplicates as 'pending' | 'all' | undefined,
      from: filters.from,
      to: filters.to,
    });
    return rows.map((s) => rowOf({ ...s, productName: s.productName }));
  },
});

/** Certified products by supplier and name: a reported product name that matches one links the sale to its certificate. */
async function productsByName(tx: Parameters<NonNullable<typeof saleLedger.findExisting>>[0], rows: SaleLedgerRow[]) {
  const names = [...new Set(rows.map((r) => r.productName).filter((n): n is string => !!n))];
  if (!names.length) return new Map<string, number>();
  const found = await tx
    .select({ id: consumptionProducts.id, supplierId: consumptionProducts.supplierId, name: consumptionProducts.name })
    .from(consumptionProducts)
    .where(inArray(consumptionProducts.name, names));
  return new Map(found.map((p) => [`${p.supplierId}\u0001${p.name}`, p.id]));
}

function rowOf(s: {
  saleDate: string;
  orderNo: string | null;
  supplierName: string;
  supplierCreditCode: string;
  productName: string | null;
  amount: string;
  quantity: number | null;
  channel: SaleChannel;
  buyerName: string | null;
  helperDivisionCode: string;
  sellerDivisionCode: string;
  reporter: string | null;
  note: string | null;
}): SaleLedgerRow {
  return {
    saleDate: s.saleDate,
    orderNo: s.orderNo,
    supplierName: s.supplierName,
    supplierCreditCode: s.supplierCreditCode,
    productName: s.productName,
    amount: s.amount,
    quantity: s.quantity,
    channel: s.channel,
    buyerName: s.buyerName,
    helperDivisionCode: s.helperDivisionCode,
    sellerDivisionCode: s.sellerDivisionCode,
    reporter: s.reporter,
    note: s.note,
  };
}
