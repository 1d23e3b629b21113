// 捐赠/慰问: gifts of cash and goods to households, villages and schools. Money = cash + goods with an
// estimated value; goods without a value are counted as items (件), never as money.
import type { DonationInput, DonationPatch, DonorKind } from '@xiezuo/shared/contracts/social';
import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { monitoringHouseholds } from '../monitoring';
import { divisions, units } from '../registry';
import { allOf, assertWritable, dbOf, dec, num, ownTeamOf, placedInScope, placeFilters } from './access';
import { socialDonations as D } from './tables';

export interface DonationFilter {
  divisionCode?: string;
  teamId?: number;
  from?: string;
  to?: string;
  donorKind?: DonorKind;
  q?: string;
}

function conditions(ctx: Ctx, f: DonationFilter) {
  const conds = placeFilters(ctx.user.scope, D, D.donatedOn, f);
  if (f.donorKind) conds.push(eq(D.donorKind, f.donorKind));
  if (f.q) conds.push(or(ilike(D.donorName, `%${f.q}%`), ilike(D.recipientName, `%${f.q}%`), ilike(D.goodsItem, `%${f.q}%`)));
  return allOf(conds);
}

const query = (db: Db | Tx) =>
  db.select({ d: D, divisionName: divisions.name }).from(D).leftJoin(divisions, eq(divisions.code, D.divisionCode));

type Joined = { d: typeof D.$inferSelect; divisionName: string | null };

export const donationRow = ({ d, divisionName }: Joined) => ({
  id: d.id,
  donatedOn: d.donatedOn,
  donorName: d.donorName,
  donorKind: d.donorKind,
  recipientKind: d.recipientKind,
  recipientName: d.recipientName,
  divisionCode: d.divisionCode,
  divisionName,
  householdId: d.householdId,
  unitId: d.unitId,
  households: d.households,
  teamId: d.teamId,
  cashAmount: Number(d.cashAmount),
  goodsItem: d.goodsItem,
  goodsQuantity: num(d.goodsQuantity),
  goodsUnit: d.goodsUnit,
  goodsValue: num(d.goodsValue),
  note: d.note,
});

export async function listDonations(ctx: Ctx, f: DonationFilter & { page: number; pageSize: number }) {
  const db = dbOf(ctx);
  const where = conditions(ctx, f);
  const [rows, [totals]] = await Promise.all([
    query(db)
      .where(where)
      .orderBy(desc(D.donatedOn), asc(D.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db
      .select({
        total: sql<number>`count(*)::int`,
        cash: sql<string>`coalesce(sum(${D.cashAmount}), 0)`,
        goodsValue: sql<string>`coalesce(sum(${D.goodsValue}), 0)`,
        items: sql<string>`coalesce(sum(${D.goodsQuantity}) filter (where ${D.goodsValue} is null), 0)`,
      })
      .from(D)
      .where(where),
  ]);
  const cash = Number(totals.cash);
  const goodsValue = Number(totals.goodsValue);
  return {
    items: rows.map(donationRow),
    total: Number(totals.total),
    page: f.page,
    pageSize: f.pageSize,
    totals: { cash, goodsValue, money: Math.round((cash + goodsValue) * 100) / 100, items: Number(totals.items) },
  };
}

export async function allDonations(ctx: Ctx, f: DonationFilter) {
  return (await query(dbOf(ctx)).where(conditions(ctx, f)).orderBy(desc(D.donatedOn), asc(D.id))).map(donationRow);
}

export async function getDonation(ctx: Ctx, id: number) {
  const [row] = await query(dbOf(ctx)).where(and(eq(D.id, id), placedInScope(ctx.user.scope, D)));
  if (!row) throw new AppError('NOT_FOUND');
  return donationRow(row);
}

type Input = z.output<typeof DonationInput>;

/** A gift gives something: cash, or goods with a quantity; a value without goods, or goods without a quantity, is refused. */
function checkDonation(d: Partial<Input>) {
  const cash = d.cashAmount ?? 0;
  if (d.goodsItem && !d.goodsQuantity) throw invalid({ path: 'body.goodsQuantity', key: 'social.validation.goodsQuantity' });
  if (!d.goodsItem && (d.goodsQuantity || d.goodsValue)) throw invalid({ path: 'body.goodsItem', key: 'social.validation.goodsItem' });
  if (cash <= 0 && !d.goodsItem) throw invalid({ path: 'body.cashAmount', key: 'social.validation.nothingGiven' });
}

/** A linked monitored household must exist and lie in the donation's place. */
async function checkHousehold(tx: Tx, d: { householdId?: number | null; divisionCode: string }) {
  if (d.householdId == null) return;
  const [h] = await tx
    .select({ divisionCode: monitoringHouseholds.divisionCode })
    .from(monitoringHouseholds)
    .where(eq(monitoringHouseholds.id, d.householdId));
  if (!h) throw invalid({ path: 'body.householdId', key: 'social.validation.noHousehold' });
  const place = d.divisionCode.replace(/(000)+$/, '');
  if (!h.divisionCode.startsWith(place)) throw invalid({ path: 'body.householdId', key: 'social.validation.householdElsewhere' });
}

/** A linked unit (a school) must exist and lie in the donation's place, as a linked household must. */
async function checkUnit(tx: Tx, d: { unitId?: number | null; divisionCode: string }) {
  if (d.unitId == null) return;
  const [u] = await tx.select({ divisionCode: units.divisionCode }).from(units).where(eq(units.id, d.unitId));
  if (!u) throw invalid({ path: 'body.unitId', key: 'social.validation.noUnit' });
  const place = d.divisionCode.replace(/(000)+$/, '');
  const home = u.divisionCode.replace(/(000)+$/, '');
  if (!u.divisionCode.startsWith(place) && !place.startsWith(home))
    throw invalid({ path: 'body.unitId', key: 'social.validation.unitElsewhere' });
}

const values = (d: Input) => ({
  ...d,
  cashAmount: dec(d.cashAmount ?? 0) as string,
  goodsQuantity: dec(d.goodsQuantity),
  goodsValue: dec(d.goodsValue),
});

export async function createDonation(ctx: Ctx, input: Input) {
  const body = { ...input, teamId: input.teamId ?? ownTeamOf(ctx.user.scope) };
  checkDonation(body);
  return withTx(ctx, async (tx, ctx) => {
    await assertWritable(ctx, tx, body);
    await checkHousehold(tx, body);
    await checkUnit(tx, body);
    const [row] = await tx.insert(D).values(values(body)).returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'social_donation', entityId: row.id, after: row });
    return row.id;
  });
}

export async function updateDonation(ctx: Ctx, id: number, patch: z.output<typeof DonationPatch>) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(D).where(eq(D.id, id));
    if (!before) throw new AppError('NOT_FOUND');
    await assertWritable(ctx, tx, before, before);
    const { id: _id, divisionName: _n, ...current } = donationRow({ d: before, divisionName: null });
    const next = { ...current, ...patch } as Input;
    checkDonation(next);
    await assertWritable(ctx, tx, next, before);
    await checkHousehold(tx, next);
    await checkUnit(tx, next);
    const [after] = await tx
      .update(D)
      .set({ ...values(next), updatedAt: new Date() })
      .where(eq(D.id, id))
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'social_donation', entityId: id, before, after });
    return id;
  });
}
