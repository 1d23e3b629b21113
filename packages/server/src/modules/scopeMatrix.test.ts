// The scope matrix: for users scoped to one town, one team and one county, every GET endpoint of every
// module (lists, details, search, exports) returns nothing outside their scope, and every write to a
// record outside it is refused. New endpoints are picked up from the route table automatically; an
// endpoint that deliberately serves unscoped reference data must say so with `config: { scope: 'reference' }`.
// A team user also reads the registry records that concern their team (registry/access.ts): the matrix
// works those out on its own from the tables and allows them in reads, never in writes.

import { isInDivisionSubtree } from '@xiezuo/shared/codes/division';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../platform/scope';
import { inScope, resolveScope } from '../platform/scope';
import { createTestApp, type TestApp, type TestClient } from '../testing/app';
import { modules } from '.';

interface Subject {
  name: string;
  client: TestClient;
  scope: Scope;
  concerns: Concerns;
}

/** Registry rows a team user may read besides their divisions': their teams' units and the pairings of their work. */
interface Concerns {
  units: Set<number>;
  unitNames: Set<string>;
  pairings: Set<number>;
  /** helper>helped division codes of those pairings, as an export row names them */
  pairs: Set<string>;
  /** from>to division codes of exchanges a team in scope recorded (the exchange ledger has no team column) */
  teamExchanges: Set<string>;
}

