// Least exposure at first start (issue #21, item 9): the embedded database's folder and the data key are
// owner-only whatever the umask; each user gets a one-time password of its own; without demo data the
// passwords go to an owner-only file, never to the console (which is often a log file).
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../testing/app';
import { loadKeyRing } from './crypto/personalData';
import { openDatabase } from './db/client';
import { announceFirstStart, INITIAL_PASSWORDS_FILE } from './firstStart';
import { seedPlatform } from './seed';

const mode = (path: string) => statSync(path).mode & 0o777;
const root = mkdtempSync(join(tmpdir(), 'xz-first-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('first start', () => {
  it('makes the data folder, the embedded database and the data key owner-only, also when they were looser', async () => {
    const dataDir = join(root, 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const old = process.umask(0);
    try {
      const database = await openDatabase({ dataDir });
      await database.close();
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(join(dataDir, 'pglite'))).toBe(0o700);
      loadKeyRing(undefined, dataDir);
      expect(mode(join(dataDir, 'data-key.txt'))).toBe(0o600);
      chmodSync(join(dataDir, 'data-key.txt'), 0o644);
      loadKeyRing(undefined, dataDir);
      expect(mode(join(dataDir, 'data-key.txt'))).toBe(0o600);
    } finally {
      process.umask(old);
    }
  }, 120_000);

  it('gives each user a one-time password of its own; without demo data they go to an owner-only file, not the console', async () => {
    const t = await createTestApp();
    try {
      const made = (await seedPlatform(t.services, []))!;
      expect(made.usernames).toEqual(['admin', 'auditor']);
      expect(made.passwords.admin).not.toBe(made.passwords.auditor);
      for (const u of made.usernames)
        expect((await t.client().request('POST', '/api/auth/login', { username: u, password: made.passwords[u] })).statusCode).toBe(200);

      const printed: string[] = [];
      const dataDir = join(root, 'prod');
      announceFirstStart({ seedDemo: false, dataDir }, made, (l) => printed.push(l));
      const file = join(dataDir, INITIAL_PASSWORDS_FILE);
      expect(printed.join('\n')).toContain(file);
      for (const p of Object.values(made.passwords)) expect(printed.join('\n')).not.toContain(p);
      expect(mode(file)).toBe(0o600);
      expect(readFileSync(file, 'utf8')).toContain(`admin: ${made.passwords.admin}`);

      const demo: string[] = [];
      announceFirstStart({ seedDemo: true, dataDir }, made, (l) => demo.push(l));
      expect(demo.join('\n')).toContain(`auditor: ${made.passwords.auditor}`);
    } finally {
      await t.close();
    }
  }, 120_000);
});
