// Named persons of talent exchanges (人才交流人员): one row per trip; the ID number encrypted at rest, masked in
// lists, revealed with an audit entry; 人次 and distinct persons derived from the named rows; the minimum stay
// per kind; and an exchange with named persons never also counts its typed total.
import { idNumberCheckChar } from '@xiezuo/shared/codes/idNumber';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestClient } from '../../testing/app';
import { refresherOf } from '../indicators/service';
import { minStayDays } from './stays';
import { teamsTestApp } from './testing/fixture';

process.env.XZ_TODAY = '2026-11-23';

let t: TestApp;
let admin: TestClient;
const SHUNDE = '440606000000'; // 佛山市顺德区 (sends)
const FUCHUAN = '451123000000'; // 富川瑶族自治县 (receives)
const FUYANG = '451123100000'; // 富川 富阳镇
// invented, valid ID numbers (GB 11643): a woman born 1985-03-12, a man born 1979-11-02, a woman born 1990-06-30
const id = (first17: string) => first17 + idNumberCheckChar(first17);
const ID_A = id('44060619850312002');
const ID_B = id('44060619791102003');
const ID_C = id('44060619900630002');

beforeAll(async () => {
  ({ t } = await teamsTestApp());
  admin = await t.userClient('admin_np', 'admin', { all: true });
  for (const [code, name, level, parent] of [
    ['440000000000', '广东省', 'province', null],
    ['440600000000', '佛山市', 'city', '440000000000'],
    [SHUNDE, '顺德区', 'county', '440600000000'],
    ['450000000000', '广西壮族自治区', 'province', null],
    ['451100000000', '贺州市', 'city', '450000000000'],
    [FUCHUAN, '富川瑶族自治县', 'county', '451100000000'],
    [FUYANG, '富阳镇', 'town', FUCHUAN],
  ] as const)
    await t.services.database.query(
      'insert into divisions (code, name, level, parent_code) values ($1, $2, $3, $4) on conflict do nothing',
      [code, name, level, parent],
    );
}, 120_000);
afterAll(() => t.close());

const exchange = async (kind: string, personTimes: number, startDate = '2026-03-01') => {
  const res = await admin.post('/api/teams/exchanges', { kind, personTimes, fromDivisionCode: SHUNDE, toDivisionCode: FUCHUAN, startDate });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id as number;
};
const person = (id: number, body: Record<string, unknown>, c = admin) => c.post(`/api/teams/exchanges/${id}/persons`, body);
const summary = async () => (await admin.get(`/api/teams/exchanges/summary?side=${SHUNDE}&other=${FUCHUAN}&from=2026-01-01`)).json();
const dash = async (node: string) => {
  await refresherOf(t.services).runOnce();
  const res = await admin.get(`/api/indicators/dashboard?node=${node}&period=Y2026`);
  expect(res.statusCode, res.body).toBe(200);
  const figs = res.json().figures as { code: string; breakdown: string; value: number }[];
  return (code: string, b = '') => figs.find((f) => f.code === code && f.breakdown === b)?.value;
};

