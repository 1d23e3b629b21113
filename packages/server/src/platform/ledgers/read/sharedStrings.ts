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
        if (at === 0) this.blocks.push(Buffer.allocUnsafeSlow(BLOCK)); // never from the shared pool: freeNow may take it
        const block = this.blocks[this.blocks.length - 1];
        const part = Math.min(length - done, BLOCK - at);
        if (whole) whole.copy(block, at, done, done + part);
        else block.write(text, at, 'utf8');
        done += part;
      }
    } else if (length > 0) this.blocks[this.blocks.length - 1].write(text, offset, 'utf8');
    this.bytes += length;
    if (this.n === this.ends.length) {
      const ends = new Uint32Array(Math.max(1024, Math.ceil(this.ends.length * 1.5))); // ×1.5: less held in reserve than doubling
      ends.set(this.ends);
      freeNow(this.ends.buffer); // back now, not at V8's next full collection
      this.ends = ends;
    }
    this.ends[this.n++] = this.bytes;
  }

  /** Gives the memory back at once (the table is empty after): see freeNow. */
  release(): void {
    freeNow(...this.blocks.map((b) => b.buffer), this.ends.buffer);
    this.blocks = [];
    this.ends = new Uint32Array(1024);
    this.bytes = 0;
    this.n = 0;
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

/**
 * Frees array buffers now rather than at V8's next full collection. A table that lived through a whole
 * import sits in the old generation, and dropping it leaves its memory resident until a full collection
 * comes, which a commit right after the dry run may never trigger (at 740,000 employment rows, ~55 MB
 * stayed resident through the commit). Transferring a buffer detaches it and hands its memory to a new,
 * young ArrayBuffer that nothing holds, freed at the next scavenge — within milliseconds of allocation.
 * Only for buffers of one's own: a view into a shared pool slab would take its neighbours with it.
 */
export function freeNow(...buffers: ArrayBufferLike[]): void {
  for (const b of buffers) if (b instanceof ArrayBuffer && b.byteLength > 0) structuredClone(b, { transfer: [b] });
}
