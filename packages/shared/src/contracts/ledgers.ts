// Ledger (台账) import/export API contracts: the ledger list, import status with problems, commit.
import { z } from 'zod';
import { endpoint } from './endpoint';

export const LedgerKeyParam = z.strictObject({ key: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/) });
export const ImportIdParam = z.strictObject({ id: z.uuid() });

export const LedgerColumnInfo = z.object({
  key: z.string(),
  header: z.string(),
  headerEn: z.string(),
  type: z.string(),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  unit: z.string().optional(),
  note: z.string().optional(),
  sensitive: z.boolean(),
});

export const LedgerInfo = z
  .object({
    key: z.string(),
    title: z.string(),
    titleEn: z.string(),
    columns: z.array(LedgerColumnInfo),
    naturalKey: z.array(z.string()),
    canImport: z.boolean(),
    canExport: z.boolean(),
  })
  .meta({ id: 'LedgerInfo' });
export type LedgerInfo = z.infer<typeof LedgerInfo>;

export const LedgerList = z.object({ items: z.array(LedgerInfo) });

export const ImportStatusName = z.enum(['reading', 'ready', 'failed', 'committing', 'committed']);

/** One problem of the dry run: where (row, column letter, header) and what, already in words. */
export const ImportProblem = z.object({
  row: z.number().int(),
  col: z.string().nullable(),
  header: z.string().nullable(),
  message: z.string(), // e.g. 第12行 D列〔身份证号〕：校验位不正确
});

export const ImportStatus = z
  .object({
    id: z.string(),
    ledgerKey: z.string(),
    fileName: z.string(),
    status: ImportStatusName,
    rowsRead: z.number().int(),
    valid: z.number().int(),
    rejected: z.number().int(),
    skipped: z.number().int(),
    toInsert: z.number().int(),
    toUpdate: z.number().int(),
    unchanged: z.number().int(),
    problemCount: z.number().int(),
    problems: z.array(ImportProblem),
    /** The file's columns the ledger does not use (序号、备注 …): ignored, and said so before the commit. */
    ignoredColumns: z.array(z.string()),
    /** The ledger's columns the file lacks (their headers). */
    missingColumns: z.array(z.string()),
    /** What new records get for a column the file lacks (健康状况 → 未说明). */
    defaults: z.array(z.object({ header: z.string(), value: z.string() })),
    /** The file could not be read at all (wrong template, not a spreadsheet …): why, in words. */
    error: z
      .object({ code: z.string(), message: z.string(), details: z.array(z.object({ path: z.string(), message: z.string() })) })
      .nullable(),
    mode: z.string().nullable(),
    inserted: z.number().int().nullable(),
    updated: z.number().int().nullable(),
    createdAt: z.string(),
    committedAt: z.string().nullable(),
    /** While checking or importing: how many files are ahead of this one in the queue (0: its turn now). */
    queuePosition: z.number().int().nullable(),
  })
  .meta({ id: 'LedgerImportStatus' });
export type ImportStatus = z.infer<typeof ImportStatus>;

export const CommitMode = z.enum(['all-or-nothing', 'valid-rows']);
export const CommitRequest = z.strictObject({ mode: CommitMode });
export type CommitMode = z.infer<typeof CommitMode>;

/** Export filters are the list view's own query string (sensitive columns masked). */
export const ExportQuery = z.record(z.string(), z.string());
/**
 * The same export as a POST (with the session's CSRF token): the list view's filters, and `reveal` to ask for
 * the sensitive columns unmasked (audited). A revealing export is never a GET: a link could trigger it.
 */
export const ExportRequest = z.strictObject({ filters: ExportQuery.default({}), reveal: z.boolean().default(false) });

// ---- endpoints: what the web may call (checked against the server's routes by endpoints.test.ts) ----

export const ledgersApi = {
  list: endpoint('GET', '/api/ledgers', { response: LedgerList }),
  ledger: endpoint('GET', '/api/ledgers/:key', { params: LedgerKeyParam, response: LedgerInfo }),
  template: endpoint('GET', '/api/ledgers/:key/template', { params: LedgerKeyParam, file: true }),
  upload: endpoint('POST', '/api/ledgers/:key/imports', { params: LedgerKeyParam, form: true, response: ImportStatus }),
  status: endpoint('GET', '/api/ledgers/imports/:id', { params: ImportIdParam, response: ImportStatus }),
  commit: endpoint('POST', '/api/ledgers/imports/:id/commit', { params: ImportIdParam, body: CommitRequest, response: ImportStatus }),
  errors: endpoint('GET', '/api/ledgers/imports/:id/errors.xlsx', { params: ImportIdParam, file: true }),
  export: endpoint('GET', '/api/ledgers/:key/export', { params: LedgerKeyParam, query: ExportQuery, file: true }),
  exportPost: endpoint('POST', '/api/ledgers/:key/export', { params: LedgerKeyParam, body: ExportRequest, file: true }),
} as const;
