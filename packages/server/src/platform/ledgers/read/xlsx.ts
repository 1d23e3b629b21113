// Rows of an .xlsx's first worksheet, streamed straight from the zip: the entry is inflated chunk by
// chunk (counting the bytes really produced, so a zip bomb stops at the limit whatever its headers
// claim) and tokenized without building a document. Styles are not read: date cells arrive as Excel
// serial numbers, which the date parser understands. Formulas give their cached value, never evaluated.
// Vertically merged cells (户主身份证号 over a household's rows, 所在村 over a village's households) hold
// their value only in the top-left cell; rows below the first get that value too (see merges below).
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import { fileError } from '../problems';
import { FILLED_CELL_BYTES, MAX_COLUMN, MergeFill, MergeScanner, type Merges } from './merges';
import { SharedStrings } from './sharedStrings';
import type { SheetRow } from './sheetRow';
import { attr, columnIndex, XmlScanner } from './xml';

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

/** Which worksheet holds the ledger: shown the first `rows` rows of each visible sheet in tab order. */
export interface SheetChoice {
  rows: number;
  fits(head: SheetRow[]): boolean;
}

/**
 * Rows of the workbook's first visible worksheet — or, with `choose`, of the first one whose opening
 * rows fit (a 填表说明 sheet before the ledger, a sheet per year), else still the first.
 */
export async function* readXlsxRows(path: string, maxInflatedBytes: number, choose?: SheetChoice): AsyncGenerator<SheetRow> {
  const entries = await listEntries(path);
  const budget = { left: maxInflatedBytes };
  const sheets = (await sheetPaths(path, entries, budget)).filter((p) => entries.has(p));
  if (!sheets.length) throw fileError('notSpreadsheet');
  const shared = entries.has('xl/sharedStrings.xml')
    ? await readSharedStrings(path, entries.get('xl/sharedStrings.xml')!, budget)
    : new SharedStrings();
  try {
    yield* chosenSheetRows(path, entries, sheets, shared, budget, choose);
  } finally {
    shared.release(); // its memory back now, not at V8's next full collection (the commit may come right after)
  }
}

async function* chosenSheetRows(
  path: string,
  entries: Map<string, ZipEntry>,
  sheets: string[],
  shared: SharedStrings,
  budget: { left: number },
  choose?: SheetChoice,
): AsyncGenerator<SheetRow> {
  let sheet = entries.get(sheets[0])!;
  if (choose && sheets.length > 1) {
    for (const p of sheets) {
      const head: SheetRow[] = [];
      for await (const row of sheetRows(inflate(path, entries.get(p)!, budget), shared)) if (head.push(row) >= choose.rows) break;
      if (choose.fits(head)) {
        sheet = entries.get(p)!;
        break;
      }
    }
  }
  // The first pass inflates the sheet as far as the row pass will, so it gets an equal budget of its
  // own: the limit is on what the file unpacks to, not on how often it is read, and a lying zip is
  // refused here before any row is read. Total work stays bounded: twice the limit at most.
  const merges = await findMerges(path, sheet, { left: budget.left });
  const rows = sheetRows(inflate(path, sheet, budget), shared);
  if (!merges) return yield* rows;
  const fill = new MergeFill(merges);
  for await (const row of rows) {
    // cells copied down cost like cells written out, so merges cannot amplify a small file past the limit
    budget.left -= fill.apply(row) * FILLED_CELL_BYTES;
    if (budget.left < 0) throw fileError('zipBomb');
    yield row;
  }
}

/**
 * How many rows hold a value, counted in each visible worksheet and stopped as soon as one passes `limit`
 * (the largest count, and the sheet row the count stopped at): the cheap first look that refuses a
 * 1,000,000-row file in seconds. Neither the shared strings nor the merges are read — a cell's value is
 * not needed to know the cell is there.
 */
export async function countXlsxRows(path: string, maxInflatedBytes: number, limit: number): Promise<{ rows: number; lastRow: number }> {
  const entries = await listEntries(path);
  const sheets = (await sheetPaths(path, entries, { left: maxInflatedBytes })).filter((p) => entries.has(p));
  const any = new AnyString();
  let most = { rows: 0, lastRow: 0 };
  for (const p of sheets) {
    let rows = 0;
    let lastRow = 0;
    for await (const row of sheetRows(inflate(path, entries.get(p)!, { left: maxInflatedBytes }), any)) {
      if (!row.cells.some((c) => c != null && c !== '')) continue;
      rows++;
      lastRow = row.number;
      if (rows > limit) return { rows, lastRow };
    }
    if (rows > most.rows) most = { rows, lastRow };
  }
  return most;
}

