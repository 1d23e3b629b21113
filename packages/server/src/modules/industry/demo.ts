// Demo data: the seed's 中山 → 六盘水 industry cooperation (demoData.ts) dated relative to today, so the current
// half-year shows 1.78亿元 in place, 22 enterprises, 957 reported jobs, 4 parks with 7 enterprises and 116 people
// at work, 15 workshops with 219 — and the same period last year shows less. People are invented (演示); their
// 其中脱贫人口 comes from the 脱贫人口 roster (lifted_persons): the demo puts 15 of the park workers and 112 of the
// workshop workers on it, through the labour module's saveRosterPerson.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { creditCodeCheckChar } from '@xiezuo/shared/codes/creditCode';
import { idNumberCheckChar, maskIdNumber } from '@xiezuo/shared/codes/idNumber';
import { eq, sql } from 'drizzle-orm';
import type { NewUser } from '../../platform/auth/service';
import type { Services } from '../../platform/context';
import { systemCtx } from '../../platform/ctx';
import type { Tx } from '../../platform/db/client';
import type { ModuleSeed } from '../../platform/seed';
import { saveRosterPerson } from '../labour';
import { programmes } from '../registry';
import * as D from './demoData';
import { industryEnterprises, industryHeadcounts, industryInvestments, industryParks, industryWorkers, industryWorkshops } from './tables';

const DAY = 86_400_000;
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const lastYear = (iso: string) => `${Number(iso.slice(0, 4)) - 1}${iso.slice(4)}`;
const minDay = (a: string, b: string) => (a < b ? a : b);

/** The dates the demo uses: this half-year so far, and the same days last year. */
export function demoCalendar(today = todayInBeijing()) {
  const y = today.slice(0, 4);
  const halfStart = Number(today.slice(5, 7)) <= 6 ? `${y}-01-01` : `${y}-07-01`;
  const span = Math.max(0, Math.round((Date.parse(today) - Date.parse(halfStart)) / DAY));
  /** The i-th of n days spread over [halfStart, today]. */
  const spread = (i: number, n: number) => addDays(halfStart, Math.floor((i * span) / Math.max(1, n - 1)));
  return { today, year: Number(y), halfStart, spread };
}

/** A valid credit code for a demo enterprise of 中山 (registered in 442000). */
export function demoCreditCode(n: number): string {
  const first17 = `91442000MA${String(5000000 + n).slice(0, 7)}`;
  return first17 + creditCodeCheckChar(first17);
}

