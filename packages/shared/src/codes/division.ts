// Statistical division codes (统计用区划代码): 12 digits, the first 6 are GB/T 2260.
// Levels: province 2 digits, city 4, county 6, town 9, village 12 significant digits.
export type DivisionLevel = 'province' | 'city' | 'county' | 'town' | 'village';
export const DIVISION_LEVEL_DIGITS: Record<DivisionLevel, number> = {
  province: 2,
  city: 4,
  county: 6,
  town: 9,
  village: 12,
};

export function divisionLevel(code: string): DivisionLevel {
  if (/^\d{2}0{10}$/.test(code)) return 'province';
  if (/^\d{4}0{8}$/.test(code)) return 'city';
  if (/^\d{6}0{6}$/.test(code)) return 'county';
  if (/^\d{9}0{3}$/.test(code)) return 'town';
  return 'village';
}

/** The significant prefix: every code in the subtree of `code` starts with it. */
export function divisionPrefix(code: string): string {
  return code.slice(0, DIVISION_LEVEL_DIGITS[divisionLevel(code)]);
}

export function isDivisionCode(code: string): boolean {
  return /^\d{12}$/.test(code);
}

export function isInDivisionSubtree(code: string, ancestor: string): boolean {
  return code.startsWith(divisionPrefix(ancestor));
}
