// 目标任务台账: targets per unit (a team t:<id> or a division d:<prefix>), indicator and period.
import { INDICATOR_LEDGERS } from '@xiezuo/shared/contracts/indicators';
import { INDICATOR_BY_CODE, INDICATORS } from '@xiezuo/shared/indicators/catalogue';
import { PERIOD_PATTERN } from '@xiezuo/shared/indicators/periods';
import { sql } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { auditLedgerWrite } from '../../../platform/ledgers/audit';
import { defineLedger, type LedgerContext, type LedgerRow, naturalKeyOf } from '../../../platform/ledgers/types';
import { scopeWhere } from '../../../platform/scope';
import { nodeInScope, teamIdOf } from '../nodes';
import { indicatorColumn, type Rows } from './common';

export const targetsLedger = defineLedger({
  key: INDICATOR_LEDGERS.targets,
  title: '目标任务台账',
  titleEn: 'Targets',
  entity: 'indicator_target',
  permissions: { import: 'targets.write', export: 'ledgers.export' },
  naturalKey: ['node', 'indicator', 'period'],
  columns: [
    {
      key: 'node',
      header: '对象',
      headerEn: 'Unit',
      type: 'text',
      required: true,
      note: '工作队写 t:编号，区划写 d:区划代码前缀（如 d:441224）',
      example: 't:1',
    },
    indicatorColumn(
      INDICATORS.filter((d) => d.measure !== 'ratio'),
      '走访监测户',
    ),
    {
      key: 'period',
      header: '期间',
      headerEn: 'Period',
      type: 'text',
      required: true,
      note: 'Y2026 全年，H2026-1 上半年，Q2026-3 季度，M2026-07 月',
      example: 'H2026-1',
    },
    { key: 'value', header: '目标值', headerEn: 'Target', type: 'decimal', required: true, example: 50 },
  ],
  // the row's own form and the scope; whether a team exists is the batch's question (validateBatch)
  validate(row, ctx) {
    const out: ErrorDetail[] = [];
    if (!/^(all|d:\d{2,9}|t:\d+)$/.test(String(row.node))) out.push({ path: 'node', key: 'indicators.validation.node' });
    else if (!nodeInScope(ctx.user.scope, String(row.node))) out.push({ path: 'node', key: 'errors.OUT_OF_SCOPE' });
    if (!PERIOD_PATTERN.test(String(row.period)) || String(row.period).startsWith('C'))
      out.push({ path: 'period', key: 'indicators.validation.period' });
    if (!INDICATOR_BY_CODE.has(String(row.indicator)))
      out.push({ path: 'indicator', key: 'indicators.validation.unknownIndicator', params: { code: row.indicator } });
    return out;
  },
  validateBatch: teamsExist,
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
    for (const { after } of changes.update)
      await tx.execute(sql`update indicator_targets set value = ${after.value}, updated_at = now() where id = ${after.id}`);
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

/** A team's target names a team that exists (as the targets API requires): one query per batch. */
async function teamsExist(rows: LedgerRow[], ctx: LedgerContext): Promise<ErrorDetail[][]> {
  const ids = [
    ...new Set(
      rows
        .map((r) => String(r.node))
        .filter((n) => n.startsWith('t:'))
        .map(teamIdOf),
    ),
  ];
  const found = ids.length
    ? await ctx.services.database.query<{ id: number }>(`select id from teams where id = any($1::int[])`, [ids])
    : [];
  const known = new Set(found.map((t) => Number(t.id)));
  return rows.map((r) => {
    const node = String(r.node);
    return node.startsWith('t:') && !known.has(teamIdOf(node)) ? [{ path: 'node', key: 'indicators.validation.node' }] : [];
  });
}
