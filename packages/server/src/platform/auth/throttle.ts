// Failed sign-ins per username + address. An attempt is counted *before* the slow password check, in one
// synchronous step, so parallel guesses each get their own number and at most `maxFailures` of them are ever
// checked; the pair is locked when the last of those fails. The lock is per address: a lock caused from one
// address leaves the owner free to sign in from another. Unknown and known usernames are counted alike, so the
// answers (401, then 423) say nothing about whether a username exists.
//
// The counts live in this process (bounded; least recently used pairs dropped first). With several app
// instances each counts its own share — the per-username rate limit and the account's failure counter in
// the database (users.failed_attempts, raised atomically before every check) still hold across them.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../../config';
import type { Services } from '../context';

interface Pair {
  n: number; // attempts counted in the current run (in flight or failed)
  last: number; // ms of the last attempt
  lockedUntil: number; // ms, 0 when not locked
}

export class LoginThrottle {
  private readonly pairs = new Map<string, Pair>();
  private readonly lockedUsers = new Map<string, number>(); // username → latest lockedUntil of any of its pairs

  constructor(
    readonly maxFailures: number,
    readonly lockMs: number,
    private readonly delayMs = 0,
    private readonly delayMaxMs = 0,
    private readonly maxEntries = 100_000,
  ) {}

  private static key(username: string, ip: string) {
    return `${norm(username)}\u0000${ip}`;
  }

  private current(key: string, now: number): Pair | undefined {
    const p = this.pairs.get(key);
    if (!p) return undefined;
    // a run ends when its lock has passed, or (never locked) when it has been quiet for the lock time
    const over = p.lockedUntil ? p.lockedUntil <= now : now - p.last > this.lockMs;
    if (over) {
      this.pairs.delete(key);
      return undefined;
    }
    return p;
  }

  /** When the pair is locked: its state; otherwise null. */
  locked(username: string, ip: string, now = Date.now()): { n: number; minutes: number } | null {
    const p = this.current(LoginThrottle.key(username, ip), now);
    if (!p || (p.lockedUntil === 0 && p.n < this.maxFailures)) return null;
    // a run at the limit whose last check is still in flight is locked for everyone after it
    const until = p.lockedUntil || now + this.lockMs;
    return { n: p.n, minutes: Math.max(1, Math.ceil((until - now) / 60_000)) };
  }

  /** Counts an attempt before its password is checked; returns its number in the run (1-based). */
  begin(username: string, ip: string, now = Date.now()): number {
    const key = LoginThrottle.key(username, ip);
    const p = this.current(key, now) ?? { n: 0, last: now, lockedUntil: 0 };
    p.n += 1;
    p.last = now;
    this.pairs.delete(key); // re-insert: the map's order is the order of use
    this.pairs.set(key, p);
    if (this.pairs.size > this.maxEntries) this.pairs.delete(this.pairs.keys().next().value as string);
    return p.n;
  }

  /** The attempt numbered n failed: locks the pair when n reached the limit. Returns whether it is locked now. */
  failed(username: string, ip: string, n: number, now = Date.now()): boolean {
    if (n < this.maxFailures) return false;
    const key = LoginThrottle.key(username, ip);
    const p = this.pairs.get(key) ?? { n, last: now, lockedUntil: 0 };
    p.lockedUntil = Math.max(p.lockedUntil, now + this.lockMs);
    this.pairs.set(key, p);
    const name = norm(username);
    const until = Math.max(this.lockedUsers.get(name) ?? 0, p.lockedUntil);
    this.lockedUsers.delete(name);
    this.lockedUsers.set(name, until);
    if (this.lockedUsers.size > this.maxEntries) this.lockedUsers.delete(this.lockedUsers.keys().next().value as string);
    return true;
  }

  succeeded(username: string, ip: string) {
    this.pairs.delete(LoginThrottle.key(username, ip));
  }

  /** Is any address locked out of this username? */
  isUserLocked(username: string, now = Date.now()): boolean {
    return (this.lockedUsers.get(norm(username)) ?? 0) > now;
  }

  /** Ends every lock and count of this username, from every address (the admin's unlock). */
  unlockUser(username: string) {
    const prefix = `${norm(username)}\u0000`;
    for (const key of [...this.pairs.keys()]) if (key.startsWith(prefix)) this.pairs.delete(key);
    this.lockedUsers.delete(norm(username));
  }

  /** How long to hold the answer to the n-th attempt in a run: nothing for the first, then doubling. */
  delayFor(n: number): number {
    if (n <= 1 || this.delayMs <= 0) return 0;
    return Math.min(this.delayMaxMs, this.delayMs * 2 ** Math.min(n - 2, 20));
  }

  async hold(n: number) {
    const ms = this.delayFor(n);
    if (ms > 0) await sleep(ms);
  }
}

const norm = (username: string) => username.trim().toLowerCase();

const throttles = new WeakMap<Services, LoginThrottle>();

/** The app's throttle (one per set of services, so every test app has its own). */
export function throttleOf(services: { config: Config } & object): LoginThrottle {
  const key = services as Services;
  let t = throttles.get(key);
  if (!t) {
    const { lockout, login } = services.config;
    t = new LoginThrottle(lockout.maxFailures, lockout.minutes * 60_000, login.delayMs, login.delayMaxMs);
    throttles.set(key, t);
  }
  return t;
}
