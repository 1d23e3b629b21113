// How a ledger's rows map onto one table (LedgerDefinition.staged): the declaration applyStagedTable
// (staging.ts) carries out. Kept apart so the ledger types need not import the machinery.
import type { SQL } from 'drizzle-orm';

/** A column of the target table, filled from the staged row's field `key`. */
export interface StagedColumn {
  key: string;
  column: string;
  type: 'text' | 'integer' | 'numeric' | 'date' | 'boolean';
  /** Written when the record is created, never changed by a later import (e.g. the ciphertext of the natural key). */
  insertOnly?: boolean;
  /**
   * For a value that is encrypted (a new ciphertext never equals the stored one): the staged row's
   * boolean field of this name says whether it changed — sealRow decides that against the plaintext.
   */
  changedWhen?: string;
}

/** A text column of the target table, filled from the staged field `key`. */
export const textColumn = (key: string, column: string): StagedColumn => ({ key, column, type: 'text' });

/**
 * An ID number as sealed at the dry run (sealIdNumber: keyed hash, ciphertext, mask): the hash is the natural key,
 * the ciphertext and the mask are written when the record is created (a new ciphertext never equals the stored one).
 */
export const sealedIdColumns: StagedColumn[] = [
  textColumn('idHash', 'id_hash'),
  { ...textColumn('idCipher', 'id_cipher'), insertOnly: true },
  { ...textColumn('idMasked', 'id_masked'), insertOnly: true },
];

/** How a ledger's rows map onto one table, for applyStagedTable. */
export interface StagedTableSpec {
  table: string;
  /** Every column the ledger imports (staged field → table column and its SQL type). */
  columns: StagedColumn[];
  /** Staged fields of the natural key (a subset of columns). */
  naturalKey: string[];
  /** The table enforces the natural key with a unique index (see LedgerDefinition.uniqueNaturalKey). */
  uniqueNaturalKey: boolean;
  /** Audit entity name. */
  entity: string;
  /** Staged fields naming a record in the audit log, joined by '/'; `mask` for personal data (an ID number). */
  auditKey: { key: string; mask?: boolean }[];
  /** Update entries name the record by this column (e.g. its id), as the module's own writes do; default the audit key. */
  entityIdColumn?: string;
  /**
   * Only target rows meeting this (over alias t, the staged row s) can match: the user's scope, `t.active`
   * where a partial unique index holds the key, the version the dry run saw. Checked again at the commit,
   * so a record moved out of scope or changed since the dry run is never written (the commit fails instead).
   */
  match?: SQL;
  /**
   * Further columns set when a record is created, from SQL over the staged row (alias s) — e.g. a
   * foreign key looked up by another staged field. A `required` one that finds nothing (the parent was
   * removed since the dry run) fails the commit as changed meanwhile, with nothing written.
   */
  insertValues?: { column: string; value: SQL; required?: boolean }[];
  /** Set to now() on every row updated (e.g. updated_at). */
  touch?: string;
}

/** One slice of a staged commit (apply.ts): the import's staged rows with row numbers n in [from, to]. */
export interface ApplySlice {
  importId: string;
  /** 0, 1, 2 … in file order; the undo journal's slice. */
  index: number;
  from: number;
  to: number;
}
