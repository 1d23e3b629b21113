// Ledgers of the indicators module: 指标填报台账 (figures no module holds yet, e.g. order-class graduates)
// and 目标任务台账 (targets per unit, indicator and period), imported from and exported to Excel.
import { INDICATOR_LEDGERS } from '@xiezuo/shared/contracts/indicators';
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import { INDICATOR_BY_CODE, INDICATORS, REPORTED_INDICATORS } from '@xiezuo/shared/indicators/catalogue';
import { PERIOD_PATTERN } from '@xiezuo/shared/indicators/periods';
import { sql } from 'drizzle-orm';
import { auditLedgerWrite } from '../../platform/ledgers/audit';
import { defineLedger, type LedgerRow, naturalKeyOf } from '../../platform/ledgers/types';
import type { ErrorDetail } from '../../platform/http/errors';
import { scopeWhere } from '../../platform/scope';
import { nodeInScope } from './nodes';

type Rows = { rows: Record<string, unknown>[] };
const dateText = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

export const reportedLedger = defineLedger({
  key: INDICATOR_LEDGERS.reported,
  title: '指标填报台账',
  titleEn: 'Reported figures',
  entity: 'indicator_reported',
  permissions: { import: 'ledgers.import', export: 'ledgers.export' },
  naturalKey: ['indicator', 'divisionCode', 'day'],
  columns: [
    {
      key: 'indicator', header: '指标', headerEn: 'Indicator', type: 'enum', required: true,
      options: REPORTED_INDICATORS.map((d) => ({ value: d.code, label: d.zh })), example: '订单班毕业生',
    },
    { key: 'divisionCode', header: '行政区划代码', headerEn: 'Division code', type: 'divisionCode', required: true, synonyms: ['区划代码'], example: '451123000000' },
    { key: 'day', header: '统计日期', headerEn: 'Date', type: 'date', required: true, synonyms: ['日期'], example: '2025-07-01' },
    { key: 'value', header: '数值', headerEn: 'Value', type: 'decimal', required: true, example: 86 },
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  validate(row, ctx) {
    if (!nodeInScope(ctx.user.scope, `d:${divisionPrefix(String(row.divisionCode))}`)) return [{ path: 'divisionCode', key: 'errors.OUT_OF_SCOPE' }];
    return [];
  },
  async findExisting(tx, rows) {
    const codes = [...new Set(rows.map((r) => String(r.divisionCode)))];
    const found = (await tx.execute(
      sql`select id, indicator, division_code, day, value, note from indicator_reported where division_code = any(${sql.param(codes)}::text[]) and team_id is null`,
    )) as unknown as Rows;
    const map = new Map<string, LedgerRow>();
    for (const r of found.rows) {
      const row: LedgerRow = { id: r.id, indicator: r.indicator, divisionCode: r.division_code, day: dateText(r.day), value: Number(r.value), note: r.note };
      map.set(naturalKeyOf(reportedLedger, row), row);
    }
    return map;
  },
  async write(tx, changes, ctx) {
    const inserted: LedgerRow[] = [];
    for (const r of changes.insert) {
      const res = (await tx.execute(sql`insert into indicator_reported (indicator, division_code, day, value, note)
        values (${r.indicator}, ${r.divisionCode}, ${r.day}, ${r.value}, ${r.note ?? null}) returning id`)) as unknown as Rows;
      inserted.push({ ...r, id: res.rows[0].id });
    }
    for (const { after } of changes.update) {
      await tx.execute(sql`update indicator_reported set value = ${after.value}, note = ${after.note ?? null} where id = ${after.id}`);
    }
    await auditLedgerWrite(tx, ctx, 'indicator_reported', { insert: inserted, update: changes.update }, (r) => String(r.id));
  },
  async exportRows(ctx) {
    const scope = scopeWhere(ctx.user.scope, { division: sql.raw('division_code'), team: sql.raw('team_id') });
    const r = (await ctx.services.db.execute(
      sql`select indicator, division_code, day, value, note from indicator_reported where ${scope ?? sql`true`} order by day, division_code`,
    )) as unknown as Rows;
    return r.rows.map((x) => ({ indicator: x.indicator, divisionCode: x.division_code, day: dateText(x.day), value: Number(x.value), note: x.note }));
  },
});

export const targetsLedger = defineLedger({
  key: INDICATOR_LEDGERS.targets,
  title: '目标任务台账',
  titleEn: 'Targets',
  entity: 'indicator_target',
  permissions: { import: 'targets.write', export: 'ledgers.export' },
  naturalKey: ['node', 'indicator', 'period'],
  columns: [
    {
      key: 'node', header: '对象', headerEn: 'Unit', type: 'text', required: true,
      note: '工作队写 t:编号，区划写 d:区划代码前缀（如 d:441224）', example: 't:1',
    },
    {
      key: 'indicator', header: '指标', headerEn: 'Indicator', type: 'enum', required: true,
      options: INDICATORS.filter((d) => d.measure !== 'ratio').map((d) => ({ value: d.code, label: d.zh })), example: '走访监测户',
    },
    { key: 'period', header: '期间', headerEn: 'Period', type: 'text', required: true, note: 'Y2026 全年，H2026-1 上半年，Q2026-3 季度，M2026-07 月', example: 'H2026-1' },
    { key: 'value', header: '目标值', headerEn: 'Target', type: 'decimal', required: true, example: 50 },
  ],
  validate(row, ctx) {
    const out: ErrorDetail[] = [];
    if (!/^(all|d:\d{2,9}|t:\d+)$/.test(String(row.node))) out.push({ path: 'node', key: 'indicators.validation.node' });
    else if (!nodeInScope(ctx.user.scope, String(row.node))) out.push({ path: 'node', key: 'errors.OUT_OF_SCOPE' });
    if (!PERIOD_PATTERN.test(String(row.period)) || String(row.period).startsWith('C')) out.push({ path: 'period', key: 'indicators.validation.period' });
    if (!INDICATOR_BY_CODE.has(String(row.indicator))) out.push({ path: 'indicator', key: 'indicators.validation.unknownIndicator', params: { code: row.indicator } });
    return out;
  },
  async findExisting(tx, rows) {
    const nodes = [...new Set(rows.map((r) => String(r.node)))];
    const found = (await tx.execute(
      sql`select id, node, indicator, period, value from indicator_targets where node = any(${sql.param(nodes)}::text[])`,
    )) as unknown as Rows;
    const map = new Map<string, LedgerRow>();
    for (const r of found.rows) {
      const row: LedgerRow = { id: r.id, node: r.node, indicator: r.indicator, period: r.period, value: Number(r.value) };
      map.set(naturalKeyOf(targetsLedger, row), row);
    }
    return map;
  },
  async write(tx, changes, ctx) {
    const inserted: LedgerRow[] = [];
    for (const r of changes.insert) {
      const node = String(r.node);
      const team = node.startsWith('t:') ? Number(node.slice(2)) : null;
      const division = node.startsWith('d:') ? node.slice(2).padEnd(12, '0') : null;
      const res = (await tx.execute(sql`insert into indicator_targets (node, division_code, team_id, indicator, period, value)
        values (${node}, ${division}, ${team}, ${r.indicator}, ${r.period}, ${r.value}) returning id`)) as unknown as Rows;
      inserted.push({ ...r, id: res.rows[0].id });
    }
    for (const { after } of changes.update) await tx.execute(sql`update indicator_targets set value = ${after.value}, updated_at = now() where id = ${after.id}`);
    await auditLedgerWrite(tx, ctx, 'indicator_target', { insert: inserted, update: changes.update }, (r) => String(r.id));
  },
  async exportRows(ctx) {
    // as nodeInScope: a division's target by its division prefix, a team's only by the team itself (its
    // division_code is where it is stationed, which does not put it in a division user's scope)
    const s = ctx.user.scope;
    const byDivision = scopeWhere(s, { division: sql.raw('division_code') }) ?? sql`true`;
    const byTeam = scopeWhere(s, { team: sql.raw('team_id') }) ?? sql`true`;
    const r = (await ctx.services.db.execute(
      sql`select node, indicator, period, value from indicator_targets
          where (team_id is null and ${byDivision}) or (team_id is not null and ${byTeam}) order by period, node, indicator`,
    )) as unknown as Rows;
    return r.rows.map((x) => ({ node: x.node, indicator: x.indicator, period: x.period, value: Number(x.value) }));
  },
});

export const indicatorLedgers = [reportedLedger, targetsLedger];
