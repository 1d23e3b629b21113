// The fixture the teams tests share: a test app holding the demo teams, people and exchanges (demoData.ts:
// the figures the tests assert come from there), and the users the tests sign in as.
import { createTestApp, type TestApp, type TestClient } from '../../../testing/app';
import { seedTeamsDemo } from '../demo';

export interface TeamsTestApp {
  t: TestApp;
  /** Demo team ids by their key in demoData.ts ('lw', 'lw-bingcun' …). */
  ids: Map<string, number>;
  /** The leader of the 丙村 team (scope: that team and its sub-teams), as the ledger and cadre tests sign in. */
  bingcunLeader(): Promise<TestClient>;
}

export async function teamsTestApp(): Promise<TeamsTestApp> {
  const t = await createTestApp();
  const ids = await seedTeamsDemo(t.services);
  return { t, ids, bingcunLeader: () => t.userClient('leader_bc', 'team_leader', { teams: [ids.get('lw-bingcun')!] }) };
}
