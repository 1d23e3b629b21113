// Computing leaf figures from a source's stream: one INSERT … SELECT per indicator and year, for a set of
// slices (incremental) or for everything (rebuild). The counting rules live here (see the catalogue).
import { INDICATORS, type IndicatorDef } from '@xiezuo/shared/indicators/catalogue';
import { periodsOfYear } from '@xiezuo/shared/indicators/periods';
import type { FactSource } from './sources';

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (xs: string[]) => `array[${xs.map(lit).join(',')}]::text[]`;

/** Which team a town's rows count for when they carry none: the team stationed there (a team before a
 *  group before an HQ). Built once per refresh transaction, indexed, so every leaf query joins it cheaply. */
export const STATIONS_SQL = [
  `drop table if exists xz_stations`,
  `create temp table xz_stations (division_code text primary key, id int not null)`,
  `insert into xz_stations select distinct on (division_code) division_code, id from teams
     order by division_code, case kind when 'team' then 0 when 'group' then 1 else 2 end, id`,
  `analyze xz_stations`,
];

/** The slice a division code falls in: its town (9 significant digits), or itself if coarser. */
export const SLICE_EXPR = (col: string) => `rpad(substr(${col}, 1, 9), 12, '0')`;

export function indicatorsOf(sourceKey: string): IndicatorDef[] {
  return INDICATORS.filter((d) => d.source === sourceKey);
}

/** A year's months: stocks are kept per month (a quarter's stock is its last month's). */
function monthValues(year: number): string {
  return periodsOfYear(year)
    .slice(0, 12)
    .map((p) => `(${lit(p.key)}, date ${lit(p.start)}, date ${lit(p.end)})`)
    .join(',');
}

function breakdownValues(def: IndicatorDef): string {
  const rows = [`('', null::text)`, ...(def.breakdowns ?? []).map((b) => `(${lit(b.key)}, ${lit(b.tag)})`)];
  return rows.join(',');
}

/**
 * INSERT INTO indicator_leaves the figures of one indicator for one year.
 * `slices`: 12-digit slice codes to restrict to, or null for all. `today` bounds stocks of the running period.
 */
export function leafInsertSql(source: FactSource, def: IndicatorDef, year: number, slices: string[] | null, today: string): string {
  return `insert into indicator_leaves (slice, team_id, period, breakdown, indicator, value)
          select s.slice, s.team_id, s.key, s.bkey, ${lit(def.code)}, s.v from (${leafBody(source, def, year, { slices }, today)}) s(slice, team_id, key, bkey, v)
          where s.v <> 0`;
}

/**
 * The figures of one indicator for one year of some villages, straight from the source (villages are below
 * the leaf level: a village's dashboard computes them on demand — a village holds a few hundred rows).
 * Rows: (slice = the village's code, team_id = 0, key = period, bkey = breakdown, v).
 */
export function villageSelectSql(source: FactSource, def: IndicatorDef, year: number, villages: string[], today: string): string {
  return `select s.slice, s.key, s.bkey, s.v from (${leafBody(source, def, year, { villages }, today)}) s(slice, team_id, key, bkey, v) where s.v <> 0`;
}

