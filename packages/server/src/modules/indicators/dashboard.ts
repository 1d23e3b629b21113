// The dashboard: figures of a node and period with last year's, targets and progress, the monthly trend,
// children and their ranking — read only from indicator_rollups (a handful of indexed queries).
import type { DashboardT, FigureT } from '@xiezuo/shared/contracts/indicators';
import type { Language } from '@xiezuo/shared/i18n/index';
import { INDICATOR_BY_CODE, INDICATORS, type IndicatorDef, indicatorName, ratioOf } from '@xiezuo/shared/indicators/catalogue';
import {
  canonicalPeriod,
  elapsedShare,
  monthsOf,
  parsePeriod,
  periodLabel,
  periodsOfYear,
  samePeriodLastYear,
} from '@xiezuo/shared/indicators/periods';
import type { Database } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import type { Scope } from '../../platform/scope';
import { indicatorsOf, villageSelectSql } from './engine/compute';
import type { FactSource } from './engine/sources';
import { assertNodeInScope, NodeDirectory, nodeInScope } from './nodes';

/** value lookup: node → period → indicator|breakdown → value */
type Values = Map<string, Map<string, Map<string, number>>>;

type RollupRow = { node: string; period: string; indicator: string; breakdown: string; value: number };

/**
 * Values of nodes for periods. Nodes above the leaf level come from indicator_rollups; towns and teams
 * without sub-teams are the leaves themselves (indicator_leaves by slice or team), so they are not stored twice.
 */
export async function readValues(
  database: Database,
  nodes: string[],
  periods: string[],
  indicators?: string[],
  villages?: VillageSources,
): Promise<Values> {
  const only = indicators ? `and indicator = any($3) and breakdown = ''` : '';
  const params = (list: unknown[]) => (indicators ? [list, periods, indicators] : [list, periods]);
  const isTown = (n: string) => n.startsWith('d:') && n.length === 11;
  const isVillage = (n: string) => n.startsWith('d:') && n.length === 14;
  const towns = nodes.filter(isTown);
  const rest = nodes.filter((n) => !isTown(n) && !isVillage(n));
  const rows: RollupRow[] = [];
  const villageNodes = nodes.filter(isVillage);
  if (villageNodes.length && villages) rows.push(...(await villageValues(database, villageNodes, periods, indicators, villages)));
  if (rest.length) {
    rows.push(
      ...(await database.query<RollupRow>(
        `select node, period, indicator, breakdown, value from indicator_rollups where node = any($1) and period = any($2) ${only}`,
        params(rest),
      )),
    );
  }
  const found = new Set(rows.map((r) => r.node));
  const leafTeams = rest.filter((n) => n.startsWith('t:') && !found.has(n)).map((n) => Number(n.slice(2)));
  if (leafTeams.length) {
    rows.push(
      ...(await database.query<RollupRow>(
        `select 't:' || team_id as node, period, indicator, breakdown, sum(value) as value from indicator_leaves
         where team_id = any($1) and period = any($2) ${only} group by 1, 2, 3, 4`,
        params(leafTeams),
      )),
    );
  }
  if (towns.length) {
    rows.push(
      ...(await database.query<RollupRow>(
        `select 'd:' || substr(slice, 1, 9) as node, period, indicator, breakdown, sum(value) as value from indicator_leaves
         where slice = any($1) and period = any($2) ${only} group by 1, 2, 3, 4`,
        params(towns.map((n) => n.slice(2).padEnd(12, '0'))),
      )),
    );
  }
  const out: Values = new Map();
  for (const r of rows) {
    let byPeriod = out.get(r.node);
    if (!byPeriod) out.set(r.node, (byPeriod = new Map()));
    let byInd = byPeriod.get(r.period);
    if (!byInd) byPeriod.set(r.period, (byInd = new Map()));
    byInd.set(`${r.indicator}|${r.breakdown}`, Number(r.value));
  }
  return out;
}

/** What a village's figures are computed from: the wired sources (villages are below the stored leaves). */
export interface VillageSources {
  sources: FactSource[];
  today: string;
}

/** A village's figures, computed from the sources (one small query per indicator and year). */
async function villageValues(
  database: Database,
  nodes: string[],
  periods: string[],
  indicators: string[] | undefined,
  v: VillageSources,
): Promise<RollupRow[]> {
  const codes = nodes.map((n) => n.slice(2));
  const wanted = new Set(periods);
  const years = [...new Set(periods.map((p) => Number(p.slice(1, 5))))].filter((y) => Number.isFinite(y));
  const out: RollupRow[] = [];
  for (const source of v.sources) {
    for (const def of indicatorsOf(source.key)) {
      if (indicators && !indicators.includes(def.code)) continue;
      for (const year of years) {
        const rows = await database.query<{ slice: string; key: string; bkey: string; v: number }>(
          villageSelectSql(source, def, year, codes, v.today),
        );
        for (const r of rows) {
          if (!wanted.has(r.key) || (indicators && r.bkey !== '')) continue;
          out.push({ node: `d:${r.slice}`, period: r.key, indicator: def.code, breakdown: r.bkey, value: Number(r.v) });
        }
      }
    }
  }
  return out;
}

