// A county's household ledger goes in without holding up everyone else: other requests
// are answered while the commit stages its rows (between its chunks), and none of them ever sees part of
// the import — before the commit they see none of its households, after it all of them. Told by what each
// request saw (the order of events), never by how long it waited: the waits are measured in bench:import.
import { idNumberCheckChar } from '@xiezuo/shared/codes/idNumber';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upload, waitFor } from '../../../platform/ledgers/testing/helpers';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/app';
import { GANGPING, insertVillages, XINGYI, ZENGCUN } from '../testing/builders';

// three chunks of the staging copy (1,000 rows each): enough for requests to fall between them; the bench measures 10,000
const N = 3_000;
let t: TestApp;
let town: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  await insertVillages(t.services);
  town = await t.userClient('town', 'town_staff', { divisions: [GANGPING] });
});
afterAll(() => t.close());

/** Head k's ID number: born on day k after 1950-01-01 in 怀集县, valid check character. */
function head(k: number) {
  const birth = new Date(Date.UTC(1950, 0, 1) + (k % 20_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `441224${birth}${String(100 + Math.floor(k / 20_000)).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

describe('a household ledger commit on PGlite', () => {
  it('serves other requests between its chunks, and none of them sees half of it', { timeout: 300_000 }, async () => {
    const lines = ['所在村区划代码,户主姓名,户主身份证号,监测类别,纳入途径'];
    for (let k = 0; k < N; k++) lines.push(`${k % 2 ? XINGYI : ZENGCUN},户主${k},${head(k)},边缘易致贫户,干部排查`);
    const res = await upload(town, 'monitoring-households', 'households.csv', Buffer.from(lines.join('\n')));
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().id as string;
    const checked = await waitFor(town, id);
    expect(checked).toMatchObject({ status: 'ready', valid: N, toInsert: N, rejected: 0 });

    const commit = await town.post(`/api/ledgers/imports/${id}/commit`, { mode: 'all-or-nothing' });
    expect(commit.statusCode, commit.body).toBe(202);
    // other requests, one after another, while the commit runs: what each saw of the import
    const seen: { staged: number; households: number }[] = [];
    for (;;) {
      const health = await t.client().get('/api/health');
      expect(health.statusCode).toBe(200);
      const [s] = await t.services.database.query<{ staged: number; households: number }>(
        `select (select count(*)::int from ledger_import_rows where import_id = $1) as staged,
                (select count(*)::int from monitoring_households) as households`,
        [id],
      );
      seen.push(s);
      const status = (await town.get(`/api/ledgers/imports/${id}`)).json();
      if (status.status !== 'committing') {
        expect(status).toMatchObject({ status: 'committed', inserted: N });
        break;
      }
    }
    // served while the rows were being staged, chunk by chunk, before anything was written …
    expect(seen.some((s) => s.staged > 0 && s.staged < N && s.households === 0)).toBe(true);
    // … and never in the middle of the write: nothing, or everything
    expect(seen.every((s) => s.households === 0 || s.households === N)).toBe(true);
    const [after] = await t.services.database.query<{ h: number; m: number; steps: number }>(
      `select (select count(*)::int from monitoring_households) as h,
              (select count(*)::int from monitoring_members where relation = 'head' and active) as m,
              (select count(*)::int from monitoring_steps where action = 'create') as steps`,
    );
    expect(after).toEqual({ h: N, m: N, steps: N });
  });
});
