// Indicators of 劳务协作 (labour): reported figures (指标填报) until a labour module holds the records.
import { defineIndicators } from './types';

export const reportedIndicators = defineIndicators([
  {
    code: 'labour.orderClassGraduates',
    zh: '订单班毕业生',
    en: 'Order-class graduates',
    unitZh: '人',
    unitEn: 'persons',
    group: 'labour',
    measure: 'sum',
    source: 'indicators.reported',
    filter: ['indicator:labour.orderClassGraduates'],
  },
  {
    code: 'labour.orderClassEmployed',
    zh: '订单班定向就业',
    en: 'Order-class graduates employed',
    unitZh: '人',
    unitEn: 'persons',
    group: 'labour',
    measure: 'sum',
    source: 'indicators.reported',
    filter: ['indicator:labour.orderClassEmployed'],
  },
  {
    code: 'labour.orderClassRate',
    zh: '订单班就业率',
    en: 'Order-class employment rate',
    unitZh: '%',
    unitEn: '%',
    group: 'labour',
    measure: 'ratio',
    numerator: 'labour.orderClassEmployed',
    denominator: 'labour.orderClassGraduates',
    kpi: true,
  },
]);
