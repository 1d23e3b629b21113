import { creditCodeCheckChar } from '@xiezuo/shared/codes/creditCode';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/tables';
import { systemCtx } from '../../platform/ctx';
import { createTestApp, type TestApp, type TestClient } from '../../testing/app';
import { pairings, units } from './tables';
import { divisionSubtrees } from './testing/builders';

// 四会 (肇庆) helps 富川 (贺州); 荔湾 helps 梅县 and its towns. Only these subtrees are loaded.
const SIHUI = '441284000000';
const FUCHUAN = '451123000000';
const LIWAN = '440103000000';
const MEIXIAN = '441403000000';
const BINGCUN = '441403113000'; // 丙村镇
const SONGYUAN = '441403116000'; // 松源镇
const NANKOU = '441403106000'; // 南口镇

let t: TestApp;
let hq: TestClient;
let programmeId: number;
beforeAll(async () => {
  t = await createTestApp();
  await divisionSubtrees(t.services, SIHUI, FUCHUAN, LIWAN, MEIXIAN);
  hq = await t.userClient('hq', 'hq', { all: true });
  const res = await hq.post('/api/registry/programmes', {
    code: 'yue-gui-2021',
    name: '粤桂东西部协作',
    kind: 'east_west',
    startDate: '2021-01-01',
    endDate: '2025-12-31',
    phases: [{ name: '第一阶段', startDate: '2021-01-01', endDate: '2022-12-31', focus: '巩固脱贫成果' }],
  });
  expect(res.statusCode).toBe(200);
  programmeId = res.json().id;
});
afterAll(() => t.close());

const credit = (first17: string) => first17 + creditCodeCheckChar(first17);

