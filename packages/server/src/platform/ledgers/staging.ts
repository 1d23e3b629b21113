// The staging table for commits: a ledger that can apply its rows set-based (applyStaged) has them
// copied from rows.ndjson into ledger_import_rows first, in short statements of a few thousand rows
// each, with the event loop yielded between them — on PGlite, which serves one statement at a time,
// other requests' queries run in between. Then ONE short transaction applies them to the target table
// with `insert … select` / `update … from` and deletes them, so the commit is still all-or-nothing:
// staged rows are not ledger data, and are deleted whether the apply succeeds or fails.
//
// Both staging tables are declared in tables.ts (unlogged: scratch space, nothing to recover after a crash).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { type SQL, sql } from 'drizzle-orm';
import { redact } from '../audit/service';
import type { Services } from '../context';
import type { Tx } from '../db/client';
import type { StagedRow } from './dryRun';
import type { LedgerContext } from './types';

const STAGE_CHUNK = 5000;

/**
 * Copies the staged rows (rows.ndjson) into ledger_import_rows in short statements; returns how many.
 * The lines go to the database as they are (one JSON array parameter per chunk), never parsed here.
 * With `auditKeys` (the natural key, when the table enforces it), the 'create' audit entries of the rows
 * the dry run found new are prepared here too, chunk by chunk, in ledger_import_audit (up to 1000 keys
 * each, joined by '/'): those rows are inserted for sure or the commit fails, and aggregating 200,000
 * keys inside the transaction would lengthen it on PGlite.
 */
/** A key part as the audit log may hold it: a sensitive one (an ID number) masked like 4501**********123X. */
const maskedSql = (v: string, sensitive: boolean) => (sensitive ? `left(${v}, 4) || repeat('*', greatest(length(${v}) - 8, 0)) || right(${v}, 4)` : v);

export async function stageRows(
  services: Services,
  importId: string,
  path: string,
  auditKeys?: { key: string; sensitive: boolean }[],
): Promise<number> {
  await dropStaged(services, importId); // a commit retried after a failure starts clean
  const keyOf = (auditKeys ?? []).map((k) => maskedSql(`coalesce(r->>'${k.key.replace(/'/g, "''")}', '')`, k.sensitive)).join(` || '/' || `);
  let count = 0;
  let seq = 0;
  for await (const lines of readLines(path, STAGE_CHUNK)) {
    await services.database.query(
      `insert into ledger_import_rows (import_id, n, a, r)
       select $1, (e->>'n')::int, e->>'a', e->'r' from jsonb_array_elements($2::jsonb) e`,
      [importId, `[${lines.join(',')}]`],
    );
    count += lines.length;
    if (auditKeys?.length) {
      const first = (JSON.parse(lines[0]) as StagedRow).n;
      const last = (JSON.parse(lines[lines.length - 1]) as StagedRow).n;
      const made = await services.database.query(
        `insert into ledger_import_audit (import_id, seq, after)
         select $1, $2::int + g, jsonb_build_object('via', 'ledger-import', 'count', count(*), 'ids', jsonb_agg(k order by n))
         from (select n, ${keyOf} as k, (row_number() over (order by n) - 1) / 1000 as g
               from ledger_import_rows where import_id = $1 and a = 'insert' and n between $3 and $4) x
         group by g
         returning seq`,
        [importId, seq, first, last],
      );
      seq += made.length;
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
    await services.database.query('delete from ledger_import_rows where import_id = $1', [importId]);
    await services.database.query('delete from ledger_import_audit where import_id = $1', [importId]);
  }
}

/** How a ledger's rows map onto one table, for applyStagedTable. */
export interface StagedTableSpec {
  table: string;
  /** Every column the ledger imports: row key → table column and its SQL type (text, integer, numeric, date, boolean). */
  columns: { key: string; column: string; type: 'text' | 'integer' | 'numeric' | 'date' | 'boolean' }[];
  /** Row keys of the natural key (a subset of columns). */
  naturalKey: string[];
  /** The table enforces the natural key with a unique index (see LedgerDefinition.uniqueNaturalKey). */
  uniqueNaturalKey: boolean;
  /** Audit entity name; entity ids are the natural key's values joined by '/'. */
  entity: string;
  /** Natural-key parts that are personal data (an ID number): masked in audit entity ids. */
  sensitiveKeys: string[];
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);
const staged = (key: string) => sql`s.r->>${sql.raw(`'${key.replace(/'/g, "''")}'`)}`;

