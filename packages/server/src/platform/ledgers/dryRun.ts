// The dry run (试导入): read the staged upload row by row, parse every cell, run the ledger's own checks,
// find duplicates within the file, and classify valid rows as insert / update / unchanged against the
// database — without writing a single ledger row. Works in batches and yields between them, so the
// request path stays responsive while a 200,000-row file is checked.
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { parseCell, sameValue } from '@xiezuo/shared/ledgerValues/cell';
import { cleanText, headerKey, isNotDataLabel } from '@xiezuo/shared/ledgerValues/text';
import type { Services } from '../context';
import type { Tx } from '../db/client';
import { AppError } from '../http/errors';
import { describeError } from '../logger';
import { resolveDivisionNames } from './divisions';
import { findHeader, HEADER_SCAN_ROWS, type HeaderMatch, headerScore, isEnglishHeaderRow } from './header';
import { hasSampleMarker, sampleRowOf } from './layout';
import { ORIGINAL_FILE, ORIGINAL_MAX_BYTES } from './marked';
import { columnLetter, fileError, type Problem } from './problems';
import { countRows, readRows, type SheetRow } from './read/rows';
import type { FileKind } from './read/sniff';
import { ledgersOf } from './registry';
import { SeenKeys } from './seenKeys';
import { LineWriter, lineCodec, updateImport } from './store';
import {
  isMaskedCell,
  isStaged,
  type LedgerContext,
  type LedgerDefinition,
  type LedgerRow,
  naturalKeyOf,
  RECORD_KEY_HEADER,
} from './types';

export const KEPT_PROBLEMS = 500; // shown in the preview; the error workbook holds them all
/** Rows of CPU work (parsing, checking, encrypting) between two turns of the event loop for other requests. */
const YIELD_EVERY = 200;

export interface StagedRow {
  n: number; // row number in the file
  r: LedgerRow;
  a: 'insert' | 'update' | 'unchanged'; // as the dry run found it
}
export interface RejectedRow {
  n: number;
  cells: Record<string, unknown>; // as written, by column key
  problems: Problem[];
}

interface Counts {
  rowsRead: number;
  valid: number;
  rejected: number;
  skipped: number;
  toInsert: number;
  toUpdate: number;
  unchanged: number;
  problemCount: number;
}

