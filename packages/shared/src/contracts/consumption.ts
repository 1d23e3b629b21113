// 消费帮扶 (consumption assistance): suppliers of the helped areas, certified products (认定产品) with their
// certificates, sales by channel (each credited once to the helper side and once to the helped side, a sale
// reported twice counted once), and matching fairs (产销对接活动) with intents and realised deals.
import { z } from 'zod';
import { Amount, DivisionCode, IdParam, IsoDate, Paging, Phone, pageOf } from './common';
import { endpoint } from './endpoint';
import { CreditCode } from './registry';

/** 单位采购（预算单位） | 工会采购 | 专柜/专馆/专区 | 832平台 | 其他电商平台 | 市场/商超 | 个人. */
export const SALE_CHANNELS = ['unit', 'union', 'counter', 'platform832', 'ecommerce', 'market', 'individual'] as const;
/** Channels where a helper-side unit buys itself (采购); the rest the helper side helped to sell (帮销). */
export const PURCHASE_CHANNELS = ['unit', 'union'] as const;
export const PRODUCT_CATEGORIES = ['grain', 'fruitVeg', 'meatEgg', 'aquatic', 'tea', 'processed', 'handicraft', 'other'] as const;
/** A sale flagged as a possible duplicate: pending (not counted until resolved) | confirmed (a duplicate: not counted) | distinct (a sale of its own: counted). */
export const DUPLICATE_STATES = ['pending', 'confirmed', 'distinct'] as const;
export type SaleChannel = (typeof SALE_CHANNELS)[number];
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];
export type DuplicateState = (typeof DUPLICATE_STATES)[number];
export const isPurchase = (c: SaleChannel) => (PURCHASE_CHANNELS as readonly string[]).includes(c);

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);
const note = z.string().max(1000).nullable().optional();
const intFilter = z.coerce.number().int().positive().optional();
/** A sale's amount: money in 元 (as Amount) and more than 0 — one message however it is wrong. */
const SaleAmount = z.number().refine((v) => Amount.safeParse(v).success && v > 0, 'validation.amount');

