// A ledger (台账) definition: how one kind of record goes in and out of Excel. Each module declares its
// ledgers with `defineLedger` and registers them in its routes file with `registerLedger`; the shared
// ledger machinery (templates, parsing, dry run, commit, error workbook, export) does the rest.
import type { Permission } from '@xiezuo/shared/roles';
import type { Ctx } from '../context';
import type { Tx } from '../db/client';
import type { ErrorDetail } from '../http/errors';
import type { ApplySlice, StagedTableSpec } from './stagedSpec';

/**
 * How a cell is read: each type has a parser (packages/shared/src/ledgerValues) that accepts what real
 * Chinese Excel files contain. text/enum/idNumber/creditCode/divisionCode/phone/date → string
 * ('YYYY-MM-DD' for dates), integer/decimal → number, amount → string of 元 with two decimals
 * ("167750000.00", what numeric(18,2) gives back), boolean → boolean; an empty cell → null.
 */
export type { LedgerValueType } from '@xiezuo/shared/ledgerValues/cell';

import type { LedgerValueType } from '@xiezuo/shared/ledgerValues/cell';

export interface LedgerColumn {
  key: string; // field name in the parsed row
  header: string; // Chinese header, as in the template
  headerEn: string;
  synonyms?: string[]; // other headers people write (身份证号码, 公民身份号码 …)
  type: LedgerValueType;
  required?: boolean;
  options?: { value: string; label: string }[]; // enum: dropdown in the template
  words?: Record<string, string>; // enum: other ways the value is written (之子, GB/T 4761 code 20 …) → value
  level?: 'province' | 'city' | 'county' | 'town' | 'village'; // division: the level a name must resolve to
  /**
   * What a new record gets when the file has no such column at all (健康状况 → 未说明): never put in the row,
   * so an existing record keeps its value; the dry run lists the defaults it will apply (withDefaults()).
   */
  whenMissing?: string | number | boolean;
  unit?: '元' | '万元'; // amount: the unit of bare numbers in this column (default 元)
  note?: string; // shown as the header comment
  example?: string | number; // the sample row
  sensitive?: boolean; // masked in exports unless the user may reveal (and then the export is audited)
  exportOnly?: boolean; // written in exports (e.g. a status only a procedure changes); ignored on import
  maxLength?: number; // text: longest accepted value (default 500)
  emptyAs?: string | number | boolean; // what an empty cell of this optional column means (default null)
  width?: number; // column width in the template, in characters
}

export type LedgerRow = Record<string, unknown>;

/** A ledger runs with the importing (or exporting) user's context; inside the commit (write, staged) `ctx.tx` is the import's transaction. */
export type LedgerContext = Ctx;

