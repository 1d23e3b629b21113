// Merged cells of a worksheet. <mergeCells> comes after <sheetData>, so xlsx.ts makes a first pass that
// inflates the sheet and feeds it to MergeScanner, which looks for the section with a plain byte search
// (no decoding, no tokenizing): for a 200,000-row sheet, 60–150 ms of inflating and about 4 ms of
// searching. Only the section itself goes through the XML parser (xml.ts). Merges within one row (titles,
// grouped headers) are left alone: the header finder expects the value in the first cell only. MergeFill
// then copies each vertical merge's top-left value down its range as the rows stream by.
import { StringDecoder } from 'node:string_decoder';
import { fileError } from '../problems';
import type { SheetRow } from './sheetRow';
import { columnIndex, XmlStream } from './xml';

export const MAX_MERGES = 2_000_000; // vertical merges kept (16 bytes each); more → refused as malicious
export const FILLED_CELL_BYTES = 16; // what a copied-down cell costs against the inflate budget
export const MAX_COLUMN = 16_383; // XFD

/** Vertical merged ranges, sorted by first row: rows 1-based, columns 0-based, all inclusive. */
export interface Merges {
  count: number;
  r1: Int32Array;
  c1: Int32Array;
  r2: Int32Array;
  c2: Int32Array;
}

const START = Buffer.from('mergeCells');
const END_OF_SECTION = Symbol('</mergeCells>');
const CARRY = 64; // bytes kept between chunks: "<prefix:mergeCells" cut anywhere is found whole
const isNameByte = (b: number) =>
  (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f || b === 0x2d || b === 0x2e;
const endsName = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x3e || b === 0x2f; // space > /

/** Finds <mergeCells> in a sheet's bytes fed chunk by chunk and collects its <mergeCell ref="…"/>. */
export class MergeScanner {
  private carry: Buffer | null = null;
  private decoder: StringDecoder | null = null; // set once inside <mergeCells>
  private xml: XmlStream | null = null; // set once inside <mergeCells>
  private done = false;
  private n = 0;
  private cells = new Int32Array(4 * 1024);

  /** Feeds the next chunk; true once </mergeCells> was seen (nothing more to find). */
  feed(chunk: Buffer): boolean {
    if (this.done) return true;
    if (this.decoder) return this.section(this.decoder.write(chunk));
    if (this.carry) {
      // the seam: the carried tail and the chunk's head (not the whole chunk: copying it costs more than the search)
      const head = chunk.subarray(0, CARRY);
      const seam = Buffer.concat([this.carry, head]);
      const lt = this.seek(seam);
      if (lt >= 0) return this.enter(seam.subarray(lt), chunk.subarray(head.length));
      if (chunk.length < CARRY) {
        this.carry = seam.subarray(Math.max(0, seam.length - CARRY));
        return false;
      }
    }
    const lt = this.seek(chunk);
    if (lt >= 0) return this.enter(chunk.subarray(lt));
    this.carry = Buffer.from(chunk.subarray(chunk.length - CARRY)); // a copy: the chunk is not kept
    return false;
  }

  /** Where <mergeCells (or <prefix:mergeCells) begins in buf, or -1. A name cut at the end is left to the seam. */
  private seek(buf: Buffer): number {
    for (let from = 0; ; ) {
      const i = buf.indexOf(START, from);
      if (i < 0 || i + START.length >= buf.length) return -1;
      const lt = tagStart(buf, i);
      if (lt >= 0 && endsName(buf[i + START.length])) return lt;
      from = i + 1;
    }
  }

  private enter(...parts: Buffer[]): boolean {
    this.carry = null;
    const decoder = (this.decoder = new StringDecoder('utf8'));
    this.xml = new XmlStream(
      {
        open: (name, a) => {
          if (name === 'mergeCell') this.add(a.ref);
        },
        close: (name) => {
          if (name === 'mergeCells') throw END_OF_SECTION; // what follows is the rest of the sheet, not parsed
        },
      },
      { fragment: true },
    );
    return this.section(parts.map((p) => decoder.write(p)).join(''));
  }

  /** The vertical merges found, sorted by first row, or null when there are none. */
  merges(): Merges | null {
    if (this.n === 0) return null;
    const keys = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) keys[i] = this.cells[4 * i] * 2 ** 22 + i; // first row, then file order
    keys.sort();
    const out: Merges = {
      count: this.n,
      r1: new Int32Array(this.n),
      c1: new Int32Array(this.n),
      r2: new Int32Array(this.n),
      c2: new Int32Array(this.n),
    };
    for (let k = 0; k < this.n; k++) {
      const i = keys[k] % 2 ** 22;
      out.r1[k] = this.cells[4 * i];
      out.c1[k] = this.cells[4 * i + 1];
      out.r2[k] = this.cells[4 * i + 2];
      out.c2[k] = this.cells[4 * i + 3];
    }
    return out;
  }

  /** Text from <mergeCells> on, through the XML parser up to </mergeCells>. */
  private section(text: string): boolean {
    try {
      this.xml?.write(text);
    } catch (err) {
      if (err !== END_OF_SECTION) throw err;
      this.done = true;
    }
    return this.done;
  }

  private add(ref: string | undefined): void {
    const m = ref && /^\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref.trim());
    if (!m) return;
    const [ra, rb] = [Number(m[2]), Number(m[4])];
    const [ca, cb] = [columnIndex(m[1].toUpperCase()), columnIndex(m[3].toUpperCase())];
    if (ra === rb || Math.min(ca, cb) > MAX_COLUMN) return; // one row: left as Excel stores it
    if (this.n >= MAX_MERGES) throw fileError('zipBomb');
    if (4 * this.n === this.cells.length) {
      const grown = new Int32Array(this.cells.length * 2);
      grown.set(this.cells);
      this.cells = grown;
    }
    this.cells.set([Math.min(ra, rb), Math.min(ca, cb), Math.max(ra, rb), Math.min(Math.max(ca, cb), MAX_COLUMN)], 4 * this.n++);
  }
}

