// The natural keys a dry run has seen (duplicates within the file), kept as binary: each key's SHA-256
// cut to 128 bits in an open-addressing table of typed arrays, with the row number that had it first.
// A province's employment ledger has ~740,000 rows whose keys (ID number, employer, start date) held as
// JS strings in a Map took ~126 MB of live heap for the whole import, and the garbage collector lets the
// heap grow in proportion to what stays alive; here they take 20 bytes a slot (≈ 21 MB at 740,000 rows),
// outside the collected heap. Two different keys meet only if their 128-bit digests do (odds of about
// n² / 2¹²⁹, 10⁻²⁷ at a million rows): the same standard the database holds a person's identity to (the
// keyed hash id_hash under a unique index), so a digest met again is the key met again.
import { hash } from 'node:crypto';
import { freeNow } from './read/sharedStrings';

const WORDS = 4; // 32-bit words of the digest kept

export class SeenKeys {
  private slots = 1 << 12;
  private digests = new Uint32Array(this.slots * WORDS);
  private rows = new Int32Array(this.slots); // 0 = empty slot (row numbers start at 1)
  private n = 0;

  get size(): number {
    return this.n;
  }

  /** The row that first had `key`; or, when none did, undefined — and `row` is remembered as having it. */
  firstOrAdd(key: string, row: number): number | undefined {
    if (!(row > 0)) throw new RangeError('row numbers start at 1');
    const d = hash('sha256', key, 'buffer'); // one-shot: half the cost of createHash()
    const w0 = d.readUInt32LE(0);
    const w1 = d.readUInt32LE(4);
    const w2 = d.readUInt32LE(8);
    const w3 = d.readUInt32LE(12);
    const at = this.find(w0, w1, w2, w3);
    if (this.rows[at] !== 0) return this.rows[at];
    this.put(at, w0, w1, w2, w3, row);
    this.n++;
    if (this.n * 4 > this.slots * 3) this.grow(); // at most ¾ full
    return undefined;
  }

  /** Gives the memory back at once, when the dry run ends (see freeNow); the table is empty after. */
  release(): void {
    freeNow(this.digests.buffer, this.rows.buffer);
    this.slots = 1 << 12;
    this.digests = new Uint32Array(this.slots * WORDS);
    this.rows = new Int32Array(this.slots);
    this.n = 0;
  }

  /** The slot holding the digest, or the empty slot where it would go (linear probing). */
  private find(w0: number, w1: number, w2: number, w3: number): number {
    const mask = this.slots - 1;
    for (let i = w0 & mask; ; i = (i + 1) & mask) {
      if (this.rows[i] === 0) return i;
      const o = i * WORDS;
      const t = this.digests;
      if (t[o] === w0 && t[o + 1] === w1 && t[o + 2] === w2 && t[o + 3] === w3) return i;
    }
  }

  private put(at: number, w0: number, w1: number, w2: number, w3: number, row: number): void {
    const o = at * WORDS;
    this.digests[o] = w0;
    this.digests[o + 1] = w1;
    this.digests[o + 2] = w2;
    this.digests[o + 3] = w3;
    this.rows[at] = row;
  }

  private grow(): void {
    const { digests, rows } = this;
    this.slots *= 2;
    this.digests = new Uint32Array(this.slots * WORDS);
    this.rows = new Int32Array(this.slots);
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] === 0) continue;
      const o = i * WORDS;
      const at = this.find(digests[o], digests[o + 1], digests[o + 2], digests[o + 3]);
      this.put(at, digests[o], digests[o + 1], digests[o + 2], digests[o + 3], rows[i]);
    }
    // the old tables back now: they are old-generation garbage that would stay resident to V8's next full collection
    freeNow(digests.buffer, rows.buffer);
  }
}