/**
 * Applies an import's staged rows to a plain table, set-based, inside the commit's transaction, with
 * the same outcome and audit entries as write() + auditLedgerWrite(): rows whose natural key exists are
 * updated only where a column the file provides differs (one 'update' entry each, changed fields only,
 * redacted like every audit entry); the others are inserted (one 'create' entry per 1000, listing their
 * keys). Rows the dry run found new are inserted without a second look when the natural key is unique,
 * so a record entered meanwhile makes the commit fail (unique violation → CONFLICT) instead of duplicating.
 */
export async function applyStagedTable(tx: Tx, importId: string, spec: StagedTableSpec, ctx: LedgerContext) {
  const cols = spec.columns;
  const byKey = new Map(cols.map((c) => [c.key, c]));
  const value = (key: string): SQL => sql`(${staged(key)})::${sql.raw(byKey.get(key)!.type)}`;
  const t = (key: string) => sql`t.${ident(byKey.get(key)!.column)}`;
  const provided = (key: string) => sql`s.r ? ${sql.raw(`'${key.replace(/'/g, "''")}'`)}`;
  // '' and null are the same "nothing" (as sameValue has it)
  const cmp = (key: string, e: SQL) => (byKey.get(key)!.type === 'text' ? sql`nullif(${e}, '')` : e);
  const changed = (key: string) => sql`(${provided(key)} and ${cmp(key, t(key))} is distinct from ${cmp(key, value(key))})`;
  const anyChanged = sql.join(
    cols.filter((c) => !spec.naturalKey.includes(c.key)).map((c) => changed(c.key)),
    sql` or `,
  );
  const matches = sql.join(
    spec.naturalKey.map((k) => sql`${t(k)} = ${value(k)}`),
    sql` and `,
  );
  const masked = (k: string, v: SQL) => (spec.sensitiveKeys.includes(k) ? sql`left(${v}, 4) || repeat('*', greatest(length(${v}) - 8, 0)) || right(${v}, 4)` : v);
  const entityId = (e: (k: string) => SQL) => sql.join(spec.naturalKey.map((k) => masked(k, sql`coalesce((${e(k)})::text, '')`)), sql` || '/' || `);
  // before values as the driver returns them to write(): numeric and date as text
  const beforeJson = (key: string) => {
    const c = byKey.get(key)!;
    return c.type === 'numeric' || c.type === 'date' ? sql`to_jsonb(${t(key)}::text)` : sql`to_jsonb(${t(key)})`;
  };
  const secret = (key: string) => (redact({ [key]: 1 }) as Record<string, unknown>)[key] === '[redacted]';
  const pair = (key: string, e: SQL) => sql`case when ${changed(key)} then jsonb_build_object(${key}::text, ${secret(key) ? sql`'[redacted]'::text` : e}) else '{}'::jsonb end`;
  const diff = (side: 'before' | 'after') =>
    sql.join(
      cols.filter((c) => !spec.naturalKey.includes(c.key)).map((c) => pair(c.key, side === 'before' ? beforeJson(c.key) : sql`s.r->${sql.raw(`'${c.key.replace(/'/g, "''")}'`)}`)),
      sql` || `,
    );
  const notInsertedAtDryRun = spec.uniqueNaturalKey ? sql`s.a <> 'insert'` : sql`true`;
  const from = sql`ledger_import_rows s join ${ident(spec.table)} t on ${matches}`;
  const where = sql`s.import_id = ${importId} and ${notInsertedAtDryRun} and (${anyChanged})`;
  const actor = sql`${ctx.actor.id}::int, ${ctx.actor.name}::text, ${ctx.actor.ip}::text`;

  // 1. audit the updates, reading the values before they change
  await tx.execute(sql`
    insert into audit_log (actor_id, actor_name, ip, action, entity, entity_id, before, after)
    select ${actor}, 'update', ${spec.entity}::text, ${entityId(t)}, ${diff('before')}, ${diff('after')}
    from ${from} where ${where} order by s.n`);
  // 2. update: the columns the file provides, on the rows that differ
  const set = sql.join(
    cols.filter((c) => !spec.naturalKey.includes(c.key)).map((c) => sql`${ident(c.column)} = case when ${provided(c.key)} then ${value(c.key)} else ${t(c.key)} end`),
    sql`, `,
  );
  const updated = await tx.execute(sql`update ${ident(spec.table)} t set ${set} from ledger_import_rows s where ${matches} and ${where}`);
  // 3. insert the new rows in file order, and audit them in entries of 1000 keys
  const insertInto = sql`insert into ${ident(spec.table)} (${sql.join(cols.map((c) => ident(c.column)), sql`, `)})
      select ${sql.join(cols.map((c) => value(c.key)), sql`, `)} from ledger_import_rows s`;
  const insertNew = (which: SQL) => {
    const insert = sql`${insertInto} where s.import_id = ${importId} and ${which} order by s.n`;
    return tx.execute(sql`
      with ins as (${insert} returning ${sql.join(spec.naturalKey.map((k) => sql`${ident(byKey.get(k)!.column)}`), sql`, `)}, ctid as _pos),
      numbered as (select ins.*, row_number() over (order by _pos) - 1 as i from ins)
      insert into audit_log (actor_id, actor_name, ip, action, entity, entity_id, before, after)
      select ${actor}, 'create', ${spec.entity}::text, null, null,
        jsonb_build_object('via', 'ledger-import', 'count', count(*), 'ids', jsonb_agg(${entityId((k) => sql`numbered.${ident(byKey.get(k)!.column)}`)} order by i))
      from numbered group by i / 1000
      returning (after->>'count')::int as n`);
  };
  const missing = sql`not exists (select 1 from ${ident(spec.table)} t where ${matches})`;
  const counted = (r: { rows: unknown[] }) => (r.rows as { n: number }[]).reduce((a, x) => a + Number(x.n), 0);
  let insertedCount = 0;
  if (spec.uniqueNaturalKey) {
    // new at the dry run: their 'create' entries were prepared while staging (stageRows)
    await tx.execute(sql`
      insert into audit_log (actor_id, actor_name, ip, action, entity, entity_id, before, after)
      select ${actor}, 'create', ${spec.entity}::text, null, null, after from ledger_import_audit where import_id = ${importId} order by seq`);
    const fresh = await tx.execute(sql`${insertInto} where s.import_id = ${importId} and s.a = 'insert' order by s.n`);
    insertedCount += Number(fresh.rowCount ?? (fresh as { affectedRows?: number }).affectedRows ?? 0);
    // found at the dry run but gone since: inserted again, audited here
    insertedCount += counted(await insertNew(sql`s.a <> 'insert' and ${missing}`));
  } else insertedCount += counted(await insertNew(missing));
  const [{ total }] = (await tx.execute(sql`select count(*)::int as total from ledger_import_rows where import_id = ${importId}`)).rows as { total: number }[];
  const updatedCount = Number(updated.rowCount ?? (updated as { affectedRows?: number }).affectedRows ?? 0);
  return { inserted: insertedCount, updated: updatedCount, unchanged: Number(total) - insertedCount - updatedCount };
}
