// Demo data from the seed report on 岗坪镇 (顺德龙江驻怀集岗坪镇工作队): the team visited the monitored
// households of the town's 13 villages — 42 households, 121 persons — and put the 17 households with
// students under close watch. The 麦伯 family of 兴义村 is the report's case (names are its pseudonyms);
// every other person is invented, marked 演示, with generated ID numbers that pass the GB 11643 check.
// Two more households are still being identified, so the review chain and its clock have something to show.

import { type DemoCalendar, demoCalendar } from '@xiezuo/shared/calendar/demoDates';
import { idNumberCheckChar } from '@xiezuo/shared/codes/idNumber';
import type { EntryDoor, MeasureKind, MemberInput, RiskKind, Stage, Status, StepAction } from '@xiezuo/shared/contracts/monitoring';
import { sql } from 'drizzle-orm';
import type { NewUser } from '../../platform/auth/service';
import type { Services } from '../../platform/context';
import type { ModuleSeed } from '../../platform/seed';
import { ELIMINATING, eliminationDates, householdDates, incomeYear, pendingDates } from './demoSchedule';
import { sealMember } from './households';
import {
  monitoringHouseholds,
  monitoringLines,
  monitoringMeasures,
  monitoringMembers,
  monitoringRisks,
  monitoringSteps,
  monitoringVisits,
} from './tables';

export const GANGPING = '441224109000';
export const HUAIJI = '441224000000';
// 2023 statistical codes of 岗坪镇's 13 村委会 (used only when the registry has not loaded them)
const VILLAGES: [string, string][] = [
  ['441224109201', '曾村村委会'],
  ['441224109202', '兴义村委会'],
  ['441224109203', '谢屋村委会'],
  ['441224109204', '红星村委会'],
  ['441224109205', '庞庙村委会'],
  ['441224109206', '地灵村委会'],
  ['441224109207', '沙腾村委会'],
  ['441224109208', '睦渊村委会'],
  ['441224109209', '关塘村委会'],
  ['441224109210', '四隆村委会'],
  ['441224109211', '四和村委会'],
  ['441224109212', '太原村委会'],
  ['441224109213', '维安村委会'],
];
export const XINGYI = '441224109202';

export const DEMO_FIGURES = { villages: 13, households: 42, persons: 121, withStudents: 17 };
/** The current half-year up to today: every demo household is visited in it (dates: demoSchedule.ts). */
export const demoPeriod = (cal: DemoCalendar = demoCalendar()) => cal.currentHalf;

const SURNAMES = ['黄', '梁', '陈', '李', '莫', '邓', '冯', '谢', '何', '欧', '罗', '钟', '林', '蒋'];
const GIVEN = ['伯', '叔', '婶', '姨', '哥', '嫂', '妹', '仔', '姐', '公', '婆', '弟'];

async function ensureDivisions(services: Services): Promise<string[]> {
  const { db } = services;
  const have = (
    await db.execute(
      sql`select code from divisions where parent_code = ${GANGPING} and level = 'village' and name like '%村委会' order by code`,
    )
  ).rows as { code: string }[];
  if (have.length >= 13) return have.slice(0, 13).map((r) => r.code);
  const rows: [string, string, string, string | null][] = [
    ['440000000000', '广东省', 'province', null],
    ['441200000000', '肇庆市', 'city', '440000000000'],
    [HUAIJI, '怀集县', 'county', '441200000000'],
    [GANGPING, '岗坪镇', 'town', HUAIJI],
    ...VILLAGES.map(([code, name]) => [code, name, 'village', GANGPING] as [string, string, string, string]),
  ];
  for (const [code, name, level, parent] of rows) {
    await db.execute(
      sql`insert into divisions (code, name, level, parent_code) values (${code}, ${name}, ${level}, ${parent}) on conflict (code) do nothing`,
    );
  }
  return VILLAGES.map(([c]) => c);
}

