// Teams, members by round, and scope: a town team leader sees and edits only their team and its sub-teams.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestClient } from '../../testing/app';
import { teamsTestApp } from './testing/fixture';

let t: TestApp;
let ids: Map<string, number>;
let admin: TestClient;
let leader: TestClient;
const id = (key: string) => ids.get(key)!;

beforeAll(async () => {
  const fixture = await teamsTestApp();
  ({ t, ids } = fixture);
  admin = await t.userClient('admin1', 'admin', { all: true });
  leader = await fixture.bingcunLeader();
});
afterAll(() => t.close());

describe('team tree', () => {
  it('lists every team with its parent, kind and station for a user who sees everything', async () => {
    const res = await admin.get('/api/teams');
    expect(res.statusCode).toBe(200);
    const rows = res.json() as {
      id: number;
      parentId: number | null;
      kind: string;
      name: string;
      divisionCode: string;
      membersNow: number;
    }[];
    expect(rows).toHaveLength(16);
    const lw = rows.filter((r) => r.parentId === id('lw')).map((r) => r.name);
    expect(lw).toEqual([
      '荔湾驻丙村镇帮扶工作队',
      '荔湾驻畲江镇帮扶工作队',
      '荔湾驻南口镇帮扶工作队',
      '荔湾驻白渡镇帮扶工作队',
      '荔湾驻松源镇帮扶工作队',
    ]);
    const zs = rows.filter((r) => r.parentId === id('zs'));
    expect(zs.map((r) => r.divisionCode).sort()).toEqual(['520203000000', '520204000000', '520281000000']);
    expect(rows.find((r) => r.id === id('gangping'))).toMatchObject({ kind: 'team', divisionCode: '441224109000', membersNow: 2 });
  });

  it('shows the members on a date: rotation replaces round 1 by round 2', async () => {
    const now = (await admin.get(`/api/teams/${id('lw-bingcun')}`)).json();
    expect(now.rounds).toEqual([1, 2]);
    expect(now.members.map((m: { name: string; role: string; round: number }) => [m.name, m.role, m.round])).toEqual([
      ['何志强（演示）', 'leader', 2],
      ['张浩然（演示）', 'deputy', 2],
      ['许静怡（演示）', 'liaison', 2],
    ]);
    const then = (await admin.get(`/api/teams/${id('lw-bingcun')}?on=2022-03-01`)).json();
    expect(then.members.map((m: { name: string }) => m.name)).toEqual(['何志强（演示）', '刘敏（演示）']);
    const round1 = (await admin.get(`/api/teams/${id('lw-bingcun')}?round=1`)).json();
    expect(round1.members.every((m: { round: number; endDate: string }) => m.round === 1 && m.endDate === '2024-06-30')).toBe(true);
    // the day of rotation belongs to round 1, the next day to round 2
    expect((await admin.get(`/api/teams/${id('lw-bingcun')}?on=2024-06-30`)).json().members).toHaveLength(2);
    expect((await admin.get(`/api/teams/${id('lw-bingcun')}?on=2024-07-01`)).json().members).toHaveLength(3);
  });

  it('creates a nested team with member units and audits it; refuses a parent cycle naming the field', async () => {
    const res = await admin.post('/api/teams', { name: '测试工作队', kind: 'team', parentId: id('sh'), divisionCode: '451123100000' });
    expect(res.statusCode).toBe(200);
    const created = res.json();
    expect(created).toMatchObject({ parentId: id('sh'), kind: 'team' });
    const cycle = await admin.patch(`/api/teams/${id('sh')}`, { parentId: created.id });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().details).toEqual([{ path: 'body.parentId', message: '不能把队伍设为自己下级的下级' }]);
    const audit = await t.services.database.query<{ action: string }>(
      "select action from audit_log where entity = 'team' and entity_id = $1",
      [String(created.id)],
    );
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses a unit or programme that does not exist, naming the field', async () => {
    const res = await admin.patch(`/api/teams/${id('sh')}`, { memberUnitIds: [999999], programmeId: null });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ path: 'body.memberUnitIds', message: '所选记录不存在' }]);
    const prog = await admin.post('/api/teams', { name: 'x', kind: 'team', divisionCode: '451123100000', programmeId: 999999 });
    expect(prog.json().details).toEqual([{ path: 'body.programmeId', message: '所选记录不存在' }]);
  });

  it("adds a member to the team's current round when no round is given (丙村 is on its second)", async () => {
    const team = id('lw-bingcun');
    const cadre = (await admin.get(`/api/teams/cadres?teamId=${id('lw-shejiang')}`)).json().items[0];
    const res = await admin.post(`/api/teams/${team}/members`, { cadreId: cadre.id, role: 'member', startDate: '2025-03-01' });
    expect(res.statusCode, res.body).toBe(200);
    const round2 = (await admin.get(`/api/teams/${team}?round=2`)).json().members;
    expect(round2.find((m: { cadreId: number }) => m.cadreId === cadre.id)).toMatchObject({ round: 2 });
  });

  it('adds a member for a round, and refuses the same person twice in one round', async () => {
    const team = id('lw-nankou');
    const cadre = (await admin.get(`/api/teams/cadres?teamId=${id('lw-songyuan')}`)).json().items[0];
    const body = { cadreId: cadre.id, role: 'member', round: 2, startDate: '2025-01-01' };
    expect((await admin.post(`/api/teams/${team}/members`, body)).statusCode).toBe(200);
    const again = await admin.post(`/api/teams/${team}/members`, body);
    expect(again.statusCode).toBe(409);
    expect(again.json().details).toEqual([{ path: 'body.cadreId', message: `${cadre.name}已是该队第2轮队员，不能重复添加` }]);
    // in another round over days they are already a member: the same message
    expect((await admin.post(`/api/teams/${team}/members`, { ...body, round: 3 })).json().details[0].path).toBe('body.cadreId');
    const bad = await admin.post(`/api/teams/${team}/members`, { ...body, round: 3, startDate: '2025-02-01', endDate: '2025-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('body.endDate');
  });
});

