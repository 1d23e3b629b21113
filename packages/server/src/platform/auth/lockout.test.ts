// Sign-in under attack: parallel guesses, rate limits per IP and per username, the same answer for unknown
// and locked users, lockout per username + IP, progressive delay and the admin unlock.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../testing/app';
import { auditLog } from '../audit/tables';
import { users } from './tables';

let t: TestApp;
beforeAll(async () => {
  // no delay here (it has a test of its own below); limits high enough not to get in the way
  t = await createTestApp({ login: { ...defaults(), delayMs: 0 } });
});
afterAll(() => t.close());

function defaults() {
  return { perIpMax: 10_000, perIpWindowSeconds: 60, perUsernameMax: 10_000, perUsernameWindowSeconds: 900, delayMs: 0, delayMaxMs: 0 };
}

/** A sign-in from the given address, as a browser there would send it. */
function loginFrom(app: TestApp, ip: string, username: string, password: string, headers: Record<string, string> = {}) {
  return app.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: ip,
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify({ username, password }),
  });
}

async function failuresOf(app: TestApp, username: string) {
  const [u] = await app.services.db.select().from(users).where(eq(users.username, username));
  const rows = await app.services.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'login_failed'), eq(auditLog.entityId, String(u.id))));
  return rows.length;
}

describe('parallel guesses', () => {
  it('40 parallel wrong passwords lock the account after the limit: at most 5 are checked', async () => {
    await t.userClient('par40', 'viewer');
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => loginFrom(t, '10.1.0.1', 'par40', `wrong-${i}`)));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(4);
    expect(statuses.filter((s) => s === 423).length).toBeGreaterThanOrEqual(36);
    expect(statuses.every((s) => s === 401 || s === 423)).toBe(true);
    expect(await failuresOf(t, 'par40')).toBeLessThanOrEqual(5);
    // and the right password is refused now
    expect((await loginFrom(t, '10.1.0.1', 'par40', TEST_PASSWORD)).statusCode).toBe(423);
  });

  it('a correct password inside a burst of 30 wrong ones does not sign in once the limit is passed', async () => {
    await t.userClient('burst', 'viewer');
    const wrong = Array.from({ length: 30 }, (_, i) => loginFrom(t, '10.1.0.2', 'burst', `wrong-${i}`));
    const right = loginFrom(t, '10.1.0.2', 'burst', TEST_PASSWORD);
    const answers = await Promise.all([...wrong, right]);
    expect(answers.at(-1)?.statusCode).toBe(423);
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(0);
  });
});

describe('no username enumeration', () => {
  it('answers an unknown, a disabled and an existing user alike, before and after the lock (status and body)', async () => {
    await t.userClient('known', 'viewer');
    await t.userClient('gone', 'viewer');
    await t.services.db.update(users).set({ disabled: true }).where(eq(users.username, 'gone'));
    const run = async (username: string, ip: string) => {
      const out: { status: number; body: unknown }[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await loginFrom(t, ip, username, `wrong-${i}`);
        out.push({ status: res.statusCode, body: res.json() });
      }
      return out;
    };
    const known = await run('known', '10.2.0.1');
    const unknown = await run('nobody-here', '10.2.0.2');
    const disabled = await run('gone', '10.2.0.3');
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423, 423]);
    expect(unknown).toEqual(known);
    expect(disabled).toEqual(known);
  });
});

describe('lockout per username and address', () => {
  it('a lock caused from one address does not keep the owner out from another', async () => {
    await t.userClient('owner', 'viewer');
    for (let i = 0; i < 6; i++) await loginFrom(t, '10.3.0.66', 'owner', `guess-${i}`);
    expect((await loginFrom(t, '10.3.0.66', 'owner', TEST_PASSWORD)).statusCode).toBe(423);
    expect((await loginFrom(t, '10.3.0.10', 'owner', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('an admin unlocks a user (audited); only an admin may', async () => {
    const admin = await t.userClient('unlocker', 'admin', { all: true });
    const viewer = await t.userClient('nosy', 'viewer');
    await t.userClient('locked1', 'viewer');
    for (let i = 0; i < 5; i++) await loginFrom(t, '10.4.0.1', 'locked1', `guess-${i}`);
    expect((await loginFrom(t, '10.4.0.1', 'locked1', TEST_PASSWORD)).statusCode).toBe(423);
    const [u] = await t.services.db.select().from(users).where(eq(users.username, 'locked1'));
    const listed = (await admin.get('/api/admin/users')).json().find((r: { username: string }) => r.username === 'locked1');
    expect(listed.locked).toBe(true);

    expect((await viewer.post(`/api/admin/users/${u.id}/unlock`)).statusCode).toBe(403);
    const res = await admin.post(`/api/admin/users/${u.id}/unlock`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'locked1', locked: false });
    const audited = await t.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'update'), eq(auditLog.entityId, String(u.id))));
    expect(audited).toHaveLength(1);
    expect(audited[0].after).toMatchObject({ locked: false, unlocked: true });
    expect(audited[0].actorName).toBe('unlocker');
    expect((await loginFrom(t, '10.4.0.1', 'locked1', TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('rate limits', () => {
  it('limits sign-ins per address and per username (429, in the error format)', { timeout: 120_000 }, async () => {
    const r = await createTestApp({ login: { ...defaults(), perIpMax: 8, perUsernameMax: 6 } });
    try {
      // one address trying many usernames
      const fromOne = [];
      for (let i = 0; i < 10; i++) fromOne.push((await loginFrom(r, '10.5.0.1', `spray${i}`, 'Winter2025!')).statusCode);
      expect(fromOne.slice(0, 8).every((s) => s === 401)).toBe(true);
      expect(fromOne.slice(8)).toEqual([429, 429]);
      const limited = await loginFrom(r, '10.5.0.1', 'someone', 'x');
      expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

      // many addresses trying one username: two failures each (no address reaches the lock)
      const fromMany = [];
      for (let i = 0; i < 8; i++) fromMany.push((await loginFrom(r, `10.6.0.${i + 1}`, 'target', 'guess')).statusCode);
      expect(fromMany.slice(0, 6).every((s) => s === 401)).toBe(true);
      expect(fromMany.slice(6)).toEqual([429, 429]);
    } finally {
      await r.close();
    }
  });

  it('delays answers progressively after repeated failures', { timeout: 120_000 }, async () => {
    const r = await createTestApp({ login: { ...defaults(), delayMs: 100, delayMaxMs: 1000 } });
    try {
      await r.userClient('slow', 'viewer');
      const times: number[] = [];
      for (let i = 0; i < 4; i++) {
        const start = performance.now();
        await loginFrom(r, '10.7.0.1', 'slow', `wrong-${i}`);
        times.push(performance.now() - start);
      }
      // 1st: none; then 100, 200, 400 ms
      expect(times[1]).toBeGreaterThanOrEqual(95);
      expect(times[2]).toBeGreaterThanOrEqual(195);
      expect(times[3]).toBeGreaterThanOrEqual(395);
    } finally {
      await r.close();
    }
  });
});
