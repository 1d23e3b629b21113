// Indicators services: the per-app refresher, dashboards, targets (目标任务), reported figures (指标填报)
// and background report jobs. Every write is audited; every read is scoped by node. Each takes the
// caller's ctx (ctxOf(req) in a route).
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import type { CatalogueItemT, DashboardT, TargetRowT } from '@xiezuo/shared/contracts/indicators';
import { toIsoDate } from '@xiezuo/shared/format';
import type { Language } from '@xiezuo/shared/i18n/index';
import { INDICATOR_BY_CODE, INDICATORS, indicatorName } from '@xiezuo/shared/indicators/catalogue';
import { elapsedShare, parsePeriod, periodLabel } from '@xiezuo/shared/indicators/periods';
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx, Services } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import { AppError, invalid } from '../../platform/http/errors';
import { translator } from '../../platform/i18n';
import { assertInScope, EVERYTHING } from '../../platform/scope';
import { assertIndicator, buildDashboard, figureValue, progressOf, readValues, storedPeriodsFor } from './dashboard';
import { Refresher, wiredSources } from './engine/refresh';
import { assertNodeInScope, defaultNode, divisionCodeOf, NodeDirectory, nodeInScope, teamIdOf } from './nodes';
import { buildDocx, buildXlsx, type ReportModel, rankingMeaningful, type TableKind } from './reports';

const refreshers = new WeakMap<Services, Refresher>();

/** The app's refresher (created on first use; started by the routes plugin). */
export function refresherOf(services: Services): Refresher {
  let r = refreshers.get(services);
  if (!r) refreshers.set(services, (r = new Refresher(services.database, { sources: services.facts, personViews: services.personViews })));
  return r;
}

/** The catalogue in the user's language, each indicator with whether its source feeds the aggregates now. */
export function catalogueFor(ctx: Ctx): CatalogueItemT[] {
  const wired = new Set(refresherOf(ctx.services).wiredKeys);
  const en = ctx.lang === 'en';
  return INDICATORS.map((d) => ({
    code: d.code,
    name: indicatorName(d, ctx.lang),
    unit: en ? d.unitEn : d.unitZh,
    measure: d.measure,
    group: d.group,
    source: d.source ?? null,
    wired:
      d.measure === 'ratio'
        ? [d.numerator, d.denominator].every((c) => wired.has(INDICATORS.find((x) => x.code === c)?.source ?? ''))
        : wired.has(d.source ?? ''),
    kpi: d.kpi ?? false,
    money: d.money ?? false,
    breakdowns: (d.breakdowns ?? []).map((b) => ({ key: b.key, name: en ? b.en : b.zh })),
  }));
}

/** The dashboard of a node (without one: the node the user's scope opens on) and period. */
export async function dashboardFor(ctx: Ctx, q: { node?: string; period: string; rank?: string }): Promise<DashboardT> {
  const { services } = ctx;
  const node = q.node ?? (await openingNode(ctx));
  return buildDashboard(
    {
      database: services.database,
      wired: new Set(refresherOf(services).wiredKeys),
      sources: refresherOf(services).wiredSources,
      today: todayInBeijing(),
      lang: ctx.lang,
      allName: ctx.t('indicators.all'),
    },
    ctx.user.scope,
    { ...q, node },
  );
}

export async function openingNode(ctx: Ctx): Promise<string> {
  return defaultNode(ctx.user.scope);
}

/** The node picker's options: the top nodes of the user's scope in one tree with their children, or those found by name. */
export async function nodeOptions(ctx: Ctx, q: { tree?: 'division' | 'team'; q?: string; node?: string }) {
  const dir = new NodeDirectory(ctx.services.database, ctx.t('indicators.all'));
  const opening = await openingNode(ctx);
  const tree = q.tree ?? (opening.startsWith('t:') ? 'team' : 'division');
  const found = q.q ? await dir.search(ctx.user.scope, tree, q.q) : await dir.tops(ctx.user.scope, tree);
  const list = q.q ? found : [...new Set([...found, ...(await Promise.all(found.map((n) => dir.children(n)))).flat()])];
  const visible = list.filter((n) => nodeInScope(ctx.user.scope, n)).slice(0, 100);
  const current = q.node && nodeInScope(ctx.user.scope, q.node) ? q.node : null;
  const options = await dir.options(current ? [current, ...visible] : visible);
  return { opening, current: current ? options[0] : null, items: current ? options.slice(1) : options };
}

