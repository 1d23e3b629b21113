// The ledger file reader takes untrusted files apart (yauzl for the zip, saxes for the XML, our limits on
// top), so it is fuzzed (issue #21, item 11): malformed and truncated zips, wrong sizes in the zip's headers,
// deeply nested or huge XML, DOCTYPE and entity tricks, bad UTF-8, odd cell references, random CSV bytes.
// Whatever the file, reading it the way an upload is read (sniffFile → checkZip → readRows) either gives rows
// or a clear file error (LEDGER_FILE) — never another exception (a 500), a crash, or a wait of seconds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors';
import { readRows } from './rows';
import { checkZip, sniffFile } from './sniff';

const dir = mkdtempSync(join(tmpdir(), 'xz-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LIMITS = { maxUncompressedBytes: 64 * 1024 * 1024, maxRatio: 200, maxEntries: 10_000 };
const SECONDS = 3; // the longest any one file may take
let n = 0;

/** Reads a file as an upload is read; 'rows:<count>' or the file error's reason. Anything else is a failure. */
async function readAsUpload(bytes: Uint8Array, name: string): Promise<string> {
  const path = join(dir, `f${n++}`);
  writeFileSync(path, bytes);
  const started = Date.now();
  try {
    const kind = await sniffFile(path, name, bytes.length);
    if (kind === 'xlsx') await checkZip(path, LIMITS);
    let rows = 0;
    for await (const row of readRows(path, kind, LIMITS.maxUncompressedBytes)) {
      expect(Array.isArray(row.cells)).toBe(true);
      expect(row.cells.length).toBeLessThanOrEqual(16_384); // XFD, Excel's last column
      if (++rows >= 5_000) break;
    }
    return `rows:${rows}`;
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'LEDGER_FILE') throw new Error(`not a file error: ${(err as Error)?.stack ?? err}`);
    return String(err.details[0]?.key);
  } finally {
    rmSync(path, { force: true });
    expect(Date.now() - started, `took ${Date.now() - started} ms`).toBeLessThan(SECONDS * 1000);
  }
}

/** A ledger as people keep it: title row, merged cells, shared strings, numbers and dates. */
async function validWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['2025年家庭成员台账']);
  ws.mergeCells('A1:D1');
  ws.addRow(['户主身份证号', '姓名', '年收入', '登记日期']);
  for (let i = 0; i < 30; i++) ws.addRow(['441224196503035512', `成员${i}`, 1000 + i, new Date(Date.UTC(2025, 0, 1 + i))]);
  ws.mergeCells('A3:A12');
  ws.addRow(['合计', null, { formula: 'SUM(C3:C32)', result: 30435 }]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A minimal workbook around a worksheet's XML (and shared strings), as bytes: the XML may be anything. */
async function workbookWith(sheet: string | Uint8Array, shared?: string | Uint8Array): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file(
    'xl/workbook.xml',
    '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  zip.file('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>');
  zip.file('xl/worksheets/sheet1.xml', sheet);
  if (shared !== undefined) zip.file('xl/sharedStrings.xml', shared);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const sheetOf = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData>${body}</sheetData></worksheet>`;

// pieces of worksheet XML, well-formed or not, that a hostile or broken file might hold
const cellRef = fc.oneof(
  fc.constantFrom('A1', 'XFD1', 'XFE1', 'ZZZZZZ1', 'ZZZZZZZZZZZZ1', '', '1', '-1', 'a1', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAA9'),
  fc.string({ maxLength: 12 }),
);
const xmlPiece = fc.oneof(
  fc
    .record({ r: cellRef, t: fc.constantFrom('s', 'n', 'b', 'e', 'str', 'inlineStr', 'd', 'x'), v: fc.string({ maxLength: 20 }) })
    .map(({ r, t, v }) => `<c r="${r}" t="${t}"><v>${v}</v></c>`),
  fc.constantFrom(
    '<row r="1">',
    '</row>',
    '<row r="99999999999999">',
    '<row r="-5"/>',
    '<c r="A1" t="s"><v>4294967296</v></c>',
    '<c r="A1" t="s"><v>-1</v></c>',
    '<c t="inlineStr"><is><t>&#x110000;</t></is></c>',
    '<c><v>&#99999999999;</v></c>',
    '<c><v>&#0;&#xD800;</v></c>',
    '<c t="d"><v>not a date</v></c>',
    '<![CDATA[<row>',
    '<!-- unclosed',
    '<c r="A1"',
    '<c r="A1 t="s">',
    '<mergeCells count="1"><mergeCell ref="A1:A1048576"/></mergeCells>',
    '<mergeCells><mergeCell ref="ZZZZZZ1:ZZZZZZ9"/><mergeCell ref="A9:A1"/><mergeCell ref=""/></mergeCells>',
    '&unknown;&lol9;&amp;',
    '</sheetData>',
  ),
  fc.string({ maxLength: 40 }),
);

describe('ledger file reader under fuzzing', () => {
  let valid: Uint8Array;
  beforeAll(async () => {
    valid = await validWorkbook();
    expect(await readAsUpload(valid, 'ok.xlsx')).toBe('rows:33');
  });

  it('a truncated or bit-flipped workbook is read or refused as a file, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        async (cut, flips) => {
          const bytes = valid.slice(0, Math.max(1, cut % (valid.length + 1)));
          for (const [at, b] of flips) bytes[at % bytes.length] = b;
          await readAsUpload(bytes, 'x.xlsx');
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('wrong sizes and offsets in the zip headers are refused, not trusted', async () => {
    const eocd = Buffer.from(valid).lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const dirAt = Buffer.from(valid).readUInt32LE(eocd + 16);
    // fields of the end record (entries, directory size and offset) and of the first central-directory entry
    const fields: [number, 2 | 4][] = [
      [eocd + 8, 2],
      [eocd + 10, 2],
      [eocd + 12, 4],
      [eocd + 16, 4],
      [eocd + 20, 2],
      [dirAt + 10, 2],
      [dirAt + 20, 4],
      [dirAt + 24, 4],
      [dirAt + 28, 2],
      [dirAt + 30, 2],
      [dirAt + 32, 2],
      [dirAt + 42, 4],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...fields),
        fc.oneof(fc.constantFrom(0, 1, 0xffff, 0xffffffff), fc.nat()),
        async ([at, width], v) => {
          const bytes = Buffer.from(valid);
          if (width === 2) bytes.writeUInt16LE(v & 0xffff, at);
          else bytes.writeUInt32LE(v >>> 0, at);
          await readAsUpload(bytes, 'x.xlsx');
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('hostile worksheet XML — odd cells, unclosed tags, bad references — gives rows or a file error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(xmlPiece, { maxLength: 30 }), async (pieces) => {
        await readAsUpload(await workbookWith(sheetOf(`<row r="1">${pieces.join('')}</row>`)), 'x.xlsx');
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it('deep nesting, huge tokens, DOCTYPE entity expansion and bad UTF-8 are refused or read, in seconds', async () => {
    const laughs = `<!DOCTYPE x [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]>`;
    const cases: [string, Uint8Array][] = [
      ['deep', await workbookWith(sheetOf(`${'<row><c>'.repeat(200_000)}<v>1</v>`))],
      ['long token', await workbookWith(sheetOf(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(20_000_000)}`))],
      ['long tag', await workbookWith(sheetOf(`<row r="1"><c r="A1" x="${'y'.repeat(20_000_000)}`))],
      [
        'billion laughs',
        await workbookWith(
          `<?xml version="1.0"?>${laughs}<worksheet><sheetData><row><c t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`,
        ),
      ],
      [
        'external entity',
        await workbookWith(
          `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row><c t="str"><v>&e;</v></c></row></sheetData></worksheet>`,
        ),
      ],
      [
        'bad utf-8',
        await workbookWith(
          Buffer.concat([
            Buffer.from(sheetOf('<row r="1"><c t="inlineStr"><is><t>')),
            Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]),
            Buffer.from('</t></is></c></row>'),
          ]),
        ),
      ],
      [
        'bad utf-8 shared',
        await workbookWith(
          sheetOf('<row><c t="s"><v>0</v></c></row>'),
          Buffer.from([0x3c, 0x73, 0x73, 0x74, 0x3e, 0xc0, 0xaf, 0xed, 0xa0, 0x80]),
        ),
      ],
      ['huge column', await workbookWith(sheetOf('<row r="1"><c r="ZZZZZZ1"><v>1</v></c></row>'))],
      ['many rows', await workbookWith(sheetOf('<row/>'.repeat(300_000)))],
    ];
    const outcomes: Record<string, string> = {};
    for (const [name, bytes] of cases) outcomes[name] = await readAsUpload(bytes, `${name}.xlsx`);
    // a DOCTYPE is refused outright (Excel never writes one), so no entity is ever declared, let alone expanded
    expect(outcomes['billion laughs']).toBe('ledgers.file.unreadable');
    expect(outcomes['external entity']).toBe('ledgers.file.unreadable');
    expect(outcomes['huge column']).toBe('ledgers.file.unreadable');
  }, 120_000);

  it('random bytes as CSV or as a zip are read or refused as a file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 4096 }), fc.boolean(), async (bytes, zipped) => {
        const body = zipped ? Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), bytes]) : bytes;
        await readAsUpload(body, zipped ? 'x.xlsx' : 'x.csv');
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
