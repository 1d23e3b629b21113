// The indicator catalogue (指标目录), declared once: the server aggregates it, dashboards, exports and
// reports show it. Every figure is computed from one *source* — a normalised stream of events or
// intervals a module's tables produce (a module's facts.ts on the server) — by one measure.
//
// Counting rules (so nothing is counted twice when figures roll up the division and team trees):
// - count / sum / person_times: an event is counted once, at the division where it happened and the team
//   that recorded it; parents add up their children.
// - distinct: within one period each subject (household, person) is counted once, at the division and
//   team of its first event in that period; so siblings add up to their parent, and a quarter is not the
//   sum of its months.
// - stock (point-in-time 存量): intervals open at the period's end (or today, for the running period).
// - ratio: numerator ÷ denominator, each rolled up first (never an average of children's ratios).

import { sharedModules } from '../modules';
import type { IndicatorDef } from './types';

export type { Breakdown, IndicatorDef, Measure } from './types';

// Every module's indicators, in the order of the shared module list (modules.ts).
export const INDICATORS: IndicatorDef[] = sharedModules.flatMap((m) => m.indicators);

export const INDICATOR_BY_CODE: ReadonlyMap<string, IndicatorDef> = new Map(INDICATORS.map((d) => [d.code, d]));

/** Indicators whose values are entered or imported (指标填报) rather than derived from a module. */
export const REPORTED_INDICATORS = INDICATORS.filter((d) => d.source === 'indicators.reported');

export function indicatorName(def: IndicatorDef, lang: 'zh-CN' | 'en', breakdown = ''): string {
  const b = breakdown ? def.breakdowns?.find((x) => x.key === breakdown) : undefined;
  const base = lang === 'en' ? def.en : def.zh;
  if (!b) return base;
  return lang === 'en' ? `${base}, ${b.en}` : `${base}${b.zh}`;
}

/** A ratio's value from its parts: 81 / 86 → 0.94186… (shown as 94.2%). Null when the denominator is 0. */
export function ratioOf(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator == null || !denominator) return null;
  return numerator / denominator;
}
