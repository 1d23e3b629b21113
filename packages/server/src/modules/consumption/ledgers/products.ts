// 认定产品台账: certified products with their certificates; the supplier is named by its credit code (or name).
import { CONSUMPTION_LEDGERS, PRODUCT_CATEGORIES, type ProductCategory } from '@xiezuo/shared/contracts/consumption';
import { eq, inArray } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { amount, date, divisionCode, enumOf } from '../../../platform/ledgers/columns';
import { defineLedger } from '../../../platform/ledgers/types';
import { allProducts, createProduct, updateProduct } from '../products';
import { consumptionProducts, consumptionSuppliers } from '../tables';
import { knownDivisions, supplierLookup, zh } from './common';

type ProductLedgerRow = {
  supplierCreditCode: string | null;
  supplierName: string | null;
  name: string;
  category: ProductCategory;
  divisionCode: string | null;
  unit: string | null;
  price: string | null;
  certNo: string;
  certBody: string;
  certDate: string;
  certExpiry: string;
  photoUrl: string | null;
  note: string | null;
  id?: number;
};

export const productLedger = defineLedger<ProductLedgerRow>({
  key: CONSUMPTION_LEDGERS.products,
  title: '消费帮扶认定产品台账',
  titleEn: 'Certified products',
  entity: 'consumption_product',
  columns: [
    {
      key: 'supplierCreditCode',
      header: '供应商统一社会信用代码',
      headerEn: 'Supplier credit code',
      synonyms: ['统一社会信用代码', '信用代码'],
      type: 'creditCode',
      example: '93451123MA5000014E',
    },
    {
      key: 'supplierName',
      header: '供应商名称',
      headerEn: 'Supplier',
      synonyms: ['供应商', '生产企业', '企业名称'],
      type: 'text',
      example: '富川瑶族自治县某脐橙专业合作社（演示）',
    },
    {
      key: 'name',
      header: '产品名称',
      headerEn: 'Product',
      synonyms: ['商品名称', '产品'],
      type: 'text',
      required: true,
      maxLength: 100,
      example: '富川脐橙',
    },
    enumOf(PRODUCT_CATEGORIES, zh.categories, {
      key: 'category',
      header: '品类',
      headerEn: 'Category',
      synonyms: ['产品类别', '类别'],
      required: true,
      example: '果蔬',
    }),
    divisionCode({ header: '产地区划代码', synonyms: ['产地代码'], example: '451123000000' }),
    { key: 'unit', header: '计量单位', headerEn: 'Unit', synonyms: ['单位', '规格'], type: 'text', maxLength: 10, example: '箱' },
    amount({ key: 'price', header: '价格（元）', headerEn: 'Price', synonyms: ['单价', '价格', '销售价格'], example: 68 }),
    {
      key: 'certNo',
      header: '认定证书编号',
      headerEn: 'Certificate no.',
      synonyms: ['证书编号', '认定编号'],
      type: 'text',
      required: true,
      maxLength: 50,
      example: 'GX-FC-2025-001',
    },
    {
      key: 'certBody',
      header: '认定机构',
      headerEn: 'Certified by',
      synonyms: ['认定单位', '发证机关'],
      type: 'text',
      required: true,
      maxLength: 100,
      example: '广西壮族自治区发展和改革委员会',
    },
    date({ key: 'certDate', header: '认定日期', headerEn: 'Certified on', synonyms: ['发证日期'], required: true, example: '2025-03-01' }),
    date({
      key: 'certExpiry',
      header: '有效期至',
      headerEn: 'Valid until',
      synonyms: ['有效期', '到期日期', '有效期截止'],
      required: true,
      example: '2027-02-28',
    }),
    { key: 'photoUrl', header: '产品图片链接', headerEn: 'Photo URL', synonyms: ['图片'], type: 'text' },
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: ['certNo'],
  uniqueNaturalKey: true,
  permissions: { import: 'consumption.write', export: 'ledgers.export' },
  validate(row) {
    const problems: ErrorDetail[] = [];
    if (!row.supplierCreditCode && !row.supplierName) problems.push({ path: 'supplierName', key: 'validation.required' });
    if (row.certExpiry < row.certDate) problems.push({ path: 'certExpiry', key: 'consumption.validation.expiryBeforeDate' });
    return problems;
  },
  async validateBatch(rows, ctx) {
    const [supplierOf, known] = await Promise.all([
      supplierLookup(ctx, rows),
      knownDivisions(
        ctx,
        rows.map((r) => r.divisionCode),
      ),
    ]);
    return rows.map((r) => {
      const problems: ErrorDetail[] = [];
      if (!supplierOf(r))
        problems.push({ path: r.supplierCreditCode ? 'supplierCreditCode' : 'supplierName', key: 'consumption.validation.noSupplier' });
      if (r.divisionCode && !known.has(r.divisionCode))
        problems.push({ path: 'divisionCode', key: 'registry.errors.divisionUnknown', params: { code: r.divisionCode } });
      return problems;
    });
  },
  async findExisting(tx, rows) {
    const found = await tx
      .select({ p: consumptionProducts, supplierName: consumptionSuppliers.name, supplierCreditCode: consumptionSuppliers.creditCode })
      .from(consumptionProducts)
      .innerJoin(consumptionSuppliers, eq(consumptionSuppliers.id, consumptionProducts.supplierId))
      .where(
        inArray(
          consumptionProducts.certNo,
          rows.map((r) => r.certNo),
        ),
      );
    return new Map(found.map(({ p, ...s }) => [p.certNo, { ...rowOf({ ...p, ...s }), id: p.id }]));
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    const supplierOf = await supplierLookup(c, [...changes.insert, ...changes.update.map((u) => u.after)]);
    const body = (r: ProductLedgerRow) => ({
      supplierId: supplierOf(r)!.id,
      name: r.name,
      category: r.category,
      ...(r.divisionCode ? { divisionCode: r.divisionCode } : {}),
      unit: r.unit,
      price: r.price == null ? null : Number(r.price),
      photoUrl: r.photoUrl,
      certNo: r.certNo,
      certBody: r.certBody,
      certDate: r.certDate,
      certExpiry: r.certExpiry,
      note: r.note,
    });
    for (const r of changes.insert) await createProduct(c, body(r));
    for (const { before, after } of changes.update) await updateProduct(c, before.id!, body(after));
  },
  async exportRows(ctx, filters) {
    return (await allProducts(ctx, { divisionCode: filters.divisionCode, q: filters.q })).map(rowOf);
  },
});

function rowOf(p: {
  supplierCreditCode: string;
  supplierName: string;
  name: string;
  category: ProductCategory;
  divisionCode: string;
  unit: string | null;
  price: string | null;
  certNo: string;
  certBody: string;
  certDate: string;
  certExpiry: string;
  photoUrl: string | null;
  note: string | null;
}): ProductLedgerRow {
  return {
    supplierCreditCode: p.supplierCreditCode,
    supplierName: p.supplierName,
    name: p.name,
    category: p.category,
    divisionCode: p.divisionCode,
    unit: p.unit,
    price: p.price,
    certNo: p.certNo,
    certBody: p.certBody,
    certDate: p.certDate,
    certExpiry: p.certExpiry,
    photoUrl: p.photoUrl,
    note: p.note,
  };
}
