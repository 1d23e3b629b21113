// `npm run bench:dashboard`: a province-scale data set generated straight into the indicator sources —
// the real divisions of 广东/广西/贵州, a team per town under a group per county under an HQ per province,
// 270,000 monitored households with ≈1,010,000 members, 3,000,000 visits over 2025–2026, 10,000 cadres on
// duty and 40,000 talent exchanges, 50,000 协作项目 in the villages of the three provinces with their budgets by source
// and 500,000 money rows (下达到项目/拨付/支出, as the module lets them be written), and a fund allocation per county passed on down from its city — then the aggregates are built (timed) and the full HQ dashboard
// endpoint is timed (p50/p95) against the bare SQL over the same aggregates — once ranking the groups by
// 走访监测户, once by 资金拨付率 (HQ's ranking of counties) — the funds pages' own queries (资金流向 by county and
// the project list with its totals, read from the tables, not the aggregates) against their bare SQL, and a
// one-row change is timed until the dashboard shows it. On PGlite, and on PostgreSQL when DATABASE_URL or TEST_DATABASE_URL
// is set (a scratch database on that server, dropped afterwards) or BENCH_DATABASE_URL (that database, emptied first).
// BENCH_SCALE (default 1) scales every count; BENCH_RUNS (default 40) the timed requests; BENCH_ENGINES
// (default pglite,postgres) picks the engines; XZ_INDICATORS_PROFILE=1 times each step of the build. BENCH_REUSE=1 with
// BENCH_DATABASE_URL times the requests on the data set a previous run left there (pending migrations applied, nothing generated).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../packages/server/src/config';
import { modules } from '../packages/server/src/modules';
import { readValues, storedPeriodsFor } from '../packages/server/src/modules/indicators/dashboard';
import { refresherOf } from '../packages/server/src/modules/indicators/service';
import { loadDivisions } from '../packages/server/src/modules/registry/divisionLoader';
import { createUser } from '../packages/server/src/platform/auth/service';
import { servicesFor } from '../packages/server/src/platform/bootstrap';
import { generateKeySpec, PersonalDataCipher, parseKeySpec } from '../packages/server/src/platform/crypto/personalData';
import { type Database, openDatabase } from '../packages/server/src/platform/db/client';
import { migrate } from '../packages/server/src/platform/db/migrate';
import { sql } from '../packages/server/src/platform/db/sql';
import { buildApp } from '../packages/server/src/platform/http/app';
import { TEST_PASSWORD, TestClient } from '../packages/server/src/testing/app';
import { openTestDatabase } from '../packages/server/src/testing/database';
import { INDICATORS, type IndicatorDef } from '../packages/shared/src/indicators/catalogue';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const N = {
  households: Math.round(270_000 * SCALE),
  visits: Math.round(3_000_000 * SCALE),
  cadres: Math.round(10_000 * SCALE),
  exchanges: Math.round(40_000 * SCALE),
  projects: Math.round(50_000 * SCALE),
  flows: Math.round(500_000 * SCALE), // 15 a project started or later (2 commitments, 7 disbursements, 6 expenditures), 2 an approved one
};
const PERIOD = 'H2026-1';
process.env.XZ_TODAY = '2026-11-23';
process.env.XZ_INDICATORS_REFRESH_MS = '500';

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const log = (s: string) => console.log(`  ${s}`);
/** RUNS timed calls after 3 warm-up calls. */
async function timed(fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    if (i >= 3) out.push(ms(t0));
  }
  return out;
}
const p50p95 = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms`;
/** What the dashboard reads for its children: the KPI cards' indicators and the ranked one (a ratio's parts). */
const childIndicators = (rank: string) => [
  ...new Set(
    [...INDICATORS.filter((d) => d.kpi), INDICATORS.find((d) => d.code === rank)!].flatMap((d: IndicatorDef) =>
      d.measure === 'ratio' ? [d.numerator!, d.denominator!] : [d.code],
    ),
  ),
];

/** Bulk inserts with triggers (and FK checks) off, as a data migration would. */
async function bulk(database: Database, text: string) {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql.raw('set local session_replication_role = replica'));
    await tx.execute(sql.raw(text));
  });
}

async function generate(database: Database) {
  const t0 = process.hrtime.bigint();
  await loadDivisions(database);
  // teams: an HQ per province, a group per county, a team per town
  await bulk(
    database,
    `insert into teams (name, kind, division_code, start_date) select name || '指挥部', 'hq', code, '2021-07-01' from divisions where level = 'province'`,
  );
  await bulk(
    database,
    `insert into teams (name, kind, division_code, parent_id, start_date)
     select c.name || '工作组', 'group', c.code, h.id, '2021-07-01' from divisions c join teams h on h.kind = 'hq' and left(h.division_code, 2) = left(c.code, 2)
     where c.level = 'county'`,
  );
  await bulk(
    database,
    `insert into teams (name, kind, division_code, parent_id, start_date)
     select t.name || '工作队', 'team', t.code, g.id, '2021-07-01' from divisions t join teams g on g.kind = 'group' and g.division_code = t.parent_code
     where t.level = 'town'`,
  );
  await bulk(
    database,
    `insert into monitoring_households (division_code, head_name, entry_door, category, is_lifted, status, identified_on, eliminated_on)
     select v.code, '户主', 'cadre_check', (array['unstable', 'marginal', 'sudden'])[1 + g.i % 3], g.i % 3 = 0, 'monitored',
            date '2023-01-01' + (g.i % 1000)::int, case when g.i % 10 = 0 then date '2026-01-01' + (g.i % 300)::int end
     from (select i, (i::bigint * 7919) % c.n as k from generate_series(1, ${N.households}) i, (select count(*) as n from divisions where level = 'village') c) g
     join (select code, row_number() over (order by code) - 1 as rn from divisions where level = 'village') v on v.rn = g.k`,
  );
  // 3 or 4 members each (3.75 on average)
  await bulk(
    database,
    `insert into monitoring_members (household_id, name, relation, gender, birth_date, id_cipher, id_hash, id_masked, health_cipher, schooling, work)
     select h.id, '成员', 'self', 'female', date '1980-01-01', 'x', h.id || '-' || k, 'x', 'x', 'none', 'none'
     from monitoring_households h cross join lateral generate_series(1, case when h.id % 4 = 0 then 3 else 4 end) k`,
  );
  await bulk(
    database,
    `insert into monitoring_visits (household_id, visited_on, visitors, findings)
     select 1 + (i::bigint * 104729) % ${N.households}, date '2025-01-01' + (i % 690), '工作队', '正常' from generate_series(1, ${N.visits}) i`,
  );
  await bulk(
    database,
    `insert into cadres (name, gender, id_number_cipher, id_number_hash, kind, sending_unit, team_id, division_code, dispatch_start)
     select '干部' || g.i, 'male', 'x', 'h' || g.i, (array['cadre', 'teacher', 'doctor', 'agronomist'])[1 + g.i % 4], '派出单位', t.id, t.division_code, '2024-07-01'
     from (select i, i % c.n as k from generate_series(1, ${N.cadres}) i, (select count(*) as n from teams where kind = 'team') c) g
     join (select id, division_code, row_number() over (order by id) - 1 as rn from teams where kind = 'team') t on t.rn = g.k`,
  );
  await bulk(
    database,
    `insert into team_members (team_id, cadre_id, role, start_date) select team_id, id, 'member', '2024-07-01' from cadres`,
  );
  await bulk(
    database,
    `insert into talent_exchanges (kind, person_times, from_division_code, to_division_code, team_id, start_date)
     select (array['cadre', 'teacher', 'doctor', 'technician', 'other_professional', 'training'])[1 + g.i % 6], 1 + g.i % 5, '440100000000',
            t.division_code, t.id, date '2025-01-01' + (g.i % 690)
     from (select i, (i * 31) % c.n as k from generate_series(1, ${N.exchanges}) i, (select count(*) as n from teams where kind = 'team') c) g
     join (select id, division_code, row_number() over (order by id) - 1 as rn from teams where kind = 'team') t on t.rn = g.k`,
  );
  await generateFunds(database);
  await database.query('analyze');
  const [c] = await database.query<Record<string, number>>(
    `select (select count(*)::int from monitoring_households) as households, (select count(*)::int from monitoring_members) as persons,
            (select count(*)::int from monitoring_visits) as visits, (select count(*)::int from cadres) as cadres,
            (select count(*)::int from talent_exchanges) as exchanges, (select count(*)::int from teams) as teams,
            (select count(*)::int from funds_projects) as projects, (select count(*)::int from funds_flows) as flows,
            (select count(*)::int from funds_allocations) as allocations,
            (select count(*)::int from divisions) as divisions`,
  );
  log(
    `generated in ${(ms(t0) / 1000).toFixed(1)} s: ${Object.entries(c)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ')}`,
  );
}

