// Demo structure from the seed reports: real places (2023 statistical codes), invented people marked 演示.
// Each team lists its people: [name, gender, kind, sending unit, local post, role].
import type { DemoCalendar } from '@xiezuo/shared/calendar/demoDates';
import type { CadreKind, ExchangeKind, Gender, MemberRole, TeamKind } from '@xiezuo/shared/contracts/teams';

type P = [string, Gender, CadreKind, string, string | null, MemberRole];

export interface DemoTeam {
  key: string;
  parent?: string;
  name: string;
  kind: TeamKind;
  divisionCode: string;
  programme: string; // the registry's programme code
  leadUnit?: string; // a name fragment of the registry's unit (牵头单位)
  memberUnits?: string[]; // name fragments of 组团单位
  start: string;
  /** Round 1 people (ended on `rotatedOn` when given) and, after rotation, round 2. */
  round1: P[];
  rotatedOn?: string;
  round2?: P[];
}

const LIWAN = '广州市荔湾区';
export const DEMO_TEAMS: DemoTeam[] = [
  {
    key: 'gq',
    name: '广清驻镇帮镇扶村指挥部',
    kind: 'hq',
    divisionCode: '441800000000',
    programme: 'gq-zzbz-2',
    leadUnit: '广清驻镇帮镇扶村指挥部',
    start: '2021-07-01',
    round1: [['林建华（演示）', 'male', 'cadre', '广州市农业农村局', '清远市副秘书长', 'leader']],
  },
  {
    key: 'gq-tangtang',
    parent: 'gq',
    name: '广州驻佛冈县汤塘镇帮镇扶村工作队',
    kind: 'team',
    divisionCode: '441821102000',
    programme: 'gq-zzbz-2',
    start: '2021-07-01',
    round1: [
      ['周志远（演示）', 'male', 'cadre', '广州市天河区人民政府', '汤塘镇党委副书记', 'leader'],
      ['吴晓琳（演示）', 'female', 'cadre', '广州市天河区商务局', null, 'member'],
    ],
  },
  {
    key: 'gq-qigong',
    parent: 'gq',
    name: '广州驻阳山县七拱镇帮镇扶村工作队',
    kind: 'team',
    divisionCode: '441823105000',
    programme: 'gq-zzbz-2',
    start: '2021-07-01',
    round1: [
      ['郑国强（演示）', 'male', 'cadre', '广州市白云区人民政府', '七拱镇党委副书记', 'leader'],
      ['黄嘉怡（演示）', 'female', 'agronomist', '广州市农业科学研究院', null, 'member'],
    ],
  },
  {
    key: 'gq-yonghe',
    parent: 'gq',
    name: '广州驻连山县永和镇帮镇扶村工作队',
    kind: 'team',
    divisionCode: '441825100000',
    programme: 'gq-zzbz-2',
    start: '2021-07-01',
    round1: [['梁伟明（演示）', 'male', 'cadre', '广州市黄埔区人民政府', '永和镇党委副书记', 'leader']],
  },

  {
    key: 'lw',
    name: '荔湾区派驻梅县区驻镇帮扶工作组',
    kind: 'group',
    divisionCode: '441403000000',
    programme: 'gd-zzbz-2',
    leadUnit: '荔湾区对口帮扶协作办',
    start: '2021-07-01',
    round1: [['陈立明（演示）', 'male', 'cadre', `${LIWAN}人民政府`, '梅县区副区长', 'leader']],
  },
  {
    key: 'lw-bingcun',
    parent: 'lw',
    name: '荔湾驻丙村镇帮扶工作队',
    kind: 'team',
    divisionCode: '441403113000',
    programme: 'gd-zzbz-2',
    memberUnits: ['荔湾区某农业科技'],
    start: '2021-07-01',
    round1: [
      ['何志强（演示）', 'male', 'cadre', `${LIWAN}多宝街道办事处`, '丙村镇党委副书记', 'leader'],
      ['刘敏（演示）', 'female', 'cadre', `${LIWAN}多宝街道办事处`, null, 'member'],
    ],
    rotatedOn: '2024-06-30',
    round2: [
      ['何志强（演示）', 'male', 'cadre', `${LIWAN}多宝街道办事处`, '丙村镇党委副书记', 'leader'],
      ['张浩然（演示）', 'male', 'agronomist', `${LIWAN}农业农村和水务局`, null, 'deputy'],
      ['许静怡（演示）', 'female', 'cadre', `${LIWAN}多宝街道办事处`, null, 'liaison'],
    ],
  },
  {
    key: 'lw-shejiang',
    parent: 'lw',
    name: '荔湾驻畲江镇帮扶工作队',
    kind: 'team',
    divisionCode: '441403107000',
    programme: 'gd-zzbz-2',
    start: '2021-07-01',
    round1: [
      ['罗家辉（演示）', 'male', 'cadre', `${LIWAN}昌华街道办事处`, '畲江镇党委副书记', 'leader'],
      ['钟雅琴（演示）', 'female', 'other', `${LIWAN}昌华街道办事处`, null, 'member'],
    ],
  },
  {
    key: 'lw-nankou',
    parent: 'lw',
    name: '荔湾驻南口镇帮扶工作队',
    kind: 'team',
    divisionCode: '441403106000',
    programme: 'gd-zzbz-2',
    start: '2021-07-01',
    round1: [['邓文涛（演示）', 'male', 'cadre', `${LIWAN}站前街道办事处`, '南口镇党委副书记', 'leader']],
  },
  {
    key: 'lw-baidu',
    parent: 'lw',
    name: '荔湾驻白渡镇帮扶工作队',
    kind: 'team',
    divisionCode: '441403112000',
    programme: 'gd-zzbz-2',
    start: '2021-07-01',
    round1: [
      ['冯建军（演示）', 'male', 'cadre', `${LIWAN}花地街道办事处`, '白渡镇党委副书记', 'leader'],
      ['曾晓燕（演示）', 'female', 'teacher', `${LIWAN}教育局`, '白渡镇中心小学教师', 'member'],
    ],
  },
  {
    key: 'lw-songyuan',
    parent: 'lw',
    name: '荔湾驻松源镇帮扶工作队',
    kind: 'team',
    divisionCode: '441403116000',
    programme: 'gd-zzbz-2',
    start: '2021-07-01',
    round1: [['谢永康（演示）', 'male', 'cadre', `${LIWAN}金花街道办事处`, '松源镇党委副书记', 'leader']],
  },

  {
    key: 'sh',
    name: '肇庆四会市驻富川瑶族自治县工作组',
    kind: 'group',
    divisionCode: '451123000000',
    programme: 'yue-gui-2021',
    leadUnit: '四会市人民政府',
    memberUnits: ['四会市第一中学', '四会市人民医院', '四会市某食品'],
    start: '2021-05-01',
    round1: [
      ['潘志诚（演示）', 'male', 'cadre', '四会市人民政府', '富川县副县长', 'leader'],
      ['卢俊杰（演示）', 'male', 'cadre', '四会市委宣传部', null, 'member'],
      ['罗小梅（演示）', 'female', 'teacher', '四会市荔枝湾小学', '富川立新小学音乐教师', 'member'],
      ['莫振华（演示）', 'male', 'doctor', '四会市人民医院', '富川县人民医院副院长', 'member'],
    ],
  },

  {
    key: 'zs',
    name: '中山市对口协作六盘水市工作队',
    kind: 'hq',
    divisionCode: '520200000000',
    programme: 'yue-qian-zs-lps',
    leadUnit: '中山市东西部协作办',
    start: '2021-05-01',
    round1: [['梁国栋（演示）', 'male', 'cadre', '中山市人民政府', '六盘水市副市长', 'leader']],
  },
  {
    key: 'zs-shuicheng',
    parent: 'zs',
    name: '中山驻水城区工作组',
    kind: 'group',
    divisionCode: '520204000000',
    programme: 'yue-qian-zs-lps',
    memberUnits: ['中山市人民医院'],
    start: '2021-05-01',
    round1: [
      ['苏明辉（演示）', 'male', 'cadre', '中山市火炬开发区管委会', '水城区副区长', 'leader'],
      ['叶倩（演示）', 'female', 'doctor', '中山市人民医院', '水城区人民医院医生', 'member'],
    ],
  },
  {
    key: 'zs-liuzhi',
    parent: 'zs',
    name: '中山驻六枝特区工作组',
    kind: 'group',
    divisionCode: '520203000000',
    programme: 'yue-qian-zs-lps',
    start: '2021-05-01',
    round1: [
      ['杨锦涛（演示）', 'male', 'cadre', '中山市石岐街道办事处', '六枝特区副区长', 'leader'],
      ['方慧（演示）', 'female', 'teacher', '中山市第一中学', '六枝特区第一中学教师', 'member'],
    ],
  },
  {
    key: 'zs-panzhou',
    parent: 'zs',
    name: '中山驻盘州市工作组',
    kind: 'group',
    divisionCode: '520281000000',
    programme: 'yue-qian-zs-lps',
    start: '2021-05-01',
    round1: [
      ['黎伟业（演示）', 'male', 'cadre', '中山市小榄镇人民政府', '盘州市副市长', 'leader'],
      ['区建新（演示）', 'male', 'agronomist', '中山市农业农村局', null, 'member'],
    ],
  },

  {
    key: 'gangping',
    name: '顺德龙江驻怀集县岗坪镇帮镇扶村工作队',
    kind: 'team',
    divisionCode: '441224109000',
    programme: 'gd-zzbz-2',
    leadUnit: '顺德区龙江镇人民政府',
    start: '2021-07-01',
    round1: [
      ['麦嘉伦（演示）', 'male', 'cadre', '佛山市顺德区龙江镇人民政府', '岗坪镇党委副书记', 'leader'],
      ['何婉婷（演示）', 'female', 'cadre', '佛山市顺德区龙江镇人民政府', null, 'member'],
    ],
  },
];

