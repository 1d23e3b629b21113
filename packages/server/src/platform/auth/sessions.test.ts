// Sessions: a new sign-in of an admin ends the admin's older sessions (SESSION_SINGLE_ROLES); a role without
// the permission gets 403 on a write before its body is looked at.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../testing/app';
import { sessions, users } from './tables';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('one session at a time', () => {
  it('is on for admins by default: signing in again ends the older session', async () => {
    const first = await t.userClient('boss', 'admin', { all: true });
    expect((await first.get('/api/auth/me')).statusCode).toBe(200);
    const second = t.client();
    expect((await second.login('boss', TEST_PASSWORD)).statusCode).toBe(200);
    expect((await second.get('/api/auth/me')).statusCode).toBe(200);
    expect((await first.get('/api/auth/me')).statusCode).toBe(401);
    const [u] = await t.services.db.select().from(users).where(eq(users.username, 'boss'));
    const rows = await t.services.db.select().from(sessions).where(eq(sessions.userId, u.id));
    expect(rows.filter((s) => s.endReason === 'superseded')).toHaveLength(1);
  });

  it('leaves other roles their sessions on several devices', async () => {
    const phone = await t.userClient('field', 'team_member');
    const desk = t.client();
    expect((await desk.login('field', TEST_PASSWORD)).statusCode).toBe(200);
    expect((await phone.get('/api/auth/me')).statusCode).toBe(200);
    expect((await desk.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('is a setting: SESSION_SINGLE_ROLES lists the roles ("" for none)', () => {
    expect(loadConfig({}).session.singleRoles).toEqual(['admin']);
    expect(loadConfig({ SESSION_SINGLE_ROLES: '' }).session.singleRoles).toEqual([]);
    expect(loadConfig({ SESSION_SINGLE_ROLES: 'admin, hq' }).session.singleRoles).toEqual(['admin', 'hq']);
  });
});

describe('permission before validation', () => {
  it('answers a viewer’s write 403 whatever its body, before the body is validated', async () => {
    const viewer = await t.userClient('peek', 'viewer', { all: true });
    for (const body of [{}, { username: 'x' }, { nonsense: true, role: 'god' }]) {
      const res = await viewer.post('/api/admin/users', body);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    const bad = await viewer.request('PUT', '/api/admin/calendar/2026-13-45', { nonsense: 1 });
    expect(bad.statusCode).toBe(403);
    // the admin still gets the validation answer
    const admin = await t.userClient('boss2', 'admin', { all: true });
    expect((await admin.post('/api/admin/users', {})).statusCode).toBe(400);
  });
});
