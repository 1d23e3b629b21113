// Where a pending import lives. The import's record (status, counts, first problems) is a row of
// ledger_imports; its staged rows are NDJSON files under <dataDir>/ledger-imports/<id>/: rows.ndjson
// (valid rows, normalised) and rejected.ndjson (rejected rows as written, with their problems).
// Why files rather than a staging table: appending a line costs no database work, so the dry run of
// 200,000 rows adds no write load to PGlite (which serves one query at a time) and memory stays flat;
// the database only sees the real writes, once, at commit (a ledger with `staged` has them copied into
// the staging table ledger_import_rows at commit, in short chunks — see staging.ts). The upload itself is
// deleted after the dry run; lines that may hold personal data as written are encrypted (lineCodec).

import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { eq } from 'drizzle-orm';
import type { Services } from '../context';
import { ledgerImports } from './tables';
import { isStaged, type LedgerDefinition } from './types';

export type ImportRecord = typeof ledgerImports.$inferSelect;
const KEEP_MS = 24 * 3_600_000;

export function importDir(services: Services, id: string): string {
  return join(services.config.dataDir, 'ledger-imports', id);
}

export async function updateImport(services: Services, id: string, patch: Partial<ImportRecord>): Promise<void> {
  await services.db
    .update(ledgerImports)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(ledgerImports.id, id));
}

export async function loadImport(services: Services, id: string): Promise<ImportRecord | undefined> {
  const [row] = await services.db.select().from(ledgerImports).where(eq(ledgerImports.id, id));
  return row;
}

/** How an import file's lines are kept on disk: `seal` on the way in, `open` on the way out. */
export interface LineCodec {
  seal(line: string): string;
  open(line: string): string;
}

/**
 * Lines that may hold personal data as written — every rejected row, and valid rows not sealed at the
 * dry run (sealRow), of a ledger with a sensitive column — are encrypted with the personal-data key
 * (AES-256-GCM), since the folder stays on disk for up to a day. Sealed rows carry only ciphertexts and
 * keyed hashes of it; rows of other ledgers carry none.
 */
export function lineCodec(services: Services, def: LedgerDefinition, file: 'rows' | 'rejected'): LineCodec | undefined {
  if (!def.columns.some((c) => c.sensitive)) return undefined;
  if (file === 'rows' && isStaged(def) && def.sealRow) return undefined;
  return { seal: (line) => services.cipher.encrypt(line), open: (line) => services.cipher.decrypt(line) };
}

/** Appends lines with back-pressure: a slow disk slows the reader instead of filling memory. */
export class LineWriter {
  private readonly out: WriteStream;
  constructor(
    path: string,
    private readonly codec?: LineCodec,
  ) {
    this.out = createWriteStream(path, { flags: 'a' });
  }
  async write(lines: string[]): Promise<void> {
    if (lines.length === 0) return;
    const text = this.codec ? lines.map(this.codec.seal) : lines;
    if (!this.out.write(`${text.join('\n')}\n`)) await once(this.out, 'drain');
  }
  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** Reads an NDJSON file back in batches (through the codec it was written with). */
export async function* readBatches<T>(path: string, size: number, codec?: LineCodec): AsyncGenerator<T[]> {
  try {
    await stat(path);
  } catch {
    return;
  }
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  let batch: T[] = [];
  for await (const line of lines) {
    if (!line) continue;
    batch.push(JSON.parse(codec ? codec.open(line) : line) as T);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

export async function makeImportDir(services: Services, id: string): Promise<string> {
  const dir = importDir(services, id);
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Staging folders older than a day are abandoned imports. */
export async function purgeOldImports(services: Services): Promise<void> {
  const root = join(services.config.dataDir, 'ledger-imports');
  let names: string[] = [];
  try {
    names = await readdir(root);
  } catch {
    return;
  }
  for (const name of names) {
    const dir = join(root, name);
    const s = await stat(dir).catch(() => null);
    if (s && Date.now() - s.mtimeMs > KEEP_MS) await rm(dir, { recursive: true, force: true });
  }
}
