// Ledger API calls shared by the dialog, the export button and the ledgers page.
import type { CommitMode, ImportStatus, LedgerInfo } from '@xiezuo/shared/contracts/ledgers';
import { download, get, post } from '../../app/api';

export type { ImportStatus, LedgerInfo };

export const ledgerList = () => get<{ items: LedgerInfo[] }>('/api/ledgers');
export const importStatus = (id: string) => get<ImportStatus>(`/api/ledgers/imports/${id}`);
export const commitImport = (id: string, mode: CommitMode) => post<ImportStatus>(`/api/ledgers/imports/${id}/commit`, { mode });

export function uploadLedger(key: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return post<ImportStatus>(`/api/ledgers/${key}/imports`, form);
}

export const downloadTemplate = (key: string) => download(`/api/ledgers/${key}/template`, `${key}-template.xlsx`);
export const downloadErrors = (id: string) => download(`/api/ledgers/imports/${id}/errors.xlsx`, 'errors.xlsx');

/** The list view's filters as the export's query string (empty values left out). */
export function exportLedger(key: string, filters: Record<string, string | number | boolean | undefined | null> = {}, reveal = false) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  if (reveal) qs.set('reveal', '1');
  return download(`/api/ledgers/${key}/export?${qs}`, `${key}.xlsx`);
}

export const isBusy = (s?: ImportStatus) => s?.status === 'reading' || s?.status === 'committing';