// 人才交流 (人次), from the seed: since 2021 Guangdong sent 376 cadres and 3523 professionals to Guangxi and
// received 447 cadres and 3458 professionals from Guangxi. Yearly splits are invented; the sums are exact.
// The report's five years (2021–2025) are moved to end in the current year (demoCalendar().reportYear), and
// each year's row starts on the day the current half-year starts, so this half-year and 同期 have figures.
const GD = '440000000000';
const GX = '450000000000';
type X = [kind: ExchangeKind, n: number, from: string, to: string, year: number, note?: string];
const yearly = (kind: ExchangeKind, from: string, to: string, counts: number[]): X[] => counts.map((n, i) => [kind, n, from, to, 2021 + i]);
/** Years as the report gives them (2021–2025); the seed moves them with reportYear(), except the row before 2021. */
export const DEMO_EXCHANGES: X[] = [
  ...yearly('cadre', GD, GX, [80, 76, 74, 72, 74]), // 376
  ...yearly('teacher', GD, GX, [300, 310, 320, 310, 303]), // 1543, with 四会 → 富川 below: 1563
  ['teacher', 20, '441284000000', '451123000000', 2024, '四会市选派支教教师'],
  ...yearly('doctor', GD, GX, [250, 260, 250, 240, 250]), // 1250
  ...yearly('technician', GD, GX, [150, 140, 130, 140, 150]), // 710 → professionals 1563 + 1250 + 710 = 3523
  ...yearly('cadre', GX, GD, [90, 88, 90, 89, 90]), // 447
  ...yearly('teacher', GX, GD, [300, 300, 290, 290, 300]), // 1480
  ...yearly('doctor', GX, GD, [240, 250, 250, 248, 240]), // 1228
  ...yearly('technician', GX, GD, [150, 150, 150, 150, 150]), // 750 → 1480 + 1228 + 750 = 3458
  ['training', 1200, GD, GX, 2023, '粤桂协作干部人才培训'],
  ['cadre', 50, GD, GX, 2020, '东西部扶贫协作（2021年前，不计入新阶段）'],
  ['cadre', 30, '442000000000', '520200000000', 2022, '中山选派六盘水'],
  ['doctor', 45, '442000000000', '520200000000', 2023, '中山选派六盘水'],
];

