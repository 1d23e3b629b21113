// The archive: one gzip file of lines, written under a temporary name and renamed when complete.
//   H{header: format, version, app version, engine, migration, time}
//   T{"table": "public.users", "columns": [...]}     then one R"<row text>" line per row
//   S{"sequence": "public.users_id_seq", "value": "42", "called": true}
//   M{manifest: the header again, row counts and checksums per table, contentSha256}
// contentSha256 is the SHA-256 of every line before the M line (with its newline), so a file that was cut
// short, edited or damaged is refused; gzip's own CRC catches damage to the compressed bytes. Beside it a
// `<archive>.sha256` (sha256sum's format) holds the checksum of the archive file itself.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, readFileSync, type WriteStream } from 'node:fs';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip, type Gzip } from 'node:zlib';
import { BackupError } from './messages';
import type { MigrationRef } from './schema';

export const FORMAT = 'xiezuo-backup';
export const FORMAT_VERSION = 1;
export const ARCHIVE_SUFFIX = '.xzbackup.gz';

export interface ArchiveHeader {
  format: typeof FORMAT;
  version: number;
  appVersion: string;
  engine: 'pglite' | 'postgres';
  serverVersion: string;
  migration: MigrationRef;
  createdAt: string;
}

export interface Manifest extends ArchiveHeader {
  tables: Record<string, { rows: number; checksum: string }>;
  sequences: number;
  contentSha256: string;
}

export type ArchiveLine =
  | { kind: 'H'; header: ArchiveHeader }
  | { kind: 'T'; table: string; columns: string[] }
  | { kind: 'R'; row: string }
  | { kind: 'S'; sequence: string; value: string; called: boolean }
  | { kind: 'M'; manifest: Manifest; computedSha256: string };

/** A new archive in `dir`: lines go to `.<name>.partial`; `finish()` renames it to its real name. */
export class ArchiveWriter {
  readonly name: string;
  readonly file: string;
  private readonly partial: string;
  private readonly gzip: Gzip;
  private readonly out: WriteStream;
  private readonly content: Hash = createHash('sha256');
  private readonly fileHash: Hash = createHash('sha256');
  private failed?: Error;

  constructor(dir: string, now = new Date()) {
    const stamp = now
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    this.name = `xiezuo-${stamp}${ARCHIVE_SUFFIX}`;
    this.file = join(dir, this.name);
    this.partial = join(dir, `.${this.name}.partial`);
    this.out = createWriteStream(this.partial, { flags: 'wx', mode: 0o600 });
    this.gzip = createGzip({ level: 6 });
    this.gzip.on('data', (chunk: Buffer) => this.fileHash.update(chunk));
    this.gzip.pipe(this.out);
    this.gzip.on('error', (err: Error) => (this.failed ??= err));
    this.out.on('error', (err: Error) => (this.failed ??= err));
  }

  /** Writes one line (counted in contentSha256 unless it is the manifest), waiting when the disk is behind. */
  async line(text: string, counted = true): Promise<void> {
    if (this.failed) throw this.failed;
    const data = `${text}\n`;
    if (counted) this.content.update(data);
    if (!this.gzip.write(data)) await new Promise<void>((resolve) => this.gzip.once('drain', resolve));
  }

  contentSha256(): string {
    return this.content.copy().digest('hex');
  }

  /** Flushes, syncs and renames the archive into place; then writes `<archive>.sha256`. Returns that checksum. */
  async finish(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.out.once('finish', resolve);
      this.out.once('error', reject);
      this.gzip.end();
    });
    if (this.failed) throw this.failed;
    const fh = await open(this.partial, 'r+');
    await fh.sync();
    await fh.close();
    await rename(this.partial, this.file);
    const sha = this.fileHash.digest('hex');
    await writeFile(`${this.file}.sha256`, `${sha}  ${this.name}\n`);
    return sha;
  }

  /** Removes the partial file after a failure. */
  async abort(): Promise<void> {
    this.gzip.destroy();
    this.out.destroy();
    await rm(this.partial, { force: true });
  }
}

/** The SHA-256 of a file's bytes. */
export async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Checks `<archive>.sha256` when it is there (a copy may travel without it; contentSha256 still guards). */
export async function checkSidecar(file: string): Promise<void> {
  const side = `${file}.sha256`;
  if (!existsSync(side)) return;
  const expected = readFileSync(side, 'utf8').trim().split(/\s+/)[0];
  if (expected !== (await fileSha256(file))) throw new BackupError('badChecksum', { what: `${basename(side)}` });
}

/** Reads an archive line by line, checking the running content checksum; throws notArchive on a cut or foreign file. */
export async function* readArchive(file: string): AsyncGenerator<ArchiveLine> {
  const hash = createHash('sha256');
  const gunzip = createGunzip();
  const lines = createInterface({ input: createReadStream(file).pipe(gunzip), crlfDelay: Number.POSITIVE_INFINITY });
  const notArchive = (what: string) => new BackupError('notArchive', { file: basename(file), what });
  let first = true;
  let done = false;
  try {
    for await (const text of lines) {
      if (done) throw notArchive('清单之后还有内容 / data after the manifest');
      const kind = text[0];
      let body: unknown;
      try {
        body = JSON.parse(text.slice(1));
      } catch {
        throw notArchive(`无法解析的行 / unreadable line: ${text.slice(0, 40)}`);
      }
      if (first) {
        const h = body as ArchiveHeader;
        if (kind !== 'H' || h?.format !== FORMAT) throw notArchive('文件头不对 / wrong header');
        if (h.version > FORMAT_VERSION) throw notArchive(`格式版本 ${h.version} / format version ${h.version}`);
        first = false;
      }
      if (kind === 'M') {
        done = true;
        yield { kind: 'M', manifest: body as Manifest, computedSha256: hash.digest('hex') };
        continue;
      }
      hash.update(`${text}\n`);
      if (kind === 'H') yield { kind: 'H', header: body as ArchiveHeader };
      else if (kind === 'T') yield { kind: 'T', ...(body as { table: string; columns: string[] }) };
      else if (kind === 'R') {
        if (typeof body !== 'string') throw notArchive('行数据不对 / bad row');
        yield { kind: 'R', row: body };
      } else if (kind === 'S') yield { kind: 'S', ...(body as { sequence: string; value: string; called: boolean }) };
      else throw notArchive(`未知的行 / unknown line ${kind}`);
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    // gzip's "unexpected end of file" (a backup cut short) or a bad CRC (damaged bytes)
    throw notArchive((err as Error).message);
  }
  if (first) throw notArchive('空文件 / empty file');
  if (!done) throw notArchive('没有清单：备份未写完 / no manifest: the backup was not finished');
}
