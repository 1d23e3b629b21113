// 离线走访 on the server: a retried upload (same client id) answers its first result and writes one row, two
// at once included; an upload into a household that changed meanwhile is accepted where it can be and says
// what was reconciled; the offline pack holds only the cadre's scope, masked ID numbers, open risks and measures.
import { randomUUID } from 'node:crypto';
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../platform/context';
import { systemCtx } from '../../platform/ctx';
import { createTestApp, type TestApp, type TestClient } from '../../testing/app';
import { monitoringMeasures, monitoringMembers, monitoringVisits } from './tables';
import { type BuiltHousehold, insertHousehold, insertMeasure, insertRisk, insertVillages, XINGYI, ZENGCUN } from './testing/builders';

const today = todayInBeijing();
let t: TestApp;
let all: Ctx;
let cadre: TestClient, town: TestClient;
let home: BuiltHousehold;

const visit = (over: object = {}) => ({
  visitedOn: today,
  visitors: '兴义村 驻村干部',
  findings: '离线记录：家中老人慢性病，药费负担重',
  ...over,
});
const rows = async (table: typeof monitoringVisits, householdId: number) =>
  (await t.services.db.select().from(table).where(eq(table.householdId, householdId))).length;

beforeAll(async () => {
  t = await createTestApp();
  all = systemCtx(t.services);
  await insertVillages(t.services);
  cadre = await t.userClient('cun_offline', 'town_staff', { divisions: [XINGYI] });
  town = await t.userClient('zhen_offline', 'town_staff', { divisions: ['441224109000'] });
  home = await insertHousehold(all, { village: XINGYI, monitored: '2025-01-10', members: [{ name: '黄德明' }, { name: '黄小雨' }] });
  await insertHousehold(all, { village: ZENGCUN, monitored: '2025-01-10', members: [{ name: '曾外村' }] });
});
afterAll(() => t.close());

describe('idempotent uploads', () => {
  it('answers a retried visit with its first result and keeps one row, also when both arrive at once', async () => {
    const clientId = randomUUID();
    const first = await cadre.post(`/api/monitoring/households/${home.id}/visits`, visit({ clientId }));
    expect(first.statusCode).toBe(200);
    const again = await cadre.post(`/api/monitoring/households/${home.id}/visits`, visit({ clientId }));
    expect(again.json()).toEqual(first.json());
    const racing = randomUUID();
    const both = await Promise.all(
      [1, 2].map(() => cadre.post(`/api/monitoring/households/${home.id}/visits`, visit({ clientId: racing }))),
    );
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(both[0].json().id).toBe(both[1].json().id);
    expect(await rows(monitoringVisits, home.id)).toBe(2);
    const receipts = await t.services.db.execute(sql`select count(*)::int as n from monitoring_client_writes`);
    expect(receipts.rows[0].n).toBe(2);
  });

  it('refuses a client id reused by another user instead of answering their result', async () => {
    const clientId = randomUUID();
    expect((await cadre.post(`/api/monitoring/households/${home.id}/visits`, visit({ clientId }))).statusCode).toBe(200);
    const other = await town.post(`/api/monitoring/households/${home.id}/visits`, visit({ clientId }));
    expect(other.statusCode).toBe(409);
    expect(other.json().details[0].path).toBe('body.clientId');
  });

  it('makes follow-ups, risks and photos idempotent too', async () => {
    const measure = await insertMeasure(all, home.id, { startOn: '2025-03-01' });
    const clientId = randomUUID();
    const body = { on: today, note: '离线跟进：补助已到账', clientId };
    const a = await cadre.post(`/api/monitoring/measures/${measure.id}/follow-up`, body);
    const b = await cadre.post(`/api/monitoring/measures/${measure.id}/follow-up`, body);
    expect(a.statusCode).toBe(200);
    expect(b.json()).toEqual(a.json());
    expect(a.json()).toMatchObject({ lastFollowUpOn: today, followUpNote: '离线跟进：补助已到账', reconciled: [] });

    const risk = { kind: 'schooling', identifiedOn: today, clientId: randomUUID() };
    const r1 = await cadre.post(`/api/monitoring/households/${home.id}/risks`, risk);
    const r2 = await cadre.post(`/api/monitoring/households/${home.id}/risks`, risk);
    expect(r2.json().id).toBe(r1.json().id);

    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]).toString('base64');
    const photo = {
      fileName: '走访.jpg',
      mimeType: 'image/jpeg',
      contentBase64: jpeg,
      clientId: randomUUID(),
      takenAt: '2026-05-04T02:03:04.000Z',
    };
    const p1 = await cadre.post(`/api/monitoring/households/${home.id}/attachments`, photo);
    const p2 = await cadre.post(`/api/monitoring/households/${home.id}/attachments`, photo);
    expect(p1.statusCode).toBe(200);
    expect(p2.json()).toEqual(p1.json());
    expect(p1.json().takenAt).toBe('2026-05-04T02:03:04.000Z');
    const photos = await t.services.db.execute(sql`select count(*)::int as n from monitoring_attachments where household_id = ${home.id}`);
    expect(photos.rows[0].n).toBe(1);
  });
});