export async function dryRun(
  services: Services,
  id: string,
  def: LedgerDefinition,
  ctx: LedgerContext,
  path: string,
  kind: FileKind,
  dir: string,
) {
  const counts: Counts = { rowsRead: 0, valid: 0, rejected: 0, skipped: 0, toInsert: 0, toUpdate: 0, unchanged: 0, problemCount: 0 };
  const problems: Problem[] = [];
  const staged = new LineWriter(join(dir, 'rows.ndjson'), lineCodec(services, def, 'rows'));
  const rejected = new LineWriter(join(dir, 'rejected.ndjson'), lineCodec(services, def, 'rejected'));
  const batchSize = def.batchSize ?? 1000;
  const maxRows = def.maxRows ?? services.config.ledgers.maxRows;
  let inFlight: Promise<void> | null = null;
  const seen = new SeenKeys(); // natural key → first row number, as binary: duplicates within the file
  try {
    // a file over the row limit is refused before anything else: its rows counted while it streams (no cell
    // parsed, nothing looked up), stopping at the limit — a 1,000,000-row file goes in seconds, not after
    // checking its first 300,000 rows. The title and header rows above the data are allowed for.
    const counted = await countRows(path, kind, maxRows + HEADER_SCAN_ROWS, services.config.ledgers.maxUncompressedBytes);
    if (counted.rows > maxRows + HEADER_SCAN_ROWS) throw fileError('tooManyRows', { max: maxRows, seen: counted.lastRow });
    // the ledger's sheet: the first whose opening rows hold its header (a 填表说明 sheet may come first)
    const choose = { rows: HEADER_SCAN_ROWS, fits: (rows: SheetRow[]) => isLedgerHeader(findHeader(def, rows)) };
    const it = readRows(path, kind, services.config.ledgers.maxUncompressedBytes, choose)[Symbol.asyncIterator]();
    const head: SheetRow[] = [];
    for (let r = await it.next(); !r.done; r = head.length < HEADER_SCAN_ROWS ? await it.next() : { done: true, value: undefined })
      head.push(r.value);
    const match = matchHeader(services, def, head);
    // an export's hidden 记录标识 column: which record each row is (LedgerDefinition.recordKey)
    const headerCells = head.find((r) => r.number === match.row)?.cells ?? [];
    match.recordIndex = def.recordKey ? headerCells.findIndex((c) => headerKey(c) === headerKey(RECORD_KEY_HEADER)) : -1;
    if (match.recordIndex >= 0) match.ignored = match.ignored.filter((h) => headerKey(h) !== headerKey(RECORD_KEY_HEADER));
    await updateImport(services, id, { columns: columnNotes(def, match) });

    const sample = parseSample(def, match);
    let batch: { n: number; row: LedgerRow; cells: Record<string, unknown>; problems: Problem[] }[] = [];
    let afterHeader = 0;

    // one batch is checked against the database while the next is read and parsed (PostgreSQL works
    // in its own process meanwhile); batches stay in file order
    const flush = async () => {
      const current = batch;
      batch = [];
      if (inFlight) await inFlight;
      inFlight = (async () => {
        await classifyBatch(services, def, ctx, current, seen, counts, problems, staged, rejected);
        await updateImport(services, id, { ...counts, problems: problems.map(storable) });
      })();
      inFlight.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
      await yieldToOthers();
    };

    const rows = async function* () {
      yield* head;
      for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
    };
    for await (const sheetRow of rows()) {
      if (sheetRow.number <= match.row) continue;
      afterHeader++;
      if (afterHeader === 1 && isEnglishHeaderRow(match, sheetRow)) continue;
      const texts = sheetRow.cells.filter((c) => cleanText(c) !== '');
      if (texts.length === 0) continue; // blank row
      // 合计 after a 序号 or a merged 所在村 copied down: a label among the first cells marks the row
      if (texts.slice(0, 3).some(isNotDataLabel)) {
        counts.skipped++;
        continue;
      }
      if (++counts.rowsRead > maxRows) throw fileError('tooManyRows', { max: maxRows, seen: sheetRow.number });
      const parsed = parseRow(match, sheetRow);
      if (
        sample &&
        counts.rowsRead === 1 &&
        parsed.problems.length === 0 &&
        hasSampleMarker(sheetRow.cells) &&
        sameRow(def, sample, parsed.row)
      ) {
        counts.skipped++; // the template's sample row
        counts.rowsRead--;
        continue;
      }
      batch.push(parsed);
      if (batch.length >= batchSize) await flush();
      else if (batch.length % YIELD_EVERY === 0) await yieldToOthers(); // parsing is CPU work: let requests in between
    }
    if (batch.length) await flush();
    if (inFlight) await inFlight;
    if (counts.rowsRead === 0) throw fileError('emptySheet');
    await staged.close();
    await rejected.close();
    await updateImport(services, id, { ...counts, problems: problems.map(storable), status: 'ready' });
  } catch (err) {
    await (inFlight as Promise<void> | null)?.catch(() => undefined);
    await staged.close().catch(() => undefined);
    await rejected.close().catch(() => undefined);
    // the readers turn whatever a file does wrong into a file error (read/rows.ts); anything else is the
    // server's fault (a query, a bug), and saying the user's file is damaged would send them the wrong way
    const e = err instanceof AppError ? err : new AppError('INTERNAL');
    if (!(err instanceof AppError)) console.error(describeError(err));
    await updateImport(services, id, { ...counts, status: 'failed', error: { code: e.code, params: e.params, details: e.details } });
    await rm(dir, { recursive: true, force: true });
  } finally {
    seen.release(); // its memory back now, not at V8's next full collection (the commit may come right after)
    // a workbook with problems is kept (small ones) to be handed back marked (marked.ts); otherwise it goes
    const keep =
      kind === 'xlsx' &&
      counts.rejected > 0 &&
      ((await stat(path).catch(() => null))?.size ?? Number.POSITIVE_INFINITY) <= ORIGINAL_MAX_BYTES;
    if (keep) await rename(path, join(dir, ORIGINAL_FILE)).catch(() => rm(path, { force: true }));
    else await rm(path, { force: true });
  }
}

