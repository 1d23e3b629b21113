// The seed's 中山 → 六盘水 figures (协作以来引进企业22家，实际投资1.78亿元，企业吸纳就业957人；共建产业园区4个，入驻园区
// 企业7个，园区吸纳就业116人；援建帮扶车间15个，吸纳就业219人), with invented enterprises and people (演示).
export const ZHONGSHAN = '442000000000';
export const LIUPANSHUI = '520200000000';
export const COUNTIES = { shuicheng: '520204000000', liuzhi: '520203000000', panzhou: '520281000000' } as const;
/** The demo teams of 中山's groups, by the county they are stationed in (names as the teams demo writes them). */
export const GROUP_OF_COUNTY: Record<string, string> = {
  [COUNTIES.shuicheng]: '中山驻水城区工作组',
  [COUNTIES.liuzhi]: '中山驻六枝特区工作组',
  [COUNTIES.panzhou]: '中山驻盘州市工作组',
};

export const DEMO_PARKS: [name: string, county: string, areaMu: number][] = [
  ['水城经济开发区中山产业园（演示）', COUNTIES.shuicheng, 860],
  ['六枝特区中山产业园（演示）', COUNTIES.liuzhi, 420],
  ['盘州市中山产业园（演示）', COUNTIES.panzhou, 650],
  ['水城区中山“园中园”（演示）', COUNTIES.shuicheng, 300],
];

/** 中山 towns the enterprises come from (12-digit codes). */
export const ORIGINS = ['442000118000', '442000105000', '442000101000', '442000106000', '442000107000'];

const TRADES = ['家电', '五金', '灯饰', '服装', '电子', '食品', '农产品加工'];
/** The park of each of the first 7 enterprises: one in the county it landed in (水城, 六枝, 盘州, 水城 …). */
const PARK_OF = [0, 1, 2, 3, 1, 2, 0];
/** 22 enterprises: the first 7 are in the parks of their counties, the last 7 introduced this year. */
export const DEMO_ENTERPRISES = Array.from({ length: 22 }, (_, i) => ({
  name: `中山${TRADES[i % TRADES.length]}协作企业${String(i + 1).padStart(2, '0')}（演示）`,
  county: [COUNTIES.shuicheng, COUNTIES.liuzhi, COUNTIES.panzhou][i % 3],
  park: i < 7 ? PARK_OF[i] : null,
  origin: ORIGINS[i % ORIGINS.length],
  industry: i % 7 === 6 ? ('A' as const) : ('C' as const),
  newThisYear: i >= 15,
}));

export const FIGURES = {
  enterprises: 22,
  inPlaceThisYear: 178_000_000, // 1.78亿元
  inPlaceLastYear: 120_000_000, // the 15 enterprises of last year, 8,000,000 each
  reportedJobs: 957,
  parks: 4,
  parkEnterprises: 7,
  parkJobs: 116,
  parkLifted: 15, // 其中脱贫人口
  workshops: 15,
  workshopJobs: 219,
  workshopLifted: 112,
};

/** In place this year per enterprise: 21 × 800万 + 1,000万 = 1.78亿. */
export const inPlaceOf = (i: number) => (i === 21 ? 10_000_000 : 8_000_000);
/** Reported jobs per enterprise: 21 × 43 + 54 = 957. */
export const jobsOf = (i: number) => (i === 21 ? 54 : 43);
/** Workers of the 7 park enterprises: 6 × 17 + 14 = 116. */
export const parkWorkersOf = (i: number) => (i === 6 ? 14 : 17);
/** Workers of the 15 workshops: 14 × 15 + 9 = 219. */
export const workshopWorkersOf = (i: number) => (i === 14 ? 9 : 15);

/** 15 villages of 水城、六枝、盘州 (2023 statistical codes) with a workshop each. */
export const WORKSHOP_VILLAGES = [
  '520204001201',
  '520204103204',
  '520204107214',
  '520204110206',
  '520204203213',
  '520203001201',
  '520203102218',
  '520203105202',
  '520203106215',
  '520203109203',
  '520281104200',
  '520281105206',
  '520281106209',
  '520281109222',
  '520281117231',
];
export const WORKSHOP_KINDS = ['服装加工', '电子组装', '竹编', '刺绣', '假发加工'];

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
export const GIVEN = ['明', '芳', '勇', '艳', '军', '丽', '强', '敏', '杰', '娟', '涛', '霞', '斌', '燕', '平', '红'];
