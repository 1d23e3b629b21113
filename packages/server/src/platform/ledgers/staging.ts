// The staging table for commits: a ledger that can apply its rows set-based (`staged`) has them
// copied from rows.ndjson into ledger_import_rows first, in short statements of a thousand rows
// each, with the event loop yielded between them — on PGlite, which serves one statement at a time,
// other requests' queries run in between. Then they are applied to the target table with
// `insert … select` / `update … from`, a slice at a time (apply.ts: one transaction on PostgreSQL,
// short ones with an undo journal on PGlite), and deleted: staged rows are not ledger data, and are
// deleted whether the apply succeeds or fails.
//
// Both staging tables are declared in tables.ts (unlogged: scratch space — the undo journal, which is
// logged, is what a restart needs after a crash mid-apply).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { type SQL, sql } from 'drizzle-orm';
import { redact } from '../audit/service';
import type { Services } from '../context';
import type { Tx } from '../db/client';
import { AppError } from '../http/errors';
import { ident, inSlice, journalAudit, journalHead } from './apply';
import type { StagedRow } from './dryRun';
import type { LineCodec } from './store';

// Each chunk travels as one JSON text of ~1.4 MB (UTF-16 once a name is Chinese): small enough for V8 to
// collect young. At 5,000 rows the 7 MB texts went straight to the old generation and the heap grew by
// ~40 MB during a 200,000-row commit; at 1,000 it grows by ~10 MB, as fast.
const STAGE_CHUNK = 1000;

/**
 * Copies the staged rows (rows.ndjson) into ledger_import_rows in short statements; returns how many.
 * The lines go to the database as they are (one JSON array parameter per chunk), never parsed here.
 * With `auditKey` (when the table enforces the natural key), the 'create' audit entries of the rows the
 * dry run found new are prepared here too, chunk by chunk, in ledger_import_audit (up to 1000 keys each):
 * those rows are inserted for sure or the commit fails, and aggregating 200,000 keys inside the
 * transaction would lengthen it on PGlite.
 */
export async function stageRows(
  services: Services,
  importId: string,
  path: string,
  auditKey?: StagedTableSpec['auditKey'],
  codec?: LineCodec,
): Promise<number> {
  await dropStaged(services, importId); // a commit retried after a failure starts clean
  let count = 0;
  let seq = 0;
  for await (const stored of readLines(path, STAGE_CHUNK)) {
    const lines = codec ? stored.map(codec.open) : stored;
    await services.database.query(
      `insert into ledger_import_rows (import_id, n, a, r)
       select $1, (e->>'n')::int, e->>'a', e->'r' from jsonb_array_elements($2::jsonb) e`,
      [importId, `[${lines.join(',')}]`],
    );
    count += lines.length;
    if (auditKey?.length) {
      const first = (JSON.parse(lines[0]) as StagedRow).n;
      const last = (JSON.parse(lines[lines.length - 1]) as StagedRow).n;
      const made = await services.db.execute(sql`
        insert into ledger_import_audit (import_id, seq, after)
        select ${importId}, ${seq}::int + g, jsonb_build_object('via', 'ledger-import', 'count', count(*), 'ids', jsonb_agg(k order by n))
        from (select n, ${auditName(auditKey, (k) => sql`r->>${lit(k)}`)} as k, (row_number() over (order by n) - 1) / 1000 as g
              from ledger_import_rows where import_id = ${importId} and a = 'insert' and n between ${first}::int and ${last}::int) x
        group by g
        returning seq`);
      seq += made.rows.length;
    }
    await yieldToOthers(); // let queued requests' queries in between two chunks
  }
  return count;
}

