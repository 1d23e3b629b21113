// `npm start` runs the server as one bundle (scripts/bundle.mjs) under plain Node, not the sources under
// tsx. This builds that bundle and starts it as a new machine would — on an empty data directory (or a
// new PostgreSQL database) — so a file the server reads at run time that the bundle cannot find (the
// migrations, the divisions extract), or a package plain Node cannot load, fails here.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './platform/db/client';
import { createScratchDatabase } from './testing/database';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A port nobody listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

describe('the server as npm start runs it', () => {
  const work = mkdtempSync(join(tmpdir(), 'xz-start-'));
  // under packages/server, as npm start has it: some of its packages are only in packages/server/node_modules
  const bundle = join(ROOT, 'packages/server/dist', `test-${process.pid}`, 'main.js');
  let server: ChildProcess;
  let output = '';
  let port = 0;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/bundle.mjs', 'packages/server/src/main.ts', bundle], { cwd: ROOT, stdio: 'inherit' });
    port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      XIEZUO_DATA_DIR: join(work, 'data'),
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    if (process.env.TEST_DATABASE_URL) {
      scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL);
      env.DATABASE_URL = scratch.url;
    }
    // from a directory other than the repository's: nothing may depend on where it is started from
    server = spawn(process.execPath, ['--enable-source-maps', bundle], { cwd: work, env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (d) => (output += d));
    server.stderr!.on('data', (d) => (output += d));
    await new Promise<void>((resolve, reject) => {
      server.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
      const poll = setInterval(() => {
        if (output.includes(`http://localhost:${port}`)) {
          clearInterval(poll);
          resolve();
        }
      }, 100);
    });
  }, 120_000);

  afterAll(async () => {
    if (server?.exitCode === null) server.kill('SIGKILL');
    await scratch?.drop();
    rmSync(work, { recursive: true, force: true });
    rmSync(dirname(bundle), { recursive: true, force: true });
  });

  it('answers on its port, with its API document', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: scratch ? 'postgres' : 'pglite' });
    const doc = await fetch(`http://127.0.0.1:${port}/api/openapi.json`);
    expect(doc.status).toBe(200);
    expect(Object.keys((await doc.json()).paths)).toContain('/api/ledgers/{key}/imports');
  });

  it('stops cleanly on SIGTERM, leaving a migrated database with the divisions loaded', async () => {
    server.removeAllListeners('exit');
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    const database = await openDatabase(scratch ? { url: scratch.url } : { dataDir: join(work, 'data') });
    try {
      const [{ n }] = await database.query<{ n: number }>(`select count(*)::int as n from divisions where code like '52%'`);
      expect(n).toBeGreaterThan(10_000); // 贵州 to village level
      const users = await database.query<{ username: string }>('select username from users order by username');
      expect(users.map((u) => u.username)).toEqual(['admin', 'auditor']);
    } finally {
      await database.close();
    }
  });
});