/** 导出统计表: the dashboard's tables as an .xlsx file, audited. */
export async function exportTables(ctx: Ctx, q: { node: string; period: string; rank?: string; table: TableKind | 'all' }) {
  const d = await dashboardFor(ctx, q);
  const tables: TableKind[] = q.table === 'all' ? ['figures', 'children', 'ranking', 'targets'] : [q.table];
  const file = await buildXlsx(d, ctx.t, tables);
  await writeAudit(ctx.services.db, ctx.actor, { action: 'export', entity: 'indicator_table', entityId: d.node.node, after: q });
  return { file, fileName: `${d.node.name}${d.periodLabel}.xlsx` };
}

// ---- targets ----
async function nodeColumns(services: Services, node: string): Promise<{ divisionCode: string | null; teamId: number | null }> {
  if (node.startsWith('d:')) return { divisionCode: divisionCodeOf(node), teamId: null };
  if (node.startsWith('t:')) {
    const [row] = await services.database.query<{ division_code: string }>(`select division_code from teams where id = $1`, [
      teamIdOf(node),
    ]);
    if (!row) throw invalid({ path: 'body.node', key: 'indicators.validation.node' });
    return { divisionCode: row.division_code, teamId: teamIdOf(node) };
  }
  return { divisionCode: null, teamId: null };
}

export async function listTargets(ctx: Ctx, q: { node?: string; period?: string }): Promise<TargetRowT[]> {
  const { services, user, lang } = ctx;
  const rows = await services.database.query<{
    id: number;
    node: string;
    indicator: string;
    period: string;
    value: number;
    parent_id: number | null;
  }>(
    `select id, node, indicator, period, value, parent_id from indicator_targets
     where ($1::text is null or node = $1 or parent_id in (select id from indicator_targets where node = $1)) and ($2::text is null or period = $2)
     order by period desc, node, indicator`,
    [q.node ?? null, q.period ?? null],
  );
  const visible = rows.filter((r) => nodeInScope(user.scope, r.node));
  const dir = new NodeDirectory(services.database, ctx.t('indicators.all'));
  const names = await dir.names([...new Set(visible.map((r) => r.node))]);
  const wired = new Set(refresherOf(services).wiredKeys);
  const today = todayInBeijing();
  const out: TargetRowT[] = [];
  for (const r of visible) {
    const def = INDICATOR_BY_CODE.get(r.indicator);
    if (!def) continue;
    const values = await readValues(
      services.database,
      [r.node],
      storedPeriodsFor(r.period, today),
      [r.indicator, def.numerator ?? '', def.denominator ?? ''],
      {
        sources: refresherOf(services).wiredSources,
        today,
      },
    );
    const actual = figureValue(values, r.node, r.period, def, '', wired, today);
    out.push({
      id: r.id,
      node: r.node,
      nodeName: names.get(r.node) ?? r.node,
      indicator: r.indicator,
      indicatorName: indicatorName(def, lang),
      period: r.period,
      value: r.value,
      actual,
      ...progressOf(def, actual, r.value, elapsedShare(parsePeriod(r.period), today)),
      parentId: r.parent_id,
    });
  }
  return out;
}

