// Published check-character vectors for GB 11643 (ID numbers) and GB 32100 (credit codes), and the
// division-code helpers the scope filter relies on.
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode } from './creditCode';
import { divisionLevel, divisionPrefix, isInDivisionSubtree } from './division';
import { checkIdNumber, isValidIdNumber } from './idNumber';

describe('GB 11643 ID numbers', () => {
  it('accepts 11010519491231002X and refuses 110105194912310021 for its check digit', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(checkIdNumber('110105194912310021')).toEqual({ ok: false, problem: 'checkDigit' });
  });
});

describe('GB 32100 credit codes', () => {
  it('accepts 91350100M000100Y43 and refuses any other check character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    for (const c of '0124Y') expect(isValidCreditCode(`91350100M000100Y4${c}`)).toBe(false);
  });
  it('refuses letters outside the GB 32100 alphabet (I, O, S, V, Z) and wrong lengths', () => {
    expect(isValidCreditCode('91350100M000100O43')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
  });
});

describe('division codes', () => {
  it('knows the level and the subtree prefix', () => {
    expect(divisionLevel('440000000000')).toBe('province');
    expect(divisionLevel('441400000000')).toBe('city');
    expect(divisionLevel('441403000000')).toBe('county');
    expect(divisionLevel('441403113000')).toBe('town');
    expect(divisionLevel('441403113213')).toBe('village');
    expect(divisionPrefix('441403113000')).toBe('441403113');
    expect(isInDivisionSubtree('441403113213', '441403000000')).toBe(true);
    expect(isInDivisionSubtree('441224109000', '441403000000')).toBe(false);
  });
});
