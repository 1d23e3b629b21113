// The whole path: module rows / reported figures → aggregates → dashboard API → targets → report files.

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet, uploadAndCheck, xlsx } from '../../platform/ledgers/testing/helpers';
import { createTestApp, type TestApp, type TestClient } from '../../testing/app';
import { refresherOf, reportsIdle } from './service';
import {
  baseDivisions,
  GANGPING,
  gangpingVisits,
  HUAIJI,
  insertDivisions,
  insertHousehold,
  insertTeam,
  insertVisit,
  LENGGANG,
} from './testing/fixtures';

process.env.XZ_TODAY = '2026-11-23';

let t: TestApp;
let hq: TestClient;
const ids: Record<string, number> = {};
const FUCHUAN = '451123000000'; // 富川瑶族自治县

const dash = async (c: TestClient, query: string) => {
  const res = await c.get(`/api/indicators/dashboard?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const fig = (d: { figures: { code: string; breakdown: string }[] }, code: string, b = '') =>
  d.figures.find((f) => f.code === code && f.breakdown === b) as unknown as Record<string, number | null | boolean>;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.services.database;
  await baseDivisions(db);
  await insertDivisions(db, [
    ['450000000000', '广西壮族自治区', 'province', null],
    ['451100000000', '贺州市', 'city', '450000000000'],
    [FUCHUAN, '富川瑶族自治县', 'county', '451100000000'],
  ]);
  ids.hq = await insertTeam(db, '佛山驻肇庆指挥部', 'hq', '441200000000', null);
  ids.group = await insertTeam(db, '顺德驻怀集工作组', 'group', HUAIJI, ids.hq);
  ids.gangping = await insertTeam(db, '驻岗坪镇工作队', 'team', GANGPING, ids.group);
  ids.lenggang = await insertTeam(db, '驻冷坑镇工作队', 'team', LENGGANG, ids.group);
  await gangpingVisits(db);
  await insertDivisions(db, [['441224110001', '冷坑村', 'village', LENGGANG]]);
  for (let i = 0; i < 5; i++) await insertVisit(db, await insertHousehold(db, '441224110001', 2), '2026-07-20');
  // last year: 岗坪镇 visited 30 households in July 2025
  for (let i = 0; i < 30; i++)
    await insertVisit(db, await insertHousehold(db, '441224109001', 1, { identifiedOn: '2024-05-01' }), '2025-07-05');
  hq = await t.userClient('hq', 'hq', { all: true });
  await refresherOf(t.services).runOnce();
}, 90_000);
afterAll(async () => t.close());

describe('dashboard', () => {
  it('shows 岗坪镇 42 households and 121 persons at town, county and HQ, with last year and change', async () => {
    const town = await dash(hq, 'node=d:441224109&period=M2026-07');
    expect(fig(town, 'monitoring.visitedHouseholds')).toMatchObject({ value: 42, lastYear: 30, change: 12 });
    expect(fig(town, 'monitoring.visitedHouseholds').changePct).toBeCloseTo(0.4);
    expect(fig(town, 'monitoring.visitedPersons').value).toBe(121);
    expect(fig(town, 'monitoring.visitedVillages').value).toBe(13);
    const team = await dash(hq, `node=t:${ids.gangping}&period=M2026-07`);
    expect(fig(team, 'monitoring.visitedHouseholds').value).toBe(42);
    expect(fig(await dash(hq, 'node=d:441224&period=M2026-07'), 'monitoring.visitedHouseholds').value).toBe(47);
    const top = await dash(hq, `node=t:${ids.hq}&period=M2026-07`);
    expect(fig(top, 'monitoring.visitedPersons').value).toBe(131);
    expect(top.breadcrumbs.map((b: { node: string }) => b.node)).toEqual([`t:${ids.hq}`]);
  });

  it("opens a village user's dashboard on their village, with the village's own figures (villages are below the leaves)", async () => {
    const village = await t.userClient('lenggang_village', 'town_staff', { divisions: ['441224110001'] });
    const home = await dash(village, 'period=M2026-07');
    expect(home.node).toMatchObject({ node: 'd:441224110001', name: '冷坑村' });
    expect(fig(home, 'monitoring.visitedHouseholds').value).toBe(5);
    expect(fig(home, 'monitoring.visitedPersons').value).toBe(10);
    expect(fig(home, 'monitoring.visitedVillages').value).toBe(1);
    expect(home.breadcrumbs.map((b: { node: string }) => b.node)).toEqual(['d:441224110001']);
    // the year adds the months up; the same figure at the town (from the leaves) includes the village's
    expect(fig(await dash(village, 'period=Y2026'), 'monitoring.visitedHouseholds').value).toBe(5);
    expect(fig(await dash(hq, 'node=d:441224110&period=M2026-07'), 'monitoring.visitedHouseholds').value).toBe(5);
    // a neighbouring village is out of scope
    expect((await village.get('/api/indicators/dashboard?node=d:441224110002&period=M2026-07')).statusCode).toBe(403);
  });

  it('opens scope 全部 on 全部 (the provinces below it), and the node picker offers both trees and finds a node by name', async () => {
    const home = await dash(hq, 'period=M2026-07');
    expect(home.node.node).toBe('all');
    expect(home.children.map((c: { node: string }) => c.node)).toEqual(['d:44', 'd:45']);
    expect(fig(home, 'monitoring.visitedHouseholds').value).toBe(47);
    const divisions = (await hq.get('/api/indicators/nodes?tree=division')).json();
    expect(divisions.opening).toBe('all');
    expect(divisions.items.map((i: { node: string }) => i.node)).toEqual(['all', 'd:44', 'd:45']);
    const teams = (await hq.get('/api/indicators/nodes?tree=team')).json();
    expect(teams.items.map((i: { name: string }) => i.name)).toEqual(['佛山驻肇庆指挥部', '顺德驻怀集工作组']);
    const found = (await hq.get(`/api/indicators/nodes?tree=division&q=${encodeURIComponent('岗坪')}`)).json();
    expect(found.items).toEqual([
      { node: 'd:441224109', name: '岗坪镇', kind: 'division', hasChildren: false, path: '怀集县 · 肇庆市 · 广东省' },
    ]);
    const team = (await hq.get(`/api/indicators/nodes?tree=team&q=${encodeURIComponent('岗坪')}&node=d:441224`)).json();
    expect(team.items.map((i: { node: string; path: string }) => [i.node, i.path])).toEqual([
      [`t:${ids.gangping}`, '顺德驻怀集工作组 · 佛山驻肇庆指挥部'],
    ]);
    expect(team.current).toMatchObject({ node: 'd:441224', name: '怀集县' });
    // a team leader: their team opens, and nothing outside their scope is offered or found
    const leader = await t.userClient('gangping_picker', 'team_leader', { teams: [ids.gangping] });
    const own = (await leader.get('/api/indicators/nodes')).json();
    expect(own.opening).toBe(`t:${ids.gangping}`);
    expect(own.items.map((i: { node: string }) => i.node)).toEqual([`t:${ids.gangping}`]);
    expect((await leader.get(`/api/indicators/nodes?tree=team&q=${encodeURIComponent('冷坑')}`)).json().items).toEqual([]);
    expect((await leader.get(`/api/indicators/nodes?tree=division&q=${encodeURIComponent('冷坑')}`)).json().items).toEqual([]);
  });

  it('counts an exchange in both directions, named: 派出 at the sending side (the helper), 接收 at the receiving side', async () => {
    const res = await hq.post('/api/teams/exchanges', {
      kind: 'cadre',
      personTimes: 7,
      fromDivisionCode: HUAIJI,
      toDivisionCode: FUCHUAN,
      startDate: '2026-04-01',
    });
    expect(res.statusCode, res.body).toBe(200);
    await refresherOf(t.services).runOnce();
    const gd = await dash(hq, 'node=d:44&period=Y2026');
    const gx = await dash(hq, 'node=d:45&period=Y2026');
    expect(fig(gd, 'teams.cadresSent')).toMatchObject({ value: 7, name: '派出党政干部' });
    expect(fig(gd, 'teams.cadreExchanges')).toMatchObject({ value: 0, name: '接收党政干部' });
    expect(fig(gx, 'teams.cadresSent').value).toBe(0);
    expect(fig(gx, 'teams.cadreExchanges').value).toBe(7);
    expect(fig(await dash(hq, 'node=d:441224&period=Y2026'), 'teams.cadresSent').value).toBe(7);
  });

  it("ranks sibling teams, and their figures add up to the parent's", async () => {
    const group = await dash(hq, `node=t:${ids.group}&period=H2026-2&rank=monitoring.visitedPersons`);
    expect(group.rank.items.map((i: { name: string; value: number; rank: number }) => [i.name, i.value, i.rank])).toEqual([
      ['驻岗坪镇工作队', 121, 1],
      ['驻冷坑镇工作队', 10, 2],
    ]);
    for (const code of ['monitoring.visitedHouseholds', 'monitoring.visitedPersons']) {
      const sum = group.children.reduce((s: number, c: { values: Record<string, number> }) => s + (c.values[code] ?? 0), 0);
      expect(sum, code).toBe(fig(group, code).value);
    }
  });

  it('reads custom month ranges: sums for events, the last month for stocks, none for distinct counts', async () => {
    const d = await dash(hq, `node=t:${ids.gangping}&period=C2026-07~2026-08`);
    expect(fig(d, 'monitoring.visits').value).toBe(50);
    expect(fig(d, 'monitoring.visitedHouseholds').value).toBeNull();
    expect(fig(d, 'monitoring.households').value).toBe(72);
  });

  it('reads a custom range that is exactly one stored period as that period, distinct counts included', async () => {
    const custom = await dash(hq, `node=t:${ids.gangping}&period=C2026-07~2026-09`);
    const quarter = await dash(hq, `node=t:${ids.gangping}&period=Q2026-3`);
    expect(custom.period).toBe('Q2026-3');
    expect(fig(custom, 'monitoring.visitedHouseholds').value).not.toBeNull();
    expect(fig(custom, 'monitoring.visitedHouseholds').value).toBe(fig(quarter, 'monitoring.visitedHouseholds').value);
  });

  it('shows a one-row change after the next refresh pass', async () => {
    const before = fig(await dash(hq, 'node=d:441224109&period=M2026-07'), 'monitoring.visitedHouseholds').value as number;
    await insertVisit(t.services.database, await insertHousehold(t.services.database, '441224109002', 2), '2026-07-29');
    const queued = await dash(hq, 'node=d:441224109&period=M2026-07');
    expect(queued.pending).toBeGreaterThan(0);
    const started = Date.now();
    await refresherOf(t.services).runOnce();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(fig(await dash(hq, 'node=d:441224109&period=M2026-07'), 'monitoring.visitedHouseholds').value).toBe(before + 1);
  });

  it('answers an unchanged poll with an empty 304, and a changed one in full', async () => {
    const url = '/api/indicators/dashboard?node=d:441224109&period=M2026-07';
    const first = await hq.get(url);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await hq.get(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    // another node, or the same after a change, is a full answer with another tag
    const other = await hq.get('/api/indicators/dashboard?node=d:441224&period=M2026-07', { 'if-none-match': etag });
    expect(other.statusCode).toBe(200);
    expect(other.headers.etag).not.toBe(etag);
    const target = await hq.put('/api/indicators/targets', {
      node: 'd:441224109',
      indicator: 'monitoring.visitedHouseholds',
      period: 'M2026-07',
      value: 50,
    });
    expect(target.statusCode, target.body).toBe(200);
    const changed = await hq.get(url, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(fig(changed.json(), 'monitoring.visitedHouseholds').target).toBe(50);
    expect((await hq.delete(`/api/indicators/targets/${target.json().id}`)).statusCode).toBe(200);
    expect((await hq.get(url, { 'if-none-match': etag })).statusCode).toBe(304);
  });

  it('keeps users to their scope', async () => {
    const other = await t.userClient('lenggang_leader', 'team_leader', { teams: [ids.lenggang] });
    expect((await other.get(`/api/indicators/dashboard?node=t:${ids.gangping}&period=M2026-07`)).json().code).toBe('OUT_OF_SCOPE');
    const own = await dash(other, 'period=M2026-07');
    expect(own.node.node).toBe(`t:${ids.lenggang}`);
    expect(
      (
        await other.put('/api/indicators/targets', { node: `t:${ids.gangping}`, indicator: 'monitoring.visits', period: 'Y2026', value: 1 })
      ).json().code,
    ).toBe('OUT_OF_SCOPE');
  });

  it('refuses an unknown period with the field named', async () => {
    const res = await hq.get('/api/indicators/dashboard?node=all&period=2026H1');
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].path).toBe('querystring.period');
  });
});

describe('targets', () => {
  it('imports targets with problems named in catalogue words, and only inside the scope', async () => {
    const leader = await t.userClient('lenggang_targets', 'team_leader', { teams: [ids.lenggang] });
    const file = await xlsx([
      ['对象', '指标', '期间', '目标值'],
      [`t:${ids.lenggang}`, '走访监测户', 'H2026-2', 30],
      [`t:${ids.gangping}`, '走访监测户', 'H2026-2', 30],
      [`t:${ids.lenggang}`, '走访监测户', '2026下半年', 30],
      ['岗坪', '走访监测户', 'H2026-2', 30],
    ]);
    const { status } = await uploadAndCheck(leader, 'indicator-targets', '目标.xlsx', file);
    expect(status).toMatchObject({ rowsRead: 4, valid: 1, rejected: 3 });
    expect(status.problems.map((p: { message: string }) => p.message)).toEqual([
      '第3行 A列〔对象〕：该数据不在您的管辖范围内',
      '第4行 C列〔期间〕：统计期间格式不正确',
      '第5行 A列〔对象〕：统计对象格式不正确',
    ]);
  });

  it('shows progress and flags a team behind the elapsed share of the period', async () => {
    // H2026-2 on 2026-11-23: 146 of 184 days elapsed (79.3 %)
    expect(
      (
        await hq.put('/api/indicators/targets', {
          node: `t:${ids.group}`,
          indicator: 'monitoring.visitedHouseholds',
          period: 'H2026-2',
          value: 100,
        })
      ).statusCode,
    ).toBe(200);
    const split = await hq.post('/api/indicators/targets/split', {
      node: `t:${ids.group}`,
      indicator: 'monitoring.visitedHouseholds',
      period: 'H2026-2',
      children: [
        { node: `t:${ids.gangping}`, value: 50 },
        { node: `t:${ids.lenggang}`, value: 50 },
      ],
    });
    expect(split.statusCode, split.body).toBe(200);
    const rows = (await hq.get(`/api/indicators/targets?node=t:${ids.group}&period=H2026-2`)).json();
    const gp = rows.find((r: { node: string }) => r.node === `t:${ids.gangping}`);
    const lg = rows.find((r: { node: string }) => r.node === `t:${ids.lenggang}`);
    expect(gp).toMatchObject({ actual: 43, behind: false, nodeName: '驻岗坪镇工作队' });
    expect(gp.progress).toBeCloseTo(0.86);
    expect(lg).toMatchObject({ actual: 5, behind: true });
    const d = await dash(hq, `node=t:${ids.group}&period=H2026-2`);
    expect(fig(d, 'monitoring.visitedHouseholds')).toMatchObject({ target: 100, behind: true });
  });

  it('refuses a split above the parent target, naming the field', async () => {
    const res = await hq.post('/api/indicators/targets/split', {
      node: `t:${ids.group}`,
      indicator: 'monitoring.visitedHouseholds',
      period: 'H2026-2',
      children: [{ node: `t:${ids.gangping}`, value: 101 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ path: 'body.children', message: '分解合计 101 超过上级目标 100' }]);
  });

  it('exports the targets of a team only to users of that team, even where the team is stationed', async () => {
    const nodes = async (c: TestClient) =>
      (await readSheet((await c.get('/api/ledgers/indicator-targets/export')).rawPayload))
        .slice(3)
        .map((r) => r?.[0])
        .filter(Boolean);
    expect(await nodes(hq)).toContain(`t:${ids.gangping}`);
    const county = await t.userClient('huaiji_targets', 'team_leader', { divisions: [HUAIJI.slice(0, 6)] });
    expect((await nodes(county)).filter((n) => String(n).startsWith('t:'))).toEqual([]);
    const team = await t.userClient('gangping_targets', 'team_leader', { teams: [ids.gangping] });
    expect(await nodes(team)).toContain(`t:${ids.gangping}`);
  });
});

describe('reports', () => {
  it('writes the half-year report of a town team as .docx with sentences from the data, in seconds', async () => {
    const started = Date.now();
    const res = await hq.post('/api/indicators/reports', { node: `t:${ids.gangping}`, period: 'H2026-2', format: 'docx' });
    expect(res.statusCode, res.body).toBe(202);
    await reportsIdle(t.services);
    expect(Date.now() - started).toBeLessThan(5000);
    const job = (await hq.get(`/api/indicators/reports/${res.json().id}`)).json();
    expect(job).toMatchObject({ status: 'done', progress: 100, fileName: '驻岗坪镇工作队2026年下半年工作报告.docx' });
    const file = await hq.get(`/api/indicators/reports/${job.id}/file`);
    const zip = await JSZip.loadAsync(file.rawPayload);
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    // the monitoring module's chapter, as a numbered point with its title
    expect(xml).toMatch(/（[一二三]）防返贫监测。下半年，驻岗坪镇工作队深入13个村，累计走访监测户43户123人（51户次），同比增长43.3%。/);
    expect(xml).toContain('在2个同级单位中，驻岗坪镇工作队“走访监测户”排名第1位。');
    expect(xml).toContain('走访监测户完成目标任务的86.0%，达到时间进度要求。');
  });

  it('lays the report out as a 公文: fonts, A4 margins, page numbers, 其中 rows indented, 存在问题 and 下步计划', async () => {
    const res = await hq.post('/api/indicators/reports', { node: `t:${ids.gangping}`, period: 'H2026-2', format: 'docx' });
    await reportsIdle(t.services);
    const file = await hq.get(`/api/indicators/reports/${res.json().id}/file`);
    const zip = await JSZip.loadAsync(file.rawPayload);
    const raw = await zip.file('word/document.xml')!.async('string');
    const xml = raw.replace(/<[^>]+>/g, '');
    // GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title 方正小标宋, text 仿宋_GB2312 3号
    const margins = raw.match(/<w:pgMar[^>]*>/)![0];
    for (const m of ['w:top="2098"', 'w:right="1474"', 'w:bottom="1985"', 'w:left="1588"']) expect(margins).toContain(m);
    expect(raw).toContain('w:eastAsia="方正小标宋简体"');
    expect(raw).toContain('w:eastAsia="仿宋_GB2312"');
    expect(raw).toContain('w:eastAsia="黑体"');
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /word\/footer\d+\.xml/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    expect(footers).toHaveLength(2); // odd pages right, even pages left
    for (const f of footers) expect(f).toMatch(/PAGE/);
    expect(footers.some((f) => f.includes('w:val="right"')) && footers.some((f) => f.includes('w:val="left"'))).toBe(true);
    expect(xml).toContain('一、工作开展情况');
    expect(xml).toContain('存在问题');
    expect(xml).toContain('下步计划');
    expect(xml).toContain('【请补充：逾期未办结的审核事项');
    // a 其中 row reads 其中：…, never glued to its total's name
    expect(xml).not.toMatch(/监测户其中/);
  });

  it('titles a report of everything by its name and leaves out a ranking where everyone has zero', async () => {
    const res = await hq.post('/api/indicators/reports', { node: 'all', period: 'H2021-1', format: 'docx' });
    await reportsIdle(t.services);
    const job = (await hq.get(`/api/indicators/reports/${res.json().id}`)).json();
    expect(job.fileName).toBe('东西部协作和驻镇帮镇扶村2021年上半年工作报告.docx');
    const zip = await JSZip.loadAsync((await hq.get(`/api/indicators/reports/${job.id}/file`)).rawPayload);
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain('东西部协作和驻镇帮镇扶村2021年上半年工作报告');
    expect(xml).not.toContain('全部');
    expect(xml).not.toContain('排名情况');
    expect(xml).not.toContain('排名第');
  });

  it('exports the statistical tables as .xlsx', async () => {
    const res = await hq.get(`/api/indicators/export?node=t:${ids.group}&period=H2026-2&table=all`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const rows = wb.getWorksheet('下级明细')!.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => r[1])).toEqual(['驻岗坪镇工作队', '驻冷坑镇工作队']);
    const figures = wb.getWorksheet('主要指标')!.getSheetValues() as unknown[][];
    expect(figures.find((r) => r?.[1] === '走访监测户')?.[3]).toBe(48);
  });
});