function matchHeader(services: Services, def: LedgerDefinition, head: SheetRow[]): HeaderMatch {
  if (!head.some((r) => r.cells.some((c) => cleanText(c) !== ''))) throw fileError('emptySheet');
  const match = findHeader(def, head);
  if (match && isLedgerHeader(match)) return match;
  // the wrong ledger's template: name the ledger it does look like, when one fits
  const other = ledgersOf(services)
    .filter((d) => d.key !== def.key)
    .map((d) => ({ d, score: headerScore(d, head) }))
    .sort((a, b) => b.score - a.score)[0];
  const hint = other && other.score === 1 ? [{ path: 'file', key: 'ledgers.file.otherLedger', params: { other: other.d.title } }] : [];
  if (!match || match.columns.length < Math.min(2, def.columns.length)) throw fileError('noHeader', { ledger: def.title }, hint);
  throw fileError('missingColumns', { columns: match.missingRequired.map((c) => c.header).join('、') }, hint);
}

function isLedgerHeader(match: HeaderMatch | null): boolean {
  return !!match && match.missingRequired.length === 0 && match.columns.length > 0;
}

function parseRow(match: HeaderMatch, sheetRow: SheetRow) {
  const row: LedgerRow = {};
  const cells: Record<string, unknown> = {};
  const problems: Problem[] = [];
  const record = match.recordIndex != null && match.recordIndex >= 0 ? cleanText(sheetRow.cells[match.recordIndex]) : '';
  if (record) row.__record = record;
  for (const m of match.columns) {
    if (m.column.exportOnly) continue;
    const raw = sheetRow.cells[m.index] ?? null;
    // a masked cell of an exported record: unchanged (the stored value is filled in from the record)
    if (record && m.column.sensitive && isMaskedCell(raw)) {
      cells[m.column.key] = raw;
      row.__masked = true;
      continue;
    }
    cells[m.column.key] = raw instanceof Date ? raw.toISOString().slice(0, 10) : raw;
    const where = { row: sheetRow.number, col: columnLetter(m.index), header: m.written };
    if (raw && typeof raw === 'object' && 'error' in raw) {
      problems.push({ ...where, key: 'ledgers.value.cellError', params: { error: (raw as { error: string }).error } });
      continue;
    }
    const r = parseCell(m.column, raw, m.unit);
    const from = sheetRow.mergedFrom?.[m.index];
    if (r.ok) row[m.column.key] = r.value;
    // a merged cell is one cell: its problem is said at the merge's first row, the rows below refer to it
    else if (from != null && from !== sheetRow.number)
      problems.push({
        row: sheetRow.number,
        col: null,
        header: null,
        key: 'ledgers.value.mergedCell',
        params: { cell: `${where.col}${from}`, header: m.written },
      });
    else problems.push({ ...where, key: r.key, params: r.params });
  }
  return { n: sheetRow.number, row, cells, problems, match };
}

