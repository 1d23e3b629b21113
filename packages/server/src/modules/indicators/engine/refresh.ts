// The refresher keeps indicator_leaves and indicator_rollups current.
// Why triggers + a queue rather than modules calling us: the modules are written independently, and a
// trigger cannot be forgotten by a new code path, an import or a manual SQL fix. Each trigger only queues
// the changed slice (source, town, year) in indicator_dirty — cheap, inside the writer's transaction.
// The refresher (every second, one at a time) recomputes queued slices from the sources, and applies the
// *difference* between old and new leaves to every ancestor node, in one transaction. So a one-row change
// costs one town-year of work, and dashboards never scan raw rows.
// A change of the trees (teams, divisions) or of the catalogue rebuilds the rollups from the leaves.
import { createHash } from 'node:crypto';
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { INDICATORS } from '@xiezuo/shared/indicators/catalogue';
import { periodsOfYear } from '@xiezuo/shared/indicators/periods';
import { sql } from 'drizzle-orm';
import type { Database, Tx } from '../../../platform/db/client';
import { indicatorsOf, leafInsertSql, STATIONS_SQL, yearsSql } from './compute';
import type { DirtyRule, FactSource, PersonView } from './sources';
import { loadTrees, type Query, type Trees, treeDay } from './tree';

const TREE = '__tree__';
const BATCH = 400;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

type Q = Query;
const txQuery =
  (tx: Tx): Q =>
  async <T>(text: string) =>
    ((await tx.execute(sql.raw(text))) as unknown as { rows: T[] }).rows;

/** XZ_INDICATORS_PROFILE=1 prints how long each step of a rebuild takes (bench). */
async function profiled<T>(label: string, fn: () => Promise<T>): Promise<T> {
  if (!process.env.XZ_INDICATORS_PROFILE) return fn();
  const t0 = Date.now();
  const out = await fn();
  console.log(`    rebuild ${label}: ${Date.now() - t0} ms`);
  return out;
}

/** What each source reads that the database lacks ("table.column"); a source with nothing missing is wired. */
export async function missingColumns(database: Database, sources: FactSource[]): Promise<Map<string, string[]>> {
  const cols = await database.query<{ t: string; c: string }>(
    `select table_name as t, column_name as c from information_schema.columns where table_schema = current_schema()`,
  );
  const have = new Set(cols.map((r) => `${r.t}.${r.c}`));
  const needed = (s: FactSource) => Object.entries(s.requires).flatMap(([t, cs]) => cs.map((c) => `${t}.${c}`));
  return new Map(sources.map((s) => [s.key, needed(s).filter((tc) => !have.has(tc))]));
}

/** Sources whose tables and columns all exist. */
export async function wiredSources(database: Database, sources: FactSource[]): Promise<FactSource[]> {
  const missing = await missingColumns(database, sources);
  return sources.filter((s) => missing.get(s.key)?.length === 0);
}

/**
 * Queues the slices the rows of a transition table (`rows`, alias R) touch: one statement per write
 * statement, however many rows it changed — a 200,000-row import queues its few town-years at once
 * instead of running a trigger 200,000 times.
 */
function markSql(key: string, rule: DirtyRule, rows: string): string {
  const from = rule.from ?? 'null::date';
  const to = rule.to && rule.to !== 'open' ? rule.to : from;
  const years = rule.from
    ? `(select generate_series(yf, greatest(yf, least(yt, yf + 10))) as y from (select extract(year from x.f)::int as yf,
         extract(year from coalesce(${rule.to === 'open' ? 'current_date' : 'x.t'}, x.f))::int as yt) z)`
    : `(select 0 as y)`;
  return `insert into indicator_dirty (source, slice, year)
      select distinct ${lit(key)}, rpad(substr(x.d, 1, 9), 12, '0'), ys.y
      from (select ${rule.division} as d, ${from} as f, ${to} as t from ${rows}) x cross join lateral ${years} ys
      where x.d is not null${rule.from ? ' and x.f is not null' : ''}
      on conflict do nothing;`;
}

