// Rows of an .xlsx's first worksheet, streamed straight from the zip (zip.ts, yauzl) through a streaming
// XML parser (xml.ts, saxes), never building a document; every inflated byte counts against the upload's
// budget. Styles are not read: date cells arrive as Excel serial numbers, which the date parser understands.
// Formulas give their cached value, never evaluated.
// Vertically merged cells (户主身份证号 over a household's rows, 所在村 over a village's households) hold
// their value only in the top-left cell; rows below the first get that value too (see merges below).
import { fileError } from '../problems';
import { FILLED_CELL_BYTES, MAX_COLUMN, MergeFill, MergeScanner, type Merges } from './merges';
import { SharedStrings } from './sharedStrings';
import type { SheetRow } from './sheetRow';
import { columnIndex, parseXml, type XmlHandlers, XmlStream } from './xml';
import { type Budget, Zip } from './zip';

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
  const zip = await Zip.open(path);
  try {
    const budget = { left: maxInflatedBytes };
    const sheets = await sheetPaths(zip, budget);
    if (!sheets.length) throw fileError('notSpreadsheet');
    const shared = await readSharedStrings(zip, budget);
    try {
      yield* chosenSheetRows(zip, sheets, shared, budget, choose);
    } finally {
      shared.release(); // its memory back now, not at V8's next full collection (the commit may come right after)
    }
  } finally {
    zip.close();
  }
}

async function* chosenSheetRows(
  zip: Zip,
  sheets: string[],
  shared: SharedStrings,
  budget: Budget,
  choose?: SheetChoice,
): AsyncGenerator<SheetRow> {
  let sheet = sheets[0];
  if (choose && sheets.length > 1) {
    for (const name of sheets) {
      const head: SheetRow[] = [];
      for await (const row of sheetRows(zip.text(name, budget), shared)) if (head.push(row) >= choose.rows) break;
      if (choose.fits(head)) {
        sheet = name;
        break;
      }
    }
  }
  // The first pass inflates the sheet as far as the row pass will, so it gets an equal budget of its
  // own: the limit is on what the file unpacks to, not on how often it is read, and a lying zip is
  // refused here before any row is read. Total work stays bounded: twice the limit at most.
  const merges = await findMerges(zip, sheet, { left: budget.left });
  const rows = sheetRows(zip.text(sheet, budget), shared);
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
  const zip = await Zip.open(path);
  try {
    const sheets = await sheetPaths(zip, { left: maxInflatedBytes });
    const any = new AnyString();
    let most = { rows: 0, lastRow: 0 };
    for (const name of sheets) {
      let rows = 0;
      let lastRow = 0;
      for await (const row of sheetRows(zip.text(name, { left: maxInflatedBytes }), any)) {
        if (!row.cells.some((c) => c != null && c !== '')) continue;
        rows++;
        lastRow = row.number;
        if (rows > limit) return { rows, lastRow };
      }
      if (rows > most.rows) most = { rows, lastRow };
    }
    return most;
  } finally {
    zip.close();
  }
}

/** A shared string table that answers every index with a text: enough to tell a filled cell from an empty one. */
class AnyString extends SharedStrings {
  override get(): string {
    return '·';
  }
}

