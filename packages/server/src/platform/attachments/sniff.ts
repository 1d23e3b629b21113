// What an uploaded file is, read from its bytes: the first bytes of a JPEG, PNG, WebP or PDF, and for Word and
// Excel files (zips) the names in the zip's central directory. The name and the type the browser sends are not
// trusted: a program renamed photo.jpg is refused, a PNG named .jpg is served as the PNG it is.
import type { AttachmentMimeType } from '@xiezuo/shared/contracts/attachments';
import { invalid } from '../http/errors';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The extensions of each type; the first is the one added to a name that lacks the right one. */
export const EXTENSIONS: Record<AttachmentMimeType, string[]> = {
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'application/pdf': ['.pdf'],
  [DOCX]: ['.docx'],
  [XLSX]: ['.xlsx'],
};

const refused = (key = 'attachments.errors.type') => invalid({ path: 'file', key });

/** The file's type from its bytes, or a 400 on `file` naming what is accepted. */
export function sniffType(b: Buffer): AttachmentMimeType {
  if (b.length === 0) throw refused('attachments.errors.empty');
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  if (b.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  if (b.length >= 4 && b.readUInt32LE(0) === 0x04034b50) return officeType(b);
  throw refused();
}

/** A zip is a Word or Excel file when its directory names the main part; macros (vbaProject.bin) are refused. */
function officeType(b: Buffer): AttachmentMimeType {
  const names = zipNames(b);
  if (!names?.includes('[Content_Types].xml')) throw refused();
  if (names.some((n) => /vbaProject\.bin$/i.test(n))) throw refused('attachments.errors.macro');
  if (names.includes('word/document.xml')) return DOCX;
  if (names.includes('xl/workbook.xml')) return XLSX;
  throw refused();
}

/** The entry names of a zip's central directory, or null when it is not a readable zip (or a zip64). */
function zipNames(b: Buffer): string[] | null {
  const tail = b.subarray(Math.max(0, b.length - 65_557));
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > tail.length) return null;
  const entries = tail.readUInt16LE(eocd + 10);
  const dirSize = tail.readUInt32LE(eocd + 12);
  const dirOffset = tail.readUInt32LE(eocd + 16);
  if (entries === 0xffff || dirOffset === 0xffffffff || dirOffset + dirSize > b.length) return null;
  const names: string[] = [];
  for (let p = dirOffset, i = 0; i < entries; i++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) return null;
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    names.push(b.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/**
 * The name to keep: its last path segment, without control characters or quotes, at most 120 characters,
 * ending in an extension of the type the bytes are (a PDF named 报告.jpg becomes 报告.pdf).
 */
export function cleanFileName(raw: string, type: AttachmentMimeType): string {
  const exts = EXTENSIONS[type];
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  let name = (raw.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_').trim();
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot).toLowerCase() : '';
  if (!exts.includes(ext)) {
    const known = Object.values(EXTENSIONS).flat().includes(ext) || ['.doc', '.xls', '.gif', '.heic', '.exe'].includes(ext);
    name = `${known ? name.slice(0, dot) : name}${exts[0]}`;
  }
  const finalExt = name.slice(name.lastIndexOf('.'));
  const base = name.slice(0, name.length - finalExt.length) || 'file';
  return `${[...base].slice(0, 120 - finalExt.length).join('')}${finalExt}`;
}

/**
 * Content-Disposition for a stored name: an ASCII fallback and the UTF-8 name (RFC 6266/5987), so that
 * 验收报告（终稿）.pdf is saved under its Chinese name; images and PDFs open in the browser unless asked.
 */
export function contentDisposition(fileName: string, type: AttachmentMimeType, download: boolean): string {
  const inline = !download && (type.startsWith('image/') || type === 'application/pdf');
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