describe('contract', () => {
  it('documents the teams API in the OpenAPI document', async () => {
    const doc = (await t.client().get('/api/openapi.json')).json();
    for (const path of [
      '/api/teams',
      '/api/teams/{id}',
      '/api/teams/cadres',
      '/api/teams/cadres/{id}/reveal',
      '/api/teams/cadres/on-duty',
      '/api/teams/exchanges/summary',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});

describe('scope', () => {
  it('a town team leader lists only their own team and its sub-teams', async () => {
    const sub = await leader.post('/api/teams', {
      name: '丙村镇溪联村帮扶小组',
      kind: 'team',
      parentId: id('lw-bingcun'),
      divisionCode: '441403113000',
    });
    expect(sub.statusCode).toBe(200);
    const rows = (await leader.get('/api/teams')).json() as { id: number }[];
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([id('lw-bingcun'), sub.json().id]);
  });

  it('a town team leader cannot read or change another team, its members or its people', async () => {
    const other = id('lw-shejiang');
    expect((await leader.get(`/api/teams/${other}`)).json().code).toBe('OUT_OF_SCOPE');
    expect((await leader.get(`/api/teams/${id('lw')}`)).statusCode).toBe(403);
    expect((await leader.patch(`/api/teams/${other}`, { note: 'x' })).statusCode).toBe(403);
    const otherCadres = (await admin.get(`/api/teams/cadres?teamId=${other}`)).json().items as { id: number }[];
    const member = (await admin.get(`/api/teams/${other}`)).json().members[0];
    expect((await leader.patch(`/api/teams/members/${member.id}`, { role: 'deputy' })).statusCode).toBe(403);
    expect(
      (await leader.post(`/api/teams/${other}/members`, { cadreId: otherCadres[0].id, role: 'member', startDate: '2025-01-01' }))
        .statusCode,
    ).toBe(403);
    expect((await leader.get(`/api/teams/cadres/${otherCadres[0].id}`)).statusCode).toBe(403);
    // nor place a new team outside their subtree
    const outside = await leader.post('/api/teams', { name: 'x', kind: 'team', parentId: other, divisionCode: '441403107000' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().details[0].path).toBe('body.parentId');
    // the rows are untouched
    expect((await admin.get(`/api/teams/${other}`)).json().members[0].role).toBe(member.role);
  });

  it('a team leader may change their own team members', async () => {
    const member = (await leader.get(`/api/teams/${id('lw-bingcun')}`)).json().members.find((m: { role: string }) => m.role === 'liaison');
    const res = await leader.patch(`/api/teams/members/${member.id}`, { role: 'member' });
    expect(res.statusCode).toBe(200);
  });

  it('a group leader sees the group and all five town teams; town staff see the team stationed in their town', async () => {
    const group = await t.userClient('group_lw', 'hq', { teams: [id('lw')] });
    const names = ((await group.get('/api/teams')).json() as { name: string }[]).map((r) => r.name);
    expect(names).toHaveLength(7); // group, five teams, the sub-team created above
    expect(names).toContain('荔湾驻松源镇帮扶工作队');
    const staff = await t.userClient('staff_gp', 'town_staff', { divisions: ['441224109000'] });
    expect(((await staff.get('/api/teams')).json() as { name: string }[]).map((r) => r.name)).toEqual([
      '顺德龙江驻怀集县岗坪镇帮镇扶村工作队',
    ]);
    expect((await staff.post('/api/teams', { name: 'x', kind: 'team', divisionCode: '441224109000' })).json().code).toBe('FORBIDDEN');
  });
});
