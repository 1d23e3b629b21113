import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors';
import { MergeScanner } from './merges';
import { readRows, type SheetRow } from './rows';

const dir = mkdtempSync(join(tmpdir(), 'xz-merges-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(path: string, budget?: number): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of readRows(path, 'xlsx', budget)) out.push(r);
  return out;
}

/** The reason key of a file error, or the error itself when it is something else. */
async function fileErrorOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
    return 'no error';
  } catch (err) {
    return err instanceof AppError ? err.details[0]?.key : err;
  }
}

/** A workbook written by hand (so its sheet XML is exactly as given), optionally lying about the sheet's size. */
async function handMade(name: string, sheetXml: string, lie = false): Promise<string> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('xl/workbook.xml', '<workbook><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>');
  zip.file('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>');
  zip.file('xl/worksheets/sheet1.xml', sheetXml);
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  if (lie) {
    for (let p = bytes.indexOf('xl/worksheets/sheet1.xml'); p >= 0; p = bytes.indexOf('xl/worksheets/sheet1.xml', p + 1)) {
      const central = bytes.readUInt32LE(p - 46) === 0x02014b50;
      bytes.writeUInt32LE(1024, central ? p - 46 + 24 : p - 30 + 22);
    }
  }
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const inlineRow = (r: number, values: Record<string, string>) =>
  `<row r="${r}">${Object.entries(values)
    .map(([col, v]) => `<c r="${col}${r}" t="inlineStr"><is><t>${v}</t></is></c>`)
    .join('')}</row>`;

