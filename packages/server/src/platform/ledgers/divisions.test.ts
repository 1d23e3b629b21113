// How a division written by name is read: the stems a written name and a stored name share.
import { describe, expect, it } from 'vitest';
import { stemsOf } from './divisions';

const meet = (written: string, stored: string, level: string) => [...stemsOf(written, level)].some((s) => stemsOf(stored, level).has(s));

describe('division names as clerks write them', () => {
  it('an autonomous county by its own name: 富川, 富川县 and 富川瑶族自治县 are 富川瑶族自治县', () => {
    for (const written of ['富川', '富川县', '富川瑶族自治县', ' 富川瑶族自治县 '])
      expect(meet(written, '富川瑶族自治县', 'county'), written).toBe(true);
    expect(meet('连山', '连山壮族瑶族自治县', 'county')).toBe(true);
    expect(meet('乳源县', '乳源瑶族自治县', 'county')).toBe(true);
    expect(meet('积石山', '积石山保安族东乡族撒拉族自治县', 'county')).toBe(true);
  });

  it('does not shorten a name below two characters nor drop what is not a people', () => {
    expect(stemsOf('富川瑶族自治县', 'county')).not.toContain('富');
    expect(meet('钟山', '富川瑶族自治县', 'county')).toBe(false);
    expect(meet('梅县', '梅县区', 'county')).toBe(true);
    expect(meet('富川', '富阳区', 'county')).toBe(false);
  });
});