function leafBody(
  source: FactSource,
  def: IndicatorDef,
  year: number,
  where: { slices?: string[] | null; villages?: string[] },
  today: string,
): string {
  const { slices, villages } = where;
  const conds: string[] = [];
  if (slices) conds.push(`x.division_code like any (${arr(slices.map((s) => `${s.slice(0, 9)}%`))})`);
  if (villages) conds.push(`x.division_code = any (${arr(villages)})`);
  if (source.kind === 'event') conds.push(`x.day between date '${year}-01-01' and date '${year}-12-31'`);
  else conds.push(`x.day <= date '${year}-12-31' and (x.end_day is null or x.end_day >= date '${year}-01-01')`);
  if (def.filter?.length) conds.push(`x.tags @> ${arr(def.filter)}`);
  if (def.anyOf?.length) conds.push(`x.tags && ${arr(def.anyOf)}`);
  const events = villages
    ? `select x.division_code as slice, 0 as team_id, x.day, x.end_day, x.subject, x.qty, x.tags
                  from (${source.sql}) x where ${conds.join(' and ')}`
    : `select ${SLICE_EXPR('x.division_code')} as slice, coalesce(x.team_id, st.id, 0) as team_id,
                         x.day, x.end_day, x.subject, x.qty, x.tags
                  from (${source.sql}) x left join xz_stations st on st.division_code = ${SLICE_EXPR('x.division_code')}
                  where ${conds.join(' and ')}`;
  const bJoin = `join b on (b.tag is null or b.tag = any(e.tags))`;
  // Events are first summed (or de-duplicated) per month; quarters, half-years and the year are built from
  // the months, so each event is touched once whatever the number of stored periods.
  const ym = `to_char(e.day, 'YYYY-MM')`;
  const rollMonths = (src: string, agg: string) =>
    [
      `select slice, team_id, 'M' || ym as key, bkey, ${agg} from ${src} group by 1, 2, 3, 4`,
      `select slice, team_id, 'Q' || left(ym, 4) || '-' || ((substr(ym, 6, 2)::int + 2) / 3), bkey, ${agg} from ${src} group by 1, 2, 3, 4`,
      `select slice, team_id, 'H' || left(ym, 4) || '-' || ((substr(ym, 6, 2)::int + 5) / 6), bkey, ${agg} from ${src} group by 1, 2, 3, 4`,
      `select slice, team_id, 'Y' || left(ym, 4), bkey, ${agg} from ${src} group by 1, 2, 3, 4`,
    ].join(' union all ');
  let body: string;
  switch (def.measure) {
    case 'count':
    case 'sum':
    case 'person_times': {
      const v = def.measure === 'count' ? 'count(*)::float8' : 'sum(e.qty)';
      body = `with b(bkey, tag) as (values ${breakdownValues(def)}), e as (${events}),
              m as (select e.slice, e.team_id, ${ym} as ym, b.bkey, ${v} as v from e ${bJoin} group by 1, 2, 3, 4)
              ${rollMonths('m', 'sum(v)')}`;
      break;
    }
    case 'distinct':
      // each subject once per period, at the slice and team of its first event in that period; `qty` weighs
      // it (1 = a plain count; a household's member count turns distinct households into distinct persons)
      body = `with b(bkey, tag) as (values ${breakdownValues(def)}), e as (${events}),
              f as (select distinct on (e.subject, ${ym}, b.bkey) e.slice, e.team_id, ${ym} as ym, b.bkey, e.subject, e.day, e.qty
                    from e ${bJoin} order by e.subject, ${ym}, b.bkey, e.day, e.team_id),
              k as (select slice, team_id, 'M' || ym as key, bkey, subject, day, qty from f
                    union all select slice, team_id, 'Q' || left(ym, 4) || '-' || ((substr(ym, 6, 2)::int + 2) / 3), bkey, subject, day, qty from f
                    union all select slice, team_id, 'H' || left(ym, 4) || '-' || ((substr(ym, 6, 2)::int + 5) / 6), bkey, subject, day, qty from f
                    union all select slice, team_id, 'Y' || left(ym, 4), bkey, subject, day, qty from f)
              select slice, team_id, key, bkey, sum(qty) from (
                select distinct on (key, bkey, subject) slice, team_id, key, bkey, qty from k order by key, bkey, subject, day, team_id) d
              group by 1, 2, 3, 4`;
      break;
    case 'stock': {
      const asOf = `least(p.pe, date ${lit(today)})`;
      body = `with p(key, ps, pe) as (values ${monthValues(year)}), b(bkey, tag) as (values ${breakdownValues(def)}), e as (${events})
              select e.slice, e.team_id, p.key, b.bkey, sum(e.qty) from e
              join p on p.ps <= date ${lit(today)} and e.day <= ${asOf} and (e.end_day is null or e.end_day >= ${asOf})
              ${bJoin} group by 1, 2, 3, 4`;
      break;
    }
    default:
      throw new Error(`measure ${def.measure} has no leaves`);
  }
  return body;
}

/** Years a source has data in, bounded (stocks run to this year). */
export function yearsSql(source: FactSource, thisYear: number): string {
  // stocks: this year and the two before (for "same period last year"); events: the last five years
  const hi = source.kind === 'interval' ? `${thisYear}` : `least(extract(year from max(x.day))::int, ${thisYear})`;
  const lo = source.kind === 'interval' ? thisYear - 2 : thisYear - 5;
  return `select greatest(extract(year from min(x.day))::int, ${lo}) as lo, ${hi} as hi from (${source.sql}) x`;
}