describe('merged cells', () => {
  it('a vertical merge gives its value to every row below; a title merge stays in its first cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.getCell('A1').value = '2025年家庭成员台账';
    ws.mergeCells('A1:J1'); // title: one row
    ws.getCell('F2').value = '家庭信息';
    ws.mergeCells('F2:H2'); // grouped header: one row
    ws.addRow(['户主身份证号', '姓名', '所在村', '', '与户主关系']); // row 3 is the header (C3:D3 below)
    ws.mergeCells('C3:D3');
    const head = '441426199001011234';
    const members = [
      [head, '张三', '新村', null, '户主'],
      [null, '李四', null, null, '配偶'],
      [null, '张小', null, null, '子女'],
      [null, '张丽', null, null, '子女'],
      ['441426198002021235', '王五', null, null, '户主'],
      [null, '赵六', null, null, '配偶'],
    ];
    ws.addRows(members); // rows 4–9
    ws.mergeCells('A4:A7'); // the household's head ID over its 4 members
    ws.mergeCells('A8:A9');
    ws.mergeCells('C4:D9'); // the village, two columns wide, over both households
    const path = join(dir, 'household.xlsx');
    await wb.xlsx.writeFile(path);
    const rows = await read(path);
    const byNumber = new Map(rows.map((r) => [r.number, r.cells]));
    expect(byNumber.get(1)?.[0]).toBe('2025年家庭成员台账');
    expect(
      byNumber
        .get(1)
        ?.slice(1)
        .every((c) => c == null),
    ).toBe(true);
    expect(byNumber.get(2)?.[5]).toBe('家庭信息');
    expect(
      byNumber
        .get(2)
        ?.slice(6)
        .every((c) => c == null),
    ).toBe(true);
    expect(byNumber.get(3)?.[3] ?? null).toBe(null); // the header's own horizontal merge
    expect([4, 5, 6, 7].map((n) => byNumber.get(n)?.[0])).toEqual([head, head, head, head]);
    expect([8, 9].map((n) => byNumber.get(n)?.[0])).toEqual(['441426198002021235', '441426198002021235']);
    expect(byNumber.get(4)?.slice(2, 4)).toEqual(['新村', null]); // the range's first row: top-left only
    for (const n of [5, 6, 7, 8, 9]) expect(byNumber.get(n)?.slice(1, 5)).toEqual([members[n - 4][1], '新村', '新村', members[n - 4][4]]);
  });

  it('a merge reaching beyond the last row, a merge of empty cells, a merge where no row is', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRows([['姓名', '村'], ['张三', '新村'], ['李四'], ['王五']]);
    ws.mergeCells('B2:B100');
    ws.mergeCells('C1:C3'); // no value anywhere
    ws.mergeCells('D200:E300'); // no row there
    const path = join(dir, 'beyond.xlsx');
    await wb.xlsx.writeFile(path);
    const rows = await read(path);
    expect(rows.filter((r) => r.number <= 4).map((r) => [r.cells[0], r.cells[1] ?? null, r.cells[2] ?? null])).toEqual([
      ['姓名', '村', null],
      ['张三', '新村', null],
      ['李四', '新村', null],
      ['王五', '新村', null],
    ]);
    expect(rows.every((r) => r.cells.every((c) => c !== undefined))).toBe(true);
    // the formatted rows Excel writes under the merge have nothing of their own: they stay blank
    expect(rows.filter((r) => r.number > 4 && r.cells.some((c) => c != null))).toEqual([]);
  });

  it('a hand-written sheet: prefixed tags, rows missing inside a range, a range wider than the row', async () => {
    const sheet =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>mergeCells &lt;mergeCells ref="A1:A9"&gt;</x:t></x:is></x:c></x:row>' +
      '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>户主</x:t></x:is></x:c></x:row>' +
      '<x:row r="5"><x:c r="B5"><x:v>1</x:v></x:c></x:row>' +
      '</x:sheetData><x:mergeCells count="2"><x:mergeCell ref="A2:C6"/><x:mergeCell ref="A1:E1"/></x:mergeCells></x:worksheet>';
    const rows = await read(await handMade('prefixed.xlsx', sheet));
    expect(rows.map((r) => [r.number, r.cells])).toEqual([
      [1, ['mergeCells <mergeCells ref="A1:A9">']],
      [2, ['户主']],
      [5, ['户主', '户主', '户主']],
    ]);
  });

  it('merges found whole across inflate chunks (a mergeCells section larger than a chunk)', async () => {
    const rows: string[] = [];
    const merges: string[] = [];
    for (let r = 1; r <= 80_000; r += 2) {
      rows.push(inlineRow(r, { A: `户${r}`, B: '成员' }), `<row r="${r + 1}"><c r="B${r + 1}"><v>${r}</v></c></row>`);
      merges.push(`<mergeCell ref="A${r}:A${r + 1}"/>`);
    }
    const section = `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>`;
    expect(section.length).toBeGreaterThan(1024 * 1024); // the first pass reads 1 MB chunks
    const path = await handMade('many.xlsx', `<worksheet><sheetData>${rows.join('')}</sheetData>${section}</worksheet>`);
    const read80k = await read(path);
    expect(read80k).toHaveLength(80_000);
    expect(read80k.filter((r) => r.cells[0] !== `户${r.number - ((r.number + 1) % 2)}`)).toEqual([]);
  });

  it('the scanner finds the merges however the bytes are cut', () => {
    const xml = Buffer.from(
      '<?xml version="1.0"?><worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>合并单元格 mergeCells</t></is></c></row></sheetData>' +
        '<mergeCells count="3"><mergeCell ref="A3:A6"/><mergeCell ref="B1:J1"/><x:mergeCell ref="C3:D10"></x:mergeCell></mergeCells>' +
        '<mergeCell ref="E1:E9"/><pageMargins left="0.7"/></worksheet>',
    );
    const expected = { count: 2, r1: [3, 3], c1: [0, 2], r2: [6, 10], c2: [0, 3] };
    const result = (chunks: Buffer[]) => {
      const s = new MergeScanner();
      for (const c of chunks) if (s.feed(c)) break;
      const m = s.merges();
      return m && { count: m.count, r1: [...m.r1], c1: [...m.c1], r2: [...m.r2], c2: [...m.c2] };
    };
    expect(result([xml])).toEqual(expected);
    for (let i = 0; i <= xml.length; i++) expect(result([xml.subarray(0, i), xml.subarray(i)])).toEqual(expected);
    expect(result([...xml].map((b) => Buffer.from([b])))).toEqual(expected); // one byte at a time
    for (const size of [7, 63, 64, 65, 100]) {
      const chunks = Array.from({ length: Math.ceil(xml.length / size) }, (_, k) => xml.subarray(k * size, (k + 1) * size));
      expect(result(chunks)).toEqual(expected); // seams between chunks shorter and longer than the carry
    }
    const prefixed = Buffer.from('<x:sheetData/><x:mergeCells><x:mergeCell ref="B2:B3"/></x:mergeCells>');
    for (let i = 0; i <= prefixed.length; i++) {
      expect(result([prefixed.subarray(0, i), prefixed.subarray(i)])).toEqual({ count: 1, r1: [2], c1: [1], r2: [3], c2: [1] });
    }
    expect(result([Buffer.from('<worksheet><sheetData/><mergeCells count="1"><mergeCell ref="A1:J1"/></mergeCells></worksheet>')])).toBe(
      null,
    );
    expect(result([Buffer.from('<worksheet><sheetData/></worksheet>')])).toBe(null);
  });

  it('the zip-bomb budget still stops a lying zip, in the first pass, before any row', async () => {
    const body =
      inlineRow(1, { A: '姓名', B: '身份证号' }) +
      Array.from({ length: 50_000 }, (_, i) => inlineRow(i + 2, { A: '某', B: '441426199001011234' })).join('');
    const path = await handMade(
      'liar.xlsx',
      `<worksheet><sheetData>${body}</sheetData><mergeCells><mergeCell ref="A2:A9"/></mergeCells></worksheet>`,
      true,
    );
    const seen: number[] = [];
    const reading = (async () => {
      for await (const r of readRows(path, 'xlsx', 1024 * 1024)) seen.push(r.number);
    })();
    expect(await fileErrorOf(reading)).toBe('ledgers.file.zipBomb');
    expect(seen).toEqual([]);
  });

  it('each pass has the whole budget: a sheet just under the limit reads, merges and all', async () => {
    const body = Array.from({ length: 20_000 }, (_, i) => inlineRow(i + 1, { A: i % 2 ? '' : `户${i}`, B: '成员' })).join('');
    const sheet = `<worksheet><sheetData>${body}</sheetData><mergeCells><mergeCell ref="A1:A2"/></mergeCells></worksheet>`;
    const path = await handMade('tight.xlsx', sheet);
    const limit = Buffer.byteLength(sheet) + 1024; // the small entries fit in the rest
    const rows = await read(path, limit);
    expect(rows[1].cells[0]).toBe('户0');
    expect(await fileErrorOf(read(path, Buffer.byteLength(sheet) - 1))).toBe('ledgers.file.zipBomb');
  });

  it('copied-down cells count against the budget: a huge merge over tiny rows is refused', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => `<row r="${i + 2}"><c><v>1</v></c></row>`).join('');
    const sheet = `<worksheet><sheetData>${inlineRow(1, { A: '某' })}${rows}</sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>`;
    const path = await handMade('amplifier.xlsx', sheet);
    expect(await fileErrorOf(read(path, 10 * 1024 * 1024))).toBe('ledgers.file.zipBomb');
  });
});
