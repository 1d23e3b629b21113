// A copy of a live PGlite data directory as it stands between two queries, holding PGlite's lock (and so
// every request) only briefly: the files are first copied while the app goes on, then, under the lock,
// every file that changed since (or may have: modified within a second of its first copy) is copied again.
// The result is what a crash at that instant would leave on disk; PostgreSQL's crash recovery opens it.
import { copyFileSync, lstatSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

interface Stamp {
  size: number;
  mtimeMs: number;
  copiedAt: number;
}

/** The files under `dir`; its folders (empty ones too: PostgreSQL needs them) are made under `mirror`. */
function walk(dir: string, mirror: string, out: string[] = []): string[] {
  mkdirSync(mirror, { recursive: true });
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, join(mirror, e.name), out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

// Files are copied synchronously (fast, and independent of how busy the event loop is), in slices of at
// most SLICE_MS, yielding to the requests between two slices.
const SLICE_MS = 20;
const yieldToRequests = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

export async function snapshotDir(
  dir: string,
  copy: string,
  underLock: <T>(fn: () => Promise<T>) => Promise<T>,
): Promise<{ heldMs: number }> {
  const stamps = new Map<string, Stamp>();
  const copyOne = (file: string) => {
    const target = join(copy, relative(dir, file));
    let st: ReturnType<typeof lstatSync>;
    try {
      st = lstatSync(file);
    } catch {
      stamps.delete(file);
      rmSync(target, { force: true });
      return;
    }
    const copiedAt = Date.now();
    copyFileSync(file, target);
    stamps.set(file, { size: st.size, mtimeMs: st.mtimeMs, copiedAt });
  };
  const files = walk(dir, copy);
  for (let i = 0; i < files.length; ) {
    const sliceStart = performance.now();
    while (i < files.length && performance.now() - sliceStart < SLICE_MS) copyOne(files[i++]);
    await yieldToRequests();
  }
  let heldMs = 0;
  await underLock(async () => {
    const started = performance.now();
    const now = new Set(walk(dir, copy));
    for (const f of now) {
      const before = stamps.get(f);
      const st = lstatSync(f);
      if (!before || st.size !== before.size || st.mtimeMs !== before.mtimeMs || st.mtimeMs >= before.copiedAt - 1000) copyOne(f);
    }
    for (const f of [...stamps.keys()]) if (!now.has(f)) copyOne(f);
    heldMs = performance.now() - started;
  });
  return { heldMs };
}
