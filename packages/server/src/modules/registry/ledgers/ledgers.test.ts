// The registry ledgers through the shared machinery: units and pairings export within scope, and import
// with errors reported by row and column; good rows are written through the services (audited).
import { creditCodeCheckChar } from '@xiezuo/shared/codes/creditCode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAndWait, readSheet, uploadAndCheck, xlsx } from '../../../platform/ledgers/testing/helpers';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/app';
import { registrySeed } from '../demo';
import { D } from '../demoData';
import { loadDivisions } from '../divisionLoader';

let t: TestApp;
let hq: TestClient;
let meixian: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  await loadDivisions(t.services.database, { codes: Object.values(D) });
  await registrySeed.run(t.services);
  hq = await t.userClient('hq_l', 'hq', { all: true });
  meixian = await t.userClient('mx_l', 'team_leader', { divisions: [D.meixian] });
});
afterAll(() => t.close());

const exportSheet = async (c: TestClient, url: string) => {
  const res = await c.get(url);
  expect(res.statusCode).toBe(200);
  return (await readSheet(res.rawPayload)).slice(3).filter((r) => r?.length);
};

describe('registry ledgers', () => {
  it('exports pairings within scope and as of a day', async () => {
    const mine = await exportSheet(meixian, '/api/ledgers/pairings/export');
    expect(mine).toHaveLength(13);
    expect(mine.every((r) => String(r[4]).startsWith('441403'))).toBe(true);
    const firstRound = await exportSheet(meixian, '/api/ledgers/pairings/export?asOf=2023-06-01');
    expect(firstRound).toHaveLength(6);
    const units = await exportSheet(hq, '/api/ledgers/units/export');
    expect(units.map((r) => r[0])).toContain('四会市第一中学（演示）');
  });

  it('imports units and pairings: bad rows named by row and column, good rows written', async () => {
    const code = (s: string) => s + creditCodeCheckChar(s);
    const unitFile = await xlsx([
      ['单位名称', '单位类型', '所在区划代码', '统一社会信用代码', '备注'],
      ['梅县区松源中学（演示）', '学校', D.songyuan, code('12441403MB7000017'), null],
      ['坏代码学校（演示）', '学校', D.songyuan, '12441403MB70000170', null],
    ]);
    const u = await uploadAndCheck(meixian, 'units', '单位.xlsx', unitFile);
    expect(u.status).toMatchObject({ status: 'ready', rowsRead: 2, valid: 1, rejected: 1 });
    expect(u.status.problems[0].message).toMatch(/第3行 D列〔统一社会信用代码〕/);
    expect((await commitAndWait(meixian, u.status.id, 'valid-rows')).status.status).toBe('committed');

    const pairingFile = await xlsx([
      ['结对类型', '协作项目', '帮扶方区划代码', '帮扶单位', '受帮扶方区划代码', '受帮扶单位', '开始日期', '结束日期', '备注'],
      ['校—校', '广东驻镇帮镇扶村 第二轮', D.liwan, null, D.songyuan, '梅县区松源中学（演示）', '2025年9月1日', null, '演示'],
      ['县—县', '粤桂东西部协作', D.sihui, null, D.fuchuan, null, '2025-01-01', null, null], // outside 梅县
      ['区—镇', '不存在的项目', D.liwan, null, D.nankou, null, '2025-01-01', null, null],
    ]);
    const p = await uploadAndCheck(meixian, 'pairings', '结对.xlsx', pairingFile);
    expect(p.status).toMatchObject({ status: 'ready', rowsRead: 3, valid: 1, rejected: 2 });
    expect(p.status.problems.map((x: { message: string }) => x.message)).toEqual([
      expect.stringMatching(/^第3行 E列〔受帮扶方区划代码〕：该数据不在您的管辖范围内/),
      expect.stringMatching(/^第4行 B列〔协作项目〕：协作项目「不存在的项目」不存在/),
    ]);
    expect((await commitAndWait(meixian, p.status.id, 'valid-rows')).status.status).toBe('committed');
    const partners = (await hq.get(`/api/registry/pairings/partners?division=${D.songyuan}`)).json();
    // free text is stored as written: the unit's name keeps its full-width brackets, and the reference to it matches
    expect(partners.map((x: { type: string; self: { label: string } }) => `${x.type}:${x.self.label}`)).toContain(
      'school_school:梅县区松源中学（演示）',
    );
    // importing the same file again changes nothing
    const again = await uploadAndCheck(meixian, 'pairings', '结对.xlsx', pairingFile);
    expect(again.status).toMatchObject({ toInsert: 0 });
  });
  it('programmes: everyone exports them; only HQ/admin import (registry.reference), creating and updating by code, audited; re-import changes nothing', async () => {
    const all = await exportSheet(meixian, '/api/ledgers/programmes/export');
    expect(all.map((r) => r[0])).toContain('yue-gui-2021');
    expect(all.find((r) => r[0] === 'gd-zzbz-2')?.[2]).toBe('驻镇帮镇扶村');
    const file = await xlsx([
      ['项目代码', '项目名称', '项目类型', '开始日期', '结束日期', '项目说明'],
      ['yue-gui-2026', '粤桂东西部协作 第二期（演示）', '东西部协作', '2026-01-01', '2030-12-31', null],
      ['gq-zzbz-2', '广清驻镇帮镇扶村 第二轮', '驻镇帮镇扶村', '2024-07-01', '2027-06-30', '延期一年'],
      ['Bad Code', '坏代码（演示）', '其他', '2026-01-01', '2025-01-01', null],
    ]);
    // a team leader may import other ledgers but not this one: told so up front, refused at upload
    expect((await meixian.get('/api/ledgers/programmes')).json()).toMatchObject({ canImport: false, canExport: true });
    expect((await meixian.get('/api/ledgers/units')).json()).toMatchObject({ canImport: true });
    expect((await hq.get('/api/ledgers/programmes')).json()).toMatchObject({ canImport: true });
    const denied = await uploadAndCheck(meixian, 'programmes', '项目.xlsx', file);
    expect(denied.res.statusCode).toBe(403);
    // HQ's role with a narrower scope passes the permission but not the scope check
    const hqTown = await t.userClient('hq_mx', 'hq', { divisions: [D.meixian] });
    const narrow = await uploadAndCheck(hqTown, 'programmes', '项目.xlsx', file);
    expect(narrow.status).toMatchObject({ status: 'ready', valid: 0, rejected: 3 });
    const d = await uploadAndCheck(hq, 'programmes', '项目.xlsx', file);
    expect(d.status).toMatchObject({ status: 'ready', rowsRead: 3, valid: 2, rejected: 1, toInsert: 1, toUpdate: 1 });
    expect(d.status.problems.map((x: { message: string }) => x.message)).toEqual([
      expect.stringMatching(/^第4行 A列〔项目代码〕：格式不正确/),
      expect.stringMatching(/^第4行 E列〔结束日期〕/),
    ]);
    expect((await commitAndWait(hq, d.status.id, 'valid-rows')).status.status).toBe('committed');
    const list = (await hq.get('/api/registry/programmes')).json() as {
      code: string;
      endDate: string | null;
      description: string | null;
      phases: unknown[];
    }[];
    expect(list.find((p) => p.code === 'yue-gui-2026')).toMatchObject({ endDate: '2030-12-31', phases: [] });
    const extended = list.find((p) => p.code === 'gq-zzbz-2')!;
    expect(extended).toMatchObject({ endDate: '2027-06-30', description: '延期一年' });
    expect(extended.phases.length).toBeGreaterThan(0); // the ledger leaves phases alone
    const audit = await t.services.database.query<{ action: string }>(
      "select action from audit_log where entity = 'programme' and action in ('create', 'update') order by id desc limit 2",
    );
    expect(audit.map((a) => a.action)).toEqual(['update', 'create']);
    const again = await uploadAndCheck(hq, 'programmes', '项目.xlsx', file);
    expect(again.status).toMatchObject({ toInsert: 0, toUpdate: 0, unchanged: 2 });
  });
});
