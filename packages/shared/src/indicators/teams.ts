// Indicators of 队伍与人才交流 (teams)
import { defineIndicators } from './types';

export const teamsIndicators = defineIndicators([
  {
    code: 'teams.onDuty', zh: '在岗工作队', en: 'Teams on duty', unitZh: '个', unitEn: 'teams',
    group: 'teams', measure: 'stock', source: 'teams.teams', filter: ['kind:team'],
  },
  {
    code: 'teams.members', zh: '在岗队员', en: 'Members on duty', unitZh: '人', unitEn: 'persons',
    group: 'teams', measure: 'stock', source: 'teams.members', kpi: true,
  },
  {
    code: 'teams.cadreExchanges', zh: '接收党政干部', en: 'Party and government cadres received', unitZh: '人次', unitEn: 'person-times',
    group: 'teams', measure: 'person_times', source: 'teams.exchanges', filter: ['kind:cadre'], kpi: true,
  },
  {
    code: 'teams.professionalExchanges', zh: '接收专业技术人才', en: 'Professionals received', unitZh: '人次', unitEn: 'person-times',
    group: 'teams', measure: 'person_times', source: 'teams.exchanges',
    anyOf: ['kind:teacher', 'kind:doctor', 'kind:technician', 'kind:other_professional'],
    breakdowns: [
      { key: 'teacher', tag: 'kind:teacher', zh: '其中支教', en: 'of which teachers' },
      { key: 'doctor', tag: 'kind:doctor', zh: '其中支医', en: 'of which doctors' },
    ],
    kpi: true,
  },
  {
    code: 'teams.cadresSent', zh: '派出党政干部', en: 'Party and government cadres sent', unitZh: '人次', unitEn: 'person-times',
    group: 'teams', measure: 'person_times', source: 'teams.exchangesSent', filter: ['kind:cadre'], kpi: true,
  },
  {
    code: 'teams.professionalsSent', zh: '派出专业技术人才', en: 'Professionals sent', unitZh: '人次', unitEn: 'person-times',
    group: 'teams', measure: 'person_times', source: 'teams.exchangesSent',
    anyOf: ['kind:teacher', 'kind:doctor', 'kind:technician', 'kind:other_professional'],
    breakdowns: [
      { key: 'teacher', tag: 'kind:teacher', zh: '其中支教', en: 'of which teachers' },
      { key: 'doctor', tag: 'kind:doctor', zh: '其中支医', en: 'of which doctors' },
    ],
    kpi: true,
  },
]);
