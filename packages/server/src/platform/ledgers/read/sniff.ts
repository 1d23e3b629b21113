// What kind of file was uploaded, decided from its bytes (never from its name alone), and the zip-bomb
// check: an .xlsx is a zip, whose central directory states every entry's uncompressed size.
import { open } from 'node:fs/promises';
import { fileError } from '../problems';
import { Zip } from './zip';

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
 * Reads the zip's central directory (through yauzl, which checks its offsets against the file) and refuses
 * archives whose entries say they would expand beyond the limits. The sizes are only the file's word: what
 * an entry really inflates to is counted again as it is read (zip.ts).
 */
export async function checkZip(path: string, limits: ZipLimits): Promise<void> {
  const zip = await Zip.open(path, limits.maxEntries);
  try {
    let total = 0;
    for (const entry of zip.entries.values()) {
      total += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (entry.uncompressedSize > 1_000_000 && ratio > limits.maxRatio) throw fileError('zipBomb');
      if (total > limits.maxUncompressedBytes) throw fileError('zipBomb');
    }
    if (!zip.entries.has('xl/workbook.xml')) throw fileError('notSpreadsheet');
  } finally {
    zip.close();
  }
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
