// Money as written in Chinese ledgers (1.6775亿元, 55万元, 1,234.5元, ５５万) → exact 元 with two decimals.
// Decimal arithmetic on digit strings: no floating-point drift (1.6775亿 is exactly 167750000.00).
import { cleanText } from './text';

export type AmountUnit = '元' | '万元' | '亿元';
const SHIFT: Record<AmountUnit, number> = { 元: 0, 万元: 4, 亿元: 8 };

export type AmountResult = { ok: true; value: string } | { ok: false; problem: 'format' | 'precision' | 'tooLarge' };

/**
 * Parses an amount; bare numbers are in `defaultUnit` (a column's declared unit). Returns 元 as a
 * fixed two-decimal string, the form numeric(18,2) columns give back.
 */
export function parseAmount(raw: unknown, defaultUnit: AmountUnit = '元'): AmountResult {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return { ok: false, problem: 'format' };
    // a number cell is often a formula's value (=10000/3): the cadre sees it to the fen, so that is what it means
    return shiftToYuan(numberToPlain(raw), SHIFT[defaultUnit], true);
  }
  let s = cleanText(raw)
    .replace(/[,，\s]/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/^RMB/i, '');
  let unit: AmountUnit = defaultUnit;
  const m = /(亿元|亿|万元|万|元)$/.exec(s);
  if (m) {
    unit = m[1].startsWith('亿') ? '亿元' : m[1].startsWith('万') ? '万元' : '元';
    s = s.slice(0, -m[1].length);
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return { ok: false, problem: 'format' };
  return shiftToYuan(s, SHIFT[unit]);
}

/**
 * "1.6775" shifted 8 places → "167750000.00". More than two decimals of 元 is a precision problem,
 * or with `round` rounded to the fen half away from zero (Excel's ROUND and display).
 */
function shiftToYuan(num: string, places: number, round = false): AmountResult {
  let sign = '';
  let s = num;
  if (s[0] === '-' || s[0] === '+') {
    sign = s[0] === '-' ? '-' : '';
    s = s.slice(1);
  }
  const [intPart, frac = ''] = s.split('.');
  const digits = (intPart || '0') + frac.padEnd(places, '0');
  const pointAt = (intPart || '0').length + places;
  let whole = digits.slice(0, pointAt).replace(/^0+(?=\d)/, '');
  let cents = digits.slice(pointAt).padEnd(2, '0');
  if (cents.replace(/0+$/, '').length > 2) {
    if (!round) return { ok: false, problem: 'precision' };
    const fen = BigInt(whole + cents.slice(0, 2)) + (cents[2] >= '5' ? 1n : 0n);
    const rounded = String(fen).padStart(3, '0');
    [whole, cents] = [rounded.slice(0, -2), rounded.slice(-2)];
  }
  if (whole.length > 16) return { ok: false, problem: 'tooLarge' };
  const value = `${whole}.${cents.slice(0, 2)}`;
  return { ok: true, value: value === '0.00' ? value : sign + value };
}

/** A JS number as plain decimal digits (no exponent), rounded to what Excel can hold (15 significant). */
function numberToPlain(n: number): string {
  const p = Number(n.toPrecision(15));
  if (Math.abs(p) >= 1e21) return p.toFixed(0);
  const s = String(p);
  if (!/e/i.test(s)) return s;
  return p.toFixed(20).replace(/\.?0+$/, '');
}

/** 元 (as string or number) in a declared unit for export: 550000 in 万元 → 55. */
export function yuanIn(value: string | number, unit: AmountUnit): number {
  return Number(value) / 10 ** SHIFT[unit];
}
