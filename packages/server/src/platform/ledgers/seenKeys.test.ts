import { describe, expect, it } from 'vitest';
import { SeenKeys } from './seenKeys';

describe('SeenKeys (natural keys a dry run has seen)', () => {
  it('answers the first row of a key met again, and nothing for a new key, across its growth', () => {
    const seen = new SeenKeys();
    const key = (i: number) => `4514261990${String(i).padStart(7, '0')}X\u0001佛山市某电子厂\u00012025-0${1 + (i % 9)}-01`;
    for (let i = 0; i < 50_000; i++) expect(seen.firstOrAdd(key(i), i + 3)).toBeUndefined();
    expect(seen.size).toBe(50_000);
    // every key again: each answers the row that had it first, and nothing is added
    for (let i = 0; i < 50_000; i += 7) expect(seen.firstOrAdd(key(i), 90_000 + i)).toBe(i + 3);
    expect(seen.size).toBe(50_000);
    // keys differing in one field only, or by a separator's place, are different keys
    expect(seen.firstOrAdd(`${key(1).slice(0, -2)}02`, 5)).toBeUndefined();
    expect(seen.firstOrAdd('a\u0001bc', 6)).toBeUndefined();
    expect(seen.firstOrAdd('ab\u0001c', 7)).toBeUndefined();
    expect(seen.firstOrAdd('ab\u0001c', 8)).toBe(7);
    // released at the dry run's end: empty, and usable again
    seen.release();
    expect([seen.size, seen.firstOrAdd(key(1), 9), seen.firstOrAdd(key(1), 10)]).toEqual([0, undefined, 9]);
  });
});
