// A team user sees the pairings and units of their team's work, not only those inside their station: the
// 丙村镇 team leader (scope: the team, stationed in 丙村镇) sees 荔湾区 → 梅县区 (the pairing of the team's
// programme whose helped side contains 丙村镇) and the team's member unit in 荔湾区, and nothing of 四会 → 富川.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/app';
import { seedTeamsDemo } from '../teams/demo';
import { registrySeed } from './demo';
import { D } from './demoData';
import { loadDivisions } from './divisionLoader';

let t: TestApp;
let leader: TestClient;
let town: TestClient;
type Row = { id: number; type: string; helper: { label: string }; helped: { label: string }; programmeName: string | null };
const label = (p: Row) => `${p.helper.label}→${p.helped.label}`;

beforeAll(async () => {
  t = await createTestApp();
  await loadDivisions(t.services.database, { codes: Object.values(D) });
  await registrySeed.run(t.services);
  const ids = await seedTeamsDemo(t.services);
  leader = await t.userClient('bc_leader', 'team_leader', { teams: [ids.get('lw-bingcun')!] });
  town = await t.userClient('bc_staff', 'town_staff', { divisions: [D.bingcun] });
});
afterAll(() => t.close());

describe('registry seen by a team', () => {
  it('lists the pairings that concern the team: its programme over its station, and its units’ pairings', async () => {
    const res = await leader.get('/api/registry/pairings?pageSize=500');
    expect(res.statusCode, res.body).toBe(200);
    const rows: Row[] = res.json().items;
    const labels = rows.map(label);
    expect(labels).toContain('荔湾区→梅县区'); // the 指挥部's pairing the team works under (second round)
    expect(labels).toContain('荔湾区→丙村镇');
    expect(labels).toContain('荔湾区某农业科技有限公司（演示）→梅县区丙村镇溪联村民委员会');
    expect(labels).not.toContain('四会市→富川瑶族自治县');
    expect(labels).not.toContain('荔湾区→畲江镇'); // another town's pairing under the same programme
    // the first round's 荔湾区 → 梅县区 is another programme: not the team's
    expect(rows.filter((r) => label(r) === '荔湾区→梅县区').map((r) => r.programmeName)).toEqual(['广东驻镇帮镇扶村 第二轮']);
    const one = rows.find((r) => label(r) === '荔湾区→梅县区')!;
    expect((await leader.get(`/api/registry/pairings/${one.id}`)).statusCode).toBe(200);
    // read, not written: changing it needs a party in the user's own divisions
    expect((await leader.request('PATCH', `/api/registry/pairings/${one.id}`, { note: '改' })).statusCode).toBe(403);
    const counts = (await leader.get('/api/registry/pairings/counts?asOf=2026-01-01')).json();
    expect(counts.find((c: { type: string }) => c.type === 'district_county')?.pairings).toBe(1);
  });

  it('lists the team’s lead and member units besides those in its station, and opens them', async () => {
    const res = await leader.get('/api/registry/units?pageSize=500');
    const names: string[] = res.json().items.map((u: { name: string }) => u.name);
    expect(names).toContain('荔湾区某农业科技有限公司（演示）'); // member unit, in 荔湾区
    expect(names).toContain('梅县区丙村镇溪联村民委员会'); // in the station
    expect(names).not.toContain('四会市人民医院（演示）');
    const id = res.json().items.find((u: { name: string }) => u.name.startsWith('荔湾区某农业')).id;
    expect((await leader.get(`/api/registry/units/${id}`)).statusCode).toBe(200);
    expect((await leader.request('PATCH', `/api/registry/units/${id}`, { note: '改' })).statusCode).toBe(403);
  });

  it('leaves a division user’s view as it was: only what lies in their division', async () => {
    const rows: Row[] = (await town.get('/api/registry/pairings?pageSize=500')).json().items;
    expect(rows.map(label)).not.toContain('荔湾区→梅县区');
    const names: string[] = (await town.get('/api/registry/units?pageSize=500')).json().items.map((u: { name: string }) => u.name);
    expect(names).toEqual(['梅县区丙村镇溪联村民委员会']);
  });
});
