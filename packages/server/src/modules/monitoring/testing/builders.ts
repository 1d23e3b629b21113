// Test builders: the division tree down to two villages, people with valid ID numbers, a household with its
// members, a visit, a measure — written through the module's services (as the app writes them), so a test
// builds what it needs instead of leaning on the demo data set (demo.ts), whose figures are the demo's own.
import { idNumberCheckChar } from '@xiezuo/shared/codes/idNumber';
import type { Category, EntryDoor, MemberInput, RiskKind, VisitCreate } from '@xiezuo/shared/contracts/monitoring';
import { eq, sql } from 'drizzle-orm';
import type { Ctx, Services } from '../../../platform/context';
import { addMeasure, addRisk, type MeasureBody, recordVisit } from '../activity';
import { createHousehold } from '../households';
import { monitoringHouseholds } from '../tables';

export const HUAIJI = '441224000000'; // 怀集县
export const GANGPING = '441224109000'; // 岗坪镇
export const ZENGCUN = '441224109201'; // 曾村村委会
export const XINGYI = '441224109202'; // 兴义村委会

/** Province, city, county and town, and the town's villages (by default 曾村 and 兴义). */
export async function insertVillages(
  services: Services,
  villages: [code: string, name: string][] = [
    [ZENGCUN, '曾村村委会'],
    [XINGYI, '兴义村委会'],
  ],
) {
  const rows: [string, string, string, string | null][] = [
    ['440000000000', '广东省', 'province', null],
    ['441200000000', '肇庆市', 'city', '440000000000'],
    [HUAIJI, '怀集县', 'county', '441200000000'],
    [GANGPING, '岗坪镇', 'town', HUAIJI],
    ...villages.map(([code, name]) => [code, name, 'village', GANGPING] as [string, string, string, string]),
  ];
  for (const [code, name, level, parent] of rows) {
    await services.db.execute(
      sql`insert into divisions (code, name, level, parent_code) values (${code}, ${name}, ${level}, ${parent}) on conflict (code) do nothing`,
    );
  }
}

let seq = 100;
/** A valid ID number (GB 11643) of someone born on `birth`, a different one each call. */
export function testIdNumber(birth = '1972-02-02'): string {
  const first17 = `441224${birth.replaceAll('-', '')}${String(seq++ % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** A member as the API takes it; the birth date follows the ID number. */
export function person(over: Partial<MemberInput> = {}): MemberInput {
  const idNumber = over.idNumber ?? testIdNumber(over.birthDate);
  return {
    name: '测试成员',
    relation: 'head',
    gender: 'male',
    birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
    idNumber,
    health: 'healthy',
    disability: 'none',
    schooling: 'not_in_school',
    work: 'farming',
    ...over,
  };
}

export interface BuiltHousehold {
  id: number;
  village: string;
  head: string; // the head's ID number
  members: MemberInput[];
}

/**
 * A household registered through the module's service (with ctx's scope and actor): the first member is
 * the head. It is being identified (入户核实) unless `monitored` gives the day it became a 监测对象.
 */
export async function insertHousehold(
  ctx: Ctx,
  o: {
    village: string;
    members?: Partial<MemberInput>[];
    category?: Category;
    entryDoor?: EntryDoor;
    incomePerHead?: number;
    monitored?: string;
  },
): Promise<BuiltHousehold> {
  const members = (o.members ?? [{}]).map((m, i) =>
    person({ relation: i === 0 ? 'head' : 'child', name: i === 0 ? '测试户主' : `测试成员${i}`, ...m }),
  );
  const h = await createHousehold(ctx, {
    divisionCode: o.village,
    entryDoor: o.entryDoor ?? 'cadre_check',
    category: o.category ?? 'marginal',
    isLifted: false,
    dibao: false,
    tekun: false,
    incomePerHead: o.incomePerHead ?? null,
    incomeYear: o.incomePerHead == null ? null : 2025,
    members,
  });
  if (o.monitored) {
    await ctx.services.db
      .update(monitoringHouseholds)
      .set({ status: 'monitored', stage: null, procedureStartedOn: null, stageEnteredAt: null, identifiedOn: o.monitored })
      .where(eq(monitoringHouseholds.id, h.id));
  }
  return { id: h.id, village: o.village, head: members[0].idNumber, members };
}

/** A home visit through the module's service (nothing opened or closed unless `over` says so). */
export function insertVisit(ctx: Ctx, householdId: number, over: Partial<VisitCreate> = {}) {
  return recordVisit(ctx, householdId, {
    visitedOn: '2025-08-01',
    visitors: '测试走访人员',
    findings: '家庭情况已核实',
    openRisks: [],
    closeRiskIds: [],
    followedMeasureIds: [],
    photoIds: [],
    ...over,
  });
}

/** An assistance measure through the module's service. */
export function insertMeasure(ctx: Ctx, householdId: number, over: Partial<MeasureBody> = {}) {
  return addMeasure(ctx, householdId, {
    kind: 'education',
    description: '雨露计划助学补助（测试）',
    amount: 3000,
    startOn: '2025-07-20',
    ...over,
  });
}

/** An open risk of the household, through the module's service. */
export function insertRisk(ctx: Ctx, householdId: number, kind: RiskKind, identifiedOn = '2025-06-03') {
  return addRisk(ctx, householdId, { kind, identifiedOn });
}
