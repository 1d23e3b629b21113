// A copy of a live PGlite data directory as it stands between two queries, holding PGlite's lock (and so
// every request) only briefly: the files are first copied while the app goes on, then, under the lock,
// every file that changed since (or may have: modified within a second of its first copy) is copied again.
// The result is what a crash at that instant would leave on disk; PostgreSQL's crash recovery opens it.
import { lstat, mkdir, readdir, copyFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';

interface Stamp {
  size: number;
  mtimeMs: number;
  copiedAt: number;
}

/** The files under `dir`; its folders (empty ones too: PostgreSQL needs them) are made under `mirror`. */
async function walk(dir: string, mirror: string, out: string[] = []): Promise<string[]> {
  await mkdir(mirror, { recursive: true });
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(p, join(mirror, e.name), out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

export async function snapshotDir(
  dir: string,
  copy: string,
  underLock: <T>(fn: () => Promise<T>) => Promise<T>,
): Promise<{ heldMs: number }> {
  const stamps = new Map<string, Stamp>();
  const copyOne = async (file: string) => {
    const st = await lstat(file).catch(() => undefined);
    const target = join(copy, relative(dir, file));
    if (!st) {
      stamps.delete(file);
      await rm(target, { force: true });
      return;
    }
    const copiedAt = Date.now();
    await copyFile(file, target);
    stamps.set(file, { size: st.size, mtimeMs: st.mtimeMs, copiedAt });
  };
  for (const f of await walk(dir, copy)) await copyOne(f);
  let heldMs = 0;
  await underLock(async () => {
    const started = performance.now();
    const now = new Set(await walk(dir, copy));
    for (const f of now) {
      const before = stamps.get(f);
      const st = await lstat(f);
      if (!before || st.size !== before.size || st.mtimeMs !== before.mtimeMs || st.mtimeMs >= before.copiedAt - 1000) await copyOne(f);
    }
    for (const f of [...stamps.keys()]) if (!now.has(f)) await copyOne(f);
    heldMs = performance.now() - started;
  });
  return { heldMs };
}