async function classifyBatch(
  services: Services,
  def: LedgerDefinition,
  ctx: LedgerContext,
  batch: (ReturnType<typeof parseRow> | { n: number; row: LedgerRow; cells: Record<string, unknown>; problems: Problem[] })[],
  seen: SeenKeys,
  counts: Counts,
  problems: Problem[],
  staged: LineWriter,
  rejected: LineWriter,
) {
  const valid: { n: number; row: LedgerRow }[] = [];
  const rejectedLines: string[] = [];
  const reject = (item: (typeof batch)[number], list: Problem[]) => {
    counts.rejected++;
    counts.problemCount += list.length;
    for (const p of list) if (problems.length < KEPT_PROBLEMS) problems.push(p);
    rejectedLines.push(JSON.stringify({ n: item.n, cells: item.cells, problems: list.map(storable) } satisfies RejectedRow));
  };
  const checked = await validateAll(def, ctx, batch);
  for (const [i, item] of batch.entries()) {
    let list = checked[i];
    if (list.length === 0) {
      const first = seen.firstOrAdd(naturalKeyOf(def, item.row), item.n); // kept for the whole import
      if (first !== undefined) list = [{ row: item.n, col: null, header: null, key: 'ledgers.value.duplicate', params: { row: first } }];
    }
    if (list.length) reject(item, list);
    else valid.push({ n: item.n, row: item.row });
  }
  if (valid.length) {
    const existing = await def.findExisting(
      services.db as unknown as Tx,
      valid.map((v) => v.row),
      ctx,
    );
    const sealed = !!(isStaged(def) && def.sealRow); // staged as the commit will write it (personal data encrypted)
    const lines: string[] = [];
    for (const [i, v] of valid.entries()) {
      // encryption is CPU work: let queued requests in every few hundred rows
      if (i > 0 && i % YIELD_EVERY === 0) await yieldToOthers();
      const before = existing.get(naturalKeyOf(def, v.row));
      const a = !before ? 'insert' : differs(before, v.row) ? 'update' : 'unchanged';
      if (a === 'insert') counts.toInsert++;
      else if (a === 'update') counts.toUpdate++;
      else counts.unchanged++;
      lines.push(JSON.stringify({ n: v.n, r: sealed ? def.sealRow!(v.row, before, ctx) : v.row, a } satisfies StagedRow));
    }
    counts.valid += valid.length;
    await staged.write(lines);
  }
  await rejected.write(rejectedLines);
}

/**
 * Each row's problems: its cells' (division names resolved a batch at a time), then the ledger's own checks
 * on the rows that parsed (per row, then per batch). Rows of a group (a household) stand or fall together:
 * a problem in one rejects the others, and the batch checks see whole groups only.
 */
async function validateAll(
  def: LedgerDefinition,
  ctx: LedgerContext,
  batch: { n: number; row: LedgerRow; problems: Problem[]; match?: HeaderMatch }[],
): Promise<Problem[][]> {
  const out = batch.map((item) => item.problems);
  await fillRecords(def, ctx, batch, out);
  const parsed = batch.flatMap((_item, i) => (out[i].length === 0 ? [i] : []));
  if (def.columns.some((c) => c.type === 'division') && parsed.length) {
    const found = await resolveDivisionNames(
      def.columns,
      parsed.map((i) => batch[i].row),
      ctx,
    );
    for (const [j, byKey] of found) {
      const i = parsed[j];
      out[i] = [...byKey].map(([key, p]) => detailToProblem(batch[i], { path: key, key: p.key, params: p.params }));
    }
  }
  for (const [i, item] of batch.entries()) {
    if (i > 0 && i % YIELD_EVERY === 0) await yieldToOthers();
    if (out[i].length) continue;
    def.prepare?.(item.row, ctx);
    if (def.validate) out[i] = def.validate(item.row, ctx).map((d) => detailToProblem(item, d));
  }
  rejectGroups(def, batch, out);
  const passed = batch.flatMap((_item, i) => (out[i].length === 0 ? [i] : []));
  if (def.validateBatch && passed.length) {
    const found = await def.validateBatch(
      passed.map((i) => batch[i].row),
      ctx,
    );
    passed.forEach((i, j) => {
      out[i] = (found[j] ?? []).map((d) => detailToProblem(batch[i], d));
    });
    rejectGroups(def, batch, out);
  }
  return out;
}

/**
 * Rows carrying an export's record key: the record must still be there, as it was exported (same version);
 * the cells the export masked take the stored values. The key itself is not part of the row.
 */
async function fillRecords(def: LedgerDefinition, ctx: LedgerContext, batch: { n: number; row: LedgerRow }[], out: Problem[][]) {
  const keyed = batch.flatMap((item, i) => (typeof item.row.__record === 'string' ? [i] : []));
  if (!def.recordKey || !keyed.length) return;
  const keyOf = (i: number) => {
    const s = batch[i].row.__record as string;
    const at = s.lastIndexOf(':');
    return { id: s.slice(0, at), version: s.slice(at + 1) };
  };
  const found = await def.recordKey.find(ctx.services.db as unknown as Tx, [...new Set(keyed.map((i) => keyOf(i).id))], ctx);
  for (const i of keyed) {
    const { id, version } = keyOf(i);
    const row = batch[i].row;
    const masked = row.__masked === true;
    delete row.__record;
    delete row.__masked;
    if (!masked) continue; // every cell written out: the row stands for itself (matched by its natural key)
    const stored = found.get(id);
    const problem = (key: string) => out[i].push({ row: batch[i].n, col: null, header: null, key });
    // a masked cell stands for the value as exported: only meaningful while the record is as it was
    if (!stored) problem('ledgers.value.recordGone');
    else if (stored.version !== version) problem('ledgers.value.recordChanged');
    else for (const c of def.columns) if (c.sensitive && !(c.key in row) && stored.row[c.key] !== undefined) row[c.key] = stored.row[c.key];
  }
}

