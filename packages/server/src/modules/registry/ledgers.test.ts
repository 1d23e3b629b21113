// The registry ledgers through the shared machinery: units and pairings export within scope, and import
// with errors reported by row and column; good rows are written through the services (audited).
import { creditCodeCheckChar } from '@xiezuo/shared/codes/creditCode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAndWait, readSheet, uploadAndCheck, xlsx } from '../../platform/ledgers/testing/helpers';
import { createTestApp, type TestApp, type TestClient } from '../../testing/app';
import { registrySeed } from './demo';
import { D } from './demoData';
import { loadDivisions } from './divisionLoader';

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
    // the ledger reader folds full-width brackets, in the unit's name and in the reference to it alike
    expect(partners.map((x: { type: string; self: { label: string } }) => `${x.type}:${x.self.label}`)).toContain('school_school:梅县区松源中学(演示)');
    // importing the same file again changes nothing
    const again = await uploadAndCheck(meixian, 'pairings', '结对.xlsx', pairingFile);
    expect(again.status).toMatchObject({ toInsert: 0 });
  });
});
