// Commit (正式导入): the staged valid rows go in with the import's audit entry and status change, all or
// nothing — a failure anywhere leaves the database as it was. A ledger with `staged` or `applyStaged` has its
// rows copied to the staging table in short chunks first and applied set-based: on PostgreSQL in one
// transaction; on PGlite (which serves one statement at a time, so a long transaction makes every other
// request wait) in slices of short transactions with an undo journal (apply.ts). The others go through their
// write() batch by batch: on PostgreSQL inside one transaction; on PGlite in slices of short transactions too,
// journaled by a row trigger (journal.ts).
// Rows are re-classified at the commit (the data may have changed since the dry run), so unchanged rows are
// never written and re-importing the same file changes nothing.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import type { CommitMode } from '@xiezuo/shared/contracts/ledgers';
import { eq } from 'drizzle-orm';
import { writeAudit } from '../audit/service';
import type { Services } from '../context';
import type { Tx } from '../db/client';
import { AppError } from '../http/errors';
import { describeError } from '../logger';
import { applyHooks, dropJournal, flushJournalAudit, nextSlice, nextSliceSize, undoApplied, writeJournalAudit } from './apply';
import { differs, type StagedRow } from './dryRun';
import { attachJournal, cutInSlices, journalSlice } from './journal';
import { applyStagedTable, dropStaged, type StagedTableSpec, stageRows } from './staging';
import { type ImportRecord, type LineCodec, lineCodec, readBatches, updateImport } from './store';
import { ledgerImports } from './tables';
import { isStaged, type LedgerContext, type LedgerDefinition, type LedgerRow, naturalKeyOf } from './types';

export async function commitImport(
  services: Services,
  imp: ImportRecord,
  def: LedgerDefinition,
  ctx: LedgerContext,
  mode: CommitMode,
  dir: string,
) {
  const spec = def.staged?.(ctx);
  const staged = isStaged(def);
  const journaled = !staged && services.database.engine === 'pglite'; // write() in slices (journal.ts)
  const rowsFile = join(dir, 'rows.ndjson');
  const codec = lineCodec(services, def, 'rows');
  let result: { inserted: number; updated: number };
  try {
    if (staged) {
      await undoApplied(services, imp.id); // a journal an earlier attempt left (a crash the start did not see): undone first
      // stage in short chunks (others' queries run between them), then apply in slices (apply.ts)
      const total = await stageRows(services, imp.id, rowsFile, spec?.uniqueNaturalKey ? spec.auditKey : undefined, codec);
      result = await applyInSlices(services, imp, def, ctx, mode, spec, total);
    } else if (journaled) {
      await undoApplied(services, imp.id);
      result = await writeJournaled(services, imp, def, ctx, mode, rowsFile, codec);
    } else result = await services.db.transaction((tx) => writeInBatches(tx, imp, def, ctx, mode, rowsFile, codec));
  } catch (err) {
    // rolled back — on PGlite the slices applied are undone from their journal; the staged copy goes too
    // (rows.ndjson stays, so the commit can be retried)
    if (staged || journaled) await undoApplied(services, imp.id).catch((e) => console.error(describeError(e)));
    if (staged) await dropStaged(services, imp.id).catch((e) => console.error(describeError(e)));
    const e =
      err instanceof AppError
        ? err
        : isUniqueViolation(err)
          ? new AppError('CONFLICT', {}, [{ path: 'file', key: 'ledgers.file.changedMeanwhile' }])
          : new AppError('INTERNAL');
    if (!(err instanceof AppError) && !isUniqueViolation(err)) console.error(describeError(err));
    await updateImport(services, imp.id, { status: 'ready', error: { code: e.code, params: e.params, details: e.details } });
    return null;
  }
  // committed: what follows can fail without making the import look uncommitted
  await rm(rowsFile, { force: true }).catch((e) => console.error(describeError(e))); // the staged rows are spent; rejected rows stay for the error workbook until the folder expires
  if (result.inserted + result.updated >= 1000) {
    for (const table of def.tables ?? (spec ? [spec.table] : []))
      await services.database.query(`analyze "${table.replace(/"/g, '')}"`).catch((e) => console.error(describeError(e)));
  }
  return result;
}