describe('reconciliation with a household that changed meanwhile', () => {
  it('accepts what it can and says what was reconciled; nothing newer is written over', async () => {
    const h = await insertHousehold(all, { village: XINGYI, monitored: '2025-01-10', members: [{ name: '韦大山' }, { name: '韦小河' }] });
    const members = await t.services.db.select().from(monitoringMembers).where(eq(monitoringMembers.householdId, h.id));
    const illness = await insertRisk(all, h.id, 'illness');
    const measure = await insertMeasure(all, h.id, { startOn: '2025-03-01' });
    const basis = { status: 'monitored', activeMemberIds: members.map((m) => m.id) };
    // meanwhile on the server: the son moves out, the illness risk is closed, a newer follow-up, a newer visit
    const leaver = members.find((m) => m.name === '韦小河')!;
    expect((await town.post(`/api/monitoring/members/${leaver.id}/leave`, { reason: 'moved_out' })).statusCode).toBe(200);
    expect((await town.post(`/api/monitoring/risks/${illness.id}/close`, { closedOn: today })).statusCode).toBe(200);
    await t.services.db.update(monitoringMeasures).set({ lastFollowUpOn: today }).where(eq(monitoringMeasures.id, measure.id));
    expect(
      (await town.post(`/api/monitoring/households/${h.id}/visits`, visit({ incomePerHead: 9100, incomeYear: 2025 }))).statusCode,
    ).toBe(200);

    const offline = await cadre.post(
      `/api/monitoring/households/${h.id}/visits`,
      visit({
        visitedOn: '2026-01-05',
        clientId: randomUUID(),
        basis,
        incomePerHead: 5000,
        incomeYear: 2025,
        closeRiskIds: [illness.id],
        openRisks: [{ kind: 'unstable_work' }],
        followedMeasureIds: [measure.id],
        gps: { lat: 24.08, lng: 112.18, accuracy: 30 },
      }),
    );
    expect(offline.statusCode).toBe(200);
    const kinds = offline
      .json()
      .reconciled.map((r: { kind: string }) => r.kind)
      .sort();
    expect(kinds).toEqual(['incomeNotApplied', 'memberLeft', 'newerFollowUp', 'riskAlreadyClosed']);
    expect(offline.json().reconciled.find((r: { kind: string }) => r.kind === 'memberLeft').params).toMatchObject({
      name: '韦小河',
      reason: 'moved_out',
    });

    const detail = (await town.get(`/api/monitoring/households/${h.id}`)).json();
    expect(detail.household.incomePerHead).toBe(9100); // the newer visit's income stays
    expect(detail.measures[0].lastFollowUpOn).toBe(today);
    expect(detail.risks.filter((r: { closedOn: string | null }) => !r.closedOn).map((r: { kind: string }) => r.kind)).toEqual([
      'unstable_work',
    ]);
    expect(detail.visits).toHaveLength(2);
    // the GPS stamp: the town reviewer sees it, the village cadre who took it does not
    expect(detail.visits.find((v: { visitedOn: string }) => v.visitedOn === '2026-01-05').gps).toMatchObject({ lat: 24.08 });
    const own = (await cadre.get(`/api/monitoring/households/${h.id}`)).json();
    expect(own.visits.every((v: { gps?: unknown }) => v.gps === undefined)).toBe(true);
  });

  it('says when the status moved on and still keeps the visit', async () => {
    const h = await insertHousehold(all, { village: XINGYI, monitored: '2025-01-10' });
    await t.services.db.execute(sql`update monitoring_households set status = 'eliminated', eliminated_on = ${today} where id = ${h.id}`);
    const res = await cadre.post(
      `/api/monitoring/households/${h.id}/visits`,
      visit({ clientId: randomUUID(), basis: { status: 'monitored', activeMemberIds: [] } }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().reconciled).toEqual([{ kind: 'statusChanged', id: null, params: { from: 'monitored', to: 'eliminated' } }]);
    expect(await rows(monitoringVisits, h.id)).toBe(1);
  });
});

describe('the offline pack', () => {
  it('holds only the cadre’s villages, masked ID numbers, open risks and measures, for 30 days', async () => {
    const res = await cadre.get('/api/monitoring/offline/pack');
    expect(res.statusCode).toBe(200);
    const pack = res.json();
    expect(pack.households.length).toBeGreaterThan(0);
    expect(pack.households.some((c: { headName: string }) => c.headName === '曾外村')).toBe(false);
    const card = pack.households.find((c: { id: number }) => c.id === home.id);
    expect(card.members.map((m: { name: string }) => m.name)).toEqual(['黄德明', '黄小雨']);
    expect(card.members[0].idMasked).toMatch(/^\d{4}\*+\d{3}[\dX]$/);
    expect(JSON.stringify(pack)).not.toContain(home.head);
    expect(card.risks.map((r: { kind: string }) => r.kind)).toEqual(['schooling']);
    expect(pack.validUntil > pack.issuedOn).toBe(true);
  });

  it('gives each user their own stable queue secret', async () => {
    const a = (await cadre.get('/api/monitoring/offline/key')).json();
    expect((await cadre.get('/api/monitoring/offline/key')).json()).toEqual(a);
    expect((await town.get('/api/monitoring/offline/key')).json().secret).not.toBe(a.secret);
    // the session's limits go with it: 12 hours from sign-in at the latest, 30 idle minutes
    const ends = Date.parse(a.sessionEndsAt) - Date.now();
    expect(ends).toBeGreaterThan(11 * 3_600_000);
    expect(ends).toBeLessThanOrEqual(12 * 3_600_000);
    expect(a.idleMinutes).toBe(30);
  });
});
