// Monitoring ledgers through the shared machinery: scoped, masked exports; import of households and
// members with the same checks as the API (duplicates, scope); re-importing changes nothing.
import { idNumberCheckChar } from '@xiezuo/shared/codes/idNumber';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAndWait, readSheet, uploadAndCheck, xlsx } from '../../../platform/ledgers/testing/helpers';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/app';
import { GANGPING, seedMonitoringDemo, XINGYI } from '../demo';

let t: TestApp;
let xingyi: TestClient, town: TestClient;
const idOf = (first17: string) => first17 + idNumberCheckChar(first17);
const NEW_HEAD = idOf('44122419700101777');
const NEW_CHILD = idOf('44122420120202778');

beforeAll(async () => {
  t = await createTestApp();
  await seedMonitoringDemo(t.services);
  xingyi = await t.userClient('xingyi', 'town_staff', { divisions: [XINGYI] });
  town = await t.userClient('town', 'town_staff', { divisions: [GANGPING] });
});
afterAll(() => t.close());

const cells = async (c: TestClient, key: string, q = '') => {
  const res = await c.get(`/api/ledgers/${key}/export${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return readSheet(res.rawPayload);
};

describe('monitoring ledgers', () => {
  it('exports only the user’s villages, with ID numbers masked', async () => {
    const mine = (await cells(xingyi, 'monitoring-households')).slice(3).filter((r) => r?.length);
    const all = (await cells(town, 'monitoring-households')).slice(3).filter((r) => r?.length);
    expect(all).toHaveLength(44); // 42 monitored + 2 being identified
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r[0] === XINGYI)).toBe(true);
    const text = JSON.stringify(all);
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(String(all[0][2])).toMatch(/^4412\*{10}[\dX]{4}$/);
    const members = (await cells(town, 'monitoring-members')).slice(3).filter((r) => r?.length);
    expect(members).toHaveLength(125);
    expect(JSON.stringify(members)).not.toMatch(/\d{17}[\dX]/);
    // health and disability masked alike for everyone: nothing tells the chronically ill from the healthy
    expect(new Set(members.flatMap((r) => [r[6], r[7]]))).toEqual(new Set(['******']));
    expect((await cells(town, 'monitoring-visits')).slice(3).filter((r) => r?.length)).toHaveLength(42);
  });

  it('imports a household and its member, refuses out-of-scope rows, and re-imports without change', async () => {
    const households = await xlsx([
      ['所在村区划代码', '户主姓名', '户主身份证号', '监测类别', '纳入途径', '是否低保户', '人均年纯收入', '收入年度'],
      [XINGYI, '导入户主（演示）', NEW_HEAD, '边缘易致贫户', '农户自主申报', '否', '7,200元', 2025],
    ]);
    const { status } = await uploadAndCheck(xingyi, 'monitoring-households', 'h.xlsx', households);
    expect(status.status, JSON.stringify(status)).toBe('ready');
    const committed = (await commitAndWait(xingyi, status.id, "all-or-nothing")).status;
    expect(committed.status).toBe("committed");
    const members = await xlsx([
      ['户主身份证号', '姓名', '与户主关系', '性别', '出生日期', '身份证号', '健康状况', '在校情况', '务工情况'],
      [NEW_HEAD, '导入子女（演示）', '子女', '女', '2012-02-02', NEW_CHILD, '健康', '初中在读', '不适用'],
    ]);
    const m = (await uploadAndCheck(xingyi, 'monitoring-members', 'm.xlsx', members)).status;
    const mc = (await commitAndWait(xingyi, m.id, 'all-or-nothing')).status;
    expect(mc.status).toBe('committed');
    const [row] = (await t.services.db.execute(sql`select count(*)::int as n from monitoring_members m join monitoring_households h on h.id = m.household_id where h.head_name like '导入户主%'`)).rows as { n: number }[];
    expect(row.n).toBe(2);
    // the same file again: nothing new
    const again = (await uploadAndCheck(xingyi, 'monitoring-households', 'h.xlsx', households)).status;
    expect(again).toMatchObject({ toInsert: 0, toUpdate: 0, unchanged: 1 });
    // a row for another village is refused at the dry run
    const outside = await xlsx([
      ['所在村区划代码', '户主姓名', '户主身份证号', '监测类别', '纳入途径'],
      ['441224109201', '越权户（演示）', idOf('44122419800101123'), '边缘易致贫户', '干部排查'],
    ]);
    const o = (await uploadAndCheck(xingyi, 'monitoring-households', 'o.xlsx', outside)).status;
    expect(JSON.stringify(o)).toContain('该数据不在您的管辖范围内');
  });
});
