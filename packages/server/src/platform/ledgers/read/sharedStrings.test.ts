import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SharedStrings } from './sharedStrings';

const packed = (texts: string[]) => {
  const table = new SharedStrings();
  for (const t of texts) table.push(t);
  return table;
};

describe('the packed shared string table', () => {
  it('gives back every string as pushed, at its index', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', '441426194001015009', '成员12', '👨‍👩‍👧'))),
        (texts) => {
          const table = packed(texts);
          expect(table.size).toBe(texts.length);
          expect(texts.map((_, i) => table.get(i))).toEqual(texts);
        },
      ),
    );
  });

  it('keeps strings whole across its 1 MB blocks, and holds one longer than a block', () => {
    const long = '脱'.repeat(400_000); // 1.2 MB of UTF-8
    const texts = Array.from({ length: 3000 }, (_, i) => `${'边缘易致贫户'.repeat(i % 50)}${i}`);
    texts.splice(1500, 0, long);
    const table = packed(texts); // ~1.5 MB besides the long one: three blocks at least
    expect(texts.every((t, i) => table.get(i) === t)).toBe(true);
  });

  it('gives its memory back when released, and can be filled again', () => {
    const table = packed(Array.from({ length: 100_000 }, (_, i) => `务工人员${i}`)); // ~1.6 MB: two blocks
    table.release();
    expect([table.size, table.get(0)]).toEqual([0, null]);
    table.push('户主');
    expect(table.get(0)).toBe('户主');
  });

  it('answers null for an index it does not hold (a damaged file)', () => {
    const table = packed(['户主']);
    expect([table.get(1), table.get(-1), table.get(0.5), table.get(Number.NaN)]).toEqual([null, null, null, null]);
  });
});