describe('named persons of an exchange', () => {
  let teachers: number;

  it('adds a teacher: gender and birth date from the ID number, stay days, masked in the list, the ID encrypted at rest, audited', async () => {
    teachers = await exchange('teacher', 12);
    const res = await person(teachers, {
      name: '陈晓燕（演示）',
      idNumber: ID_A,
      unit: '顺德区大良实验小学',
      toDivisionCode: FUYANG,
      arrivalDate: '2026-03-01',
      departureDate: '2026-07-10',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      gender: 'female',
      birthDate: '1985-03-12',
      idNumberMasked: `4406**********${ID_A.slice(-4)}`,
      field: 'education', // from the exchange's kind
      fromDivisionCode: SHUNDE,
      toDivisionCode: FUYANG,
      toDivisionName: '富阳镇',
      stayDays: 132,
      minStayDays: 30,
      meetsMinStay: true,
      trips: 1,
    });
    const list = (await admin.get(`/api/teams/exchanges/${teachers}/persons`)).json();
    expect(list.items).toHaveLength(1);
    expect(JSON.stringify(list)).not.toContain(ID_A);
    const raw = await t.services.database.query<{ j: string }>('select row_to_json(p)::text as j from talent_exchange_persons p');
    expect(raw.length).toBeGreaterThan(0);
    for (const { j } of raw) expect(j).not.toMatch(/\d{17}[\dX]/);
    const audit = await t.services.database.query<{ after: string }>(
      "select after::text from audit_log where entity = 'talent_exchange_person' and action = 'create'",
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].after).not.toContain(ID_A);
  });

  it('refuses departure before arrival, a place outside the sides, a training record and the same trip twice, naming the field', async () => {
    const base = { name: '张建华（演示）', idNumber: ID_B, arrivalDate: '2026-04-01', departureDate: '2026-05-30' };
    const early = await person(teachers, { ...base, departureDate: '2026-03-30' });
    expect(early.statusCode).toBe(400);
    expect(early.json().details).toEqual([{ path: 'body.departureDate', message: '离开日期不能早于到岗日期' }]);
    const outside = await person(teachers, { ...base, toDivisionCode: '441403000000' });
    expect(outside.json().details.map((d: { path: string }) => d.path)).toEqual(['body.toDivisionCode']);
    const training = await exchange('training', 40);
    expect((await person(training, base)).json().details).toEqual([{ path: 'params.id', message: '培训记录按人次汇总，不登记具名人员' }]);
    expect((await person(teachers, base)).statusCode).toBe(200);
    const again = await person(teachers, { ...base, departureDate: '2026-06-30' });
    expect(again.statusCode).toBe(409);
    expect(again.json().details[0].path).toBe('body.arrivalDate');
  });

  it('counts named trips instead of the typed total (no double counting), in the list, the summary and the indicators', async () => {
    // the teacher exchange typed 12 人次 but names 2 trips: it counts 2; an aggregate row of 5 doctors counts 5
    await exchange('doctor', 5);
    const list = (await admin.get('/api/teams/exchanges?kind=teacher&fromDivisionCode=440606000000')).json();
    expect(list.items[0]).toMatchObject({ personTimes: 12, namedTrips: 2, namedPersons: 2, countedPersonTimes: 2 });
    const s = await summary();
    expect(s.sent.byKind).toMatchObject({ teacher: 2, doctor: 5 });
    const gx = await dash('d:451123');
    expect(gx('teams.professionalExchanges')).toBe(7); // 2 named + 5 aggregate
    expect(gx('teams.professionalExchanges', 'teacher')).toBe(2);
    const gd = await dash('d:440606');
    expect(gd('teams.professionalsSent')).toBe(7 + 0); // the same rows at the sending side
  });

  it('applies the minimum stay: a 29-day visit is a 人次 but not a counted one; 30 days is; repeated trips are one person', async () => {
    const doctors = await exchange('doctor', 3, '2026-05-01');
    const b = { name: '李志强（演示）', idNumber: ID_B, field: 'health' };
    expect((await person(doctors, { ...b, arrivalDate: '2026-05-01', departureDate: '2026-05-29' })).json()).toMatchObject({
      stayDays: 29,
      meetsMinStay: false,
    });
    expect((await person(doctors, { ...b, arrivalDate: '2026-06-01', departureDate: '2026-06-30' })).json()).toMatchObject({
      stayDays: 30,
      meetsMinStay: true,
      trips: 3, // with the teacher trip above: one person, three 人次
    });
    const c = { name: '王春梅（演示）', idNumber: ID_C };
    expect((await person(doctors, { ...c, arrivalDate: '2026-08-01', departureDate: '2026-12-31' })).statusCode).toBe(200);
    const gx = await dash('d:451123');
    // 人次: teachers 2, the aggregate 5 doctors, these 3 doctor trips
    expect(gx('teams.professionalExchanges')).toBe(2 + 5 + 3);
    // counted 人次: all but the 29-day visit (the aggregate row counts: it was reported as 交流人次)
    expect(gx('teams.professionalsExchanged')).toBe(2 + 5 + 2);
    expect(gx('teams.professionalsExchanged', 'health')).toBe(2);
    // distinct persons: named rows only, meeting the minimum — A, B (twice) and C
    expect(gx('teams.professionalsDistinct')).toBe(3);
    const gd = await dash('d:440606');
    expect(gd('teams.professionalsSentCounted')).toBe(9);
    expect(gd('teams.professionalsSentDistinct')).toBe(3);
  });

  it('counts cadres as people with 挂职 months: a half-year minimum, months from the stay', async () => {
    const cadres = await exchange('cadre', 2, '2026-01-01');
    await person(cadres, {
      name: '赵国平（演示）',
      idNumber: id('44060619800101001'),
      arrivalDate: '2026-01-01',
      departureDate: '2026-12-31',
    });
    await person(cadres, {
      name: '周俊峰（演示）',
      idNumber: id('44060619820202001'),
      arrivalDate: '2026-02-01',
      departureDate: '2026-04-30',
    });
    const gx = await dash('d:451123');
    expect(gx('teams.cadreExchanges')).toBe(2);
    expect(gx('teams.cadresDistinct')).toBe(1); // 89 days is under the 180-day minimum
    expect(gx('teams.cadreMonthsOnDuty')).toBeCloseTo(12 + 2.9, 1); // 365 / 30.4375 = 12.0, 89 / 30.4375 = 2.9
    expect((await dash('d:440606'))('teams.cadreMonthsSent')).toBeCloseTo(14.9, 1);
  });

  it('re-marks the named rows when their exchange changes kind, and refuses moving its sides away from its persons', async () => {
    const doctors = (await admin.get('/api/teams/exchanges?kind=doctor&fromDivisionCode=440606000000&from=2026-05-01')).json().items[0];
    expect((await admin.patch(`/api/teams/exchanges/${doctors.id}`, { kind: 'technician' })).statusCode).toBe(200);
    const gx = await dash('d:451123');
    expect(gx('teams.professionalExchanges', 'doctor')).toBe(5); // the 3 named trips count as technicians now …
    expect(gx('teams.professionalsExchanged', 'health')).toBe(2); // … their field stays as entered
    const moved = await admin.patch(`/api/teams/exchanges/${doctors.id}`, { toDivisionCode: '451100000000' });
    expect(moved.statusCode).toBe(200); // 贺州市 contains 富川
    const away = await admin.patch(`/api/teams/exchanges/${doctors.id}`, { toDivisionCode: '450100000000' });
    expect(away.json().details).toEqual([{ path: 'body.toDivisionCode', message: '已登记的交流人员有不在新地区范围内的，请先修改人员' }]);
  });

  it('reveals an ID number to a permitted user only, audited; edits and deletes a trip, audited', async () => {
    const [first] = (await admin.get(`/api/teams/exchanges/${teachers}/persons`)).json().items;
    const viewer = await t.userClient('viewer_np', 'viewer', { all: true });
    expect((await viewer.post(`/api/teams/exchange-persons/${first.id}/reveal`)).statusCode).toBe(403);
    const revealed = await admin.post(`/api/teams/exchange-persons/${first.id}/reveal`);
    expect(revealed.json()).toEqual({ idNumber: ID_A });
    const audit = await t.services.database.query(
      "select 1 from audit_log where entity = 'talent_exchange_person' and action = 'reveal' and entity_id = $1",
      [String(first.id)],
    );
    expect(audit).toHaveLength(1);
    const edited = await admin.patch(`/api/teams/exchange-persons/${first.id}`, { departureDate: '2026-03-20' });
    expect(edited.json()).toMatchObject({ stayDays: 20, meetsMinStay: false });
    expect((await admin.delete(`/api/teams/exchange-persons/${first.id}`)).statusCode).toBe(200);
    const after = (await admin.get(`/api/teams/exchanges/${teachers}/persons`)).json().items;
    expect(after.map((p: { id: number }) => p.id)).not.toContain(first.id);
  });

  it('keeps persons within the exchange scope: another county sees and changes none of them', async () => {
    const other = await t.userClient('lw_np', 'team_member', { divisions: ['441403000000'] });
    expect((await other.get(`/api/teams/exchanges/${teachers}/persons`)).statusCode).toBe(404);
    expect(
      (await person(teachers, { name: '某（演示）', idNumber: ID_C, arrivalDate: '2026-09-01', departureDate: '2026-10-30' }, other))
        .statusCode,
    ).toBe(404);
    const fuchuan = await t.userClient('fc_np', 'town_staff', { divisions: [FUCHUAN] });
    expect((await fuchuan.get(`/api/teams/exchanges/${teachers}/persons`)).json().items.length).toBeGreaterThan(0);
  });
});

