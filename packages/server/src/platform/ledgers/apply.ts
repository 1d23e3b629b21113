// Applying a staged commit (commit.ts) without freezing the app. PGlite serves one statement at a time and a
// transaction holds every other request for its whole length: a 10,000-household commit in one transaction
// kept /api/health waiting 3.6 s. So on PGlite the staged rows are applied in slices of LEDGER_APPLY_SLICE rows
// (default 1000), each slice one short transaction, other requests served in between; the last transaction
// writes the audit entries and marks the import committed. All or nothing still holds for the outcome: each
// slice records in ledger_import_undo what it changed (the rows it inserted; the rows it updated, as they
// were), and a commit that fails — or a server that dies mid-apply (undoInterrupted, at the next start) —
// undoes the slices applied, newest first, from that journal. Readers may see a commit half applied while it
// runs; they never see one half applied after it ended. On PostgreSQL the slices run in one transaction
// (readers there are not held by a writer), and the journal only lives inside it.
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor, Services } from '../context';
import type { Tx } from '../db/client';
import { describeError } from '../logger';
import type { ApplySlice } from './stagedSpec';

export type { ApplySlice } from './stagedSpec';

/** For tests: called after each slice's transaction has committed (a test may stop there as a crash would). */
export const applyHooks: { afterSlice?: (slice: ApplySlice) => Promise<void> | void } = {};

export const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/**
 * The next slice of the import's staged rows after row `after`: up to `size` rows in file order (a range of the
 * row number n). Read through `tx` when the apply runs in one transaction (PostgreSQL: no second connection).
 */
export async function nextSlice(
  services: Pick<Services, 'db'>,
  importId: string,
  after: number,
  size: number,
  index: number,
  tx?: Tx,
): Promise<ApplySlice | null> {
  const [r] = (
    await (tx ?? services.db).execute(sql`select min(n)::int as first, max(n)::int as last, count(*)::int as k
      from (select n from ledger_import_rows where import_id = ${importId} and n > ${after}::int order by n limit ${size}::int) x`)
  ).rows as { first: number; last: number; k: number }[];
  return r && Number(r.k) ? { importId, index, from: Number(r.first), to: Number(r.last) } : null;
}

/**
 * How long one slice's transaction should hold the others (PGlite): the slice size follows the time the last
 * one took, between `least` rows (a few dozen for set-based applies; one for a write() that goes row by row
 * through a service) and LEDGER_APPLY_SLICE — on a loaded machine slices get smaller.
 */
export const SLICE_TARGET_MS = 250;
export function nextSliceSize(size: number, tookMs: number, max: number, least = 50): number {
  const wanted = Math.round((size * SLICE_TARGET_MS) / Math.max(tookMs, 1));
  return Math.max(Math.min(least, max), Math.min(max, wanted, size * 2));
}

/** The staged rows of a slice, over alias `s`. */
export const inSlice = (slice: ApplySlice) => sql`s.import_id = ${slice.importId} and s.n between ${slice.from}::int and ${slice.to}::int`;

/** Journal columns of one entry: (import_id, slice, ord, tbl, …). `ord` orders the undo within the slice (highest first). */
export const journalHead = (slice: ApplySlice, ord: number, table: string) =>
  sql`${slice.importId}::text, ${slice.index}::int, ${ord}::int, ${table}::text`;

/**
 * An audit entry the commit writes in its last transaction (the log is append-only: a slice undone must leave
 * no entry behind). `entry` is SQL giving jsonb {action, entity, entityId, before, after}.
 */
export const journalAudit = (slice: ApplySlice, entry: SQL) => sql`${journalHead(slice, 0, 'audit_log')}, ${entry}`;

/** In the commit's last transaction: the audit entries the slices prepared — updates first, then creations, each in order. */
export async function writeJournalAudit(tx: Tx, importId: string, actor: Actor, createdWhileStaging?: string) {
  const insert = (where: SQL) =>
    tx.execute(sql`
      insert into audit_log (actor_id, actor_name, ip, action, entity, entity_id, before, after)
      select ${actor.id}::int, ${actor.name}::text, ${actor.ip}::text, audit->>'action', audit->>'entity', audit->>'entityId',
        nullif(audit->'before', 'null'::jsonb), nullif(audit->'after', 'null'::jsonb)
      from ledger_import_undo where import_id = ${importId} and tbl = 'audit_log' and ${where} order by seq`);
  await insert(sql`audit->>'action' = 'update'`);
  // the 'create' entries of rows new at the dry run, prepared while staging (stageRows)
  if (createdWhileStaging)
    await tx.execute(sql`
      insert into audit_log (actor_id, actor_name, ip, action, entity, entity_id, before, after)
      select ${actor.id}::int, ${actor.name}::text, ${actor.ip}::text, 'create', ${createdWhileStaging}::text, null, null, after
      from ledger_import_audit where import_id = ${importId} order by seq`);
  await insert(sql`audit->>'action' <> 'update'`);
  // written: gone from the journal in the same transaction (a start after a crash finds none to write again)
  await tx.execute(sql`delete from ledger_import_undo where import_id = ${importId} and tbl = 'audit_log'`);
}

