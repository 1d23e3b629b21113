// Dates as found in ledgers: Excel serial numbers, Date cells, and written forms
// (2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日, 20250301) → 'YYYY-MM-DD'.
import { cleanText } from './text';

export type DateResult = { ok: true; value: string } | { ok: false; problem: 'format' | 'invalid' | 'range' };

const EXCEL_EPOCH = Date.UTC(1899, 11, 30); // serial 1 = 1900-01-01 (with Excel's 1900 leap-year bug folded in)

export function parseDate(raw: unknown): DateResult {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { ok: false, problem: 'format' };
    // exceljs gives date cells as UTC midnight; keep the calendar day
    return ymd(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
  }
  if (typeof raw === 'number') return fromSerial(raw);
  const s = cleanText(raw).replace(/\s/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  // a serial date that arrived as text (CSV exported from a formula column)
  if (/^\d{4,5}(\.\d+)?$/.test(s)) return fromSerial(Number(s));
  return { ok: false, problem: 'format' };
}

export function excelSerialToIso(serial: number): string {
  return new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

export function isoToExcelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / 86_400_000);
}

function fromSerial(n: number): DateResult {
  // 1 (1900-01-01) … 2958465 (9999-12-31); ledgers hold dates from 1900 to 2199
  if (!Number.isFinite(n) || n < 1 || n > 109_574) return { ok: false, problem: 'range' };
  return { ok: true, value: excelSerialToIso(n) };
}

function ymd(y: number, m: number, d: number): DateResult {
  if (y < 1900 || y > 2199) return { ok: false, problem: 'range' };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { ok: false, problem: 'invalid' };
  return { ok: true, value: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}
