// Problems found in a ledger file, kept as catalogue keys and rendered in the reader's language:
// “第12行 D列〔身份证号〕：校验位不正确”.
import { AppError, type ErrorDetail } from '../http/errors';
import type { Translate } from '../i18n';

export interface Problem {
  row: number;
  col: string | null; // column letter in the uploaded file
  header: string | null; // the header as written in the file
  key?: string; // catalogue key
  params?: Record<string, unknown>;
  message?: string; // a ready message (from a module's validate)
}

/** A file that cannot be imported at all: nothing was written. */
export function fileError(reason: string, params: Record<string, unknown> = {}, more: ErrorDetail[] = []): AppError {
  return new AppError('LEDGER_FILE', params, [{ path: 'file', key: `ledgers.file.${reason}`, params }, ...more]);
}

export function renderProblem(p: Problem, t: Translate): string {
  const message = p.message ?? t(p.key ?? 'validation.invalidFormat', p.params);
  return p.col
    ? t('ledgers.problem.cell', { row: p.row, col: p.col, header: p.header, message })
    : t('ledgers.problem.row', { row: p.row, message });
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
