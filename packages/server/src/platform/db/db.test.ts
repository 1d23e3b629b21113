// The database handle on either engine: migrations applied twice change nothing, and (on the server) a
// connection the server ends does not crash the process — the pool reconnects on next use.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../testing/database';
import { type Database, openDatabase } from './client';
import { migrate } from './migrate';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const tableCount = async () =>
  (await database.query<{ n: number }>(`select count(*)::int as n from information_schema.tables where table_schema = 'public'`))[0].n;

describe('database', () => {
  it('creates a PGlite data directory on first open (initdb in a child process) and finds its data on the next', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'xz-db-'));
    try {
      const first = await openDatabase({ dataDir });
      await first.query('create table kept (v text)');
      await first.query(`insert into kept values ('岗坪镇')`);
      const [{ setting }] = await first.query<{ setting: string }>(`select current_setting('shared_buffers') as setting`);
      expect(setting).toBe('32MB');
      await first.close();
      const again = await openDatabase({ dataDir });
      expect(await again.query('select v from kept')).toEqual([{ v: '岗坪镇' }]);
      await again.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('applies its migrations again without change', async () => {
    const before = await tableCount();
    expect(before).toBeGreaterThan(10);
    await migrate(database);
    await migrate(database);
    expect(await tableCount()).toBe(before);
  });

  it.runIf(process.env.TEST_DATABASE_URL)('survives the server ending its idle connections', async () => {
    const errors: unknown[] = [];
    const onUncaught = (err: unknown) => errors.push(err);
    process.on('uncaughtException', onUncaught);
    try {
      await Promise.all([1, 2, 3].map(() => database.query('select pg_sleep(0.05)'))); // several idle clients
      const pool = database.pool!;
      const other = await pool.connect(); // the killer must not be one of the idle ones
      try {
        const killed = await other.query(
          `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
        );
        expect(killed.rowCount).toBeGreaterThan(0);
      } finally {
        other.release();
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(errors).toEqual([]);
      expect(await database.query<{ one: number }>('select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});
