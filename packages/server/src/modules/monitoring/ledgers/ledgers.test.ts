// Monitoring ledgers through the shared machinery: scoped, masked exports; import of households and
// members with the same checks as the API (duplicates, scope); re-importing changes nothing.
import { idNumberCheckChar } from '@xiezuo/shared/codes/idNumber';
import type { MemberInput } from '@xiezuo/shared/contracts/monitoring';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../../platform/ctx';
import { commitAndWait, readSheet, uploadAndCheck, xlsx } from '../../../platform/ledgers/testing/helpers';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/app';
import {
  type BuiltHousehold,
  GANGPING,
  insertHousehold,
  insertMeasure,
  insertVillages,
  insertVisit,
  XINGYI,
  ZENGCUN,
} from '../testing/builders';

let t: TestApp;
let xingyi: TestClient, town: TestClient;
const built: BuiltHousehold[] = [];
const idOf = (first17: string) => first17 + idNumberCheckChar(first17);
const NEW_HEAD = idOf('44122419700101777');
const NEW_CHILD = idOf('44122420120202778');

beforeAll(async () => {
  t = await createTestApp();
  await insertVillages(t.services);
  // six monitored households, three in 兴义 and three in 曾村, two or three people each, each visited once
  // and given a measure; those of 兴义 have a child in school, an open schooling risk found at the visit
  const ctx = systemCtx(t.services);
  for (let i = 0; i < 6; i++) {
    const withChild = i % 2 === 0;
    const members: Partial<MemberInput>[] = [{ name: `测试户主${i}` }, { name: `测试配偶${i}`, relation: 'spouse', gender: 'female' }];
    if (withChild) members.push({ name: `测试子女${i}`, relation: 'child', birthDate: '2012-03-03', schooling: 'junior' });
    const h = await insertHousehold(ctx, {
      village: withChild ? XINGYI : ZENGCUN,
      entryDoor: i % 3 ? 'cadre_check' : 'self_apply',
      incomePerHead: 6800 + i * 100,
      monitored: '2025-06-20',
      members,
    });
    await insertVisit(ctx, h.id, { visitedOn: `2025-08-0${i + 1}`, openRisks: withChild ? [{ kind: 'schooling' }] : [] });
    await insertMeasure(ctx, h.id);
    built.push(h);
  }
  xingyi = await t.userClient('xingyi', 'town_staff', { divisions: [XINGYI] });
  town = await t.userClient('town', 'town_staff', { divisions: [GANGPING] });
});
afterAll(() => t.close());

