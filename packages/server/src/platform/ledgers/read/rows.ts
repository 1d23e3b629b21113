// Rows of the ledger's worksheet (or of a CSV), one at a time, never the whole file in memory.
// Cells come back as numbers, strings, booleans or null; formulas as their cached result only (xlsx.ts).
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { AppError } from '../../http/errors';
import { fileError } from '../problems';
import type { FileKind } from './sniff';
import { countXlsxRows, readXlsxRows, type SheetChoice } from './xlsx';

export type { SheetRow } from './sheetRow';

import type { SheetRow } from './sheetRow';

export function readRows(
  path: string,
  kind: FileKind,
  maxInflatedBytes = 1024 * 1024 * 1024,
  choose?: SheetChoice,
): AsyncGenerator<SheetRow> {
  return kind === 'xlsx' ? readXlsx(path, maxInflatedBytes, choose) : readCsv(path);
}

async function* readXlsx(path: string, maxInflatedBytes: number, choose?: SheetChoice): AsyncGenerator<SheetRow> {
  try {
    yield* readXlsxRows(path, maxInflatedBytes, choose);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw fileError('unreadable');
  }
}

/**
 * Rows holding a value, counted while the file streams and stopped at the first one past `limit` (a
 * workbook: its largest visible sheet): `rows` is then limit + 1 and `lastRow` the sheet row it stopped
 * at. No cell is parsed or checked, so a file far over the limit is refused in seconds.
 */
export async function countRows(
  path: string,
  kind: FileKind,
  limit: number,
  maxInflatedBytes = 1024 * 1024 * 1024,
): Promise<{ rows: number; lastRow: number }> {
  if (kind === 'xlsx') {
    try {
      return await countXlsxRows(path, maxInflatedBytes, limit);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw fileError('unreadable');
    }
  }
  let rows = 0;
  let lastRow = 0;
  for await (const row of readCsv(path)) {
    if (!row.cells.some((c) => c != null && String(c).trim() !== '')) continue;
    rows++;
    lastRow = row.number;
    if (rows > limit) break;
  }
  return { rows, lastRow };
}

async function* readCsv(path: string): AsyncGenerator<SheetRow> {
  const encoding = await detectEncoding(path);
  const file = createReadStream(path);
  const input = file.pipe(iconv.decodeStream(encoding, { stripBOM: true }));
  const parser = input.pipe(
    parse({ relax_column_count: true, relax_quotes: true, bom: true, skip_empty_lines: false, delimiter: [',', '\t'] }),
  );
  let number = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      number++;
      yield { number, cells: record.map((c) => (c === '' ? null : c)) };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw fileError('unreadable');
  } finally {
    file.destroy(); // a reader that stopped early (the row limit) leaves nothing open
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