// ---- suppliers (供应商) ----
export const SupplierInput = z.strictObject({
  name: text(100),
  creditCode: CreditCode,
  divisionCode: DivisionCode, // the helped county (or town) it is registered in
  teamId: id.nullable().optional(),
  contact: z.string().trim().max(50).nullable().optional(), // public contact person
  phone: Phone.nullable().optional(), // public contact phone
  address: z.string().trim().max(200).nullable().optional(),
  note,
});
export const SupplierPatch = SupplierInput.partial();
export const SupplierRow = z.object({
  id: z.number().int(),
  name: z.string(),
  creditCode: z.string(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  teamId: z.number().int().nullable(),
  contact: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  note: z.string().nullable(),
  products: z.number().int(),
});
export const SupplierListQuery = Paging.extend({ divisionCode: DivisionCode.optional(), q: z.string().max(50).optional() });
export const SupplierPage = pageOf(SupplierRow);

// ---- certified products (认定产品) ----
export const ProductInput = z.strictObject({
  supplierId: id,
  name: text(100),
  category: z.enum(PRODUCT_CATEGORIES),
  divisionCode: DivisionCode.optional(), // origin county; defaults to the supplier's
  unit: z.string().trim().max(10).nullable().optional(), // 斤, 箱, 盒
  price: Amount.nullable().optional(),
  photoUrl: z.string().trim().max(500).nullable().optional(),
  certNo: text(50), // 认定证书编号
  certBody: text(100), // 认定机构
  certDate: IsoDate,
  certExpiry: IsoDate,
  note,
});
export const ProductPatch = ProductInput.partial();
export const ProductRow = z.object({
  id: z.number().int(),
  supplierId: z.number().int(),
  supplierName: z.string(),
  name: z.string(),
  category: z.enum(PRODUCT_CATEGORIES),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  unit: z.string().nullable(),
  price: z.string().nullable(),
  photoUrl: z.string().nullable(),
  certNo: z.string(),
  certBody: z.string(),
  certDate: z.string(),
  certExpiry: z.string(),
  expired: z.boolean(), // the certificate has expired as of today
  note: z.string().nullable(),
});
export const ProductListQuery = Paging.extend({
  supplierId: intFilter,
  divisionCode: DivisionCode.optional(),
  category: z.enum(PRODUCT_CATEGORIES).optional(),
  expired: z.enum(['true', 'false']).optional(),
  q: z.string().max(50).optional(),
});
export const ProductPage = pageOf(ProductRow);

// ---- sales (销售/采购) ----
export const SaleInput = z.strictObject({
  saleDate: IsoDate,
  orderNo: z.string().trim().max(64).nullable().optional(), // 订单编号 (platform orders)
  supplierId: id,
  productId: id.nullable().optional(),
  productName: z.string().trim().max(100).nullable().optional(), // as reported; defaults to the certified product's
  amount: SaleAmount,
  quantity: z.number().positive().max(1e9).nullable().optional(),
  channel: z.enum(SALE_CHANNELS),
  buyerName: z.string().trim().max(100).nullable().optional(), // 采购单位 / 购买方, as written
  helperDivisionCode: DivisionCode, // the helper side credited (采购 or 帮销)
  sellerDivisionCode: DivisionCode.optional(), // the helped side credited (销售); defaults to the supplier's
  teamId: id.nullable().optional(),
  fairId: id.nullable().optional(), // a deal realised from a matching fair
  reporter: z.string().trim().max(50).nullable().optional(), // who reported it (采购单位, 832平台, 工作队)
  note,
});
export const SalePatch = SaleInput.partial();
export const SaleRow = z.object({
  id: z.number().int(),
  saleDate: z.string(),
  orderNo: z.string().nullable(),
  supplierId: z.number().int(),
  supplierName: z.string(),
  productId: z.number().int().nullable(),
  productName: z.string().nullable(),
  amount: z.string(),
  quantity: z.number().nullable(),
  channel: z.enum(SALE_CHANNELS),
  purchase: z.boolean(), // 采购 (else 帮销) on the helper side
  buyerName: z.string().nullable(),
  helperDivisionCode: z.string(),
  helperDivisionName: z.string().nullable(),
  sellerDivisionCode: z.string(),
  sellerDivisionName: z.string().nullable(),
  teamId: z.number().int().nullable(),
  fairId: z.number().int().nullable(),
  reporter: z.string().nullable(),
  certExpired: z.boolean(), // sold after the product's certificate expired
  duplicateOf: z.number().int().nullable(),
  duplicateState: z.enum(DUPLICATE_STATES).nullable(),
  counted: z.boolean(),
  note: z.string().nullable(),
});
export const SaleListQuery = Paging.extend({
  channel: z.enum(SALE_CHANNELS).optional(),
  helperDivisionCode: DivisionCode.optional(),
  sellerDivisionCode: DivisionCode.optional(),
  supplierId: intFilter,
  teamId: intFilter,
  fairId: intFilter,
  duplicates: z.enum(['pending', 'all']).optional(), // only flagged sales (pending ones, or all flagged)
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export const SalePage = pageOf(SaleRow);

/** Totals of the sales in scope with the list's filters (counted sales only). */
export const SaleTotals = z.object({
  total: z.string(),
  purchased: z.string(), // 采购
  helpedSell: z.string(), // 帮销
  byChannel: z.record(z.string(), z.string()),
  pendingDuplicates: z.number().int(),
});

// ---- matching fairs (产销对接活动) ----
export const FairInput = z.strictObject({
  name: text(100),
  fairDate: IsoDate,
  place: text(100),
  divisionCode: DivisionCode, // where it was held
  organiser: z.string().trim().max(100).nullable().optional(),
  teamId: id.nullable().optional(),
  supplierIds: z.array(id).max(500).optional(), // suppliers attending
  buyers: z.number().int().min(0).max(100000).nullable().optional(), // buyers attending (企业/单位数)
  intentAmount: Amount.nullable().optional(), // 签约意向金额
  note,
});
export const FairPatch = FairInput.partial();
export const FairRow = z.object({
  id: z.number().int(),
  name: z.string(),
  fairDate: z.string(),
  place: z.string(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  organiser: z.string().nullable(),
  teamId: z.number().int().nullable(),
  suppliers: z.array(z.object({ id: z.number().int(), name: z.string(), divisionName: z.string().nullable() })),
  buyers: z.number().int().nullable(),
  intentAmount: z.string().nullable(),
  realisedAmount: z.string(), // from the linked (counted) sales
  note: z.string().nullable(),
});
export const FairListQuery = Paging.extend({ divisionCode: DivisionCode.optional(), from: IsoDate.optional(), to: IsoDate.optional() });
export const FairPage = pageOf(FairRow);

// ---- the public catalogue (公开产品目录): no sign-in, only public fields ----
export const CatalogueQuery = z.strictObject({
  // '' is what the page's form sends for 全部
  county: z.union([DivisionCode, z.literal('')]).optional(), // the origin county (or any division above it)
  category: z.union([z.enum(PRODUCT_CATEGORIES), z.literal('')]).optional(),
  q: z.string().trim().max(50).optional(),
});
/** What anyone may read of a certified product and its supplier: no credit code, certificate number, sales or notes. */
export const CatalogueItem = z.object({
  id: z.number().int(),
  name: z.string(),
  category: z.enum(PRODUCT_CATEGORIES),
  county: z.string().nullable(), // the origin's name
  countyCode: z.string(),
  unit: z.string().nullable(),
  price: z.string().nullable(),
  photoUrl: z.string().nullable(),
  supplier: z.string(),
  contact: z.string().nullable(),
  phone: z.string().nullable(),
  validUntil: z.string(),
});
export const Catalogue = z.object({ items: z.array(CatalogueItem), total: z.number().int() });

/** The module's ledgers (台账): keys of /api/ledgers/<key>. */
export const CONSUMPTION_LEDGERS = {
  suppliers: 'consumption-suppliers',
  products: 'consumption-products',
  sales: 'consumption-sales',
  fairs: 'consumption-fairs',
} as const;

// ---- endpoints ----
const Id = z.object({ id: z.number().int() });
export const consumptionApi = {
  suppliers: endpoint('GET', '/api/consumption/suppliers', { query: SupplierListQuery, response: SupplierPage }),
  supplier: endpoint('GET', '/api/consumption/suppliers/:id', { params: IdParam, response: SupplierRow }),
  createSupplier: endpoint('POST', '/api/consumption/suppliers', { body: SupplierInput, response: SupplierRow }),
  updateSupplier: endpoint('PATCH', '/api/consumption/suppliers/:id', { params: IdParam, body: SupplierPatch, response: SupplierRow }),
  products: endpoint('GET', '/api/consumption/products', { query: ProductListQuery, response: ProductPage }),
  product: endpoint('GET', '/api/consumption/products/:id', { params: IdParam, response: ProductRow }),
  createProduct: endpoint('POST', '/api/consumption/products', { body: ProductInput, response: ProductRow }),
  updateProduct: endpoint('PATCH', '/api/consumption/products/:id', { params: IdParam, body: ProductPatch, response: ProductRow }),
  sales: endpoint('GET', '/api/consumption/sales', { query: SaleListQuery, response: SalePage }),
  saleTotals: endpoint('GET', '/api/consumption/sales/totals', { query: SaleListQuery, response: SaleTotals }),
  createSale: endpoint('POST', '/api/consumption/sales', { body: SaleInput, response: SaleRow }),
  updateSale: endpoint('PATCH', '/api/consumption/sales/:id', { params: IdParam, body: SalePatch, response: SaleRow }),
  sale: endpoint('GET', '/api/consumption/sales/:id', { params: IdParam, response: SaleRow }),
  // resolving a flagged sale: the same sale (only the first report counts) or a sale of its own (counted too)
  confirmDuplicate: endpoint('POST', '/api/consumption/sales/:id/duplicate', { params: IdParam, response: SaleRow }),
  notDuplicate: endpoint('POST', '/api/consumption/sales/:id/distinct', { params: IdParam, response: SaleRow }),
  catalogue: endpoint('GET', '/api/public/products', { query: CatalogueQuery, response: Catalogue }),
  fairs: endpoint('GET', '/api/consumption/fairs', { query: FairListQuery, response: FairPage }),
  fair: endpoint('GET', '/api/consumption/fairs/:id', { params: IdParam, response: FairRow }),
  createFair: endpoint('POST', '/api/consumption/fairs', { body: FairInput, response: Id }),
  updateFair: endpoint('PATCH', '/api/consumption/fairs/:id', { params: IdParam, body: FairPatch, response: Id }),
} as const;
