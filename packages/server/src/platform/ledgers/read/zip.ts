// The .xlsx container, read through yauzl (a well-kept zip reader that checks the directory's offsets
// against the file). On top of it the limits of an upload, counted on the bytes really inflated, so a zip
// bomb stops whatever its headers claim: an entry inflating past its stated size is refused as one (yauzl
// would call it merely damaged), and every entry draws on one budget for the whole file.
import { StringDecoder } from 'node:string_decoder';
import yauzl from 'yauzl';
import { AppError } from '../../http/errors';
import { fileError } from '../problems';

/** Inflated bytes an upload may still produce; every read of every entry draws on it. */
export interface Budget {
  left: number;
}

export type ZipEntry = yauzl.Entry;

export class Zip {
  private constructor(
    private readonly file: yauzl.ZipFile,
    readonly entries: Map<string, ZipEntry>,
  ) {}

  /** Opens the archive and reads its central directory; not a zip → the not-a-spreadsheet error. */
  static async open(path: string, maxEntries = Number.POSITIVE_INFINITY): Promise<Zip> {
    const file = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: false }, (err, zip) =>
        err ? reject(err) : resolve(zip),
      ),
    ).catch(() => {
      throw fileError('notSpreadsheet');
    });
    try {
      if (file.entryCount > maxEntries) throw fileError('notSpreadsheet');
      return new Zip(file, await readDirectory(file));
    } catch (err) {
      file.close();
      throw asFileError(err);
    }
  }

  close(): void {
    this.file.close();
  }

  /** The entry's bytes, chunk by chunk; over the budget → the zip-bomb error, damaged → unreadable. */
  async *bytes(name: string, budget: Budget): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) return;
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      this.file.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))),
    ).catch((err) => {
      throw asFileError(err);
    });
    let stated = entry.uncompressedSize;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        budget.left -= chunk.length;
        stated -= chunk.length;
        if (budget.left < 0 || stated < 0) throw fileError('zipBomb');
        yield chunk;
      }
    } catch (err) {
      throw asFileError(err);
    } finally {
      (stream as unknown as { destroy(): void }).destroy();
    }
  }

  /** The entry as text, chunk by chunk, whole characters only (bad UTF-8 becomes U+FFFD, as Excel reads it). */
  async *text(name: string, budget: Budget): AsyncGenerator<string> {
    const decoder = new StringDecoder('utf8');
    for await (const chunk of this.bytes(name, budget)) yield decoder.write(chunk);
    const rest = decoder.end();
    if (rest) yield rest;
  }
}

/** Every entry by name, in directory order (yauzl refuses absolute and "../" names). */
function readDirectory(file: yauzl.ZipFile): Promise<Map<string, ZipEntry>> {
  const entries = new Map<string, ZipEntry>();
  return new Promise((resolve, reject) => {
    file.on('entry', (entry: ZipEntry) => {
      entries.set(entry.fileName, entry);
      file.readEntry();
    });
    file.on('end', () => resolve(entries));
    file.on('error', reject);
    file.readEntry();
  });
}

/** Our own file errors pass; anything yauzl or zlib says about the bytes means a damaged file. */
function asFileError(err: unknown): AppError {
  return err instanceof AppError ? err : fileError('unreadable');
}