async function concernsOf(scope: Scope): Promise<Concerns> {
  const none: Concerns = { units: new Set(), unitNames: new Set(), pairings: new Set(), pairs: new Set(), teamExchanges: new Set() };
  if (scope.teamIds.length === 0) return none;
  const ids = sql.join(
    scope.teamIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const units = (
    await t.services.db.execute(sql`select id, name from units where id in (
      select lead_unit_id from teams where id in (${ids}) union select unit_id from team_units where team_id in (${ids}))`)
  ).rows as { id: number; name: string }[];
  const teams = (await t.services.db.execute(sql`select programme_id, division_code from teams where id in (${ids})`)).rows as {
    programme_id: number | null;
    division_code: string;
  }[];
  const unitIds = new Set(units.map((u) => u.id));
  const pairings = (await t.services.db.execute(sql`select * from pairings`)).rows as Record<string, string | number | null>[];
  const concerned = pairings.filter(
    (p) =>
      unitIds.has(p.helper_unit_id as number) ||
      unitIds.has(p.helped_unit_id as number) ||
      teams.some(
        (tm) =>
          tm.programme_id === p.programme_id &&
          [p.helper_division_code, p.helped_division_code].some((c) => isInDivisionSubtree(tm.division_code, String(c))),
      ),
  );
  return {
    units: unitIds,
    unitNames: new Set(units.map((u) => u.name)),
    pairings: new Set(concerned.map((p) => p.id as number)),
    pairs: new Set(concerned.map((p) => `${p.helper_division_code}>${p.helped_division_code}`)),
    teamExchanges: new Set(
      (
        (
          await t.services.db.execute(
            sql`select from_division_code || '>' || to_division_code as k from talent_exchanges where team_id in (${ids})`,
          )
        ).rows as { k: string }[]
      ).map((r) => r.k),
    ),
  };
}

/** A registry row of the subject's team's work (reads only). */
function concerned(row: unknown, s: Subject, url: string): boolean {
  const id = (row as { id?: number })?.id;
  if (url.startsWith('/api/registry/pairings')) return id != null && s.concerns.pairings.has(id);
  if (url.startsWith('/api/registry/units')) return id != null && s.concerns.units.has(id);
  return false;
}

/** An export row of the subject's team's work: an exchange their team recorded, a unit by its name, a pairing by its two parties. */
function concernedExportRow(row: unknown[], s: Subject, key: string): boolean {
  const text = row.filter((v): v is string => typeof v === 'string');
  if (key === 'talent-exchanges') return s.concerns.teamExchanges.has(text.filter((v) => CODE.test(v)).join('>')); // recorded by a team in scope
  if (key === 'units') return text.some((v) => s.concerns.unitNames.has(v));
  if (key === 'pairings') return s.concerns.pairs.has(text.filter((v) => CODE.test(v)).join('>'));
  return false;
}

let t: TestApp;
let admin: TestClient;
const subjects: Subject[] = [];

const CODE = /^\d{12}$/;
const CODES_IN_TEXT = /(?<!\d)\d{12}(?!\d)/g; // e.g. a node key 'd:441224109000', never part of an 18-digit ID

/** Every 12-digit code and every teamId anywhere inside a value. */
function collect(value: unknown, out: { codes: string[]; teams: number[] } = { codes: [], teams: [] }, key = '') {
  if (typeof value === 'string') out.codes.push(...(value.match(CODES_IN_TEXT) ?? []));
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
  for (const m of modules) for (const seed of [m.referenceSeed, m.demoSeed]) if (seed) await seed.run(t.services);
  admin = await t.userClient('matrix_admin', 'admin', { all: true });
  for (const r of (await t.services.db.execute(sql`select id, division_code from teams`)).rows as { id: number; division_code: string }[]) {
    teamStation.set(r.id, r.division_code);
  }
  const [bingcun] = (await t.services.db.execute(sql`select id from teams where name like '%丙村%' order by id limit 1`)).rows as {
    id: number;
  }[];
  const specs = [
    { name: 'town staff of 岗坪镇', role: 'town_staff' as const, scope: { divisions: ['441224109000'] } },
    { name: 'team leader of the 丙村 team', role: 'team_leader' as const, scope: { teams: [bingcun.id] } },
    { name: 'viewer of 梅县区', role: 'viewer' as const, scope: { divisions: ['441403000000'] } },
  ];
  for (const [i, s] of specs.entries()) {
    const client = await t.userClient(`matrix_${i}`, s.role, s.scope);
    const scope = await resolveScope(t.services, {
      scopeAll: false,
      scopeDivisions: s.scope.divisions ?? [],
      scopeTeams: s.scope.teams ?? [],
    });
    subjects.push({ name: s.name, client, scope, concerns: await concernsOf(scope) });
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
    for (const prefix of [
      '/api/registry/',
      '/api/teams',
      '/api/teams/cadres',
      '/api/teams/exchanges',
      '/api/monitoring/',
      '/api/indicators/',
      '/api/social/',
    ]) {
      expect(
        lists.some((r) => r.url.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
  });

  it('lists, figures and searches return only rows in scope', async () => {
    const checked: string[] = [];
    const leaks: string[] = [];
    for (const route of routes().filter((r) => r.method === 'GET' && isScoped(r) && !r.url.includes(':') && !NOT_ROWS_OF_RECORDS[r.url])) {
      for (const s of subjects) {
        const res = await s.client.get(route.url);
        if (res.statusCode !== 200 || !String(res.headers['content-type']).includes('json')) continue;
        const outside = rowsOf(res.json()).filter((row) => rowInScope(row, s.scope) === false && !concerned(row, s, route.url));
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
        const outside = rowsOf(list.json()).find((row) => rowInScope(row, s.scope) === false && !concerned(row, s, collection)) as
          | { id?: number }
          | undefined;
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
        const outside = rows.filter(
          (r) =>
            rowInScope(
              r.filter((v) => typeof v === 'string' && CODE.test(v)),
              s.scope,
            ) === false && !concernedExportRow(r, s, key),
        );
        expect(outside, `${s.name}: export ${key}`).toEqual([]);
      }
    }
  }, 120_000); // one export per ledger and subject: grows with every module's ledgers

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
        const body = route.method === 'DELETE' ? undefined : (writeSpecs()[`${route.method} ${route.url}`]?.body ?? {});
        const res = await s.client.request(route.method as 'POST', url, body);
        // 400 would mean the body was judged before the scope: then the refusal is unproven
        expect([403, 404], `${s.name}: ${route.method} ${url}`).toContain(res.statusCode);
        expect((await admin.get(`${collection}/${outside.id}`)).body).toBe(before);
        probed++;
        probedRoutes.add(`${route.method} ${route.url}`);
      }
    }
    expect(probed).toBeGreaterThan(3);
    const unprobed = writes.map((r) => `${r.method} ${r.url}`).filter((r) => !probedRoutes.has(r));
    expect(unprobed.length + probedRoutes.size).toBe(writes.length);
  });

  it('the assessment outputs: a user gets the scoring table and self-assessment reports of the parties in scope, else 404', async () => {
    const parties = (
      await t.services.db.execute(
        sql`select p.id, p.cycle_id as "cycleId", p.name, p.division_code as code, p.team_id as "teamId" from assessment_parties p order by p.id`,
      )
    ).rows as { id: number; cycleId: number; name: string; code: string | null; teamId: number | null }[];
    const cycleIds = [...new Set(parties.map((p) => p.cycleId))];
    expect(cycleIds.length).toBeGreaterThanOrEqual(2);
    let own = 0;
    let refused = 0;
    for (const s of subjects) {
      for (const id of cycleIds) {
        const mine = parties.filter((p) => p.cycleId === id && inScope(s.scope, { divisionCode: p.code, teamId: p.teamId }));
        const table = await s.client.get(`/api/assessment/cycles/${id}/score-table`);
        if (!mine.length) expect(table.statusCode, `${s.name}: score table of cycle ${id}`).toBe(404);
        else {
          expect(table.statusCode, `${s.name}: score table of cycle ${id}`).toBe(200);
          const names = new Set((await xlsxRows(table.rawPayload)).slice(3).map((r) => r[0]));
          expect(names, `${s.name}: score table of cycle ${id}`).toEqual(new Set(mine.map((p) => p.name)));
        }
        for (const p of parties.filter((x) => x.cycleId === id)) {
          const res = await s.client.get(`/api/assessment/cycles/${id}/parties/${p.id}/self-report`);
          const expected = mine.includes(p) ? 200 : 404;
          expect(res.statusCode, `${s.name}: self-report of ${p.name}`).toBe(expected);
          if (expected === 200) own++;
          else refused++;
        }
      }
    }
    // the 岗坪 staff, the 丙村 team and the 梅县区 viewer each hold a town team's party; the province sides are no one's
    expect(own).toBeGreaterThanOrEqual(3);
    expect(refused).toBeGreaterThan(own);
  }, 300_000);

  it('writes by id to records outside the scope are refused, with a valid body, and change nothing', async () => {
    const WRITES = writeSpecs();
    const UNSCOPED: Record<string, string> = {
      'DELETE /api/admin/sessions/:id': 'system administration: admins only, no scope',
      'POST /api/ledgers/imports/:id/commit': 'an import belongs to the user who uploaded it (ledger tests)',
      'PUT /api/assessment/frameworks/:id': 'assessment frameworks are shared reference data that only HQ (assessment.manage) edits',
      'POST /api/assessment/frameworks/:id/copy': 'assessment frameworks are shared reference data that only HQ (assessment.manage) copies',
    };
    const auditCount = async () =>
      ((await t.services.db.execute(sql`select count(*)::int as n from audit_log where action <> 'login'`)).rows[0] as { n: number }).n;
    const writeRoutes = routes().filter((r) => ['PATCH', 'PUT', 'DELETE', 'POST'].includes(r.method) && /\/:id(\/|$)/.test(r.url));
    const missing: string[] = [];
    for (const route of writeRoutes) {
      const name = `${route.method} ${route.url}`;
      if (UNSCOPED[name] || probedRoutes.has(name)) continue;
      const spec = WRITES[name];
      if (!spec) {
        missing.push(name);
        continue;
      }
      const rows = (await t.services.db.execute(spec.find)).rows as { id: number; code: string; teamId?: number }[];
      for (const s of subjects) {
        const target = rows.find((r) => rowInScope({ code: r.code, teamId: r.teamId }, s.scope) === false);
        if (!target) continue;
        const before = await auditCount();
        const res = await s.client.request(route.method as 'POST', route.url.replace(':id', String(target.id)), spec.body);
        expect([403, 404], `${s.name}: ${name} #${target.id} → ${res.body.slice(0, 200)}`).toContain(res.statusCode);
        expect(await auditCount(), `${s.name}: ${name} wrote something`).toBe(before);
      }
    }
    expect(missing, 'write routes the matrix does not know how to probe').toEqual([]);
  });
});
const probedRoutes = new Set<string>();

