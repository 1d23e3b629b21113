// An .xlsx's shared string table (xl/sharedStrings.xml, where Excel and LibreOffice put every text
// cell), packed: UTF-8 in 1 MB blocks and each string's place in two typed arrays. A 200,000-row
// member ledger has ~475,000 distinct strings (every ID number and name); as JS strings they would
// keep ~3× the memory alive for the whole import (UTF-16 for Chinese, a header each), and the garbage
// collector lets the heap grow in proportion to what stays alive. A cell's text is decoded when its
// row is read.
const BLOCK = 1024 * 1024; // larger than any cell's text: Excel allows 32,767 characters (≤ 96 KB of UTF-8)

export class SharedStrings {
  private blocks: Buffer[] = [];
  private used = 0; // bytes of the last block
  private starts = new Uint32Array(1024); // block number × BLOCK + offset
  private lengths = new Uint32Array(1024); // in bytes
  private n = 0;

  get size(): number {
    return this.n;
  }

  push(text: string): void {
    const bytes = Buffer.byteLength(text);
    if (!this.blocks.length || this.used + bytes > BLOCK) {
      this.blocks.push(Buffer.allocUnsafe(Math.max(BLOCK, bytes)));
      this.used = 0;
    }
    const block = this.blocks.length - 1;
    this.blocks[block].write(text, this.used, 'utf8');
    if (this.n === this.starts.length) this.grow();
    this.starts[this.n] = block * BLOCK + this.used;
    this.lengths[this.n] = bytes;
    this.n++;
    this.used += bytes;
  }

  /** The string at `index`, or null when the table has none there (a damaged file). */
  get(index: number): string | null {
    if (!Number.isInteger(index) || index < 0 || index >= this.n) return null;
    const start = this.starts[index];
    const offset = start % BLOCK;
    return this.blocks[Math.floor(start / BLOCK)].toString('utf8', offset, offset + this.lengths[index]);
  }

  private grow(): void {
    const starts = new Uint32Array(this.starts.length * 2);
    starts.set(this.starts);
    this.starts = starts;
    const lengths = new Uint32Array(this.lengths.length * 2);
    lengths.set(this.lengths);
    this.lengths = lengths;
  }
}