/** An NDJSON file's lines, in batches, as text. */
async function* readLines(path: string, size: number): AsyncGenerator<string[]> {
  try {
    await stat(path);
  } catch {
    return;
  }
  let batch: string[] = [];
  for await (const line of createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY })) {
    if (!line) continue;
    batch.push(line);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

export async function dropStaged(services: Services | { database: Services['database'] }, importId: string, tx?: Tx): Promise<void> {
  if (tx) {
    await tx.execute(sql`delete from ledger_import_rows where import_id = ${importId}`);
    await tx.execute(sql`delete from ledger_import_audit where import_id = ${importId}`);
  } else {
    // in statements of a few thousand rows: on PGlite one long delete would hold every other request
    for (;;) {
      const gone = await services.database.query(
        'delete from ledger_import_rows where (import_id, n) in (select import_id, n from ledger_import_rows where import_id = $1 limit 2000) returning 1',
        [importId],
      );
      if (gone.length < 2000) break;
      await yieldToOthers();
    }
    await services.database.query('delete from ledger_import_audit where import_id = $1', [importId]);
  }
}

export type { StagedColumn, StagedTableSpec } from './stagedSpec';

import type { ApplySlice, StagedTableSpec } from './stagedSpec';

const lit = (text: string) => sql.raw(`'${text.replace(/'/g, "''")}'`);
const staged = (key: string) => sql`s.r->>${lit(key)}`;

/** How the audit log names a record: its audit-key fields joined by '/', personal data masked like 4501**********123X. */
function auditName(auditKey: StagedTableSpec['auditKey'], field: (key: string) => SQL): SQL {
  const part = ({ key, mask }: StagedTableSpec['auditKey'][number]) => {
    const v = sql`coalesce((${field(key)})::text, '')`;
    return mask ? sql`left(${v}, 4) || repeat('*', greatest(length(${v}) - 8, 0)) || right(${v}, 4)` : v;
  };
  return sql.join(auditKey.map(part), sql` || '/' || `);
}
const rowCount = (r: unknown) =>
  Number((r as { rowCount?: number; affectedRows?: number }).rowCount ?? (r as { affectedRows?: number }).affectedRows ?? 0);

/**
 * Applies one slice of an import's staged rows (apply.ts) to a plain table, set-based, inside the slice's
 * transaction, with the same outcome and audit entries as write() + auditLedgerWrite(): rows whose natural key
 * exists are updated only where a column the file provides differs (one 'update' entry each, changed fields
 * only, redacted like every audit entry); the others are inserted (one 'create' entry per 1000, listing their
 * keys). Rows the dry run found new are inserted without a second look when the natural key is unique, so a
 * record entered meanwhile makes the commit fail (unique violation → CONFLICT) instead of duplicating.
 * What it changes goes in the undo journal (the rows inserted, by `id`; the rows updated, whole, as they
 * were), and its audit entries wait there for the commit's last transaction (writeJournalAudit).
 */
export async function applyStagedTable(tx: Tx, slice: ApplySlice, spec: StagedTableSpec) {
  const cols = spec.columns;
  const byKey = new Map(cols.map((c) => [c.key, c]));
  const value = (key: string): SQL => sql`(${staged(key)})::${sql.raw(byKey.get(key)!.type)}`;
  const t = (key: string) => sql`t.${ident(byKey.get(key)!.column)}`;
  const provided = (key: string) => sql`s.r ? ${lit(key)}`;
  // '' and null are the same "nothing" (as sameValue has it)
  const cmp = (key: string, e: SQL) => (byKey.get(key)!.type === 'text' ? sql`nullif(${e}, '')` : e);
  const changed = (key: string) => {
    const flag = byKey.get(key)!.changedWhen;
    return flag
      ? sql`(${provided(key)} and coalesce((${staged(flag)})::boolean, false))`
      : sql`(${provided(key)} and ${cmp(key, t(key))} is distinct from ${cmp(key, value(key))})`;
  };
  const updatable = cols.filter((c) => !spec.naturalKey.includes(c.key) && !c.insertOnly);
  const anyChanged = sql.join(
    updatable.map((c) => changed(c.key)),
    sql` or `,
  );
  const matches = sql.join([...spec.naturalKey.map((k) => sql`${t(k)} = ${value(k)}`), ...(spec.match ? [spec.match] : [])], sql` and `);
  const auditId = (e: (k: string) => SQL) => auditName(spec.auditKey, e);
  // before values as the driver returns them to write(): numeric and date as text
  const beforeJson = (key: string) => {
    const c = byKey.get(key)!;
    return c.type === 'numeric' || c.type === 'date' ? sql`to_jsonb(${t(key)}::text)` : sql`to_jsonb(${t(key)})`;
  };
  const secret = (key: string) => (redact({ [key]: 1 }) as Record<string, unknown>)[key] === '[redacted]';
  const pair = (key: string, e: SQL) =>
    sql`case when ${changed(key)} then jsonb_build_object(${key}::text, ${secret(key) ? sql`'[redacted]'::text` : e}) else '{}'::jsonb end`;
  const diff = (side: 'before' | 'after') =>
    sql.join(
      updatable.map((c) => pair(c.key, side === 'before' ? beforeJson(c.key) : sql`s.r->${lit(c.key)}`)),
      sql` || `,
    );
  const table = ident(spec.table);
  const mine = inSlice(slice);
  // with a unique key, rows new at the dry run are inserted without a second look (a record entered meanwhile fails the commit)
  const looked = spec.uniqueNaturalKey ? sql`s.a <> 'insert'` : sql`true`;
  const found = sql`${mine} and ${looked} and s.a <> 'gone'`;
  const updateEntityId = spec.entityIdColumn ? sql`t.${ident(spec.entityIdColumn)}::text` : auditId(t);
  const entry = (action: string, entityId: SQL, before: SQL, after: SQL) =>
    sql`jsonb_build_object('action', ${action}::text, 'entity', ${spec.entity}::text, 'entityId', ${entityId}, 'before', ${before}, 'after', ${after})`;

  // 0. the records these rows change, as they are now: locked to the end of the commit (on PostgreSQL; PGlite
  //    runs one transaction at a time), and the rows whose record no longer matches (gone, moved, or changed
  //    since the dry run where the spec's match says so) marked 'gone': inserted below, or — where the key is
  //    still taken — failing the commit as changed meanwhile. Decided once per row, before it is written.
  await tx.execute(sql`select 1 from ledger_import_rows s join ${table} t on ${matches} where ${mine} and ${looked} for update of t`);
  await tx.execute(
    sql`update ledger_import_rows s set a = 'gone' where ${mine} and ${looked} and not exists (select 1 from ${table} t where ${matches})`,
  );
  const from = sql`ledger_import_rows s join ${table} t on ${matches}`;
  const where = sql`${found} and (${anyChanged})`;

  // 1. the updates' audit entries and the rows as they are, read before they change
  await tx.execute(sql`
    insert into ledger_import_undo (import_id, slice, ord, tbl, audit)
    select ${journalAudit(slice, entry('update', updateEntityId, diff('before'), diff('after')))}
    from ${from} where ${where} order by s.n`);
  await tx.execute(sql`
    insert into ledger_import_undo (import_id, slice, ord, tbl, row_id, before)
    select ${journalHead(slice, 0, spec.table)}, t.id, to_jsonb(t) from ${from} where ${where}`);
  // 2. update: the columns the file provides, on the rows that differ
  const set = sql.join(
    [
      ...updatable.map((c) => sql`${ident(c.column)} = case when ${changed(c.key)} then ${value(c.key)} else ${t(c.key)} end`),
      ...(spec.touch ? [sql`${ident(spec.touch)} = now()`] : []),
    ],
    sql`, `,
  );
  const updated = await tx.execute(sql`update ${table} t set ${set} from ledger_import_rows s where ${matches} and ${where}`);
  // 3. insert the new rows in file order (their ids journaled), and audit them in entries of 1000 keys
  const inserting = spec.uniqueNaturalKey ? sql`s.a in ('insert', 'gone')` : sql`s.a = 'gone'`;
  const extra = spec.insertValues ?? [];
  const required = extra.filter((x) => x.required);
  if (required.length) {
    const gone = await tx.execute(sql`select 1 from ledger_import_rows s where ${mine} and ${inserting}
      and (${sql.join(
        required.map((x) => sql`(${x.value}) is null`),
        sql` or `,
      )}) limit 1`);
    if (gone.rows.length) throw new AppError('CONFLICT', {}, [{ path: 'file', key: 'ledgers.file.changedMeanwhile' }]);
  }
  const insertInto = sql`insert into ${table} (${sql.join([...cols.map((c) => ident(c.column)), ...extra.map((x) => ident(x.column))], sql`, `)})
      select ${sql.join([...cols.map((c) => value(c.key)), ...extra.map((x) => x.value)], sql`, `)} from ledger_import_rows s`;
  const journaled = sql`insert into ledger_import_undo (import_id, slice, ord, tbl, row_id) select ${journalHead(slice, 1, spec.table)}, id from ins`;
  const insertNew = (which: SQL) => {
    const insert = sql`${insertInto} where ${mine} and ${which} order by s.n`;
    const returned = [...new Set(spec.auditKey.map((a) => a.key))];
    return tx.execute(sql`
      with ins as (${insert} returning id, ${sql.join(
        returned.map((k) => ident(byKey.get(k)!.column)),
        sql`, `,
      )}, ctid as _pos),
      j as (${journaled}),
      numbered as (select ins.*, row_number() over (order by _pos) - 1 as i from ins)
      insert into ledger_import_undo (import_id, slice, ord, tbl, audit)
      select ${journalAudit(
        slice,
        entry(
          'create',
          sql`null::text`,
          sql`null::jsonb`,
          sql`jsonb_build_object('via', 'ledger-import', 'count', count(*), 'ids', jsonb_agg(${auditId((k) => sql`numbered.${ident(byKey.get(k)!.column)}`)} order by i))`,
        ),
      )}
      from numbered group by i / 1000
      returning (audit->'after'->>'count')::int as n`);
  };
  const counted = (r: { rows: unknown[] }) => (r.rows as { n: number }[]).reduce((a, x) => a + Number(x.n), 0);
  let insertedCount = 0;
  if (spec.uniqueNaturalKey) {
    // new at the dry run: their 'create' entries were prepared while staging (stageRows)
    const made = await tx.execute(sql`with ins as (${insertInto} where ${mine} and s.a = 'insert' order by s.n returning id)
      ${journaled} returning 1`);
    insertedCount += made.rows.length;
  }
  // gone since the dry run (or, without a unique key, not found now): inserted, audited here
  insertedCount += counted(await insertNew(sql`s.a = 'gone'`));
  return { inserted: insertedCount, updated: rowCount(updated) };
}