/** A valid 18-digit ID number for a demo person born on `birth` (sequence keeps them unique). */
export function demoIdNumber(birth: string, seq: number, gender: 'male' | 'female'): string {
  const s = (seq * 2 + (gender === 'male' ? 1 : 0)) % 1000;
  const first17 = `441224${birth.replaceAll('-', '')}${String(s).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

interface DemoHousehold {
  village: string;
  category: 'unstable' | 'marginal' | 'sudden';
  dibao: boolean;
  income: number;
  members: MemberInput[];
  risks: RiskKind[];
  measures: { kind: MeasureKind; description: string; amount: number | null }[];
  status?: 'eliminating';
}

/** The 42 households: sizes give 121 persons; 17 of them have a member in school. */
export function demoHouseholds(villages: string[]): DemoHousehold[] {
  let seq = 0;
  const person = (
    name: string,
    relation: MemberInput['relation'],
    gender: 'male' | 'female',
    birth: string,
    schooling: MemberInput['schooling'],
    work: MemberInput['work'],
    health: MemberInput['health'] = 'healthy',
  ): MemberInput => ({
    name,
    relation,
    gender,
    birthDate: birth,
    idNumber: demoIdNumber(birth, ++seq, gender),
    health,
    disability: 'none',
    schooling,
    work,
  });
  const out: DemoHousehold[] = [];
  // the report's family: 麦伯 and his granddaughters 小娅 (college) and 小艺 (vocational school, 14)
  out.push({
    village: XINGYI,
    category: 'sudden',
    dibao: true,
    income: 6800,
    members: [
      person('麦伯（化名）', 'head', 'male', '1958-03-12', 'not_in_school', 'farming', 'chronic'),
      person('小娅（化名）', 'grandchild', 'female', '2006-05-20', 'college', 'none'),
      person('小艺（化名）', 'grandchild', 'female', '2011-02-08', 'vocational', 'none'),
    ],
    risks: ['schooling', 'no_labour'],
    measures: [
      { kind: 'education', description: '指导申请大学生助学贷款和资助政策（小娅）', amount: null },
      { kind: 'social_help', description: '顺德某企业资助大专三年住宿和书本费（演示金额）', amount: 15000 },
      { kind: 'education', description: '北滘职业技术学校落实入读计算机专业并减免部分费用（小艺）', amount: 3000 },
      { kind: 'social_assistance', description: '纳入低保', amount: 4800 },
    ],
  });
  const sizes = (i: number) => (i < 7 ? 4 : i < 18 ? 2 : 3); // 麦 3 + 6×4 + 11×2 + 24×3 = 121
  for (let i = 1; i < 42; i++) {
    const size = sizes(i);
    const student = i < 17; // households 0–16: 17 with students
    const surname = SURNAMES[i % SURNAMES.length];
    const headBirth = `${1955 + (i % 25)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
    const headGender = i % 3 === 0 ? 'female' : 'male';
    const members = [
      person(
        `${surname}${GIVEN[i % GIVEN.length]}（演示）`,
        'head',
        headGender,
        headBirth,
        'not_in_school',
        i % 4 === 0 ? 'local_work' : 'farming',
        i % 5 === 0 ? 'chronic' : 'healthy',
      ),
    ];
    if (student) {
      const school = (['primary', 'junior', 'senior', 'vocational', 'college'] as const)[i % 5];
      const born = { primary: 2015, junior: 2011, senior: 2008, vocational: 2009, college: 2005 }[school];
      members.push(
        person(
          `${surname}小${GIVEN[(i + 3) % GIVEN.length]}（演示）`,
          'child',
          i % 2 ? 'male' : 'female',
          `${born}-09-0${(i % 9) + 1}`,
          school,
          'none',
        ),
      );
    }
    while (members.length < size) {
      const k = members.length;
      const spouse = k === 1 || (student && k === 2);
      members.push(
        spouse
          ? person(
              `${surname}${GIVEN[(i + k) % GIVEN.length]}嫂（演示）`,
              'spouse',
              headGender === 'male' ? 'female' : 'male',
              `${1958 + (i % 25)}-0${(i % 9) + 1}-15`,
              'not_in_school',
              i % 2 ? 'migrant_in_province' : 'farming',
            )
          : person(
              `${surname}${GIVEN[(i + k) % GIVEN.length]}公（演示）`,
              'parent',
              'male',
              `${1940 + (i % 10)}-11-0${(i % 9) + 1}`,
              'not_in_school',
              'unable',
              i % 2 ? 'serious' : 'chronic',
            ),
      );
    }
    const risks = [(['illness', 'unstable_work', 'disability', 'accident', 'disaster', 'industry_failure'] as const)[i % 6] as RiskKind];
    if (student) risks.push('schooling');
    out.push({
      village: villages[i % 13],
      category: (['unstable', 'marginal', 'sudden'] as const)[i % 3],
      dibao: i % 4 === 0,
      income: 6500 + ((i * 397) % 7000),
      members,
      risks,
      measures: [
        student
          ? { kind: 'education', description: '雨露计划助学补助（演示）', amount: 3000 }
          : (
              [
                { kind: 'industry', description: '种养产业奖补（演示）', amount: 2000 },
                { kind: 'employment', description: '推荐到镇内帮扶车间务工（演示）', amount: null },
                { kind: 'public_job', description: '安排村保洁公益岗位（演示）', amount: 6000 },
                { kind: 'health', description: '医疗救助与慢病签约服务（演示）', amount: 1500 },
              ] as const
            )[i % 4],
      ],
      status: i === ELIMINATING ? 'eliminating' : undefined,
    });
  }
  return out;
}