/** Where the start tag holding the name at i begins ("<" or "<prefix:"), or -1 when it is not a start tag. */
function tagStart(buf: Buffer, i: number): number {
  if (buf[i - 1] === 0x3c) return i - 1; // <
  if (buf[i - 1] !== 0x3a) return -1; // :
  let j = i - 2;
  while (j >= 0 && isNameByte(buf[j])) j--;
  return j >= 0 && j < i - 2 && buf[j] === 0x3c ? j : -1;
}

/** Copies a vertical merge's top-left value into the range's cells of the rows below, row by row (rows
 * with no value of their own excepted). */
export class MergeFill {
  private next = 0;
  private active: { r1: number; r2: number; c1: number; c2: number; value: unknown }[] = [];

  constructor(private readonly m: Merges) {}

  /** Fills the row's merged cells (rows must come in order); returns how many cells were filled. */
  apply(row: SheetRow): number {
    const n = row.number;
    const cells = row.cells;
    const width = cells.length;
    let filled = 0;
    if (this.active.length) {
      // a row with nothing of its own (formatted rows under a merge reaching past the data) stays blank
      const blank = !cells.some((c) => c != null && (typeof c !== 'string' || c.trim() !== ''));
      let keep = 0;
      for (const a of this.active) {
        if (a.r2 < n) continue; // ended
        this.active[keep++] = a;
        if (a.r1 >= n || blank) continue;
        row.mergedFrom ??= {};
        for (let c = a.c1; c <= a.c2; c++) {
          cells[c] = a.value;
          row.mergedFrom[c] = a.r1;
        }
        filled += a.c2 - a.c1 + 1;
      }
      this.active.length = keep;
    }
    const { count, r1, c1, r2, c2 } = this.m;
    for (; this.next < count && r1[this.next] <= n; this.next++) {
      const k = this.next;
      if (r1[k] < n) continue; // its first row is not in the file: nothing to copy
      const value = cells[c1[k]] ?? null;
      if (value !== null) this.active.push({ r1: n, r2: r2[k], c1: c1[k], c2: c2[k], value });
    }
    for (let i = width; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    return filled;
  }
}
