// Demo registry drawn from the seed reports (/work/shared/seeds): the programmes and pairings they name.
// Everything the reports do not say is invented and marked 演示 (unit names, credit codes, exact dates,
// the school/hospital/enterprise pairings, the ended pairings).
import type { PairingType, UnitKind } from '@xiezuo/shared/contracts/registry';

export const D = {
  guangzhou: '440100000000',
  liwan: '440103000000',
  futian: '440304000000',
  longjiang: '440606104000', // 顺德区龙江镇
  gangping: '441224109000', // 怀集县岗坪镇
  sihui: '441284000000',
  meixian: '441403000000',
  bingcun: '441403113000',
  xilian: '441403113213', // 丙村镇溪联村
  shejiang: '441403107000',
  nankou: '441403106000',
  baidu: '441403112000',
  songyuan: '441403116000',
  qingyuan: '441800000000',
  tangtang: '441821102000', // 佛冈县汤塘镇
  qigong: '441823105000', // 阳山县七拱镇
  yonghe: '441825100000', // 连山县永和镇
  zhongshan: '442000000000',
  shanglin: '450125000000',
  fuchuan: '451123000000',
  fuyang: '451123100000', // 富川 富阳镇
  liupanshui: '520200000000',
  liuzhi: '520203000000',
  shuicheng: '520204000000',
  panzhou: '520281000000',
} as const;

export interface DemoProgramme {
  code: string;
  name: string;
  kind: 'east_west' | 'town_assist';
  startDate: string;
  endDate: string;
  description: string;
  phases: { name: string; startDate: string; endDate: string; focus: string }[];
}

// Order matters: the teams demo picks the first programme whose name contains 驻镇/广清/粤桂/黔.
export const PROGRAMMES: DemoProgramme[] = [
  {
    code: 'yue-gui-2021',
    name: '粤桂东西部协作',
    kind: 'east_west',
    startDate: '2021-01-01',
    endDate: '2025-12-31',
    description: '广东8市33县（市、区）结对帮扶广西；2021年以来广东向广西派出党政干部376人次、专业技术人才3523人次。',
    phases: [
      { name: '过渡期衔接（演示划分）', startDate: '2021-01-01', endDate: '2022-12-31', focus: '巩固拓展脱贫攻坚成果同乡村振兴有效衔接' },
      { name: '深化拓展（演示划分）', startDate: '2023-01-01', endDate: '2025-12-31', focus: '产业协作、劳务协作、消费帮扶' },
    ],
  },
  {
    code: 'yue-qian-zs-lps',
    name: '粤黔东西部协作（中山—六盘水）',
    kind: 'east_west',
    startDate: '2021-05-01',
    endDate: '2025-12-31',
    description: '中山市与六盘水市（水城、六枝、盘州）东西部协作：共建4个产业园区，消费帮扶1.83亿元。',
    phases: [],
  },
  {
    code: 'gd-zzbz-1',
    name: '广东驻镇帮镇扶村 第一轮',
    kind: 'town_assist',
    startDate: '2021-07-01',
    endDate: '2024-06-30',
    description: '珠三角地区派出工作队驻镇帮扶粤东西北乡镇（第一轮，日期为演示）。',
    phases: [],
  },
  {
    code: 'gq-zzbz-2',
    name: '广清驻镇帮镇扶村 第二轮',
    kind: 'town_assist',
    startDate: '2024-07-01',
    endDate: '2026-12-31',
    description: '广州援派干部驻清远24个镇；“133N”工作思路和三年攻坚行动方案。',
    phases: [
      { name: '第一年', startDate: '2024-07-01', endDate: '2025-06-30', focus: '以民生为主' },
      { name: '第二年', startDate: '2025-07-01', endDate: '2026-06-30', focus: '民生产业并重' },
      { name: '第三年', startDate: '2026-07-01', endDate: '2026-12-31', focus: '以产业为主巩固民生' },
    ],
  },
  {
    code: 'gd-zzbz-2',
    name: '广东驻镇帮镇扶村 第二轮',
    kind: 'town_assist',
    startDate: '2024-07-01',
    endDate: '2026-12-31',
    description: '荔湾区派驻梅县区5镇、顺德龙江驻怀集岗坪镇等（第二轮，日期为演示）。',
    phases: [],
  },
];

/** [name, kind, division, credit code prefix (17 chars without the check character, or null)] */
export const UNITS: [string, UnitKind, string, string | null][] = [
  ['肇庆四会市人民政府办公室', 'government', D.sihui, '11441284MB1000010'],
  ['广清驻镇帮镇扶村指挥部', 'command_hq', D.qingyuan, null],
  ['广州市荔湾区对口帮扶协作办（演示）', 'cooperation_office', D.liwan, '11440103MB1000020'],
  ['中山市东西部协作办（演示）', 'cooperation_office', D.zhongshan, '11442000MB1000030'],
  ['佛山市顺德区龙江镇人民政府', 'government', D.longjiang, '11440606MB1000040'],
  ['深圳市福田区梅林街道办事处', 'government', D.futian, '11440304MB1000050'],
  ['四会市第一中学（演示）', 'school', D.sihui, '12441284MB2000011'],
  ['富川瑶族自治县第一中学（演示）', 'school', D.fuchuan, '12451123MB2000021'],
  ['深圳市福田区实验学校（演示）', 'school', D.futian, '12440304MB2000031'],
  ['上林县中学（演示）', 'school', D.shanglin, '12450125MB2000041'],
  ['四会市人民医院（演示）', 'hospital', D.sihui, '12441284MB3000012'],
  ['富川瑶族自治县人民医院（演示）', 'hospital', D.fuchuan, '12451123MB3000022'],
  ['中山市人民医院（演示）', 'hospital', D.zhongshan, '12442000MB3000032'],
  ['六盘水市人民医院（演示）', 'hospital', D.liupanshui, '12520200MB3000042'],
  ['福田区人民医院（演示）', 'hospital', D.futian, '12440304MB3000052'],
  ['上林县人民医院（演示）', 'hospital', D.shanglin, '12450125MB3000062'],
  ['荔湾区某农业科技有限公司（演示）', 'enterprise', D.liwan, '91440103MA4000013'],
  ['四会市某食品有限公司（演示）', 'enterprise', D.sihui, '91441284MA4000023'],
  ['富川瑶族自治县某脐橙专业合作社（演示）', 'cooperative', D.fuyang, '93451123MA5000014'],
  ['梅县区丙村镇溪联村民委员会', 'village_committee', D.xilian, '54441403MF6000015'],
];

