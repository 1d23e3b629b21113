// Demo data: the teams of the seed reports with invented people (marked 演示), rotation in 丙村, and
// talent exchanges that add up to the seed's figures. Runs after the registry seed; programmes and
// units are looked up by name and simply left empty when the registry has none.
import { demoCalendar, shiftDays } from '@xiezuo/shared/calendar/demoDates';
import { birthDateOfId, genderOfId, idNumberCheckChar } from '@xiezuo/shared/codes/idNumber';
import { defaultFieldOf } from '@xiezuo/shared/contracts/teams';
import { eq, ilike, sql } from 'drizzle-orm';
import type { NewUser } from '../../platform/auth/service';
import type { Services } from '../../platform/context';
import type { Tx } from '../../platform/db/client';
import type { ModuleSeed } from '../../platform/seed';
import { programmes, units } from '../registry';
import { DEMO_EXCHANGES, DEMO_NAMED, DEMO_TEAMS, type DemoTeam, demoExchangeYear, demoPersonName } from './demoData';
import { cadres, talentExchangePersons, talentExchanges, teamMembers, teams, teamUnits } from './tables';

/** A valid, obviously invented ID number: region of the sending side, born 1980–1989, sequence n. */
export function demoIdNumber(region: string, n: number): string {
  const first17 = `${region}198${n % 10}0${1 + (n % 9)}1${n % 10}${String(100 + (n % 900)).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

async function unitIdLike(tx: Tx, fragment: string | undefined) {
  if (!fragment) return null;
  const [row] = await tx
    .select({ id: units.id })
    .from(units)
    .where(ilike(units.name, `%${fragment}%`))
    .orderBy(units.id)
    .limit(1);
  return row?.id ?? null;
}

async function programmeId(tx: Tx, code: string) {
  const [row] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.code, code));
  return row?.id ?? null;
}

async function seedTeam(tx: Tx, services: Services, t: DemoTeam, parentId: number | null, seq: { n: number }, people: Map<string, number>) {
  const [team] = await tx
    .insert(teams)
    .values({
      parentId,
      name: t.name,
      kind: t.kind,
      divisionCode: t.divisionCode,
      programmeId: await programmeId(tx, t.programme),
      leadUnitId: await unitIdLike(tx, t.leadUnit),
      startDate: t.start,
      note: '演示数据',
    })
    .returning({ id: teams.id });
  const memberUnits: number[] = [];
  for (const u of t.memberUnits ?? []) {
    const id = await unitIdLike(tx, u); // in turn: one transaction, one connection
    if (id != null) memberUnits.push(id);
  }
  if (memberUnits.length) await tx.insert(teamUnits).values(memberUnits.map((unitId) => ({ teamId: team.id, unitId })));
  const rounds: [number, typeof t.round1, string, string | null][] = [[1, t.round1, t.start, t.rotatedOn ?? null]];
  if (t.round2 && t.rotatedOn) rounds.push([2, t.round2, nextDay(t.rotatedOn), null]);
  for (const [round, list, start, end] of rounds) {
    for (const [name, gender, kind, sendingUnit, localPost, role] of list) {
      let cadreId = people.get(name);
      if (!cadreId) {
        seq.n += 1;
        const idNumber = demoIdNumber(t.divisionCode.startsWith('44') ? '440103' : '442000', seq.n);
        const [c] = await tx
          .insert(cadres)
          .values({
            name,
            gender,
            kind,
            sendingUnit,
            localPost,
            phone: `1380000${String(seq.n).padStart(4, '0')}`,
            idNumberCipher: services.cipher.encrypt(idNumber),
            idNumberHash: services.cipher.hash(idNumber),
            teamId: team.id,
            divisionCode: t.divisionCode,
            dispatchStart: start,
            dispatchEnd: end,
            note: '演示数据',
          })
          .returning({ id: cadres.id });
        cadreId = c.id;
        people.set(name, cadreId);
      } else if (end === null) {
        // stays on for the next round: the dispatch period runs on
        await tx.execute(sql`update cadres set dispatch_end = null where id = ${cadreId}`);
      }
      await tx.insert(teamMembers).values({ teamId: team.id, cadreId, role, round, startDate: start, endDate: end });
    }
  }
  return team.id;
}

function nextDay(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Inserts the demo teams, people and exchanges; returns team ids by key. */
export async function seedTeamsDemo(services: Services): Promise<Map<string, number>> {
  return services.db.transaction(async (tx) => {
    const ids = new Map<string, number>();
    const seq = { n: 0 };
    const people = new Map<string, number>();
    for (const t of DEMO_TEAMS) ids.set(t.key, await seedTeam(tx, services, t, t.parent ? ids.get(t.parent)! : null, seq, people));
    const yueGui = await programmeId(tx, 'yue-gui-2021');
    const cal = demoCalendar();
    const halfStart = cal.currentHalf.from.slice(4); // -01-01 or -07-01
    const exchanges = await tx
      .insert(talentExchanges)
      .values(
        DEMO_EXCHANGES.map(([kind, personTimes, from, to, reportYear, note]) => {
          const year = demoExchangeYear(cal, reportYear);
          return {
            kind,
            personTimes,
            fromDivisionCode: from,
            toDivisionCode: to,
            programmeId: from.startsWith('45') || to.startsWith('45') ? yueGui : null,
            startDate: `${year}${halfStart}`,
            endDate: `${year}-12-31`,
            note: note ?? '演示数据',
          };
        }),
      )
      .returning();
    await seedNamedPersons(tx, services, exchanges);
    // the 丙村 team's own record (item 3 of #19): 荔湾区 agronomists to 梅县区, this half-year and 同期
    const bingcun = ids.get('lw-bingcun');
    await tx.insert(talentExchanges).values(
      [
        [cal.year, 6],
        [cal.year - 1, 4],
      ].map(([year, personTimes]) => ({
        kind: 'technician' as const,
        personTimes,
        fromDivisionCode: '440103000000',
        toDivisionCode: '441403000000',
        teamId: bingcun,
        startDate: `${year}${halfStart}`,
        endDate: `${year}-12-31`,
        note: '丙村镇工作队：荔湾区农技人员驻村指导（演示）',
      })),
    );
    return ids;
  });
}

/** The named persons of DEMO_NAMED: as many trips as their exchange's typed 人次, arriving over its first weeks. */
async function seedNamedPersons(tx: Tx, services: Services, exchanges: (typeof talentExchanges.$inferSelect)[]) {
  let seq = 500;
  for (const d of DEMO_NAMED) {
    const x = exchanges.find(
      (e) => e.kind === d.kind && e.fromDivisionCode === d.from && e.toDivisionCode === d.to && (d.note === undefined || e.note === d.note),
    );
    if (!x) continue;
    const persons = x.personTimes - d.repeats;
    const ids = Array.from({ length: persons }, () => demoIdNumber(d.region, ++seq));
    await tx.insert(talentExchangePersons).values(
      Array.from({ length: x.personTimes }, (_, k) => {
        // the last trips: short visitors back for a full stay, after their visit
        const who = k < persons ? k : persons - d.short + (k - persons);
        const idNumber = ids[who];
        const arrival = shiftDays(x.startDate, k < persons ? k * 2 : 2 * persons + 20 + (k - persons) * 2);
        const days = k >= persons - d.short && k < persons ? 14 : d.stay;
        return {
          exchangeId: x.id,
          name: demoPersonName(seq - persons + who),
          gender: genderOfId(idNumber),
          birthDate: birthDateOfId(idNumber),
          idNumberCipher: services.cipher.encrypt(idNumber),
          idNumberHash: services.cipher.hash(idNumber),
          field: defaultFieldOf(d.kind),
          unit: d.unit,
          fromDivisionCode: d.from,
          toDivisionCode: d.places[k % d.places.length],
          arrivalDate: arrival,
          departureDate: shiftDays(arrival, days - 1),
          note: '演示数据',
        };
      }),
    );
  }
}

export const teamsSeed: ModuleSeed = {
  name: 'teams',
  async run(services): Promise<NewUser[]> {
    const ids = await seedTeamsDemo(services);
    const base = { scopeAll: false, scopeDivisions: [] as string[], scopeTeams: [] as number[] };
    return [
      { ...base, username: 'hq_guangqing', displayName: '广清指挥部（演示）', role: 'hq', scopeTeams: [ids.get('gq')!] },
      {
        ...base,
        username: 'leader_bingcun',
        displayName: '丙村镇工作队队长（演示）',
        role: 'team_leader',
        scopeTeams: [ids.get('lw-bingcun')!],
      },
      {
        ...base,
        username: 'member_bingcun',
        displayName: '丙村镇工作队队员（演示）',
        role: 'team_member',
        scopeTeams: [ids.get('lw-bingcun')!],
      },
      { ...base, username: 'staff_gangping', displayName: '岗坪镇工作人员（演示）', role: 'town_staff', scopeDivisions: ['441224109000'] },
      { ...base, username: 'viewer_teams', displayName: '只读用户（演示）', role: 'viewer', scopeAll: true },
    ];
  },
};