/**
 * 资金与项目: a fiscal batch from a 广东 city to each helped city per county (2025 and 2026), passed on to the county
 * (80 %); projects spread over the villages (team: the village's town team), each budgeted 财政援助资金 and
 * 社会帮扶资金, reserved on days spread from 2024-07-01 to 2026-03-18 (at any scale) and stepped along its lifecycle by its number, with its money
 * rows as far as its lifecycle has gone (within its budgets, never disbursed above committed nor spent above disbursed).
 */
async function generateFunds(database: Database) {
  await bulk(
    database,
    `insert into funds_allocations (kind, payer_division_code, division_code, team_id, budget_year, doc_no, allocated_on, amount)
     select 'fiscal', '440100000000', left(c.code, 4) || '00000000', g.id, y, '粤财协〔' || y || '〕' || c.code, make_date(y, 3, 1), 10000000
     from divisions c join teams g on g.kind = 'group' and g.division_code = c.code, unnest(array[2025, 2026]) y
     where c.level = 'county' and left(c.code, 2) in ('45', '52')`,
  );
  await bulk(
    database,
    `insert into funds_allocations (parent_id, kind, payer_division_code, division_code, team_id, budget_year, doc_no, allocated_on, amount)
     select a.id, 'fiscal', a.division_code, (select division_code from teams where id = a.team_id), a.team_id, a.budget_year, a.doc_no || '-下', a.allocated_on + 30, 8000000
     from funds_allocations a where a.parent_id is null`,
  );
  await bulk(
    database,
    `insert into funds_projects (code, name, type, status, team_id, division_code, implementing_unit, planned_start, planned_finish,
                                 reserved_on, approved_on, started_on, completed_on, accepted_on, handed_over_on, jobs_created, asset_value)
     select 'P' || g.i, '协作项目' || g.i, (array['industry', 'infrastructure', 'livelihood', 'education', 'health', 'employment', 'rural', 'other'])[1 + g.i % 8],
            (array['reserve', 'approved', 'started', 'completed', 'accepted', 'handed_over'])[1 + g.i % 6], t.id, v.code, '实施单位',
            d + 60, d + 300, d, case when g.i % 6 >= 1 then d + 30 end, case when g.i % 6 >= 2 then d + 60 end,
            case when g.i % 6 >= 3 then d + 280 end, case when g.i % 6 >= 4 then d + 300 end, case when g.i % 6 >= 5 then d + 320 end,
            g.i % 20, case when g.i % 6 = 5 then 500000 end
     from (select i, (i::bigint * 7919) % c.n as k, date '2024-07-01' + ((i::bigint * 7919) % 626)::int as d
           from generate_series(1, ${N.projects}) i, (select count(*) as n from divisions where level = 'village') c) g
     join (select code, parent_code, row_number() over (order by code) - 1 as rn from divisions where level = 'village') v on v.rn = g.k
     left join teams t on t.kind = 'team' and t.division_code = v.parent_code`,
  );
  await bulk(
    database,
    `insert into funds_project_budgets (project_id, kind, amount)
     select p.id, k.kind, k.amount from funds_projects p, (values ('fiscal', 800000), ('social', 200000)) k(kind, amount)`,
  );
  // money rows as the module lets them be written, along each project's lifecycle: committed (下达到项目) when approved,
  // disbursed (拨付) from its start, spent (支出) after it is disbursed; per project and kind spent ≤ disbursed ≤
  // committed ≤ budget at every date. A project in reserve has none, an approved one its 2 commitments, a started
  // (or later) one 15 rows: 1,000,000 元 committed, 600,000 disbursed, 450,000 spent. The first N.flows rows by
  // project and step, so the last project cut short keeps its earlier steps.
  await bulk(
    database,
    `insert into funds_flows (project_id, type, kind, occurred_on, amount, voucher_no)
     select project_id, type, kind, occurred_on, amount, voucher_no from (
       select p.id as project_id, f.type, f.kind, p.reserved_on + f.days as occurred_on, f.amount, 'V' || p.id || '-' || f.n as voucher_no, f.n
       from funds_projects p
       join (values (1, 'commitment', 'fiscal', 30, 800000, 1), (2, 'commitment', 'social', 30, 200000, 1),
                    (3, 'disbursement', 'fiscal', 60, 100000, 2), (4, 'disbursement', 'fiscal', 90, 100000, 2),
                    (5, 'disbursement', 'fiscal', 120, 100000, 2), (6, 'disbursement', 'fiscal', 160, 100000, 2),
                    (7, 'disbursement', 'fiscal', 200, 100000, 2), (8, 'disbursement', 'social', 90, 50000, 2),
                    (9, 'disbursement', 'social', 150, 50000, 2), (10, 'expenditure', 'fiscal', 90, 100000, 2),
                    (11, 'expenditure', 'fiscal', 130, 100000, 2), (12, 'expenditure', 'fiscal', 170, 100000, 2),
                    (13, 'expenditure', 'fiscal', 250, 100000, 2), (14, 'expenditure', 'social', 120, 25000, 2),
                    (15, 'expenditure', 'social', 200, 25000, 2)) f(n, type, kind, days, amount, step)
         on array_position(array['reserve', 'approved', 'started', 'completed', 'accepted', 'handed_over'], p.status) - 1 >= f.step
       order by p.id, f.n
       limit ${N.flows}) x`,
  );
}