/** A shared string table that answers every index with a text: enough to tell a filled cell from an empty one. */
class AnyString extends SharedStrings {
  override get(): string {
    return '·';
  }
}

async function listEntries(path: string): Promise<Map<string, ZipEntry>> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const tailLen = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) throw fileError('notSpreadsheet');
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    const dir = Buffer.alloc(dirSize);
    await fh.read(dir, 0, dirSize, dirOffset);
    const map = new Map<string, ZipEntry>();
    for (let p = 0, i = 0; i < count && p + 46 <= dir.length; i++) {
      const nameLen = dir.readUInt16LE(p + 28);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLen).replace(/^\//, '');
      map.set(name, {
        name,
        method: dir.readUInt16LE(p + 10),
        compressedSize: dir.readUInt32LE(p + 20),
        localOffset: dir.readUInt32LE(p + 42),
      });
      p += 46 + nameLen + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    }
    return map;
  } finally {
    await fh.close();
  }
}

/** The entry's text, chunk by chunk, whole characters only; over the budget → the zip-bomb error. */
async function* inflate(path: string, entry: ZipEntry, budget: { left: number }): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of inflateBytes(path, entry, budget)) yield decoder.write(chunk);
  const rest = decoder.end();
  if (rest) yield rest;
}

/** The entry's bytes, chunk by chunk; over the budget → the zip-bomb error. */
async function* inflateBytes(path: string, entry: ZipEntry, budget: { left: number }, chunkSize = 256 * 1024): AsyncGenerator<Buffer> {
  const fh = await open(path, 'r');
  const local = Buffer.alloc(30);
  await fh.read(local, 0, 30, entry.localOffset);
  await fh.close();
  if (local.readUInt32LE(0) !== 0x04034b50) throw fileError('notSpreadsheet');
  const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (entry.compressedSize === 0) return;
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1, highWaterMark: chunkSize });
  if (entry.method !== 0 && entry.method !== 8) throw fileError('notSpreadsheet');
  const source = entry.method === 8 ? raw.pipe(createInflateRaw({ chunkSize })) : raw;
  raw.on('error', (err) => source.destroy(err));
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      budget.left -= chunk.length;
      if (budget.left < 0) throw fileError('zipBomb');
      yield chunk;
    }
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('Z_')) throw fileError('unreadable');
    throw err;
  } finally {
    raw.destroy();
    source.destroy();
  }
}

async function readText(path: string, entry: ZipEntry | undefined, budget: { left: number }): Promise<string> {
  if (!entry) return '';
  let text = '';
  for await (const s of inflate(path, entry, budget)) text += s;
  return text;
}

/** The workbook's visible worksheets in tab order, through workbook.xml and its relationships. */
async function sheetPaths(path: string, entries: Map<string, ZipEntry>, budget: { left: number }): Promise<string[]> {
  const workbook = await readText(path, entries.get('xl/workbook.xml'), budget);
  const rels = await readText(path, entries.get('xl/_rels/workbook.xml.rels'), budget);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const target = attr(m[1], 'Target') ?? '';
    targets.set(attr(m[1], 'Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/'));
  }
  const sheets: string[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const state = attr(m[1], 'state');
    const target = targets.get(/\br:id\s*=\s*"([^"]+)"/.exec(m[1])?.[1] ?? '');
    // hidden sheets hold dropdown lists and lookups, chart sheets no cells: neither is the ledger
    if (target?.startsWith('xl/worksheets/') && state !== 'hidden' && state !== 'veryHidden') sheets.push(target);
  }
  if (sheets.length) return sheets;
  return [...entries.keys()]
    .filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))
    .sort()
    .slice(0, 1);
}