describe('divisions', () => {
  it('browses children, searches by Chinese substring and by code', async () => {
    const provinces = (await hq.get('/api/registry/divisions')).json();
    expect(provinces.map((p: { name: string }) => p.name)).toEqual(['广东省', '广西壮族自治区']);
    const towns = (await hq.get(`/api/registry/divisions?parent=${MEIXIAN}`)).json();
    expect(towns.map((d: { name: string }) => d.name)).toEqual(expect.arrayContaining(['丙村镇', '畲江镇', '南口镇', '白渡镇', '松源镇']));
    expect(towns.every((d: { level: string; hasChildren: boolean }) => d.level === 'town' && d.hasChildren)).toBe(true);
    const hits = (await hq.get(`/api/registry/divisions/search?q=${encodeURIComponent('丙村')}`)).json();
    expect(hits[0]).toMatchObject({ code: BINGCUN, name: '丙村镇', path: '广东省 / 梅州市 / 梅县区' });
    const byCode = (await hq.get('/api/registry/divisions/search?q=451123')).json();
    expect(byCode[0]).toMatchObject({ code: FUCHUAN, name: '富川瑶族自治县' });
    // the household form's village picker: villages only, and only the town staff's own (#13 item 3)
    const town = await t.userClient('bingcun_staff', 'town_staff', { divisions: [BINGCUN] });
    const q = encodeURIComponent('村');
    const everywhere = (await town.get(`/api/registry/divisions/search?q=${q}&limit=100`)).json();
    expect(everywhere.some((h: { code: string }) => !h.code.startsWith('441403113'))).toBe(true);
    const mine = (await town.get(`/api/registry/divisions/search?q=${q}&limit=100&level=village&within=scope`)).json();
    expect(mine.length).toBeGreaterThan(5);
    expect(mine.every((h: { code: string; level: string }) => h.level === 'village' && h.code.startsWith('441403113'))).toBe(true);
    expect(mine[0].path).toBe('广东省 / 梅州市 / 梅县区 / 丙村镇');
    const onlyTowns = (await hq.get(`/api/registry/divisions/search?q=${encodeURIComponent('丙村')}&level=town`)).json();
    expect(onlyTowns.map((h: { code: string }) => h.code)).toEqual([BINGCUN]);
  });

  it('keeps history: a town merged away last year is in last year’s tree only', async () => {
    const res = await hq.post(`/api/registry/divisions/${SONGYUAN}/changes`, { kind: 'merge', into: BINGCUN, effectiveOn: '2025-07-01' });
    expect(res.statusCode).toBe(200);
    const now = (await hq.get(`/api/registry/divisions?parent=${MEIXIAN}`)).json().map((d: { code: string }) => d.code);
    const then = (await hq.get(`/api/registry/divisions?parent=${MEIXIAN}&asOf=2025-06-30`)).json().map((d: { code: string }) => d.code);
    expect(now).not.toContain(SONGYUAN);
    expect(then).toContain(SONGYUAN);
    // Songyuan's villages now sit under Bingcun, but under Songyuan as of the day before the merger
    const bingcunNow = (await hq.get(`/api/registry/divisions?parent=${BINGCUN}`)).json();
    const bingcunThen = (await hq.get(`/api/registry/divisions?parent=${BINGCUN}&asOf=2025-06-30`)).json();
    expect(bingcunNow.length).toBeGreaterThan(bingcunThen.length);
    const rename = await hq.post(`/api/registry/divisions/${BINGCUN}/changes`, {
      kind: 'rename',
      name: '丙村镇（新）',
      effectiveOn: '2025-08-01',
    });
    expect(rename.statusCode).toBe(200);
    const detail = (await hq.get(`/api/registry/divisions/${BINGCUN}?asOf=2025-07-15`)).json();
    expect(detail).toMatchObject({ name: '丙村镇', ancestors: [{ name: '广东省' }, { name: '梅州市' }, { name: '梅县区' }] });
    expect((await hq.get(`/api/registry/divisions/${BINGCUN}`)).json().name).toBe('丙村镇（新）');
    const { subtreeAsOf } = await import('./divisions');
    const ctx = systemCtx(t.services);
    const before = await subtreeAsOf(ctx, MEIXIAN, '2025-06-30');
    const after = await subtreeAsOf(ctx, MEIXIAN, '2025-07-02');
    expect(before.some((d) => d.code === SONGYUAN)).toBe(true);
    expect(after.some((d) => d.code === SONGYUAN)).toBe(false);
    expect(after.length).toBe(before.length - 1); // the villages stayed in the county, only the town went
  });

  it('splits: a new town created on a day takes villages from another; the day before, the old tree', async () => {
    const NEW_TOWN = '441403199000';
    const village = (await hq.get(`/api/registry/divisions?parent=${NANKOU}`)).json()[0];
    const create = await hq.post(`/api/registry/divisions/${NEW_TOWN}/changes`, {
      kind: 'create',
      name: '新设镇（演示）',
      parentCode: MEIXIAN,
      effectiveOn: '2026-01-01',
    });
    expect(create.statusCode).toBe(200);
    const move = await hq.post(`/api/registry/divisions/${village.code}/changes`, {
      kind: 'move',
      parentCode: NEW_TOWN,
      effectiveOn: '2026-01-01',
    });
    expect(move.statusCode).toBe(200);
    const kids = async (parent: string, asOf?: string) =>
      (await hq.get(`/api/registry/divisions?parent=${parent}${asOf ? `&asOf=${asOf}` : ''}`)).json().map((d: { code: string }) => d.code);
    expect(await kids(MEIXIAN, '2025-12-31')).not.toContain(NEW_TOWN);
    expect(await kids(MEIXIAN)).toContain(NEW_TOWN);
    expect(await kids(NEW_TOWN)).toEqual([village.code]);
    expect(await kids(village.parentCode, '2025-12-31')).toContain(village.code);
    expect(await kids(village.parentCode)).not.toContain(village.code);
    const early = await hq.post(`/api/registry/divisions/${village.code}/changes`, {
      kind: 'rename',
      name: 'x',
      effectiveOn: '2025-06-01',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().details[0].path).toBe('body.effectiveOn');
  });
  it('history changes are HQ/admin only: a team leader in scope gets 403 and nothing changes', async () => {
    const { divisionChanges, divisionVersions, divisions } = await import('./tables');
    const db = t.services.db;
    const snapshot = async () => ({
      changes: (await db.select({ n: count() }).from(divisionChanges))[0].n,
      versions: (await db.select({ n: count() }).from(divisionVersions))[0].n,
      audits: (await db.select({ n: count() }).from(auditLog))[0].n,
      town: (await db.select().from(divisions).where(eq(divisions.code, NANKOU)))[0],
      divisions: (await db.select({ n: count() }).from(divisions))[0].n,
    });
    const leader = await t.userClient('mx_leader', 'team_leader', { divisions: [MEIXIAN] });
    const member = await t.userClient('mx_member', 'team_member', { all: true });
    const before = await snapshot();
    const tries = [
      { kind: 'rename', name: '南口镇（改）', effectiveOn: '2026-03-01' },
      { kind: 'merge', into: BINGCUN, effectiveOn: '2026-03-01' },
      { kind: 'move', parentCode: MEIXIAN, effectiveOn: '2026-03-01' },
    ];
    for (const c of [leader, member]) {
      for (const body of tries) {
        const res = await c.post(`/api/registry/divisions/${NANKOU}/changes`, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
      const split = await c.post('/api/registry/divisions/441403198000/changes', {
        kind: 'create',
        name: '另设镇',
        parentCode: MEIXIAN,
        effectiveOn: '2026-03-01',
      });
      expect(split.statusCode).toBe(403);
      // programmes are shared reference data too
      const prog = await c.post('/api/registry/programmes', {
        code: 'x-2026',
        name: '未授权项目',
        kind: 'other',
        startDate: '2026-01-01',
        phases: [],
      });
      expect(prog.statusCode).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
    // admin may, like HQ
    const admin = await t.userClient('registry_admin', 'admin', { all: true });
    const village = (await hq.get(`/api/registry/divisions?parent=${NANKOU}`)).json()[0];
    const ok = await admin.post(`/api/registry/divisions/${village.code}/changes`, {
      kind: 'rename',
      name: `${village.name}（更名）`,
      effectiveOn: '2026-03-01',
    });
    expect(ok.statusCode).toBe(200);
  });
});

describe('units', () => {
  it('accepts a valid GB 32100 credit code (91350100M000100Y43) and refuses a wrong check character', async () => {
    const ok = await hq.post('/api/registry/units', {
      name: '四会市协作办（演示）',
      kind: 'cooperation_office',
      divisionCode: SIHUI,
      creditCode: '91350100M000100Y43',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ divisionName: '四会市', creditCode: '91350100M000100Y43' });
    const [{ n: before }] = await t.services.db.select({ n: count() }).from(units);
    const bad = await hq.post('/api/registry/units', {
      name: '坏代码',
      kind: 'enterprise',
      divisionCode: SIHUI,
      creditCode: '91350100M000100Y44',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([{ path: 'body.creditCode', message: '统一社会信用代码不正确' }]);
    const noDiv = await hq.post('/api/registry/units', { name: '无区划', kind: 'school', divisionCode: '449999999999' });
    expect(noDiv.json().details[0]).toMatchObject({ path: 'body.divisionCode', message: '行政区划代码 449999999999 不存在' });
    const [{ n: after }] = await t.services.db.select({ n: count() }).from(units);
    expect(after).toBe(before);
  });
});

describe('pairings', () => {
  let schoolA: number;
  let schoolB: number;
  beforeAll(async () => {
    const mk = async (name: string, divisionCode: string, code17: string) =>
      (await hq.post('/api/registry/units', { name, kind: 'school', divisionCode, creditCode: credit(code17) })).json().id as number;
    schoolA = await mk('四会市第一中学（演示）', SIHUI, '12441284MB0000011');
    schoolB = await mk('富川瑶族自治县第一中学（演示）', FUCHUAN, '12451123MB0000021');
    const rows = [
      { type: 'county_county', programmeId, helperDivisionCode: SIHUI, helpedDivisionCode: FUCHUAN, startDate: '2021-05-01' },
      { type: 'school_school', programmeId, helperUnitId: schoolA, helpedUnitId: schoolB, startDate: '2022-09-01' },
      { type: 'district_county', helperDivisionCode: LIWAN, helpedDivisionCode: MEIXIAN, startDate: '2021-06-01' },
      // ended last year: absent today, present in last year's view
      { type: 'district_town', helperDivisionCode: LIWAN, helpedDivisionCode: BINGCUN, startDate: '2021-06-01', endDate: '2025-03-31' },
    ];
    for (const r of rows) expect((await hq.post('/api/registry/pairings', r)).statusCode).toBe(200);
  });

  it('lists with filters, with party names and derived status', async () => {
    const all = (await hq.get('/api/registry/pairings')).json();
    expect(all.total).toBe(4);
    const school = (await hq.get('/api/registry/pairings?type=school_school')).json();
    expect(school.items[0]).toMatchObject({
      helper: { unitName: '四会市第一中学（演示）', divisionCode: SIHUI },
      helped: { label: '富川瑶族自治县第一中学（演示）' },
      status: 'active',
    });
    const prog = (await hq.get(`/api/registry/pairings?programmeId=${programmeId}`)).json();
    expect(prog.total).toBe(2);
    const q = (await hq.get(`/api/registry/pairings?q=${encodeURIComponent('梅县')}`)).json();
    expect(q.total).toBe(1);
    const ended = (await hq.get('/api/registry/pairings?status=ended')).json();
    expect(ended.items.map((p: { helped: { divisionCode: string } }) => p.helped.divisionCode)).toEqual([BINGCUN]);
  });

  it('history: a pairing ended last year is absent today and present in last year’s view', async () => {
    const today = (await hq.get(`/api/registry/pairings/partners?division=${LIWAN}`)).json();
    expect(today.map((p: { partner: { divisionCode: string } }) => p.partner.divisionCode)).toEqual([MEIXIAN]);
    const lastYear = (await hq.get(`/api/registry/pairings/partners?division=${LIWAN}&asOf=2025-01-15`)).json();
    expect(lastYear.map((p: { partner: { divisionCode: string } }) => p.partner.divisionCode).sort()).toEqual([MEIXIAN, BINGCUN].sort());
    expect(lastYear.every((p: { role: string }) => p.role === 'helper')).toBe(true);
    const fuchuan = (await hq.get(`/api/registry/pairings/partners?division=${FUCHUAN}`)).json();
    expect(fuchuan.map((p: { role: string; partner: { label: string } }) => `${p.role}:${p.partner.label}`).sort()).toEqual([
      'helped:四会市',
      'helped:四会市第一中学（演示）',
    ]);
    const unit = (await hq.get(`/api/registry/pairings/partners?unitId=${schoolB}`)).json();
    expect(unit).toHaveLength(1);
    expect((await hq.get(`/api/registry/pairings/partners?asOf=2020-01-01&unitId=${schoolB}`)).json()).toEqual([]);
  });

  it('counts by type and map flows at county level', async () => {
    const counts = (await hq.get('/api/registry/pairings/counts')).json();
    expect(counts).toEqual([
      { type: 'county_county', pairings: 1, helpers: 1, helped: 1 },
      { type: 'district_county', pairings: 1, helpers: 1, helped: 1 },
      { type: 'school_school', pairings: 1, helpers: 1, helped: 1 },
    ]);
    const lastYear = (await hq.get('/api/registry/pairings/counts?asOf=2025-01-15')).json();
    expect(lastYear.find((c: { type: string }) => c.type === 'district_town')).toMatchObject({ pairings: 1 });
    // the counts follow the list's filters: the same query string gives the same pairings, grouped by type
    const sum = (cs: { pairings: number }[]) => cs.reduce((n, c) => n + c.pairings, 0);
    const both = async (query: string) => {
      const [c, l] = await Promise.all([
        hq.get(`/api/registry/pairings/counts?${query}`),
        hq.get(`/api/registry/pairings?${query}&pageSize=100`),
      ]);
      expect(c.statusCode, query).toBe(200);
      return { counts: c.json() as { type: string; pairings: number }[], list: l.json() as { total: number; items: { type: string }[] } };
    };
    const meixian = await both(`division=${MEIXIAN}&status=active`);
    expect(meixian.counts).toEqual([{ type: 'district_county', pairings: 1, helpers: 1, helped: 1 }]);
    expect(sum(meixian.counts)).toBe(meixian.list.total);
    const sihuiCounts = await both(`division=${SIHUI}&status=active`);
    expect(sihuiCounts.counts.map((c) => c.type)).toEqual(['county_county', 'school_school']);
    expect((await hq.get(`/api/registry/pairings/counts?division=${SIHUI}`)).json()).toEqual(sihuiCounts.counts); // no status: in force today
    for (const query of [
      `division=${MEIXIAN}&asOf=2025-01-15`,
      `division=${MEIXIAN}&status=ended`,
      `q=${encodeURIComponent('第一中学')}&status=active`,
      'type=county_county&status=active',
      `programmeId=${programmeId}&status=active`,
      `unitId=${schoolB}&asOf=2025-01-15`,
    ]) {
      const r = await both(query);
      expect(sum(r.counts), query).toBe(r.list.total);
      expect(r.counts.map((c) => c.type).sort(), query).toEqual([...new Set(r.list.items.map((i) => i.type))].sort());
    }
    expect((await both(`division=${MEIXIAN}&status=ended`)).counts).toEqual([
      { type: 'district_town', pairings: 1, helpers: 1, helped: 1 },
    ]);
    expect((await both(`q=${encodeURIComponent('第一中学')}&status=active`)).counts).toEqual([
      { type: 'school_school', pairings: 1, helpers: 1, helped: 1 },
    ]);
    expect((await hq.get('/api/registry/pairings/counts?division=4412')).statusCode).toBe(400);
    const flows = (await hq.get('/api/registry/pairings/flows')).json();
    const sihui = flows.find((f: { from: { code: string } }) => f.from.code === SIHUI);
    expect(sihui).toMatchObject({ to: { code: FUCHUAN, name: '富川瑶族自治县' }, pairings: 2 });
    expect(sihui.types.sort()).toEqual(['county_county', 'school_school']);
    expect((await hq.get(`/api/registry/pairings/flows?programmeId=${programmeId}&type=school_school`)).json()).toHaveLength(1);
  });

  it('scope: a user scoped to 梅县 sees only pairings touching 梅县 and cannot create one outside', async () => {
    const county = await t.userClient('meixian', 'team_leader', { divisions: [MEIXIAN] });
    const list = (await county.get('/api/registry/pairings')).json();
    expect(list.items.map((p: { helped: { divisionCode: string } }) => p.helped.divisionCode).sort()).toEqual([MEIXIAN, BINGCUN].sort());
    const fuchuanId = (await hq.get('/api/registry/pairings?type=county_county')).json().items[0].id;
    expect((await county.get(`/api/registry/pairings/${fuchuanId}`)).statusCode).toBe(404);
    expect((await county.get(`/api/registry/units/${schoolA}`)).statusCode).toBe(403);
    expect((await county.get('/api/registry/pairings/counts')).json().map((c: { type: string }) => c.type)).toEqual(['district_county']);
    // a division filter outside the scope widens nothing
    expect((await county.get(`/api/registry/pairings/counts?division=${SIHUI}`)).json()).toEqual([]);
    const [{ n: before }] = await t.services.db.select({ n: count() }).from(pairings);
    const outside = await county.post('/api/registry/pairings', {
      type: 'county_county',
      helperDivisionCode: SIHUI,
      helpedDivisionCode: FUCHUAN,
      startDate: '2026-01-01',
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().code).toBe('OUT_OF_SCOPE');
    const rename = await county.post(`/api/registry/divisions/${FUCHUAN}/changes`, {
      kind: 'rename',
      name: '富川县',
      effectiveOn: '2026-01-01',
    });
    expect(rename.statusCode).toBe(403);
    const inside = await county.post('/api/registry/pairings', {
      type: 'district_town',
      helperDivisionCode: LIWAN,
      helpedDivisionCode: SONGYUAN,
      startDate: '2024-01-01',
      endDate: '2025-06-30',
    });
    expect(inside.statusCode).toBe(200);
    const [{ n: after }] = await t.services.db.select({ n: count() }).from(pairings);
    expect(after).toBe(before + 1);
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const [{ n: before }] = await t.services.db.select({ n: count() }).from(pairings);
    const audits = (await t.services.db.select({ n: count() }).from(auditLog))[0].n;
    const cases: [unknown, string][] = [
      [{ type: 'county_county', helpedDivisionCode: FUCHUAN, startDate: '2024-01-01' }, 'body.helperDivisionCode'],
      [{ type: 'county_county', helperDivisionCode: SIHUI, helpedDivisionCode: FUCHUAN, startDate: '2024-02-30' }, 'body.startDate'],
      [
        { type: 'county_county', helperDivisionCode: SIHUI, helpedDivisionCode: FUCHUAN, startDate: '2024-01-01', endDate: '2023-01-01' },
        'body.endDate',
      ],
      [{ type: 'twin_towns', helperDivisionCode: SIHUI, helpedDivisionCode: FUCHUAN, startDate: '2024-01-01' }, 'body.type'],
      [
        { type: 'county_county', helperDivisionCode: '4412', helpedDivisionCode: FUCHUAN, startDate: '2024-01-01' },
        'body.helperDivisionCode',
      ],
      [{ type: 'county_county', helperDivisionCode: SIHUI, helpedUnitId: 99999, startDate: '2024-01-01' }, 'body.helpedUnitId'],
      [
        { type: 'county_county', helperDivisionCode: SIHUI, helperUnitId: schoolA, helpedDivisionCode: FUCHUAN, startDate: '2024-01-01' },
        'body.helperUnitId',
      ],
      [{ type: 'county_county', helperDivisionCode: SIHUI, helpedDivisionCode: FUCHUAN, startDate: '2024-01-01', extra: 1 }, 'body.extra'],
    ];
    for (const [body, path] of cases) {
      const res = await hq.post('/api/registry/pairings', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const dup = await hq.post('/api/registry/pairings', {
      type: 'county_county',
      programmeId,
      helperDivisionCode: SIHUI,
      helpedDivisionCode: FUCHUAN,
      startDate: '2024-01-01',
    });
    expect(dup.statusCode).toBe(409);
    const [{ n: after }] = await t.services.db.select({ n: count() }).from(pairings);
    expect(after).toBe(before);
    expect((await t.services.db.select({ n: count() }).from(auditLog))[0].n).toBe(audits);
  });

  it('ending a pairing is audited and moves it out of today’s view', async () => {
    const id = (await hq.get('/api/registry/pairings?type=district_county')).json().items[0].id;
    const res = await hq.patch(`/api/registry/pairings/${id}`, { endDate: '2025-12-31' });
    expect(res.json()).toMatchObject({ status: 'ended', endDate: '2025-12-31' });
    const entries = await t.services.db.select().from(auditLog).where(eq(auditLog.entity, 'pairing'));
    expect(entries.some((e) => e.action === 'update' && e.entityId === String(id))).toBe(true);
  });
});