export async function upsertTarget(
  ctx: Ctx,
  body: { node: string; indicator: string; period: string; value: number },
  parentId: number | null = null,
): Promise<number> {
  assertNodeInScope(ctx.user.scope, body.node);
  assertIndicator(body.indicator, 'body.indicator');
  const cols = await nodeColumns(ctx.services, body.node);
  return withTx(ctx, async (tx) => {
    const before = (
      (await tx.execute(
        sql`select id, value, parent_id from indicator_targets where node = ${body.node} and indicator = ${body.indicator} and period = ${body.period}`,
      )) as unknown as {
        rows: { id: number; value: number; parent_id: number | null }[];
      }
    ).rows[0];
    const res = (await tx.execute(sql`
      insert into indicator_targets (node, division_code, team_id, indicator, period, value, parent_id)
      values (${body.node}, ${cols.divisionCode}, ${cols.teamId}, ${body.indicator}, ${body.period}, ${body.value}, ${parentId ?? before?.parent_id ?? null})
      on conflict (node, indicator, period) do update set value = excluded.value, parent_id = excluded.parent_id, updated_at = now()
      returning id`)) as unknown as { rows: { id: number }[] };
    const id = res.rows[0].id;
    await writeAudit(tx, ctx.actor, {
      action: before ? 'update' : 'create',
      entity: 'indicator_target',
      entityId: id,
      before: before ?? null,
      after: { ...body, parentId },
    });
    return id;
  });
}

/** 目标分解: writes each child's share, linked to the parent's target; the shares may not exceed it. */
export async function splitTarget(
  ctx: Ctx,
  body: { node: string; indicator: string; period: string; children: { node: string; value: number }[] },
): Promise<number[]> {
  const { services } = ctx;
  assertNodeInScope(ctx.user.scope, body.node);
  assertIndicator(body.indicator, 'body.indicator');
  const [parent] = await services.database.query<{ id: number; value: number }>(
    `select id, value from indicator_targets where node = $1 and indicator = $2 and period = $3`,
    [body.node, body.indicator, body.period],
  );
  if (!parent) throw new AppError('NOT_FOUND');
  const kids = new Set(await new NodeDirectory(services.database, '').children(body.node));
  body.children.forEach((c, i) => {
    if (!kids.has(c.node))
      throw invalid({
        path: `body.children.${i}.node`,
        key: 'indicators.validation.splitNotChild',
        params: { node: c.node, parent: body.node },
      });
  });
  const sum = body.children.reduce((s, c) => s + c.value, 0);
  if (sum > parent.value + 1e-9)
    throw invalid({ path: 'body.children', key: 'indicators.validation.splitOver', params: { sum, target: parent.value } });
  const ids: number[] = [];
  for (const c of body.children) ids.push(await upsertTarget(ctx, { ...body, node: c.node, value: c.value }, parent.id));
  return ids;
}

export async function deleteTarget(ctx: Ctx, id: number) {
  const [row] = await ctx.services.database.query<{ node: string }>(`select node from indicator_targets where id = $1`, [id]);
  if (!row) throw new AppError('NOT_FOUND');
  assertNodeInScope(ctx.user.scope, row.node);
  await withTx(ctx, async (tx) => {
    await tx.execute(sql`update indicator_targets set parent_id = null where parent_id = ${id}`);
    await tx.execute(sql`delete from indicator_targets where id = ${id}`);
    await writeAudit(tx, ctx.actor, { action: 'delete', entity: 'indicator_target', entityId: id, before: row });
  });
}

// ---- reported figures (指标填报) ----
export async function saveReported(
  ctx: Ctx,
  body: { indicator: string; divisionCode: string; teamId?: number | null; day: string; value: number; tags?: string[]; note?: string },
): Promise<number> {
  const def = assertIndicator(body.indicator, 'body.indicator');
  if (def.source !== 'indicators.reported')
    throw invalid({ path: 'body.indicator', key: 'indicators.validation.notReported', params: { code: body.indicator } });
  assertInScope(ctx.user.scope, { divisionCode: body.divisionCode, teamId: body.teamId ?? null });
  return withTx(ctx, async (tx) => {
    const team = body.teamId ?? null;
    const existing = (
      (await tx.execute(sql`select id, value from indicator_reported where indicator = ${body.indicator} and division_code = ${body.divisionCode}
        and team_id is not distinct from ${team} and day = ${body.day}`)) as unknown as { rows: { id: number; value: number }[] }
    ).rows[0];
    const tags = sql`${`{${(body.tags ?? []).map((x) => `"${x.replace(/"/g, '')}"`).join(',')}}`}::text[]`;
    let id: number;
    if (existing) {
      await tx.execute(
        sql`update indicator_reported set value = ${body.value}, tags = ${tags}, note = ${body.note ?? null} where id = ${existing.id}`,
      );
      id = existing.id;
    } else {
      const res = (await tx.execute(sql`insert into indicator_reported (indicator, division_code, team_id, day, value, tags, note)
        values (${body.indicator}, ${body.divisionCode}, ${team}, ${body.day}, ${body.value}, ${tags}, ${body.note ?? null}) returning id`)) as unknown as {
        rows: { id: number }[];
      };
      id = res.rows[0].id;
    }
    await writeAudit(tx, ctx.actor, {
      action: existing ? 'update' : 'create',
      entity: 'indicator_reported',
      entityId: id,
      before: existing ?? null,
      after: body,
    });
    return id;
  });
}

