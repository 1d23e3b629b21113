// Ledger API calls shared by the dialog, the export button and the ledgers page.
import { type CommitMode, type ImportStatus, type LedgerInfo, ledgersApi } from '@xiezuo/shared/contracts/ledgers';
import { call, download } from '../../app/api';

export type { ImportStatus, LedgerInfo };

/** A list view's filters, as given to the export (empty values are left out). */
export type LedgerFilters = Record<string, string | number | boolean | undefined | null>;

export const ledgerList = () => call(ledgersApi.list);
export const importStatus = (id: string) => call(ledgersApi.status, { params: { id } });
export const commitImport = (id: string, mode: CommitMode) => call(ledgersApi.commit, { params: { id }, body: { mode } });

export function uploadLedger(key: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return call(ledgersApi.upload, { params: { key }, body: form });
}

export const downloadTemplate = (key: string) => download(ledgersApi.template, { params: { key } }, `${key}-template.xlsx`);
export const downloadErrors = (id: string) => download(ledgersApi.errors, { params: { id } }, 'errors.xlsx');

/**
 * The list view's filters as the export's query string (empty values left out). With sensitive columns
 * revealed it is a POST carrying the CSRF token: a link on another site cannot ask for it.
 */
export function exportLedger(key: string, filters: LedgerFilters = {}, reveal = false) {
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== null && v !== '') query[k] = String(v);
  if (reveal) return download(ledgersApi.exportPost, { params: { key }, body: { filters: query, reveal: true } }, `${key}.xlsx`);
  return download(ledgersApi.export, { params: { key }, query }, `${key}.xlsx`);
}

export const isBusy = (s?: ImportStatus) => s?.status === 'reading' || s?.status === 'committing';