async function measure(label: string, database: Database, reuse = false) {
  console.log(`\n${label}`);
  if (reuse) {
    log('reusing the data set in the database (BENCH_REUSE=1): nothing generated');
    await database.query('analyze'); // statistics for an index a new migration added
  } else await generate(database);
  const config = { ...loadConfig({}), scryptCost: 10, seedDemo: false, webDist: '/nonexistent' };
  const services = servicesFor(config, database, new PersonalDataCipher(parseKeySpec(generateKeySpec())), modules);
  const app = await buildApp(services, modules, false, { pluginTimeout: 120_000 }); // start-up on a busy machine
  let t0 = process.hrtime.bigint();
  await app.ready(); // the refresher finds no fingerprint and builds the aggregates in the background
  await refresherOf(services).ready;
  log(`aggregates built in ${(ms(t0) / 1000).toFixed(1)} s`);
  const [sizes] = await database.query<{ leaves: number; rollups: number }>(
    `select (select count(*)::int from indicator_leaves) as leaves, (select count(*)::int from indicator_rollups) as rollups`,
  );
  log(`indicator_leaves ${sizes.leaves.toLocaleString('en')} rows, indicator_rollups ${sizes.rollups.toLocaleString('en')} rows`);
  await database.query('analyze indicator_rollups');

  const [existing] = await database.query<{ n: number }>(`select count(*)::int as n from users where username = 'bench'`);
  if (!existing.n)
    await createUser(
      database.db,
      config,
      { username: 'bench', displayName: 'bench', role: 'hq', scopeAll: true, scopeDivisions: [], scopeTeams: [] },
      { id: null, name: 'bench', ip: null },
      TEST_PASSWORD,
    );
  await database.query(`update users set must_change_password = false where username = 'bench'`);
  const client = new TestClient(app);
  await client.login('bench', TEST_PASSWORD);
  const [hq] = await database.query<{ id: number }>(`select id from teams where kind = 'hq' and division_code = '440000000000'`);
  const url = `/api/indicators/dashboard?node=t:${hq.id}&period=${PERIOD}&rank=monitoring.visitedHouseholds`;

  const endpoint: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    t0 = process.hrtime.bigint();
    const res = await client.get(url);
    if (res.statusCode !== 200) throw new Error(res.body);
    if (i >= 3) endpoint.push(ms(t0));
  }
  const body = (await client.get(url)).json();
  const vh = body.figures.find((f: { code: string; breakdown: string }) => f.code === 'monitoring.visitedHouseholds' && f.breakdown === '');
  log(`HQ ${body.node.name}: ${body.children.length} groups ranked; 走访监测户 ${vh.value} (last year ${vh.lastYear})`);

  // the bare SQL over the same aggregates, as the endpoint issues it: the node's periods, the children, the map's cities
  const children = body.children.map((c: { node: string }) => c.node);
  const months = [...Array(12).keys()].map((m) => `M2026-${String(m + 1).padStart(2, '0')}`);
  const periods = [PERIOD, 'H2025-1', ...months, ...months.map((m) => m.replace('2026', '2025'))];
  const bare: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    t0 = process.hrtime.bigint();
    await readValues(database, [`t:${hq.id}`], periods);
    await readValues(database, children, [...storedPeriodsFor(PERIOD), 'H2025-1'], childIndicators('monitoring.visitedHouseholds'));
    const cities = await database.query<{ code: string }>(`select code from divisions where level = 'city' and abolished_on is null`);
    await readValues(
      database,
      cities.map((c) => `d:${c.code.slice(0, 4)}`),
      [PERIOD],
      ['monitoring.visitedHouseholds'],
    );
    if (i >= 3) bare.push(ms(t0));
  }
  const e50 = pct(endpoint, 50);
  const e95 = pct(endpoint, 95);
  const b50 = pct(bare, 50);
  log(`dashboard endpoint p50 ${e50.toFixed(1)} ms, p95 ${e95.toFixed(1)} ms (${RUNS} requests)`);
  log(
    `bare SQL over the aggregates p50 ${b50.toFixed(1)} ms, p95 ${pct(bare, 95).toFixed(1)} ms; endpoint/bare (p50) ${(e50 / b50).toFixed(2)}`,
  );

  // 资金与项目: the same dashboard ranking the groups (one per county) by 资金拨付率, and the funds pages' queries
  // at the HQ of 贵州 (a helped province: its groups are its counties, where the money and the projects are)
  const [helped] = await database.query<{ id: number }>(`select id from teams where kind = 'hq' and division_code = '520000000000'`);
  const fundsUrl = `/api/indicators/dashboard?node=t:${helped.id}&period=${PERIOD}&rank=funds.disbursementRate`;
  const fundsEndpoint = await timed(async () => {
    const res = await client.get(fundsUrl);
    if (res.statusCode !== 200) throw new Error(res.body);
  });
  const fb = (await client.get(fundsUrl)).json();
  const fundsChildren = fb.children.map((c: { node: string }) => c.node);
  const fig = (code: string) => fb.figures.find((f: { code: string; breakdown: string }) => f.code === code && f.breakdown === '')?.value;
  log(
    `${fb.node.name}: 资金拨付率 ${(100 * fig('funds.disbursementRate')).toFixed(1)} %, 到位财政援助资金 ${fig('funds.fiscalReceived')} 元, 新开工项目 ${fig('funds.started')}; ` +
      `${fig('funds.projects')} projects, first of ${fb.rank.items.length} groups ranked by the rate: ${fb.rank.items[0]?.name} ${(100 * fb.rank.items[0]?.value).toFixed(1)} %`,
  );
  const fundsBare = await timed(async () => {
    await readValues(database, [`t:${helped.id}`], periods);
    await readValues(database, fundsChildren, [...storedPeriodsFor(PERIOD), 'H2025-1'], childIndicators('funds.disbursementRate'));
    const cities = await database.query<{ code: string }>(`select code from divisions where level = 'city' and abolished_on is null`);
    await readValues(
      database,
      cities.map((c) => `d:${c.code.slice(0, 4)}`),
      [PERIOD],
      ['funds.disbursed', 'funds.committed'],
    );
  });
  const f50 = pct(fundsEndpoint, 50);
  const f95 = pct(fundsEndpoint, 95);
  log(
    `dashboard ranked by 资金拨付率: ${p50p95(fundsEndpoint)}; bare SQL ${p50p95(fundsBare)}; endpoint/bare (p50) ${(f50 / pct(fundsBare, 50)).toFixed(2)}`,
  );

  // 资金流向 by county (HQ's ranking of counties by disbursement rate, from the tables) and the project list with its totals
  const counties = await timed(async () => {
    const res = await client.get('/api/funds/counties');
    if (res.statusCode !== 200) throw new Error(res.body);
  });
  const countyRows = (await client.get('/api/funds/counties')).json();
  const countyBare = await timed(() =>
    database.query(
      `select substr(p.division_code, 1, 6) as code, count(distinct p.id), sum(f.amount) filter (where f.type = 'commitment'),
              sum(f.amount) filter (where f.type = 'disbursement')
       from funds_projects p left join funds_flows f on f.project_id = p.id group by 1`,
    ),
  );
  log(
    `资金流向 by county (${countyRows.length} counties): ${p50p95(counties)}; bare SQL (the projects' part) ${p50p95(countyBare)}; ` +
      `endpoint/bare (p50) ${(pct(counties, 50) / pct(countyBare, 50)).toFixed(2)}`,
  );
  const list = await timed(async () => {
    const res = await client.get('/api/funds/projects?page=1&pageSize=20&late=true');
    if (res.statusCode !== 200) throw new Error(res.body);
  });
  const listBody = (await client.get('/api/funds/projects?page=1&pageSize=20&late=true')).json();
  log(
    `project list, late ones (${listBody.total.toLocaleString('en')} of ${N.projects.toLocaleString('en')}), page 1 with totals: ${p50p95(list)}`,
  );

  // a one-row change: a visit to a not-yet-visited household this month, until the dashboard shows it
  const monthUrl = `/api/indicators/dashboard?node=t:${hq.id}&period=M2026-11`;
  const before = (await client.get(monthUrl)).json().figures.find((f: { code: string }) => f.code === 'monitoring.visitedHouseholds').value;
  const [fresh] = await database.query<{ id: number }>(
    `select h.id from monitoring_households h where h.division_code like '44%' and not exists (select 1 from monitoring_visits v where v.household_id = h.id and v.visited_on >= '2026-11-01') limit 1`,
  );
  t0 = process.hrtime.bigint();
  await database.query(
    `insert into monitoring_visits (household_id, visited_on, visitors, findings) values ($1, '2026-11-20', 'bench', 'bench')`,
    [fresh.id],
  );
  for (;;) {
    const now = (await client.get(monthUrl)).json().figures.find((f: { code: string }) => f.code === 'monitoring.visitedHouseholds').value;
    if (now === before + 1) break;
    if (ms(t0) > 30_000) throw new Error('change not shown within 30 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  log(`one-row change shown on the dashboard after ${ms(t0).toFixed(0)} ms (refresher polls every 500 ms)`);
  const goal = database.engine === 'postgres' ? 300 : 1000;
  for (const [what, p95] of [
    ['dashboard', e95],
    ['dashboard ranked by 资金拨付率', f95],
    ['资金流向 by county', pct(counties, 95)],
    ['project list', pct(list, 95)],
  ] as const)
    log(`goal p95 ≤ ${goal} ms, ${what}: ${p95 <= goal ? 'met' : 'NOT met'} (${p95.toFixed(1)} ms)`);
  await refresherOf(services).stop();
  await app.close();
}

async function main() {
  console.log(
    `bench:dashboard — scale ${SCALE}: ${Object.entries(N)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ')}`,
  );
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
  if (engines.includes('pglite')) {
    const dir = mkdtempSync(join(tmpdir(), 'xz-bench-dash-'));
    const lite = await openDatabase({ dataDir: dir });
    await migrate(lite);
    try {
      await measure('PGlite', lite);
    } finally {
      await lite.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const own = process.env.BENCH_DATABASE_URL;
  const url = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (own && engines.includes('postgres')) {
    // a database of the bench's own: emptied first, left with the data set afterwards (to look at, or to time again)
    const reuse = process.env.BENCH_REUSE === '1';
    const pg = await openDatabase({ url: own });
    if (!reuse) await pg.query('drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public');
    await migrate(pg);
    try {
      await measure('PostgreSQL', pg, reuse);
    } finally {
      await pg.close();
    }
  } else if (url && engines.includes('postgres')) {
    process.env.TEST_DATABASE_URL = url;
    const pg = await openTestDatabase(); // a scratch database on that server, dropped afterwards
    try {
      await measure('PostgreSQL', pg);
    } finally {
      await pg.close();
    }
  } else if (engines.includes('postgres')) console.log('\nPostgreSQL: skipped (set BENCH_DATABASE_URL, DATABASE_URL or TEST_DATABASE_URL)');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
