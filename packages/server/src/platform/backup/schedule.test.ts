// The schedule's bookkeeping: which archive is the newest, when the admin is warned, what is pruned.
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { backupStatus, pruneBackups } from './schedule';

const dir = mkdtempSync(join(tmpdir(), 'xiezuo-schedule-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DAY = 86_400_000;

function archive(stamp: string, ageMs: number) {
  const name = `xiezuo-${stamp}.xzbackup.gz`;
  writeFileSync(join(dir, name), 'x');
  writeFileSync(join(dir, `${name}.sha256`), 'x');
  const at = new Date(Date.now() - ageMs);
  utimesSync(join(dir, name), at, at);
  return name;
}

describe('scheduled backups', () => {
  const config = loadConfig({ XIEZUO_BACKUP_DIR: dir, XIEZUO_BACKUP_KEEP: '2' });

  it('warns an embedded installation with no backup, or only one older than two days; never a PostgreSQL one', () => {
    expect(backupStatus(config, 'pglite')).toMatchObject({ scheduled: true, last: null, stale: true, keep: 2 });
    expect(backupStatus(config, 'postgres')).toMatchObject({ scheduled: false, stale: false });
    archive('20261201T010000Z', 3 * DAY);
    expect(backupStatus(config, 'pglite')).toMatchObject({ stale: true, last: { file: 'xiezuo-20261201T010000Z.xzbackup.gz' } });
    archive('20261203T010000Z', DAY);
    expect(backupStatus(config, 'pglite')).toMatchObject({ stale: false, last: { file: 'xiezuo-20261203T010000Z.xzbackup.gz' } });
    expect(backupStatus(loadConfig({ XIEZUO_BACKUP_DIR: 'off' }), 'pglite')).toMatchObject({ scheduled: false, dir: null, stale: true });
  });

  it('keeps the newest N archives with their checksums, and removes partial files older than an hour', () => {
    archive('20261204T010000Z', 0);
    writeFileSync(join(dir, '.xiezuo-20261130T010000Z.xzbackup.gz.partial'), 'x');
    const old = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(join(dir, '.xiezuo-20261130T010000Z.xzbackup.gz.partial'), old, old);
    writeFileSync(join(dir, '.xiezuo-20261204T020000Z.xzbackup.gz.partial'), 'x'); // one being written now
    pruneBackups(dir, 2);
    expect(readdirSync(dir).sort()).toEqual([
      '.xiezuo-20261204T020000Z.xzbackup.gz.partial',
      'xiezuo-20261203T010000Z.xzbackup.gz',
      'xiezuo-20261203T010000Z.xzbackup.gz.sha256',
      'xiezuo-20261204T010000Z.xzbackup.gz',
      'xiezuo-20261204T010000Z.xzbackup.gz.sha256',
    ]);
  });
});
