// Rows of the first worksheet (or of a CSV), one at a time, never the whole file in memory.
// Cells come back as numbers, strings, booleans, Dates or null; formulas as their cached result only.
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { type Readable, Transform } from 'node:stream';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../../http/errors';
import { fileError } from '../problems';
import type { FileKind } from './sniff';

export interface SheetRow {
  number: number; // 1-based row number as Excel shows it
  cells: unknown[]; // 0-based: column A is cells[0]
}

export function readRows(path: string, kind: FileKind): AsyncGenerator<SheetRow> {
  return kind === 'xlsx' ? readXlsx(path) : readCsv(path);
}

async function* readXlsx(path: string): AsyncGenerator<SheetRow> {
  const reader = new Utf8SafeWorkbookReader(createReadStream(path), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: unknown[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
        yield { number: row.number, cells };
      }
      return; // the first worksheet holds the ledger; others (填写说明) are notes
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw fileError('unreadable');
  }
}

// exceljs' streaming reader decodes every compressed chunk on its own, so a Chinese character split
// across two chunks turns into "��" (配偶 → 配��). Feed its XML parser whole characters instead.
type ReaderInternals = {
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): AsyncGenerator<unknown>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
};
const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: Readable, options: object) => ReaderInternals & AsyncIterable<ExcelJS.Worksheet>;

class Utf8SafeWorkbookReader extends Base {
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string) {
    return super._parseWorksheet(wholeCharacters(iterator), sheetNo);
  }
  _parseSharedStrings(entry: Readable) {
    const decoder = new StringDecoder('utf8');
    const strings = new Transform({
      readableObjectMode: true,
      transform: (chunk: Buffer, _enc, done) => done(null, decoder.write(chunk)),
      flush: (done) => done(null, decoder.end()),
    });
    entry.on('error', (err) => strings.destroy(err));
    return super._parseSharedStrings(entry.pipe(strings));
  }
}

async function* wholeCharacters(chunks: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
  const rest = decoder.end();
  if (rest) yield rest;
}

/** An exceljs cell value as a plain value: the cached result of a formula, rich text joined. */
export function cellValue(v: unknown): unknown {
  if (v == null) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) return o.result === undefined ? null : cellValue(o.result);
  if ('richText' in o) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if ('text' in o) return cellValue(o.text);
  if ('error' in o) return { error: o.error };
  return null;
}

async function* readCsv(path: string): AsyncGenerator<SheetRow> {
  const encoding = await detectEncoding(path);
  const input = createReadStream(path).pipe(iconv.decodeStream(encoding, { stripBOM: true }));
  const parser = input.pipe(parse({ relax_column_count: true, relax_quotes: true, bom: true, skip_empty_lines: false, delimiter: [',', '\t'] }));
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number++;
      yield { number, cells: record.map((c) => (c === '' ? null : c)) };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw fileError('unreadable');
  }
}

/** UTF-8 (with or without BOM) when the first 64 KB decode strictly as UTF-8; GB18030 (a superset of GBK) otherwise. */
export async function detectEncoding(path: string): Promise<'utf8' | 'gb18030' | 'utf16le'> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(65_536);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
    // a multi-byte character may be cut at the end of the sample: ignore up to 3 trailing bytes
    for (let cut = 0; cut <= Math.min(3, head.length); cut++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
        return 'utf8';
      } catch {
        if (bytesRead < buf.length) break; // the whole file was read: nothing was cut
      }
    }
    return 'gb18030';
  } finally {
    await fh.close();
  }
}
