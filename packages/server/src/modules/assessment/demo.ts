// Demo assessment: this year's agreements for the demo pairings (四会→富川, 福田→上林, 中山→六盘水, 荔湾→丙村/畲江/南口),
// an illustrative East–West framework (the six aspects and innovation; weights marked 示意) with a cycle scoring the
// Guangdong, Guangxi and Guizhou sides, and a town framework with a cycle scoring three 荔湾 town teams.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import type { FrameworkInputT } from '@xiezuo/shared/contracts/assessment';
import { and, eq, sql } from 'drizzle-orm';
import type { Services } from '../../platform/context';
import { systemCtx } from '../../platform/ctx';
import type { ModuleSeed } from '../../platform/seed';
import { pairings } from '../registry';
import { createAgreement } from './agreements';
import { createCycle } from './cycles';
import { createFramework } from './frameworks';

const bands = {
  type: 'bands' as const,
  bands: [
    { atLeast: 1, fraction: 1 },
    { atLeast: 0.8, fraction: 0.8 },
    { atLeast: 0.5, fraction: 0.5 },
  ],
};
const linear = { type: 'linear' as const };

/** The East–West framework (东西部协作): six aspects and innovation; max points are illustrative (示意). */
export function eastWestFramework(year: number): FrameworkInputT {
  return {
    year,
    programme: 'east_west',
    name: `${year}年东西部协作考核评价指标体系（示意）`,
    illustrative: true,
    groups: [
      { key: 'east', name: '东部省份' },
      { key: 'west', name: '西部省份' },
    ],
    cutoffs: { good: 75, fairlyGood: 60, average: 45 },
    aspects: [
      {
        code: 'org',
        name: '组织领导',
        items: [
          {
            code: 'org.leadership',
            name: '党政主要领导研究部署、互访对接',
            kind: 'rubric',
            maxPoints: 8,
            guide: '召开党政联席会议、主要领导互访调研各记分；未开展不得分',
            evidence: '会议纪要、互访调研记录',
          },
          { code: 'org.agreement', name: '签订年度帮扶协议', kind: 'mandatory', maxPoints: 4, evidence: '双方签署的年度帮扶协议' },
        ],
      },
      {
        code: 'talent',
        name: '人才交流',
        items: [
          {
            code: 'talent.cadres',
            name: '选派挂职干部',
            kind: 'indicator',
            maxPoints: 8,
            indicator: 'teams.cadreExchanges',
            rule: linear,
            evidence: '挂职干部名单',
          },
          {
            code: 'talent.professionals',
            name: '选派专业技术人才',
            kind: 'indicator',
            maxPoints: 7,
            indicator: 'teams.professionalExchanges',
            rule: bands,
            evidence: '专技人才交流台账',
          },
        ],
      },
      {
        code: 'funds',
        name: '资金使用',
        items: [
          {
            code: 'funds.received',
            name: '财政援助资金到位',
            kind: 'indicator',
            maxPoints: 10,
            indicator: 'funds.received',
            rule: bands,
            evidence: '资金拨付凭证',
          },
          {
            code: 'funds.management',
            name: '项目管理规范',
            kind: 'rubric',
            maxPoints: 5,
            guide: '项目库、公告公示、验收各记分',
            evidence: '项目库、公示材料、验收报告',
          },
        ],
      },
      {
        code: 'industry',
        name: '产业合作',
        items: [
          {
            code: 'industry.investment',
            name: '引导企业实际到位投资',
            kind: 'indicator',
            maxPoints: 8,
            indicator: 'industry.investmentInPlace',
            rule: linear,
            evidence: '投资到位确认书',
          },
          {
            code: 'industry.enterprises',
            name: '引导落地企业',
            kind: 'indicator',
            maxPoints: 7,
            indicator: 'industry.introduced',
            rule: bands,
            evidence: '企业落地台账',
          },
        ],
      },
      {
        code: 'labour',
        name: '劳务协作',
        items: [
          {
            code: 'labour.employed',
            name: '帮助农村劳动力就业',
            kind: 'indicator',
            maxPoints: 10,
            indicator: 'labour.employed',
            rule: linear,
            evidence: '就业人员花名册',
          },
          {
            code: 'labour.trainees',
            name: '职业技能培训',
            kind: 'indicator',
            maxPoints: 5,
            indicator: 'labour.trainees',
            rule: bands,
            evidence: '培训签到与结业名单',
          },
        ],
      },
      {
        code: 'social',
        name: '携手奔小康 / 社会帮扶',
        items: [
          {
            code: 'social.purchased',
            name: '消费帮扶采购',
            kind: 'indicator',
            maxPoints: 8,
            indicator: 'consumption.purchased',
            rule: linear,
            evidence: '采购合同与发票',
          },
          {
            code: 'social.donations',
            name: '社会帮扶捐赠',
            kind: 'indicator',
            maxPoints: 7,
            indicator: 'social.donationMoney',
            rule: linear,
            evidence: '捐赠接收凭证',
          },
        ],
      },
      {
        code: 'innovation',
        name: '创新',
        items: [
          {
            code: 'innovation.cases',
            name: '典型案例',
            kind: 'innovation',
            maxPoints: 6,
            indicator: 'social.publicity|typicalCase',
            rule: { type: 'capped', perUnit: 3 },
            evidence: '宣传报道（典型案例）',
          },
          { code: 'innovation.bonus', name: '加分 / 减分事项', kind: 'bonus', maxPoints: 3, guide: '获中央表彰加分；通报批评减分' },
          { code: 'veto.fraud', name: '数据造假等否决情形', kind: 'veto', maxPoints: 0, guide: '发现弄虚作假、数据造假的，不得评为“好”' },
        ],
      },
    ],
  };
}