/**
 * The staged rows applied slice by slice (apply.ts), then one last transaction: the audit entries, the
 * import's status, and the staging and journal rows dropped. On
 * PGlite each slice is a transaction of its own with other requests served between them; on PostgreSQL the
 * whole apply is one transaction.
 */
async function applyInSlices(
  services: Services,
  imp: ImportRecord,
  def: LedgerDefinition,
  ctx: LedgerContext,
  mode: CommitMode,
  spec: StagedTableSpec | undefined,
  total: number,
) {
  const max = services.config.ledgers.applySlice;
  const sliced = services.database.engine === 'pglite';
  const apply = async (outer: Tx | null) => {
    let inserted = 0;
    let updated = 0;
    let size = outer ? max : Math.min(max, 250);
    for (let slice = await nextSlice(services, imp.id, -1, size, 0, outer ?? undefined); slice; ) {
      const current = slice;
      const one = (tx: Tx) => (def.applyStaged ? def.applyStaged(tx, current, { ...ctx, tx }) : applyStagedTable(tx, current, spec!));
      const started = performance.now();
      const c = outer ? await one(outer) : await services.db.transaction(one);
      inserted += c.inserted;
      updated += c.updated;
      if (!outer) {
        size = nextSliceSize(size, performance.now() - started, max);
        await applyHooks.afterSlice?.(current);
        await yieldToOthers(); // let queued requests' queries in between two slices
      }
      slice = await nextSlice(services, imp.id, current.to, size, current.index + 1, outer ?? undefined);
    }
    const last = async (tx: Tx) => {
      await writeJournalAudit(tx, imp.id, ctx.actor, spec?.uniqueNaturalKey ? spec.entity : undefined);
      await finish(tx, imp, def, ctx, mode, { inserted, updated, unchanged: total - inserted - updated });
      if (outer) {
        await dropStaged(services, imp.id, tx);
        await dropJournal(services, imp.id, tx);
      }
    };
    if (outer) await last(outer);
    else {
      await services.db.transaction(last);
      // committed: the journal and the staged rows are spent — dropped after, in short statements (a journal
      // found at the next start is only dropped, never undone, once its import reads committed)
      await dropStaged(services, imp.id);
      await dropJournal(services, imp.id);
    }
    return { inserted, updated };
  };
  return sliced ? apply(null) : services.db.transaction((tx) => apply(tx));
}

/** Through the ledger's write(), batch by batch, inside the transaction (PostgreSQL: readers are not held by it). */
async function writeInBatches(
  tx: Tx,
  imp: ImportRecord,
  def: LedgerDefinition,
  ctx: LedgerContext,
  mode: CommitMode,
  rowsFile: string,
  codec?: LineCodec,
) {
  const c = { inserted: 0, updated: 0, unchanged: 0 };
  for await (const batch of readBatches<StagedRow>(rowsFile, def.batchSize ?? 1000, codec))
    addCounts(c, await writeBatch(tx, batch, def, ctx));
  await finish(tx, imp, def, ctx, mode, c);
  return c;
}

/**
 * Through the ledger's write() on PGlite, in slices of short transactions with other requests served between
 * them (journal.ts): each slice's changes and audit entries go in the undo journal by trigger; the last
 * transaction marks the import committed, and the held audit entries follow. A failure undoes the slices applied.
 */