/** A stock's month for a period: the value at the period's end, or today's for the running period. */
export function stockKey(period: string, today: string): string {
  const p = parsePeriod(period);
  const end = p.start <= today && p.end > today ? today : p.end;
  return `M${end.slice(0, 7)}`;
}

/** The periods to read for a requested one: itself if stored, else its months. */
export function storedPeriodsFor(key: string, today?: string): string[] {
  const p = parsePeriod(key);
  const own = p.kind === 'custom' ? monthsOf(p) : [key];
  return today ? [...own, stockKey(key, today)] : own;
}

/** One figure of one node for a (possibly custom) period; null when the source is not wired. */
export function figureValue(
  values: Values,
  node: string,
  period: string,
  def: IndicatorDef,
  breakdown: string,
  wired: Set<string>,
  today: string,
): number | null {
  if (def.measure === 'ratio') {
    const num = INDICATOR_BY_CODE.get(def.numerator!)!;
    const den = INDICATOR_BY_CODE.get(def.denominator!)!;
    return ratioOf(
      figureValue(values, node, period, num, breakdown, wired, today),
      figureValue(values, node, period, den, breakdown, wired, today),
    );
  }
  if (!def.source || !wired.has(def.source)) return null;
  const get = (k: string) => values.get(node)?.get(k)?.get(`${def.code}|${breakdown}`) ?? 0;
  if (def.measure === 'stock') return get(stockKey(period, today));
  const p = parsePeriod(period);
  if (p.kind !== 'custom') return get(period);
  const months = monthsOf(p);
  if (def.measure === 'distinct') return null; // a distinct count over a custom range is not the sum of its months
  return months.reduce((s, m) => s + get(m), 0);
}

const CUMULATIVE = new Set(['count', 'sum', 'person_times', 'distinct']);

export function progressOf(def: IndicatorDef, value: number | null, target: number | null, elapsed: number) {
  if (value == null || !target) return { progress: null, behind: null };
  const progress = value / target;
  const behind = CUMULATIVE.has(def.measure) ? progress < elapsed : progress < 1;
  return { progress, behind };
}

export interface DashboardDeps {
  database: Database;
  wired: Set<string>;
  today: string;
  lang: Language;
  allName: string;
  /** The wired sources: villages' figures are computed from them. */
  sources?: FactSource[];
}

export async function loadTargets(database: Database, nodes: string[], period: string) {
  const rows = await database.query<{ id: number; node: string; indicator: string; value: number; parent_id: number | null }>(
    `select id, node, indicator, value, parent_id from indicator_targets where node = any($1) and period = $2`,
    [nodes, period],
  );
  return rows;
}

