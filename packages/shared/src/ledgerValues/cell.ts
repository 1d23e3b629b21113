// One cell of a ledger row → a normalised value, or a problem named by a catalogue key
// (ledgers.value.*). Shared so the web can preview a file the way the server will read it.
import { isValidCreditCode } from '../codes/creditCode';
import { checkIdNumber } from '../codes/idNumber';
import { type AmountUnit, parseAmount } from './amount';
import { parseDate } from './date';
import { unneutraliseFormula } from './formula';
import { cleanText, codeText, freeText } from './text';

export type LedgerValueType =
  | 'text'
  | 'integer'
  | 'decimal'
  | 'amount' // money, normalised to 元 (accepts 1.6775亿元, 55万元, 1,234.5元; or a declared column unit of 万元)
  | 'date' // Excel serial dates and 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日 (a time ignored) → 'YYYY-MM-DD'; a bare year is a problem
  | 'idNumber' // GB 11643, normalised (upper-case X, no apostrophe, blank or zero-width character, half-width)
  | 'creditCode' // GB 32100
  | 'divisionCode' // 12 digits
  | 'division' // a 12-digit code or a name as clerks write it (兴义村, 兴义村委会, 岗坪镇兴义村): the name is resolved by the import against the division tree
  | 'phone'
  | 'boolean' // 是/否
  | 'enum'; // one of `options` (by label or by value)

/** What the parser needs to know about a column (a LedgerColumn has all of it). */
export interface CellSpec {
  type: LedgerValueType;
  required?: boolean;
  options?: { value: string; label: string }[];
  /** enum: other ways people write a value (之子, 儿子, the GB/T 4761 code 20 …) → the value. */
  words?: Record<string, string>;
  unit?: '元' | '万元';
  maxLength?: number;
  /** What an empty cell of an optional column means (e.g. 残疾情况 left blank: none); default null. */
  emptyAs?: CellValue;
}

export type CellValue = string | number | boolean | null;
export type CellResult = { ok: true; value: CellValue } | { ok: false; key: string; params?: Record<string, unknown> };

const TRUE_WORDS = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓', 'ture']);
// NUL and the other invisible controls but tab and line breaks: no cell means them (PostgreSQL refuses NUL in text)
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const FALSE_WORDS = new Set(['否', '无', 'n', 'no', 'false', '0', '×', '✗']);

