// The holiday calendar: shipped years seeded once, kept by admins (audited), read by everyone, and what
// the monitoring procedure clock counts with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workDaysBetween } from '../../modules/monitoring/workdays';
import { createTestApp, type TestApp, type TestClient } from '../../testing/app';
import { loadCalendar, seedCalendar } from './service';

let t: TestApp;
let admin: TestClient;
let leader: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  await seedCalendar(t.services.db);
  await loadCalendar(t.services.db);
  admin = await t.userClient('cal_admin', 'admin', { all: true });
  leader = await t.userClient('cal_leader', 'team_leader', { divisions: ['4412'] });
});
afterAll(() => t.close());

const count = async () => (await t.services.database.query<{ n: number }>('select count(*)::int as n from work_calendar'))[0].n;

describe('holiday calendar', () => {
  it('ships the published schedules, and seeding again adds nothing', async () => {
    const days = (await leader.get('/api/calendar?year=2025')).json() as { day: string; work: boolean; name: string }[];
    expect(days.find((d) => d.day === '2025-10-08')).toEqual({ day: '2025-10-08', work: false, name: '国庆节、中秋节' });
    expect(days.find((d) => d.day === '2025-09-28')?.work).toBe(true);
    const before = await count();
    await seedCalendar(t.services.db);
    expect(await count()).toBe(before);
  });

  it('counts procedure working days with the holidays', () => {
    expect(workDaysBetween('2025-09-30', '2025-10-09')).toBe(1);
  });

  it('lets an admin add a day (audited), and the clocks count with it at once', async () => {
    expect(workDaysBetween('2027-03-01', '2027-03-05')).toBe(4); // Mon → Fri, no holiday known yet
    const res = await admin.put('/api/admin/calendar/2027-03-03', { work: false, name: '演示假日' });
    expect(res.statusCode).toBe(200);
    expect(workDaysBetween('2027-03-01', '2027-03-05')).toBe(3);
    const [entry] = await t.services.database.query<{ action: string; actor_name: string }>(
      `select action, actor_name from audit_log where entity = 'work_calendar' and entity_id = '2027-03-03'`,
    );
    expect(entry).toEqual({ action: 'create', actor_name: 'cal_admin' });
    expect((await admin.request('DELETE', '/api/admin/calendar/2027-03-03')).statusCode).toBe(200);
    expect(workDaysBetween('2027-03-01', '2027-03-05')).toBe(4);
  });

  it('refuses others and bad dates, and changes nothing', async () => {
    const before = await count();
    expect((await leader.put('/api/admin/calendar/2027-03-03', { work: false, name: '假日' })).statusCode).toBe(403);
    const bad = await admin.put('/api/admin/calendar/2027-02-30', { work: false, name: '假日' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ path: 'params.day', message: '日期不正确，应写成 2025-03-01' });
    const blank = await admin.put('/api/admin/calendar/2027-03-03', { work: false, name: ' ' });
    expect(blank.json().details[0].path).toBe('body.name');
    expect(await count()).toBe(before);
  });

  it('still seeds a shipped year an admin had begun by hand, keeping the days entered', async () => {
    await t.services.database.query(`delete from work_calendar where day between '2025-01-01' and '2025-12-31'`);
    expect((await admin.put('/api/admin/calendar/2025-12-31', { work: false, name: '演示假日' })).statusCode).toBe(200);
    await seedCalendar(t.services.db);
    const days = (await admin.get('/api/calendar?year=2025')).json() as { day: string; name: string }[];
    expect(days.find((d) => d.day === '2025-10-08')?.name).toBe('国庆节、中秋节');
    expect(days.find((d) => d.day === '2025-12-31')?.name).toBe('演示假日');
  });

  it('keeps a year an admin has edited as it is when seeding again', async () => {
    expect((await admin.request('DELETE', '/api/admin/calendar/2026-01-02')).statusCode).toBe(200);
    await seedCalendar(t.services.db);
    const days = (await admin.get('/api/calendar?year=2026')).json() as { day: string }[];
    expect(days.some((d) => d.day === '2026-01-02')).toBe(false);
  });
});