export async function buildDashboard(
  deps: DashboardDeps,
  scope: Scope,
  q: { node?: string; period: string; rank?: string },
): Promise<DashboardT> {
  const { database, wired, today, lang } = deps;
  const dir = new NodeDirectory(database, deps.allName);
  const villageSources = deps.sources ? { sources: deps.sources, today } : undefined;
  const node = q.node ?? 'all';
  assertNodeInScope(scope, node);
  const rankDef = INDICATOR_BY_CODE.get(q.rank ?? 'monitoring.visitedHouseholds');
  if (!rankDef) throw invalid({ path: 'querystring.rank', key: 'indicators.validation.unknownIndicator', params: { code: q.rank } });

  const period = canonicalPeriod(q.period);
  const lastYear = samePeriodLastYear(period);
  const year = Number(period.slice(1, 5));
  const trendMonths = periodsOfYear(year)
    .slice(0, 12)
    .map((p) => p.key);
  const lastTrendMonths = trendMonths.map(samePeriodLastYear);
  const wanted = [
    ...new Set([...storedPeriodsFor(period, today), ...storedPeriodsFor(lastYear, today), ...trendMonths, ...lastTrendMonths]),
  ];

  const childNodes = (await dir.children(node)).filter((n) => nodeInScope(scope, n) || scope.all);
  const kpis = INDICATORS.filter((d) => d.kpi);
  const partsOf = (d: IndicatorDef): string[] => (d.measure === 'ratio' ? [d.numerator!, d.denominator!] : [d.code]);
  const childIndicators = [...new Set([...kpis, rankDef].flatMap(partsOf))];

  const [values, childValues, targets, crumbs, state] = await Promise.all([
    readValues(database, [node], wanted, undefined, villageSources),
    readValues(
      database,
      childNodes,
      [...new Set([...storedPeriodsFor(period, today), ...storedPeriodsFor(lastYear, today)])],
      childIndicators,
      villageSources,
    ),
    loadTargets(database, [node, ...childNodes], period),
    dir.breadcrumbs(node, scope),
    database.query<{ refreshed: string | null; pending: number }>(
      `select (select value from indicator_state where key = 'refreshed_at') as refreshed, (select count(*)::int from indicator_dirty) as pending`,
    ),
  ]);
  const elapsed = elapsedShare(parsePeriod(period), today);
  const targetOf = (n: string, code: string) => targets.find((t) => t.node === n && t.indicator === code)?.value ?? null;

  const figures: FigureT[] = [];
  for (const def of INDICATORS) {
    for (const b of ['', ...(def.breakdowns ?? []).map((x) => x.key)]) {
      const value = figureValue(values, node, period, def, b, wired, today);
      const last = figureValue(values, node, lastYear, def, b, wired, today);
      const target = b === '' ? targetOf(node, def.code) : null;
      const change = value != null && last != null ? value - last : null;
      figures.push({
        code: def.code,
        breakdown: b,
        name: indicatorName(def, lang, b),
        unit: lang === 'en' ? def.unitEn : def.unitZh,
        value,
        lastYear: last,
        change,
        changePct: change != null && last ? change / last : null,
        target,
        ...progressOf(def, value, target, elapsed),
      });
    }
  }

  const trendDefs = kpis.filter((d) => d.measure !== 'ratio' && d.measure !== 'stock');
  const trend = {
    months: trendMonths,
    series: trendDefs.map((d) => ({
      code: d.code,
      name: indicatorName(d, lang),
      current: trendMonths.map((m) => (m.slice(1) <= today.slice(0, 7) ? figureValue(values, node, m, d, '', wired, today) : null)),
      lastYear: lastTrendMonths.map((m) => figureValue(values, node, m, d, '', wired, today)),
    })),
  };

  const childRefs = await dir.refs(childNodes);
  const children = childRefs.map((c) => ({
    ...c,
    values: Object.fromEntries(
      [...new Set([...kpis, rankDef])].map((d) => [d.code, figureValue(childValues, c.node, period, d, '', wired, today)]),
    ),
  }));
  const ranked = childRefs
    .map((c) => ({
      node: c.node,
      name: c.name,
      value: figureValue(childValues, c.node, period, rankDef, '', wired, today),
      lastYear: figureValue(childValues, c.node, lastYear, rankDef, '', wired, today),
    }))
    .sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
  const items = ranked.map((r, i) => ({ ...r, rank: i > 0 && ranked[i - 1].value === r.value ? 0 : i + 1 }));
  for (let i = 1; i < items.length; i++) if (items[i].rank === 0) items[i].rank = items[i - 1].rank; // ties share a rank

  const [nodeRef] = await dir.refs([node]);
  // cities of the map: from the registry (a few dozen rows), never by scanning the aggregates
  const cityNodes = (await database.query<{ code: string }>(`select code from divisions where level = 'city' and abolished_on is null`))
    .map((r) => `d:${r.code.slice(0, 4)}`)
    .filter((n) => nodeInScope(scope, n));
  const cityValues = await readValues(database, cityNodes, storedPeriodsFor(period, today), partsOf(rankDef));
  return {
    node: nodeRef,
    breadcrumbs: await dir.refs(crumbs),
    period,
    periodLabel: periodLabel(period, lang),
    lastYearPeriod: lastYear,
    elapsed,
    figures,
    trend,
    rank: { code: rankDef.code, name: indicatorName(rankDef, lang), unit: lang === 'en' ? rankDef.unitEn : rankDef.unitZh, items },
    children,
    map: {
      cities: cityNodes.map((n) => ({
        code: n.slice(2).padEnd(6, '0'),
        node: n,
        value: figureValue(cityValues, n, period, rankDef, '', wired, today),
      })),
    },
    refreshedAt: state[0]?.refreshed ?? null,
    pending: state[0]?.pending ?? 0,
  };
}

export function assertIndicator(code: string, path: string): IndicatorDef {
  const def = INDICATOR_BY_CODE.get(code);
  if (!def) throw invalid({ path, key: 'indicators.validation.unknownIndicator', params: { code } });
  return def;
}

export { AppError };
