// Indicators of 结对 (registry)
import { defineIndicators } from './types';

export const registryIndicators = defineIndicators([
  {
    code: 'registry.pairings',
    zh: '结对关系',
    en: 'Active pairings',
    unitZh: '对',
    unitEn: 'pairs',
    group: 'registry',
    measure: 'stock',
    source: 'registry.pairings',
    breakdowns: [
      { key: 'school', tag: 'type:school_school', zh: '其中学校结对', en: 'of which school–school' },
      { key: 'hospital', tag: 'type:hospital_hospital', zh: '其中医院结对', en: 'of which hospital–hospital' },
      { key: 'town', tag: 'type:town_town', zh: '其中镇镇结对', en: 'of which town–town' },
      { key: 'village', tag: 'type:org_village', zh: '其中企业/社会组织结对村', en: 'of which enterprise/organisation–village' },
    ],
  },
]);
