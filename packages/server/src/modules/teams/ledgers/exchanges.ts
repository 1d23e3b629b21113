// 人才交流台账: person-times exchanged between two sides, recorded and corrected through the module's
// services (scope, audit). Every check is on the row itself: nothing to look up.
import { EXCHANGE_KINDS, type ExchangeKind, TEAMS_LEDGERS } from '@xiezuo/shared/contracts/teams';
import { and, inArray } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { date, divisionCode, enumOf } from '../../../platform/ledgers/columns';
import { defineLedger, naturalKeyOf } from '../../../platform/ledgers/types';
import { inScope } from '../../../platform/scope';
import { allExchanges, createExchange, updateExchange } from '../exchanges';
import { talentExchanges } from '../tables';
import { zh } from './common';

type ExchangeLedgerRow = {
  kind: ExchangeKind;
  personTimes: number;
  fromDivisionCode: string;
  toDivisionCode: string;
  startDate: string;
  endDate: string | null;
  note: string | null;
  id?: number;
};

export const exchangeLedger = defineLedger<ExchangeLedgerRow>({
  key: TEAMS_LEDGERS.exchanges,
  title: '人才交流台账',
  titleEn: 'Talent exchanges',
  entity: 'talent_exchange',
  columns: [
    enumOf(EXCHANGE_KINDS, zh.exchangeKinds, { key: 'kind', header: '交流类别', headerEn: 'Kind', required: true, example: '教师' }),
    { key: 'personTimes', header: '人次', headerEn: 'Person-times', type: 'integer', required: true, example: 20 },
    divisionCode({
      generic: false,
      key: 'fromDivisionCode',
      header: '派出地区划代码',
      headerEn: 'From (division code)',
      required: true,
      example: '441284000000',
    }),
    divisionCode({
      generic: false,
      key: 'toDivisionCode',
      header: '接收地区划代码',
      headerEn: 'To (division code)',
      required: true,
      example: '451123000000',
    }),
    date({ key: 'startDate', header: '开始日期', headerEn: 'Start', required: true, example: '2024-09-01' }),
    date({ key: 'endDate', header: '结束日期', headerEn: 'End' }),
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: ['kind', 'fromDivisionCode', 'toDivisionCode', 'startDate'],
  permissions: { import: 'registry.write', export: 'ledgers.export' }, // importing writes the registry: as the API, registry.write
  validate(row, ctx) {
    const problems: ErrorDetail[] = [];
    if (row.personTimes <= 0) problems.push({ path: 'personTimes', key: 'validation.tooSmall', params: { min: 1 } });
    if (row.fromDivisionCode === row.toDivisionCode) problems.push({ path: 'toDivisionCode', key: 'teams.validation.sameSide' });
    if (
      !inScope(ctx.user.scope, { divisionCode: row.fromDivisionCode }) &&
      !inScope(ctx.user.scope, { divisionCode: row.toDivisionCode })
    ) {
      problems.push({ path: 'fromDivisionCode', key: 'errors.OUT_OF_SCOPE' });
    }
    return problems;
  },
  async findExisting(tx, rows) {
    const found = await tx
      .select()
      .from(talentExchanges)
      .where(
        and(
          inArray(talentExchanges.startDate, [...new Set(rows.map((r) => r.startDate))]),
          inArray(talentExchanges.kind, [...new Set(rows.map((r) => r.kind))]),
        ),
      );
    const out = new Map<string, ExchangeLedgerRow>();
    for (const f of found) {
      const row = {
        id: f.id,
        kind: f.kind,
        personTimes: f.personTimes,
        fromDivisionCode: f.fromDivisionCode,
        toDivisionCode: f.toDivisionCode,
        startDate: f.startDate,
        endDate: f.endDate,
        note: f.note,
      };
      out.set(naturalKeyOf(exchangeLedger, row), row);
    }
    return out;
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    for (const { id: _id, ...r } of changes.insert) await createExchange(c, r);
    for (const { before, after } of changes.update) {
      const { id: _id, ...r } = after;
      await updateExchange(c, before.id!, r);
    }
  },
  async exportRows(ctx, filters) {
    const rows = await allExchanges(ctx, filters);
    return rows.map((r) => ({
      kind: r.kind,
      personTimes: r.personTimes,
      fromDivisionCode: r.fromDivisionCode,
      toDivisionCode: r.toDivisionCode,
      startDate: r.startDate,
      endDate: r.endDate,
      note: r.note,
    }));
  },
});
