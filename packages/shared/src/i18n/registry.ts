// Registry messages: divisions, units, programmes, pairings, the map. Used as t('registry.…').
export const zhCN = {
  nav: { registry: '结对登记', divisions: '行政区划', units: '单位', programmes: '协作项目', pairings: '结对关系', counts: '结对统计', map: '结对地图' },
  errors: {
    divisionUnknown: '行政区划代码 {{code}} 不存在',
    unitUnknown: '单位（编号 {{id}}）不存在',
    programmeUnknown: '协作项目（编号 {{id}}）不存在',
    creditCodeTaken: '该统一社会信用代码已登记',
    codeTaken: '该项目代码已使用',
    endBeforeStart: '结束日期不能早于开始日期',
    effectiveTooEarly: '生效日期应晚于现行版本的起始日期 {{since}}',
    partyBoth: '结对一方只能是一个行政区划或一个单位，不能同时填写',
    partyMissing: '请填写结对一方（行政区划或单位）',
    sameParty: '帮扶方和受帮扶方不能相同',
    pairingOverlap: '同一结对在该期间已存在（编号 {{id}}）',
  },
  unitKinds: {
    government: '党政机关', command_hq: '指挥部', cooperation_office: '协作办', school: '学校', hospital: '医院',
    enterprise: '企业', social_org: '社会组织', cooperative: '合作社', village_committee: '村（居）委会',
  },
  pairingTypes: {
    city_city: '市—市', city_county: '市—县', county_county: '县—县', district_county: '区—县', city_town: '市—镇', district_town: '区—镇',
    town_town: '镇—镇', school_school: '校—校', hospital_hospital: '院—院', enterprise_village: '企业—村',
    social_org_village: '社会组织—村', other: '其他',
  },
  statuses: { planned: '未开始', active: '进行中', ended: '已结束' },
  programmeKinds: { east_west: '东西部协作', town_assist: '驻镇帮镇扶村', other: '其他' },
  levels: { province: '省', city: '市', county: '县（区）', town: '乡镇（街道）', village: '村（居）' },
  changeKinds: { rename: '更名', move: '调整隶属', merge: '撤并', create: '新设' },
  fields: {
    code: '代码', name: '名称', level: '层级', kind: '类型', division: '所在区划', creditCode: '统一社会信用代码', note: '备注',
    type: '结对类型', programme: '协作项目', helper: '帮扶方', helped: '受帮扶方', startDate: '开始日期', endDate: '结束日期',
    status: '状态', asOf: '截至日期', period: '期间', phases: '阶段', focus: '工作重点', pairings: '结对数', helpers: '帮扶方数',
    helpedCount: '受帮扶方数', partner: '结对对象', role: '角色', path: '上级区划', history: '沿革',
  },
  divisions: {
    title: '行政区划', searchPlaceholder: '输入名称或代码搜索，如“岗坪”或“441224”', source: '数据来源：{{source}}',
    asOfHint: '选择日期可查看当时的区划', partnersTitle: '{{name}}的结对', noPartners: '当日无结对',
  },
  units: { title: '单位', searchPlaceholder: '单位名称或信用代码', create: '新增单位' },
  programmes: { title: '协作项目' },
  pairings: {
    title: '结对关系', searchPlaceholder: '帮扶方或受帮扶方名称', asOfHint: '只看该日有效的结对', create: '新增结对',
    end: '结束结对', roleHelper: '帮扶', roleHelped: '受帮扶', countsTitle: '按类型统计（{{day}}）',
  },
  map: { title: '结对地图', hint: '线条从帮扶方指向受帮扶方，点击线条或地点查看结对清单', flows: '{{count}} 条结对' },
};

export const en: typeof zhCN = {
  nav: { registry: 'Registry', divisions: 'Divisions', units: 'Units', programmes: 'Programmes', pairings: 'Pairings', counts: 'Pairing counts', map: 'Pairing map' },
  errors: {
    divisionUnknown: 'Division code {{code}} does not exist',
    unitUnknown: 'Unit #{{id}} does not exist',
    programmeUnknown: 'Programme #{{id}} does not exist',
    creditCodeTaken: 'This credit code is already registered',
    codeTaken: 'This programme code is already used',
    endBeforeStart: 'The end date cannot be before the start date',
    effectiveTooEarly: 'The effective date must be after the current version began ({{since}})',
    partyBoth: 'A party is either a division or a unit, not both',
    partyMissing: 'Give the party (a division or a unit)',
    sameParty: 'Helper and helped party cannot be the same',
    pairingOverlap: 'This pairing already exists in that period (#{{id}})',
  },
  unitKinds: {
    government: 'Government office', command_hq: 'Command HQ', cooperation_office: 'Cooperation office', school: 'School', hospital: 'Hospital',
    enterprise: 'Enterprise', social_org: 'Social organisation', cooperative: 'Cooperative', village_committee: 'Village committee',
  },
  pairingTypes: {
    city_city: 'City–city', city_county: 'City–county', county_county: 'County–county', district_county: 'District–county', city_town: 'City–town', district_town: 'District–town',
    town_town: 'Town–town', school_school: 'School–school', hospital_hospital: 'Hospital–hospital', enterprise_village: 'Enterprise–village',
    social_org_village: 'Social org–village', other: 'Other',
  },
  statuses: { planned: 'Planned', active: 'Active', ended: 'Ended' },
  programmeKinds: { east_west: 'East–West cooperation', town_assist: 'Town-stationed assistance', other: 'Other' },
  levels: { province: 'Province', city: 'City', county: 'County', town: 'Town', village: 'Village' },
  changeKinds: { rename: 'Renamed', move: 'Moved', merge: 'Merged', create: 'Created' },
  fields: {
    code: 'Code', name: 'Name', level: 'Level', kind: 'Kind', division: 'Division', creditCode: 'Credit code', note: 'Note',
    type: 'Type', programme: 'Programme', helper: 'Helper', helped: 'Helped', startDate: 'Start', endDate: 'End',
    status: 'Status', asOf: 'As of', period: 'Period', phases: 'Phases', focus: 'Focus', pairings: 'Pairings', helpers: 'Helpers',
    helpedCount: 'Helped', partner: 'Partner', role: 'Role', path: 'Parents', history: 'History',
  },
  divisions: {
    title: 'Divisions', searchPlaceholder: 'Search by name or code, e.g. 岗坪 or 441224', source: 'Source: {{source}}',
    asOfHint: 'Pick a date to see the tree as it was', partnersTitle: 'Pairings of {{name}}', noPartners: 'No pairings on that day',
  },
  units: { title: 'Units', searchPlaceholder: 'Unit name or credit code', create: 'New unit' },
  programmes: { title: 'Programmes' },
  pairings: {
    title: 'Pairings', searchPlaceholder: 'Helper or helped name', asOfHint: 'Only pairings in force on that day', create: 'New pairing',
    end: 'End pairing', roleHelper: 'helps', roleHelped: 'is helped by', countsTitle: 'By type ({{day}})',
  },
  map: { title: 'Pairing map', hint: 'Lines go from helper to helped; click a line or place for the list', flows: '{{count}} pairings' },
};
