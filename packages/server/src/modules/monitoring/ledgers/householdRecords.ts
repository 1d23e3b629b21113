// The staged commit of a ledger of a household's records (visits, measures): what their write() through the
// module's services did row by row, done set-based on a slice of the staging table (platform/ledgers/apply.ts)
// — the rows' households found again by their heads, each row classified again against the records as they
// are now, the changed records updated with one audit entry each. The ledger then inserts its new records.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client';
import { AppError } from '../../../platform/http/errors';
import { type ApplySlice, inSlice, journalAudit, journalHead } from '../../../platform/ledgers/apply';
import type { LedgerContext, LedgerRow } from '../../../platform/ledgers/types';
import { householdsInScope } from '../access';

/** A column of the record: its staged field, table column and SQL type. */
export type RecordColumn = { key: string; column: string; type: 'text' | 'numeric' | 'int' | 'date' };

/** The row as it is staged: the head's ID number only as its hash (the household is found by it at the commit). */
export function sealHouseholdRecord(row: { headIdNumber: string }, ctx: LedgerContext): LedgerRow {
  const { headIdNumber, ...rest } = row;
  return { ...rest, headHash: ctx.services.cipher.hash(headIdNumber) };
}

/** A staged field the file provides (its column was in the file; an empty cell is there as null). */
export const provided = (key: string) => sql`(s.r -> ${key}::text) is not null`;
/** A staged field as the column's type. */
export const field = (c: RecordColumn) => sql`(s.r->>${c.key}::text)::${sql.raw(c.type)}`;

/** A stored row (alias `x`) as the audit log holds what drizzle returns: camelCase, amounts as text, times in ISO. */
export function recordJson(x: string, columns: Record<string, string>, times: Record<string, string> = {}) {
  const parts = Object.entries(columns).map(([key, expr]) => sql`${key}::text, ${sql.raw(expr.replaceAll('$', x))}`);
  for (const [key, column] of Object.entries(times))
    parts.push(sql`${key}::text, to_char(${sql.raw(`${x}.${column}`)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
  return sql`jsonb_build_object(${sql.join(parts, sql`, `)})`;
}

const conflict = () => new AppError('CONFLICT', {}, [{ path: 'file', key: 'ledgers.file.changedMeanwhile' }]);

/**
 * Step 1 of a slice: each staged row gets `hid` (its household, named by its head, in scope — one gone since
 * the check fails the commit, nothing written) and `vid` (the record of its natural key, the latest, as
 * findExisting's map kept), and `a` is decided again: insert, update (a provided column differs) or unchanged.
 * The households and the records are locked to the end of the commit (on PostgreSQL).
 */
export async function classifyRecords(
  tx: Tx,
  slice: ApplySlice,
  ctx: LedgerContext,
  spec: { table: string; key: RecordColumn[]; compared: RecordColumn[] },
) {
  const mine = inSlice(slice);
  const household = sql`(select hm.household_id from monitoring_members hm join monitoring_households on monitoring_households.id = hm.household_id
    where hm.id_hash = s.r->>'headHash' and hm.relation = 'head' and hm.active and ${householdsInScope(ctx.user.scope) ?? sql`true`})`;
  await tx.execute(sql`update ledger_import_rows s set r = s.r || jsonb_build_object('hid', ${household}) where ${mine}`);
  const lost = await tx.execute(sql`select 1 from ledger_import_rows s where ${mine} and s.r->'hid' = 'null'::jsonb limit 1`);
  if (lost.rows.length) throw conflict();
  await tx.execute(sql`select 1 from monitoring_households h where h.id in (select (s.r->>'hid')::int from ledger_import_rows s where ${mine})
    order by h.id for update`);
  const col = (c: RecordColumn) => sql.raw(`v.${c.column}`);
  const differs = sql.join(
    spec.compared.map((c) => sql`(${provided(c.key)} and ${col(c)} is distinct from ${field(c)})`),
    sql` or `,
  );
  const sameKey = sql.join(
    spec.key.map((c) => sql`${col(c)} = (s0.r->>${c.key}::text)::${sql.raw(c.type)}`),
    sql` and `,
  );
  await tx.execute(sql`
    update ledger_import_rows s set r = s.r || jsonb_build_object('vid', v.id),
      a = case when v.id is null then 'insert' when ${differs} then 'update' else 'unchanged' end
    from ledger_import_rows s0 left join lateral (
      select v.* from ${sql.raw(spec.table)} v where v.household_id = (s0.r->>'hid')::int and ${sameKey}
      order by v.id desc limit 1 for update) v on true
    where s0.import_id = s.import_id and s0.n = s.n and ${mine}`);
}

/**
 * Step 2 of a slice: the changed records get the provided columns (`updated`), journaled as they were, each
 * with an 'update' audit entry — before: the record as the ledger's row (`before`, over the stored row `o`),
 * after: the stored record (`after`, over the updated row `u`). Returns how many.
 */
export async function updateRecords(
  tx: Tx,
  slice: ApplySlice,
  spec: {
    table: string;
    entity: string;
    updated: RecordColumn[];
    before: (o: string) => ReturnType<typeof sql>;
    after: (u: string) => ReturnType<typeof sql>;
  },
) {
  const mine = inSlice(slice);
  const set = sql.join(
    spec.updated.map((c) => sql`${sql.raw(c.column)} = case when ${provided(c.key)} then ${field(c)} else t.${sql.raw(c.column)} end`),
    sql`, `,
  );
  const table = sql.raw(spec.table);
  const done = await tx.execute(sql`
    with u as (
      update ${table} t set ${set}
      from ledger_import_rows s where ${mine} and s.a = 'update' and t.id = (s.r->>'vid')::int
      returning t.*, s.n
    ),
    j as (insert into ledger_import_undo (import_id, slice, ord, tbl, row_id, before)
      select ${journalHead(slice, 0, spec.table)}, o.id, to_jsonb(o) from ${table} o join u on u.id = o.id)
    insert into ledger_import_undo (import_id, slice, ord, tbl, audit)
    select ${journalAudit(
      slice,
      sql`jsonb_build_object('action', 'update', 'entity', ${spec.entity}::text, 'entityId', u.id::text,
        'before', ${spec.before('o')} || jsonb_build_object('headIdNumber', '[redacted]', 'id', o.id), 'after', ${spec.after('u')})`,
    )}
    from u join ${table} o on o.id = u.id order by u.n
    returning 1`);
  return done.rows.length;
}

/** The serial sequence of a table's id (looked up once per slice, so a statement can draw the ids it inserts). */
export async function idSequence(tx: Tx, table: string): Promise<number> {
  const [{ seq }] = (await tx.execute(sql`select pg_get_serial_sequence(${table}::text, 'id')::regclass::oid as seq`)).rows as {
    seq: number;
  }[];
  return Number(seq);
}
