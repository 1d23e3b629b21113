// Security headers, Secure cookies over HTTPS, and the client address: X-Forwarded-For is believed only
// from a proxy the settings name (XIEZUO_TRUST_PROXY), so it cannot fake the address in the audit log.
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, parseTrustProxy } from '../../config';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../testing/app';
import { auditLog } from '../audit/tables';
import { sessions, users } from '../auth/tables';

let t: TestApp;
let proxied: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // behind a reverse proxy on the same host
  proxied = await createTestApp({ trustProxy: ['127.0.0.1'] });
});
afterAll(async () => {
  await t.close();
  await proxied.close();
});

const login = (app: TestApp, username: string, headers: Record<string, string> = {}) =>
  app.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify({ username, password: TEST_PASSWORD }),
  });

async function lastSessionIp(app: TestApp, username: string) {
  const [u] = await app.services.db.select().from(users).where(eq(users.username, username));
  const [s] = await app.services.db.select().from(sessions).where(eq(sessions.userId, u.id)).orderBy(desc(sessions.createdAt)).limit(1);
  const [a] = await app.services.db.select().from(auditLog).where(eq(auditLog.actorId, u.id)).orderBy(desc(auditLog.id)).limit(1);
  return { session: s.ip, audit: a.ip };
}

describe('security headers', () => {
  it('sends CSP, frame, referrer and nosniff headers on API answers and pages, and no HSTS over plain HTTP', async () => {
    for (const url of ['/api/health', '/some/page', '/api/nothing-here']) {
      const res = await t.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('sends HSTS only when the request came over HTTPS through a trusted proxy', async () => {
    const https = await proxied.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
    // an untrusted client cannot claim HTTPS
    const claimed = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(claimed.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('cookies', () => {
  it('marks the session cookie Secure when the request came over HTTPS, and not on plain HTTP in development', async () => {
    await proxied.userClient('tls', 'viewer');
    const over = await login(proxied, 'tls', { 'x-forwarded-proto': 'https' });
    expect(String(over.headers['set-cookie'])).toMatch(/;\s*Secure/i);
    const plain = await login(proxied, 'tls');
    expect(plain.statusCode).toBe(200);
    expect(String(plain.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
  });
});

describe('client address', () => {
  it('ignores X-Forwarded-For by default: the audit log and the session keep the real address', async () => {
    await t.userClient('xff', 'viewer');
    const res = await login(t, 'xff', { 'x-forwarded-for': '203.0.113.9' });
    expect(res.statusCode).toBe(200);
    expect(await lastSessionIp(t, 'xff')).toEqual({ session: '127.0.0.1', audit: '127.0.0.1' });
  });

  it('believes X-Forwarded-For from a configured proxy', async () => {
    await proxied.userClient('behind', 'viewer');
    await login(proxied, 'behind', { 'x-forwarded-for': '203.0.113.9' });
    expect(await lastSessionIp(proxied, 'behind')).toEqual({ session: '203.0.113.9', audit: '203.0.113.9' });
  });

  it('reads XIEZUO_TRUST_PROXY: off by default, true, a hop count, or addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('10.0.0.1, 192.168.0.0/16')).toEqual(['10.0.0.1', '192.168.0.0/16']);
  });
});
