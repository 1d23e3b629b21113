// Which ledgers exist: each module registers its definitions on the app it is given (per app, so test
// apps stay independent). Jobs (dry runs and commits) run in the background, in a queue per app (enqueue).
import type { FastifyInstance } from 'fastify';
import type { Services } from '../context';
import { AppError } from '../http/errors';
import type { AnyLedger } from './types';

const registries = new WeakMap<Services, Map<string, AnyLedger>>();

/** Registers a ledger: its template, import, dry run, commit and export are then served under /api/ledgers/<key>. */
export function registerLedger(app: Pick<FastifyInstance, 'xz'>, def: AnyLedger): void {
  if (!/^[a-z][a-z0-9-]{0,63}$/.test(def.key)) throw new Error(`ledger key "${def.key}" must be lower-case letters, digits and dashes`);
  for (const k of def.naturalKey)
    if (!def.columns.some((c) => c.key === k)) throw new Error(`ledger ${def.key}: natural key ${k} is not a column`);
  const map = registries.get(app.xz) ?? new Map<string, AnyLedger>();
  registries.set(app.xz, map);
  map.set(def.key, def);
}

export function ledgersOf(services: Services): AnyLedger[] {
  return [...(registries.get(services)?.values() ?? [])];
}

export function ledgerOf(services: Services, key: string): AnyLedger {
  const def = registries.get(services)?.get(key);
  if (!def) throw new AppError('NOT_FOUND');
  return def;
}

interface Job {
  importId?: string;
  run: () => Promise<void>;
}
interface JobQueue {
  running: Set<Job>;
  waiting: Job[];
  settled: Promise<void>; // resolves when nothing runs or waits
  resolveSettled?: () => void;
}
const queues = new WeakMap<Services, JobQueue>();

function queueOf(services: Services): JobQueue {
  let q = queues.get(services);
  if (!q) {
    q = { running: new Set(), waiting: [], settled: Promise.resolve() };
    queues.set(services, q);
  }
  return q;
}

/**
 * Runs background work (dry runs and commits) in arrival order, at most `ledgers.jobs` at a time (default 1:
 * on PGlite two at once only make every other request wait twice as long). `importId` names the import the
 * job works on, so its place in the queue can be shown (queuePosition).
 */
export function enqueue(services: Services, job: () => Promise<void>, importId?: string): Promise<void> {
  const q = queueOf(services);
  if (!q.running.size && !q.waiting.length) q.settled = new Promise((r) => (q.resolveSettled = r));
  return new Promise<void>((resolve, reject) => {
    q.waiting.push({ importId, run: () => job().then(resolve, reject) });
    pump(services, q);
  });
}

function pump(services: Services, q: JobQueue) {
  const limit = Math.max(1, services.config.ledgers.jobs);
  while (q.running.size < limit && q.waiting.length) {
    const job = q.waiting.shift()!;
    q.running.add(job);
    void job.run().finally(() => {
      q.running.delete(job);
      if (!q.running.size && !q.waiting.length) q.resolveSettled?.();
      else pump(services, q);
    });
  }
}

/** How many jobs are ahead of this import's (running or waiting): 0 when it runs; null when it is not queued. */
export function queuePosition(services: Services, importId: string): number | null {
  const q = queues.get(services);
  if (!q) return null;
  for (const j of q.running) if (j.importId === importId) return 0;
  const at = q.waiting.findIndex((j) => j.importId === importId);
  return at < 0 ? null : q.running.size + at;
}

/** Resolves when every queued job has finished (tests, shutdown). */
export async function idle(services: Services): Promise<void> {
  const q = queues.get(services);
  while (q && (q.running.size || q.waiting.length)) await q.settled;
}
