// The talent exchange ledger: "Guangdong sent 376 cadres and 3523 professionals to Guangxi since 2021"
// is one query, and so is what it received back; rows are scoped by either side.
import { demoCalendar } from '@xiezuo/shared/calendar/demoDates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestClient } from '../../testing/app';
import { teamsTestApp } from './testing/fixture';

let t: TestApp;
let admin: TestClient;
let ids: Map<string, number>;
let bingcunLeader: () => Promise<TestClient>;
const GD = '440000000000';
const GX = '450000000000';
const year = demoCalendar().reportYear; // the report's 2021–2025, as the demo dates them (ending this year)

beforeAll(async () => {
  ({ t, ids, bingcunLeader } = await teamsTestApp());
  admin = await t.userClient('admin1', 'admin', { all: true });
});
afterAll(() => t.close());

describe('exchange summary', () => {
  it('gives the seed figures: Guangdong ↔ Guangxi since 2021', async () => {
    const res = await admin.get(`/api/teams/exchanges/summary?side=${GD}&other=${GX}&from=2021-01-01`);
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.sent.byGroup).toEqual({ cadre: 376, professional: 3523, training: 1200 });
    expect(s.received.byGroup).toEqual({ cadre: 447, professional: 3458, training: 0 });
    expect(s.sent.byKind.teacher + s.sent.byKind.doctor + s.sent.byKind.technician + s.sent.byKind.other_professional).toBe(3523);
    expect(s.byYear.map((y: { year: number }) => y.year)).toEqual([2021, 2022, 2023, 2024, 2025].map(year));
    expect(s.byYear.reduce((n: number, y: { received: number }) => n + y.received, 0)).toBe(447 + 3458);
  });

  it('is the same rows seen from the other side (no double counting)', async () => {
    const s = (await admin.get(`/api/teams/exchanges/summary?side=${GX}&other=${GD}&from=2021-01-01`)).json();
    expect(s.sent.byGroup).toEqual({ cadre: 447, professional: 3458, training: 0 });
    expect(s.received.byGroup).toEqual({ cadre: 376, professional: 3523, training: 1200 });
  });

  it('honours the period and counts a more local row in its province', async () => {
    const all = (await admin.get(`/api/teams/exchanges/summary?side=${GD}&other=${GX}`)).json();
    expect(all.sent.byGroup.cadre).toBe(376 + 50); // the 2020 row counts when no period is asked
    const y2024 = (
      await admin.get(`/api/teams/exchanges/summary?side=${GD}&other=${GX}&from=${year(2024)}-01-01&to=${year(2024)}-12-31`)
    ).json();
    expect(y2024.sent.byKind.teacher).toBe(310 + 20); // 四会 → 富川 is part of Guangdong → Guangxi
    // without `other`: everywhere outside Guangdong, so Zhongshan → Liupanshui counts too
    const anywhere = (await admin.get(`/api/teams/exchanges/summary?side=${GD}&from=2021-01-01`)).json();
    expect(anywhere.sent.byGroup.cadre).toBe(376 + 30);
  });

  it('answers only within the user scope', async () => {
    const fuchuan = await t.userClient('fc', 'town_staff', { divisions: ['451123000000'] });
    const s = (await fuchuan.get(`/api/teams/exchanges/summary?side=${GD}&other=${GX}&from=2021-01-01`)).json();
    expect(s.sent.total).toBe(20);
    const list = (await fuchuan.get('/api/teams/exchanges')).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ fromDivisionCode: '441284000000', toDivisionCode: '451123000000', personTimes: 20 });
  });
});

describe('exchange records', () => {
  it('records an exchange, audited, and refuses the same place on both sides naming the field', async () => {
    const body = {
      kind: 'doctor',
      personTimes: 12,
      fromDivisionCode: '442000000000',
      toDivisionCode: '520204000000',
      startDate: '2026-03-01',
    };
    const res = await admin.post('/api/teams/exchanges', body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'doctor', personTimes: 12 });
    const audit = await t.services.database.query("select 1 from audit_log where entity = 'talent_exchange' and action = 'create'");
    expect(audit).toHaveLength(1);
    const same = await admin.post('/api/teams/exchanges', { ...body, toDivisionCode: body.fromDivisionCode });
    expect(same.statusCode).toBe(400);
    expect(same.json().details).toEqual([{ path: 'body.toDivisionCode', message: '派出地与接收地不能相同' }]);
    const bad = await admin.post('/api/teams/exchanges', { ...body, personTimes: 0, fromDivisionCode: '4420' });
    expect(
      bad
        .json()
        .details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['body.fromDivisionCode', 'body.personTimes']);
  });

  it("lets the 丙村 team leader record 荔湾区 → 梅县区 (the pairing's two sides): the exchange is the team's, in scope by it", async () => {
    const leader = await bingcunLeader();
    const body = {
      kind: 'teacher',
      personTimes: 3,
      fromDivisionCode: '440103000000',
      toDivisionCode: '441403000000',
      startDate: '2026-03-01',
    };
    const res = await leader.post('/api/teams/exchanges', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ teamId: ids.get('lw-bingcun') });
    // the leader finds it in their list and may correct it
    const list = (await leader.get('/api/teams/exchanges?pageSize=100')).json();
    expect(list.items.map((i: { id: number }) => i.id)).toContain(res.json().id);
    expect((await leader.patch(`/api/teams/exchanges/${res.json().id}`, { personTimes: 4 })).statusCode).toBe(200);
    // naming another team (out of their scope) is still refused
    const other = await leader.post('/api/teams/exchanges', { ...body, teamId: ids.get('lw') });
    expect(other.json().code).toBe('OUT_OF_SCOPE');
  });

  it('refuses a write with neither side in scope', async () => {
    const staff = await t.userClient('lw_member', 'team_member', { divisions: ['441403000000'] });
    const res = await staff.post('/api/teams/exchanges', {
      kind: 'cadre',
      personTimes: 1,
      fromDivisionCode: GD,
      toDivisionCode: GX,
      startDate: '2025-01-01',
    });
    expect(res.json().code).toBe('OUT_OF_SCOPE');
  });
});
