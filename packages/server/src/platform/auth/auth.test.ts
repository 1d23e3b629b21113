import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../testing/app';
import { auditLog } from '../audit/tables';
import { sessions, users } from './tables';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('signs in, returns the user with a CSRF token and sets an HttpOnly SameSite cookie', async () => {
    await t.userClient('zhang', 'team_leader');
    const c = t.client();
    const res = await c.login('zhang', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const set = String(res.headers['set-cookie']);
    expect(set).toMatch(/xz_sid=/);
    expect(set).toMatch(/HttpOnly/i);
    expect(set).toMatch(/SameSite=Lax/i);
    const me = (await c.get('/api/auth/me')).json();
    expect(me).toMatchObject({ username: 'zhang', role: 'team_leader', mustChangePassword: false });
    expect(me.csrfToken.length).toBeGreaterThan(20);
    // the database holds only a hash of the cookie value
    const [row] = await t.services.db.select().from(sessions).limit(1);
    expect(row.id).not.toBe(c.cookies.xz_sid);
  });

  it('answers a wrong password in Chinese, and in English when asked', async () => {
    await t.userClient('li', 'viewer');
    const c = t.client();
    const zh = await c.login('li', 'wrong');
    expect(zh.statusCode).toBe(401);
    expect(zh.json()).toEqual({ code: 'BAD_CREDENTIALS', message: '用户名或密码错误', details: [] });
    c.lang = 'en';
    expect((await c.login('nobody', 'wrong')).json().message).toBe('Wrong username or password');
  });

  it('locks the account after 5 failures for 15 minutes, even for the right password', async () => {
    await t.userClient('wang', 'viewer');
    const c = t.client();
    for (let i = 0; i < 4; i++) expect((await c.login('wang', 'nope')).statusCode).toBe(401);
    const fifth = await c.login('wang', 'nope');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().message).toContain('15 分钟');
    expect((await c.login('wang', TEST_PASSWORD)).statusCode).toBe(423);
    const failed = await t.services.db.select().from(auditLog).where(eq(auditLog.action, 'login_failed'));
    expect(failed.length).toBeGreaterThanOrEqual(5);
  });

  it('refuses writes without the CSRF token', async () => {
    const c = await t.userClient('admin1', 'admin', { all: true });
    const token = c.csrf;
    c.csrf = 'forged';
    const res = await c.post('/api/admin/users', { username: 'xone', displayName: 'X', role: 'viewer' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF');
    c.csrf = token;
    expect((await c.post('/api/admin/users', { username: 'xone', displayName: 'X', role: 'viewer' })).statusCode).toBe(200);
  });

  it('lists users with their scope by name: places and teams, not codes and ids', async () => {
    const db = t.services.database;
    await db.query(
      `insert into divisions (code, name, level, parent_code) values ('441224000000', '怀集县', 'county', null) on conflict do nothing`,
    );
    const [{ id }] = await db.query<{ id: number }>(
      `insert into teams (name, kind, division_code) values ('驻岗坪镇工作队', 'team', '441224109000') returning id`,
    );
    await t.userClient('scoped_names', 'team_leader', { divisions: ['441224000000'], teams: [id] });
    const admin = await t.userClient('names_admin', 'admin', { all: true });
    const row = (await admin.get('/api/admin/users')).json().find((u: { username: string }) => u.username === 'scoped_names');
    expect(row.scopeNames).toEqual(['怀集县', '驻岗坪镇工作队']);
  });

  it('requires sign-in for the API', async () => {
    const res = await t.client().get('/api/admin/users');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });

  it('ends a session after the idle timeout', async () => {
    const c = await t.userClient('idle', 'viewer');
    await t.services.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(sessions.userId, (await t.services.db.select().from(users).where(eq(users.username, 'idle')))[0].id));
    const res = await c.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });

  it('ends a session after the absolute timeout even when active', async () => {
    const c = await t.userClient('longday', 'viewer');
    const [u] = await t.services.db.select().from(users).where(eq(users.username, 'longday'));
    await t.services.db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 13 * 3_600_000) })
      .where(eq(sessions.userId, u.id));
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('signs out and the cookie no longer works', async () => {
    const c = await t.userClient('leaver', 'viewer');
    const cookie = c.cookies.xz_sid;
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    c.cookies.xz_sid = cookie;
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('initial password', () => {
  it('forces a change before anything else, under the ASVS rules', async () => {
    const admin = await t.userClient('admin2', 'admin', { all: true });
    const created = (await admin.post('/api/admin/users', { username: 'newbie', displayName: '新人', role: 'team_member' })).json();
    expect(created.initialPassword).toHaveLength(14);
    const c = t.client();
    expect((await c.login('newbie', created.initialPassword)).statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    const blocked = await c.get('/api/audit');
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');

    const weak = await c.post('/api/auth/password', { currentPassword: created.initialPassword, newPassword: 'password123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('PASSWORD_POLICY');
    expect(weak.json().details.map((d: { message: string }) => d.message)).toEqual(
      expect.arrayContaining(['至少 12 个字符', '这是常见或已泄露的密码，请换一个']),
    );
    const wrong = await c.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'a long enough passphrase' });
    expect(wrong.json().details[0]).toEqual({ path: 'body.currentPassword', message: '当前密码不正确' });

    const ok = await c.post('/api/auth/password', { currentPassword: created.initialPassword, newPassword: 'a long enough passphrase' });
    expect(ok.statusCode).toBe(200);
    expect((await c.get('/api/auth/me')).json().mustChangePassword).toBe(false);
  });

  it('applies the MLPS level-3 profile: classes, history and 90-day expiry', async () => {
    const m = await createTestApp({ passwordProfile: 'mlps3' });
    try {
      const c = await m.userClient('mlps', 'viewer');
      const simple = await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'abcdefghijk' });
      expect(simple.json().details.map((d: { message: string }) => d.message)).toContain(
        '须包含大写字母、小写字母、数字、符号中的至少 3 类',
      );
      expect((await c.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Gx#2024abcd' })).statusCode).toBe(200);
      expect((await c.post('/api/auth/password', { currentPassword: 'Gx#2024abcd', newPassword: 'Gz#2025abcd' })).statusCode).toBe(200);
      const reuse = await c.post('/api/auth/password', { currentPassword: 'Gz#2025abcd', newPassword: 'Gx#2024abcd' });
      expect(reuse.json().code).toBe('PASSWORD_POLICY');
      // a password older than 90 days must be changed at the next sign-in
      await m.services.db
        .update(users)
        .set({ passwordChangedAt: new Date(Date.now() - 91 * 86_400_000) })
        .where(eq(users.username, 'mlps'));
      const again = m.client();
      await again.login('mlps', 'Gz#2025abcd');
      expect((await again.get('/api/auth/me')).json().mustChangePassword).toBe(true);
    } finally {
      await m.close();
    }
  });
});

describe('admin', () => {
  it('lists sessions and ends one; only admins may', async () => {
    const admin = await t.userClient('admin3', 'admin', { all: true });
    const victim = await t.userClient('victim', 'team_member');
    const list = (await admin.get('/api/admin/sessions')).json();
    const target = list.find((s: { username: string }) => s.username === 'victim');
    expect(target).toBeDefined();
    expect(list.find((s: { username: string }) => s.username === 'admin3').current).toBe(true);
    expect((await victim.get('/api/admin/sessions')).statusCode).toBe(403);
    expect((await admin.delete(`/api/admin/sessions/${encodeURIComponent(target.id)}`)).statusCode).toBe(200);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('an auditor reads the audit log and nothing else', async () => {
    const auditor = await t.userClient('aud', 'auditor', { all: true });
    const log = (await auditor.get('/api/audit?action=login')).json();
    expect(log.total).toBeGreaterThan(0);
    expect(log.items[0]).toMatchObject({ action: 'login', entity: 'user' });
    expect((await auditor.get('/api/admin/users')).statusCode).toBe(403);
    const viewer = await t.userClient('viewer9', 'viewer');
    expect((await viewer.get('/api/audit')).statusCode).toBe(403);
  });
});