describe('demo named persons and settings', () => {
  it('names exactly as many trips as the demo exchanges typed, so the seed figures stay', async () => {
    const rows = await t.services.database.query<{ note: string | null; typed: number; trips: number; persons: number; short: number }>(
      `select x.note, x.person_times as typed, count(*)::int as trips, count(distinct p.id_number_hash)::int as persons,
              count(*) filter (where p.departure_date - p.arrival_date + 1 < 30)::int as short
         from talent_exchange_persons p join talent_exchanges x on x.id = p.exchange_id
        where p.note = '演示数据' group by x.id order by x.id`,
    );
    expect(rows).toEqual([
      { note: '四会市选派支教教师', typed: 20, trips: 20, persons: 19, short: 2 },
      { note: '中山选派六盘水', typed: 45, trips: 45, persons: 43, short: 3 },
    ]);
  });

  it('reads the minimum stays from the settings, defaults otherwise', () => {
    expect(minStayDays({})).toEqual({ cadre: 180, teacher: 30, doctor: 30, technician: 30, other_professional: 30 });
    expect(minStayDays({ TEAMS_MIN_STAY_DAYS_TEACHER: '60', TEAMS_MIN_STAY_DAYS_CADRE: 'x' })).toMatchObject({ teacher: 60, cadre: 180 });
  });
});