/** `unit` overrides the column's declared unit when the file's header names one (金额（万元）). */
export function parseCell(spec: CellSpec, written: unknown, unit?: AmountUnit): CellResult {
  const raw = unneutraliseFormula(written); // our own export's ' before a formula-like text
  const empty = raw == null || (typeof raw === 'string' && cleanText(raw) === '');
  if (empty) return spec.required ? { ok: false, key: 'ledgers.value.required' } : { ok: true, value: spec.emptyAs ?? null };
  switch (spec.type) {
    case 'text': {
      // as written (trimmed): full-width brackets and inner spacing are part of a name, not noise
      const s = raw instanceof Date ? raw.toISOString().slice(0, 10) : freeText(raw);
      const max = spec.maxLength ?? 500;
      if (CONTROL.test(s)) return { ok: false, key: 'ledgers.value.controlCharacter' };
      return s.length > max ? { ok: false, key: 'ledgers.value.tooLong', params: { max } } : { ok: true, value: s };
    }
    case 'integer':
    case 'decimal':
      return parseNumber(raw, spec.type === 'integer');
    case 'amount': {
      const r = parseAmount(raw, unit ?? spec.unit ?? '元');
      return r.ok ? r : { ok: false, key: `ledgers.value.amount.${r.problem}` };
    }
    case 'date': {
      const r = parseDate(raw);
      return r.ok ? r : { ok: false, key: `ledgers.value.date.${r.problem}` };
    }
    case 'idNumber': {
      const r = checkIdNumber(typeof raw === 'number' ? numberText(raw) : codeText(raw));
      return r.ok ? r : { ok: false, key: `ledgers.value.idNumber.${r.problem}` };
    }
    case 'creditCode': {
      const s = codeText(raw).toUpperCase();
      return isValidCreditCode(s) ? { ok: true, value: s } : { ok: false, key: 'ledgers.value.creditCode' };
    }
    case 'divisionCode': {
      const s = typeof raw === 'number' ? numberText(raw) : codeText(raw);
      // 6- and 9-digit codes (county, town) are the same division written short
      if (/^(\d{6}|\d{9}|\d{12})$/.test(s)) return { ok: true, value: s.padEnd(12, '0') };
      return { ok: false, key: 'ledgers.value.divisionCode' };
    }
    case 'division': {
      const s = typeof raw === 'number' ? numberText(raw) : cleanText(raw).replace(/\s/g, '');
      if (/^(\d{6}|\d{9}|\d{12})$/.test(s)) return { ok: true, value: s.padEnd(12, '0') };
      if (/^\d+$/.test(s)) return { ok: false, key: 'ledgers.value.divisionCode' };
      return { ok: true, value: s };
    }
    case 'phone': {
      // +86 / 0086 only before a mobile number: 86123456 is a local landline number
      const s = (typeof raw === 'number' ? numberText(raw) : codeText(raw)).replace(/-/g, '').replace(/^(?:\+|00)?86(?=1[3-9]\d{9}$)/, '');
      if (/^1[3-9]\d{9}$/.test(s) || /^0\d{9,11}$/.test(s) || /^\d{7,8}$/.test(s)) return { ok: true, value: s };
      return { ok: false, key: 'ledgers.value.phone' };
    }
    case 'boolean': {
      const s = cleanText(raw).toLowerCase();
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      if (TRUE_WORDS.has(s)) return { ok: true, value: true };
      if (FALSE_WORDS.has(s)) return { ok: true, value: false };
      return { ok: false, key: 'ledgers.value.boolean' };
    }
    case 'enum': {
      // labels are compared cleaned on both sides: 村（居）委会 matches whether typed with full- or half-width brackets
      const s = cleanText(raw);
      const found =
        spec.options?.find((o) => o.label === s || o.value === s || cleanText(o.label) === s) ??
        spec.options?.find((o) => cleanText(o.label).replace(/\s/g, '') === s.replace(/\s/g, ''));
      if (found) return { ok: true, value: found.value };
      const word =
        spec.words &&
        (spec.words[s] ??
          spec.words[s.replace(/\s/g, '')] ??
          (typeof raw === 'number' ? spec.words[String(raw).padStart(2, '0')] : undefined));
      if (word) return { ok: true, value: word };
      // the message repeats what the cell holds: 「一般户」 is then found at a glance
      return { ok: false, key: 'ledgers.value.enum', params: { value: s, options: (spec.options ?? []).map((o) => o.label).join('、') } };
    }
  }
}

function parseNumber(raw: unknown, integer: boolean): CellResult {
  let n: number;
  if (typeof raw === 'number') n = raw;
  else {
    const s = cleanText(raw).replace(/[,，\s]/g, '');
    if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return { ok: false, key: 'ledgers.value.number' };
    n = Number(s);
  }
  if (!Number.isFinite(n)) return { ok: false, key: 'ledgers.value.number' };
  if (integer && !Number.isInteger(n)) return { ok: false, key: 'ledgers.value.integer' };
  return { ok: true, value: n };
}

/** A number cell holding a code (ID number typed as a number loses nothing below 2^53; longer ones do). */
function numberText(n: number): string {
  return Number.isSafeInteger(n) ? String(n) : n.toLocaleString('fullwide', { useGrouping: false });
}

/** The same value written the same way: what decides "unchanged" on re-import. */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) =>
    v === undefined || v === '' ? null : typeof v === 'number' ? String(v) : v instanceof Date ? v.toISOString().slice(0, 10) : v;
  const x = norm(a);
  const y = norm(b);
  if (x === y) return true;
  if (x == null || y == null) return false;
  // numeric strings from the database ("12.50") against parsed numbers or amounts ("12.5")
  return canonDecimal(String(x)) === canonDecimal(String(y));
}

/** "0012.50" → "12.5": decimal strings compared exactly, without floating point. */
function canonDecimal(s: string): string {
  const m = /^(-?)0*(\d*?)(?:\.(\d*?)0*)?$/.exec(s);
  if (!m) return s;
  const value = `${m[2] || '0'}${m[3] ? `.${m[3]}` : ''}`;
  return value === '0' ? value : m[1] + value;
}
