// The scope matrix: for users scoped to one town, one team and one county, every GET endpoint of every
// module (lists, details, search, exports) returns nothing outside their scope, and every write to a
// record outside it is refused. New endpoints are picked up from the route table automatically; an
// endpoint that deliberately serves unscoped reference data must say so with `config: { scope: 'reference' }`.
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/app';
import type { Scope } from '../platform/scope';
import { resolveScope } from '../platform/scope';
import { moduleSeeds } from '.';

interface Subject {
  name: string;
  client: TestClient;
  scope: Scope;
}

let t: TestApp;
let admin: TestClient;
const subjects: Subject[] = [];

const CODE = /^\d{12}$/;

/** Every 12-digit code and every teamId anywhere inside a value. */
function collect(value: unknown, out: { codes: string[]; teams: number[] } = { codes: [], teams: [] }, key = '') {
  if (typeof value === 'string' && CODE.test(value)) out.codes.push(value);
  else if (typeof value === 'number' && /^teamId$/i.test(key)) out.teams.push(value);
  else if (Array.isArray(value)) for (const v of value) collect(v, out, key);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, out, k);
  return out;
}

const teamStation = new Map<number, string>();

/** Inside the scope, or one of its ancestors (a town's county names where the town lies; it reveals nothing). */
const codeInScope = (code: string, scope: Scope) =>
  scope.divisionPrefixes.some((p) => code.startsWith(p) || p.startsWith(code.replace(/0+$/, '')));

/** A row is in scope when one of the places or teams it names is; a team is, when it is stationed in scope. */
function rowInScope(row: unknown, scope: Scope): boolean | null {
  const { codes, teams } = collect(row);
  if (codes.length === 0 && teams.length === 0) return null; // names no place: nothing to judge
  const teamCodes = teams.map((id) => teamStation.get(id)).filter((c): c is string => !!c);
  return (
    codes.some((c) => scope.divisionPrefixes.some((p) => c.startsWith(p))) ||
    teams.some((id) => scope.teamIds.includes(id)) ||
    teamCodes.some((c) => codeInScope(c, scope)) ||
    (codes.length > 0 && codes.every((c) => codeInScope(c, scope)))
  );
}

/** The rows of a response: `items`, or a top-level array, or arrays directly under the top level. */
function rowsOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>;
    if (Array.isArray(o.items)) return o.items;
    return Object.values(o).flatMap((v) => (Array.isArray(v) ? v : []));
  }
  return [];
}

async function xlsxRows(buffer: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as never);
  const rows: unknown[][] = [];
  wb.worksheets[0]?.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v == null ? v : String(v)))));
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const seed of moduleSeeds) await seed.run(t.services);
  admin = await t.userClient('matrix_admin', 'admin', { all: true });
  for (const r of (await t.services.db.execute(sql`select id, division_code from teams`)).rows as { id: number; division_code: string }[]) {
    teamStation.set(r.id, r.division_code);
  }
  const [bingcun] = (await t.services.db.execute(sql`select id from teams where name like '%丙村%' order by id limit 1`)).rows as { id: number }[];
  const specs = [
    { name: 'town staff of 岗坪镇', role: 'town_staff' as const, scope: { divisions: ['441224109000'] } },
    { name: 'team leader of the 丙村 team', role: 'team_leader' as const, scope: { teams: [bingcun.id] } },
    { name: 'viewer of 梅县区', role: 'viewer' as const, scope: { divisions: ['441403000000'] } },
  ];
  for (const [i, s] of specs.entries()) {
    const client = await t.userClient(`matrix_${i}`, s.role, s.scope);
    const scope = await resolveScope(t.services.db, { scopeAll: false, scopeDivisions: s.scope.divisions ?? [], scopeTeams: s.scope.teams ?? [] });
    subjects.push({ name: s.name, client, scope });
  }
}, 300_000);
afterAll(() => t?.close());

// Reads whose rows name places outside the scope on purpose, and why.
const NOT_ROWS_OF_RECORDS: Record<string, string> = {
  '/api/registry/pairings/flows': 'map lines between county centroids, aggregated from the pairings list, which is checked',
};

const routes = () => t.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.auth !== 'public');
const isScoped = (r: { scope?: string }) => r.scope !== 'reference';

