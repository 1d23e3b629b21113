// Test helpers: upload a file as the browser does (multipart), wait for the background job, build sheets.
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { TestClient } from '../../../testing/app';
import { type ApplySlice, applyHooks } from '../apply';

export function multipart(fileName: string, content: Buffer) {
  const boundary = `----xz${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export async function upload(c: TestClient, key: string, fileName: string, content: Buffer) {
  const { body, headers } = multipart(fileName, content);
  return c.request('POST', `/api/ledgers/${key}/imports`, body, headers);
}

/** Polls the import until its background job is done. */
export async function waitFor(c: TestClient, id: string, until: string[] = ['ready', 'failed', 'committed']) {
  for (let i = 0; i < 2000; i++) {
    const s = (await c.get(`/api/ledgers/imports/${id}`)).json();
    if (until.includes(s.status)) return s;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('import did not finish');
}

/**
 * Commits the import and "stops the process" after slice `index`: nothing after that point runs until `release()`,
 * and then the commit fails as a killed process's would (the test starts a second app on the database meanwhile,
 * as `npm start` after a crash). Resolves once stopped, or at once when the commit is not accepted.
 */
export async function commitStoppedAfterSlice(c: TestClient, id: string, index: number, applied: ApplySlice[] = []) {
  let unblock: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    applyHooks.afterSlice = async (s) => {
      applied.push(s);
      if (s.index < index) return;
      resolve();
      await new Promise<void>((r) => {
        unblock = r;
      });
      throw new Error('the process was killed here');
    };
  });
  const res = await c.post(`/api/ledgers/imports/${id}/commit`, { mode: 'all-or-nothing' });
  if (res.statusCode === 202) await stopped;
  /** The stopped process gone for good: its job fails (finding nothing left to undo); returns the import then. */
  const release = async () => {
    applyHooks.afterSlice = undefined;
    unblock();
    for (let i = 0; i < 500 && (await c.get(`/api/ledgers/imports/${id}`)).json().error?.code !== 'INTERNAL'; i++)
      await new Promise((r) => setTimeout(r, 20));
    return (await c.get(`/api/ledgers/imports/${id}`)).json();
  };
  return { res, release };
}

export async function uploadAndCheck(c: TestClient, key: string, fileName: string, content: Buffer) {
  const res = await upload(c, key, fileName, content);
  if (res.statusCode !== 202) return { res, status: null };
  return { res, status: await waitFor(c, res.json().id) };
}

export async function commitAndWait(c: TestClient, id: string, mode: 'all-or-nothing' | 'valid-rows') {
  const res = await c.post(`/api/ledgers/imports/${id}/commit`, { mode });
  if (res.statusCode !== 202) return { res, status: null };
  return { res, status: await waitFor(c, id, ['committed', 'ready']) };
}

/** An .xlsx made with exceljs from rows of cell values (row 1 first). */
export async function xlsx(rows: unknown[][], setup?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  setup?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The rows of the first sheet of an .xlsx buffer, as plain values. */
export async function readSheet(buf: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  const ws = wb.worksheets[0];
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = (row.values as unknown[]).slice(1);
  });
  return out;
}
