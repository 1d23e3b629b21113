import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { detectEncoding, readRows } from './rows';

const dir = mkdtempSync(join(tmpdir(), 'xz-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const WORDS = ['户主', '配偶', '子女', '其他', '脱贫不稳定户', '边缘易致贫户'];

async function collect(path: string, kind: 'xlsx' | 'csv') {
  const out: unknown[][] = [];
  for await (const r of readRows(path, kind)) out.push(r.cells);
  return out;
}

describe('reading rows', () => {
  it('never splits a Chinese character across compressed chunks (inline and shared strings)', async () => {
    const expected = Array.from({ length: 6000 }, (_, i) => [`成员${i}`, WORDS[i % WORDS.length]]);
    const inline = join(dir, 'inline.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: createWriteStream(inline), useSharedStrings: false });
    const ws = writer.addWorksheet('s');
    for (const r of expected) ws.addRow(r).commit();
    ws.commit();
    await writer.commit();
    const shared = join(dir, 'shared.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRows(expected);
    await wb.xlsx.writeFile(shared);
    for (const path of [inline, shared]) {
      const rows = await collect(path, 'xlsx');
      expect(rows.filter((r) => JSON.stringify(r).includes('\ufffd'))).toEqual([]);
      expect(rows).toEqual(expected);
    }
  });

  it('tells GB18030 from UTF-8 even when the UTF-8 sample ends inside a character', async () => {
    const text = `姓名,备注\n${'张三,脱贫户\n'.repeat(5000)}`;
    const gbk = join(dir, 'gbk.csv');
    writeFileSync(gbk, iconv.encode(text, 'gbk'));
    const utf8 = join(dir, 'utf8.csv');
    writeFileSync(utf8, `x${text}`); // shifts the 64 KB sample boundary into a character
    expect(await detectEncoding(gbk)).toBe('gb18030');
    expect(await detectEncoding(utf8)).toBe('utf8');
    expect((await collect(gbk, 'csv'))[1]).toEqual(['张三', '脱贫户']);
  });
});