/** A party: a division code, or the name of a unit above. */
export type DemoParty = { division: string } | { unit: string };
export interface DemoPairing {
  type: PairingType;
  programme: string; // programme code
  helper: DemoParty;
  helped: DemoParty;
  start: string;
  end?: string;
  note?: string;
}

const div = (division: string): DemoParty => ({ division });
const unit = (name: string): DemoParty => ({ unit: name });
const LIWAN_TOWNS = [D.bingcun, D.shejiang, D.nankou, D.baidu, D.songyuan];

export const PAIRINGS: DemoPairing[] = [
  { type: 'county_county', programme: 'yue-gui-2021', helper: div(D.sihui), helped: div(D.fuchuan), start: '2021-05-01' },
  { type: 'district_county', programme: 'yue-gui-2021', helper: div(D.futian), helped: div(D.shanglin), start: '2021-04-01' },
  { type: 'city_city', programme: 'yue-qian-zs-lps', helper: div(D.zhongshan), helped: div(D.liupanshui), start: '2021-05-01' },
  ...[D.shuicheng, D.liuzhi, D.panzhou].map(
    (c): DemoPairing => ({
      type: 'city_county',
      programme: 'yue-qian-zs-lps',
      helper: div(D.zhongshan),
      helped: div(c),
      start: '2021-05-01',
    }),
  ),
  // 荔湾 → 梅县 and its five towns, first round ended, second round running
  ...(['gd-zzbz-1', 'gd-zzbz-2'] as const).flatMap((programme): DemoPairing[] => {
    const [start, end] = programme === 'gd-zzbz-1' ? ['2021-07-01', '2024-06-30'] : ['2024-07-01', undefined];
    return [
      { type: 'district_county', programme, helper: div(D.liwan), helped: div(D.meixian), start, end },
      ...LIWAN_TOWNS.map(
        (town): DemoPairing => ({ type: 'district_town', programme, helper: div(D.liwan), helped: div(town), start, end }),
      ),
      { type: 'town_town', programme, helper: div(D.longjiang), helped: div(D.gangping), start, end },
    ];
  }),
  { type: 'city_city', programme: 'gq-zzbz-2', helper: div(D.guangzhou), helped: div(D.qingyuan), start: '2024-07-01' },
  ...[D.tangtang, D.qigong, D.yonghe].map(
    (town): DemoPairing => ({
      type: 'city_town',
      programme: 'gq-zzbz-2',
      helper: div(D.guangzhou),
      helped: div(town),
      start: '2024-07-01',
    }),
  ),
  {
    type: 'school_school',
    programme: 'yue-gui-2021',
    helper: unit('四会市第一中学（演示）'),
    helped: unit('富川瑶族自治县第一中学（演示）'),
    start: '2021-09-01',
    note: '演示',
  },
  {
    type: 'school_school',
    programme: 'yue-gui-2021',
    helper: unit('深圳市福田区实验学校（演示）'),
    helped: unit('上林县中学（演示）'),
    start: '2021-09-01',
    note: '演示',
  },
  {
    type: 'hospital_hospital',
    programme: 'yue-gui-2021',
    helper: unit('四会市人民医院（演示）'),
    helped: unit('富川瑶族自治县人民医院（演示）'),
    start: '2021-06-01',
    note: '演示',
  },
  {
    type: 'hospital_hospital',
    programme: 'yue-gui-2021',
    helper: unit('福田区人民医院（演示）'),
    helped: unit('上林县人民医院（演示）'),
    start: '2021-06-01',
    end: '2025-08-31',
    note: '演示：已结束的结对',
  },
  {
    type: 'hospital_hospital',
    programme: 'yue-qian-zs-lps',
    helper: unit('中山市人民医院（演示）'),
    helped: unit('六盘水市人民医院（演示）'),
    start: '2021-07-01',
    note: '演示',
  },
  {
    type: 'enterprise_village',
    programme: 'gd-zzbz-2',
    helper: unit('荔湾区某农业科技有限公司（演示）'),
    helped: unit('梅县区丙村镇溪联村民委员会'),
    start: '2024-09-01',
    note: '演示：溪联村帮扶产业基地',
  },
  {
    type: 'enterprise_village',
    programme: 'yue-gui-2021',
    helper: unit('四会市某食品有限公司（演示）'),
    helped: unit('富川瑶族自治县某脐橙专业合作社（演示）'),
    start: '2022-03-01',
    note: '演示',
  },
];
