// Monitoring through the API: personal data never stored in the clear, scope, reveal audit, bad input,
// duplicates, the review chain with its levels, elimination with overrides, visits, worklist, key rotation.
import { randomBytes } from 'node:crypto';
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { idNumberCheckChar } from '@xiezuo/shared/codes/idNumber';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/tables';
import { generateKeySpec, PersonalDataCipher, parseKeySpec } from '../../platform/crypto/personalData';
import { createTestApp, type TestApp, type TestClient } from '../../testing/app';
import { sealPlainContacts } from './contact';
import { rotateMonitoringKeys } from './rotate';
import { monitoringHouseholds, monitoringLines, monitoringMembers } from './tables';
import { addDays } from './workdays';

const TOWN = '441224109000';
const ZENGCUN = '441224109201';
const XINGYI = '441224109202';
const SIHUI_VILLAGE = '441284100201';
const today = todayInBeijing();

const id = (birth: string, seq: string) => {
  const first17 = `441224${birth.replaceAll('-', '')}${seq}`;
  return first17 + idNumberCheckChar(first17);
};
const PEOPLE = {
  head: id('1960-03-12', '013'),
  girl: id('2006-05-20', '024'),
  other: id('1975-01-01', '031'),
  sihui: id('1980-07-07', '045'),
};
const member = (idNumber: string, over: object = {}) => ({
  name: '测试户主',
  relation: 'head',
  gender: 'male',
  birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
  idNumber,
  health: 'chronic',
  healthNote: '高血压',
  disability: 'none',
  schooling: 'not_in_school',
  work: 'farming',
  ...over,
});
const household = (divisionCode: string, members: object[]) => ({
  divisionCode,
  entryDoor: 'cadre_check',
  category: 'sudden',
  dibao: true,
  incomePerHead: 6800,
  incomeYear: 2025,
  members,
});

let t: TestApp;
let admin: TestClient, xingyi: TestClient, zengcun: TestClient, town: TestClient, county: TestClient, member_: TestClient;
const keySpec = generateKeySpec();

beforeAll(async () => {
  t = await createTestApp();
  t.services.cipher = new PersonalDataCipher(parseKeySpec(keySpec));
  const rows: [string, string, string, string | null][] = [
    ['440000000000', '广东省', 'province', null],
    ['441200000000', '肇庆市', 'city', '440000000000'],
    ['441224000000', '怀集县', 'county', '441200000000'],
    [TOWN, '岗坪镇', 'town', '441224000000'],
    [ZENGCUN, '曾村村委会', 'village', TOWN],
    [XINGYI, '兴义村委会', 'village', TOWN],
    ['441284000000', '四会市', 'county', '441200000000'],
    ['441284100000', '东城街道', 'town', '441284000000'],
    [SIHUI_VILLAGE, '演示村委会', 'village', '441284100000'],
  ];
  for (const [code, name, level, parent] of rows)
    await t.services.db.execute(sql`insert into divisions (code, name, level, parent_code) values (${code}, ${name}, ${level}, ${parent})`);
  await t.services.db.insert(monitoringLines).values({ provinceCode: '44', year: 2025, amount: '7800', demo: true });
  admin = await t.userClient('admin', 'admin', { all: true });
  xingyi = await t.userClient('xingyi', 'town_staff', { divisions: [XINGYI] });
  zengcun = await t.userClient('zengcun', 'town_staff', { divisions: [ZENGCUN] });
  town = await t.userClient('gangping', 'town_staff', { divisions: [TOWN] });
  county = await t.userClient('huaiji', 'town_staff', { divisions: ['441224000000'] });
  member_ = await t.userClient('duiyuan', 'team_member', { divisions: [XINGYI] });
});
afterAll(() => t.close());

let mai: number; // the household in 兴义村
const count = async () => Number((await t.services.db.execute(sql`select count(*)::int as n from monitoring_households`)).rows[0].n);