/** The workbook's visible worksheets in tab order (through workbook.xml and its relationships), those the zip holds. */
async function sheetPaths(zip: Zip, budget: Budget): Promise<string[]> {
  const targets = new Map<string, string>();
  await parseEntry(zip, 'xl/_rels/workbook.xml.rels', budget, {
    open(name, a) {
      if (name !== 'Relationship') return;
      const target = a.Target ?? '';
      targets.set(a.Id ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`.replace(/\/\.\//g, '/'));
    },
  });
  const sheets: string[] = [];
  await parseEntry(zip, 'xl/workbook.xml', budget, {
    open(name, a) {
      if (name !== 'sheet') return;
      const target = targets.get(relationshipId(a) ?? '');
      // hidden sheets hold dropdown lists and lookups, chart sheets no cells: neither is the ledger
      if (target?.startsWith('xl/worksheets/') && a.state !== 'hidden' && a.state !== 'veryHidden') sheets.push(target);
    },
  });
  const found = sheets.filter((name) => zip.entries.has(name));
  if (found.length) return found;
  return [...zip.entries.keys()]
    .filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))
    .sort()
    .slice(0, 1);
}

/** Parses an entry of the zip, if it has one, through the handlers. */
async function parseEntry(zip: Zip, name: string, budget: Budget, handlers: XmlHandlers): Promise<void> {
  if (zip.entries.has(name)) await parseXml(zip.text(name, budget), handlers);
}

/** A sheet's r:id, whatever prefix the file binds to the relationships namespace. */
function relationshipId(attrs: Record<string, string>): string | undefined {
  for (const [key, value] of Object.entries(attrs)) if (key.endsWith(':id')) return value;
  return undefined;
}

async function readSharedStrings(zip: Zip, budget: Budget): Promise<SharedStrings> {
  const out = new SharedStrings();
  let current: string | null = null;
  let inT = false;
  let inPhonetic = false; // <rPh>: the reading of a Japanese text, not part of it
  await parseEntry(zip, 'xl/sharedStrings.xml', budget, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't') inT = true;
      else if (name === 'rPh') inPhonetic = true;
    },
    close(name) {
      if (name === 'si' && current !== null) {
        out.push(current);
        current = null;
      } else if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic = false;
    },
    text(t) {
      if (inT && !inPhonetic && current !== null) current += t;
    },
  });
  return out;
}

interface CellBeingRead {
  index: number;
  type: string;
  value: string | null;
  text: string | null;
  inIs: boolean;
}

/** A worksheet's rows as its XML streams by: the rows each chunk completes, in order. */
async function* sheetRows(chunks: AsyncIterable<string>, shared: SharedStrings): AsyncGenerator<SheetRow> {
  const done: SheetRow[] = [];
  let row: SheetRow | null = null;
  let nextRow = 1;
  let col = 0; // next column index when a cell has no r attribute
  let cell: CellBeingRead | null = null;
  let capture: 'v' | 't' | null = null;
  const xml = new XmlStream({
    open(name, a) {
      switch (name) {
        case 'row': {
          const r = Number(a.r) || nextRow;
          row = { number: r, cells: [] };
          nextRow = r + 1;
          col = 0;
          break;
        }
        case 'c': {
          const index = a.r ? columnIndex(a.r) : col;
          // past XFD (Excel's last column) no real sheet goes; a reference far beyond it would make a row of
          // millions of empty cells (fuzz.test: ZZZZZZ1 ran the server out of memory)
          if (index > MAX_COLUMN || index < 0) throw fileError('unreadable');
          col = index + 1;
          cell = { index, type: a.t ?? 'n', value: null, text: null, inIs: false };
          break;
        }
        case 'v':
          capture = 'v';
          break;
        case 'is':
          if (cell) cell.inIs = true;
          break;
        case 't':
          if (cell?.inIs) capture = 't';
          break;
        case 'rPh':
          capture = null;
          break;
      }
    },
    text(t) {
      if (capture === 'v' && cell) cell.value = (cell.value ?? '') + t;
      else if (capture === 't' && cell) cell.text = (cell.text ?? '') + t;
    },
    close(name) {
      if (name === 'v' || name === 't') capture = null;
      else if (name === 'c' && cell && row) {
        row.cells[cell.index] = cellValue(cell, shared);
        cell = null;
      } else if (name === 'row' && row) {
        for (let i = 0; i < row.cells.length; i++) if (row.cells[i] === undefined) row.cells[i] = null;
        done.push(row);
        row = null;
      }
    },
  });
  for await (const chunk of chunks) {
    xml.write(chunk);
    yield* done;
    done.length = 0;
  }
  xml.close();
  yield* done;
}

/** The sheet's vertical merges, or null when it has none (the rows are then read untouched). */
async function findMerges(zip: Zip, sheet: string, budget: Budget): Promise<Merges | null> {
  const scanner = new MergeScanner();
  for await (const chunk of zip.bytes(sheet, budget)) if (scanner.feed(chunk)) break;
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
