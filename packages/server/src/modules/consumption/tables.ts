// 消费帮扶 tables: suppliers, certified products, sales (with duplicate flags), matching fairs and who attended.
// Every row carries the division scope filters on (a supplier's county, a sale's two sides, a fair's place)
// and the team that recorded it (team_id: the teams module's id, checked by the services as monitoring does).
import type { DuplicateState, ProductCategory, SaleChannel } from '@xiezuo/shared/contracts/consumption';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

// 供应商: an enterprise or cooperative of the helped area, one per credit code (GB 32100).
export const consumptionSuppliers = pgTable(
  'consumption_suppliers',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull(),
    divisionCode: text('division_code').notNull(),
    teamId: integer('team_id'),
    contact: text('contact'),
    phone: text('phone'),
    address: text('address'),
    note: text('note'),
    ...stamps,
  },
  (t) => [uniqueIndex('consumption_suppliers_credit_uq').on(t.creditCode), index('consumption_suppliers_division_idx').on(t.divisionCode)],
);

// 认定产品: a product with its certificate (消费帮扶产品认定); expired when cert_expiry < today.
export const consumptionProducts = pgTable(
  'consumption_products',
  {
    id: serial('id').primaryKey(),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => consumptionSuppliers.id),
    name: text('name').notNull(),
    category: text('category').$type<ProductCategory>().notNull(),
    divisionCode: text('division_code').notNull(), // origin county
    teamId: integer('team_id'),
    unit: text('unit'),
    price: numeric('price', { precision: 18, scale: 2 }),
    photoUrl: text('photo_url'),
    certNo: text('cert_no').notNull(),
    certBody: text('cert_body').notNull(),
    certDate: date('cert_date').notNull(),
    certExpiry: date('cert_expiry').notNull(),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('consumption_products_cert_uq').on(t.certNo),
    index('consumption_products_supplier_idx').on(t.supplierId),
    index('consumption_products_division_idx').on(t.divisionCode),
    check('consumption_products_cert_ck', sql`${t.certExpiry} >= ${t.certDate}`),
  ],
);

// 产销对接活动: a matching fair; realised deals are the sales linked to it.
export const consumptionFairs = pgTable(
  'consumption_fairs',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    fairDate: date('fair_date').notNull(),
    place: text('place').notNull(),
    divisionCode: text('division_code').notNull(),
    organiser: text('organiser'),
    teamId: integer('team_id'),
    buyers: integer('buyers'),
    intentAmount: numeric('intent_amount', { precision: 18, scale: 2 }),
    note: text('note'),
    ...stamps,
  },
  (t) => [index('consumption_fairs_division_idx').on(t.divisionCode), index('consumption_fairs_date_idx').on(t.fairDate)],
);

export const consumptionFairSuppliers = pgTable(
  'consumption_fair_suppliers',
  {
    fairId: integer('fair_id')
      .notNull()
      .references(() => consumptionFairs.id, { onDelete: 'cascade' }),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => consumptionSuppliers.id),
  },
  (t) => [primaryKey({ columns: [t.fairId, t.supplierId] })],
);

// 销售/采购: one sale, credited to the helper side (采购 or 帮销 by channel) and the helped side (销售). A sale
// reported a second time (same order number, or same supplier, day and amount) points at the first
// (duplicate_of) and is not counted unless resolved as a sale of its own ('distinct').
export const consumptionSales = pgTable(
  'consumption_sales',
  {
    id: serial('id').primaryKey(),
    saleDate: date('sale_date').notNull(),
    orderNo: text('order_no'),
    supplierId: integer('supplier_id')
      .notNull()
      .references(() => consumptionSuppliers.id),
    productId: integer('product_id').references(() => consumptionProducts.id), // the certified product, when matched
    productName: text('product_name'), // as reported (商品名称); a platform's names need not match the certificate's
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
    quantity: doublePrecision('quantity'),
    channel: text('channel').$type<SaleChannel>().notNull(),
    buyerName: text('buyer_name'),
    helperDivisionCode: text('helper_division_code').notNull(),
    sellerDivisionCode: text('seller_division_code').notNull(),
    teamId: integer('team_id'),
    fairId: integer('fair_id').references(() => consumptionFairs.id),
    reporter: text('reporter'),
    certExpired: integer('cert_expired').notNull().default(0), // 1: sold after the certificate expired
    duplicateOf: integer('duplicate_of').references((): AnyPgColumn => consumptionSales.id),
    duplicateState: text('duplicate_state').$type<DuplicateState>(),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    index('consumption_sales_helper_idx').on(t.helperDivisionCode),
    index('consumption_sales_seller_idx').on(t.sellerDivisionCode),
    index('consumption_sales_date_idx').on(t.saleDate),
    index('consumption_sales_order_idx').on(t.orderNo),
    index('consumption_sales_supplier_idx').on(t.supplierId, t.saleDate),
    check('consumption_sales_amount_ck', sql`${t.amount} > 0`),
  ],
);
