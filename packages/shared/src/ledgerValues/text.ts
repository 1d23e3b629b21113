// Text as people type it into Excel: full-width digits and letters, ideographic spaces, stray blanks.
// Two kinds of cleaning: cleanText (half-width, blanks collapsed) is for what is matched or parsed —
// headers, numbers, codes, dates, enum labels, yes/no; freeText (trimmed only) is for the values of
// free-text columns, which are stored as written: 广东省（XX）公司 keeps its full-width brackets, so
// re-importing a file (or an export) changes nothing.
import { toHalfWidth } from '../codes/idNumber';

/**
 * Trimmed, half-width text with inner runs of blanks collapsed and zero-width characters (left by
 * copying from WeChat, web pages, Word) dropped; '' for nothing. For matching and parsing, never for stored free text.
 */
export function cleanText(raw: unknown): string {
  if (raw == null) return '';
  const s = String(raw);
  // most cells need nothing: skip the replacements (this runs for every cell of 200,000-row files)
  if (!NEEDS_CLEANING.test(s)) return s;
  return toHalfWidth(s)
    .replace(ZERO_WIDTH, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}
const NEEDS_CLEANING = /[\s\u00a0\u3000\uFF01-\uFF5E\u200B-\u200D\u2060\uFEFF]/;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * A code (ID number, credit code, division code, phone) as typed: cleaned, without any blank, and
 * without the apostrophe put before digits to keep them text — Excel's ' or what a Chinese IME
 * gives for it (’ ‘ ＇ `).
 */
export function codeText(raw: unknown): string {
  return cleanText(raw)
    .replace(/\s/g, '')
    .replace(/^['’‘`]+/, '');
}

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

// 合计, 全村合计, 本页合计, 本年累计, 合计（户）, 合计：35户 — a sum, scoped by at most a few characters after 全/本
const TOTALS = /^(?:[全本][\u4e00-\u9fff]{1,3})?(?:合计|总计|小计|累计|共计)(?:$|:)|^(?:sub)?total(?:$|:)/;
// 填表人：张三, 填表日期：2025年3月1日 — what Chinese ledgers carry under the table; only with the colon,
// so a record whose first cell merely starts with these characters is still read
const FOOTER = /^(?:(?:填表|填报|制表|审核|审批|统计|经办|单位负责|负责|联系)人|(?:填表|填报|制表|审核)(?:日期|单位)|联系电话):/;

/** Rows that are not records: totals (合计/总计/小计…) and the footer under the table (填表人：…, 审核人：…). */
export function isNotDataLabel(raw: unknown): boolean {
  // 合计（户）, 填表人（签字）： — what the brackets say does not change what the row is
  const s = cleanText(raw)
    .replace(/\s/g, '')
    .replace(/\([^)]*\)/g, '')
    .toLowerCase();
  return TOTALS.test(s) || FOOTER.test(s);
}
