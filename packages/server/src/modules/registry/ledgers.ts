// Ledgers (台账) of the registry: units and pairings, imported and exported through the shared ledger
// machinery. Writes go through the same services as the API (validation, scope, audit).
import { REGISTRY_LEDGERS } from '@xiezuo/shared/contracts/registry';
import { PAIRING_TYPES, type PairingType, PROGRAMME_KINDS, UNIT_KINDS, type UnitKind } from '@xiezuo/shared/contracts/registry';
import { catalogues } from '@xiezuo/shared/i18n/index';
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/client';
import type { ErrorDetail } from '../../platform/http/errors';
import { defineLedger, type LedgerContext, naturalKeyOf } from '../../platform/ledgers/types';
import { inScope } from '../../platform/scope';
import { allPairings, createPairingIn, type PairingView, updatePairingIn } from './pairings';
import { createProgrammeIn, listProgrammes, updateProgrammeIn } from './programmes';
import { divisions, programmes, units } from './tables';
import { createUnitIn, listUnits, updateUnitIn } from './units';

const zh = catalogues['zh-CN'].registry;
const options = <K extends string>(values: readonly K[], labels: Record<K, string>) => values.map((value) => ({ value, label: labels[value] }));

async function divisionExists(db: Db | Tx, code: string | null): Promise<boolean> {
  if (!code) return true;
  const [d] = await db.select({ code: divisions.code }).from(divisions).where(eq(divisions.code, code));
  return !!d;
}

// ---- 单位台账 ----
type UnitLedgerRow = { name: string; kind: string; divisionCode: string; creditCode: string | null; note: string | null; id?: number };