/** (Re)creates the queueing triggers on the wired sources' tables and on the trees. */
export async function installTriggers(database: Database, wired: FactSource[], views: PersonView[] = []): Promise<void> {
  const stmts: string[] = [];
  // statement-level, with transition tables; one trigger per event (PostgreSQL allows transition tables only so)
  const events = [
    { suffix: 'i', event: 'insert', referencing: 'new table as new_rows', tables: ['new_rows'] },
    { suffix: 'u', event: 'update', referencing: 'old table as old_rows new table as new_rows', tables: ['old_rows', 'new_rows'] },
    { suffix: 'd', event: 'delete', referencing: 'old table as old_rows', tables: ['old_rows'] },
  ] as const;
  for (const s of wired) {
    s.dirty.forEach((rule, i) => {
      const name = `xzi_${s.key.replace(/\W/g, '_')}_${i}`.slice(0, 60);
      stmts.push(`drop trigger if exists ${name} on ${rule.table}`); // the row-level trigger of earlier versions
      for (const e of events) {
        const fn = `${name}_${e.suffix}`;
        stmts.push(`create or replace function ${fn}() returns trigger language plpgsql as $f$
          begin ${e.tables.map((t) => markSql(s.key, rule, `${t} R`)).join('\n')} return null; end $f$`);
        stmts.push(`drop trigger if exists ${fn} on ${rule.table}`);
        stmts.push(
          `create trigger ${fn} after ${e.event} on ${rule.table} referencing ${e.referencing} for each statement execute function ${fn}()`,
        );
      }
    });
  }
  // person views: a write to a table feeding one (the 脱贫人口 roster) queues, in every source joining the view,
  // the slices of the rows that hold the written people's ID hashes — one statement per source rule
  const tables = new Set(
    (
      await database.query<{ t: string }>(`select table_name as t from information_schema.tables where table_schema = current_schema()`)
    ).map((r) => r.t),
  );
  for (const view of views) {
    const rules = wired.flatMap((s) => (s.persons ?? []).filter((r) => r.view === view.view).map((rule) => ({ key: s.key, rule })));
    view.feeds.forEach((feed, i) => {
      const name = `xzp_${view.view}_${i}`.replace(/\W/g, '_').slice(0, 60);
      for (const e of events) {
        const fn = `${name}_${e.suffix}`;
        if (!tables.has(feed.table)) continue; // the module owning the feed is not installed
        stmts.push(`drop trigger if exists ${fn} on ${feed.table}`);
        if (rules.length === 0) continue;
        const people = (t: string) => `select ${feed.hash} from ${t} F ${feed.join ?? ''} ${feed.where ? `where ${feed.where}` : ''}`;
        const marks = e.tables.flatMap((t) =>
          rules.map(({ key, rule }) => markSql(key, rule, `${rule.table} R ${rule.join ?? ''} where ${rule.hash} in (${people(t)})`)),
        );
        stmts.push(`create or replace function ${fn}() returns trigger language plpgsql as $f$
          begin ${marks.join('\n')} return null; end $f$`);
        stmts.push(
          `create trigger ${fn} after ${e.event} on ${feed.table} referencing ${e.referencing} for each statement execute function ${fn}()`,
        );
      }
    });
  }
  stmts.push(`create or replace function xzi_tree() returns trigger language plpgsql as $f$
    begin insert into indicator_dirty (source, slice, year) values (${lit(TREE)}, '*', 0) on conflict do nothing; return null; end $f$`);
  const trees = (
    await database.query<{ t: string }>(
      `select table_name as t from information_schema.tables where table_schema = current_schema() and table_name in ('teams', 'divisions', 'division_versions')`,
    )
  ).map((r) => r.t);
  for (const t of trees) {
    stmts.push(`drop trigger if exists xzi_tree_${t} on ${t}`);
    stmts.push(`create trigger xzi_tree_${t} after insert or update or delete on ${t} for each statement execute function xzi_tree()`);
  }
  for (const s of stmts) await database.query(s);
}

export function fingerprint(wired: FactSource[]): string {
  return createHash('sha256')
    .update(JSON.stringify({ v: 1, INDICATORS, sources: wired.map((s) => [s.key, s.sql]) }))
    .digest('hex')
    .slice(0, 16);
}

function nodesOf(trees: Trees, slice: string, teamId: number, year: number, today: string): string[] {
  return trees.rollupNodes(slice, teamId, treeDay(year, today));
}

interface Leaf {
  slice: string;
  team_id: number;
  period: string;
  breakdown: string;
  indicator: string;
  value: number;
}

