// The sign-in throttle on its own: runs, locks, expiry, unlock, delay and its memory bound.
import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './throttle';

const MIN = 60_000;

describe('LoginThrottle', () => {
  it('counts each attempt before its check and locks the pair at the limit, for the lock time only', () => {
    const t = new LoginThrottle(3, 15 * MIN);
    const now = 1_000_000;
    expect([1, 2, 3].map(() => t.begin('Admin', '10.0.0.1', now))).toEqual([1, 2, 3]);
    // the third is still being checked: whoever comes next is refused already
    expect(t.locked('admin', '10.0.0.1', now)).toEqual({ n: 3, minutes: 15 });
    expect(t.failed('admin', '10.0.0.1', 3, now)).toBe(true);
    expect(t.locked('ADMIN', '10.0.0.1', now + 5 * MIN)?.minutes).toBe(10);
    expect(t.locked('admin', '10.0.0.2', now)).toBeNull();
    expect(t.isUserLocked('admin', now)).toBe(true);
    // after the lock, a new run
    expect(t.locked('admin', '10.0.0.1', now + 15 * MIN)).toBeNull();
    expect(t.begin('admin', '10.0.0.1', now + 15 * MIN)).toBe(1);
    expect(t.isUserLocked('admin', now + 15 * MIN)).toBe(false);
  });

  it('forgets failures that stopped for the lock time, and a success ends the run', () => {
    const t = new LoginThrottle(3, 15 * MIN);
    t.begin('u', 'a', 0);
    t.begin('u', 'a', MIN);
    expect(t.begin('u', 'a', 17 * MIN)).toBe(1);
    t.begin('u', 'a', 17 * MIN);
    t.succeeded('u', 'a');
    expect(t.begin('u', 'a', 17 * MIN)).toBe(1);
  });

  it('an unlock ends the locks of a username from every address', () => {
    const t = new LoginThrottle(1, 15 * MIN);
    for (const ip of ['a', 'b', 'c']) t.failed('u', ip, t.begin('u', ip, 0), 0);
    t.failed('other', 'a', t.begin('other', 'a', 0), 0);
    t.unlockUser('U');
    expect(['a', 'b', 'c'].map((ip) => t.locked('u', ip, 1))).toEqual([null, null, null]);
    expect(t.isUserLocked('u', 1)).toBe(false);
    expect(t.locked('other', 'a', 1)).not.toBeNull();
  });

  it('holds answers back from the second attempt on, doubling, up to the maximum', () => {
    const t = new LoginThrottle(5, MIN, 250, 4000);
    expect([1, 2, 3, 4, 5, 6, 50].map((n) => t.delayFor(n))).toEqual([0, 250, 500, 1000, 2000, 4000, 4000]);
    expect(new LoginThrottle(5, MIN).delayFor(9)).toBe(0);
  });

  it('keeps at most maxEntries pairs (least recently used dropped)', () => {
    const t = new LoginThrottle(5, MIN, 0, 0, 100);
    for (let i = 0; i < 1000; i++) t.begin(`user${i}`, '10.0.0.1', 0);
    expect((t as unknown as { pairs: Map<string, unknown> }).pairs.size).toBe(100);
    expect(t.begin('user999', '10.0.0.1', 0)).toBe(2);
    expect(t.begin('user0', '10.0.0.1', 0)).toBe(1);
  });
});