/** The demo monitoring lines (元/人·年) of the last two years and this one. */
function demoLines(cal: DemoCalendar) {
  const lines: [string, number, number][] = [];
  for (const [p, base] of [
    ['44', 8500],
    ['45', 7600],
    ['52', 7500],
  ] as const) {
    for (let k = 0; k < 3; k++) lines.push([p, cal.year - 2 + k, base + [0, 300, 500][k] - (p === '52' ? [0, 100, 100][k] : 0)]);
  }
  return lines;
}

export async function seedMonitoringDemo(services: Services, cal: DemoCalendar = demoCalendar()) {
  const { db } = services;
  const villages = await ensureDivisions(services);
  await db
    .insert(monitoringLines)
    .values(demoLines(cal).map(([p, y, a]) => ({ provinceCode: p, year: y, amount: String(a), demo: true, note: '演示数据，非官方标准' })))
    .onConflictDoNothing();
  const team =
    ((await db.execute(sql`select id from teams where division_code = ${GANGPING} order by id limit 1`)).rows as { id: number }[])[0]?.id ??
    null;
  const ctx = { services };
  const chain: [StepAction, Status | null, Stage | null, Stage | ''][] = [
    ['create', null, null, 'verify'],
    ['verify', 'identifying', 'verify', 'village'],
    ['publicise', 'identifying', 'village', 'town'],
    ['town_approve', 'identifying', 'town', 'county'],
    ['county_approve', 'identifying', 'county', ''],
  ];
  const elimination = eliminationDates(cal);
  const year = incomeYear(cal);
  for (const [i, d] of demoHouseholds(villages).entries()) {
    const dates = householdDates(i, cal);
    await db.transaction(async (tx) => {
      const eliminating = d.status === 'eliminating';
      const [h] = await tx
        .insert(monitoringHouseholds)
        .values({
          divisionCode: d.village,
          headName: d.members[0].name,
          entryDoor: (['cadre_check', 'self_apply', 'dept_alert'] as const)[i % 3],
          category: d.category,
          isLifted: d.category === 'unstable',
          dibao: d.dibao,
          incomePerHead: String(d.income),
          incomeYear: year,
          status: eliminating ? 'eliminating' : 'monitored',
          stage: eliminating ? 'county' : null,
          procedureStartedOn: eliminating ? elimination.started : null,
          stageEnteredAt: eliminating ? new Date(`${elimination.atCounty}T02:00:00Z`) : null,
          noticeFrom: eliminating ? elimination.noticeFrom : null,
          noticeTo: eliminating ? elimination.noticeTo : null,
          identifiedOn: dates.identifiedOn,
          lastVisitOn: dates.visits.at(-1),
          demo: true,
          note: '演示数据',
        })
        .returning();
      await tx.insert(monitoringMembers).values(d.members.map((m) => ({ ...sealMember(ctx, m), householdId: h.id })));
      await tx.insert(monitoringSteps).values(
        chain.map(([action, fromStatus, fromStage, toStage], k) => ({
          householdId: h.id,
          procedure: 'identify' as const,
          action,
          fromStatus,
          fromStage,
          toStatus: toStage ? ('identifying' as const) : ('monitored' as const),
          toStage: toStage || null,
          actorName: '岗坪镇工作人员（演示）',
          at: new Date(`${dates.chain[k]}T02:00:00Z`),
          comment: action === 'create' ? '入户走访排查发现' : '同意',
          details:
            action === 'verify'
              ? { authorisationSigned: true, authorisationDate: dates.chain[k] }
              : action === 'publicise'
                ? { noticeFrom: dates.chain[k], noticeTo: dates.noticeTo }
                : null,
        })),
      );
      await tx.insert(monitoringRisks).values(
        d.risks.map((kind) => ({
          householdId: h.id,
          kind,
          identifiedOn: dates.chain[0],
          closedOn: eliminating ? elimination.risksClosed : null,
        })),
      );
      await tx.insert(monitoringMeasures).values(
        d.measures.map((m) => ({
          householdId: h.id,
          kind: m.kind,
          description: m.description,
          amount: m.amount == null ? null : String(m.amount),
          startOn: dates.measureStart,
          providerTeamId: team,
          lastFollowUpOn: dates.followUp,
        })),
      );
      const findings = d.members.some((m) => ['primary', 'junior', 'senior', 'vocational', 'college'].includes(m.schooling))
        ? '家有在校生，列为近期重点观察对象，确保适龄学生顺利入学。'
        : '家庭成员健康、产业就业情况已核实。';
      await tx.insert(monitoringVisits).values(
        dates.visits.map((visitedOn) => ({
          householdId: h.id,
          visitedOn,
          visitors: '驻岗坪镇工作队、镇村干部（演示）',
          findings,
          incomePerHead: String(d.income),
          incomeYear: year,
        })),
      );
    });
  }
  await seedPendingDemo(services, villages, cal);
  await db.execute(sql`analyze monitoring_households`);
}