/** Recomputes some slices of one source for one year and applies the difference to the rollups. */
async function refreshSlices(q: Q, trees: Trees, source: FactSource, year: number, slices: string[], today: string) {
  const defs = indicatorsOf(source.key);
  if (defs.length === 0) return;
  const where = `indicator in (${defs.map((d) => lit(d.code)).join(',')})
    and slice in (${slices.map(lit).join(',')})
    and period in (${periodsOfYear(year)
      .map((p) => lit(p.key))
      .join(',')})`;
  const cols = 'slice, team_id, period, breakdown, indicator, value';
  const old = await q<Leaf>(`delete from indicator_leaves where ${where} returning ${cols}`);
  for (const def of defs) await q(leafInsertSql(source, def, year, slices, today));
  const fresh = await q<Leaf>(`select ${cols} from indicator_leaves where ${where}`);
  const delta = new Map<string, number>();
  const add = (l: Leaf, sign: number) => {
    for (const node of nodesOf(trees, l.slice, l.team_id, year, today)) {
      const k = `${node}\u0001${l.period}\u0001${l.indicator}\u0001${l.breakdown}`;
      delta.set(k, (delta.get(k) ?? 0) + sign * l.value);
    }
  };
  for (const l of old) add(l, -1);
  for (const l of fresh) add(l, 1);
  const rows = [...delta].filter(([, v]) => v !== 0);
  for (let i = 0; i < rows.length; i += 1000) {
    const values = rows
      .slice(i, i + 1000)
      .map(([k, v]) => {
        const [node, period, indicator, breakdown] = k.split('\u0001');
        return `(${lit(node)}, ${lit(period)}, ${lit(indicator)}, ${lit(breakdown)}, ${v})`;
      })
      .join(',');
    await q(`insert into indicator_rollups (node, period, indicator, breakdown, value) values ${values}
             on conflict (node, period, indicator, breakdown) do update set value = indicator_rollups.value + excluded.value`);
  }
  if (rows.length) await q(`delete from indicator_rollups where abs(value) < 1e-9`);
}

/** Rebuilds every rollup from the leaves (after a tree change or a full rebuild). */
async function rebuildRollups(q: Q, trees: Trees, today: string) {
  await q(`delete from indicator_rollups`);
  // every distinct (slice, team, year) of the leaves and the rollup nodes it adds up into
  const keys = await q<{ slice: string; team_id: number; year: number }>(
    `select distinct slice, team_id, substr(period, 2, 4)::int as year from indicator_leaves`,
  );
  await q(`drop table if exists xz_anc`);
  await q(`create temp table xz_anc (slice text, team_id int, year int, node text)`);
  const anc = keys.flatMap((k) =>
    nodesOf(trees, k.slice, k.team_id, k.year, today).map((n) => `(${lit(k.slice)}, ${k.team_id}, ${k.year}, ${lit(n)})`),
  );
  for (let i = 0; i < anc.length; i += 2000) await q(`insert into xz_anc values ${anc.slice(i, i + 2000).join(',')}`);
  await q(`analyze xz_anc`);
  await q(`insert into indicator_rollups (node, period, indicator, breakdown, value)
    select a.node, l.period, l.indicator, l.breakdown, sum(l.value) from indicator_leaves l
      join xz_anc a on a.slice = l.slice and a.team_id = l.team_id and a.year = substr(l.period, 2, 4)::int
    group by 1, 2, 3, 4`);
  await q(`drop table xz_anc`);
}

export interface RefreshOptions {
  /** The fact sources to aggregate: services.facts, every module's as their manifests publish them. */
  sources: FactSource[];
  /** The person views sources join and the tables feeding them (services.personViews). */
  personViews?: PersonView[];
  /** Today as YYYY-MM-DD (default todayInBeijing(), which XZ_TODAY pins). */
  today?: () => string;
}

/** One refresher per process; `runOnce` calls are serialised. */
export class Refresher {
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private wired: FactSource[] = [];
  readonly sources: FactSource[];
  private today: () => string;
  private personViews: PersonView[];

  constructor(
    private readonly database: Database,
    opts: RefreshOptions,
  ) {
    this.sources = opts.sources;
    this.personViews = opts.personViews ?? [];
    this.today = opts.today ?? (() => todayInBeijing());
  }

  get wiredKeys(): string[] {
    return this.wired.map((s) => s.key);
  }

  get wiredSources(): FactSource[] {
    return this.wired;
  }

  /** Finds the wired sources, installs triggers, and rebuilds everything if the catalogue or wiring changed. */
  /** Resolves when the first (re)build, if one was needed, is done; dashboards show `pending` meanwhile. */
  ready: Promise<void> = Promise.resolve();