/** Rows of a group with a problem elsewhere in it get a problem saying so (the rows that have one keep theirs). */
function rejectGroups(def: LedgerDefinition, batch: { n: number; row: LedgerRow }[], out: Problem[][]) {
  if (!def.groupOf) return;
  const groupOf = def.groupOf;
  const keys = batch.map((item) => groupOf(item.row));
  const failed = new Map<string, number[]>();
  batch.forEach((item, i) => {
    if (!out[i].length || out[i].every((p) => p.key === 'ledgers.value.groupRejected')) return;
    if (!failed.has(keys[i])) failed.set(keys[i], []);
    failed.get(keys[i])!.push(item.n);
  });
  batch.forEach((item, i) => {
    const rows = failed.get(keys[i]);
    if (rows && !out[i].length)
      out[i] = [{ row: item.n, col: null, header: null, key: 'ledgers.value.groupRejected', params: { rows: rows.join('、') } }];
  });
}

/**
 * How the file's columns were matched, as stored with the import: the columns read, then the file's columns
 * the ledger does not use (key null) and the ledger's columns the file lacks (col null; `default` when a new
 * record gets a value for it) — the dry run says all of them before the user commits.
 */
function columnNotes(def: LedgerDefinition, match: HeaderMatch) {
  const used = new Set(match.columns.map((c) => c.column.key));
  return [
    ...match.columns.map((c) => ({ col: columnLetter(c.index), written: c.written, key: c.column.key, unit: c.unit ?? null })),
    ...match.ignored.map((written) => ({ col: '', written, key: null })),
    ...def.columns
      .filter((c) => !used.has(c.key) && !c.exportOnly)
      .map((c) => ({
        col: null,
        written: c.header,
        key: c.key,
        ...(c.whenMissing !== undefined ? { default: labelOf(c, c.whenMissing) } : {}),
      })),
  ];
}

const labelOf = (c: LedgerDefinition['columns'][number], v: unknown) => c.options?.find((o) => o.value === v)?.label ?? String(v);

function detailToProblem(
  item: { n: number; problems: Problem[] } & { match?: HeaderMatch },
  d: { path: string; key?: string; params?: Record<string, unknown>; message?: string },
): Problem {
  const m = item.match?.columns.find((c) => c.column.key === d.path.replace(/^(body\.|row\.)/, ''));
  return {
    row: item.n,
    col: m ? columnLetter(m.index) : null,
    header: m ? m.written : null,
    key: d.key,
    params: d.params,
    message: d.message,
  };
}

/** A row differs from the stored record when any column the file provides has another value. */
export function differs(before: LedgerRow, after: LedgerRow): boolean {
  return Object.keys(after).some((k) => !sameValue(before[k], after[k]));
}

function parseSample(def: LedgerDefinition, match: HeaderMatch): LedgerRow | null {
  const sample = sampleRowOf(def);
  if (!def.columns.some((c) => c.example != null)) return null;
  const row: LedgerRow = {};
  for (const m of match.columns) {
    const r = parseCell({ ...m.column, required: false }, sample[m.column.key]);
    row[m.column.key] = r.ok ? r.value : null;
  }
  return row;
}

function sameRow(def: LedgerDefinition, a: LedgerRow, b: LedgerRow): boolean {
  return def.columns.every((c) => !(c.key in b) || sameValue(a[c.key], b[c.key]));
}

function storable(p: Problem): Problem {
  return { row: p.row, col: p.col, header: p.header, key: p.key, params: p.params, message: p.message };
}
