// Text as people type it into Excel: full-width digits and letters, ideographic spaces, stray blanks.
// Two kinds of cleaning: cleanText (half-width, blanks collapsed) is for what is matched or parsed —
// headers, numbers, codes, dates, enum labels, yes/no; freeText (trimmed only) is for the values of
// free-text columns, which are stored as written: 广东省（XX）公司 keeps its full-width brackets, so
// re-importing a file (or an export) changes nothing.
import { toHalfWidth } from '../codes/idNumber';

/** Trimmed, half-width text with inner runs of blanks collapsed; '' for nothing. For matching and parsing, never for stored free text. */
export function cleanText(raw: unknown): string {
  if (raw == null) return '';
  const s = String(raw);
  // most cells need nothing: skip the replacements (this runs for every cell of 200,000-row files)
  if (!NEEDS_CLEANING.test(s)) return s;
  return toHalfWidth(s).replace(/[\s\u00a0]+/g, ' ').trim();
}
const NEEDS_CLEANING = /[\s\u00a0\u3000\uFF01-\uFF5E]/;

/** A free-text value as written, only trimmed of blanks at either end (ideographic space and NBSP included); '' for nothing. */
export function freeText(raw: unknown): string {
  if (raw == null) return '';
  return String(raw).replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
}

/** A header reduced for matching: no blanks, no required marks (*), no brackets' content, lower case. */
export function headerKey(raw: unknown): string {
  return cleanText(raw)
    .replace(/[(（[【][^)）\]】]*[)）\]】]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

/** The unit a header declares in brackets, e.g. 金额（万元） → 万元. */
export function headerUnit(raw: unknown): '元' | '万元' | '亿元' | undefined {
  const m = /[(（[【]\s*(亿元|万元|元)\s*[)）\]】]/.exec(cleanText(raw));
  return m ? (m[1] as '元' | '万元' | '亿元') : undefined;
}

const TOTAL_WORDS = new Set(['合计', '总计', '小计', '累计', '共计', 'total', 'subtotal']);

/** 合计/总计/小计 rows are sums, never records. */
export function isTotalsLabel(raw: unknown): boolean {
  return TOTAL_WORDS.has(cleanText(raw).replace(/[\s:：]/g, '').toLowerCase());
}
