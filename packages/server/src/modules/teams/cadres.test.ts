// Dispatched people: ID numbers validated (GB 11643), encrypted at rest, masked in lists, revealed only
// with sensitive.reveal and audited; who is on duty per team and per station.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestClient } from '../../testing/app';
import { teamsTestApp } from './testing/fixture';

let t: TestApp;
let ids: Map<string, number>;
let leader: TestClient;
const VALID = '11010519491231002X'; // published GB 11643 vector
const person = (over: Record<string, unknown> = {}) => ({
  name: '测试人员（演示）',
  gender: 'female',
  phone: '13800001234',
  idNumber: VALID,
  kind: 'teacher',
  sendingUnit: '广州市荔湾区教育局',
  localPost: '丙村镇中心小学教师',
  teamId: ids.get('lw-bingcun'),
  dispatchStart: '2025-09-01',
  ...over,
});

beforeAll(async () => {
  const fixture = await teamsTestApp();
  ({ t, ids } = fixture);
  leader = await fixture.bingcunLeader();
});
afterAll(() => t.close());

describe('ID numbers', () => {
  it('refuses a wrong check digit, a bad birth date and a short number, naming the field', async () => {
    const cases: [string, string][] = [
      ['110105194912310021', '身份证号校验位不正确'],
      ['110105194913310028', '身份证号中的出生日期不正确'],
      ['1101051949', '身份证号应为18位'],
    ];
    for (const [idNumber, message] of cases) {
      const res = await leader.post('/api/teams/cadres', person({ idNumber }));
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([{ path: 'body.idNumber', message }]);
    }
    leader.lang = 'en';
    expect((await leader.post('/api/teams/cadres', person({ idNumber: '110105194912310021' }))).json().details[0]).toEqual({
      path: 'body.idNumber',
      message: 'The ID number check digit is wrong',
    });
    leader.lang = 'zh-CN';
  });

  it('stores a valid one only encrypted: no 18-digit ID number anywhere in the raw tables or the audit log', async () => {
    const res = await leader.post('/api/teams/cadres', person({ idNumber: ' 11010519491231002x ' }));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ idNumberMasked: '1101**********002X', divisionCode: '441403113000', onDuty: true });
    expect(JSON.stringify(res.json())).not.toContain(VALID);
    const raw = await t.services.database.query<{ j: string }>('select row_to_json(c)::text as j from cadres c');
    expect(raw.length).toBeGreaterThan(20);
    for (const { j } of raw) expect(j).not.toMatch(/\d{17}[\dX]/);
    const audit = await t.services.database.query<{ j: string }>('select row_to_json(a)::text as j from audit_log a');
    for (const { j } of audit) expect(j).not.toMatch(/\d{17}[\dX]/);
    // …and the stored ciphertext decrypts back to it
    const [row] = await t.services.database.query<{ id_number_cipher: string }>('select id_number_cipher from cadres where id = $1', [
      res.json().id,
    ]);
    expect(t.services.cipher.decrypt(row.id_number_cipher)).toBe(VALID);
  });

  it("files a person the 丙村 leader records serving in 梅县区 without naming a team under the leader's team (in scope by it)", async () => {
    const res = await leader.post(
      '/api/teams/cadres',
      person({
        idNumber: '110105194912310046',
        teamId: undefined,
        divisionCode: '441403000000',
        dispatchStart: '2020-01-01',
        dispatchEnd: '2020-06-30',
      }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ teamId: ids.get('lw-bingcun'), divisionCode: '441403000000' });
  });

  it('refuses the same ID number twice (found by its keyed hash)', async () => {
    const res = await leader.post('/api/teams/cadres', person({ name: '重复（演示）' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().details).toEqual([{ path: 'body.idNumber', message: '该身份证号已登记' }]);
  });

  it('lists masked ID numbers only', async () => {
    const items = (await leader.get('/api/teams/cadres?pageSize=100')).json().items as { idNumberMasked: string }[];
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) expect(i.idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
  });
});

