// What an indicator is: its measure, source, filters and 其中 breakdowns (the definitions live per module).
export type Measure = 'count' | 'sum' | 'person_times' | 'distinct' | 'stock' | 'ratio';

export interface Breakdown {
  key: string; // e.g. 'tuopin'
  tag: string; // the event tag that selects it, e.g. 'tuopin'
  zh: string; // 其中脱贫人口
  en: string;
}

export interface IndicatorDef {
  code: string;
  zh: string;
  en: string;
  unitZh: string; // 户, 人, 人次, 个, 元, %
  unitEn: string;
  /** The module that publishes it (its key): dashboards group the cards by it. */
  group: string;
  measure: Measure;
  /** The source stream (server side); absent for ratios. */
  source?: string;
  /** Only events carrying every one of these tags. */
  filter?: string[];
  /** Only events carrying at least one of these tags. */
  anyOf?: string[];
  /** "其中" breakdowns: each is the same figure over the events carrying its tag. */
  breakdowns?: Breakdown[];
  numerator?: string;
  denominator?: string;
  /** Credited to the helper side of a pairing (sent, purchased, 帮扶方): a pair's annual agreement reads it at the
   * helper's node; everything else at the helped side's (or the target's county). */
  credited?: 'helper';
  /** Money: stored in 元, shown with formatAmount. */
  money?: boolean;
  /** Shown as a KPI card on the dashboard. */
  kpi?: boolean;
}

export function defineIndicators(defs: IndicatorDef[]): IndicatorDef[] {
  return defs;
}
