// 结对关系台账: pairings by type, parties and start date. A party is a division, or a unit named within
// that division; written through the module's services (validation, scope, audit), as the API writes them.
import { DivisionCode, IsoDate } from '@xiezuo/shared/contracts/common';
import { PAIRING_TYPES, type PairingType, REGISTRY_LEDGERS } from '@xiezuo/shared/contracts/registry';
import { catalogues } from '@xiezuo/shared/i18n/index';
import type { ErrorDetail } from '../../../platform/http/errors';
import { date, divisionCode, enumOf } from '../../../platform/ledgers/columns';
import { defineLedger, naturalKeyOf } from '../../../platform/ledgers/types';
import { dbOf, eitherPartyInScope } from '../access';
import { allPairings, createPairing, type PairingView, updatePairing } from '../pairings';
import { lookUp, unitKey } from './lookup';

const zh = catalogues['zh-CN'].registry;

type PairingLedgerRow = {
  type: PairingType;
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

const PAIRING_KEY = { naturalKey: ['type', 'helperDivisionCode', 'helperUnit', 'helpedDivisionCode', 'helpedUnit', 'startDate'] };
const SIDES = ['helper', 'helped'] as const;

/** A pairing's type and parties as createPairing compares them: each party a division, or a unit (by id) in it. */
type Parties = {
  type: string;
  helperDivisionCode: string;
  helperUnitId: number | null;
  helpedDivisionCode: string;
  helpedUnitId: number | null;
};
const partiesOf = (row: PairingLedgerRow, unitIds: Map<string, number>): Parties => ({
  type: row.type,
  helperDivisionCode: row.helperDivisionCode,
  helperUnitId: row.helperUnit ? (unitIds.get(unitKey(row.helperDivisionCode, row.helperUnit)) ?? null) : null,
  helpedDivisionCode: row.helpedDivisionCode,
  helpedUnitId: row.helpedUnit ? (unitIds.get(unitKey(row.helpedDivisionCode, row.helpedUnit)) ?? null) : null,
});
const partiesKey = (p: Parties) =>
  [p.type, p.helperDivisionCode, p.helperUnitId ?? '', p.helpedDivisionCode, p.helpedUnitId ?? ''].join('|');
/** Two periods (last day inclusive, no end = open) share a day. */
const overlaps = (a: { startDate: string; endDate: string | null }, b: { startDate: string; endDate: string | null }) =>
  a.startDate <= (b.endDate ?? '9999-12-31') && b.startDate <= (a.endDate ?? '9999-12-31');

export const pairingLedger = defineLedger<PairingLedgerRow>({
  key: REGISTRY_LEDGERS.pairings,
  title: '结对关系台账',
  titleEn: 'Pairings',
  entity: 'pairing',
  columns: [
    enumOf(PAIRING_TYPES, zh.pairingTypes, { key: 'type', header: '结对类型', headerEn: 'Type', required: true, example: '县—县' }),
    { key: 'programme', header: '协作项目', headerEn: 'Programme', type: 'text', example: '粤桂东西部协作' },
    divisionCode({
      generic: false,
      key: 'helperDivisionCode',
      header: '帮扶方区划代码',
      headerEn: 'Helper division code',
      required: true,
      note: '帮扶方为单位时填单位所在区划',
      example: '441284000000',
    }),
    { key: 'helperUnit', header: '帮扶单位', headerEn: 'Helper unit', type: 'text', note: '帮扶方为行政区划时留空', example: '' },
    divisionCode({
      generic: false,
      key: 'helpedDivisionCode',
      header: '受帮扶方区划代码',
      headerEn: 'Helped division code',
      required: true,
      example: '451123000000',
    }),
    { key: 'helpedUnit', header: '受帮扶单位', headerEn: 'Helped unit', type: 'text', example: '' },
    date({ key: 'startDate', header: '开始日期', headerEn: 'Start date', synonyms: ['结对日期'], required: true, example: '2021-05-01' }),
    date({ key: 'endDate', header: '结束日期', headerEn: 'End date', example: '' }),
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: PAIRING_KEY.naturalKey,
  permissions: { import: 'registry.write', export: 'ledgers.export' }, // importing writes the registry: as the API, registry.write
  validate(row, ctx) {
    const problems: ErrorDetail[] = [];
    if (!eitherPartyInScope(ctx.user.scope, row.helperDivisionCode, row.helpedDivisionCode))
      problems.push({ path: 'helpedDivisionCode', key: 'errors.OUT_OF_SCOPE' });
    // the same division, and the same unit in it or none: the commit would refuse the pairing
    if (row.helperDivisionCode === row.helpedDivisionCode && row.helperUnit === row.helpedUnit)
      problems.push({ path: 'helpedDivisionCode', key: 'registry.errors.sameParty' });
    if (row.endDate && row.endDate < row.startDate) problems.push({ path: 'endDate', key: 'registry.errors.endBeforeStart' });
    return problems;
  },
  async validateBatch(rows, ctx) {
    const found = await lookUp(dbOf(ctx), {
      divisionCodes: rows.flatMap((r) => [r.helperDivisionCode, r.helpedDivisionCode]),
      unitNames: rows.flatMap((r) => [r.helperUnit, r.helpedUnit]),
      programmeNames: rows.map((r) => r.programme),
      pairingsOfHelpers: rows.map((r) => r.helperDivisionCode),
    });
    const storedKeys = new Set(found.pairings.map((p) => naturalKeyOf(PAIRING_KEY, p)));
    // the periods of each pairing (type and parties): stored ones (with their id), then the batch's new rows (with their natural key)
    const periods = new Map<string, { id?: number; key?: string; startDate: string; endDate: string | null }[]>();
    const periodsOf = (parties: Parties) => {
      const k = partiesKey(parties);
      if (!periods.has(k)) periods.set(k, []);
      return periods.get(k)!;
    };
    for (const p of found.pairings) periodsOf(p).push(p);
    return rows.map((row) => {
      const problems: ErrorDetail[] = [];
      for (const side of SIDES) {
        const code = row[`${side}DivisionCode`];
        const unit = row[`${side}Unit`];
        if (!found.divisions.has(code))
          problems.push({ path: `${side}DivisionCode`, key: 'registry.errors.divisionUnknown', params: { code } });
        else if (unit && !found.units.has(unitKey(code, unit)))
          problems.push({ path: `${side}Unit`, key: 'registry.errors.unitUnknownByName', params: { name: unit } });
      }
      if (row.programme && !found.programmes.has(row.programme))
        problems.push({ path: 'programme', key: 'registry.errors.programmeUnknownByName', params: { name: row.programme } });
      if (problems.length) return problems;
      // a new pairing may not overlap the same pairing (type and parties) in time, stored or earlier in the batch,
      // as createPairing refuses; a row of a stored pairing (its natural key) updates it instead
      const key = naturalKeyOf(PAIRING_KEY, row);
      if (storedKeys.has(key)) return problems;
      const same = periodsOf(partiesOf(row, found.units));
      const stored = same.find((p) => p.id !== undefined && overlaps(p, row));
      if (stored) return [{ path: 'startDate', key: 'registry.errors.pairingOverlap', params: { id: stored.id } }];
      // earlier rows of the batch the commit will insert; an exact repeat is the ledger machinery's "duplicate row"
      let repeat = false;
      for (const p of same) {
        if (p.key === key) repeat = true;
        else if (p.key !== undefined && overlaps(p, row)) return [{ path: 'startDate', key: 'registry.errors.pairingOverlapInFile' }];
      }
      if (!repeat) same.push({ key, startDate: row.startDate, endDate: row.endDate });
      return problems;
    });
  },
  async findExisting(tx, rows, ctx) {
    const helpers = [...new Set(rows.map((r) => r.helperDivisionCode))];
    const found = await allPairings({ ...ctx, tx }, {}, helpers);
    return new Map(found.map((p) => [naturalKeyOf(PAIRING_KEY, toPairingRow(p)), { ...toPairingRow(p), id: p.id }]));
  },
  async write(tx, changes, ctx) {
    const inImport = { ...ctx, tx };
    const rows = [...changes.insert, ...changes.update.map((u) => u.after)];
    const found = await lookUp(tx, {
      unitNames: rows.flatMap((r) => [r.helperUnit, r.helpedUnit]),
      programmeNames: rows.map((r) => r.programme),
    });
    const unitOf = (code: string, name: string | null) => (name ? found.units.get(unitKey(code, name)) : undefined);
    for (const r of changes.insert) {
      const helperUnitId = unitOf(r.helperDivisionCode, r.helperUnit);
      const helpedUnitId = unitOf(r.helpedDivisionCode, r.helpedUnit);
      await createPairing(inImport, {
        type: r.type,
        programmeId: r.programme ? found.programmes.get(r.programme) : null,
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
      await updatePairing(inImport, before.id as number, {
        programmeId: after.programme ? found.programmes.get(after.programme) : null,
        endDate: after.endDate,
        note: after.note,
      });
    }
  },
  async exportRows(ctx, filters) {
    const f = {
      type: (PAIRING_TYPES as readonly string[]).includes(filters.type) ? (filters.type as PairingType) : undefined,
      programmeId: filters.programmeId ? Number(filters.programmeId) : undefined,
      division: DivisionCode.safeParse(filters.division).success ? filters.division : undefined,
      asOf: IsoDate.safeParse(filters.asOf).success ? filters.asOf : undefined,
      q: filters.q,
    };
    return (await allPairings(ctx, f)).map(toPairingRow);
  },
});
