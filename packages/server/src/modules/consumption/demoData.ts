// Demo figures from the seed reports (/work/shared/seeds): 中山 bought and helped sell 1.83亿元 of 六盘水 products
// (18 member units of the 水城 group bought 1,000万元 of it); 荔湾 sold more than 630万元 of 梅县 products; 4 富川
// enterprises at the 绿博城 fair in 怀集. Splits by channel and month, last year's figures, names, credit codes
// and certificates are invented and marked 演示.
import { creditCodeCheckChar } from '@xiezuo/shared/codes/creditCode';
import type { ProductCategory, SaleChannel } from '@xiezuo/shared/contracts/consumption';

/** A valid, obviously invented credit code (GB 32100): 93 = 农民专业合作社, 91 = 企业. */
export function demoCreditCode(kind: '91' | '93', county: string, n: number): string {
  const first17 = `${kind}${county.slice(0, 6)}MA${String(6_000_000 + n).slice(-7)}`;
  return first17 + creditCodeCheckChar(first17);
}

export const DIV = {
  zhongshan: '442000000000',
  shuicheng: '520204000000',
  liuzhi: '520203000000',
  panzhou: '520281000000',
  liwan: '440103000000',
  bingcun: '441403113000',
  songyuan: '441403116000',
  nankou: '441403106000',
  sihui: '441284000000',
  fuchuan: '451123000000',
  huaiji: '441224000000',
} as const;

/** [key, name, kind, division, products: [name, category, unit, price]] */
export const SUPPLIERS: [string, string, '91' | '93', string, [string, ProductCategory, string, number][]][] = [
  ['sc-kiwi', '水城区某猕猴桃专业合作社（演示）', '93', DIV.shuicheng, [['水城红心猕猴桃', 'fruitVeg', '箱', 88]]],
  ['sc-cili', '水城区某刺梨食品有限公司（演示）', '91', DIV.shuicheng, [['刺梨原汁', 'processed', '箱', 96]]],
  ['pz-ham', '盘州市某火腿食品有限公司（演示）', '91', DIV.panzhou, [['盘县火腿', 'meatEgg', '只', 398]]],
  ['pz-rice', '盘州市某生态农业专业合作社（演示）', '93', DIV.panzhou, [['盘州红米', 'grain', '袋', 45]]],
  ['lz-tea', '六枝特区某茶业有限公司（演示）', '91', DIV.liuzhi, [['六枝龙胆草茶', 'tea', '盒', 120]]],
  ['lz-konjac', '六枝特区某魔芋专业合作社（演示）', '93', DIV.liuzhi, [['魔芋粉丝', 'processed', '袋', 25]]],
  ['bc-pomelo', '梅县区丙村镇某金柚专业合作社（演示）', '93', DIV.bingcun, [['梅县金柚', 'fruitVeg', '箱', 60]]],
  ['sy-tea', '梅县区松源镇某茶叶有限公司（演示）', '91', DIV.songyuan, [['松源绿茶', 'tea', '盒', 150]]],
  ['nk-noodle', '梅县区南口镇某食品有限公司（演示）', '91', DIV.nankou, [['客家腌面', 'processed', '箱', 48]]],
  ['fc-orange', '富川瑶族自治县某脐橙专业合作社（演示）', '93', DIV.fuchuan, [['富川脐橙', 'fruitVeg', '箱', 68]]],
  ['fc-taro', '富川瑶族自治县某香芋种植有限公司（演示）', '91', DIV.fuchuan, [['富川香芋', 'fruitVeg', '箱', 58]]],
  ['fc-bamboo', '富川瑶族自治县某竹编工艺品有限公司（演示）', '91', DIV.fuchuan, [['瑶族竹编篮', 'handicraft', '个', 85]]],
  ['fc-oil', '富川瑶族自治县某山茶油专业合作社（演示）', '93', DIV.fuchuan, [['富川山茶油', 'grain', '瓶', 168]]],
];

/** A block of sales: [helper, supplier key, channel, total 元 this year, total 元 last year, team name, buyer names] */
export type SaleBlock = [
  helper: string,
  supplier: string,
  channel: SaleChannel,
  thisYear: number,
  lastYear: number,
  team: string,
  buyers?: string[],
];

const ZS = '中山市对口协作六盘水市工作队';
const ZS_SC = '中山驻水城区工作组';
const LW = '荔湾驻丙村镇帮扶工作队';
const LW_GROUP = '荔湾区派驻梅县区驻镇帮扶工作组';

/** The 18 member units of the 水城 group that bought 1,000万元 between them. */
export const ZS_UNITS = [
  '中山市人民医院（演示）',
  '中山市教育局（演示）',
  '中山市财政局（演示）',
  '中山市农业农村局（演示）',
  '中山市商务局（演示）',
  '中山市卫生健康局（演示）',
  '中山市发展和改革局（演示）',
  '中山市交通运输局（演示）',
  '中山市公安局（演示）',
  '中山市税务局（演示）',
  '中山市自然资源局（演示）',
  '中山市住房和城乡建设局（演示）',
  '中山市水务局（演示）',
  '中山市文化广电旅游局（演示）',
  '中山市民政局（演示）',
  '中山市人力资源和社会保障局（演示）',
  '中山市市场监督管理局（演示）',
  '中山市城市管理和综合执法局（演示）',
];

// 中山 this year: 1,000万元 (18 units) + 1.73亿元 by the other channels = 1.83亿元.
export const SALE_BLOCKS: SaleBlock[] = [
  [DIV.zhongshan, 'sc-kiwi', 'unit', 10_000_000, 7_500_000, ZS_SC, ZS_UNITS],
  [DIV.zhongshan, 'sc-cili', 'union', 12_000_000, 10_000_000, ZS, ['中山市总工会（演示）']],
  [DIV.zhongshan, 'pz-ham', 'counter', 38_000_000, 30_000_000, ZS],
  [DIV.zhongshan, 'pz-rice', 'platform832', 45_000_000, 40_000_000, ZS],
  [DIV.zhongshan, 'lz-tea', 'ecommerce', 30_000_000, 28_000_000, ZS],
  [DIV.zhongshan, 'lz-konjac', 'market', 48_000_000, 36_500_000, ZS],
  // 荔湾 → 梅县 this year: 632万元 (the seed: more than 630万元)
  [DIV.liwan, 'bc-pomelo', 'unit', 2_800_000, 2_400_000, LW, ['广州市荔湾区对口帮扶协作办（演示）', '荔湾区某农业科技有限公司（演示）']],
  [DIV.liwan, 'sy-tea', 'counter', 1_900_000, 1_700_000, LW_GROUP],
  [DIV.liwan, 'nk-noodle', 'ecommerce', 1_620_000, 1_300_000, LW_GROUP],
];

export const FAIR = {
  name: '粤桂消费帮扶产销对接会（绿博城）',
  place: '怀集县绿博城',
  divisionCode: DIV.huaiji,
  organiser: '四会市东西部协作办（演示）',
  team: '肇庆四会市驻富川瑶族自治县工作组',
  suppliers: ['fc-orange', 'fc-taro', 'fc-bamboo', 'fc-oil'],
  buyers: 26, // 演示
  intentAmount: 3_200_000, // 演示
  realised: [
    ['fc-orange', 'unit', 620_000, '四会市第一中学（演示）'],
    ['fc-oil', 'union', 240_000, '四会市总工会（演示）'],
  ] as [string, SaleChannel, number, string][],
};
