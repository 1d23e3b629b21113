// Demo assessment: this year's agreements for the demo pairings (四会→富川, 福田→上林, 中山→六盘水, 龙江→岗坪,
// 荔湾→丙村/畲江/南口) with targets set from the demo's records, an illustrative East–West framework (the six aspects
// and innovation; weights and grade cut-offs marked 示意) with a cycle scoring the Guangdong, Guangxi and Guizhou
// sides, and a town framework with a cycle scoring three town teams (岗坪, 丙村, 南口); the demo reviewers' entries
// for the items people score. The demo's grades (demo.test.ts): Guangdong and Guangxi 好 and first on their sides,
// as both were in 2022; Guizhou and the town teams lower, each differently.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import type { CycleT, FrameworkInputT } from '@xiezuo/shared/contracts/assessment';
import { INDICATOR_BY_CODE } from '@xiezuo/shared/indicators/catalogue';
import { and, eq, sql } from 'drizzle-orm';
import type { Services } from '../../platform/context';
import { systemCtx } from '../../platform/ctx';
import type { ModuleSeed } from '../../platform/seed';
import { figureRecords } from '../indicators';
import { pairings } from '../registry';
import { createAgreement } from './agreements';
import { createCycle } from './cycles';
import { createFramework } from './frameworks';
import { assessmentReviews } from './tables';

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
    // illustrative cut-offs for the demo's data (a few hundred records, some aspects without any): 好 45, 较好 35, 一般 25
    cutoffs: { good: 45, fairlyGood: 35, average: 25 },
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
            // the demo's exchanges are recorded between the provinces, where no county agreement sets a target
            rule: { type: 'capped', perUnit: 0.1 },
            evidence: '挂职干部名单',
          },
          {
            code: 'talent.professionals',
            name: '选派专业技术人才',
            kind: 'indicator',
            maxPoints: 7,
            indicator: 'teams.professionalExchanges',
            rule: { type: 'capped', perUnit: 0.01 },
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
    // illustrative cut-offs for the demo's town teams: 好 40, 较好 25, 一般 15
    cutoffs: { good: 40, fairlyGood: 25, average: 15 },
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

/**
 * The demo agreements: each pairing's targets for the framework's indicators that its helped side has records of
 * this year, set from those records so that the pair completes a given share (illustrative: the demo's other modules
 * seed a few hundred records where a real pairing has thousands, so fixed targets would leave every party far short).
 */
const AGREEMENTS: { helper: string; helped: string; completion: number; programme: 'east_west' | 'town' }[] = [
  { helper: '441284000000', helped: '451123000000', completion: 0.96, programme: 'east_west' }, // 四会市 → 富川县
  { helper: '440304000000', helped: '450125000000', completion: 0.9, programme: 'east_west' }, // 福田区 → 上林县
  { helper: '442000000000', helped: '520200000000', completion: 0.9, programme: 'east_west' }, // 中山市 → 六盘水市
  { helper: '440606104000', helped: '441224109000', completion: 0.95, programme: 'town' }, // 龙江镇 → 岗坪镇
  ...['441403113000', '441403107000', '441403106000'].map((helped, i) => ({
    helper: '440103000000', // 荔湾区 → 丙村/畲江/南口
    helped,
    completion: [0.7, 0.85, 0.9][i],
    programme: 'town' as const,
  })),
];

/** A target a little above what was done: the figure ÷ the completion share, up to two significant digits. */
export function targetFor(actual: number, completion: number): number {
  const raw = actual / completion;
  const step = 10 ** Math.max(0, Math.floor(Math.log10(raw)) - 1);
  return Math.ceil(raw / step) * step;
}

/** A place's figure for the year from the records behind it (the engine's figures are computed after the seeds). */
async function figureOf(services: Services, indicator: string, code: string, year: number): Promise<number> {
  const def = INDICATOR_BY_CODE.get(indicator.split('|')[0]);
  if (!def || def.measure === 'ratio') return 0;
  const records = await figureRecords(services, indicator, `d:${divisionPrefix(code)}`, `Y${year}`);
  return def.measure === 'distinct' || def.measure === 'stock'
    ? new Set(records.map((r) => r.subject)).size
    : records.reduce((s, r) => s + Number(r.qty), 0);
}

/**
 * The demo reviewers' entries for the items people score (组织领导, 项目管理, 签订协议, 加减分), so that the
 * projected scores are not all 差 for want of reviewers: [leadership /8, agreement met, management /5, bonus ±3].
 */
const REVIEWS: Record<string, [number, boolean, number, number]> = {
  广东省: [7.5, true, 4.5, 2],
  广西壮族自治区: [8, true, 5, 3],
  贵州省: [6, true, 3.5, 0],
  顺德龙江驻怀集县岗坪镇帮镇扶村工作队: [7, true, 4.5, 1],
  荔湾驻丙村镇帮扶工作队: [5, true, 3, 0],
  荔湾驻南口镇帮扶工作队: [6, false, 3.5, 0],
};

async function seedReviews(services: Services, cycle: CycleT) {
  for (const s of cycle.scores) {
    const r = REVIEWS[s.name];
    if (!r) continue;
    const entries: [string, number, boolean | null][] = [
      ['org.leadership', r[0], null],
      ['org.agreement', 0, r[1]],
      ['funds.management', r[2], null],
      ['innovation.bonus', r[3], null],
    ];
    for (const [item, points, flag] of entries)
      await services.db
        .insert(assessmentReviews)
        .values({ partyId: s.partyId, item, reviewerId: null, reviewer: '考核评审组（演示）', points, flag, note: '演示评分' });
  }
}

export async function seedAssessmentDemo(services: Services) {
  const ctx = systemCtx(services, 'demo');
  const year = Number(todayInBeijing().slice(0, 4));
  const frameworks = { east_west: eastWestFramework(year), town: townFramework(year) };
  for (const a of AGREEMENTS) {
    const found = await services.db
      .select({ id: pairings.id, end: pairings.endDate })
      .from(pairings)
      .where(and(eq(pairings.helperDivisionCode, a.helper), eq(pairings.helpedDivisionCode, a.helped)));
    const pairing = found.find((p) => p.end == null) ?? found[0];
    if (!pairing) continue;
    const indicators = [
      ...new Set(
        frameworks[a.programme].aspects.flatMap((x) =>
          x.items.flatMap((i) => (i.kind === 'indicator' && i.indicator ? [i.indicator] : [])),
        ),
      ),
    ];
    const targets: { indicator: string; target: number }[] = [];
    for (const indicator of indicators) {
      const actual = await figureOf(services, indicator, a.helped, year);
      if (actual > 0) targets.push({ indicator, target: targetFor(actual, a.completion) });
    }
    if (targets.length) await createAgreement(ctx, { pairingId: pairing.id, year, targets });
  }
  const ew = await createFramework(ctx, frameworks.east_west);
  const town = await createFramework(ctx, frameworks.town);
  const ewCycle = await createCycle(ctx, {
    frameworkId: ew.id,
    name: `${year}年度东西部协作考核（演示）`,
    recheckShare: 0.1,
    parties: [
      { node: 'd:44', group: 'east', name: '广东省' },
      { node: 'd:45', group: 'west', name: '广西壮族自治区' },
      { node: 'd:52', group: 'west', name: '贵州省' },
    ],
  });
  await seedReviews(services, ewCycle);
  // the demo's town teams, found by name as the other modules' demos do (the teams module seeds them first)
  const teams = (
    await services.db.execute(
      sql`select id, name from teams where name like '荔湾驻%镇帮扶工作队' or name like '%驻怀集县岗坪镇%' order by id`,
    )
  ).rows as { id: number; name: string }[];
  const rows = teams.filter((t) => /岗坪|丙村|南口/.test(t.name));
  if (rows.length) {
    const townCycle = await createCycle(ctx, {
      frameworkId: town.id,
      name: `${year}年度驻镇帮镇扶村工作队考核（演示）`,
      recheckShare: 0.1,
      parties: rows.map((t) => ({ node: `t:${t.id}`, group: t.name.includes('岗坪') ? 'class1' : 'class2' })),
    });
    await seedReviews(services, townCycle);
  }
}

export const assessmentSeed: ModuleSeed = {
  name: 'assessment',
  async run(services) {
    await seedAssessmentDemo(services);
    return [];
  },
};
