// 销售/采购: a sale of a helped area's product, credited to the helper side (采购 by a unit or union, else 帮销)
// and to the helped side (销售) — once each (facts.ts). The same sale reported twice (by the buyer unit and by
// the platform: the same order number, or the same supplier, day and amount) is flagged at entry: the later
// report points at the first and is not counted until a user resolves it (a duplicate, or a sale of its own).
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import { type DuplicateState, isPurchase, type SaleChannel, type SaleInput, type SalePatch } from '@xiezuo/shared/contracts/consumption';
import { and, asc, count, desc, eq, gte, isNotNull, isNull, like, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { divisions } from '../registry';
import { assertAnyInScope, checkTeam, dbOf, ownTeamOf, salesInScope } from './access';
import { consumptionFairs, consumptionProducts as prod, consumptionSales as sale, consumptionSuppliers as sup } from './tables';

export interface SaleFilter {
  channel?: SaleChannel;
  helperDivisionCode?: string;
  sellerDivisionCode?: string;
  supplierId?: number;
  teamId?: number;
  fairId?: number;
  duplicates?: 'pending' | 'all';
  from?: string;
  to?: string;
}

/** Counted: not flagged, or resolved as a sale of its own. */
export const countedSql = sql<boolean>`(${sale.duplicateOf} is null or ${sale.duplicateState} = 'distinct')`;

function conditions(ctx: Ctx, f: SaleFilter) {
  const conds: (SQL | undefined)[] = [salesInScope(ctx.user.scope)];
  if (f.channel) conds.push(eq(sale.channel, f.channel));
  if (f.helperDivisionCode) conds.push(like(sale.helperDivisionCode, `${divisionPrefix(f.helperDivisionCode)}%`));
  if (f.sellerDivisionCode) conds.push(like(sale.sellerDivisionCode, `${divisionPrefix(f.sellerDivisionCode)}%`));
  if (f.supplierId) conds.push(eq(sale.supplierId, f.supplierId));
  if (f.teamId) conds.push(eq(sale.teamId, f.teamId));
  if (f.fairId) conds.push(eq(sale.fairId, f.fairId));
  if (f.duplicates === 'pending') conds.push(eq(sale.duplicateState, 'pending'));
  if (f.duplicates === 'all') conds.push(isNotNull(sale.duplicateOf));
  if (f.from) conds.push(gte(sale.saleDate, f.from));
  if (f.to) conds.push(lte(sale.saleDate, f.to));
  return and(...conds);
}

const helperDiv = alias(divisions, 'helper_div');
const sellerDiv = alias(divisions, 'seller_div');

function saleQuery(ctx: Ctx) {
  return dbOf(ctx)
    .select({
      id: sale.id,
      saleDate: sale.saleDate,
      orderNo: sale.orderNo,
      supplierId: sale.supplierId,
      supplierName: sup.name,
      supplierCreditCode: sup.creditCode,
      productId: sale.productId,
      productName: sql<string | null>`coalesce(${sale.productName}, ${prod.name})`,
      amount: sale.amount,
      quantity: sale.quantity,
      channel: sale.channel,
      purchase: sql<boolean>`${sale.channel} in ('unit', 'union')`,
      buyerName: sale.buyerName,
      helperDivisionCode: sale.helperDivisionCode,
      helperDivisionName: helperDiv.name,
      sellerDivisionCode: sale.sellerDivisionCode,
      sellerDivisionName: sellerDiv.name,
      teamId: sale.teamId,
      fairId: sale.fairId,
      fairName: consumptionFairs.name,
      reporter: sale.reporter,
      certExpired: sql<boolean>`${sale.certExpired} = 1`,
      duplicateOf: sale.duplicateOf,
      duplicateState: sale.duplicateState,
      counted: countedSql,
      note: sale.note,
    })
    .from(sale)
    .innerJoin(sup, eq(sup.id, sale.supplierId))
    .leftJoin(prod, eq(prod.id, sale.productId))
    .leftJoin(consumptionFairs, eq(consumptionFairs.id, sale.fairId))
    .leftJoin(helperDiv, eq(helperDiv.code, sale.helperDivisionCode))
    .leftJoin(sellerDiv, eq(sellerDiv.code, sale.sellerDivisionCode));
}

export async function listSales(ctx: Ctx, f: SaleFilter & { page: number; pageSize: number }) {
  const where = conditions(ctx, f);
  const [items, [{ total }]] = await Promise.all([
    saleQuery(ctx)
      .where(where)
      .orderBy(desc(sale.saleDate), asc(sale.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    dbOf(ctx).select({ total: count() }).from(sale).where(where),
  ]);
  return { items, total: Number(total), page: f.page, pageSize: f.pageSize };
}

export const allSales = (ctx: Ctx, f: SaleFilter) => saleQuery(ctx).where(conditions(ctx, f)).orderBy(asc(sale.saleDate), asc(sale.id));

export async function getSale(ctx: Ctx, id: number) {
  const [row] = await saleQuery(ctx).where(and(eq(sale.id, id), salesInScope(ctx.user.scope)));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Totals of the counted sales with the list's filters: 采购, 帮销, by channel; and the flags awaiting a decision. */
export async function saleTotals(ctx: Ctx, f: SaleFilter) {
  const rows = await dbOf(ctx)
    .select({ channel: sale.channel, amount: sql<string>`coalesce(sum(${sale.amount}), 0)::text` })
    .from(sale)
    .where(and(conditions(ctx, { ...f, duplicates: undefined }), countedSql))
    .groupBy(sale.channel);
  const [{ pending }] = await dbOf(ctx)
    .select({ pending: count() })
    .from(sale)
    .where(and(conditions(ctx, f), eq(sale.duplicateState, 'pending')));
  const cents = (s: string) => BigInt(Math.round(Number(s) * 100));
  let total = 0n;
  let purchased = 0n;
  const byChannel: Record<string, string> = {};
  for (const r of rows) {
    const c = cents(r.amount);
    total += c;
    if (isPurchase(r.channel)) purchased += c;
    byChannel[r.channel] = yuan(c);
  }
  return {
    total: yuan(total),
    purchased: yuan(purchased),
    helpedSell: yuan(total - purchased),
    byChannel,
    pendingDuplicates: Number(pending),
  };
}

const yuan = (cents: bigint) => `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;

/** The first counted report of the same sale: same order number, or same supplier, day and amount. */
async function firstReportOf(tx: Tx, s: { id?: number; orderNo?: string | null; supplierId: number; saleDate: string; amount: string }) {
  const same = or(
    s.orderNo ? eq(sale.orderNo, s.orderNo) : undefined,
    and(eq(sale.supplierId, s.supplierId), eq(sale.saleDate, s.saleDate), eq(sale.amount, s.amount)),
  );
  const [hit] = await tx
    .select({ id: sale.id })
    .from(sale)
    .where(and(same, isNull(sale.duplicateOf), s.id ? ne(sale.id, s.id) : undefined))
    .orderBy(asc(sale.id))
    .limit(1);
  return hit?.id ?? null;
}

type SaleBody = z.output<typeof SaleInput>;

/** What a sale takes from its supplier, product and fair, checked: the helped side, and whether the certificate had expired. */
async function resolveRefs(tx: Tx, s: Pick<SaleBody, 'supplierId' | 'productId' | 'fairId' | 'saleDate'>) {
  const [supplier] = await tx.select().from(sup).where(eq(sup.id, s.supplierId));
  if (!supplier) throw invalid({ path: 'body.supplierId', key: 'consumption.validation.noSupplier' });
  let certExpired = 0;
  let productName: string | null = null;
  if (s.productId != null) {
    const [p] = await tx.select().from(prod).where(eq(prod.id, s.productId));
    if (!p || p.supplierId !== supplier.id) throw invalid({ path: 'body.productId', key: 'consumption.validation.noProduct' });
    certExpired = p.certExpiry < s.saleDate ? 1 : 0;
    productName = p.name;
  }
  if (s.fairId != null) {
    const [fair] = await tx.select({ id: consumptionFairs.id }).from(consumptionFairs).where(eq(consumptionFairs.id, s.fairId));
    if (!fair) throw invalid({ path: 'body.fairId', key: 'consumption.validation.noFair' });
  }
  return { supplier, certExpired, productName };
}

function checkSides(helper: string, seller: string) {
  if (helper === seller) throw invalid({ path: 'body.helperDivisionCode', key: 'consumption.validation.sameSide' });
}

export async function createSale(ctx: Ctx, input: SaleBody) {
  return withTx(ctx, async (tx, ctx) => {
    const { supplier, certExpired, productName } = await resolveRefs(tx, input);
    const body = {
      ...input,
      productName: input.productName ?? productName,
      amount: input.amount.toFixed(2),
      sellerDivisionCode: input.sellerDivisionCode ?? supplier.divisionCode,
      teamId: input.teamId ?? ownTeamOf(ctx.user.scope),
    };
    checkSides(body.helperDivisionCode, body.sellerDivisionCode);
    assertAnyInScope(ctx.user.scope, [body.helperDivisionCode, body.sellerDivisionCode], body.teamId);
    await checkTeam(ctx, body.teamId, 'body.teamId');
    const duplicateOf = await firstReportOf(tx, body);
    const [row] = await tx
      .insert(sale)
      .values({ ...body, certExpired, duplicateOf, duplicateState: duplicateOf ? 'pending' : null })
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'consumption_sale', entityId: row.id, after: row });
    return row.id;
  });
}

export async function updateSale(ctx: Ctx, id: number, patch: z.output<typeof SalePatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(sale).where(eq(sale.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    assertAnyInScope(ctx.user.scope, [before.helperDivisionCode, before.sellerDivisionCode], before.teamId);
    const { amount, ...rest } = patch;
    const next = { ...before, ...rest, ...(amount !== undefined ? { amount: amount.toFixed(2) } : {}) };
    const { certExpired } = await resolveRefs(tx, next);
    checkSides(next.helperDivisionCode, next.sellerDivisionCode);
    assertAnyInScope(ctx.user.scope, [next.helperDivisionCode, next.sellerDivisionCode], next.teamId);
    if (patch.teamId !== undefined) await checkTeam(ctx, patch.teamId, 'body.teamId');
    const [after] = await tx
      .update(sale)
      .set({ ...rest, amount: next.amount, certExpired, updatedAt: new Date() })
      .where(eq(sale.id, id))
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'consumption_sale', entityId: id, before, after });
    return id;
  });
}

/** The user's decision on a flagged sale: 'confirmed' (the same sale: the first report alone counts) or 'distinct' (counted too). */
export async function resolveSale(ctx: Ctx, id: number, state: Exclude<DuplicateState, 'pending'>) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(sale).where(eq(sale.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    assertAnyInScope(ctx.user.scope, [before.helperDivisionCode, before.sellerDivisionCode], before.teamId);
    if (before.duplicateOf == null) throw invalid({ path: 'body.state', key: 'consumption.validation.notPending' });
    const [after] = await tx.update(sale).set({ duplicateState: state, updatedAt: new Date() }).where(eq(sale.id, id)).returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'consumption_sale', entityId: id, before, after });
    return id;
  });
}