/**
 * The audit entries a journaled commit (journal.ts) held back, written to the log after the commit marked the
 * import committed — 200 at a time, each batch moved out of the journal in the same transaction, so
 * a 100,000-row import does not hold the others for one long insert, and a start after a crash finishes it.
 */
export async function flushJournalAudit(services: Pick<Services, 'database'>, importId: string) {
  for (;;) {
    const [{ n }] = await services.database.query<{ n: number }>(
      `with moved as (
         delete from ledger_import_undo where seq in (
           select seq from ledger_import_undo where import_id = $1 and tbl = 'audit_log' and audit ? 'actorName' order by seq limit 200)
         returning seq, audit),
       written as (
         insert into audit_log (actor_id, actor_name, ip, action, entity, entity_id, before, after)
         select (audit->>'actorId')::int, audit->>'actorName', audit->>'ip', audit->>'action', audit->>'entity', audit->>'entityId',
           nullif(audit->'before', 'null'::jsonb), nullif(audit->'after', 'null'::jsonb)
         from moved order by seq returning 1)
       select count(*)::int as n from written`,
      [importId],
    );
    if (Number(n) < 200) return;
    await yieldToOthers();
  }
}

/** The import's journal dropped: inside the commit's transaction, or after it in statements of a few thousand rows. */
export async function dropJournal(services: Pick<Services, 'database'>, importId: string, tx?: Tx) {
  if (tx) {
    await tx.execute(sql`delete from ledger_import_undo where import_id = ${importId}`);
    return;
  }
  for (;;) {
    const gone = await services.database.query(
      'delete from ledger_import_undo where seq in (select seq from ledger_import_undo where import_id = $1 limit 2000) returning 1',
      [importId],
    );
    if (gone.length < 2000) return;
    await yieldToOthers();
  }
}

/**
 * Undoes the slices of an import that were applied (its journal), newest first, each slice in a short
 * transaction of its own that also removes its journal entries — so an undo cut short by a crash is taken up
 * again at the next start. Returns how many slices were undone.
 */
export async function undoApplied(services: Pick<Services, 'db' | 'database'>, importId: string): Promise<number> {
  // a journal outliving its commit (the server stopped while dropping it) is spent, never undone
  const [imp] = await services.database.query<{ status: string }>('select status from ledger_imports where id = $1', [importId]);
  if (imp?.status === 'committed') {
    await flushJournalAudit(services, importId); // what a journaled commit had not written yet
    await dropJournal(services, importId);
    return 0;
  }
  const slices = await services.database.query<{ slice: number }>(
    'select distinct slice from ledger_import_undo where import_id = $1 order by slice desc',
    [importId],
  );
  for (const { slice } of slices) {
    await services.db.transaction(async (tx) => {
      const parts = (
        await tx.execute(sql`select tbl, ord from ledger_import_undo where import_id = ${importId} and slice = ${slice}::int
          and tbl <> 'audit_log' and op is null group by tbl, ord order by ord desc`)
      ).rows as { tbl: string; ord: number }[];
      for (const { tbl, ord } of parts) {
        const table = ident(tbl);
        const here = sql`u.import_id = ${importId} and u.slice = ${slice}::int and u.ord = ${ord}::int and u.tbl = ${tbl}::text`;
        await tx.execute(sql`delete from ${table} t using ledger_import_undo u where ${here} and u.before is null and t.id = u.row_id`);
        // updated rows get back every column as it was (the whole row was kept)
        const cols = (
          (
            await tx.execute(sql`select attname::text as name from pg_attribute where attrelid = ${tbl}::regclass and attnum > 0
            and not attisdropped and attgenerated = '' and attname <> 'id' order by attnum`)
          ).rows as { name: string }[]
        ).map((r) => r.name);
        if (cols.length)
          await tx.execute(sql`
            update ${table} t set ${sql.join(
              cols.map((c: string) => sql`${ident(c)} = b.${ident(c)}`),
              sql`, `,
            )}
            from (select u.row_id as undo_row_id, r.* from ledger_import_undo u, jsonb_populate_record(null::${table}, u.before) r
                  where ${here} and u.before is not null) b
            where t.id = b.undo_row_id`);
      }
      // a slice of a commit through write(), journaled by trigger (journal.ts): row by row, newest first
      await tx.execute(sql`select xz_import_journal_undo(${importId}, ${slice}::int)`);
      await tx.execute(sql`delete from ledger_import_undo where import_id = ${importId} and slice = ${slice}::int`);
    });
    await yieldToOthers();
  }
  return slices.length;
}

/** At start: the commits a stopped server left half applied are undone (their imports then read 'ready' again). */
export async function undoInterrupted(services: Pick<Services, 'db' | 'database'>): Promise<string[]> {
  const ids = (await services.database.query<{ id: string }>('select distinct import_id as id from ledger_import_undo')).map((r) => r.id);
  // one that cannot be undone (a row it inserted has since been referenced) is left for an operator, and the
  // server still starts: said in the log, its journal kept
  for (const id of ids) await undoApplied(services, id).catch((e) => console.error(`ledger import ${id}: undo failed`, describeError(e)));
  return ids;
}