describe('scope matrix', () => {
  it('covers the modules: at least one scoped list in each', () => {
    const lists = routes().filter((r) => r.method === 'GET' && isScoped(r) && !r.url.includes(':'));
    for (const prefix of ['/api/registry/', '/api/teams', '/api/cadres', '/api/exchanges', '/api/monitoring/', '/api/indicators/']) {
      expect(lists.some((r) => r.url.startsWith(prefix)), prefix).toBe(true);
    }
  });

  it('lists, figures and searches return only rows in scope', async () => {
    const checked: string[] = [];
    const leaks: string[] = [];
    for (const route of routes().filter((r) => r.method === 'GET' && isScoped(r) && !r.url.includes(':') && !NOT_ROWS_OF_RECORDS[r.url])) {
      for (const s of subjects) {
        const res = await s.client.get(route.url);
        if (res.statusCode !== 200 || !String(res.headers['content-type']).includes('json')) continue;
        const outside = rowsOf(res.json()).filter((row) => rowInScope(row, s.scope) === false);
        if (outside.length) leaks.push(`${s.name}: GET ${route.url} → ${JSON.stringify(outside[0]).slice(0, 160)}`);
        checked.push(route.url);
      }
    }
    expect(leaks).toEqual([]);
    expect(checked.length).toBeGreaterThan(10);
  });

  it('details of records outside the scope are refused', async () => {
    let probed = 0;
    for (const route of routes().filter((r) => r.method === 'GET' && isScoped(r) && /\/:id$/.test(r.url))) {
      const collection = route.url.replace(/\/:id$/, '');
      const list = await admin.get(`${collection}?pageSize=500`);
      if (list.statusCode !== 200) continue;
      for (const s of subjects) {
        const outside = rowsOf(list.json()).find((row) => rowInScope(row, s.scope) === false) as { id?: number } | undefined;
        if (!outside?.id) continue;
        const res = await s.client.get(route.url.replace(':id', String(outside.id)));
        expect([403, 404], `${s.name}: GET ${route.url} for #${outside.id} outside the scope`).toContain(res.statusCode);
        probed++;
      }
    }
    expect(probed).toBeGreaterThan(3);
  });

  it('exports of every ledger hold only rows in scope', async () => {
    const ledgers = (await admin.get('/api/ledgers')).json() as { key: string }[] | { items: { key: string }[] };
    const keys = (Array.isArray(ledgers) ? ledgers : ledgers.items).map((l) => l.key);
    expect(keys.length).toBeGreaterThan(3);
    for (const key of keys) {
      for (const s of subjects) {
        const res = await s.client.get(`/api/ledgers/${key}/export`);
        if (res.statusCode === 403) continue; // role may not export this ledger
        expect(res.statusCode, `${s.name}: export ${key}`).toBe(200);
        const rows = await xlsxRows(res.rawPayload);
        const outside = rows.filter((r) => rowInScope(r.filter((v) => typeof v === 'string' && CODE.test(v)), s.scope) === false);
        expect(outside, `${s.name}: export ${key}`).toEqual([]);
      }
    }
  });

  it('writes to records outside the scope are refused and change nothing', async () => {
    let probed = 0;
    const writes = routes().filter((r) => ['PATCH', 'PUT', 'DELETE', 'POST'].includes(r.method) && /\/:id(\/|$)/.test(r.url));
    for (const route of writes) {
      const collection = route.url.replace(/\/:id.*$/, '');
      const list = await admin.get(`${collection}?pageSize=500`);
      if (list.statusCode !== 200) continue;
      for (const s of subjects) {
        const outside = rowsOf(list.json()).find((row) => rowInScope(row, s.scope) === false) as { id?: number } | undefined;
        if (!outside?.id) continue;
        const before = (await admin.get(`${collection}/${outside.id}`)).body;
        const url = route.url.replace(':id', String(outside.id));
        const res = await s.client.request(route.method as 'POST', url, route.method === 'DELETE' ? undefined : {});
        // 400 would mean the body was judged before the scope: then the refusal is unproven
        expect([403, 404], `${s.name}: ${route.method} ${url}`).toContain(res.statusCode);
        expect((await admin.get(`${collection}/${outside.id}`)).body).toBe(before);
        probed++;
      }
    }
    expect(probed).toBeGreaterThan(3);
  });
});
