// Indicators of 队伍与人才交流 (teams)
import { defineIndicators, type IndicatorDef } from './types';

const PROFESSIONAL_KINDS = ['kind:teacher', 'kind:doctor', 'kind:technician', 'kind:other_professional'];

export const teamsIndicators = defineIndicators([
  {
    code: 'teams.onDuty',
    zh: '在岗工作队',
    en: 'Teams on duty',
    unitZh: '个',
    unitEn: 'teams',
    group: 'teams',
    measure: 'stock',
    source: 'teams.teams',
    filter: ['kind:team'],
  },
  {
    code: 'teams.members',
    zh: '在岗队员',
    en: 'Members on duty',
    unitZh: '人',
    unitEn: 'persons',
    group: 'teams',
    measure: 'stock',
    source: 'teams.members',
    kpi: true,
  },
  {
    code: 'teams.cadreExchanges',
    zh: '接收党政干部',
    en: 'Party and government cadres received',
    unitZh: '人次',
    unitEn: 'person-times',
    group: 'teams',
    measure: 'person_times',
    source: 'teams.exchanges',
    filter: ['kind:cadre'],
    kpi: true,
  },
  {
    code: 'teams.professionalExchanges',
    zh: '接收专业技术人才',
    en: 'Professionals received',
    unitZh: '人次',
    unitEn: 'person-times',
    group: 'teams',
    measure: 'person_times',
    source: 'teams.exchanges',
    anyOf: ['kind:teacher', 'kind:doctor', 'kind:technician', 'kind:other_professional'],
    breakdowns: [
      { key: 'teacher', tag: 'kind:teacher', zh: '其中支教', en: 'of which teachers' },
      { key: 'doctor', tag: 'kind:doctor', zh: '其中支医', en: 'of which doctors' },
    ],
    kpi: true,
  },
  {
    code: 'teams.cadresSent',
    credited: 'helper',
    zh: '派出党政干部',
    en: 'Party and government cadres sent',
    unitZh: '人次',
    unitEn: 'person-times',
    group: 'teams',
    measure: 'person_times',
    source: 'teams.exchangesSent',
    filter: ['kind:cadre'],
    kpi: true,
  },
  {
    code: 'teams.professionalsSent',
    credited: 'helper',
    zh: '派出专业技术人才',
    en: 'Professionals sent',
    unitZh: '人次',
    unitEn: 'person-times',
    group: 'teams',
    measure: 'person_times',
    source: 'teams.exchangesSent',
    anyOf: ['kind:teacher', 'kind:doctor', 'kind:technician', 'kind:other_professional'],
    breakdowns: [
      { key: 'teacher', tag: 'kind:teacher', zh: '其中支教', en: 'of which teachers' },
      { key: 'doctor', tag: 'kind:doctor', zh: '其中支医', en: 'of which doctors' },
    ],
    kpi: true,
  },
  // ---- for the assessment: named persons (人才交流人员) by the rules of server modules/teams/stays.ts ----
  // 达标人次: aggregate rows of years before the app (reported as 交流人次) plus named trips whose stay meets the
  // kind's minimum (professionals ≥ 30 days, cadres ≥ 180 days by default); an exchange with named persons
  // counts its named trips only.
  ...assessed('received', 'teams.exchanges', 'teams.cadreMonths', '接收', 'received'),
  ...assessed('sent', 'teams.exchangesSent', 'teams.cadreMonthsSent', '派出', 'sent'),
]);

function assessed(dir: 'received' | 'sent', source: string, monthsSource: string, zh: string, en: string): IndicatorDef[] {
  const code = (received: string, sent: string) => (dir === 'received' ? received : sent);
  const fields = [
    { key: 'education', tag: 'field:education', zh: '其中教育', en: 'of which education' },
    { key: 'health', tag: 'field:health', zh: '其中医疗', en: 'of which health' },
    { key: 'agriculture', tag: 'field:agriculture', zh: '其中农业', en: 'of which agriculture' },
  ];
  const base = { group: 'teams', source, ...(dir === 'sent' ? { credited: 'helper' as const } : {}) };
  return [
    {
      ...base,
      code: code('teams.professionalsExchanged', 'teams.professionalsSentCounted'),
      zh: `${zh}专业技术人才（达标人次）`,
      en: `Professionals ${en} (counted person-times)`,
      unitZh: '人次',
      unitEn: 'person-times',
      measure: 'person_times',
      filter: ['stay:ok'],
      anyOf: PROFESSIONAL_KINDS,
      breakdowns: fields,
      kpi: dir === 'received',
    },
    {
      ...base,
      code: code('teams.professionalsDistinct', 'teams.professionalsSentDistinct'),
      zh: `${zh}专业技术人才（具名达标人数）`,
      en: `Professionals ${en} (distinct named persons)`,
      unitZh: '人',
      unitEn: 'persons',
      measure: 'distinct',
      filter: ['named', 'stay:ok'],
      anyOf: PROFESSIONAL_KINDS,
      breakdowns: fields,
      kpi: dir === 'received',
    },
    {
      ...base,
      code: code('teams.cadresDistinct', 'teams.cadresSentDistinct'),
      zh: `${zh}挂职党政干部（具名达标人数）`,
      en: `Cadres ${en} on secondment (distinct named persons)`,
      unitZh: '人',
      unitEn: 'persons',
      measure: 'distinct',
      filter: ['named', 'kind:cadre', 'stay:ok'],
    },
    {
      ...base,
      source: monthsSource,
      code: code('teams.cadreMonthsOnDuty', 'teams.cadreMonthsSent'),
      zh: `${zh}党政干部挂职时长`,
      en: `Months of secondment of cadres ${en}`,
      unitZh: '人·月',
      unitEn: 'person-months',
      measure: 'sum',
    },
  ];
}