async function writeJournaled(
  services: Services,
  imp: ImportRecord,
  def: LedgerDefinition,
  ctx: LedgerContext,
  mode: CommitMode,
  rowsFile: string,
  codec?: LineCodec,
) {
  await attachJournal(services);
  const c = { inserted: 0, updated: 0, unchanged: 0 };
  const batchSize = def.batchSize ?? 1000;
  const max = Math.min(batchSize, services.config.ledgers.applySlice);
  let size = Math.min(max, 10); // a write() may take milliseconds a row: start small, grow with the time slices take
  let index = 0;
  let n = 0;
  for await (const batch of readBatches<StagedRow>(rowsFile, batchSize, codec)) {
    for (const part of cutInSlices(batch, () => size, def.groupOf && ((b: StagedRow) => def.groupOf!(b.r)))) {
      const started = performance.now();
      const slice = { importId: imp.id, index, from: n, to: n + part.length - 1 };
      addCounts(
        c,
        await services.db.transaction(async (tx) => {
          await journalSlice(tx, slice);
          return writeBatch(tx, part, def, ctx);
        }),
      );
      size = nextSliceSize(size, performance.now() - started, max, 1);
      await applyHooks.afterSlice?.(slice);
      await yieldToOthers(); // let queued requests' queries in between two slices
      n += part.length;
      index++;
    }
  }
  await services.db.transaction((tx) => finish(tx, imp, def, ctx, mode, c));
  // committed: the audit entries the slices held back are written after, in short transactions (a start after
  // a crash finishes them), then the journal goes
  await flushJournalAudit(services, imp.id);
  await dropJournal(services, imp.id);
  return c;
}

const addCounts = (to: { inserted: number; updated: number; unchanged: number }, c: typeof to) => {
  to.inserted += c.inserted;
  to.updated += c.updated;
  to.unchanged += c.unchanged;
};

/** One batch through write(), in `tx`; rows re-classified against the data as it is now. */
async function writeBatch(tx: Tx, batch: StagedRow[], def: LedgerDefinition, ctx: LedgerContext) {
  const inTx = { ...ctx, tx }; // what write() calls with it joins the transaction (withTx)
  // new at the dry run + a unique index on the natural key: insert without looking again
  const known = def.uniqueNaturalKey ? batch.filter((b) => b.a === 'insert').map((b) => b.r) : [];
  const rows = def.uniqueNaturalKey ? batch.filter((b) => b.a !== 'insert').map((b) => b.r) : batch.map((b) => b.r);
  const existing = rows.length ? await def.findExisting(tx, rows, inTx) : new Map<string, LedgerRow>();
  const insert: LedgerRow[] = known;
  const update: { before: LedgerRow; after: LedgerRow }[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const before = existing.get(naturalKeyOf(def, row));
    if (!before) insert.push(row);
    else if (differs(before, row)) update.push({ before, after: { ...before, ...row } });
    else unchanged++;
  }
  if (insert.length || update.length) await def.write!(tx, { insert, update }, inTx);
  return { inserted: insert.length, updated: update.length, unchanged };
}

/** The import's own audit entry and status, in the commit's transaction. */
async function finish(
  tx: Tx,
  imp: ImportRecord,
  def: LedgerDefinition,
  ctx: LedgerContext,
  mode: CommitMode,
  c: { inserted: number; updated: number; unchanged: number },
) {
  await writeAudit(tx, ctx.actor, {
    action: 'import',
    entity: def.entity ?? def.key,
    entityId: imp.id,
    after: {
      file: imp.fileName,
      sha256: imp.sha256,
      mode,
      inserted: c.inserted,
      updated: c.updated,
      unchanged: c.unchanged,
      rejected: imp.rejected,
    },
  });
  await tx
    .update(ledgerImports)
    .set({
      status: 'committed',
      mode,
      inserted: c.inserted,
      updated: c.updated,
      unchanged: c.unchanged,
      committedAt: new Date(),
      updatedAt: new Date(),
      error: null,
    })
    .where(eq(ledgerImports.id, imp.id));
}

/** PostgreSQL's unique_violation (23505), as either driver reports it. */
function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code === '23505') return true;
  return false;
}
