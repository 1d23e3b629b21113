// Ledger imports (台账导入): one row per uploaded file, holding its progress, counts and the problems
// found. The staged rows themselves live in files under <dataDir>/ledger-imports/<id>/ (see store.ts).
import { bigint, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';

export const ledgerImports = pgTable(
  'ledger_imports',
  {
    id: text('id').primaryKey(), // random UUID: also the staging folder's name
    ledgerKey: text('ledger_key').notNull(),
    userId: integer('user_id').notNull(),
    fileName: text('file_name').notNull(),
    fileBytes: integer('file_bytes').notNull(),
    sha256: text('sha256').notNull(),
    // reading → ready | failed; ready → committing → committed | ready (commit failed, nothing written)
    status: text('status').notNull(),
    rowsRead: integer('rows_read').notNull().default(0),
    valid: integer('valid').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    skipped: integer('skipped').notNull().default(0), // blank, totals (合计) and sample rows
    toInsert: integer('to_insert').notNull().default(0),
    toUpdate: integer('to_update').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    problemCount: integer('problem_count').notNull().default(0),
    problems: jsonb('problems').notNull().default([]), // the first problems (catalogue keys), shown in the preview
    columns: jsonb('columns').notNull().default([]), // how the file's columns were matched
    error: jsonb('error'), // why the file could not be read: {code, params, details}
    mode: text('mode'),
    inserted: integer('inserted'),
    updated: integer('updated'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [index('ledger_imports_user_idx').on(t.userId, t.createdAt)],
);

// Scratch space of a staged commit (staging.ts): the valid rows of one import, copied in short chunks,
// then applied in one short transaction and deleted. Unlogged (migration 0005): nothing to recover.
export const ledgerImportRows = pgTable(
  'ledger_import_rows',
  {
    importId: text('import_id').notNull(),
    n: integer('n').notNull(), // row order in the file
    a: text('a').notNull(), // the dry run's verdict: insert | update
    r: jsonb('r').notNull(), // the parsed row
  },
  (t) => [primaryKey({ columns: [t.importId, t.n] })],
);

// The 'create' audit entries of a staged commit, prepared while staging (up to 1000 keys each).
export const ledgerImportAudit = pgTable(
  'ledger_import_audit',
  {
    importId: text('import_id').notNull(),
    seq: integer('seq').notNull(),
    after: jsonb('after').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

// The undo journal of a staged commit applied in slices (apply.ts; PGlite, where one long transaction holds
// every other request): for each slice, the rows it inserted (`before` null) and the rows it updated as they
// were before (`before`, the whole row), undone in reverse `ord` within a slice, newest slice first; and the
// audit entries the commit writes in its last transaction (`tbl` 'audit_log', `audit`). Logged, unlike the
// staging tables: after a crash mid-apply a restart reads it to undo the slices applied. Rows are the
// table's integer `id`. Emptied when the commit ends, either way.
// A commit through a ledger's write() (journal.ts) is journaled by a row trigger instead (migration
// import_journal): `op` 'i'/'u'/'d', `before` the row as it was, `after` the row as written (its key),
// undone row by row in reverse `seq`.
export const ledgerImportUndo = pgTable(
  'ledger_import_undo',
  {
    seq: serial('seq').primaryKey(),
    importId: text('import_id').notNull(),
    slice: integer('slice').notNull(),
    ord: integer('ord').notNull(),
    tbl: text('tbl').notNull(),
    rowId: bigint('row_id', { mode: 'number' }),
    before: jsonb('before'),
    audit: jsonb('audit'),
    op: text('op'),
    after: jsonb('after'),
  },
  (t) => [index('ledger_import_undo_import_idx').on(t.importId, t.slice)],
);
