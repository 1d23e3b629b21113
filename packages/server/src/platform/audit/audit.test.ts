// The audit log is append-only, keeps secrets out, and its retention purge never touches young entries.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/app';
import { purgeAudit, redact, writeAudit } from './service';
import { auditLog } from './tables';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const actor = { id: 1, name: 'tester', ip: '127.0.0.1' };

describe('audit log', () => {
  it('records every write with who, from where, before and after', async () => {
    const admin = await t.userClient('boss', 'admin', { all: true });
    const created = (await admin.post('/api/admin/users', { username: 'clerk', displayName: '文员', role: 'viewer' })).json();
    await admin.patch(`/api/admin/users/${created.user.id}`, { role: 'team_member' });
    const log = (await admin.get('/api/audit?entity=user&action=update')).json();
    expect(log.items[0]).toMatchObject({ actorName: 'boss', entity: 'user', entityId: String(created.user.id) });
    expect(log.items[0].before.role).toBe('viewer');
    expect(log.items[0].after.role).toBe('team_member');
    expect(log.items[0].ip).toBeTruthy();
  });

  it('refuses UPDATE, DELETE of young entries and TRUNCATE at the database', async () => {
    await writeAudit(t.services.db, actor, { action: 'create', entity: 'thing', entityId: 1 });
    await expect(t.services.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow();
    await expect(t.services.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(t.services.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect((await t.services.db.select().from(auditLog)).length).toBeGreaterThan(0);
  });

  it('purges only entries older than the retention period (at least 184 days)', async () => {
    const n = (await t.services.db.select().from(auditLog)).length;
    expect(await purgeAudit(t.services.db, 30)).toBe(0);
    expect((await t.services.db.select().from(auditLog)).length).toBe(n);
  });

  it("shows the auditor people's names, phones and addresses masked in entries about households and members (issue #21)", async () => {
    await writeAudit(t.services.db, actor, {
      action: 'update',
      entity: 'monitoring_household',
      entityId: 7,
      before: { headName: '麦伯', phone: '13800138000', address: '兴义村三组12号', category: 'sudden' },
      after: { headName: '麦伯', phone: '13900139000', address: '兴义村四组1号', members: [{ name: '小娅', relation: 'grandchild' }] },
    });
    await writeAudit(t.services.db, actor, {
      action: 'update',
      entity: 'monitoring_member',
      entityId: 9,
      after: { name: '小艺', relation: 'grandchild' },
    });
    const auditor = await t.userClient('auditor1', 'auditor', { all: true });
    const res = await auditor.get('/api/audit?entity=monitoring_household');
    expect(res.statusCode).toBe(200);
    const [entry] = res.json().items;
    expect(entry).toMatchObject({ entity: 'monitoring_household', entityId: '7', actorName: 'tester' });
    expect(entry.before).toEqual({ headName: '麦*', phone: '138****8000', address: '******', category: 'sudden' });
    expect(entry.after.members).toEqual([{ name: '小*', relation: 'grandchild' }]);
    const member = (await auditor.get('/api/audit?entity=monitoring_member')).json().items[0];
    expect(member.after).toEqual({ name: '小*', relation: 'grandchild' });
    expect(JSON.stringify((await auditor.get('/api/audit?pageSize=500')).json())).not.toMatch(/麦伯|小娅|小艺|13800138000|兴义村三组/);
    // entries about the app's own users keep their names: the auditor follows who did what
    const users = (await auditor.get('/api/audit?entity=user')).json().items;
    expect(users.some((u: { after: { displayName?: string } }) => u.after?.displayName === '文员')).toBe(true);
  });

  it('never stores secrets in before/after', () => {
    expect(redact({ name: '张三', idNumber: '11010519491231002X', nested: { passwordHash: 'x', health: '慢性病' } })).toEqual({
      name: '张三',
      idNumber: '[redacted]',
      nested: { passwordHash: '[redacted]', health: '[redacted]' },
    });
  });
});