export const unitLedger = defineLedger<UnitLedgerRow>({
  key: REGISTRY_LEDGERS.units,
  title: '单位台账',
  titleEn: 'Units',
  entity: 'unit',
  columns: [
    { key: 'name', header: '单位名称', headerEn: 'Name', synonyms: ['名称', '单位'], type: 'text', required: true, maxLength: 200, example: '四会市第一中学（演示）' },
    { key: 'kind', header: '单位类型', headerEn: 'Kind', synonyms: ['类型'], type: 'enum', required: true, options: options(UNIT_KINDS, zh.unitKinds), example: '学校' },
    { key: 'divisionCode', header: '所在区划代码', headerEn: 'Division code', synonyms: ['区划代码', '行政区划代码'], type: 'divisionCode', required: true, example: '441284000000' },
    { key: 'creditCode', header: '统一社会信用代码', headerEn: 'Credit code', synonyms: ['信用代码', '社会信用代码'], type: 'creditCode', example: '91350100M000100Y43' },
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: ['name', 'divisionCode'],
  permissions: { import: 'registry.write', export: 'ledgers.export' }, // importing writes the registry: as the API, registry.write
  async validate(row, ctx) {
    const problems: ErrorDetail[] = [];
    if (!inScope(ctx.user.scope, { divisionCode: row.divisionCode })) problems.push({ path: 'divisionCode', key: 'errors.OUT_OF_SCOPE' });
    else if (!(await divisionExists(ctx.services.db, row.divisionCode))) problems.push({ path: 'divisionCode', key: 'registry.errors.divisionUnknown', params: { code: row.divisionCode } });
    if (row.creditCode) {
      const [dup] = await ctx.services.db.select({ name: units.name, divisionCode: units.divisionCode }).from(units).where(eq(units.creditCode, row.creditCode));
      if (dup && (dup.name !== row.name || dup.divisionCode !== row.divisionCode)) problems.push({ path: 'creditCode', key: 'registry.errors.creditCodeTaken' });
    }
    return problems;
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
    const body = (r: UnitLedgerRow) => ({ name: r.name, kind: r.kind as UnitKind, divisionCode: r.divisionCode, creditCode: r.creditCode, note: r.note });
    for (const r of changes.insert) await createUnitIn(tx, ctx.user, ctx.actor, body(r));
    for (const { before, after } of changes.update) await updateUnitIn(tx, ctx.user, ctx.actor, before.id as number, body(after));
  },
  async exportRows(ctx, filters) {
    const q = { q: filters.q, kind: filters.kind as UnitKind | undefined, division: filters.division, page: 1, pageSize: 100_000 };
    const { items } = await listUnits(ctx.services.db, ctx.user, q);
    return items.map((u) => ({ name: u.name, kind: u.kind, divisionCode: u.divisionCode, creditCode: u.creditCode, note: u.note }));
  },
});

// ---- 结对关系台账 ----
type PairingLedgerRow = {
  type: string;
  programme: string | null;
  helperDivisionCode: string;
  helperUnit: string | null;
  helpedDivisionCode: string;
  helpedUnit: string | null;
  startDate: string;
  endDate: string | null;
  note: string | null;
  id?: number;
};

const toPairingRow = (p: PairingView): PairingLedgerRow => ({
  type: p.type,
  programme: p.programmeName,
  helperDivisionCode: p.helper.divisionCode,
  helperUnit: p.helper.unitName,
  helpedDivisionCode: p.helped.divisionCode,
  helpedUnit: p.helped.unitName,
  startDate: p.startDate,
  endDate: p.endDate,
  note: p.note,
});

/** Units named in rows → ids, looked up by name within the given division. */
async function unitIds(db: Db | Tx, rows: PairingLedgerRow[]) {
  const names = [...new Set(rows.flatMap((r) => [r.helperUnit, r.helpedUnit]).filter((n): n is string => !!n))];
  if (names.length === 0) return new Map<string, number>();
  const found = await db.select({ id: units.id, name: units.name, divisionCode: units.divisionCode }).from(units).where(inArray(units.name, names));
  return new Map(found.map((u) => [`${u.divisionCode}|${u.name}`, u.id]));
}

async function programmeIds(db: Db | Tx) {
  const rows = await db.select({ id: programmes.id, name: programmes.name }).from(programmes);
  return new Map(rows.map((p) => [p.name, p.id]));
}

const PAIRING_KEY = { naturalKey: ['type', 'helperDivisionCode', 'helperUnit', 'helpedDivisionCode', 'helpedUnit', 'startDate'] };

export const pairingLedger = defineLedger<PairingLedgerRow>({
  key: REGISTRY_LEDGERS.pairings,
  title: '结对关系台账',
  titleEn: 'Pairings',
  entity: 'pairing',
  columns: [
    { key: 'type', header: '结对类型', headerEn: 'Type', type: 'enum', required: true, options: options(PAIRING_TYPES, zh.pairingTypes), example: '县—县' },
    { key: 'programme', header: '协作项目', headerEn: 'Programme', type: 'text', example: '粤桂东西部协作' },
    { key: 'helperDivisionCode', header: '帮扶方区划代码', headerEn: 'Helper division code', type: 'divisionCode', required: true, note: '帮扶方为单位时填单位所在区划', example: '441284000000' },
    { key: 'helperUnit', header: '帮扶单位', headerEn: 'Helper unit', type: 'text', note: '帮扶方为行政区划时留空', example: '' },
    { key: 'helpedDivisionCode', header: '受帮扶方区划代码', headerEn: 'Helped division code', type: 'divisionCode', required: true, example: '451123000000' },
    { key: 'helpedUnit', header: '受帮扶单位', headerEn: 'Helped unit', type: 'text', example: '' },
    { key: 'startDate', header: '开始日期', headerEn: 'Start date', synonyms: ['结对日期'], type: 'date', required: true, example: '2021-05-01' },
    { key: 'endDate', header: '结束日期', headerEn: 'End date', type: 'date', example: '' },
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: PAIRING_KEY.naturalKey,
  permissions: { import: 'registry.write', export: 'ledgers.export' }, // importing writes the registry: as the API, registry.write
  async validate(row, ctx) {
    const problems: ErrorDetail[] = [];
    const db = ctx.services.db;
    const ids = await unitIds(db, [row]);
    for (const side of ['helper', 'helped'] as const) {
      const code = row[`${side}DivisionCode`];
      const unit = row[`${side}Unit`];
      if (!(await divisionExists(db, code))) problems.push({ path: `${side}DivisionCode`, key: 'registry.errors.divisionUnknown', params: { code } });
      else if (unit && !ids.has(`${code}|${unit}`)) problems.push({ path: `${side}Unit`, key: 'registry.errors.unitUnknownByName', params: { name: unit } });
    }
    if (!inScope(ctx.user.scope, { divisionCode: row.helperDivisionCode }) && !inScope(ctx.user.scope, { divisionCode: row.helpedDivisionCode })) {
      problems.push({ path: 'helpedDivisionCode', key: 'errors.OUT_OF_SCOPE' });
    }
    if (row.programme && !(await programmeIds(db)).has(row.programme)) problems.push({ path: 'programme', key: 'registry.errors.programmeUnknownByName', params: { name: row.programme } });
    if (row.endDate && row.endDate < row.startDate) problems.push({ path: 'endDate', key: 'registry.errors.endBeforeStart' });
    return problems;
  },
  async findExisting(tx, rows, ctx) {
    const codes = [...new Set(rows.map((r) => r.helperDivisionCode))];
    const found = (await allPairings(tx, ctx.user, {})).filter((p) => codes.includes(p.helper.divisionCode));
    return new Map(found.map((p) => [naturalKeyOf(PAIRING_KEY, toPairingRow(p)), { ...toPairingRow(p), id: p.id }]));
  },
  async write(tx, changes, ctx) {
    const ids = await unitIds(tx, [...changes.insert, ...changes.update.map((u) => u.after)]);
    const progs = await programmeIds(tx);
    const unitOf = (code: string, name: string | null) => (name ? ids.get(`${code}|${name}`) : undefined);
    for (const r of changes.insert) {
      const helperUnitId = unitOf(r.helperDivisionCode, r.helperUnit);
      const helpedUnitId = unitOf(r.helpedDivisionCode, r.helpedUnit);
      await createPairingIn(tx, ctx.user, ctx.actor, {
        type: r.type as PairingType,
        programmeId: r.programme ? progs.get(r.programme) : null,
        helperDivisionCode: helperUnitId ? null : r.helperDivisionCode,
        helperUnitId,
        helpedDivisionCode: helpedUnitId ? null : r.helpedDivisionCode,
        helpedUnitId,
        startDate: r.startDate,
        endDate: r.endDate,
        note: r.note,
      });
    }
    for (const { before, after } of changes.update) {
      await updatePairingIn(tx, ctx.user, ctx.actor, before.id as number, {
        programmeId: after.programme ? progs.get(after.programme) : null,
        endDate: after.endDate,
        note: after.note,
      });
    }
  },
  async exportRows(ctx, filters) {
    const f = {
      type: (PAIRING_TYPES as readonly string[]).includes(filters.type) ? (filters.type as PairingType) : undefined,
      programmeId: filters.programmeId ? Number(filters.programmeId) : undefined,
      division: /^\d{12}$/.test(filters.division ?? '') ? filters.division : undefined,
      asOf: /^\d{4}-\d{2}-\d{2}$/.test(filters.asOf ?? '') ? filters.asOf : undefined,
      q: filters.q,
    };
    return (await allPairings(ctx.services.db, ctx.user, f)).map(toPairingRow);
  },
});

// ---- 协作项目台账 ----
// Programmes span provinces: everyone may export them, only HQ and admin (registry.reference, whole scope) may import. Phases stay with the API.
type ProgrammeLedgerRow = { code: string; name: string; kind: string; startDate: string; endDate: string | null; description: string | null; id?: number };
type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
const toProgrammeRow = (p: typeof programmes.$inferSelect): ProgrammeLedgerRow => ({
  code: p.code, name: p.name, kind: p.kind, startDate: p.startDate, endDate: p.endDate, description: p.description,
});

export const programmeLedger = defineLedger<ProgrammeLedgerRow>({
  key: REGISTRY_LEDGERS.programmes,
  title: '协作项目台账',
  titleEn: 'Programmes',
  entity: 'programme',
  columns: [
    { key: 'code', header: '项目代码', headerEn: 'Code', synonyms: ['代码'], type: 'text', required: true, maxLength: 40, note: '小写字母、数字和短横线，如 yue-gui-2021', example: 'yue-gui-2026' },
    { key: 'name', header: '项目名称', headerEn: 'Name', synonyms: ['协作项目', '名称'], type: 'text', required: true, maxLength: 200, example: '粤桂东西部协作（演示）' },
    { key: 'kind', header: '项目类型', headerEn: 'Kind', synonyms: ['类型'], type: 'enum', required: true, options: options(PROGRAMME_KINDS, zh.programmeKinds), example: '东西部协作' },
    { key: 'startDate', header: '开始日期', headerEn: 'Start date', type: 'date', required: true, example: '2026-01-01' },
    { key: 'endDate', header: '结束日期', headerEn: 'End date', type: 'date', example: '2030-12-31' },
    { key: 'description', header: '项目说明', headerEn: 'Description', synonyms: ['说明', '备注'], type: 'text', maxLength: 2000 },
  ],
  naturalKey: ['code'],
  uniqueNaturalKey: true,
  tables: ['programmes'],
  permissions: { import: 'registry.reference', export: 'ledgers.export' },
  validate(row, ctx) {
    const problems: ErrorDetail[] = [];
    if (!ctx.user.scope.all) problems.push({ path: 'code', key: 'errors.OUT_OF_SCOPE' });
    if (!/^[a-z0-9-]{2,40}$/.test(row.code)) problems.push({ path: 'code', key: 'validation.invalidFormat' });
    if (row.endDate && row.endDate < row.startDate) problems.push({ path: 'endDate', key: 'registry.errors.endBeforeStart' });
    return problems;
  },
  async findExisting(tx, rows) {
    const found = await tx.select().from(programmes).where(inArray(programmes.code, rows.map((r) => r.code)));
    return new Map(found.map((p) => [p.code, { ...toProgrammeRow(p), id: p.id }])); // naturalKeyOf of a one-column key is the code
  },
  async write(tx, changes, ctx) {
    const fields = (r: ProgrammeLedgerRow) => ({ name: r.name, kind: r.kind as ProgrammeKind, startDate: r.startDate, endDate: r.endDate, description: r.description });
    for (const r of changes.insert) await createProgrammeIn(tx, ctx.user, ctx.actor, { code: r.code, ...fields(r), phases: [] });
    for (const { before, after } of changes.update) await updateProgrammeIn(tx, ctx.user, ctx.actor, before.id as number, fields(after));
  },
  async exportRows(ctx, filters) {
    const q = filters.q?.trim();
    return (await listProgrammes(ctx.services.db))
      .filter((p) => !q || p.name.includes(q) || p.code.includes(q))
      .map((p) => ({ code: p.code, name: p.name, kind: p.kind, startDate: p.startDate, endDate: p.endDate, description: p.description }));
  },
});

export const registryLedgers = [unitLedger, pairingLedger, programmeLedger];
