// GB 11643-1999 citizen ID number (公民身份号码): 17 digits + ISO 7064 MOD 11-2 check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export type IdNumberProblem = 'format' | 'birthDate' | 'checkDigit';

/** Normalises (trim, upper-case x, drop a leading apostrophe, full-width digits) and validates. */
export function normaliseIdNumber(raw: string): string {
  return toHalfWidth(String(raw)).trim().replace(/^'/, '').replace(/\s+/g, '').toUpperCase();
}

export function checkIdNumber(raw: string): { ok: true; value: string } | { ok: false; problem: IdNumberProblem } {
  const value = normaliseIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'format' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || date.getTime() > Date.now()) {
    return { ok: false, problem: 'birthDate' };
  }
  if (idNumberCheckChar(value) !== value[17]) return { ok: false, problem: 'checkDigit' };
  return { ok: true, value };
}

export function isValidIdNumber(raw: string): boolean {
  return checkIdNumber(raw).ok;
}

/** Masks for display: 4501**********123X keeps the first 4 and last 4 characters. */
export function maskIdNumber(value: string | null | undefined): string {
  if (!value) return '';
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}

/** Full-width digits/letters (０-９, Ａ-Ｚ, ｘ) and the ideographic space to ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** The birth date a valid ID number carries: 'YYYY-MM-DD'. */
export function birthDateOfId(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** The gender a valid ID number carries (17th character: odd = male). */
export function genderOfId(id: string): 'male' | 'female' {
  return Number(id[16]) % 2 ? 'male' : 'female';
}
