// Every industry endpoint keeps to the user's scope, probed with the 中山 demo: the 水城 group (a team user) and the
// staff of 六枝特区 (a county user) each read only their own county's parks, enterprises, investment, headcounts,
// workshops, workers, ranking and map places, and every write naming a record of another county is refused — by
// id with 403/404, by reference or place with an error on that field — writing nothing. The test lists every route
// under /api/industry/ and fails when one is added without a probe here (the cross-module scope matrix probes
// with Guangdong users, who see none of 六盘水, so it cannot tell a filter from an empty table).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet } from '../../platform/ledgers/testing/helpers';
import type { TestApp, TestClient } from '../../testing/app';
import { loadDivisions } from '../registry/divisionLoader';
import { industryLedgers } from './ledgers';
import { industryTestApp } from './testing/fixture';

const COUNTY = { shuicheng: '520204', liuzhi: '520203' } as const;
type Side = keyof typeof COUNTY;

let t: TestApp;
let hq: TestClient;
const users = {} as Record<Side, TestClient>;
/** A record of each kind in each county, as HQ sees them. */
const recs = {} as Record<Side, { park: number; enterprise: number; workshop: number; worker: number; entWorker: number }>;

const q = async (sql: string, params: unknown[] = []) => t.services.database.query<Record<string, number>>(sql, params);

beforeAll(async () => {
  const f = await industryTestApp(loadDivisions);
  t = f.t;
  hq = await t.userClient('hq_scope', 'hq', { all: true });
  users.shuicheng = await t.userClient('sc_scope', 'team_leader', { teams: [f.shuicheng] });
  users.liuzhi = await t.userClient('lz_scope', 'town_staff', { divisions: ['520203000000'] });
  for (const side of Object.keys(COUNTY) as Side[]) {
    const like = `${COUNTY[side]}%`;
    const [park] = await q('select id from industry_parks where division_code like $1 order by id limit 1', [like]);
    const [enterprise] = await q('select id from industry_enterprises where division_code like $1 order by id limit 1', [like]);
    const [workshop] = await q('select id from industry_workshops where division_code like $1 order by id limit 1', [like]);
    const [worker] = await q('select id from industry_workers where workshop_id = $1 order by id limit 1', [workshop.id]);
    const [entWorker] = await q(
      'select w.id from industry_workers w join industry_enterprises e on e.id = w.enterprise_id where e.division_code like $1 order by w.id limit 1',
      [like],
    );
    recs[side] = { park: park.id, enterprise: enterprise.id, workshop: workshop.id, worker: worker.id, entWorker: entWorker.id };
  }
}, 120_000);
afterAll(() => t.close());

const other = (side: Side): Side => (side === 'shuicheng' ? 'liuzhi' : 'shuicheng');
const auditCount = async () => (await q(`select count(*)::int as n from audit_log where action <> 'login'`))[0].n;
/** Every 12-digit division code in a response. */
const codesIn = (body: unknown) => JSON.stringify(body).match(/(?<!\d)\d{12}(?!\d)/g) ?? [];
/** Codes of the helper side (中山, 44…) are the records' origin, shown to both counties; the helped side's must be the user's. */
const helpedCodes = (body: unknown) => codesIn(body).filter((c) => c.startsWith('52'));

type Probe = (side: Side, c: TestClient) => Promise<void>;

/** A read: 200 and every 六盘水 place in it lies in the user's county — and it is not empty (a filter, not an empty table). */
const readsOwn =
  (url: (side: Side) => string, rowsOf: (b: never) => unknown[] = (b) => b as never): Probe =>
  async (side, c) => {
    const res = await c.get(url(side));
    expect(res.statusCode, url(side)).toBe(200);
    const rows = rowsOf(res.json() as never);
    expect(rows.length, `${side}: ${url(side)}`).toBeGreaterThan(0);
    const codes = helpedCodes(rows);
    expect(
      codes.filter((code) => !code.startsWith(COUNTY[side])),
      `${side}: ${url(side)}`,
    ).toEqual([]);
  };
/** A read of another county's record: refused (404) or empty. */
const notFound =
  (url: (side: Side) => string): Probe =>
  async (side, c) => {
    expect((await c.get(url(side))).statusCode, `${side}: ${url(side)}`).toBe(404);
  };
/** A write naming another county's record: refused with `status` (and the field named, for 400), nothing written. */
const refused =
  (method: 'POST' | 'PATCH', url: (side: Side) => string, body: (side: Side) => unknown, status: number[], field?: string): Probe =>
  async (side, c) => {
    const before = await auditCount();
    const res = await c.request(method, url(side), body(side));
    expect(status, `${side}: ${method} ${url(side)} → ${res.body.slice(0, 200)}`).toContain(res.statusCode);
    if (field) expect(res.json().details.map((d: { path: string }) => d.path)).toContain(field);
    expect(await auditCount(), `${side}: ${method} ${url(side)} wrote something`).toBe(before);
  };

