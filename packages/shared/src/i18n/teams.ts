// Teams module messages: teams, members and rotation, cadres and professionals, talent exchanges.
export const zhCN = {
  nav: { root: '队伍与人才', tree: '工作队', cadres: '援派干部人才', onDuty: '在岗情况', exchanges: '人才交流台账' },
  kinds: { hq: '指挥部', group: '工作组', team: '工作队' },
  roles: { leader: '队长', deputy: '副队长', member: '队员', liaison: '联络员' },
  cadreKinds: { cadre: '党政干部', teacher: '支教教师', doctor: '支医医生', agronomist: '农技人员', other: '其他' },
  genders: { male: '男', female: '女' },
  exchangeKinds: { cadre: '党政干部', teacher: '教师', doctor: '医生', technician: '技术人员', other_professional: '其他专业技术人才', training: '培训' },
  exchangeGroups: { cadre: '党政干部', professional: '专业技术人才', training: '培训' },
  fields: {
    name: '名称', kind: '类型', parent: '上级', division: '驻地', programme: '协作项目', leadUnit: '牵头单位', memberUnits: '组团单位',
    period: '期限', startDate: '开始日期', endDate: '结束日期', note: '备注', members: '成员', membersNow: '在岗成员',
    personName: '姓名', gender: '性别', phone: '联系电话', idNumber: '身份证号', cadreKind: '人员类别', sendingUnit: '派出单位',
    localPost: '挂职职务', team: '所在队伍', dispatch: '派驻期', role: '职务', round: '轮次', onDuty: '在岗',
    exchangeKind: '交流类别', personTimes: '人次', from: '派出地', to: '接收地', date: '日期',
  },
  tree: { title: '指挥部 / 工作组 / 工作队', membersOn: '成员（{{date}}）', roundN: '第{{n}}轮', allRounds: '按日期', noMembers: '该日期无在岗成员', children: '下属队伍' },
  cadres: { title: '援派干部和专业技术人才', reveal: '查看', revealTitle: '完整身份证号', revealHint: '查看完整证件号已记入审计日志', new: '新增人员', search: '姓名 / 派出单位 / 挂职' },
  onDuty: { title: '在岗情况', on: '统计日期', total: '在岗共 {{n}} 人', byTeam: '按队伍', byDivision: '按驻地', people: '在岗人员' },
  exchanges: {
    title: '人才交流台账', summary: '交流汇总', side: '本方', other: '对方', since: '起始日期', until: '截止日期',
    sent: '选派', received: '接收', total: '合计', byYear: '按年度', sentTo: '{{side}}选派到{{other}}', receivedFrom: '{{side}}接收{{other}}',
    anywhere: '各地', unit: '{{n}} 人次',
  },
  validation: { phone: '电话号码格式不正确', sameSide: '派出地与接收地不能相同', dates: '结束日期不能早于开始日期', noTeam: '找不到该队伍', noParent: '上级队伍不存在或不在管辖范围内', cycle: '不能把队伍设为自己下级的下级', noCadre: '找不到该人员', duplicateId: '该身份证号已登记' },
  demo: '演示',
};

export const en: typeof zhCN = {
  nav: { root: 'Teams & talent', tree: 'Teams', cadres: 'Cadres & professionals', onDuty: 'On duty', exchanges: 'Talent exchanges' },
  kinds: { hq: 'Command HQ', group: 'Work group', team: 'Work team' },
  roles: { leader: 'Leader', deputy: 'Deputy leader', member: 'Member', liaison: 'Liaison' },
  cadreKinds: { cadre: 'Party/government cadre', teacher: 'Teacher', doctor: 'Doctor', agronomist: 'Agronomist', other: 'Other' },
  genders: { male: 'Male', female: 'Female' },
  exchangeKinds: { cadre: 'Party/government cadres', teacher: 'Teachers', doctor: 'Doctors', technician: 'Technicians', other_professional: 'Other professionals', training: 'Training' },
  exchangeGroups: { cadre: 'Cadres', professional: 'Professionals', training: 'Training' },
  fields: {
    name: 'Name', kind: 'Kind', parent: 'Parent', division: 'Stationed in', programme: 'Programme', leadUnit: 'Lead unit', memberUnits: 'Member units',
    period: 'Period', startDate: 'Start', endDate: 'End', note: 'Note', members: 'Members', membersNow: 'Members now',
    personName: 'Name', gender: 'Gender', phone: 'Phone', idNumber: 'ID number', cadreKind: 'Category', sendingUnit: 'Sending unit',
    localPost: 'Local post', team: 'Team', dispatch: 'Dispatch period', role: 'Role', round: 'Round', onDuty: 'On duty',
    exchangeKind: 'Kind', personTimes: 'Person-times', from: 'From', to: 'To', date: 'Date',
  },
  tree: { title: 'HQs, groups and teams', membersOn: 'Members ({{date}})', roundN: 'Round {{n}}', allRounds: 'By date', noMembers: 'No members on this date', children: 'Sub-teams' },
  cadres: { title: 'Dispatched cadres and professionals', reveal: 'Reveal', revealTitle: 'Full ID number', revealHint: 'This reveal has been recorded in the audit log', new: 'New person', search: 'Name / sending unit / post' },
  onDuty: { title: 'On duty', on: 'Date', total: '{{n}} on duty', byTeam: 'By team', byDivision: 'By station', people: 'People on duty' },
  exchanges: {
    title: 'Talent exchange ledger', summary: 'Summary', side: 'This side', other: 'Other side', since: 'From', until: 'To',
    sent: 'Sent', received: 'Received', total: 'Total', byYear: 'By year', sentTo: '{{side}} sent to {{other}}', receivedFrom: '{{side}} received from {{other}}',
    anywhere: 'anywhere', unit: '{{n}} person-times',
  },
  validation: { phone: 'Phone number format is wrong', sameSide: 'From and to must differ', dates: 'The end date cannot be before the start date', noTeam: 'No such team', noParent: 'The parent team does not exist or is outside your scope', cycle: 'A team cannot be placed under its own sub-team', noCadre: 'No such person', duplicateId: 'This ID number is already registered' },
  demo: 'demo',
};