// ---- report jobs ----
const jobChains = new WeakMap<Services, Promise<unknown>>();

export async function createReportJob(ctx: Ctx, body: { node: string; period: string; format: 'docx' | 'xlsx' }) {
  const { services, user } = ctx;
  assertNodeInScope(user.scope, body.node);
  const [job] = await services.database.query<{ id: number }>(
    `insert into report_jobs (node, period, format, lang, created_by) values ($1, $2, $3, $4, $5) returning id`,
    [body.node, body.period, body.format, ctx.lang, user.id],
  );
  await writeAudit(services.db, ctx.actor, { action: 'export', entity: 'report', entityId: job.id, after: body });
  const previous = jobChains.get(services) ?? Promise.resolve();
  const next = previous.then(() => runReportJob({ ...ctx, tx: undefined }, job.id)); // runs later, outside any transaction
  jobChains.set(
    services,
    next.catch(() => undefined),
  );
  return job.id;
}

/** Resolves when the app's queued report jobs are done (tests, shutdown). */
export async function reportsIdle(services: Services) {
  await (jobChains.get(services) ?? Promise.resolve());
}

async function progress(
  services: Services,
  id: number,
  status: string,
  pct: number,
  extra: { fileName?: string; file?: Buffer; error?: string } = {},
) {
  await services.database.query(
    `update report_jobs set status = $2, progress = $3, file_name = coalesce($4, file_name), file = coalesce($5, file), error = $6,
       finished_at = case when $2 in ('done', 'failed') then now() else null end where id = $1`,
    [id, status, pct, extra.fileName ?? null, extra.file ?? null, extra.error ?? null],
  );
}

/** The parent of a node in its own tree (for the node's rank among its peers). */
async function parentNode(services: Services, node: string): Promise<string | null> {
  if (node.startsWith('t:')) {
    const [r] = await services.database.query<{ parent_id: number | null }>(`select parent_id from teams where id = $1`, [teamIdOf(node)]);
    return r?.parent_id ? `t:${r.parent_id}` : null;
  }
  if (node === 'all') return null;
  const p = node.slice(2);
  const up = [9, 6, 4, 2].map((n) => p.slice(0, n)).find((x) => x.length < p.length);
  return up ? `d:${up.length === 9 ? up.slice(0, 6) : up}` : 'all';
}

export async function reportModel(ctx: Ctx, node: string, period: string): Promise<ReportModel> {
  const dashboard = await dashboardFor(ctx, { node, period });
  // the report is titled by what the node is, never 「全部」
  if (dashboard.node.node === 'all') dashboard.node = { ...dashboard.node, name: ctx.t('indicators.report.allName') };
  let peers: ReportModel['peers'] = null;
  const parent = await parentNode(ctx.services, node);
  if (parent) {
    const system = { ...ctx, user: { ...ctx.user, scope: EVERYTHING } };
    const up = await dashboardFor(system, { node: parent, period });
    const me = up.rank.items.find((i) => i.node === node);
    if (me && me.value != null)
      peers = { rank: me.rank, count: up.rank.items.length, indicator: up.rank.name, allZero: !rankingMeaningful(up.rank.items) };
  }
  return { dashboard, peers, chapters: ctx.services.reportChapters };
}

