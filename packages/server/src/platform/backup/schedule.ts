// Daily backups of the embedded database, in the server itself (it owns the data directory): when the
// newest archive in XIEZUO_BACKUP_DIR is a day old (checked at start and every hour), a new one is written
// and all but the newest XIEZUO_BACKUP_KEEP are removed, with partial files a killed backup left. The
// admin page warns when the newest archive is older than two days. A PostgreSQL server is backed up with
// its own tools (pg_dump, base backups) or `npm run backup` from cron; its status reports no schedule.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupStatus } from '@xiezuo/shared/contracts/auth';
import type { Config } from '../../config';
import type { Database } from '../db/client';
import { ARCHIVE_SUFFIX } from './archive';
import { type BackupResult, backupDatabase } from './backup';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export function lastArchive(dir: string | undefined): BackupStatus['last'] {
  if (!dir) return null;
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.startsWith('xiezuo-') && f.endsWith(ARCHIVE_SUFFIX));
  } catch {
    return null;
  }
  const newest = files.sort().at(-1); // names carry the UTC time: they sort by it
  if (!newest) return null;
  const st = statSync(join(dir, newest));
  return { file: newest, at: st.mtime.toISOString(), bytes: st.size };
}

export function backupStatus(config: Config, engine: Database['engine'], now = Date.now()): BackupStatus {
  const scheduled = engine === 'pglite' && !!config.backup.dir;
  const last = lastArchive(config.backup.dir);
  return {
    engine,
    scheduled,
    dir: config.backup.dir ?? null,
    keep: config.backup.keep,
    last,
    stale: engine === 'pglite' && (!last || now - Date.parse(last.at) > 2 * DAY),
  };
}

/** Removes all but the newest `keep` archives (and their .sha256), and partial files older than an hour. */
export function pruneBackups(dir: string, keep: number, now = Date.now()): string[] {
  const removed: string[] = [];
  const all = readdirSync(dir);
  const archives = all.filter((f) => f.startsWith('xiezuo-') && f.endsWith(ARCHIVE_SUFFIX)).sort();
  for (const f of archives.slice(0, Math.max(0, archives.length - keep))) {
    rmSync(join(dir, f), { force: true });
    rmSync(join(dir, `${f}.sha256`), { force: true });
    removed.push(f);
  }
  for (const f of all.filter((f) => f.endsWith('.partial'))) {
    if (now - statSync(join(dir, f)).mtimeMs > HOUR) {
      rmSync(join(dir, f), { force: true });
      removed.push(f);
    }
  }
  return removed;
}

export interface ScheduleLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Starts the daily schedule (embedded database only); returns a function that stops it. */
export function scheduleBackups(config: Config, database: Database, log: ScheduleLog): () => void {
  const dir = config.backup.dir;
  if (database.engine !== 'pglite' || !dir) return () => {};
  let running = false;
  const tick = async () => {
    const last = lastArchive(dir);
    if (running || (last && Date.now() - Date.parse(last.at) < DAY)) return;
    running = true;
    try {
      const r: BackupResult = await backupDatabase({ kind: 'live', database }, dir);
      const removed = pruneBackups(dir, config.backup.keep);
      log.info({ file: r.file, heldMs: Math.round(r.heldMs), removed }, 'scheduled backup written');
    } catch (err) {
      log.error({ err }, 'scheduled backup failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(tick, 60_000);
  const every = setInterval(tick, HOUR);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
