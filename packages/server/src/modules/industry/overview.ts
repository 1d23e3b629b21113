// Overviews across the module: the HQ ranking of helper cities by investment in place in a period (an
// enterprise's origin rolled up to its city), and the helped counties on the map with their enterprises and
// workshops. Both read only the enterprises and workshops in the user's scope.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { and, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import type { Db, Tx } from '../../platform/db/client';
import { divisions } from '../registry';
import { dbOf, enterprisesInScope, workshopsInScope } from './access';
import { industryEnterprises as ent, industryInvestments as inv, industryWorkshops as shops, industryWorkers as workers } from './tables';

/** The 12-digit code of the city (4) or county (6) a division lies in. */
const rollUp = (code: string, digits: 4 | 6) => code.slice(0, digits).padEnd(12, '0');

async function namesOf(db: Db | Tx, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await db.select({ code: divisions.code, name: divisions.name }).from(divisions).where(inArray(divisions.code, codes));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Sums money strings exactly enough for display (元 with 2 decimals). */
const money = (n: number) => n.toFixed(2);

export async function helperRanking(ctx: Ctx, f: { from?: string; to?: string }) {
  const db = dbOf(ctx);
  const inPeriod = [f.from ? gte(inv.day, f.from) : undefined, f.to ? lte(inv.day, f.to) : undefined];
  const sum = (kind: string) => sql<string | null>`sum(${inv.amount}) filter (where ${inv.kind} = ${kind})`;
  const rows = await db
    .select({ id: ent.id, origin: ent.originDivisionCode, signed: sum('signed'), inPlace: sum('in_place') })
    .from(ent)
    .leftJoin(inv, and(eq(inv.enterpriseId, ent.id), ...inPeriod))
    .where(enterprisesInScope(ctx.user.scope))
    .groupBy(ent.id, ent.originDivisionCode);
  const byCity = new Map<string, { enterprises: number; signed: number; inPlace: number }>();
  for (const r of rows) {
    const city = rollUp(r.origin, 4);
    const c = byCity.get(city) ?? { enterprises: 0, signed: 0, inPlace: 0 };
    byCity.set(city, {
      enterprises: c.enterprises + 1,
      signed: c.signed + Number(r.signed ?? 0),
      inPlace: c.inPlace + Number(r.inPlace ?? 0),
    });
  }
  const names = await namesOf(db, [...byCity.keys()]);
  return [...byCity]
    .sort(([a, x], [b, y]) => y.inPlace - x.inPlace || y.enterprises - x.enterprises || a.localeCompare(b))
    .map(([code, c]) => ({
      divisionCode: code,
      divisionName: names.get(code) ?? null,
      enterprises: c.enterprises,
      signed: money(c.signed),
      inPlace: money(c.inPlace),
    }));
}

export async function industryPlaces(ctx: Ctx) {
  const db = dbOf(ctx);
  const today = todayInBeijing();
  const [ents, shopRows] = await Promise.all([
    db
      .select({
        code: ent.divisionCode,
        inPlace: sql<
          string | null
        >`(select sum(i.amount) from ${inv} i where i.enterprise_id = industry_enterprises.id and i.kind = 'in_place')`,
      })
      .from(ent)
      .where(and(enterprisesInScope(ctx.user.scope), isNull(ent.exitedOn))),
    db
      .select({
        code: shops.divisionCode,
        workers: sql<number>`(select count(distinct w.id_hash)::int from ${workers} w where w.workshop_id = industry_workshops.id
                              and w.start_date <= ${today} and (w.end_date is null or w.end_date >= ${today}))`,
      })
      .from(shops)
      .where(and(workshopsInScope(ctx.user.scope), eq(shops.status, 'operating'))),
  ]);
  // (the subqueries name the outer table in full: drizzle writes a one-table select's columns unqualified)
  // a person works in one place at a time (overlaps are refused), so the workshops' counts add up
  const out = new Map<string, { enterprises: number; inPlace: number; workshops: number; workers: number }>();
  const at = (code: string) => {
    const county = rollUp(code, 6);
    if (!out.has(county)) out.set(county, { enterprises: 0, inPlace: 0, workshops: 0, workers: 0 });
    return out.get(county)!;
  };
  for (const e of ents) {
    const p = at(e.code);
    p.enterprises += 1;
    p.inPlace += Number(e.inPlace ?? 0);
  }
  for (const s of shopRows) {
    const p = at(s.code);
    p.workshops += 1;
    p.workers += Number(s.workers);
  }
  const names = await namesOf(db, [...out.keys()]);
  return [...out]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, p]) => ({ divisionCode: code, divisionName: names.get(code) ?? null, ...p, inPlace: money(p.inPlace) }));
}