describe('changes', () => {
  it('updates a person in scope, re-encrypting a new ID number, and refuses a move to another team', async () => {
    const [c] = (await leader.get('/api/teams/cadres?q=测试人员')).json().items;
    const res = await leader.patch(`/api/teams/cadres/${c.id}`, { localPost: '丙村镇中心小学副校长', idNumber: '440103198001011231' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ localPost: '丙村镇中心小学副校长', idNumberMasked: '4401**********1231' });
    const [row] = await t.services.database.query<{ id_number_cipher: string; id_number_hash: string }>(
      'select id_number_cipher, id_number_hash from cadres where id = $1',
      [c.id],
    );
    expect(t.services.cipher.decrypt(row.id_number_cipher)).toBe('440103198001011231');
    expect(row.id_number_hash).toBe(t.services.cipher.hash('440103198001011231'));
    const move = await leader.patch(`/api/teams/cadres/${c.id}`, { teamId: ids.get('lw-shejiang') });
    expect(move.statusCode).toBe(403);
    // back to the published vector for the tests below
    expect((await leader.patch(`/api/teams/cadres/${c.id}`, { idNumber: VALID })).statusCode).toBe(200);
  });
});

describe('reveal', () => {
  it('shows the full number to a permitted user in scope and writes a reveal audit entry', async () => {
    const [c] = (await leader.get('/api/teams/cadres?q=测试人员')).json().items;
    const res = await leader.post(`/api/teams/cadres/${c.id}/reveal`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ idNumber: VALID });
    const audit = await t.services.database.query<{ actor_name: string; after: unknown }>(
      "select actor_name, after from audit_log where action = 'reveal' and entity = 'cadre' and entity_id = $1",
      [String(c.id)],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_name).toBe('leader_bc');
  });

  it('refuses roles without sensitive.reveal and people outside scope, without an audit entry', async () => {
    const viewer = await t.userClient('viewer1', 'viewer', { all: true });
    const member = await t.userClient('member_bc', 'team_member', { teams: [ids.get('lw-bingcun')!] });
    const [c] = (await leader.get('/api/teams/cadres?q=测试人员')).json().items;
    expect((await viewer.post(`/api/teams/cadres/${c.id}/reveal`)).json().code).toBe('FORBIDDEN');
    expect((await member.post(`/api/teams/cadres/${c.id}/reveal`)).json().code).toBe('FORBIDDEN');
    const outsider = await t.userClient('leader_sj', 'team_leader', { teams: [ids.get('lw-shejiang')!] });
    expect((await outsider.post(`/api/teams/cadres/${c.id}/reveal`)).json().code).toBe('OUT_OF_SCOPE');
    const n = await t.services.database.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'reveal'");
    expect(n[0].n).toBe(1);
  });
});

describe('on duty', () => {
  it('counts the people whose dispatch covers the day, per team and per station', async () => {
    const admin = await t.userClient('admin1', 'admin', { all: true });
    const now = (await admin.get(`/api/teams/cadres/on-duty?teamId=${ids.get('lw-bingcun')}`)).json();
    // round 2 (何志强, 张浩然, 许静怡) plus the teacher created above; 刘敏 left with round 1
    expect(now.total).toBe(4);
    expect(now.people.map((p: { name: string }) => p.name)).not.toContain('刘敏（演示）');
    expect(now.byTeam).toEqual([
      { teamId: ids.get('lw-bingcun'), teamName: '荔湾驻丙村镇帮扶工作队', total: 4, byKind: { cadre: 2, agronomist: 1, teacher: 1 } },
    ]);
    const before = (await admin.get(`/api/teams/cadres/on-duty?teamId=${ids.get('lw-bingcun')}&on=2023-01-01`)).json();
    expect(before.people.map((p: { name: string }) => p.name).sort()).toEqual(['何志强（演示）', '刘敏（演示）'].sort());
    // per division: everyone serving in 梅县区 (group + five teams)
    const meixian = (await admin.get('/api/teams/cadres/on-duty?divisionCode=441403000000')).json();
    expect(meixian.byDivision.map((d: { divisionCode: string }) => d.divisionCode)).toContain('441403113000');
    expect(meixian.total).toBe(meixian.byDivision.reduce((s: number, d: { total: number }) => s + d.total, 0));
    expect(meixian.total).toBe(11);
  });

  it('a team leader sees only their own team on duty', async () => {
    const mine = (await leader.get('/api/teams/cadres/on-duty')).json();
    expect(mine.byTeam.map((r: { teamId: number }) => r.teamId)).toEqual([ids.get('lw-bingcun')]);
  });
});