const there = (side: Side) => recs[other(side)];
const PROBES: Record<string, Probe[]> = {
  'GET /api/industry/parks': [readsOwn(() => '/api/industry/parks')],
  'POST /api/industry/parks': [
    refused(
      'POST',
      () => '/api/industry/parks',
      (s) => ({
        name: '越界园区（测试）',
        divisionCode: `${COUNTY[other(s)]}000000`,
        helperDivisionCode: '441900000000',
        establishedOn: '2026-10-01',
      }),
      [400],
      'body.divisionCode',
    ),
  ],
  'PATCH /api/industry/parks/:id': [
    refused(
      'PATCH',
      (s) => `/api/industry/parks/${there(s).park}`,
      () => ({ name: 'x' }),
      [403, 404],
    ),
  ],
  'GET /api/industry/enterprises': [
    readsOwn(
      () => '/api/industry/enterprises?pageSize=100',
      (b: { items: unknown[] }) => b.items,
    ),
  ],
  'GET /api/industry/enterprises/:id': [notFound((s) => `/api/industry/enterprises/${there(s).enterprise}`)],
  'POST /api/industry/enterprises': [
    refused(
      'POST',
      () => '/api/industry/enterprises',
      (s) => ({
        name: '越界企业（测试）',
        originDivisionCode: '441900000000',
        divisionCode: `${COUNTY[other(s)]}000000`,
        status: 'signed',
        introducedOn: '2026-10-01',
      }),
      [400],
      'body.divisionCode',
    ),
  ],
  'PATCH /api/industry/enterprises/:id': [
    refused(
      'PATCH',
      (s) => `/api/industry/enterprises/${there(s).enterprise}`,
      () => ({ name: 'x' }),
      [403, 404],
    ),
  ],
  'GET /api/industry/enterprises/:id/headcounts': [notFound((s) => `/api/industry/enterprises/${there(s).enterprise}/headcounts`)],
  'GET /api/industry/investments': [
    readsOwn(
      () => '/api/industry/investments',
      (rows: { enterpriseId: number }[]) => rows,
    ),
    async (side, c) => {
      // another county's enterprise's increments: none
      const res = await c.get(`/api/industry/investments?enterpriseId=${there(side).enterprise}`);
      expect(res.json()).toEqual([]);
      // and the rows given are of enterprises the user sees
      const mine = new Set(
        (await c.get('/api/industry/enterprises?pageSize=100')).json().items.map((e: { id: number }) => e.id) as number[],
      );
      for (const r of (await c.get('/api/industry/investments')).json() as { enterpriseId: number }[])
        expect(mine.has(r.enterpriseId)).toBe(true);
    },
  ],
  'POST /api/industry/investments': [
    refused(
      'POST',
      () => '/api/industry/investments',
      (s) => ({ enterpriseId: there(s).enterprise, kind: 'signed', amount: 1000, day: '2026-11-01' }),
      [400],
      'body.enterpriseId',
    ),
  ],
  'POST /api/industry/headcounts': [
    refused(
      'POST',
      () => '/api/industry/headcounts',
      (s) => ({ enterpriseId: there(s).enterprise, reportedOn: '2026-11-01', jobs: 10 }),
      [400],
      'body.enterpriseId',
    ),
  ],
  'GET /api/industry/workshops': [
    readsOwn(
      () => '/api/industry/workshops?pageSize=100',
      (b: { items: unknown[] }) => b.items,
    ),
  ],
  'GET /api/industry/workshops/:id': [notFound((s) => `/api/industry/workshops/${there(s).workshop}`)],
  'POST /api/industry/workshops': [
    refused(
      'POST',
      () => '/api/industry/workshops',
      (s) => ({ name: '越界车间（测试）', divisionCode: `${COUNTY[other(s)]}001201`, recognizedOn: '2026-10-01', status: 'operating' }),
      [400],
      'body.divisionCode',
    ),
    // a workshop of one's own village run by another county's enterprise: that enterprise is not the user's to name
    refused(
      'POST',
      () => '/api/industry/workshops',
      (s) => ({
        name: '越界经营主体车间（测试）',
        divisionCode: `${COUNTY[s]}001201`,
        enterpriseId: there(s).enterprise,
        recognizedOn: '2026-10-01',
        status: 'operating',
      }),
      [400],
      'body.enterpriseId',
    ),
  ],
  'PATCH /api/industry/workshops/:id': [
    refused(
      'PATCH',
      (s) => `/api/industry/workshops/${recs[s].workshop}`,
      (s) => ({ enterpriseId: there(s).enterprise }),
      [400],
      'body.enterpriseId',
    ),
    refused(
      'PATCH',
      (s) => `/api/industry/workshops/${there(s).workshop}`,
      () => ({ name: 'x' }),
      [403, 404],
    ),
  ],
  'GET /api/industry/workers': [
    readsOwn(
      () => '/api/industry/workers?pageSize=200',
      (b: { items: { homeDivisionCode: string | null }[] }) => b.items.map(({ homeDivisionCode: _, ...r }) => r), // people come from anywhere
    ),
    async (side, c) => {
      const ids = (list: { items: { id: number }[] }) => list.items.map((w) => w.id);
      expect(ids((await c.get(`/api/industry/workers?workshopId=${there(side).workshop}`)).json())).toEqual([]);
      expect(ids((await c.get(`/api/industry/workers?enterpriseId=${there(side).enterprise}`)).json())).toEqual([]);
      const all = ids((await c.get('/api/industry/workers?pageSize=500')).json());
      expect(all).not.toContain(there(side).worker);
      expect(all).not.toContain(there(side).entWorker);
    },
  ],
  'POST /api/industry/workers': [
    refused(
      'POST',
      () => '/api/industry/workers',
      (s) => ({ workshopId: there(s).workshop, name: '越界（测试）', idNumber: '11010519491231002X', startDate: '2026-11-01' }),
      [400],
      'body.workshopId',
    ),
    refused(
      'POST',
      () => '/api/industry/workers',
      (s) => ({ enterpriseId: there(s).enterprise, name: '越界（测试）', idNumber: '11010519491231002X', startDate: '2026-11-01' }),
      [400],
      'body.enterpriseId',
    ),
  ],
  'PATCH /api/industry/workers/:id': [
    refused(
      'PATCH',
      (s) => `/api/industry/workers/${there(s).worker}`,
      () => ({ name: 'x' }),
      [403, 404],
    ),
    refused(
      'PATCH',
      (s) => `/api/industry/workers/${there(s).entWorker}`,
      () => ({ name: 'x' }),
      [403, 404],
    ),
  ],
  'POST /api/industry/workers/:id/reveal': [
    refused(
      'POST',
      (s) => `/api/industry/workers/${there(s).worker}/reveal`,
      () => ({}),
      [403, 404],
    ),
  ],
  'GET /api/industry/ranking': [
    async (side, c) => {
      const rows = (await c.get('/api/industry/ranking')).json() as { enterprises: number }[];
      const mine = (await c.get('/api/industry/enterprises?pageSize=100')).json().total;
      expect(
        rows.reduce((n, r) => n + r.enterprises, 0),
        side,
      ).toBe(mine);
      expect(mine).toBeLessThan(22);
    },
  ],
  'GET /api/industry/places': [readsOwn(() => '/api/industry/places')],
};

