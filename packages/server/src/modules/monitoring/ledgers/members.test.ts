// 家庭成员台账 through the staged, set-based commit: what lands is what the API would have written
// (encrypted ID and health, the household its head names, audit entries), plaintext personal data never
// reaches the staged file or the database, re-imports change nothing, edits change exactly the edited
// members, and the API's rules (scope, one household per person) hold at the dry run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { idNumberCheckChar } from '@xiezuo/shared/codes/idNumber';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDir } from '../../../platform/ledgers/store';
import { commitAndWait, readSheet, uploadAndCheck, xlsx } from '../../../platform/ledgers/testing/helpers';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/app';
import { GANGPING, insertVillages, XINGYI, ZENGCUN } from '../testing/builders';

let t: TestApp;
let xingyi: TestClient, town: TestClient;
const idOf = (first17: string) => first17 + idNumberCheckChar(first17);
const HEAD = idOf('44122419650303551');
const SPOUSE = idOf('44122419670404552');
const CHILD = idOf('44122420100505553');
const OTHER_HEAD = idOf('44122419600606554'); // a household of another village (outside xingyi's scope)
const HEADER = ['户主身份证号', '姓名', '与户主关系', '性别', '出生日期', '身份证号', '健康状况', '残疾情况', '在校情况', '务工情况'];
const member = (
  head: string,
  name: string,
  relation: string,
  gender: string,
  birth: string,
  id: string,
  health = '健康',
  disability = '无',
  schooling = '非在校生',
  work = '省内务工',
) => [head, name, relation, gender, birth, id, health, disability, schooling, work];

const person = (name: string, id: string, relation = 'head') => ({
  name,
  relation,
  gender: 'male',
  birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
  idNumber: id,
  health: 'healthy',
  schooling: 'not_in_school',
  work: 'none',
});

beforeAll(async () => {
  t = await createTestApp();
  await insertVillages(t.services); // 岗坪镇 and its villages 曾村, 兴义
  xingyi = await t.userClient('xingyi', 'town_staff', { divisions: [XINGYI] });
  town = await t.userClient('town', 'town_staff', { divisions: [GANGPING] });
  const household = (c: TestClient, divisionCode: string, members: unknown[]) =>
    c.post('/api/monitoring/households', { divisionCode, entryDoor: 'cadre_check', category: 'marginal', members });
  const made = await household(xingyi, XINGYI, [person('户主甲（演示）', HEAD)]);
  expect(made.statusCode, made.body).toBe(200);
  expect(
    (
      await household(town, ZENGCUN, [
        person('户主乙（演示）', OTHER_HEAD),
        person('乙户成员（演示）', idOf('44122419900707555'), 'spouse'),
      ])
    ).statusCode,
  ).toBe(200);
});
afterAll(() => t.close());

const q = <T = Record<string, unknown>>(text: string, params?: unknown[]) => t.services.database.query<T>(text, params);
const membersOf = (head: string) =>
  q<{
    id: number;
    name: string;
    work: string;
    id_cipher: string;
    id_hash: string;
    id_masked: string;
    health_cipher: string;
    household_id: number;
    active: boolean;
  }>(
    `select m.* from monitoring_members m where m.household_id = (select household_id from monitoring_members where id_hash = $1 and relation = 'head') order by m.id`,
    [t.services.cipher.hash(head)],
  );
const health = (cipher: string) => JSON.parse(t.services.cipher.decrypt(cipher));

