// Indicators of 防返贫监测 (monitoring)
import { type Breakdown, defineIndicators } from './types';

const CATEGORY_BREAKDOWNS: Breakdown[] = [
  { key: 'unstable', tag: 'category:unstable', zh: '其中脱贫不稳定户', en: 'of which unstable after poverty exit' },
  { key: 'marginal', tag: 'category:marginal', zh: '其中边缘易致贫户', en: 'of which marginal, prone to poverty' },
  { key: 'sudden', tag: 'category:sudden', zh: '其中突发严重困难户', en: 'of which sudden severe hardship' },
];
const TUOPIN: Breakdown = { key: 'tuopin', tag: 'tuopin', zh: '其中脱贫人口', en: 'of which people lifted out of poverty' };

export const monitoringIndicators = defineIndicators([
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
]);