/**
 * Two households still being identified (not yet 监测对象, so the report's figures stay 42/121): one at
 * 乡镇审核 after its public notice, past the 20-working-day limit; one just reported, at 入户核实.
 */
async function seedPendingDemo(services: Services, villages: string[], cal: DemoCalendar) {
  const { db } = services;
  const { overdue, fresh } = pendingDates(cal);
  const pending: {
    village: string;
    head: string;
    door: EntryDoor;
    stage: Stage;
    started: string;
    noticeFrom: string | null;
    noticeTo: string | null;
    entered: string;
    seq: number;
  }[] = [
    {
      village: villages[2],
      head: '冯叔（演示）',
      door: 'self_apply',
      stage: 'town',
      started: overdue.started,
      noticeFrom: overdue.noticeFrom,
      noticeTo: overdue.noticeTo,
      entered: overdue.entered,
      seq: 300,
    },
    {
      village: villages[3],
      head: '罗婶（演示）',
      door: 'dept_alert',
      stage: 'verify',
      started: fresh.started,
      noticeFrom: null,
      noticeTo: null,
      entered: fresh.entered,
      seq: 310,
    },
  ];
  for (const p of pending) {
    const members: MemberInput[] = [
      {
        name: p.head,
        relation: 'head',
        gender: 'male',
        birthDate: '1968-05-05',
        idNumber: demoIdNumber('1968-05-05', p.seq, 'male'),
        health: 'serious',
        disability: 'none',
        schooling: 'not_in_school',
        work: 'unable',
      },
      {
        name: `${p.head.slice(0, 1)}小妹（演示）`,
        relation: 'child',
        gender: 'female',
        birthDate: '2012-03-03',
        idNumber: demoIdNumber('2012-03-03', p.seq + 1, 'female'),
        health: 'healthy',
        disability: 'none',
        schooling: 'junior',
        work: 'none',
      },
    ];
    await db.transaction(async (tx) => {
      const [h] = await tx
        .insert(monitoringHouseholds)
        .values({
          divisionCode: p.village,
          headName: p.head,
          entryDoor: p.door,
          category: 'sudden',
          incomePerHead: '5200',
          incomeYear: incomeYear(cal),
          status: 'identifying',
          stage: p.stage,
          procedureStartedOn: p.started,
          stageEnteredAt: new Date(`${p.entered}T02:00:00Z`),
          noticeFrom: p.noticeFrom,
          noticeTo: p.noticeTo,
          demo: true,
          note: '演示数据',
        })
        .returning();
      await tx.insert(monitoringMembers).values(members.map((m) => ({ ...sealMember({ services }, m), householdId: h.id })));
      const steps: [StepAction, Stage, string][] = [['create', 'verify', p.started]];
      if (p.stage === 'town') steps.push(['verify', 'village', overdue.verified], ['publicise', 'town', p.entered]);
      await tx.insert(monitoringSteps).values(
        steps.map(([action, toStage, day], i) => ({
          householdId: h.id,
          procedure: 'identify' as const,
          action,
          fromStatus: i ? ('identifying' as const) : null,
          fromStage: i ? steps[i - 1][1] : null,
          toStatus: 'identifying' as const,
          toStage,
          actorName: '兴义村工作人员（演示）',
          at: new Date(`${day}T02:00:00Z`),
          comment: action === 'create' ? '重病致家庭支出骤增' : '同意',
          details:
            action === 'verify'
              ? { authorisationSigned: true, authorisationDate: day }
              : action === 'publicise'
                ? { noticeFrom: p.noticeFrom, noticeTo: p.noticeTo }
                : null,
        })),
      );
      await tx.insert(monitoringRisks).values({ householdId: h.id, kind: 'illness', identifiedOn: p.started });
    });
  }
}

export const monitoringSeed: ModuleSeed = {
  name: 'monitoring',
  async run(services): Promise<NewUser[]> {
    await seedMonitoringDemo(services);
    const base = { scopeAll: false, scopeTeams: [] as number[] };
    return [
      { ...base, username: 'village_xingyi', displayName: '兴义村工作人员（演示）', role: 'town_staff', scopeDivisions: [XINGYI] },
      { ...base, username: 'county_huaiji', displayName: '怀集县审核人员（演示）', role: 'town_staff', scopeDivisions: [HUAIJI] },
    ];
  },
};