async function readSharedStrings(path: string, entry: ZipEntry, budget: { left: number }): Promise<SharedStrings> {
  const out = new SharedStrings();
  const scanner = new XmlScanner();
  let current: string | null = null;
  let inT = false;
  let inPhonetic = false;
  for await (const chunk of inflate(path, entry, budget)) {
    for (const tok of scanner.feed(chunk)) {
      if (tok.kind === 'open') {
        if (tok.name === 'si' && tok.selfClosing) out.push('');
        if (tok.name === 'si') current = tok.selfClosing ? null : '';
        else if (tok.name === 't' && !tok.selfClosing) inT = true;
        else if (tok.name === 'rPh') inPhonetic = !tok.selfClosing;
      } else if (tok.kind === 'close') {
        if (tok.name === 'si' && current !== null) {
          out.push(current);
          current = null;
        } else if (tok.name === 't') inT = false;
        else if (tok.name === 'rPh') inPhonetic = false;
      } else if (inT && !inPhonetic && current !== null) current += tok.text;
    }
  }
  return out;
}

async function* sheetRows(chunks: AsyncIterable<string>, shared: SharedStrings): AsyncGenerator<SheetRow> {
  const scanner = new XmlScanner();
  let row: SheetRow | null = null;
  let nextRow = 1;
  let col = 0; // next column index when a cell has no r attribute
  let cell: { index: number; type: string; value: string | null; text: string | null; inIs: boolean } | null = null;
  let capture: 'v' | 't' | null = null;
  for await (const chunk of chunks) {
    for (const tok of scanner.feed(chunk)) {
      if (tok.kind === 'text') {
        if (capture === 'v' && cell) cell.value = (cell.value ?? '') + tok.text;
        else if (capture === 't' && cell) cell.text = (cell.text ?? '') + tok.text;
        continue;
      }
      if (tok.kind === 'open') {
        switch (tok.name) {
          case 'row': {
            const r = Number(attr(tok.attrs, 'r')) || nextRow;
            row = { number: r, cells: [] };
            nextRow = r + 1;
            col = 0;
            if (tok.selfClosing) {
              yield row;
              row = null;
            }
            break;
          }
          case 'c': {
            const ref = attr(tok.attrs, 'r');
            const index = ref ? columnIndex(ref) : col;
            // past XFD (Excel's last column) no real sheet goes; a reference far beyond it would make a row of
            // millions of empty cells (fuzz.test: ZZZZZZ1 ran the server out of memory)
            if (index > MAX_COLUMN || index < 0) throw fileError('unreadable');
            col = index + 1;
            cell = { index, type: attr(tok.attrs, 't') ?? 'n', value: null, text: null, inIs: false };
            if (tok.selfClosing) cell = null;
            break;
          }
          case 'v':
            if (!tok.selfClosing) capture = 'v';
            break;
          case 'is':
            if (cell) cell.inIs = true;
            break;
          case 't':
            if (cell?.inIs && !tok.selfClosing) capture = 't';
            break;
          case 'rPh':
            capture = null;
            break;
        }
        continue;
      }
      // close tags
      if (tok.name === 'v' || tok.name === 't') capture = null;
      else if (tok.name === 'c' && cell && row) {
        row.cells[cell.index] = cellValue(cell, shared);
        cell = null;
      } else if (tok.name === 'row' && row) {
        for (let i = 0; i < row.cells.length; i++) if (row.cells[i] === undefined) row.cells[i] = null;
        yield row;
        row = null;
      }
    }
  }
}

/** The sheet's vertical merges, or null when it has none (the rows are then read untouched). */
async function findMerges(path: string, entry: ZipEntry, budget: { left: number }): Promise<Merges | null> {
  const scanner = new MergeScanner();
  for await (const chunk of inflateBytes(path, entry, budget, 1024 * 1024)) if (scanner.feed(chunk)) break;
  return scanner.merges();
}

function cellValue(cell: { type: string; value: string | null; text: string | null }, shared: SharedStrings): unknown {
  switch (cell.type) {
    case 's':
      return cell.value == null ? null : shared.get(Number(cell.value));
    case 'inlineStr':
      return cell.text ?? cell.value;
    case 'str':
      return cell.value; // a formula's text result (its cached value)
    case 'b':
      return cell.value == null ? null : cell.value === '1';
    case 'e':
      return { error: cell.value };
    case 'd':
      return cell.value ? new Date(cell.value) : null; // ISO 8601 date cells (rare: Strict OOXML)
    default: {
      if (cell.value == null || cell.value === '') return null; // a formula without a cached value
      const n = Number(cell.value);
      return Number.isNaN(n) ? cell.value : n;
    }
  }
}