const cells = async (c: TestClient, key: string, q = '') => {
  // a revealing export is a POST (with the CSRF token), its filters in the body
  const res =
    q === '?reveal=1' ? await c.post(`/api/ledgers/${key}/export`, { reveal: true }) : await c.get(`/api/ledgers/${key}/export${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return readSheet(res.rawPayload);
};

describe('monitoring ledgers', () => {
  it('exports only the user’s villages, with ID numbers masked', async () => {
    const mine = (await cells(xingyi, 'monitoring-households')).slice(3).filter((r) => r?.length);
    const all = (await cells(town, 'monitoring-households')).slice(3).filter((r) => r?.length);
    expect(all).toHaveLength(built.length);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r[0] === XINGYI)).toBe(true);
    const text = JSON.stringify(all);
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(String(all[0][2])).toMatch(/^4412\*{10}[\dX]{4}$/);
    const members = (await cells(town, 'monitoring-members')).slice(3).filter((r) => r?.length);
    expect(members).toHaveLength(built.reduce((n, h) => n + h.members.length, 0));
    expect(JSON.stringify(members)).not.toMatch(/\d{17}[\dX]/);
    // health and disability masked alike for everyone: nothing tells the chronically ill from the healthy
    expect(new Set(members.flatMap((r) => [r[6], r[7]]))).toEqual(new Set(['******']));
    expect((await cells(town, 'monitoring-visits')).slice(3).filter((r) => r?.length)).toHaveLength(built.length);
  });

  it('re-imports its own masked household export unchanged (hidden 记录标识; masked head ID numbers mean unchanged)', async () => {
    const res = await town.get('/api/ledgers/monitoring-households/export');
    expect(res.statusCode).toBe(200);
    const { status } = await uploadAndCheck(town, 'monitoring-households', 'export.xlsx', res.rawPayload);
    expect(status.problems).toEqual([]);
    expect(status).toMatchObject({ valid: built.length, toInsert: 0, toUpdate: 0, unchanged: built.length });
  });

  it('re-imports its own masked visit and measure exports: unchanged as exported, an edited cell updates its record', async () => {
    for (const [key, header, table, column] of [
      ['monitoring-visits', '走访情况', 'monitoring_visits', 'findings'],
      ['monitoring-measures', '结束日期', 'monitoring_measures', 'end_on'],
    ] as const) {
      const exported = await town.get(`/api/ledgers/${key}/export`);
      expect(exported.statusCode).toBe(200);
      const same = await uploadAndCheck(town, key, 'export.xlsx', exported.rawPayload);
      expect(same.status.problems, key).toEqual([]);
      expect(same.status, key).toMatchObject({ valid: built.length, toInsert: 0, toUpdate: 0, unchanged: built.length });
      // the clerk edits one cell of the second record in the file and imports it again
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(exported.rawPayload as never);
      const ws = wb.worksheets[0];
      const at = (h: string) => {
        let found: [number, number] = [0, 0];
        ws.eachRow((row, n) => row.eachCell((cell, c) => void (String(cell.value).replace(/^\*/, '') === h && (found = [n, c]))));
        return found;
      };
      const [headerRow, col] = at(header);
      const [, headCol] = at('户主身份证号');
      const row = ws.getRow(headerRow + 2);
      expect(String(row.getCell(headCol).value)).toMatch(/^4412\*{10}/); // the head's ID stays masked
      const edited = key === 'monitoring-visits' ? '复核：家庭收入稳定（已修改）' : '2026-06-30';
      row.getCell(col).value = edited;
      const changed = await uploadAndCheck(town, key, 'edited.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
      expect(changed.status.problems, key).toEqual([]);
      expect(changed.status, key).toMatchObject({ toInsert: 0, toUpdate: 1, unchanged: built.length - 1 });
      const done = await commitAndWait(town, changed.res.json().id, 'all-or-nothing');
      expect(done.status?.status, JSON.stringify(done.status ?? done.res.body)).toBe('committed');
      const rows = (await t.services.db.execute(sql.raw(`select ${column}::text as v from ${table} where ${column}::text = '${edited}'`)))
        .rows;
      expect(rows, key).toHaveLength(1);
    }
  });

  it('imports a household and its member, refuses out-of-scope rows, and re-imports without change', async () => {
    const households = await xlsx([
      ['所在村区划代码', '户主姓名', '户主身份证号', '监测类别', '纳入途径', '是否低保户', '人均年纯收入', '收入年度'],
      [XINGYI, '导入户主（演示）', NEW_HEAD, '边缘易致贫户', '农户自主申报', '否', '7,200元', 2025],
    ]);
    const { status } = await uploadAndCheck(xingyi, 'monitoring-households', 'h.xlsx', households);
    expect(status.status, JSON.stringify(status)).toBe('ready');
    const committed = (await commitAndWait(xingyi, status.id, 'all-or-nothing')).status;
    expect(committed.status).toBe('committed');
    const members = await xlsx([
      ['户主身份证号', '姓名', '与户主关系', '性别', '出生日期', '身份证号', '健康状况', '在校情况', '务工情况'],
      [NEW_HEAD, '导入子女（演示）', '子女', '女', '2012-02-02', NEW_CHILD, '健康', '初中在读', '不适用'],
    ]);
    const m = (await uploadAndCheck(xingyi, 'monitoring-members', 'm.xlsx', members)).status;
    const mc = (await commitAndWait(xingyi, m.id, 'all-or-nothing')).status;
    expect(mc.status).toBe('committed');
    const [row] = (
      await t.services.db.execute(
        sql`select count(*)::int as n from monitoring_members m join monitoring_households h on h.id = m.household_id where h.head_name like '导入户主%'`,
      )
    ).rows as { n: number }[];
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

  it('a revealed export re-imports with nothing changed; a corrected head name is written; village and entry route are refused', async () => {
    const exported = await cells(town, 'monitoring-households', '?reveal=1');
    const file = await xlsx(exported);
    const again = (await uploadAndCheck(town, 'monitoring-households', 'export.xlsx', file)).status;
    expect(again).toMatchObject({ status: 'ready', rejected: 0, toInsert: 0, toUpdate: 0 });
    expect(again.unchanged).toBe(again.valid);

    const header = exported[1] as string[];
    const col = (name: string) => header.findIndex((h) => String(h).replace(/^\*/, '') === name);
    const first = exported[3] as unknown[];
    const edited = exported.slice(0, 4).map((r) => [...(r as unknown[])]);
    edited[3][col('户主姓名')] = '更正后的户主（演示）';
    const corrected = (await uploadAndCheck(town, 'monitoring-households', 'fix.xlsx', await xlsx(edited))).status;
    expect(corrected).toMatchObject({ toUpdate: 1, unchanged: 0 });
    expect((await commitAndWait(town, corrected.id, 'all-or-nothing')).status).toMatchObject({ status: 'committed', updated: 1 });
    const [h] = (
      await t.services.db.execute(
        sql`select h.head_name, m.name from monitoring_households h join monitoring_members m on m.household_id = h.id and m.relation = 'head' where h.head_name = '更正后的户主（演示）'`,
      )
    ).rows;
    expect(h).toEqual({ head_name: '更正后的户主（演示）', name: '更正后的户主（演示）' });

    const moved = edited.map((r) => [...r]);
    moved[3][col('所在村区划代码')] = first[0] === XINGYI ? '441224109201' : XINGYI;
    moved[3][col('纳入途径')] = first[col('纳入途径')] === '干部排查' ? '农户自主申报' : '干部排查';
    const refused = (await uploadAndCheck(town, 'monitoring-households', 'move.xlsx', await xlsx(moved))).status;
    expect(refused).toMatchObject({ valid: 0, rejected: 1 });
    expect(refused.problems[0].message).toBe(`第4行 A列〔*所在村区划代码〕：已登记的监测户不能经导入更改此项（现为「${first[0]}」）`);
  });

  it('refuses at the dry run a new household whose head is already in another household, outside the importer’s villages', async () => {
    const [m] = (
      await t.services.db.execute(
        sql`select m.id_cipher from monitoring_members m join monitoring_households h on h.id = m.household_id where m.active and m.relation <> 'head' and h.division_code <> ${XINGYI} limit 1`,
      )
    ).rows as { id_cipher: string }[];
    const someone = t.services.cipher.decrypt(m.id_cipher);
    const file = await xlsx([
      ['所在村区划代码', '户主姓名', '户主身份证号', '监测类别', '纳入途径'],
      [XINGYI, '分户户主（演示）', someone, '边缘易致贫户', '干部排查'],
    ]);
    const { status } = await uploadAndCheck(xingyi, 'monitoring-households', 'split.xlsx', file);
    expect(status).toMatchObject({ valid: 0, rejected: 1 });
    expect(status.problems[0].message).toMatch(
      /^第2行 C列〔户主身份证号〕：身份证号 4412\*{10}[\dX]{4} 已在您管辖范围以外的监测户中登记，一人只能在一个监测户中；如需核实，请联系.+(县|区|市)防返贫监测工作部门$/,
    );
  });

  it('exports what the household list shows: the same filters (name, ID number, risk, town), a filter it cannot read refused', async () => {
    const list = (await town.get('/api/monitoring/households?pageSize=200')).json().items as {
      headName: string;
      divisionCode: string;
      openRisks: string[];
    }[];
    const rows = async (q: string) => (await cells(town, 'monitoring-households', q)).slice(3).filter((r) => r?.length);
    const one = list[5];
    expect((await rows(`?q=${encodeURIComponent(one.headName)}`)).map((r) => r[1])).toEqual([one.headName]);
    const [m] = (
      await t.services.db.execute(
        sql`select m.id_cipher from monitoring_members m join monitoring_households h on h.id = m.household_id where h.head_name = ${one.headName} and m.relation = 'head'`,
      )
    ).rows as { id_cipher: string }[];
    expect((await rows(`?idNumber=${t.services.cipher.decrypt(m.id_cipher)}`)).map((r) => r[1])).toEqual([one.headName]);
    const withRisk = list.filter((h) => h.openRisks.includes('schooling'));
    expect(withRisk.length).toBeGreaterThan(0);
    expect((await rows('?risk=schooling')).length).toBe(withRisk.length);
    expect((await rows(`?division=${GANGPING}`)).every((r) => String(r[0]).startsWith('441224109'))).toBe(true);
    const bad = await town.get('/api/ledgers/monitoring-households/export?status=whatever');
    expect(bad.statusCode).toBe(400);
  });

  it('visits and measures: a revealed export re-imports unchanged, an edited finding updates that visit only', async () => {
    for (const key of ['monitoring-visits', 'monitoring-measures']) {
      const exported = await cells(town, key, '?reveal=1');
      const again = (await uploadAndCheck(town, key, `${key}.xlsx`, await xlsx(exported))).status;
      expect(again, key).toMatchObject({ status: 'ready', rejected: 0, toInsert: 0, toUpdate: 0 });
      expect(again.unchanged, key).toBe(exported.slice(3).filter((r) => r?.length).length);
    }
    const visits = await cells(town, 'monitoring-visits', '?reveal=1');
    const edited = visits.map((r, i) =>
      i === 3 ? [...(r as unknown[]).slice(0, 3), '复访：孩子已返校', ...(r as unknown[]).slice(4)] : r,
    );
    const { status } = await uploadAndCheck(town, 'monitoring-visits', 'v.xlsx', await xlsx(edited));
    expect(status).toMatchObject({ toInsert: 0, toUpdate: 1 });
    expect((await commitAndWait(town, status.id, 'all-or-nothing')).status).toMatchObject({ status: 'committed', updated: 1 });
    const [{ n }] = (await t.services.db.execute(sql`select count(*)::int as n from monitoring_visits where findings = '复访：孩子已返校'`))
      .rows as { n: number }[];
    expect(n).toBe(1);
  });
});
