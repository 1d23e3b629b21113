// What every monitoring ledger shares: a household is named by its head's ID number (户主身份证号),
// which is sensitive — exports mask it unless the user may and asks to reveal (the ledger machinery
// audits that) — and every lookup is filtered by the user's scope. Columns are named with the platform's
// presets (platform/ledgers/columns.ts).
import { HouseholdQuery } from '@xiezuo/shared/contracts/monitoring';
import { catalogues } from '@xiezuo/shared/i18n/index';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../platform/db/client';
import { type ErrorDetail, invalid } from '../../../platform/http/errors';
import { idNumber } from '../../../platform/ledgers/columns';
import {
  type LedgerColumn,
  type LedgerContext,
  type LedgerDefinition,
  type LedgerRow,
  naturalKeyOf,
} from '../../../platform/ledgers/types';
import { householdsInScope } from '../access';
import { householdFilter } from '../households';
import { monitoringHouseholds as H, monitoringMembers as M } from '../tables';

export const zh = catalogues['zh-CN'].monitoring;
export const num = (v: unknown) => (v == null || v === '' ? null : Number(v));
const PERSON = sql`(${M.active} or ${M.leftReason} = 'household_closed')`;

/** The head's ID number: an ID-number column (the preset's synonyms) under the head's own headers. */
export const headColumn: LedgerColumn = idNumber({
  key: 'headIdNumber',
  header: '户主身份证号',
  headerEn: "Head's ID number",
  synonyms: ['户主身份证号码', '户主证件号码'],
  example: '110105195803120010',
});

/** Households (in scope) by their head's ID number: the key every monitoring ledger uses. */
export async function householdsByHead(db: Db | Tx, ctx: LedgerContext, idNumbers: string[]) {
  const hashes = new Map(idNumbers.map((n) => [ctx.services.cipher.hash(n), n]));
  if (!hashes.size) return new Map<string, { id: number; divisionCode: string }>();
  const rows = await db
    .select({ hash: M.idHash, id: H.id, divisionCode: H.divisionCode })
    .from(M)
    .innerJoin(H, eq(H.id, M.householdId))
    .where(and(eq(M.relation, 'head'), eq(M.active, true), inArray(M.idHash, [...hashes.keys()]), householdsInScope(ctx.user.scope)));
  return new Map(rows.map((r) => [hashes.get(r.hash)!, { id: r.id, divisionCode: r.divisionCode }]));
}

/** Each row names a household in scope by its head's ID number (one query per batch). */
export async function requireHouseholds(rows: { headIdNumber: string }[], ctx: LedgerContext): Promise<ErrorDetail[][]> {
  const found = await householdsByHead(
    ctx.services.db,
    ctx,
    rows.map((r) => r.headIdNumber),
  );
  return rows.map((r) => (found.has(r.headIdNumber) ? [] : [{ path: 'headIdNumber', key: 'monitoring.errors.noHousehold' }]));
}

/** Head ID numbers of households in scope (decrypted for the ledger; the machinery masks them). */
export async function headIds(ctx: LedgerContext, extra?: SQL, db: Db | Tx = ctx.services.db) {
  const rows = await db
    .select({ id: H.id, cipher: M.idCipher })
    .from(H)
    .innerJoin(M, and(eq(M.householdId, H.id), eq(M.relation, 'head'), PERSON))
    .where(and(householdsInScope(ctx.user.scope), extra));
  return new Map(rows.map((r) => [r.id, ctx.services.cipher.decrypt(r.cipher)]));
}

const ExportFilter = HouseholdQuery.omit({ page: true, pageSize: true }).partial();

/** An export's filters — the household list's query string — as the list applies them; other keys are not the list's. */
export function filterSql(ctx: LedgerContext, filters: Record<string, string>): SQL | undefined {
  const known = Object.fromEntries(Object.entries(filters).filter(([k]) => k in ExportFilter.shape));
  const q = ExportFilter.safeParse(known);
  // a filter that cannot be read must not widen the export to everything in scope
  if (!q.success) throw invalid(...q.error.issues.map((i) => ({ path: `query.${i.path.join('.')}`, key: 'validation.invalidFormat' })));
  return householdFilter(ctx, q.data);
}

/**
 * A household's records kept by a ledger (visits, measures) for a batch of rows: those of the households
 * the rows' heads name (in scope), as ledger rows keyed by the ledger's natural key.
 */
export async function recordsOfHouseholds<T extends { householdId: number }, R extends LedgerRow>(
  tx: Db | Tx,
  ctx: LedgerContext,
  rows: { headIdNumber: string }[],
  load: (householdIds: number[]) => Promise<T[]>,
  toRow: (record: T, headIdNumber: string) => R,
  key: { naturalKey: string[] },
): Promise<Map<string, R>> {
  const households = await householdsByHead(
    tx,
    ctx,
    rows.map((r) => r.headIdNumber),
  );
  const heads = new Map([...households].map(([idNumber, h]) => [h.id, idNumber]));
  const records = heads.size ? await load([...heads.keys()]) : [];
  return new Map(
    records.map((record) => {
      const row = toRow(record, heads.get(record.householdId)!);
      return [naturalKeyOf(key, row), row];
    }),
  );
}

/** An export of a household's records (members, visits, measures): those of the households the list's filters select, in scope. */
export async function recordsForExport<T extends { householdId: number }, R extends LedgerRow>(
  ctx: LedgerContext,
  filters: Record<string, string>,
  load: (householdIds: number[]) => Promise<T[]>,
  toRow: (record: T, headIdNumber: string) => R,
): Promise<R[]> {
  const heads = await headIds(ctx, filterSql(ctx, filters));
  if (!heads.size) return [];
  return (await load([...heads.keys()])).map((record) => toRow(record, heads.get(record.householdId)!));
}

/**
 * The hidden 记录标识 of a ledger of a household's records (visits, measures): the record's id and row
 * version, so the default export (head ID numbers masked) can be edited and imported again — the masked
 * head ID is taken from the record. `load` reads records by id with their version; only those of
 * households in the importer's scope are found.
 */
export function householdRecordKey<T extends { id: number; householdId: number; version: string }, R extends LedgerRow>(
  load: (tx: Tx, ids: number[]) => Promise<T[]>,
  toRow: (record: T, headIdNumber: string) => R,
): NonNullable<LedgerDefinition<R & { id?: number; version?: string }>['recordKey']> {
  return {
    of: (row) => (row.id != null && row.version ? { id: row.id, version: row.version } : null),
    async find(tx, ids, ctx) {
      const numeric = ids.filter((id) => /^\d{1,9}$/.test(id)).map(Number);
      const records = numeric.length ? await load(tx, numeric) : [];
      const householdIds = [...new Set(records.map((r) => r.householdId))];
      const heads = householdIds.length ? await headIds(ctx, inArray(H.id, householdIds), tx) : new Map<number, string>();
      return new Map(
        records
          .filter((r) => heads.has(r.householdId))
          .map((r) => [String(r.id), { row: toRow(r, heads.get(r.householdId)!), version: r.version }]),
      );
    },
  };
}
