// Dates as found in ledgers: Excel serial numbers, Date cells, and written forms
// (2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日, 20250301, each maybe with a time) → 'YYYY-MM-DD'.
// Ledgers hold days from 1900-03-01 to 2199-12-31: earlier serials fall in Excel's 1900 leap-year bug.
import { cleanText } from './text';

export type DateResult = { ok: true; value: string } | { ok: false; problem: 'format' | 'invalid' | 'range' | 'yearOnly' };

// Excel counts a 1900-02-29 that never was (serial 60, kept from Lotus 1-2-3): counting from 1899-12-30
// makes serial 61 1900-03-01 and every later serial right; serials 1–59 would come out a day early.
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const FIRST_SERIAL = 61; // 1900-03-01
const LAST_SERIAL = 109_574; // 2199-12-31

// a date-time written out (1990-02-15 00:00:00, 2025-03-01T08:30, 2025年3月1日 10:30): a ledger records the day
const TIME = /(?:\s+|T|(?<=日))(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?$/;

export function parseDate(raw: unknown): DateResult {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { ok: false, problem: 'format' };
    // exceljs gives date cells as UTC midnight; keep the calendar day
    return ymd(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
  }
  if (typeof raw === 'number') return fromNumber(raw);
  const s = cleanText(raw).replace(TIME, '').replace(/\s/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{4}年$/.test(s)) return { ok: false, problem: 'yearOnly' };
  // a serial date that arrived as text (CSV exported from a formula column)
  if (/^\d{4,5}(\.\d+)?$/.test(s)) return fromNumber(Number(s));
  return { ok: false, problem: 'format' };
}

/** The day of an Excel serial (the fraction is the time of day); right from serial 61 (1900-03-01) on. */
export function excelSerialToIso(serial: number): string {
  return new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** The Excel serial of a day from 1900-03-01 on. */
export function isoToExcelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / 86_400_000);
}

/** A number in a date column: a serial, unless it can only be a year (1980) or a date typed as digits (20250301). */
function fromNumber(n: number): DateResult {
  if (!Number.isFinite(n)) return { ok: false, problem: 'format' };
  if (Number.isInteger(n)) {
    // serials 1900–2100 are days in 1905; someone typing 1980 into a 出生日期 cell means the year
    if (n >= 1900 && n <= 2100) return { ok: false, problem: 'yearOnly' };
    if (n >= 1900_00_00 && n <= 2199_99_99) return parseDate(String(n));
  }
  if (n < FIRST_SERIAL || Math.floor(n) > LAST_SERIAL) return { ok: false, problem: 'range' };
  return { ok: true, value: excelSerialToIso(n) };
}

function ymd(y: number, m: number, d: number): DateResult {
  if (y < 1900 || y > 2199) return { ok: false, problem: 'range' };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { ok: false, problem: 'invalid' };
  if (y === 1900 && m < 3) return { ok: false, problem: 'range' }; // before the first day a serial names rightly
  return { ok: true, value: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}