/** A valid, invented ID number of a person of `county` (6 digits), sequence n < 1000. */
export function demoWorkerId(county: string, n: number): string {
  const first17 = `${county.slice(0, 6)}19${70 + (n % 25)}0${1 + (n % 9)}1${n % 9}${String(n).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

const personName = (n: number) =>
  `${D.SURNAMES[n % D.SURNAMES.length]}${D.GIVEN[(n * 7) % D.GIVEN.length]}${D.GIVEN[(n * 3 + 1) % D.GIVEN.length]}`;

/** The demo team ids of 中山's groups by county (the teams demo's names); empty without the teams demo. */
async function groupTeams(tx: Tx): Promise<Map<string, number>> {
  const names = Object.values(D.GROUP_OF_COUNTY);
  const rows = (
    await tx.execute(
      sql`select id, name from teams where name in (${sql.join(
        names.map((n) => sql`${n}`),
        sql`, `,
      )})`,
    )
  ).rows as {
    id: number;
    name: string;
  }[];
  const byName = new Map(rows.map((r) => [r.name, Number(r.id)]));
  return new Map(Object.entries(D.GROUP_OF_COUNTY).flatMap(([county, name]) => (byName.has(name) ? [[county, byName.get(name)!]] : [])));
}

export async function seedIndustryDemo(services: Services, today = todayInBeijing()) {
  const cal = demoCalendar(today);
  return services.db.transaction(async (tx) => {
    const teams = await groupTeams(tx);
    const [prog] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.code, 'yue-qian-zs-lps'));
    const programmeId = prog?.id ?? null;
    const parkIds = await seedParks(tx, cal, teams, programmeId);
    const entIds = await seedEnterprises(tx, cal, teams, programmeId, parkIds);
    const lifted = await seedWorkers(tx, services, cal, teams, entIds);
    return { teams, parkIds, entIds, lifted };
  });
}

type Cal = ReturnType<typeof demoCalendar>;

async function seedParks(tx: Tx, cal: Cal, teams: Map<string, number>, programmeId: number | null) {
  const rows = await tx
    .insert(industryParks)
    .values(
      D.DEMO_PARKS.map(([name, county, areaMu], i) => ({
        name,
        divisionCode: county,
        helperDivisionCode: D.ZHONGSHAN,
        teamId: teams.get(county) ?? null,
        programmeId,
        areaMu,
        outputValue: String((i + 2) * 25_000_000),
        establishedOn: `${cal.year - 2}-0${3 + i}-01`,
        note: '演示数据',
      })),
    )
    .returning({ id: industryParks.id });
  return rows.map((r) => r.id);
}

async function seedEnterprises(tx: Tx, cal: Cal, teams: Map<string, number>, programmeId: number | null, parkIds: number[]) {
  const ids: number[] = [];
  for (const [i, e] of D.DEMO_ENTERPRISES.entries()) {
    const introducedOn = e.newThisYear
      ? minDay(`${cal.year}-01-${String(2 + i - 15).padStart(2, '0')}`, cal.halfStart)
      : `${cal.year - 1}-01-${String(2 + i).padStart(2, '0')}`;
    const [row] = await tx
      .insert(industryEnterprises)
      .values({
        name: e.name,
        creditCode: demoCreditCode(i + 1),
        originDivisionCode: e.origin,
        divisionCode: e.county,
        parkId: e.park == null ? null : parkIds[e.park],
        industry: e.industry,
        programmeId,
        teamId: teams.get(e.county) ?? null,
        status: e.newThisYear ? 'landed' : 'producing',
        introducedOn,
        contact: `${personName(i + 500).slice(0, 1)}经理（演示）`,
        note: '演示数据',
      })
      .returning({ id: industryEnterprises.id });
    ids.push(row.id);
    const inPlace = D.inPlaceOf(i) + (e.newThisYear ? 0 : D.FIGURES.inPlaceLastYear / 15);
    const spreadDay = cal.spread(i, 22);
    await tx.insert(industryInvestments).values([
      { enterpriseId: row.id, kind: 'signed', amount: (inPlace * 1.5).toFixed(2), day: introducedOn, note: '投资协议（演示）' },
      { enterpriseId: row.id, kind: 'in_place', amount: D.inPlaceOf(i).toFixed(2), day: spreadDay },
      ...(e.newThisYear
        ? []
        : [
            {
              enterpriseId: row.id,
              kind: 'in_place' as const,
              amount: (D.FIGURES.inPlaceLastYear / 15).toFixed(2),
              day: lastYear(spreadDay),
            },
          ]),
    ]);
    await tx
      .insert(industryHeadcounts)
      .values([
        { enterpriseId: row.id, reportedOn: cal.halfStart, jobs: D.jobsOf(i), note: '企业报送（演示）' },
        ...(e.newThisYear ? [] : [{ enterpriseId: row.id, reportedOn: lastYear(cal.halfStart), jobs: 30, note: '企业报送（演示）' }]),
      ]);
  }
  return ids;
}

async function seedWorkers(tx: Tx, services: Services, cal: Cal, teams: Map<string, number>, entIds: number[]) {
  const { cipher } = services;
  let n = 0;
  const people: DemoPerson[] = [];
  const person = (county: string, start: string) => {
    n += 1;
    const id = demoWorkerId(county, n);
    people.push({ name: `${personName(n)}（演示）`, idNumber: id });
    return {
      name: `${personName(n)}（演示）`,
      idCipher: cipher.encrypt(id),
      idHash: cipher.hash(id),
      idMasked: maskIdNumber(id),
      startDate: start,
      note: '演示数据',
    };
  };
  // the people at work in the 7 park enterprises: last year's start for the old ones
  const parkWorkers = D.DEMO_ENTERPRISES.slice(0, 7).flatMap((e, i) =>
    Array.from({ length: D.parkWorkersOf(i) }, (_, k) => ({
      ...person(e.county, `${cal.year - 1}-0${1 + (k % 9)}-15`),
      enterpriseId: entIds[i],
      homeDivisionCode: D.WORKSHOP_VILLAGES[(i + k) % D.WORKSHOP_VILLAGES.length],
    })),
  );
  await tx.insert(industryWorkers).values(parkWorkers);
  // of the park workers, the first 15 are 脱贫人口; of the workshop workers, the first 112
  const lifted = people.map((p, i) => ({ ...p, divisionCode: parkWorkers[i].homeDivisionCode })).slice(0, D.FIGURES.parkLifted);
  for (const [i, village] of D.WORKSHOP_VILLAGES.entries()) {
    const county = `${village.slice(0, 6)}000000`;
    const recognizedOn = i < 10 ? `${cal.year - 1}-03-${String(1 + i).padStart(2, '0')}` : cal.halfStart;
    const [shop] = await tx
      .insert(industryWorkshops)
      .values({
        name: `${D.WORKSHOP_KINDS[i % D.WORKSHOP_KINDS.length]}帮扶车间${String(i + 1).padStart(2, '0')}（演示）`,
        // the first is run by an introduced enterprise (its page linked from the workshop's); the others by local firms
        enterpriseId: i === 0 ? entIds[0] : null,
        operatorName: i === 0 ? null : `六盘水${D.WORKSHOP_KINDS[i % D.WORKSHOP_KINDS.length]}有限公司（演示）`,
        divisionCode: village,
        teamId: teams.get(county) ?? null,
        recognizedOn,
        recognitionDoc: `六盘水人社通〔${cal.year - (i < 10 ? 1 : 0)}〕${10 + i}号（演示）`,
        status: 'operating',
        subsidy: (50_000 + i * 5_000).toFixed(2),
        note: '演示数据',
      })
      .returning({ id: industryWorkshops.id });
    const rows = Array.from({ length: D.workshopWorkersOf(i) }, () => ({
      ...person(county, recognizedOn),
      workshopId: shop.id,
      homeDivisionCode: village,
    }));
    await tx.insert(industryWorkers).values(rows);
    const room = D.FIGURES.parkLifted + D.FIGURES.workshopLifted - lifted.length;
    lifted.push(
      ...people
        .slice(-rows.length)
        .slice(0, room)
        .map((p) => ({ ...p, divisionCode: village })),
    );
  }
  return lifted;
}

interface DemoPerson {
  name: string;
  idNumber: string;
}

/** Puts the demo's 脱贫人口 on the labour module's 脱贫人口名册 (lifted 2016–2020), so 其中脱贫人口 counts them. */
export async function seedIndustryRoster(services: Services, lifted: (DemoPerson & { divisionCode: string })[]) {
  const ctx = systemCtx(services, 'demo');
  for (const [i, p] of lifted.entries())
    await saveRosterPerson(ctx, { ...p, householdHead: p.name, liftedYear: 2016 + (i % 5), note: '演示' });
}

export const industrySeed: ModuleSeed = {
  name: 'industry',
  async run(services): Promise<NewUser[]> {
    const { teams, lifted } = await seedIndustryDemo(services);
    await seedIndustryRoster(services, lifted);
    const shuicheng = teams.get(D.COUNTIES.shuicheng);
    if (shuicheng == null) return [];
    return [
      {
        username: 'leader_shuicheng',
        displayName: '中山驻水城区工作组组长（演示）',
        role: 'team_leader',
        scopeAll: false,
        scopeDivisions: [],
        scopeTeams: [shuicheng],
      },
    ];
  },
};
