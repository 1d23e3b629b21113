// The journal of a commit through write() (journal.ts, migration import_journal): while a transaction names a
// slice, every insert, update and delete on any table is recorded and the audit entries wait in the journal;
// undoing the slice puts every row back exactly — composite keys, a changed key, generated columns — and
// nothing is recorded for transactions that name no slice.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../testing/database';
import { writeAudit } from '../audit/service';
import type { Database } from '../db/client';
import { undoInterrupted } from './apply';
import { attachJournal, journalSlice } from './journal';

let database: Database;
const q = <T = Record<string, unknown>>(text: string, params?: unknown[]) => database.query<T>(text, params);
const table = () => q('select a, b, c::text, g from journal_probe order by a, b');
const actor = { id: null, name: 'test', ip: null };

beforeAll(async () => {
  database = await openTestDatabase();
  await q(`create table journal_probe (a int, b text, c numeric(10,2), g int generated always as (a * 2) stored, primary key (a, b))`);
  await q(`insert into journal_probe (a, b, c) values (1, 'x', 1.50), (2, 'y', null), (3, 'z', 7)`);
}, 60_000);
afterAll(() => database.close());

describe('the import journal', () => {
  it('records nothing for a transaction that names no slice, and attaches once', async () => {
    await attachJournal({ database });
    expect((await q<{ n: number }>('select xz_import_journal_attach() as n'))[0].n).toBe(0); // all attached already
    await q(`update journal_probe set c = 1.50 where a = 1`);
    await database.db.transaction((tx) => writeAudit(tx, actor, { action: 'update', entity: 'probe', entityId: 1 }));
    expect(await q('select * from ledger_import_undo')).toEqual([]);
    expect((await q<{ n: number }>(`select count(*)::int as n from audit_log where entity = 'probe'`))[0].n).toBe(1);
  });

  it('undoes a slice’s inserts, updates (a key changed too) and deletes exactly, newest first; its audit entries never reach the log', async () => {
    const before = await table();
    const auditBefore = await q('select id from audit_log');
    await database.db.transaction(async (tx) => {
      await journalSlice(tx, { importId: 'imp-1', index: 0 });
      await tx.execute(sql`insert into journal_probe (a, b, c) values (4, 'w', 2)`);
      await tx.execute(sql`update journal_probe set c = 9 where a = 1`);
      await tx.execute(sql`update journal_probe set c = 10 where a = 1`);
      await tx.execute(sql`update journal_probe set b = 'zz', a = 5 where a = 3`);
      await tx.execute(sql`delete from journal_probe where a = 2`);
      await tx.execute(sql`update journal_probe set c = 3 where a = 4`);
      await writeAudit(tx, actor, { action: 'create', entity: 'probe', entityId: 4, after: { a: 4 } });
    });
    expect(await table()).not.toEqual(before);
    expect(await q('select id from audit_log')).toEqual(auditBefore);
    const held = await q<{ audit: Record<string, unknown> }>(`select audit from ledger_import_undo where tbl = 'audit_log'`);
    expect(held.map((h) => h.audit)).toEqual([
      { action: 'create', entity: 'probe', entityId: '4', before: null, after: { a: 4 }, actorId: null, actorName: 'test', ip: null },
    ]);
    expect((await q<{ op: string }>(`select op from ledger_import_undo where op is not null order by seq`)).map((r) => r.op)).toEqual([
      'i',
      'u',
      'u',
      'u',
      'd',
      'u',
    ]);

    await q(`select xz_import_journal_undo('imp-1', 0)`);
    expect(await table()).toEqual(before);
    await q('delete from ledger_import_undo');
  });

  it('a commit that ended before its held audit entries were written gets them at the next start, with their actor', async () => {
    await q(
      `insert into ledger_imports (id, ledger_key, user_id, file_name, file_bytes, sha256, status) values ('imp-2', 'probe', 1, 'f.xlsx', 1, '-', 'committed')`,
    );
    await database.db.transaction(async (tx) => {
      await journalSlice(tx, { importId: 'imp-2', index: 0 });
      await tx.execute(sql`insert into journal_probe (a, b) values (8, 'v')`);
      await writeAudit(tx, { id: 7, name: '平远县录入员', ip: '10.0.0.8' }, { action: 'create', entity: 'probe', entityId: 8 });
    });
    expect(await undoInterrupted({ database, db: database.db })).toEqual(['imp-2']);
    expect(await q(`select actor_id, actor_name, ip, action, entity_id from audit_log where entity = 'probe' and entity_id = '8'`)).toEqual(
      [{ actor_id: 7, actor_name: '平远县录入员', ip: '10.0.0.8', action: 'create', entity_id: '8' }],
    );
    expect(await q('select a, b from journal_probe where a = 8')).toEqual([{ a: 8, b: 'v' }]); // committed: kept
    expect(await q('select * from ledger_import_undo')).toEqual([]);
  });
});
