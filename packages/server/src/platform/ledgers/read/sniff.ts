// What kind of file was uploaded, decided from its bytes (never from its name alone), and the zip-bomb
// check: an .xlsx is a zip, whose central directory states every entry's uncompressed size.
import { open } from 'node:fs/promises';
import { AppError } from '../../http/errors';
import { fileError } from '../problems';

export type FileKind = 'xlsx' | 'csv';

export interface ZipLimits {
  maxUncompressedBytes: number;
  maxRatio: number; // uncompressed / compressed per entry
  maxEntries: number;
}

export async function sniffFile(path: string, fileName: string, size: number): Promise<FileKind> {
  if (size === 0) throw fileError('empty');
  const head = await readAt(path, 0, Math.min(size, 8192));
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex'))) throw fileError('xls');
  // CSV: text without NUL bytes, and a name or content that says so
  const binary = head.includes(0) && !isUtf16(head);
  if (!binary && (/\.(csv|txt)$/i.test(fileName) || looksDelimited(head))) return 'csv';
  throw fileError('notSpreadsheet');
}

function isUtf16(b: Buffer) {
  return (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
}

function looksDelimited(head: Buffer): boolean {
  const text = head.toString('latin1');
  const lines = text.split(/\r?\n/).slice(0, 5).filter(Boolean);
  return lines.length > 0 && lines.every((l) => l.includes(',') || l.includes('\t'));
}

/**
 * Reads the zip's central directory and refuses archives that would expand beyond the limits. Its sizes
 * and offsets are the file's word, not facts: one pointing outside the file is a damaged file, not a crash
 * (fuzz.test found a RangeError, answered 500, from a directory entry cut short).
 */
export async function checkZip(path: string, size: number, limits: ZipLimits): Promise<void> {
  try {
    await checkZipDirectory(path, size, limits);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw fileError('unreadable');
  }
}

async function checkZipDirectory(path: string, size: number, limits: ZipLimits): Promise<void> {
  const tailLen = Math.min(size, 65_557); // end-of-central-directory record + longest comment
  const tail = await readAt(path, size - tailLen, tailLen);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > tail.length) throw fileError('notSpreadsheet');
  const entries = tail.readUInt16LE(eocd + 10);
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirOffset = tail.readUInt32LE(eocd + 16);
  if (entries === 0xffff || dirOffset === 0xffffffff) throw fileError('zipBomb'); // zip64: far beyond any ledger
  if (entries > limits.maxEntries || dirOffset + dirSize > size) throw fileError('notSpreadsheet');
  const dir = await readAt(path, dirOffset, dirSize);
  let total = 0;
  let hasWorkbook = false;
  for (let p = 0, i = 0; i < entries; i++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== 0x02014b50) throw fileError('notSpreadsheet');
    const compressed = dir.readUInt32LE(p + 20);
    const uncompressed = dir.readUInt32LE(p + 24);
    const nameLen = dir.readUInt16LE(p + 28);
    const extraLen = dir.readUInt16LE(p + 30);
    const commentLen = dir.readUInt16LE(p + 32);
    const name = dir.toString('utf8', p + 46, p + 46 + nameLen);
    if (name === 'xl/workbook.xml') hasWorkbook = true;
    total += uncompressed;
    if (uncompressed > 1_000_000 && uncompressed / Math.max(compressed, 1) > limits.maxRatio) throw fileError('zipBomb');
    if (total > limits.maxUncompressedBytes) throw fileError('zipBomb');
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (!hasWorkbook) throw fileError('notSpreadsheet');
}

async function readAt(path: string, position: number, length: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, position);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
