// An .xlsx's shared string table (xl/sharedStrings.xml, where Excel and LibreOffice put every text
// cell), packed: the strings' UTF-8 back to back in 1 MB blocks, and where each one ends in one typed
// array (4 bytes a string). A 200,000-row member ledger has ~475,000 distinct strings (every ID number
// and name), a province's 740,000-row employment ledger ~1.5 million; as JS strings they would keep ~3×
// the memory alive for the whole import (UTF-16 for Chinese, a header each), and the garbage collector
// lets the heap grow in proportion to what stays alive. A cell's text is decoded when its row is read.
const BLOCK = 1024 * 1024;

export class SharedStrings {
  private blocks: Buffer[] = [];
  private ends = new Uint32Array(1024); // string i is the bytes [ends[i - 1] (0 for the first), ends[i])
  private bytes = 0; // used of the blocks, in all
  private n = 0;

  get size(): number {
    return this.n;
  }

  push(text: string): void {
    const length = Buffer.byteLength(text);
    if (this.bytes + length > 0xffff_ffff) throw new RangeError('shared strings past 4 GB'); // the inflate budget stops far before
    const offset = this.bytes % BLOCK;
    if (length > 0 && (offset === 0 || offset + length > BLOCK)) {
      // a string that starts a block, or runs past the current one's end: through a buffer of its own, block by block
      const whole = offset > 0 || length > BLOCK ? Buffer.from(text, 'utf8') : null;
      for (let done = 0; done < length; ) {
        const at = (this.bytes + done) % BLOCK;
        if (at === 0) this.blocks.push(Buffer.allocUnsafe(BLOCK));
        const block = this.blocks[this.blocks.length - 1];
        const part = Math.min(length - done, BLOCK - at);
        if (whole) whole.copy(block, at, done, done + part);
        else block.write(text, at, 'utf8');
        done += part;
      }
    } else if (length > 0) this.blocks[this.blocks.length - 1].write(text, offset, 'utf8');
    this.bytes += length;
    if (this.n === this.ends.length) {
      const ends = new Uint32Array(Math.ceil(this.ends.length * 1.5)); // ×1.5: less held in reserve than doubling
      ends.set(this.ends);
      this.ends = ends;
    }
    this.ends[this.n++] = this.bytes;
  }

  /** The string at `index`, or null when the table has none there (a damaged file). */
  get(index: number): string | null {
    if (!Number.isInteger(index) || index < 0 || index >= this.n) return null;
    const start = index ? this.ends[index - 1] : 0;
    const end = this.ends[index];
    if (start === end) return '';
    const first = Math.floor(start / BLOCK);
    const last = Math.floor((end - 1) / BLOCK);
    if (first === last) return this.blocks[first].toString('utf8', start % BLOCK, (start % BLOCK) + end - start);
    // across blocks (one string a block at most, or a very long one)
    const parts: Buffer[] = [];
    for (let b = first; b <= last; b++)
      parts.push(this.blocks[b].subarray(b === first ? start % BLOCK : 0, b === last ? end - b * BLOCK : BLOCK));
    return Buffer.concat(parts).toString('utf8');
  }
}