describe('households and personal data', () => {
  it('registers a household; the database holds no plain ID number or health data', async () => {
    const res = await xingyi.post(
      '/api/monitoring/households',
      household(XINGYI, [
        member(PEOPLE.head),
        member(PEOPLE.girl, {
          name: '小娅',
          relation: 'grandchild',
          gender: 'female',
          schooling: 'college',
          work: 'none',
          health: 'healthy',
        }),
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    mai = body.household.id;
    expect(body.household).toMatchObject({ status: 'identifying', stage: 'verify', village: '兴义村委会', persons: 2 });
    expect(body.members.map((m: { idMasked: string }) => m.idMasked)).toEqual([
      `4412**********${PEOPLE.head.slice(-4)}`,
      `4412**********${PEOPLE.girl.slice(-4)}`,
    ]);
    expect(res.body).not.toContain(PEOPLE.head);
    expect(res.body).not.toContain('高血压');

    // a raw dump of every monitoring table and the audit log: no 18-digit ID number, no health note
    const dump = JSON.stringify(
      await Promise.all(
        ['monitoring_households', 'monitoring_members', 'monitoring_steps', 'audit_log'].map((tb) =>
          t.services.database.query(`select * from ${tb}`),
        ),
      ),
    );
    for (const v of Object.values(PEOPLE)) expect(dump).not.toContain(v);
    expect(dump).not.toContain('高血压');
    expect(dump).not.toMatch(/\d{17}[\dX]/);
    // with the key the ciphertext opens; with any other key it does not
    const [row] = await t.services.db.select().from(monitoringMembers).where(eq(monitoringMembers.householdId, mai)).limit(1);
    expect(t.services.cipher.decrypt(row.idCipher)).toBe(PEOPLE.head);
    expect(() => new PersonalDataCipher(parseKeySpec(generateKeySpec())).decrypt(row.idCipher)).toThrow();
    expect(row.idHash).toBe(t.services.cipher.hash(PEOPLE.head));
  });

  it('answers bad input with a 400 naming the field, and writes nothing', async () => {
    const before = await count();
    const badCheck = `${PEOPLE.other.slice(0, 17)}${PEOPLE.other[17] === '0' ? '1' : '0'}`;
    const res = await xingyi.post('/api/monitoring/households', household(XINGYI, [member(badCheck)]));
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ path: 'body.members.0.idNumber', message: '身份证号校验位不正确' }]);
    const unknown = await xingyi.post('/api/monitoring/households', { ...household(XINGYI, [member(PEOPLE.other)]), income: 1 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details[0].path).toBe('body.income');
    // the shared vocabulary (contracts/common.ts): a real date, money to the fen, a phone number
    const impossible = await xingyi.post(
      '/api/monitoring/households',
      household(XINGYI, [member(PEOPLE.other, { birthDate: '1975-02-30' })]),
    );
    expect(impossible.json().details).toEqual([{ path: 'body.members.0.birthDate', message: '日期不正确，应写成 2025-03-01' }]);
    const fen = await xingyi.post('/api/monitoring/households', { ...household(XINGYI, [member(PEOPLE.other)]), incomePerHead: 6800.125 });
    expect(fen.json().details).toEqual([{ path: 'body.incomePerHead', message: '金额应为不小于 0 的数，最多两位小数（单位：元）' }]);
    const phone = await xingyi.post('/api/monitoring/households', { ...household(XINGYI, [member(PEOPLE.other)]), phone: '12345' });
    expect(phone.json().details).toEqual([{ path: 'body.phone', message: '电话号码格式不正确，应为 11 位手机号或 0xx-xxxxxxx 座机号' }]);
    const town_ = await county.post('/api/monitoring/households', household(TOWN, [member(PEOPLE.other)]));
    expect(town_.json()).toMatchObject({
      code: 'VALIDATION',
      details: [{ path: 'body.divisionCode', message: '「441224109000」不是已登记的村级区划' }],
    });
    const noHead = await xingyi.post('/api/monitoring/households', household(XINGYI, [member(PEOPLE.other, { relation: 'child' })]));
    expect(noHead.json().details[0]).toEqual({ path: 'body.members', message: '成员中须有一位户主' });
    const twice = await xingyi.post(
      '/api/monitoring/households',
      household(XINGYI, [member(PEOPLE.other), member(PEOPLE.other, { relation: 'spouse' })]),
    );
    expect(twice.json().details[0].path).toBe('body.members.1.idNumber');
    expect(await count()).toBe(before);
  });

  it('refuses a person already in another household, naming it, across villages and counties', async () => {
    const res = await admin.post(
      '/api/monitoring/households',
      household(SIHUI_VILLAGE, [member(PEOPLE.sihui), member(PEOPLE.girl, { relation: 'child' })]),
    );
    expect(res.statusCode).toBe(409);
    const [detail] = res.json().details;
    expect(detail.path).toBe('body.members.1.idNumber');
    expect(detail.message).toContain(`兴义村委会「测试户主」户（编号 ${mai}）`);
    expect(detail.message).toContain(`4412**********${PEOPLE.girl.slice(-4)}`);
    // the unique partial index holds even if the service check were bypassed
    const [m] = await t.services.db
      .select()
      .from(monitoringMembers)
      .where(eq(monitoringMembers.idHash, t.services.cipher.hash(PEOPLE.girl)));
    await expect(t.services.db.insert(monitoringMembers).values({ ...m, id: undefined as never })).rejects.toThrow();
  });

  it('out of scope, says only that the person is monitored elsewhere and which county to contact (issue #21)', async () => {
    const sihui = await t.userClient('sihui', 'town_staff', { divisions: ['441284000000'] });
    const before = await count();
    const res = await sihui.post(
      '/api/monitoring/households',
      household(SIHUI_VILLAGE, [member(PEOPLE.sihui), member(PEOPLE.girl, { relation: 'child' })]),
    );
    expect(res.statusCode).toBe(409);
    const [detail] = res.json().details;
    expect(detail).toEqual({
      path: 'body.members.1.idNumber',
      message: `身份证号 4412**********${PEOPLE.girl.slice(-4)} 已在您管辖范围以外的监测户中登记，一人只能在一个监测户中；如需核实，请联系怀集县防返贫监测工作部门`,
    });
    // nothing that identifies the household: no id, village, head's name
    expect(JSON.stringify(res.json())).not.toMatch(/兴义|测试户主|小娅|编号|441224109/);
    expect(await count()).toBe(before);
  });

  it('finds a household by exact ID number through the keyed hash, within scope only', async () => {
    const mine = (await xingyi.get(`/api/monitoring/households?idNumber=${PEOPLE.girl}`)).json();
    expect(mine.items.map((h: { id: number }) => h.id)).toEqual([mai]);
    expect((await zengcun.get(`/api/monitoring/households?idNumber=${PEOPLE.girl}`)).json().total).toBe(0);
  });

  it("keeps a village's staff inside their village: list, detail, search, writes", async () => {
    const other = await zengcun.post('/api/monitoring/households', household(ZENGCUN, [member(PEOPLE.other, { name: '曾村户主' })]));
    expect(other.statusCode).toBe(200);
    const otherId = other.json().household.id;
    expect((await zengcun.get('/api/monitoring/households')).json().items.map((h: { id: number }) => h.id)).toEqual([otherId]);
    expect((await xingyi.get('/api/monitoring/households')).json().items.map((h: { id: number }) => h.id)).toEqual([mai]);
    expect((await zengcun.get('/api/monitoring/households?q=测试')).json().total).toBe(0);
    expect((await town.get('/api/monitoring/households')).json().total).toBe(2);
    expect((await zengcun.get(`/api/monitoring/households/${mai}`)).json().code).toBe('OUT_OF_SCOPE');
    expect((await zengcun.post(`/api/monitoring/households/${mai}/risks`, { kind: 'illness', identifiedOn: today })).statusCode).toBe(403);
    expect(
      (await zengcun.post(`/api/monitoring/households/${mai}/transitions`, { action: 'verify', authorisationSigned: true })).json().code,
    ).toBe('OUT_OF_SCOPE');
    expect((await zengcun.post('/api/monitoring/households', household(XINGYI, [member(PEOPLE.sihui)]))).json().code).toBe('OUT_OF_SCOPE');
    const memberId = (await xingyi.get(`/api/monitoring/households/${mai}`)).json().members[0].id;
    expect((await zengcun.post(`/api/monitoring/members/${memberId}/reveal`)).json().code).toBe('OUT_OF_SCOPE');
    const res = await zengcun.get(`/api/monitoring/figures?from=2025-01-01&to=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const figures = res.json().rows[0];
    expect(figures.byStatus).toEqual({ identifying: { households: 1, persons: 1 } });
  });

  it('reveals an ID number only with sensitive.reveal, and audits every reveal', async () => {
    const memberId = (await xingyi.get(`/api/monitoring/households/${mai}`)).json().members[0].id;
    expect((await member_.post(`/api/monitoring/members/${memberId}/reveal`)).json().code).toBe('FORBIDDEN');
    const res = await xingyi.post(`/api/monitoring/members/${memberId}/reveal`);
    expect(res.json()).toMatchObject({ idNumber: PEOPLE.head, health: 'chronic', healthNote: '高血压' });
    const entries = await t.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'reveal'), eq(auditLog.entityId, String(memberId))));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorName: 'xingyi', entity: 'monitoring_member' });
    expect(JSON.stringify(entries)).not.toContain(PEOPLE.head);
  });

  it('keeps a household’s phone and address encrypted, shows them masked, reveals them with sensitive.reveal and audits it (issue #21)', async () => {
    const PHONE = '13926645588';
    const ADDRESS = '兴义村三组12号';
    expect((await xingyi.patch(`/api/monitoring/households/${mai}`, { phone: PHONE, address: ADDRESS })).statusCode).toBe(200);
    const [row] = await t.services.db.select().from(monitoringHouseholds).where(eq(monitoringHouseholds.id, mai));
    expect(`${row.phone} ${row.address}`).not.toMatch(/13926645588|兴义村三组/);
    expect(t.services.cipher.decrypt(row.phone!)).toBe(PHONE);
    expect(t.services.cipher.decrypt(row.address!)).toBe(ADDRESS);
    const detail = (await xingyi.get(`/api/monitoring/households/${mai}`)).json().household;
    expect(detail).toMatchObject({ phone: '139****5588', address: '兴义村******' });
    expect((await member_.post(`/api/monitoring/households/${mai}/reveal`)).json().code).toBe('FORBIDDEN');
    expect((await xingyi.post(`/api/monitoring/households/${mai}/reveal`)).json()).toEqual({ phone: PHONE, address: ADDRESS });
    const entries = await t.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'monitoring_household'), eq(auditLog.entityId, String(mai))));
    expect(entries.map((e) => e.action)).toContain('reveal');
    expect(JSON.stringify(entries)).not.toMatch(/13926645588|兴义村三组|[\w-]+\.[A-Za-z0-9+/]{16}\./); // neither the values nor their ciphertext
    // the edit form sends back what it shows: an unchanged value keeps its ciphertext
    expect((await xingyi.patch(`/api/monitoring/households/${mai}`, { phone: PHONE, note: '备注' })).statusCode).toBe(200);
    const [same] = await t.services.db.select().from(monitoringHouseholds).where(eq(monitoringHouseholds.id, mai));
    expect(same.phone).toBe(row.phone);
  });

  it('encrypts phones and addresses stored in the clear before encryption, at start', async () => {
    await t.services.db
      .update(monitoringHouseholds)
      .set({ phone: '13800138000', address: '曾村一组' })
      .where(eq(monitoringHouseholds.id, mai));
    expect((await xingyi.get(`/api/monitoring/households/${mai}`)).json().household.phone).toBe('138****8000'); // read either way
    expect(await sealPlainContacts({ services: t.services })).toBe(1);
    expect(await sealPlainContacts({ services: t.services })).toBe(0);
    const [row] = await t.services.db.select().from(monitoringHouseholds).where(eq(monitoringHouseholds.id, mai));
    expect(t.services.cipher.decrypt(row.phone!)).toBe('13800138000');
    expect(t.services.cipher.decrypt(row.address!)).toBe('曾村一组');
  });

  it('adds a member, changes only the fields sent (unseen health and disability stay), records the leaving', async () => {
    const somebody = id('1990-02-02', '057');
    const bad = await xingyi.post(
      `/api/monitoring/households/${mai}/members`,
      member(somebody.slice(0, 17) + (somebody[17] === '1' ? '2' : '1'), { relation: 'child' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { path: string }) => d.path)).toEqual(['body.idNumber']);
    const added = await xingyi.post(
      `/api/monitoring/households/${mai}/members`,
      member(somebody, { name: '麦仔', relation: 'child', disability: 'grade2', healthNote: '糖尿病' }),
    );
    expect(added.statusCode, added.body).toBe(200);
    const memberId = added.json().members.find((m: { name: string }) => m.name === '麦仔').id;
    const work = await xingyi.patch(`/api/monitoring/members/${memberId}`, { work: 'migrant_out_province' });
    expect(work.statusCode, work.body).toBe(200);
    expect((await xingyi.post(`/api/monitoring/members/${memberId}/reveal`)).json()).toMatchObject({
      health: 'chronic',
      healthNote: '糖尿病',
      disability: 'grade2',
    });
    await xingyi.patch(`/api/monitoring/members/${memberId}`, { health: 'serious' });
    expect((await xingyi.post(`/api/monitoring/members/${memberId}/reveal`)).json()).toMatchObject({
      health: 'serious',
      healthNote: '糖尿病',
      disability: 'grade2',
    });
    // the log says health was rewritten, never what it says
    const [logged] = await t.services.database.query<{ after: Record<string, unknown> }>(
      `select after from audit_log where entity = 'monitoring_member' and entity_id = $1 and action = 'update' order by id desc limit 1`,
      [String(memberId)],
    );
    expect(logged.after.sensitiveFieldsChanged).toEqual(['health']);
    expect(JSON.stringify(logged.after)).not.toMatch(/serious|chronic|糖尿病/);
    const left = await xingyi.post(`/api/monitoring/members/${memberId}/leave`, { reason: 'moved_out', note: '迁往佛山' });
    expect(left.statusCode, left.body).toBe(200);
    const d = (await xingyi.get(`/api/monitoring/households/${mai}`)).json();
    expect(d.members.find((m: { id: number }) => m.id === memberId)).toMatchObject({
      active: false,
      leftReason: 'moved_out',
      work: 'migrant_out_province',
    });
    expect(d.household.persons).toBe(2);
  });
});

describe('the review chain through the API', () => {
  const step = (c: TestClient, body: object) => c.post(`/api/monitoring/households/${mai}/transitions`, body);

  it('walks 入户核实 → 村级评议公示 → 乡镇审核 → 县级确定 with each level and refusal', async () => {
    expect((await step(xingyi, { action: 'verify' })).json().details).toEqual([
      { path: 'body.authorisationSigned', message: '入户核实须先签署授权承诺书' },
    ]);
    // evidence: a signed authorisation scan (PNG); a file pretending to be PNG is refused
    const fake = await xingyi.post(`/api/monitoring/households/${mai}/attachments`, {
      fileName: 'x.png',
      mimeType: 'image/png',
      contentBase64: Buffer.from('not a png').toString('base64'),
    });
    expect(fake.json().details[0].path).toBe('body.contentBase64');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(32)]);
    const file = (
      await xingyi.post(`/api/monitoring/households/${mai}/attachments`, {
        fileName: '授权书.png',
        mimeType: 'image/png',
        contentBase64: png.toString('base64'),
      })
    ).json();
    const ok = await step(xingyi, {
      action: 'verify',
      authorisationSigned: true,
      authorisationDate: today,
      comment: '已入户核实',
      attachmentIds: [file.id],
    });
    expect(ok.json().household.stage).toBe('village');
    expect(ok.json().steps.at(-1)).toMatchObject({
      action: 'verify',
      actorName: 'xingyi',
      comment: '已入户核实',
      attachments: [{ id: file.id, fileName: '授权书.png' }],
    });
    expect((await zengcun.get(`/api/monitoring/attachments/${file.id}`)).statusCode).toBe(403);
    expect((await xingyi.get(`/api/monitoring/attachments/${file.id}`)).rawPayload.equals(png)).toBe(true);

    expect((await step(member_, { action: 'publicise', noticeFrom: today, noticeTo: addDays(today, 4) })).json().code).toBe('FORBIDDEN');
    expect((await step(xingyi, { action: 'publicise', noticeFrom: today, noticeTo: addDays(today, 3) })).json().details[0]).toEqual({
      path: 'body.noticeTo',
      message: '公示期至少 5 天（现为 4 天）',
    });
    expect(
      (await step(xingyi, { action: 'publicise', noticeFrom: today, noticeTo: addDays(today, 4), comment: '村民代表评议通过' })).json()
        .household.stage,
    ).toBe('town');
    const running = await step(town, { action: 'town_approve' });
    expect(running.statusCode).toBe(409);
    expect(running.json().details[0].message).toContain('之后才能进行乡镇审核');
    expect((await step(town, { action: 'return' })).json().details[0].path).toBe('body.comment');
    expect((await step(town, { action: 'return', comment: '公示期未满，重新公示' })).json().household.stage).toBe('village');
    await step(xingyi, { action: 'publicise', noticeFrom: addDays(today, -9), noticeTo: addDays(today, -5), comment: '已公示' });
    const byVillage = await step(xingyi, { action: 'town_approve' });
    expect(byVillage.json()).toMatchObject({
      code: 'FORBIDDEN',
      details: [{ path: 'body.action', message: '该环节须由乡镇级或以上人员办理' }],
    });
    expect((await step(town, { action: 'town_approve', comment: '同意' })).json().household.stage).toBe('county');
    expect((await step(town, { action: 'county_approve' })).json().details[0].message).toBe('该环节须由县级人员办理');
    const done = (await step(county, { action: 'county_approve', comment: '确定为监测对象' })).json();
    expect(done.household).toMatchObject({ status: 'monitored', stage: null, identifiedOn: today });
    expect(done.steps.map((s: { action: string }) => s.action)).toEqual([
      'create',
      'verify',
      'publicise',
      'return',
      'publicise',
      'town_approve',
      'county_approve',
    ]);
    expect(done.steps.every((s: { stageWorkDays: number | null; action: string }) => s.action === 'create' || s.stageWorkDays === 0)).toBe(
      true,
    );
    expect((await step(county, { action: 'county_approve' })).json().code).toBe('INVALID_TRANSITION');
    const audits = await t.services.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'transition'), eq(auditLog.entityId, String(mai))));
    expect(audits).toHaveLength(6);
  });

  it('records visits, risks and measures; refuses another household’s risk and writes nothing', async () => {
    const measure = (
      await xingyi.post(`/api/monitoring/households/${mai}/measures`, {
        kind: 'education',
        description: '雨露计划',
        amount: 3000,
        startOn: today,
      })
    ).json();
    const otherRisk = (await county.get('/api/monitoring/households?q=曾村')).json().items[0].id;
    const risk = (await county.post(`/api/monitoring/households/${otherRisk}/risks`, { kind: 'illness', identifiedOn: today })).json();
    const visit = {
      visitedOn: today,
      visitors: '驻镇工作队',
      findings: '小娅准备入学',
      incomePerHead: 9000,
      incomeYear: 2025,
      openRisks: [{ kind: 'schooling' }],
      followedMeasureIds: [measure.id],
    };
    const wrong = await xingyi.post(`/api/monitoring/households/${mai}/visits`, { ...visit, closeRiskIds: [risk.id] });
    expect(wrong.json().details[0]).toMatchObject({ path: 'body.closeRiskIds' });
    expect((await xingyi.get(`/api/monitoring/households/${mai}`)).json().visits).toHaveLength(0);
    const res = await xingyi.post(`/api/monitoring/households/${mai}/visits`, visit);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      householdId: mai,
      visitedOn: today,
      incomePerHead: 9000,
      riskChanges: { opened: [{ kind: 'schooling' }], closed: [], followed: [measure.id] },
    });
    expect(measure).toMatchObject({ householdId: mai, kind: 'education', amount: 3000 });
    const d = (await xingyi.get(`/api/monitoring/households/${mai}`)).json();
    expect(d.household).toMatchObject({ lastVisitOn: today, incomePerHead: 9000, openRisks: ['schooling'] });
    expect(d.measures[0].lastFollowUpOn).toBe(today);
    const schooling = d.risks.find((r: { kind: string }) => r.kind === 'schooling');
    const closed = await xingyi.post(`/api/monitoring/risks/${schooling.id}/close`, { closedOn: today, note: '已入学' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ id: schooling.id, householdId: mai, kind: 'schooling', closedOn: today, closeNote: '已入学' });
    const followed = await xingyi.post(`/api/monitoring/measures/${measure.id}/follow-up`, { on: today, note: '已发放' });
    expect(followed.statusCode, followed.body).toBe(200);
    expect(followed.json()).toMatchObject({ id: measure.id, amount: 3000, lastFollowUpOn: today, followUpNote: '已发放' });
  });

  it('checks the elimination rules, needs a reason to override, and records the decision', async () => {
    const step2 = (c: TestClient, body: object) => c.post(`/api/monitoring/households/${mai}/transitions`, body);
    const d = (await xingyi.get(`/api/monitoring/households/${mai}`)).json();
    expect(d.checks.filter((c: { ok: boolean }) => !c.ok).map((c: { rule: string }) => c.rule)).toEqual([
      'monitoredSixMonths',
      'hasLabour',
    ]); // grandfather 66, granddaughter in college
    expect(d.actions).toEqual(['propose_elimination']);
    const refused = await step2(xingyi, { action: 'propose_elimination' });
    expect(refused.json().details[0]).toEqual({ path: 'body.overrideReason', message: '有 2 项条件未满足，如仍继续请填写理由' });
    const ok = (await step2(xingyi, { action: 'propose_elimination', overrideReason: '收入已稳定，家属同意', comment: '提出消除' })).json();
    expect(ok.household).toMatchObject({ status: 'eliminating', stage: 'verify' });
    expect(ok.steps.at(-1).details).toMatchObject({
      overrideReason: '收入已稳定，家属同意',
      checks: expect.arrayContaining([{ rule: 'monitoredSixMonths', ok: false, params: expect.any(Object) }]),
    });
    // a county refusal keeps the household monitored, its members still active
    const back = (await step2(xingyi, { action: 'reject', comment: '暂不消除' })).json();
    expect(back.household.status).toBe('monitored');
    const active = await t.services.db
      .select()
      .from(monitoringMembers)
      .where(and(eq(monitoringMembers.householdId, mai), eq(monitoringMembers.active, true)));
    expect(active).toHaveLength(2);
  });

  it('lists waiting reviews and due visits in each user’s worklist', async () => {
    const w = (await town.get('/api/monitoring/worklist')).json();
    expect(w.intervalDays).toBe(30);
    // the 曾村 household waits at 入户核实, which town staff may do too
    expect(w.reviews.map((r: { headName: string; actions: string[] }) => [r.headName, r.actions])).toEqual([
      ['曾村户主', ['verify', 'reject']],
    ]);
    expect((await xingyi.get('/api/monitoring/worklist')).json().reviews).toEqual([]);
  });

  it('lets a person join a new household once theirs was refused', async () => {
    const zeng = (await zengcun.get('/api/monitoring/households')).json().items[0].id;
    await zengcun.post(`/api/monitoring/households/${zeng}/transitions`, { action: 'reject', comment: '经核实不符合条件' });
    const again = await admin.post('/api/monitoring/households', household(SIHUI_VILLAGE, [member(PEOPLE.other)]));
    expect(again.statusCode, again.body).toBe(200);
  });
});

describe('contract', () => {
  it('documents every monitoring answer in the OpenAPI document, the household with its members masked', async () => {
    const doc = (await t.client().get('/api/openapi.json')).json();
    const ok = (path: string, method: string) => doc.paths[path]?.[method]?.responses?.['200']?.content?.['application/json']?.schema;
    const detail = ok('/api/monitoring/households/{id}', 'get');
    expect(detail.type).toBe('object');
    expect(detail.required).toEqual(
      expect.arrayContaining(['household', 'clock', 'members', 'risks', 'measures', 'visits', 'steps', 'checks', 'actions', 'canReveal']),
    );
    const member = detail.properties.members.items;
    expect(member.required).toEqual(expect.arrayContaining(['id', 'name', 'relation', 'idMasked', 'active']));
    expect(Object.keys(member.properties)).not.toContain('idNumber'); // the full number only through the audited reveal
    expect(Object.keys(member.properties).some((k) => k.startsWith('health'))).toBe(false);
    expect(detail.properties.steps.items.properties.attachments.items.required).toEqual(
      expect.arrayContaining(['id', 'fileName', 'mimeType', 'size']),
    );
    expect(detail.properties.household.properties.status.enum).toEqual([
      'identifying',
      'monitored',
      'eliminating',
      'eliminated',
      'rejected',
    ]);
    // every JSON answer of the module has a real schema, not the empty one z.unknown() gives
    const answers = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith('/api/monitoring/') && path !== '/api/monitoring/attachments/{id}')
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => [`${method} ${path}`, ok(path, method)] as const));
    expect(answers.length).toBeGreaterThanOrEqual(20);
    for (const [route, schema] of answers) expect(schema?.type, route).toMatch(/^(object|array)$/);
    expect(ok('/api/monitoring/members/{id}/reveal', 'post').required).toEqual(['idNumber', 'health', 'healthNote', 'disability']);
    // the answers pass their schemas (a mismatch would be a 500)
    const lines = await xingyi.get('/api/monitoring/lines');
    expect(lines.statusCode, lines.body).toBe(200);
    expect(lines.json()).toEqual([{ id: expect.any(Number), provinceCode: '44', year: 2025, amount: 7800, demo: true, note: null }]);
    const villages = await xingyi.get('/api/monitoring/villages');
    expect(villages.statusCode, villages.body).toBe(200);
    expect(villages.json()).toEqual([{ code: XINGYI, name: '兴义村委会', parentCode: TOWN }]);
  });
});

describe('key rotation', () => {
  it('re-encrypts rows made with an older key and keeps lookups working', async () => {
    const old = parseKeySpec(keySpec);
    const next = `hash:${old.hashKey.toString('base64')},k2:${randomBytes(32).toString('base64')},k1:${old.keys.k1.toString('base64')}`;
    t.services.cipher = new PersonalDataCipher(parseKeySpec(next));
    const before = await t.services.db.select().from(monitoringMembers);
    expect(before.every((m) => t.services.cipher.needsRotation(m.idCipher))).toBe(true);
    const result = await rotateMonitoringKeys(t.services);
    expect(result).toEqual({ checked: before.length, rotated: before.length, households: 1 }); // 麦伯's phone and address too
    const [sealed] = await t.services.db.select().from(monitoringHouseholds).where(eq(monitoringHouseholds.id, mai));
    expect(sealed.phone!.startsWith('k2.') && t.services.cipher.decrypt(sealed.phone!) === '13800138000').toBe(true);
    const after = await t.services.db.select().from(monitoringMembers);
    expect(after.every((m) => m.idCipher.startsWith('k2.') && m.healthCipher.startsWith('k2.'))).toBe(true);
    expect(after.map((m) => t.services.cipher.decrypt(m.idCipher)).sort()).toEqual(
      before.map((m) => new PersonalDataCipher(old).decrypt(m.idCipher)).sort(),
    );
    expect(await rotateMonitoringKeys(t.services)).toEqual({ checked: before.length, rotated: 0, households: 0 });
    expect((await xingyi.get(`/api/monitoring/households?idNumber=${PEOPLE.girl}`)).json().total).toBe(1);
    const [h] = await t.services.db.select().from(monitoringHouseholds).where(eq(monitoringHouseholds.id, mai));
    expect(h.status).toBe('monitored');
  });
});
