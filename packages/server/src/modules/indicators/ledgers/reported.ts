// 指标填报台账: figures no module holds yet (e.g. order-class graduates), by division and day.

import { divisionPrefix } from '@xiezuo/shared/codes/division';
import { INDICATOR_LEDGERS } from '@xiezuo/shared/contracts/indicators';
import { REPORTED_INDICATORS } from '@xiezuo/shared/indicators/catalogue';
import { sql } from 'drizzle-orm';
import { auditLedgerWrite } from '../../../platform/ledgers/audit';
import { date, divisionCode } from '../../../platform/ledgers/columns';
import { defineLedger, type LedgerRow, naturalKeyOf } from '../../../platform/ledgers/types';
import { scopeWhere } from '../../../platform/scope';
import { nodeInScope } from '../nodes';
import { dateText, indicatorColumn, type Rows } from './common';

export const reportedLedger = defineLedger({
  key: INDICATOR_LEDGERS.reported,
  title: '指标填报台账',
  titleEn: 'Reported figures',
  entity: 'indicator_reported',
  permissions: { import: 'ledgers.import', export: 'ledgers.export' },
  naturalKey: ['indicator', 'divisionCode', 'day'],
  columns: [
    indicatorColumn(REPORTED_INDICATORS, '订单班毕业生'),
    divisionCode({ header: '行政区划代码', headerEn: 'Division code', required: true, synonyms: ['区划代码'], example: '451123000000' }),
    date({ key: 'day', header: '统计日期', headerEn: 'Date', required: true, synonyms: ['日期'], example: '2025-07-01' }),
    { key: 'value', header: '数值', headerEn: 'Value', type: 'decimal', required: true, example: 86 },
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  // the scope, from the row alone; nothing here needs the database
  validate(row, ctx) {
    if (!nodeInScope(ctx.user.scope, `d:${divisionPrefix(String(row.divisionCode))}`))
      return [{ path: 'divisionCode', key: 'errors.OUT_OF_SCOPE' }];
    return [];
  },
  async findExisting(tx, rows) {
    const codes = [...new Set(rows.map((r) => String(r.divisionCode)))];
    const found = (await tx.execute(
      sql`select id, indicator, division_code, day, value, note from indicator_reported where division_code = any(${sql.param(codes)}::text[]) and team_id is null`,
    )) as unknown as Rows;
    const map = new Map<string, LedgerRow>();
    for (const r of found.rows) {
      const row: LedgerRow = {
        id: r.id,
        indicator: r.indicator,
        divisionCode: r.division_code,
        day: dateText(r.day),
        value: Number(r.value),
        note: r.note,
      };
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
    return r.rows.map((x) => ({
      indicator: x.indicator,
      divisionCode: x.division_code,
      day: dateText(x.day),
      value: Number(x.value),
      note: x.note,
    }));
  },
});