/**
 * Where to find a record of each write route by id, and a body its contract accepts — so that a refusal comes
 * from the scope, not from validation. Every scoped write route must be listed here.
 */
function writeSpecs(): Record<string, { find: ReturnType<typeof sql>; body?: unknown }> {
  const day = '2026-01-15';
  const household = sql`select id, division_code as code from monitoring_households`;
  const byHousehold = (table: string) =>
    sql.raw(`select x.id, h.division_code as code from ${table} x join monitoring_households h on h.id = x.household_id`);
  const exchangePerson = sql`select p.id, x.to_division_code as code, x.team_id as "teamId"
      from talent_exchange_persons p join talent_exchanges x on x.id = p.exchange_id where x.to_division_code not like '44%'`;
  return {
    'PATCH /api/teams/:id': { find: sql`select id, division_code as code, id as "teamId" from teams`, body: {} },
    'POST /api/teams/:id/members': {
      find: sql`select id, division_code as code, id as "teamId" from teams`,
      body: { cadreId: 1, role: 'member', startDate: day },
    },
    'PATCH /api/teams/members/:id': {
      find: sql`select m.id, t.division_code as code, t.id as "teamId" from team_members m join teams t on t.id = m.team_id`,
      body: {},
    },
    // exchanges of the provinces (广东 → 广西, 四会 → 富川 …) lie outside every subject, by either side and by team
    'POST /api/teams/exchanges/:id/persons': {
      find: sql`select id, to_division_code as code, team_id as "teamId" from talent_exchanges where to_division_code not like '44%'`,
      body: { name: '测试', idNumber: '11010519491231002X', arrivalDate: day, departureDate: day },
    },
    'PATCH /api/teams/exchange-persons/:id': { find: exchangePerson, body: {} },
    'DELETE /api/teams/exchange-persons/:id': { find: exchangePerson },
    'POST /api/teams/exchange-persons/:id/reveal': { find: exchangePerson },
    'PATCH /api/monitoring/households/:id': { find: household, body: {} },
    'POST /api/monitoring/households/:id/members': {
      find: household,
      body: {
        name: '测试',
        relation: 'child',
        gender: 'male',
        birthDate: '2010-01-01',
        idNumber: '11010519491231002X',
        health: 'healthy',
        schooling: 'junior',
        work: 'none',
      },
    },
    'PATCH /api/monitoring/members/:id': { find: byHousehold('monitoring_members'), body: {} },
    'POST /api/monitoring/members/:id/leave': { find: byHousehold('monitoring_members'), body: { reason: 'other' } },
    'POST /api/monitoring/members/:id/reveal': { find: byHousehold('monitoring_members'), body: {} },
    'POST /api/monitoring/households/:id/reveal': { find: household, body: {} },
    'POST /api/monitoring/households/:id/transitions': { find: household, body: { action: 'reject', comment: 'x' } },
    'POST /api/monitoring/households/:id/attachments': {
      find: household,
      body: { fileName: 'a.png', mimeType: 'image/png', contentBase64: 'iVBORw0KGgo=' },
    },
    'POST /api/monitoring/households/:id/risks': { find: household, body: { kind: 'other', identifiedOn: day } },
    'POST /api/monitoring/risks/:id/close': { find: byHousehold('monitoring_risks'), body: { closedOn: day } },
    'POST /api/monitoring/households/:id/measures': { find: household, body: { kind: 'other', description: 'x', startOn: day } },
    'POST /api/monitoring/measures/:id/follow-up': { find: byHousehold('monitoring_measures'), body: { on: day } },
    'POST /api/monitoring/households/:id/visits': { find: household, body: { visitedOn: day, visitors: 'x', findings: 'x' } },
    'PATCH /api/consumption/fairs/:id': {
      find: sql`select id, division_code as code, team_id as "teamId" from consumption_fairs`,
      body: {},
    },
    'PATCH /api/consumption/suppliers/:id': {
      find: sql`select id, division_code as code, team_id as "teamId" from consumption_suppliers`,
      body: {},
    },
    'PATCH /api/consumption/products/:id': {
      find: sql`select id, division_code as code, team_id as "teamId" from consumption_products`,
      body: {},
    },
    'PATCH /api/industry/parks/:id': { find: sql`select id, division_code as code, team_id as "teamId" from industry_parks`, body: {} },
    'PATCH /api/industry/enterprises/:id': {
      find: sql`select id, division_code as code, team_id as "teamId" from industry_enterprises`,
      body: {},
    },
    'PATCH /api/industry/workshops/:id': {
      find: sql`select id, division_code as code, team_id as "teamId" from industry_workshops`,
      body: {},
    },
    'PATCH /api/industry/workers/:id': {
      find: sql`select w.id, s.division_code as code, s.team_id as "teamId" from industry_workers w join industry_workshops s on s.id = w.workshop_id`,
      body: {},
    },
    'POST /api/industry/workers/:id/reveal': {
      find: sql`select w.id, s.division_code as code, s.team_id as "teamId" from industry_workers w join industry_workshops s on s.id = w.workshop_id`,
    },
    'DELETE /api/indicators/targets/:id': { find: sql`select id, division_code as code, team_id as "teamId" from indicator_targets` },
    'PATCH /api/labour/stations/:id': { find: sql`select id, division_code as code, team_id as "teamId" from labour_stations`, body: {} },
    'PATCH /api/labour/brands/:id': { find: sql`select id, division_code as code, team_id as "teamId" from labour_brands`, body: {} },
    // a file of a record (platform/attachments) lies where its record lies
    'DELETE /api/attachments/:id': {
      find: sql`select a.id, coalesce(p.division_code, d.division_code, m.division_code) as code,
            coalesce(p.team_id, d.team_id, m.team_id) as "teamId" from attachments a
          left join funds_projects p on a.module = 'funds' and a.owner_kind = 'project' and p.id = a.owner_id
          left join social_donations d on a.module = 'social' and a.owner_kind = 'donation' and d.id = a.owner_id
          left join social_meetings m on a.module = 'social' and a.owner_kind = 'meeting' and m.id = a.owner_id`,
    },
    'POST /api/assessment/agreements/:id/sign': {
      find: sql`select id, helper_division_code as code from assessment_agreements`,
      body: { side: 'helper', signedOn: day, signer: '测试' },
    },
    ...Object.fromEntries(
      (
        [
          ['POST /api/assessment/cycles/:id/advance', {}],
          ['POST /api/assessment/cycles/:id/party-step', { partyId: 1, note: '测试' }],
          ['PUT /api/assessment/cycles/:id/reviews', { partyId: 1, item: 'org.leadership', points: 1 }],
          ['PUT /api/assessment/cycles/:id/settlements', { partyId: 1, item: 'org.leadership', points: 1, reason: '测试' }],
          ['POST /api/assessment/cycles/:id/samples', { partyId: 1, item: 'labour.employed', size: 1 }],
          ['POST /api/assessment/cycles/:id/what-if', { maxPoints: {} }],
        ] as const
      ).map(([name, body]) => [
        name,
        {
          // a cycle is outside a scope when all its assessed parties are: the provinces' cycle (the demo's town cycle has
          // parties in 岗坪 and 梅县区, so each subject is one of its parties)
          find: sql`select c.id, max(p.division_code) as code from assessment_cycles c join assessment_parties p on p.cycle_id = c.id
                    group by c.id having bool_and(p.team_id is null)`,
          body,
        },
      ]),
    ),
    'PUT /api/assessment/samples/:id': {
      find: sql`select s.id, p.division_code as code, p.team_id as "teamId" from assessment_samples s join assessment_parties p on p.id = s.party_id`,
      body: { verified: true },
    },
  };
}
