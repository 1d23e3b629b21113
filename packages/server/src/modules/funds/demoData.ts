// Demo figures drawn from the seed reports: 中山 allocated 1.6775亿元 of fiscal aid to 六盘水 by the end of
// August (passed on to 水城、六枝、盘州); 驻南口镇工作队 raised about 55万元 for 10 road-lighting projects
// (梅瑞路、南龙村、车陂村道路亮化工程 …). Everything else (document numbers, dates, splits, people) is invented
// and marked 演示. Days are month-day within a year chosen relative to today.
import type { FundKind, ProjectStatus, ProjectType } from '@xiezuo/shared/contracts/funds';

export const ZHONGSHAN = '442000000000';
export const LIUPANSHUI = '520200000000';
export const LIWAN = '440103000000';
export const NANKOU = '441403106000';

/** [month-day, amount 元] of 中山's four batches this year: 1.6775亿元 by the end of August. */
export const ZS_BATCHES: [string, number][] = [
  ['03-15', 50_000_000],
  ['05-20', 45_000_000],
  ['07-10', 40_000_000],
  ['08-28', 32_750_000],
];
/** Last year's batches (same period), for the year-over-year figures. */
export const ZS_BATCHES_LAST_YEAR: [string, number][] = [
  ['04-01', 60_000_000],
  ['08-15', 52_000_000],
];
/** 六盘水 passes on part of the first batch to its counties (the rest it keeps at the city level). */
export const LPS_TRANSFERS: [code: string, name: string, amount: number][] = [
  ['520204000000', '水城区', 20_000_000],
  ['520203000000', '六枝特区', 15_000_000],
  ['520281000000', '盘州市', 12_000_000],
];

export interface DemoProject {
  code: string;
  name: string;
  type: ProjectType;
  divisionCode: string;
  kind: FundKind;
  budget: number;
  status: ProjectStatus;
  /** month-day of each step reached, in the project's year */
  steps: string[];
  plannedFinish?: string;
  disbursedShare: number; // of the budget
  jobs?: number;
  asset?: [type: string, owner: string];
  unit: string;
}

const lighting = (n: number, village: string, name: string, budget: number, status: ProjectStatus, share = 1): DemoProject => ({
  code: `NK-LD-${String(n).padStart(2, '0')}`,
  name: `${name}道路亮化工程`,
  type: 'livelihood',
  divisionCode: village,
  kind: 'social',
  budget,
  status,
  steps: ['02-10', '03-01', '03-20', '05-30', '06-20', '07-05'],
  disbursedShare: share,
  asset: ['路灯设施', name.endsWith('村') ? `${name}集体` : '南口镇人民政府'],
  unit: '南口镇人民政府',
});

/** 10 lighting projects in 南口镇, 550,000元 raised from society (组团帮扶单位). */
export const NANKOU_PROJECTS: DemoProject[] = [
  lighting(1, NANKOU, '梅瑞路', 80_000, 'handed_over'),
  lighting(2, '441403106215', '南龙村', 65_000, 'handed_over'),
  lighting(3, '441403106216', '车陂村', 60_000, 'handed_over'),
  lighting(4, '441403106209', '侨乡村', 55_000, 'handed_over'),
  lighting(5, '441403106210', '南虎村', 52_000, 'accepted'),
  lighting(6, '441403106211', '潭江村', 50_000, 'accepted'),
  lighting(7, '441403106212', '竹香村', 48_000, 'completed'),
  lighting(8, '441403106213', '龙塘村', 50_000, 'completed'),
  lighting(9, '441403106214', '仙湖村', 45_000, 'started', 0.6),
  lighting(10, '441403106217', '林径村', 45_000, 'started', 0.5),
];

/** Industry and infrastructure projects of 中山—六盘水 funded by the fiscal aid. */
export const LPS_PROJECTS: DemoProject[] = [
  {
    code: 'ZS-LPS-01',
    name: '水城区猕猴桃产业园冷链仓储项目（演示）',
    type: 'industry',
    divisionCode: '520204000000',
    kind: 'fiscal',
    budget: 12_000_000,
    status: 'started',
    steps: ['01-10', '03-05', '04-01'],
    plannedFinish: '10-31',
    disbursedShare: 0.7,
    jobs: 120,
    unit: '水城区农业农村局（演示）',
  },
  {
    code: 'ZS-LPS-02',
    name: '六枝特区茶叶加工厂建设项目（演示）',
    type: 'industry',
    divisionCode: '520203000000',
    kind: 'fiscal',
    budget: 8_000_000,
    status: 'handed_over',
    steps: ['01-05', '02-20', '03-10', '07-30', '08-20', '09-10'],
    disbursedShare: 1,
    jobs: 85,
    asset: ['厂房及设备', '六枝特区村集体经济联合社（演示）'],
    unit: '六枝特区农业农村局（演示）',
  },
  {
    code: 'ZS-LPS-03',
    name: '盘州市乡村振兴示范村基础设施项目（演示）',
    type: 'infrastructure',
    divisionCode: '520281000000',
    kind: 'fiscal',
    budget: 6_000_000,
    status: 'approved',
    steps: ['02-01', '04-15'],
    plannedFinish: '11-30',
    disbursedShare: 0,
    unit: '盘州市住建局（演示）',
  },
];

/** One industry project in 岗坪镇兴义村 whose beneficiaries are the village's monitored 脱贫户 members. */
export const GANGPING_PROJECT: DemoProject = {
  code: 'GP-CY-01',
  name: '兴义村砂糖橘种植基地联农带农项目（演示）',
  type: 'industry',
  divisionCode: '441224109202',
  kind: 'fiscal',
  budget: 300_000,
  status: 'started',
  steps: ['02-15', '03-10', '04-01'],
  disbursedShare: 0.8,
  jobs: 12,
  unit: '岗坪镇人民政府',
};
