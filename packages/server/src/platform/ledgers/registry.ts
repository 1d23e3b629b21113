// Which ledgers exist: each module registers its definitions on the app it is given (per app, so test
// apps stay independent). Jobs (dry runs and commits) run one at a time per app, in the background.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../context';
import { AppError } from '../http/errors';
import type { AnyLedger } from './types';

const registries = new WeakMap<Services, Map<string, AnyLedger>>();
const queues = new WeakMap<Services, Promise<unknown>>();

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

/** Runs background work one job after another, so a large import never competes with another for PGlite. */
export function enqueue(services: Services, job: () => Promise<void>): Promise<void> {
  const previous = queues.get(services) ?? Promise.resolve();
  const next = previous.then(job, job);
  queues.set(
    services,
    next.catch(() => undefined),
  );
  return next;
}

/** Resolves when every queued job has finished (tests, shutdown). */
export async function idle(services: Services): Promise<void> {
  let current: Promise<unknown> | undefined;
  while (current !== queues.get(services)) {
    current = queues.get(services);
    await current;
  }
}
