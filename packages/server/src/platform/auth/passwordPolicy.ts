// Password rules as a configurable profile:
// - asvs: OWASP ASVS — length 12..128, not a common/breached password, no composition rules, no rotation.
// - mlps3: 等保三级 (MLPS 2.0 level 3) — length ≥ 8, three of four character classes, change every 90 days,
//   no reuse of the last 5 passwords.
import { readFileSync } from 'node:fs';
import type { PasswordProfile } from '../../config';
import type { ErrorDetail } from '../http/errors';
import { COMMON_PASSWORDS } from './commonPasswords';

export interface PasswordRules {
  minLength: number;
  maxLength: number;
  minClasses: number;
  maxAgeDays: number | null;
  historyDepth: number;
}

export const PROFILES: Record<PasswordProfile, PasswordRules> = {
  asvs: { minLength: 12, maxLength: 128, minClasses: 0, maxAgeDays: null, historyDepth: 0 },
  mlps3: { minLength: 8, maxLength: 128, minClasses: 3, maxAgeDays: 90, historyDepth: 5 },
};

let denylist: Set<string> | null = null;
function isCommon(password: string): boolean {
  if (!denylist) {
    denylist = new Set(COMMON_PASSWORDS);
    const file = process.env.PASSWORD_DENYLIST_FILE;
    if (file) for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) if (line) denylist.add(line.trim().toLowerCase());
  }
  return denylist.has(password.toLowerCase());
}

export function checkPassword(password: string, username: string, rules: PasswordRules): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const path = 'body.newPassword';
  const length = [...password].length;
  if (length < rules.minLength) problems.push({ path, key: 'password.minLength', params: { min: rules.minLength } });
  if (length > rules.maxLength) problems.push({ path, key: 'password.maxLength', params: { max: rules.maxLength } });
  if (isCommon(password)) problems.push({ path, key: 'password.common' });
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push({ path, key: 'password.containsUsername' });
  if (rules.minClasses > 0) {
    const classes = [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
    if (classes < rules.minClasses) problems.push({ path, key: 'password.classes', params: { n: rules.minClasses } });
  }
  return problems;
}

export function isPasswordExpired(changedAt: Date, rules: PasswordRules, now = new Date()): boolean {
  return rules.maxAgeDays !== null && now.getTime() - changedAt.getTime() > rules.maxAgeDays * 86_400_000;
}