describe('家庭成员台账 (staged commit)', () => {
  it('adds members to the household their head names, encrypted, audited; nothing in the clear on the way', async () => {
    const file = await xlsx([
      HEADER,
      member(HEAD, '配偶甲（演示）', '配偶', '女', '1967-04-04', SPOUSE),
      member(HEAD, '子女甲（演示）', '子女', '男', '2010-05-05', CHILD, '长期慢性病', '', '小学在读', '不适用'),
    ]);
    const { status } = await uploadAndCheck(xingyi, 'monitoring-members', 'm.xlsx', file);
    expect(status).toMatchObject({ status: 'ready', valid: 2, rejected: 0, toInsert: 2 });
    // the staged rows the commit will send hold hashes and ciphertexts, not ID numbers or health data
    const staged = readFileSync(join(importDir(t.services, status.id), 'rows.ndjson'), 'utf8');
    for (const secret of [SPOUSE, CHILD, HEAD, '"health"', 'chronic']) expect(staged).not.toContain(secret);

    const auditBefore = (await q<{ n: number }>('select max(id)::int n from audit_log'))[0].n;
    const { status: done } = await commitAndWait(xingyi, status.id, 'all-or-nothing');
    expect(done).toMatchObject({ status: 'committed', inserted: 2, updated: 0 });

    const rows = await membersOf(HEAD);
    expect(rows.map((r) => r.name)).toEqual(['户主甲（演示）', '配偶甲（演示）', '子女甲（演示）']);
    expect(new Set(rows.map((r) => r.household_id)).size).toBe(1);
    const child = rows[2];
    expect(t.services.cipher.decrypt(child.id_cipher)).toBe(CHILD);
    expect(child.id_hash).toBe(t.services.cipher.hash(CHILD));
    expect(child.id_masked).toBe(`4412**********${CHILD.slice(-4)}`);
    expect(child.active).toBe(true);
    expect(health(child.health_cipher)).toEqual({ health: 'chronic', healthNote: null, disability: 'none' });

    const entries = await q<{ action: string; entity: string; after: { ids?: string[]; count?: number } }>(
      'select action, entity, after from audit_log where id > $1 order by id',
      [auditBefore],
    );
    expect(entries.map((e) => `${e.action}:${e.entity}`)).toEqual(['create:monitoring_member', 'import:monitoring_member']);
    expect(entries[0].after).toEqual({
      via: 'ledger-import',
      count: 2,
      ids: [`4412**********${SPOUSE.slice(-4)}`, `4412**********${CHILD.slice(-4)}`],
    });
    const log = JSON.stringify(await q('select * from audit_log'));
    for (const secret of [SPOUSE, CHILD, HEAD]) expect(log).not.toContain(secret);
    expect((await q<{ n: number }>('select count(*)::int n from ledger_import_rows'))[0].n).toBe(0);

    // the household page counts them, as members added in the app
    const page = (await xingyi.get('/api/monitoring/households')).json();
    expect(page.items.find((h: { headName: string }) => h.headName === '户主甲（演示）').persons).toBe(3);
  });

  it('the same file again changes nothing; an edited file updates exactly the edited member, keeping what the ledger does not hold', async () => {
    const spouse = (work: string, healthLabel: string) =>
      member(HEAD, '配偶甲（演示）', '配偶', '女', '1967-04-04', SPOUSE, healthLabel, '无', '非在校生', work);
    const childRow = member(HEAD, '子女甲（演示）', '子女', '男', '2010-05-05', CHILD, '长期慢性病', '', '小学在读', '不适用');
    const before = await membersOf(HEAD);
    const again = (await uploadAndCheck(xingyi, 'monitoring-members', 'm.xlsx', await xlsx([HEADER, spouse('省内务工', '健康'), childRow])))
      .status;
    expect(again, JSON.stringify(again)).toMatchObject({ toInsert: 0, toUpdate: 0, unchanged: 2 });
    expect((await commitAndWait(xingyi, again.id, 'all-or-nothing')).status).toMatchObject({ inserted: 0, updated: 0 });
    expect(await membersOf(HEAD)).toEqual(before); // not even a ciphertext rewritten

    // a health note entered in the app is not in the ledger: an import must not drop it
    const spouseId = before[1].id;
    expect((await xingyi.patch(`/api/monitoring/members/${spouseId}`, { healthNote: '需定期复查' })).statusCode).toBe(200);
    const afterNote = await membersOf(HEAD);
    const auditBefore = (await q<{ n: number }>('select max(id)::int n from audit_log'))[0].n;
    const edited = (
      await uploadAndCheck(xingyi, 'monitoring-members', 'm2.xlsx', await xlsx([HEADER, spouse('省外务工', '患有大病'), childRow]))
    ).status;
    expect(edited).toMatchObject({ toInsert: 0, toUpdate: 1, unchanged: 1 });
    expect((await commitAndWait(xingyi, edited.id, 'all-or-nothing')).status).toMatchObject({ inserted: 0, updated: 1 });
    const now = await membersOf(HEAD);
    expect(now[1].work).not.toBe(afterNote[1].work);
    expect(health(now[1].health_cipher)).toEqual({ health: 'serious', healthNote: '需定期复查', disability: 'none' });
    expect(now[2]).toEqual(afterNote[2]); // the child untouched
    const [update] = await q<{ entity_id: string; before: unknown; after: unknown }>(
      `select entity_id, before, after from audit_log where id > $1 and action = 'update'`,
      [auditBefore],
    );
    expect(update).toEqual({
      entity_id: String(spouseId),
      before: { work: afterNote[1].work, healthCipher: '[redacted]' },
      after: { work: now[1].work, healthCipher: '[redacted]' },
    });
  });

  it('re-imports its own masked export unchanged (a hidden 记录标识 keys each row; masked cells mean unchanged)', async () => {
    const res = await town.get('/api/ledgers/monitoring-members/export');
    expect(res.statusCode).toBe(200);
    const sheet = await readSheet(res.rawPayload);
    const rows = sheet.slice(3).filter((r) => r?.length);
    expect(rows.length).toBeGreaterThan(2);
    expect(JSON.stringify(rows)).not.toMatch(/\d{17}[\dX]/);
    const { status } = await uploadAndCheck(town, 'monitoring-members', 'export.xlsx', res.rawPayload);
    expect(status.problems).toEqual([]);
    expect(status).toMatchObject({ valid: rows.length, toInsert: 0, toUpdate: 0, unchanged: rows.length });
  });

  it('refuses at the dry run a head outside the scope and a person already in a household outside it, saying only which county to contact', async () => {
    const file = await xlsx([
      HEADER,
      member(OTHER_HEAD, '越权（演示）', '子女', '男', '2011-01-01', idOf('44122420110101556')),
      member(HEAD, '乙户成员（演示）', '配偶', '女', '1990-07-07', idOf('44122419900707555')),
    ]);
    const { status } = await uploadAndCheck(xingyi, 'monitoring-members', 'bad.xlsx', file);
    expect(status).toMatchObject({ valid: 0, rejected: 2 });
    const text = status.problems.map((p: { message: string }) => p.message);
    expect(text[0]).toBe('第2行 A列〔户主身份证号〕：在您的管辖范围内找不到以此身份证号为户主的在册监测户');
    expect(text[1]).toMatch(
      /^第3行 F列〔身份证号〕：身份证号 4412\*{10}\d{3}[\dX] 已在您管辖范围以外的监测户中登记，一人只能在一个监测户中；如需核实，请联系怀集县防返贫监测工作部门$/,
    );
    // the town's staff, whose scope holds that household, are told which one it is
    const again = await uploadAndCheck(town, 'monitoring-members', 'bad2.xlsx', file);
    expect(again.status.problems.map((p: { message: string }) => p.message)).toContainEqual(
      expect.stringMatching(
        /^第3行 F列〔身份证号〕：身份证号 4412\*{10}\d{3}[\dX] 已是 曾村村委会「户主乙（演示）」户（编号 \d+）的在册成员/,
      ),
    );
  });

  it('the head stays the head: a file making the head someone else, or a second head, is refused at the dry run', async () => {
    const file = await xlsx([
      HEADER,
      member(HEAD, '户主甲（演示）', '配偶', '男', '1965-03-03', HEAD),
      member(HEAD, '配偶甲（演示）', '户主', '女', '1967-04-04', SPOUSE),
    ]);
    const { status } = await uploadAndCheck(xingyi, 'monitoring-members', 'heads.xlsx', file);
    expect(status).toMatchObject({ valid: 0, rejected: 2 });
    expect(status.problems.map((p: { message: string }) => p.message)).toEqual([
      '第2行 C列〔与户主关系〕：户主本人的与户主关系应为「户主」；户主变更请在系统中办理',
      '第3行 C列〔与户主关系〕：一户只能有一位户主：此人不是该户户主，户主变更请在系统中办理',
    ]);
  });

  it('a member changed, or moved to a household outside the scope, between the check and the commit is not written: the commit fails', async () => {
    const spouseRow = (name: string) => member(HEAD, name, '配偶', '女', '1967-04-04', SPOUSE, '健康', '无', '非在校生', '本地务工');
    const [spouse] = (await membersOf(HEAD)).filter((m) => m.id_hash === t.services.cipher.hash(SPOUSE));
    // 1. edited in the app after the check: the import's decision was about the old record
    let { status } = await uploadAndCheck(xingyi, 'monitoring-members', 'late1.xlsx', await xlsx([HEADER, spouseRow('配偶甲（演示）')]));
    expect(status).toMatchObject({ toUpdate: 1 });
    expect((await xingyi.patch(`/api/monitoring/members/${spouse.id}`, { healthNote: '刚更新的备注' })).statusCode).toBe(200);
    const edited = await q('select * from monitoring_members order by id');
    let done = (await commitAndWait(xingyi, status.id, 'all-or-nothing')).status;
    expect(done).toMatchObject({ status: 'ready', error: { code: 'CONFLICT' } });
    expect(await q('select * from monitoring_members order by id')).toEqual(edited);
    // 2. left the household and joined one of another village, outside xingyi's scope
    ({ status } = await uploadAndCheck(xingyi, 'monitoring-members', 'late2.xlsx', await xlsx([HEADER, spouseRow('改名（越权）')])));
    expect(status).toMatchObject({ toUpdate: 1 });
    expect((await xingyi.post(`/api/monitoring/members/${spouse.id}/leave`, { reason: 'moved_out' })).statusCode).toBe(200);
    const [other] = await q<{ id: number }>(`select household_id as id from monitoring_members where id_hash = $1`, [
      t.services.cipher.hash(OTHER_HEAD),
    ]);
    const moved = await town.post(`/api/monitoring/households/${other.id}/members`, person('配偶甲（演示）', SPOUSE, 'spouse'));
    expect(moved.statusCode, moved.body).toBe(200);
    const before = await q('select * from monitoring_members order by id');
    done = (await commitAndWait(xingyi, status.id, 'all-or-nothing')).status;
    expect(done).toMatchObject({ status: 'ready', error: { code: 'CONFLICT' } });
    expect(await q('select * from monitoring_members order by id')).toEqual(before);
  });

  it('a household closed between the check and the commit fails the commit cleanly, nothing written', async () => {
    const newcomer = idOf('44122420150808557');
    const { status } = await uploadAndCheck(
      xingyi,
      'monitoring-members',
      'late.xlsx',
      await xlsx([HEADER, member(HEAD, '新成员（演示）', '孙子女', '女', '2015-08-08', newcomer)]),
    );
    expect(status).toMatchObject({ toInsert: 1 });
    const members = await q('select * from monitoring_members order by id');
    const audit = await q('select id from audit_log order by id');
    // closing the household makes every member inactive (review.ts), its head included
    await q(
      `update monitoring_members set active = false, left_reason = 'household_closed' where household_id = (select household_id from monitoring_members where id_hash = $1)`,
      [t.services.cipher.hash(HEAD)],
    );
    const closed = await q('select * from monitoring_members order by id');
    const { status: after } = await commitAndWait(xingyi, status.id, 'all-or-nothing');
    expect(after).toMatchObject({
      status: 'ready',
      error: { code: 'CONFLICT', details: [{ message: '检查之后其中的记录已被他人录入或修改，请重新导入这个文件' }] },
    });
    expect(await q('select * from monitoring_members order by id')).toEqual(closed);
    expect(await q('select id from audit_log order by id')).toEqual(audit);
    expect(members.length).toBe(closed.length);
  });
});
