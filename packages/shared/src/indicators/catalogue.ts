// The indicator catalogue (指标目录), declared once: the server aggregates it, dashboards, exports and
// reports show it. Every figure is computed from one *source* — a normalised stream of events or
// intervals a module's tables produce (see server modules/indicators/engine/sources.ts) — by one measure.
//
// Counting rules (so nothing is counted twice when figures roll up the division and team trees):
// - count / sum / person_times: an event is counted once, at the division where it happened and the team
//   that recorded it; parents add up their children.
// - distinct: within one period each subject (household, person) is counted once, at the division and
//   team of its first event in that period; so siblings add up to their parent, and a quarter is not the
//   sum of its months.
// - stock (point-in-time 存量): intervals open at the period's end (or today, for the running period).
// - ratio: numerator ÷ denominator, each rolled up first (never an average of children's ratios).

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
  group: 'registry' | 'teams' | 'monitoring' | 'labour';
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
  /** Money: stored in 元, shown with formatAmount. */
  money?: boolean;
  /** Shown as a KPI card on the dashboard. */
  kpi?: boolean;
}

const CATEGORY_BREAKDOWNS: Breakdown[] = [
  { key: 'unstable', tag: 'category:unstable', zh: '其中脱贫不稳定户', en: 'of which unstable after poverty exit' },
  { key: 'marginal', tag: 'category:marginal', zh: '其中边缘易致贫户', en: 'of which marginal, prone to poverty' },
  { key: 'sudden', tag: 'category:sudden', zh: '其中突发严重困难户', en: 'of which sudden severe hardship' },
];
const TUOPIN: Breakdown = { key: 'tuopin', tag: 'tuopin', zh: '其中脱贫人口', en: 'of which people lifted out of poverty' };

export const INDICATORS: IndicatorDef[] = [
  // 防返贫监测 (monitoring)
  {
    code: 'monitoring.households', zh: '监测户', en: 'Monitored households', unitZh: '户', unitEn: 'households',
    group: 'monitoring', measure: 'stock', source: 'monitoring.households', breakdowns: CATEGORY_BREAKDOWNS, kpi: true,
  },
  {
    code: 'monitoring.persons', zh: '监测对象', en: 'Monitored persons', unitZh: '人', unitEn: 'persons',
    group: 'monitoring', measure: 'stock', source: 'monitoring.persons', breakdowns: [TUOPIN], kpi: true,
  },
  {
    code: 'monitoring.identified', zh: '新识别监测户', en: 'Newly identified households', unitZh: '户', unitEn: 'households',
    group: 'monitoring', measure: 'count', source: 'monitoring.identifications', breakdowns: CATEGORY_BREAKDOWNS,
  },
  {
    code: 'monitoring.eliminated', zh: '风险消除户', en: 'Households with risk eliminated', unitZh: '户', unitEn: 'households',
    group: 'monitoring', measure: 'count', source: 'monitoring.eliminations',
  },
  {
    code: 'monitoring.visits', zh: '走访次数', en: 'Visits', unitZh: '户次', unitEn: 'household-visits',
    group: 'monitoring', measure: 'count', source: 'monitoring.visits',
  },
  {
    code: 'monitoring.visitedHouseholds', zh: '走访监测户', en: 'Households visited', unitZh: '户', unitEn: 'households',
    group: 'monitoring', measure: 'distinct', source: 'monitoring.visits', kpi: true,
  },
  {
    code: 'monitoring.visitedPersons', zh: '走访监测对象', en: 'Persons visited', unitZh: '人', unitEn: 'persons',
    group: 'monitoring', measure: 'distinct', source: 'monitoring.visitPersons', breakdowns: [TUOPIN], kpi: true,
  },
  {
    code: 'monitoring.visitedVillages', zh: '走访村', en: 'Villages visited', unitZh: '个', unitEn: 'villages',
    group: 'monitoring', measure: 'distinct', source: 'monitoring.visitVillages',
  },
  // 队伍与人才交流 (teams)
  {
    code: 'teams.onDuty', zh: '在岗工作队', en: 'Teams on duty', unitZh: '个', unitEn: 'teams',
    group: 'teams', measure: 'stock', source: 'teams.teams', filter: ['kind:team'],
  },
  {
    code: 'teams.members', zh: '在岗队员', en: 'Members on duty', unitZh: '人', unitEn: 'persons',
    group: 'teams', measure: 'stock', source: 'teams.members', kpi: true,
  },
  {
    code: 'teams.cadreExchanges', zh: '党政干部交流', en: 'Party and government cadres exchanged', unitZh: '人次', unitEn: 'person-times',
    group: 'teams', measure: 'person_times', source: 'teams.exchanges', filter: ['kind:cadre'], kpi: true,
  },
  {
    code: 'teams.professionalExchanges', zh: '专业技术人才交流', en: 'Professionals exchanged', unitZh: '人次', unitEn: 'person-times',
    group: 'teams', measure: 'person_times', source: 'teams.exchanges',
    anyOf: ['kind:teacher', 'kind:doctor', 'kind:technician', 'kind:other_professional'],
    breakdowns: [
      { key: 'teacher', tag: 'kind:teacher', zh: '其中支教', en: 'of which teachers' },
      { key: 'doctor', tag: 'kind:doctor', zh: '其中支医', en: 'of which doctors' },
    ],
    kpi: true,
  },
  // 结对 (registry)
  {
    code: 'registry.pairings', zh: '结对关系', en: 'Active pairings', unitZh: '对', unitEn: 'pairs',
    group: 'registry', measure: 'stock', source: 'registry.pairings',
    breakdowns: [
      { key: 'school', tag: 'type:school_school', zh: '其中学校结对', en: 'of which school–school' },
      { key: 'hospital', tag: 'type:hospital_hospital', zh: '其中医院结对', en: 'of which hospital–hospital' },
      { key: 'town', tag: 'type:town_town', zh: '其中镇镇结对', en: 'of which town–town' },
      { key: 'village', tag: 'type:org_village', zh: '其中企业/社会组织结对村', en: 'of which enterprise/organisation–village' },
    ],
  },
  // 劳务协作 (labour): reported figures (指标填报) until a labour module holds the records.
  {
    code: 'labour.orderClassGraduates', zh: '订单班毕业生', en: 'Order-class graduates', unitZh: '人', unitEn: 'persons',
    group: 'labour', measure: 'sum', source: 'indicators.reported', filter: ['indicator:labour.orderClassGraduates'],
  },
  {
    code: 'labour.orderClassEmployed', zh: '订单班定向就业', en: 'Order-class graduates employed', unitZh: '人', unitEn: 'persons',
    group: 'labour', measure: 'sum', source: 'indicators.reported', filter: ['indicator:labour.orderClassEmployed'],
  },
  {
    code: 'labour.orderClassRate', zh: '订单班就业率', en: 'Order-class employment rate', unitZh: '%', unitEn: '%',
    group: 'labour', measure: 'ratio', numerator: 'labour.orderClassEmployed', denominator: 'labour.orderClassGraduates', kpi: true,
  },
];

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
