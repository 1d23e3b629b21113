// 单位台账: units by name within their division; written through the module's services (validation,
// scope, audit), as the API writes them.
import { REGISTRY_LEDGERS, UNIT_KINDS, type UnitKind } from '@xiezuo/shared/contracts/registry';
import { catalogues } from '@xiezuo/shared/i18n/index';
import { and, eq, or } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { divisionCode, enumOf } from '../../../platform/ledgers/columns';
import { defineLedger, naturalKeyOf } from '../../../platform/ledgers/types';
import { inScope } from '../../../platform/scope';
import { dbOf } from '../access';
import { units } from '../tables';
import { createUnit, listUnits, updateUnit } from '../units';
import { lookUp } from './lookup';

const zh = catalogues['zh-CN'].registry;

type UnitLedgerRow = { name: string; kind: UnitKind; divisionCode: string; creditCode: string | null; note: string | null; id?: number };

export const unitLedger = defineLedger<UnitLedgerRow>({
  key: REGISTRY_LEDGERS.units,
  title: '单位台账',
  titleEn: 'Units',
  entity: 'unit',
  columns: [
    {
      key: 'name',
      header: '单位名称',
      headerEn: 'Name',
      synonyms: ['名称', '单位'],
      type: 'text',
      required: true,
      maxLength: 200,
      example: '四会市第一中学（演示）',
    },
    enumOf(UNIT_KINDS, zh.unitKinds, {
      key: 'kind',
      header: '单位类型',
      headerEn: 'Kind',
      synonyms: ['类型'],
      required: true,
      example: '学校',
    }),
    divisionCode({ header: '所在区划代码', synonyms: ['区划代码', '行政区划代码'], required: true, example: '441284000000' }),
    {
      key: 'creditCode',
      header: '统一社会信用代码',
      headerEn: 'Credit code',
      synonyms: ['信用代码', '社会信用代码'],
      type: 'creditCode',
      example: '91350100M000100Y43',
    },
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: ['name', 'divisionCode'],
  permissions: { import: 'registry.write', export: 'ledgers.export' }, // importing writes the registry: as the API, registry.write
  validate(row, ctx) {
    return inScope(ctx.user.scope, { divisionCode: row.divisionCode }) ? [] : [{ path: 'divisionCode', key: 'errors.OUT_OF_SCOPE' }];
  },
  async validateBatch(rows, ctx) {
    const found = await lookUp(dbOf(ctx), { divisionCodes: rows.map((r) => r.divisionCode), creditCodes: rows.map((r) => r.creditCode) });
    return rows.map((row) => {
      const problems: ErrorDetail[] = [];
      if (!found.divisions.has(row.divisionCode))
        problems.push({ path: 'divisionCode', key: 'registry.errors.divisionUnknown', params: { code: row.divisionCode } });
      const holder = row.creditCode ? found.credits.get(row.creditCode) : undefined;
      if (holder && (holder.name !== row.name || holder.divisionCode !== row.divisionCode))
        problems.push({ path: 'creditCode', key: 'registry.errors.creditCodeTaken' });
      return problems;
    });
  },
  async findExisting(tx, rows) {
    const found = await tx
      .select()
      .from(units)
      .where(or(...rows.map((r) => and(eq(units.name, r.name), eq(units.divisionCode, r.divisionCode)))));
    const out = new Map<string, UnitLedgerRow>();
    for (const u of found) {
      const row = { name: u.name, kind: u.kind, divisionCode: u.divisionCode, creditCode: u.creditCode, note: u.note };
      out.set(naturalKeyOf(unitLedger, row), { ...row, id: u.id });
    }
    return out;
  },
  async write(tx, changes, ctx) {
    const inImport = { ...ctx, tx };
    const body = (r: UnitLedgerRow) => ({
      name: r.name,
      kind: r.kind,
      divisionCode: r.divisionCode,
      creditCode: r.creditCode,
      note: r.note,
    });
    for (const r of changes.insert) await createUnit(inImport, body(r));
    for (const { before, after } of changes.update) await updateUnit(inImport, before.id as number, body(after));
  },
  async exportRows(ctx, filters) {
    const q = { q: filters.q, kind: filters.kind as UnitKind | undefined, division: filters.division, page: 1, pageSize: 100_000 };
    const { items } = await listUnits(ctx, q);
    return items.map((u) => ({ name: u.name, kind: u.kind, divisionCode: u.divisionCode, creditCode: u.creditCode, note: u.note }));
  },
});