export interface LedgerDefinition<Row extends LedgerRow = LedgerRow> {
  key: string; // URL-safe name: /api/ledgers/<key>/...
  title: string; // 监测户台账
  titleEn: string;
  columns: LedgerColumn[];
  /** Columns whose values identify a record (e.g. idNumber + year); re-importing the same row changes nothing. */
  naturalKey: string[];
  permissions: { import: Permission; export: Permission };
  /** Audit entity name for the import/export entries (default: the key). */
  entity?: string;
  /**
   * Most rows a file may hold (default LEDGER_MAX_ROWS): a ledger known to be larger declares its own (a
   * province's employment ledger is ~740,000 rows). Counted while the file streams; the read stops there.
   */
  maxRows?: number;
  /** Rows per findExisting/write batch (default 1000). */
  batchSize?: number;
  /**
   * The database enforces the natural key (a unique index): rows the dry run found new are then inserted
   * at commit without a second lookup, and a record created meanwhile makes the commit fail cleanly
   * (CONFLICT, nothing written) instead of duplicating. Leave unset when there is no such index.
   */
  uniqueNaturalKey?: boolean;
  /** Tables write() fills (default: the staged table): analysed after a large commit, so the planner sees the new rows (PGlite has no autovacuum). */
  tables?: string[];
  /**
   * Rows that stand or fall together (a household's members): when one row of a group has a problem, every
   * row of the group is rejected with it. A group must lie within one batch (batchSize).
   */
  groupOf?(row: Row): string;
  /** Completes a parsed row before validate: values derived from others (gender and birth date from the ID number). */
  prepare?(row: Row, ctx: LedgerContext): void;
  /**
   * Cross-field and scope checks on one parsed row; paths name column keys. Synchronous: it sees the row
   * and the user's context only, never the database — a query per row is what a 200,000-row file cannot
   * afford. Whatever needs the database (does the household exist, is the code a registered village)
   * belongs in validateBatch.
   */
  validate?(row: Row, ctx: LedgerContext): ErrorDetail[];
  /**
   * The database checks, for a batch of parsed rows at once (one query per batch, never one per row):
   * the problems of rows[i] at [i]. Runs after validate, on the rows it passed.
   */
  validateBatch?(rows: Row[], ctx: LedgerContext): Promise<ErrorDetail[][]>;
  /** Existing records for a batch of natural keys, keyed by `naturalKeyOf(row)`, as rows of this ledger. */
  findExisting(tx: Tx, rows: Row[], ctx: LedgerContext): Promise<Map<string, Row>>;
  /**
   * Optional, for large ledgers: how the import's rows map onto one table, so the commit applies them
   * set-based (applyStagedTable, staging.ts) with the same outcome and audit entries as write(). The
   * commit then stages the rows in short chunks first (other requests are served in between) and its
   * apply stays short (in slices on PGlite, apply.ts). Without it, the commit calls write() batch by batch.
   */
  staged?(ctx: LedgerContext): StagedTableSpec;
  /**
   * Optional, for ledgers that write more than one table (a household and its head): applies one slice of the
   * import's staged rows (ledger_import_rows with n in [slice.from, slice.to], each as sealRow made it) itself,
   * set-based, inside the slice's transaction (`tx`, also `ctx.tx`), with the same outcome as the module's
   * services; returns the counts. Every row it inserts or updates goes in the undo journal (apply.ts:
   * journalHead) and its audit entries wait there (journalAudit) — on PGlite each slice commits on its own and
   * a failure later is undone from the journal. Like `staged`, the commit copies the rows first, in short chunks.
   */
  applyStaged?(tx: Tx, slice: ApplySlice, ctx: LedgerContext): Promise<{ inserted: number; updated: number }>;
  /**
   * With `staged` or `applyStaged`: the row as it is staged, decided at the dry run against the record found (`before`).
   * Personal data is encrypted here, in the application, so the database never holds it in the clear.
   * What it decides from `before` (an encrypted field changed or not) holds for that record only: the
   * spec's `match` should then require the record's version the dry run saw (see the member ledger).
   */
  sealRow?(row: Row, before: Row | undefined, ctx: LedgerContext): LedgerRow;
  /**
   * Inserts new rows and updates changed ones, inside the import's transaction; writes audit entries. Needed unless `staged`.
   * `tx` is the import's transaction and `ctx.tx` is the same one, so a service function the ledger calls
   * with ctx joins it through withTx(ctx, …) (nothing is written outside the commit).
   */
  write?(tx: Tx, changes: { insert: Row[]; update: { before: Row; after: Row }[] }, ctx: LedgerContext): Promise<void>;
  /**
   * The record key of exports (记录标识, a hidden last column): which stored record an exported row is, and
   * its version then. On re-import a row carrying it is that record, and a masked cell (4412**********2164,
   * ******) means "unchanged": the stored value is used. `of` reads it from an exported row; `find` loads the
   * records of a batch of ids (in scope) as rows of this ledger, each with the version to compare.
   */
  recordKey?: {
    of(row: Row): { id: number | string; version: string } | null;
    find(tx: Tx, ids: string[], ctx: LedgerContext): Promise<Map<string, { row: Row; version: string }>>;
  };
  /** Rows for export, already filtered by the user's scope and the list view's filters. */
  exportRows(ctx: LedgerContext, filters: Record<string, string>): AsyncIterable<Row> | Promise<Row[]>;
}

// biome-ignore lint/suspicious/noExplicitAny: definitions of any row shape share one registry
export type AnyLedger = LedgerDefinition<any>;

export function defineLedger<Row extends LedgerRow>(def: LedgerDefinition<Row>): LedgerDefinition<Row> {
  if (!def.write && !def.staged && !def.applyStaged)
    throw new Error(`ledger ${def.key}: write(), staged() or applyStaged() is needed to commit`);
  return def;
}

/** The ledger commits from the staging table (set-based, short transaction) rather than through write(). */
export const isStaged = (def: Pick<LedgerDefinition, 'staged' | 'applyStaged'>) => !!(def.staged || def.applyStaged);

export function naturalKeyOf(def: Pick<LedgerDefinition, 'naturalKey'>, row: LedgerRow): string {
  return def.naturalKey.map((k) => String(row[k] ?? '')).join('\u0001');
}

/** The header of the hidden record-key column of exports. */
export const RECORD_KEY_HEADER = '记录标识';
/** A cell an export masked: 4412**********2164, 138****0000, ******. */
export const isMaskedCell = (v: unknown) => typeof v === 'string' && /\*{4,}/.test(v);

/** A new record's row with the values of the columns the file lacked (LedgerColumn.whenMissing). */
export function withDefaults<Row extends LedgerRow>(def: Pick<LedgerDefinition, 'columns'>, row: Row): Row {
  const out: LedgerRow = { ...row };
  for (const c of def.columns) if (c.whenMissing !== undefined && out[c.key] === undefined) out[c.key] = c.whenMissing;
  return out as Row;
}