async function runReportJob(ctx: Ctx, id: number) {
  const { services } = ctx;
  const [job] = await services.database.query<{ node: string; period: string; format: string; lang: Language }>(
    `select node, period, format, lang from report_jobs where id = $1`,
    [id],
  );
  const t = translator(job.lang);
  try {
    await progress(services, id, 'running', 10);
    const model = await reportModel({ ...ctx, lang: job.lang, t }, job.node, job.period);
    await progress(services, id, 'running', 60);
    const base = `${model.dashboard.node.name}${periodLabel(job.period, job.lang)}`;
    const file =
      job.format === 'docx'
        ? await buildDocx(model, t, toIsoDate(new Date()))
        : await buildXlsx(model.dashboard, t, ['figures', 'children', 'ranking', 'targets']);
    const fileName = job.format === 'docx' ? `${base}工作报告.docx` : `${base}统计表.xlsx`;
    await progress(services, id, 'done', 100, { fileName, file });
  } catch (err) {
    await progress(services, id, 'failed', 100, { error: err instanceof AppError ? t(`errors.${err.code}`) : t('errors.INTERNAL') });
  }
}

export async function listReportJobs(ctx: Ctx, id?: number) {
  const rows = await ctx.services.database.query<{
    id: number;
    node: string;
    period: string;
    format: string;
    status: 'queued' | 'running' | 'done' | 'failed';
    progress: number;
    file_name: string | null;
    error: string | null;
    created_at: Date;
    finished_at: Date | null;
  }>(
    `select id, node, period, format, status, progress, file_name, error, created_at, finished_at from report_jobs
     where ($1::bigint is null or id = $1) order by id desc limit 50`,
    [id ?? null],
  );
  return rows
    .filter((r) => nodeInScope(ctx.user.scope, r.node))
    .map((r) => ({
      id: Number(r.id),
      node: r.node,
      period: r.period,
      format: r.format,
      status: r.status,
      progress: r.progress,
      fileName: r.file_name,
      error: r.error,
      createdAt: new Date(r.created_at).toISOString(),
      finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
    }));
}

/** One report job the user may see (else NOT_FOUND). */
export async function reportJob(ctx: Ctx, id: number) {
  const [job] = await listReportJobs(ctx, id);
  if (!job) throw new AppError('NOT_FOUND');
  return job;
}

export async function reportFile(ctx: Ctx, id: number) {
  const [row] = await ctx.services.database.query<{ node: string; file: Uint8Array | null; file_name: string | null; format: string }>(
    `select node, file, file_name, format from report_jobs where id = $1 and status = 'done'`,
    [id],
  );
  if (!row?.file) throw new AppError('NOT_FOUND');
  assertNodeInScope(ctx.user.scope, row.node);
  return { file: Buffer.from(row.file), fileName: row.file_name ?? `report.${row.format}`, format: row.format };
}

export { buildXlsx };

// ---- figures for other modules (assessment) ----
/** A figure key: an indicator code, or `code|breakdown` for one of its 其中 breakdowns. */
const splitKey = (key: string) => {
  const [code, breakdown = ''] = key.split('|');
  return { code, breakdown };
};

/** Live figures of nodes for a period: node → figure key → value (null when the source is not wired). No scope check: the caller's. */
export async function liveFigures(services: Services, nodes: string[], period: string, keys: string[]) {
  const today = todayInBeijing();
  const defs = keys.map((k) => ({ key: k, ...splitKey(k), def: INDICATOR_BY_CODE.get(splitKey(k).code) }));
  const codes = [...new Set(defs.flatMap((d) => (d.def ? [d.def.code, d.def.numerator ?? '', d.def.denominator ?? ''] : [])))].filter(
    Boolean,
  );
  const values = await readValues(services.database, nodes, storedPeriodsFor(period, today), codes, {
    sources: refresherOf(services).wiredSources,
    today,
  });
  // breakdowns are read without the indicator filter (readValues keeps only '' breakdowns when given codes)
  const withBreakdowns = defs.some((d) => d.breakdown)
    ? await readValues(services.database, nodes, storedPeriodsFor(period, today))
    : values;
  const wired = new Set(refresherOf(services).wiredKeys);
  const out = new Map<string, Map<string, number | null>>();
  for (const node of nodes) {
    const m = new Map<string, number | null>();
    for (const d of defs)
      m.set(d.key, d.def ? figureValue(d.breakdown ? withBreakdowns : values, node, period, d.def, d.breakdown, wired, today) : null);
    out.set(node, m);
  }
  return out;
}

