// The undo journal of a commit through a ledger's write() on PGlite. write() goes through the module's services
// (every table they touch, audit entries as they go), so no ledger-specific undo can be written for it the way
// applyStaged ledgers write theirs (apply.ts). Instead each slice's transaction names itself in the setting
// xiezuo.import_journal, and a row trigger on every table (migration import_journal) records what each row
// was, while audit entries wait in the journal for the commit's last transaction. undoApplied (apply.ts) undoes
// such a slice row by row, newest change first (xz_import_journal_undo). Other transactions leave the setting
// unset, and the trigger's WHEN clause keeps it from running at all for them.
import { sql } from 'drizzle-orm';
import type { Services } from '../context';
import type { Tx } from '../db/client';
import type { ApplySlice } from './stagedSpec';

/** The journal trigger on every table that lacks it (a table a later migration or a test made) — one catalogue read when none does. */
export async function attachJournal(services: Pick<Services, 'database'>): Promise<void> {
  await services.database.query('select xz_import_journal_attach()');
}

/** Inside a slice's transaction, before it writes: what it changes goes in the import's journal as this slice. */
export async function journalSlice(tx: Tx, slice: Pick<ApplySlice, 'importId' | 'index'>): Promise<void> {
  await tx.execute(sql`select set_config('xiezuo.import_journal', ${`${slice.importId}|${slice.index}`}, true)`);
}

/**
 * `fn` journaled as the slice, inside a staged apply's slice transaction (an applyStaged that writes part of
 * its rows through the module's services, as the household ledger's corrections): the setting is cleared
 * after, so the rest of the transaction — on PostgreSQL the whole apply is one — is not journaled twice.
 */
export async function journaled<T>(tx: Tx, slice: Pick<ApplySlice, 'importId' | 'index'>, fn: () => Promise<T>): Promise<T> {
  await journalSlice(tx, slice);
  const out = await fn();
  await tx.execute(sql`select set_config('xiezuo.import_journal', '', true)`);
  return out;
}

/**
 * A batch's rows cut into slices of about `size()` rows (asked again for each slice, as the commit adapts it to
 * the time slices take). With `groupOf`, the rows of a group (a household's members) stay in one slice, in the
 * order the group first appears, since write() sees a group whole.
 */
export function* cutInSlices<T>(batch: T[], size: () => number, groupOf?: (row: T) => string): Generator<T[]> {
  const units = groupOf ? grouped(batch, groupOf) : batch.map((r) => [r]);
  let slice: T[] = [];
  let limit = size();
  for (const unit of units) {
    slice.push(...unit);
    if (slice.length >= limit) {
      yield slice;
      slice = [];
      limit = size();
    }
  }
  if (slice.length) yield slice;
}

/** Rows by group, groups in the order they first appear (Map.groupBy is Node 21's). */
function grouped<T>(rows: T[], groupOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const k = groupOf(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.values()];
}