/** The year a demo exchange row is dated in: the report's year moved to now; the row before 2021 stays. */
export const demoExchangeYear = (cal: DemoCalendar, year: number) => (year < 2021 ? year : cal.reportYear(year));

/**
 * Named persons (人才交流人员) on two of the exchanges above, exactly as many trips as the row's typed 人次 so the
 * seed's figures stay exact (an exchange with named persons counts its named trips instead): the 20 四会 teachers
 * in 富川 (一学期; two short visits under the 30-day minimum, one of them back for a term) and the 45 中山 doctors
 * in 六盘水 (半年; three short visits, two back for a stay). Names are invented and marked 演示.
 */
export interface DemoNamed {
  note?: string;
  kind: ExchangeKind;
  from: string;
  to: string;
  unit: string;
  places: string[]; // where they serve, in turn
  stay: number; // days
  short: number; // how many short visits (14 days)
  repeats: number; // how many short visitors came back for a full stay (≤ short)
  region: string; // ID numbers' region (the sending side)
}
export const DEMO_NAMED: DemoNamed[] = [
  {
    note: '四会市选派支教教师',
    kind: 'teacher',
    from: '441284000000',
    to: '451123000000',
    unit: '四会市荔枝湾小学（演示）',
    places: ['451123000000'],
    stay: 140,
    short: 2,
    repeats: 1,
    region: '441284',
  },
  {
    kind: 'doctor',
    from: '442000000000',
    to: '520200000000',
    unit: '中山市人民医院（演示）',
    places: ['520201000000', '520203000000', '520204000000'],
    stay: 180,
    short: 3,
    repeats: 2,
    region: '442000',
  },
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = ['晓燕', '建华', '丽娟', '志强', '海燕', '文杰', '秀英', '国平', '春梅', '俊峰', '雪梅', '伟'];
/** The k-th invented name (演示). */
export const demoPersonName = (k: number) => `${SURNAMES[k % SURNAMES.length]}${GIVEN[(k * 7) % GIVEN.length]}（演示）`;