/** The wired fact sources, also before the refresher has started (the demo seeds read records before the app is up). */
async function sourcesWired(services: Services) {
  const wired = refresherOf(services).wiredSources;
  return wired.length ? wired : wiredSources(services.database, services.facts);
}

/**
 * The records behind a figure (the fact source's rows for the node and period): subject, day and quantity. Events
 * fall in the period; a stock's records are those open at its end (today in the running period), other intervals'
 * those overlapping it. A team's node holds its sub-teams' rows and the rows without a team in the towns it is
 * stationed in, as the engine counts them (STATIONS_SQL).
 */
export async function figureRecords(services: Services, key: string, node: string, period: string) {
  const { code, breakdown } = splitKey(key);
  const def = INDICATOR_BY_CODE.get(code);
  const source = (await sourcesWired(services)).find((s) => s.key === def?.source);
  if (!def || !source) return [];
  const p = parsePeriod(period);
  const today = todayInBeijing();
  const at = [p.end, today].sort()[0]; // ISO dates: the earlier
  const tags = [...(def.filter ?? []), ...(def.breakdowns ?? []).filter((b) => b.key === breakdown).map((b) => b.tag)];
  const station = `(select st.id from teams st where st.division_code = rpad(substr(f.division_code, 1, 9), 12, '0')
                     order by case st.kind when 'team' then 0 when 'group' then 1 else 2 end, st.id limit 1)`;
  const place = node.startsWith('t:')
    ? `coalesce(f.team_id, ${station}) in (with recursive sub(id) as (select $3::int union all select t.id from teams t join sub on t.parent_id = sub.id) select id from sub)`
    : `f.division_code like $3 || '%'`;
  const when =
    source.kind === 'event'
      ? `f.day between $1::date and $2::date`
      : def.measure === 'stock'
        ? `f.day <= $5::date and (f.end_day is null or f.end_day >= $5::date) and $1::date <= $2::date`
        : `f.day <= $2::date and (f.end_day is null or f.end_day >= $1::date)`;
  const arg = node.startsWith('t:') ? String(teamIdOf(node)) : node === 'all' ? '' : node.slice(2);
  return services.database.query<{ subject: string; day: string | null; qty: number }>(
    `select f.subject, to_char(f.day, 'YYYY-MM-DD') as day, f.qty from (${source.sql}) f
     where ${when} and ${place} and f.tags @> $4::text[] and $5::date is not null order by f.day, f.subject`,
    [p.start, p.end, arg, tags, at],
  );
}

/**
 * What a checker needs to find each record (FactSource.describe): a label (a project's document number, an
 * enterprise's name, a person's masked name) and the record's place. Subjects the source cannot describe are left out.
 */
export async function recordLabels(
  services: Services,
  key: string,
  subjects: string[],
): Promise<Map<string, { label: string; divisionCode: string | null }>> {
  const def = INDICATOR_BY_CODE.get(splitKey(key).code);
  const source = (await sourcesWired(services)).find((s) => s.key === def?.source);
  const out = new Map<string, { label: string; divisionCode: string | null }>();
  if (!source?.describe || !subjects.length) return out;
  const rows = await services.database.query<{ subject: string; label: string | null; division_code: string | null }>(
    `select d.subject, d.label, d.division_code from (${source.describe}) d`,
    [subjects],
  );
  for (const r of rows) if (r.label && !out.has(r.subject)) out.set(r.subject, { label: r.label, divisionCode: r.division_code });
  return out;
}
