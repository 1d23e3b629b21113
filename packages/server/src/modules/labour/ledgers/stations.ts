// 劳务工作站台账: one row per station — its name (the key employment records name it by), its place, the
// counties it serves (division codes, 6 or 12 digits, separated as clerks write lists: 、，,；;/ or spaces),
// when it was set up. Written through saveStation (scope, audit; a station is matched by its name).
import { LABOUR_LEDGERS } from '@xiezuo/shared/contracts/labour';
import { inArray } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { date, divisionCode } from '../../../platform/ledgers/columns';
import { defineLedger } from '../../../platform/ledgers/types';
import { inScope } from '../../../platform/scope';
import { allStations, saveStation } from '../stations';
import { labourStations } from '../tables';

type StationLedgerRow = {
  name: string;
  divisionCode: string;
  servedCodes: string; // 12-digit codes joined by 、 (prepare writes them so)
  establishedOn: string | null;
  note: string | null;
};

const SEPARATORS = /[、，,；;/\s]+/;
/** The served counties as written → 12-digit codes (null when a part is no code). */
function servedOf(text: string): string[] | null {
  const parts = text.split(SEPARATORS).filter(Boolean);
  if (parts.length === 0 || parts.some((p) => !/^(\d{6}|\d{12})$/.test(p))) return null;
  return [...new Set(parts.map((p) => p.padEnd(12, '0')))];
}

const toRow = (r: typeof labourStations.$inferSelect): StationLedgerRow => ({
  name: r.name,
  divisionCode: r.divisionCode,
  servedCodes: r.servedCodes.join('、'),
  establishedOn: r.establishedOn,
  note: r.note,
});

export const stationLedger = defineLedger<StationLedgerRow>({
  key: LABOUR_LEDGERS.stations,
  title: '劳务工作站台账',
  titleEn: 'Labour stations',
  entity: 'labour_station',
  permissions: { import: 'labour.write', export: 'ledgers.export' },
  naturalKey: ['name'],
  columns: [
    {
      key: 'name',
      header: '工作站名称',
      headerEn: 'Station',
      synonyms: ['劳务工作站', '劳务工作站名称', '名称'],
      type: 'text',
      required: true,
      example: '富川驻佛山劳务工作站',
    },
    divisionCode({
      header: '所在地区划代码',
      headerEn: 'Place (division code)',
      synonyms: ['所在地代码', '工作站所在地'],
      required: true,
      example: '440606000000',
    }),
    {
      key: 'servedCodes',
      header: '服务县区划代码',
      headerEn: 'Counties served (division codes)',
      synonyms: ['服务县', '服务地区', '服务县（区）'],
      type: 'text',
      required: true,
      note: '多个县用顿号分隔，如 451123、451102',
      example: '451123000000',
    },
    date({ key: 'establishedOn', header: '设立日期', headerEn: 'Established', synonyms: ['成立日期', '设立时间'], example: '2023-03-01' }),
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  prepare(row) {
    const served = servedOf(String(row.servedCodes ?? ''));
    if (served) row.servedCodes = served.join('、');
  },
  validate(row, ctx) {
    const problems: ErrorDetail[] = [];
    const served = servedOf(row.servedCodes);
    if (!served) return [{ path: 'servedCodes', key: 'labour.validation.servedCodes' }];
    const places = [row.divisionCode, ...served];
    if (!ctx.user.scope.all && !places.some((c) => inScope(ctx.user.scope, { divisionCode: c })))
      problems.push({ path: 'divisionCode', key: 'errors.OUT_OF_SCOPE' });
    return problems;
  },
  async findExisting(tx, rows): Promise<Map<string, StationLedgerRow>> {
    const names = [...new Set(rows.map((r) => r.name))];
    const found = names.length ? await tx.select().from(labourStations).where(inArray(labourStations.name, names)) : [];
    return new Map(found.map((r) => [r.name, toRow(r)])); // the natural key is the name alone
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    for (const r of [...changes.insert, ...changes.update.map((u) => u.after)])
      await saveStation(c, { ...r, servedCodes: servedOf(r.servedCodes) ?? [] });
  },
  async exportRows(ctx) {
    return (await allStations(ctx)).map(toRow);
  },
});