  /**
   * Wires the sources and installs the triggers (fast), then — in the background, so the app starts at
   * once even at province scale — rebuilds everything if the catalogue or the wiring changed. The
   * fingerprint is written only after the rebuild commits, so an interrupted rebuild runs again.
   */
  async init(): Promise<void> {
    this.wired = await wiredSources(this.database, this.sources);
    await installTriggers(this.database, this.wired, this.personViews);
    const fp = fingerprint(this.wired);
    const [state] = await this.database.query<{ value: string }>(`select value from indicator_state where key = 'fingerprint'`);
    if (state?.value === fp) return;
    await this.database.query(`insert into indicator_dirty (source, slice, year) values ('__tree__', '*', 0) on conflict do nothing`); // shows as pending
    this.ready = this.rebuildAll().then(async () => {
      await this.database.query(
        `insert into indicator_state (key, value) values ('fingerprint', $1) on conflict (key) do update set value = excluded.value, updated_at = now()`,
        [fp],
      );
    });
    this.ready.catch(() => undefined);
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private transaction<T>(fn: (q: Q) => Promise<T>): Promise<T> {
    return this.database.db.transaction(async (tx) => {
      const q = txQuery(tx);
      if (this.database.engine === 'postgres') await q(`select pg_advisory_xact_lock(604201)`);
      for (const stmt of STATIONS_SQL) await q(stmt);
      return fn(q);
    });
  }

  /** Recomputes every wired source from scratch, then the rollups. */
  rebuildAll(): Promise<void> {
    return this.serial(() => this.transaction((q) => this.rebuild(q)));
  }

  private async rebuild(q: Q) {
    const today = this.today();
    const year = Number(today.slice(0, 4));
    await q(`set local work_mem = '64MB'`);
    // bulk load: indexes are rebuilt once afterwards rather than maintained row by row
    await q(`delete from indicator_leaves`);
    await q(`delete from indicator_dirty`);
    await q(`alter table indicator_leaves drop constraint indicator_leaves_slice_period_indicator_breakdown_team_id_pk`);
    await q(`drop index indicator_leaves_team_idx`);
    for (const source of this.wired) {
      const [range] = await q<{ lo: number | null; hi: number | null }>(yearsSql(source, year));
      if (range?.lo == null || range.hi == null) continue;
      for (let y = range.lo; y <= range.hi; y++) {
        for (const def of indicatorsOf(source.key)) await profiled(`${def.code} ${y}`, () => q(leafInsertSql(source, def, y, null, today)));
      }
    }
    await profiled('leaf indexes', async () => {
      await q(
        `alter table indicator_leaves add constraint indicator_leaves_slice_period_indicator_breakdown_team_id_pk primary key (slice, period, indicator, breakdown, team_id)`,
      );
      await q(`create index indicator_leaves_team_idx on indicator_leaves (team_id, period)`);
      await q(`analyze indicator_leaves`);
    });
    await profiled('rollups', async () => rebuildRollups(q, await loadTrees(q), today));
    await this.stamp(q);
  }

  private async stamp(q: Q) {
    await q(`insert into indicator_state (key, value) values ('refreshed_at', ${lit(new Date().toISOString())})
             on conflict (key) do update set value = excluded.value, updated_at = now()`);
  }

  /** Processes the queue until it is empty; returns the number of slices recomputed. */
  runOnce(): Promise<number> {
    return this.serial(async () => {
      let total = 0;
      for (;;) {
        const n = await this.transaction((q) => this.batch(q));
        total += n;
        if (n === 0) return total;
      }
    });
  }

  private async batch(q: Q): Promise<number> {
    const items = await q<{ source: string; slice: string; year: number }>(
      `delete from indicator_dirty where (source, slice, year) in (select source, slice, year from indicator_dirty order by at limit ${BATCH})
       returning source, slice, year`,
    );
    if (items.length === 0) return 0;
    // A tree change moves stations (which team a town's rows count for) and ancestors: rebuild all.
    if (items.some((i) => i.source === TREE)) {
      await this.rebuild(q);
      return items.length;
    }
    const today = this.today();
    const thisYear = Number(today.slice(0, 4));
    const trees = await loadTrees(q);
    const groups = new Map<string, Set<string>>(); // source|year → slices
    for (const it of items) {
      const years = it.year === 0 ? Array.from({ length: 6 }, (_, i) => thisYear - 5 + i) : [it.year];
      for (const y of years) {
        const k = `${it.source}|${y}`;
        if (!groups.has(k)) groups.set(k, new Set());
        groups.get(k)!.add(it.slice);
      }
    }
    for (const [k, slices] of groups) {
      const [key, y] = k.split('|');
      const source = this.wired.find((s) => s.key === key);
      // the same window as a rebuild (see yearsSql): stocks this year and the two before
      if (!source || Number(y) > thisYear || (source.kind === 'interval' && Number(y) < thisYear - 2)) continue;
      await refreshSlices(q, trees, source, Number(y), [...slices], today);
    }
    await this.stamp(q);
    return items.length;
  }

  /** Polls the queue every `ms` (a one-row change shows within about that). */
  start(ms = 1000) {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.runOnce().catch(() => undefined);
    }, ms);
    this.timer.unref();
  }

  async stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.chain;
  }
}
