// 认定产品: a supplier's product with its certificate (消费帮扶产品认定). Expired when its certificate's last
// day is before today; sales after that day are marked (sales.ts).
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import type { ProductInput, ProductPatch } from '@xiezuo/shared/contracts/consumption';
import { and, asc, count, eq, gte, ilike, like, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import { AppError, invalid } from '../../platform/http/errors';
import { divisions } from '../registry';
import { assertAnyInScope, dbOf, productsInScope } from './access';
import { consumptionProducts as prod, consumptionSuppliers as sup } from './tables';

export interface ProductFilter {
  supplierId?: number;
  divisionCode?: string;
  category?: z.output<typeof ProductInput>['category'];
  expired?: 'true' | 'false';
  q?: string;
}

function conditions(ctx: Ctx, f: ProductFilter) {
  const today = todayInBeijing();
  const conds = [productsInScope(ctx.user.scope)];
  if (f.supplierId) conds.push(eq(prod.supplierId, f.supplierId));
  if (f.divisionCode) conds.push(like(prod.divisionCode, `${divisionPrefix(f.divisionCode)}%`));
  if (f.category) conds.push(eq(prod.category, f.category));
  if (f.expired === 'true') conds.push(lt(prod.certExpiry, today));
  if (f.expired === 'false') conds.push(gte(prod.certExpiry, today));
  if (f.q) conds.push(or(ilike(prod.name, `%${f.q}%`), ilike(sup.name, `%${f.q}%`), eq(prod.certNo, f.q)));
  return and(...conds);
}

function productQuery(ctx: Ctx) {
  return dbOf(ctx)
    .select({
      id: prod.id,
      supplierId: prod.supplierId,
      supplierName: sup.name,
      supplierCreditCode: sup.creditCode,
      name: prod.name,
      category: prod.category,
      divisionCode: prod.divisionCode,
      divisionName: divisions.name,
      teamId: prod.teamId,
      unit: prod.unit,
      price: prod.price,
      photoUrl: prod.photoUrl,
      certNo: prod.certNo,
      certBody: prod.certBody,
      certDate: prod.certDate,
      certExpiry: prod.certExpiry,
      expired: sql<boolean>`${prod.certExpiry} < ${todayInBeijing()}`,
      note: prod.note,
    })
    .from(prod)
    .innerJoin(sup, eq(sup.id, prod.supplierId))
    .leftJoin(divisions, eq(divisions.code, prod.divisionCode));
}

export async function listProducts(ctx: Ctx, f: ProductFilter & { page: number; pageSize: number }) {
  const where = conditions(ctx, f);
  const [items, [{ total }]] = await Promise.all([
    productQuery(ctx)
      .where(where)
      .orderBy(asc(prod.divisionCode), asc(prod.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    dbOf(ctx).select({ total: count() }).from(prod).innerJoin(sup, eq(sup.id, prod.supplierId)).where(where),
  ]);
  return { items, total: Number(total), page: f.page, pageSize: f.pageSize };
}

export const allProducts = (ctx: Ctx, f: ProductFilter) => productQuery(ctx).where(conditions(ctx, f)).orderBy(asc(prod.id));

export async function getProduct(ctx: Ctx, id: number) {
  const [row] = await productQuery(ctx).where(and(eq(prod.id, id), productsInScope(ctx.user.scope)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function checkCert(p: { certDate: string; certExpiry: string }) {
  if (p.certExpiry < p.certDate) throw invalid({ path: 'body.certExpiry', key: 'consumption.validation.expiryBeforeDate' });
}

async function supplierOf(ctx: Ctx, id: number) {
  const [row] = await dbOf(ctx).select().from(sup).where(eq(sup.id, id));
  if (!row) throw invalid({ path: 'body.supplierId', key: 'consumption.validation.noSupplier' });
  assertAnyInScope(ctx.user.scope, [row.divisionCode], row.teamId);
  return row;
}

async function assertCertFree(ctx: Ctx, certNo: string, self?: number) {
  const [taken] = await dbOf(ctx).select({ id: prod.id }).from(prod).where(eq(prod.certNo, certNo));
  if (taken && taken.id !== self) throw invalid({ path: 'body.certNo', key: 'errors.CONFLICT' });
}

const money = (v: number | null | undefined) => (v == null ? v : v.toFixed(2));

export async function createProduct(ctx: Ctx, input: z.output<typeof ProductInput>) {
  checkCert(input);
  return withTx(ctx, async (tx, ctx) => {
    const supplier = await supplierOf(ctx, input.supplierId);
    const divisionCode = input.divisionCode ?? supplier.divisionCode;
    assertAnyInScope(ctx.user.scope, [divisionCode], supplier.teamId);
    await assertCertFree(ctx, input.certNo);
    const [row] = await tx
      .insert(prod)
      .values({ ...input, divisionCode, teamId: supplier.teamId, price: money(input.price) })
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'consumption_product', entityId: row.id, after: row });
    return row.id;
  });
}

export async function updateProduct(ctx: Ctx, id: number, patch: z.output<typeof ProductPatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(prod).where(eq(prod.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    assertAnyInScope(ctx.user.scope, [before.divisionCode], before.teamId);
    checkCert({ certDate: patch.certDate ?? before.certDate, certExpiry: patch.certExpiry ?? before.certExpiry });
    const supplier = patch.supplierId ? await supplierOf(ctx, patch.supplierId) : null;
    if (patch.divisionCode) assertAnyInScope(ctx.user.scope, [patch.divisionCode], before.teamId);
    if (patch.certNo) await assertCertFree(ctx, patch.certNo, id);
    const { price, ...rest } = patch;
    const set = { ...rest, ...(price !== undefined ? { price: money(price) } : {}), ...(supplier ? { teamId: supplier.teamId } : {}) };
    const [after] = await tx
      .update(prod)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(prod.id, id))
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'consumption_product', entityId: id, before, after });
    return id;
  });
}
