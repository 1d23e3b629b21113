// `npm run bench:import -- --readers`: the ledger reader (platform/ledgers/read: yauzl for the zip, saxes for the
// XML, with our limits, the merged-cell pass and the packed shared-string table on top) beside the bare yauzl + saxes
// reader it is built on, as the baseline: the same 200,000-row member workbook with every text in the shared string
// table, as Excel saves it. Each reads every row and resolves every cell to its text, in a process of its own (so
// each peak RSS is its own), and prints rows/s and peak RSS. The baseline holds the shared strings as a JS array
// of strings and streams the sheet once.
import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import { readXlsxRows } from '../packages/server/src/platform/ledgers/read/xlsx';

const MAX_INFLATED = 2 * 1024 ** 3;

/** Rows and cells read, by our reader. */
async function ours(path: string) {
  let rows = 0;
  let cells = 0;
  for await (const row of readXlsxRows(path, MAX_INFLATED)) {
    rows++;
    cells += row.cells.filter((c) => c != null && c !== '').length;
  }
  return { rows, cells };
}

const openZip = (path: string) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (e, z) => (e ? reject(e) : resolve(z))),
  );

/** The zip's entries by name. */
async function entriesOf(zip: yauzl.ZipFile) {
  const found = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      found.set(e.fileName, e);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return found;
}

const streamOf = (zip: yauzl.ZipFile, entry: yauzl.Entry) =>
  new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (e, s) => (e ? reject(e) : resolve(s))));

/** Feeds an entry's XML to a saxes parser, chunk by chunk. */
async function parse(stream: Readable, parser: SaxesParser) {
  stream.setEncoding('utf8');
  for await (const chunk of stream) parser.write(chunk as string);
  parser.close();
}

/** Rows and cells read by the baseline, bare yauzl + saxes: the shared strings into an array, then the sheet streamed. */
async function yauzlSaxes(path: string) {
  const zip = await openZip(path);
  const entries = await entriesOf(zip);
  const strings: string[] = [];
  const sst = entries.get('xl/sharedStrings.xml');
  if (sst) {
    const p = new SaxesParser();
    let current: string | null = null;
    let inText = false;
    p.on('opentag', (t) => {
      if (t.name === 'si') current = '';
      else if (t.name === 't') inText = true;
    });
    p.on('text', (x) => {
      if (inText && current !== null) current += x;
    });
    p.on('closetag', (t) => {
      if (t.name === 't') inText = false;
      else if (t.name === 'si') {
        strings.push(current ?? '');
        current = null;
      }
    });
    await parse(await streamOf(zip, sst), p);
  }
  const sheet = entries.get('xl/worksheets/sheet1.xml');
  if (!sheet) throw new Error('no sheet1');
  let rows = 0;
  let cells = 0;
  let row: string[] = [];
  let type = '';
  let value = '';
  let inValue = false;
  const p = new SaxesParser();
  p.on('opentag', (t) => {
    if (t.name === 'row') row = [];
    else if (t.name === 'c') {
      type = String(t.attributes.t ?? '');
      value = '';
    } else if (t.name === 'v' || t.name === 't') inValue = true;
  });
  p.on('text', (x) => {
    if (inValue) value += x;
  });
  p.on('closetag', (t) => {
    if (t.name === 'v' || t.name === 't') inValue = false;
    else if (t.name === 'c') row.push(type === 's' ? (strings[Number(value)] ?? '') : value);
    else if (t.name === 'row') {
      rows++;
      cells += row.filter((c) => c !== '').length;
    }
  });
  await parse(await streamOf(zip, sheet), p);
  zip.close();
  return { rows, cells };
}

/** In the child: one reader over the file, with its time and peak RSS. */
export async function readerChild(which: string, path: string) {
  let peak = process.memoryUsage().rss;
  const start = peak;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  const out = which === 'ours' ? await ours(path) : await yauzlSaxes(path);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  process.stdout.write(`${JSON.stringify({ ...out, seconds, peak, start })}\n`);
}

/** In the parent: each reader in a process of its own, ours first. */
export async function compareReaders(file: string, script: string) {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  const results: Record<string, { rows: number; cells: number; seconds: number; peak: number; start: number }> = {};
  for (const which of ['ours', 'yauzl+saxes']) {
    const child = spawn(process.execPath, [...process.execArgv, script], {
      env: { ...process.env, BENCH_READER: which, BENCH_READER_FILE: file },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let text = '';
    child.stdout.on('data', (d) => {
      text += d;
    });
    await new Promise((r) => child.on('exit', r));
    results[which] = JSON.parse(text.trim().split('\n').at(-1)!);
  }
  console.log('\nreaders over the same workbook (every row read and every cell resolved to its text):');
  for (const [which, r] of Object.entries(results))
    console.log(
      `  ${which.padEnd(12)} ${r.rows.toLocaleString()} rows, ${r.cells.toLocaleString()} cells in ${r.seconds.toFixed(1)} s (${Math.round(r.rows / r.seconds).toLocaleString()} rows/s); peak RSS ${mb(r.peak)} (+${mb(r.peak - r.start)})`,
    );
  const [a, b] = [results.ours, results['yauzl+saxes']];
  console.log(
    `  ours ÷ bare yauzl+saxes (the baseline): speed ${(b.seconds / a.seconds).toFixed(2)}, memory added ${((a.peak - a.start) / (b.peak - b.start)).toFixed(2)}`,
  );
}
