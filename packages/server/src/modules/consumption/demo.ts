// Demo data of 消费帮扶 (demoData.ts): suppliers and certified products of 六盘水, 梅县 and 富川; sales this year
// and last year that add up to the seed's figures at 中山 and 荔湾; one sale reported twice (a buyer unit and
// the 832 platform, same order number) flagged for the user; the 绿博城 fair with its four 富川 enterprises.
// Dated relative to today (todayInBeijing), so this half-year and the same period last year show figures.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { sql } from 'drizzle-orm';
import type { Services } from '../../platform/context';
import type { Tx } from '../../platform/db/client';
import type { ModuleSeed } from '../../platform/seed';
import { DIV, demoCreditCode, FAIR, SALE_BLOCKS, SUPPLIERS } from './demoData';
import { consumptionFairSuppliers, consumptionFairs, consumptionProducts, consumptionSales, consumptionSuppliers } from './tables';

async function teamIdNamed(tx: Tx, name: string): Promise<number | null> {
  const { rows } = await tx.execute(sql`select id from teams where name = ${name} order by id limit 1`);
  return (rows[0] as { id: number } | undefined)?.id ?? null;
}

/** `total` 元 split into `n` parts to the fen, the last taking the remainder. */
export function splitAmount(total: number, n: number): string[] {
  const cents = Math.round(total * 100);
  const part = Math.floor(cents / n);
  return Array.from({ length: n }, (_, i) => ((i === n - 1 ? cents - part * (n - 1) : part) / 100).toFixed(2));
}

/** Days of a year up to `today` (this year) or across it (last year), one per month, for `n` sales. */
function daysOf(year: number, today: string, n: number): string[] {
  const lastMonth = year === Number(today.slice(0, 4)) ? Number(today.slice(5, 7)) : 12;
  return Array.from({ length: n }, (_, i) => {
    const month = 1 + Math.floor((i * lastMonth) / n);
    const day = `${year}-${String(month).padStart(2, '0')}-01`;
    return day > today ? today : day;
  });
}

async function seedSuppliers(tx: Tx, year: number) {
  const suppliers = new Map<string, { id: number; divisionCode: string; productId: number }>();
  let n = 0;
  for (const [key, name, kind, divisionCode, products] of SUPPLIERS) {
    n += 1;
    const [s] = await tx
      .insert(consumptionSuppliers)
      .values({
        name,
        creditCode: demoCreditCode(kind, divisionCode, n),
        divisionCode,
        contact: '联系人（演示）',
        phone: `0858${8_000_000 + n}`,
        note: '演示数据',
      })
      .returning();
    let productId = 0;
    for (const [pname, category, unit, price] of products) {
      const [p] = await tx
        .insert(consumptionProducts)
        .values({
          supplierId: s.id,
          name: pname,
          category,
          divisionCode,
          unit,
          price: price.toFixed(2),
          certNo: `XF-${divisionCode.slice(0, 6)}-${year - 1}-${String(n).padStart(3, '0')}`,
          certBody: divisionCode.startsWith('52')
            ? '贵州省发展和改革委员会（演示）'
            : divisionCode.startsWith('45')
              ? '广西壮族自治区发展和改革委员会（演示）'
              : '广东省农业农村厅（演示）',
          certDate: `${year - 1}-03-01`,
          certExpiry: key === 'nk-noodle' ? `${year}-06-30` : `${year + 1}-02-28`, // 客家腌面: expired mid-year, later sales marked
          note: '演示数据',
        })
        .returning();
      productId = p.id;
    }
    suppliers.set(key, { id: s.id, divisionCode, productId });
  }
  return suppliers;
}

export async function seedConsumptionDemo(services: Services) {
  const today = todayInBeijing();
  const year = Number(today.slice(0, 4));
  return services.db.transaction(async (tx) => {
    const suppliers = await seedSuppliers(tx, year);
    const expiry = new Map<number, string>([[suppliers.get('nk-noodle')!.productId, `${year}-06-30`]]);
    const rows: (typeof consumptionSales.$inferInsert)[] = [];
    for (const [helper, key, channel, thisYear, lastYear, team, buyers] of SALE_BLOCKS) {
      const s = suppliers.get(key)!;
      const teamId = await teamIdNamed(tx, team);
      for (const [y, total] of [
        [year, thisYear],
        [year - 1, lastYear],
      ] as const) {
        const n = buyers?.length ?? 6;
        const days = daysOf(y, today, n);
        splitAmount(total, n).forEach((amount, i) => {
          const day = days[i];
          rows.push({
            saleDate: day,
            orderNo: channel === 'platform832' ? `832${day.replaceAll('-', '')}${String(i + 1).padStart(4, '0')}` : null,
            supplierId: s.id,
            productId: s.productId,
            amount,
            channel,
            buyerName: buyers?.[i] ?? null,
            helperDivisionCode: helper,
            sellerDivisionCode: s.divisionCode,
            teamId,
            reporter: channel === 'platform832' ? '832平台' : '工作队',
            certExpired: (expiry.get(s.productId) ?? '9999') < day ? 1 : 0,
            note: '演示数据',
          });
        });
      }
    }
    const inserted = await tx.insert(consumptionSales).values(rows).returning();
    // the same 832 order reported again by the buyer unit: flagged, counted once
    const first = inserted.find((r) => r.channel === 'platform832' && r.saleDate.startsWith(String(year)))!;
    await tx.insert(consumptionSales).values({
      ...first,
      id: undefined,
      channel: 'unit',
      buyerName: '中山市某区机关事务局（演示）',
      reporter: '采购单位',
      duplicateOf: first.id,
      duplicateState: 'pending',
      createdAt: undefined,
      updatedAt: undefined,
    });
    await seedFair(tx, suppliers, year, today);
  });
}

async function seedFair(
  tx: Tx,
  suppliers: Map<string, { id: number; divisionCode: string; productId: number }>,
  year: number,
  today: string,
) {
  const teamId = await teamIdNamed(tx, FAIR.team);
  const fairDate = `${year}-${today.slice(5, 7) >= '04' ? '04' : '01'}-18`;
  const [fair] = await tx
    .insert(consumptionFairs)
    .values({
      name: FAIR.name,
      fairDate: fairDate > today ? today : fairDate,
      place: FAIR.place,
      divisionCode: FAIR.divisionCode,
      organiser: FAIR.organiser,
      teamId,
      buyers: FAIR.buyers,
      intentAmount: FAIR.intentAmount.toFixed(2),
      note: '4家富川企业参展（演示）',
    })
    .returning();
  await tx.insert(consumptionFairSuppliers).values(FAIR.suppliers.map((k) => ({ fairId: fair.id, supplierId: suppliers.get(k)!.id })));
  await tx.insert(consumptionSales).values(
    FAIR.realised.map(([key, channel, amount, buyer]) => {
      const s = suppliers.get(key)!;
      return {
        saleDate: fair.fairDate,
        supplierId: s.id,
        productId: s.productId,
        amount: amount.toFixed(2),
        channel,
        buyerName: buyer,
        helperDivisionCode: DIV.sihui,
        sellerDivisionCode: s.divisionCode,
        teamId,
        fairId: fair.id,
        reporter: '工作组',
        note: '绿博城产销对接会成交（演示）',
      };
    }),
  );
}

export const consumptionSeed: ModuleSeed = {
  name: 'consumption',
  async run(services) {
    await seedConsumptionDemo(services);
    return [];
  },
};