/** The town framework (驻镇帮镇扶村): the same aspects as they apply to a town team; town classes as groups. */
export function townFramework(year: number): FrameworkInputT {
  const ew = eastWestFramework(year);
  return {
    ...ew,
    programme: 'town',
    name: `${year}年驻镇帮镇扶村工作队考核评价指标体系（示意）`,
    groups: [
      { key: 'class1', name: '一类镇' },
      { key: 'class2', name: '二类镇' },
    ],
    cutoffs: { good: 70, fairlyGood: 55, average: 40 },
    aspects: [
      ew.aspects[0],
      {
        code: 'monitoring',
        name: '防返贫监测',
        items: [
          {
            code: 'monitoring.visits',
            name: '走访监测户',
            kind: 'indicator',
            maxPoints: 15,
            indicator: 'monitoring.visitedHouseholds',
            rule: bands,
            evidence: '走访记录',
          },
        ],
      },
      ew.aspects[2],
      ew.aspects[4],
      ew.aspects[5],
      ew.aspects[6],
    ],
  };
}

/** Targets of the demo agreements: helper → helped division codes and (indicator, target) rows. */
const AGREEMENTS: { helper: string; helped: string; targets: [string, number][] }[] = [
  {
    helper: '441284000000', // 四会市 → 富川县
    helped: '451123000000',
    targets: [
      ['funds.received', 30_000_000],
      ['teams.cadreExchanges', 6],
      ['teams.professionalExchanges', 40],
      ['industry.investmentInPlace', 100_000_000],
      ['industry.introduced', 5],
      ['labour.employed', 30],
      ['labour.trainees', 40],
      ['consumption.purchased', 50_000_000],
      ['social.donationMoney', 1_000_000],
    ],
  },
  {
    helper: '440304000000', // 福田区 → 上林县
    helped: '450125000000',
    targets: [
      ['funds.received', 40_000_000],
      ['teams.cadreExchanges', 5],
      ['labour.employed', 2000],
      ['consumption.purchased', 30_000_000],
    ],
  },
  {
    helper: '442000000000', // 中山市 → 六盘水市
    helped: '520200000000',
    targets: [
      ['funds.received', 200_000_000],
      ['teams.cadreExchanges', 20],
      ['labour.employed', 10_000],
    ],
  },
  ...['441403113000', '441403107000', '441403106000'].map((town) => ({
    helper: '440103000000', // 荔湾区 → 丙村/畲江/南口
    helped: town,
    targets: [
      ['monitoring.visitedHouseholds', 40],
      ['funds.received', 600_000],
      ['social.donationMoney', 100_000],
      ['consumption.purchased', 2_000_000],
    ] as [string, number][],
  })),
];

export async function seedAssessmentDemo(services: Services) {
  const ctx = systemCtx(services, 'demo');
  const year = Number(todayInBeijing().slice(0, 4));
  for (const a of AGREEMENTS) {
    const found = await services.db
      .select({ id: pairings.id, end: pairings.endDate })
      .from(pairings)
      .where(and(eq(pairings.helperDivisionCode, a.helper), eq(pairings.helpedDivisionCode, a.helped)));
    const pairing = found.find((p) => p.end == null) ?? found[0];
    if (!pairing) continue;
    await createAgreement(ctx, { pairingId: pairing.id, year, targets: a.targets.map(([indicator, target]) => ({ indicator, target })) });
  }
  const ew = await createFramework(ctx, eastWestFramework(year));
  const town = await createFramework(ctx, townFramework(year));
  await createCycle(ctx, {
    frameworkId: ew.id,
    name: `${year}年度东西部协作考核（演示）`,
    recheckShare: 0.1,
    parties: [
      { node: 'd:44', group: 'east', name: '广东省' },
      { node: 'd:45', group: 'west', name: '广西壮族自治区' },
      { node: 'd:52', group: 'west', name: '贵州省' },
    ],
  });
  // the demo's three town teams, found by name as the other modules' demos do (the teams module seeds them first)
  const teams = (await services.db.execute(sql`select id, name from teams where name like '荔湾驻%镇帮扶工作队' order by id`)).rows as {
    id: number;
    name: string;
  }[];
  const rows = teams.filter((t) => /丙村|畲江|南口/.test(t.name));
  if (rows.length)
    await createCycle(ctx, {
      frameworkId: town.id,
      name: `${year}年度驻镇帮镇扶村工作队考核（演示）`,
      recheckShare: 0.1,
      parties: rows.map((t, i) => ({ node: `t:${t.id}`, group: i === 0 ? 'class1' : 'class2' })),
    });
}

export const assessmentSeed: ModuleSeed = {
  name: 'assessment',
  async run(services) {
    await seedAssessmentDemo(services);
    return [];
  },
};