describe('industry scope, endpoint by endpoint', () => {
  it('has a probe for every industry route', () => {
    const routes = t.app.routeTable
      .filter((r) => r.url.startsWith('/api/industry/') && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`);
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((r) => !PROBES[r])).toEqual([]);
  });

  for (const [route, probes] of Object.entries(PROBES))
    it(`${route}: the 水城 group and the 六枝 staff keep to their county`, async () => {
      for (const side of Object.keys(COUNTY) as Side[]) for (const probe of probes) await probe(side, users[side]);
    });

  it('HQ reaches the records the others were refused (the probes named real records)', async () => {
    for (const side of Object.keys(COUNTY) as Side[]) {
      expect((await hq.get(`/api/industry/enterprises/${recs[side].enterprise}`)).statusCode).toBe(200);
      expect((await hq.get(`/api/industry/workshops/${recs[side].workshop}`)).statusCode).toBe(200);
      expect((await hq.get(`/api/industry/enterprises/${recs[side].enterprise}/headcounts`)).json().length).toBeGreaterThan(0);
    }
  });

  it('ledger exports hold only the county’s records: none of the other county’s places or names', async () => {
    for (const side of Object.keys(COUNTY) as Side[]) {
      const code = `${COUNTY[other(side)]}000000`;
      const names = [
        ...(await hq.get(`/api/industry/enterprises?pageSize=100&divisionCode=${code}`)).json().items,
        ...(await hq.get(`/api/industry/workshops?pageSize=100&divisionCode=${code}`)).json().items,
        ...(await hq.get(`/api/industry/parks?divisionCode=${code}`)).json(),
      ].map((r: { name: string }) => r.name);
      expect(names.length).toBeGreaterThan(5);
      for (const { key } of industryLedgers) {
        const res = await users[side].get(`/api/ledgers/${key}/export`);
        expect(res.statusCode, `${side} ${key}`).toBe(200);
        const cells = (await readSheet(res.rawPayload)).slice(3).flat().map(String);
        expect(cells.length, `${side} ${key}`).toBeGreaterThan(0);
        // a worker's home village may lie anywhere (an enterprise employs people of many villages): only places of records count
        const place = (v: string) => key !== 'industry-workers' && v.startsWith(COUNTY[other(side)]);
        expect(
          cells.filter((v) => names.includes(v) || place(v)),
          `${side} ${key}`,
        ).toEqual([]);
      }
    }
  });
});
