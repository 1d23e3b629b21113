// The teams ledgers through the shared machinery: exports are scoped and mask ID numbers; an import
// validates ID numbers and team names, then writes encrypted, audited rows.
import { idNumberCheckChar } from '@xiezuo/shared/codes/idNumber';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAndWait, readSheet, uploadAndCheck, xlsx } from '../../platform/ledgers/testing/helpers';
import type { TestApp, TestClient } from '../../testing/app';
import { teamsTestApp } from './testing/fixture';

let t: TestApp;
let ids: Map<string, number>;
let leader: TestClient;

beforeAll(async () => {
  const fixture = await teamsTestApp();
  ({ t, ids } = fixture);
  leader = await fixture.bingcunLeader();
}, 120_000);
afterAll(() => t.close());

/** The data rows of an export (after the title row and the Chinese and English header rows). */
const exportSheet = async (c: TestClient, url: string, reveal = false) => {
  const res = reveal ? await c.post(url, { reveal: true }) : await c.get(url);
  expect(res.statusCode).toBe(200);
  const rows = await readSheet(res.rawPayload);
  return rows.slice(3).filter((r) => r?.length);
};

describe('teams ledgers', () => {
  it('exports only the leader’s own people, ID numbers masked unless revealed (then audited)', async () => {
    const body = await exportSheet(leader, '/api/ledgers/cadres/export');
    const names = body.map((r) => r[0]);
    expect(names.sort()).toEqual(['何志强（演示）', '刘敏（演示）', '张浩然（演示）', '许静怡（演示）'].sort());
    for (const r of body) expect(String(r[3])).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    const revealed = await exportSheet(leader, '/api/ledgers/cadres/export', true);
    expect(String(revealed[0][3])).toMatch(/^\d{17}[\dX]$/);
    const audit = await t.services.database.query("select 1 from audit_log where action = 'reveal' and entity = 'cadre'");
    expect(audit).toHaveLength(1);
    const viewer = await t.userClient('viewer1', 'viewer', { all: true });
    expect((await viewer.get('/api/ledgers/cadres/export')).statusCode).toBe(403);
  });

  it('exports members and exchanges within scope', async () => {
    const members = await exportSheet(leader, '/api/ledgers/team-members/export');
    expect(members.every((r) => r[0] === '荔湾驻丙村镇帮扶工作队')).toBe(true);
    expect(members).toHaveLength(3);
    const exchanges = await exportSheet(leader, '/api/ledgers/talent-exchanges/export');
    expect(exchanges).toHaveLength(2); // the team's own two (荔湾区 → 梅县区), none of the provinces'
  });

  it('imports people: a wrong check digit and an unknown team are reported by row and column, the good row is written encrypted', async () => {
    const [outsider] = await t.services.database.query<{ c: string }>(
      'select id_number_cipher as c from cadres where team_id = $1 limit 1',
      [ids.get('lw-shejiang')],
    );
    const header = [
      '姓名',
      '性别',
      '联系电话',
      '身份证号',
      '人员类别',
      '派出单位',
      '挂职职务',
      '所在队伍',
      '驻地区划代码',
      '派驻开始日期',
      '派驻结束日期',
      '备注',
    ];
    const file = await xlsx([
      header,
      [
        '导入甲（演示）',
        '女',
        '13800005678',
        '11010519491231002X',
        '支教教师',
        '广州市荔湾区教育局',
        null,
        '荔湾驻丙村镇帮扶工作队',
        null,
        '2025-09-01',
        null,
        null,
      ],
      [
        '导入乙（演示）',
        '男',
        null,
        '110105194912310021',
        '党政干部',
        '广州市荔湾区人民政府',
        null,
        '荔湾驻丙村镇帮扶工作队',
        null,
        '2025-09-01',
        null,
        null,
      ],
      [
        '导入丙（演示）',
        '男',
        null,
        '440103198001011231',
        '党政干部',
        '广州市荔湾区人民政府',
        null,
        '荔湾驻畲江镇帮扶工作队',
        null,
        '2025-09-01',
        null,
        null,
      ],
      // someone already registered in another team: not the leader's to overwrite
      [
        '导入丁（演示）',
        '男',
        null,
        t.services.cipher.decrypt(outsider.c),
        '党政干部',
        '广州市荔湾区人民政府',
        null,
        '荔湾驻丙村镇帮扶工作队',
        null,
        '2025-09-01',
        null,
        null,
      ],
    ]);
    const { res, status } = await uploadAndCheck(leader, 'cadres', '干部台账.xlsx', file);
    expect(res.statusCode).toBe(202);
    expect(status.status).toBe('ready');
    expect(status).toMatchObject({ rowsRead: 4, valid: 1, rejected: 3, toInsert: 1 });
    expect(status.problems.map((p: { message: string }) => p.message)).toEqual([
      '第3行 D列〔身份证号〕：校验位不正确',
      '第4行 H列〔所在队伍〕：找不到该队伍',
      '第5行 D列〔身份证号〕：该数据不在您的管辖范围内',
    ]);
    const done = await commitAndWait(leader, status.id, 'valid-rows');
    expect(done.status.status).toBe('committed');
    const list = (await leader.get('/api/teams/cadres?q=导入')).json();
    expect(list.items.map((i: { name: string; idNumberMasked: string }) => [i.name, i.idNumberMasked])).toEqual([
      ['导入甲（演示）', '1101**********002X'],
    ]); // free text is stored as written, full-width brackets kept
    const raw = await t.services.database.query<{ j: string }>('select row_to_json(c)::text as j from cadres c');
    for (const { j } of raw) expect(j).not.toMatch(/\d{17}[\dX]/);
  });
  it('teams: export within scope; import creates and updates by name under parent (audited), names the bad references; re-import changes nothing', async () => {
    const meixian = await t.userClient('mx_teams', 'team_leader', { divisions: ['441403'] });
    const mine = await exportSheet(meixian, '/api/ledgers/teams/export');
    expect(mine.every((r) => String(r[3]).startsWith('441403'))).toBe(true);
    const bingcun = mine.find((r) => r[0] === '荔湾驻丙村镇帮扶工作队')!;
    expect(Array.from(bingcun.slice(1, 5), (v) => v ?? null)).toEqual(['工作队', '荔湾区派驻梅县区驻镇帮扶工作组', '441403113000', null]); // this test seeds no programmes
    const header = ['队伍名称', '队伍类型', '上级队伍', '驻地区划代码', '协作项目', '牵头单位', '开始日期', '结束日期', '备注'];
    const file = await xlsx([
      header,
      ['荔湾驻石扇镇帮扶工作队', '工作队', '荔湾区派驻梅县区驻镇帮扶工作组', '441403104000', null, null, '2024-07-01', null, null],
      [...bingcun.slice(0, 8), '第二轮延续'],
      ['中山驻钟山区工作组', '工作组', '中山市对口协作六盘水市工作队', '520201000000', null, null, null, null, null],
      [
        '荔湾驻城东镇帮扶工作队',
        '工作队',
        '荔湾区派驻梅县区驻镇帮扶工作组',
        '441403101000',
        '不存在的项目',
        '不存在的单位',
        null,
        null,
        null,
      ],
    ]);
    const d = await uploadAndCheck(meixian, 'teams', '工作队.xlsx', file);
    expect(d.status).toMatchObject({ status: 'ready', rowsRead: 4, valid: 2, rejected: 2, toInsert: 1, toUpdate: 1 });
    expect(d.status.problems.map((x: { message: string }) => x.message)).toEqual([
      expect.stringMatching(/^第4行 C列〔上级队伍〕：上级队伍不存在或不在管辖范围内/),
      expect.stringMatching(/^第4行 D列〔驻地区划代码〕：该数据不在您的管辖范围内/),
      expect.stringMatching(/^第5行 E列〔协作项目〕：协作项目「不存在的项目」不存在/),
      expect.stringMatching(/^第5行 F列〔牵头单位〕：找不到名为「不存在的单位」的单位/),
    ]);
    expect((await commitAndWait(meixian, d.status.id, 'valid-rows')).status.status).toBe('committed');
    const written = await t.services.database.query<{ name: string; parent_id: number; note: string | null }>(
      "select name, parent_id, note from teams where name in ('荔湾驻石扇镇帮扶工作队', '荔湾驻丙村镇帮扶工作队') order by name",
    );
    expect(written).toEqual([
      { name: '荔湾驻丙村镇帮扶工作队', parent_id: ids.get('lw'), note: '第二轮延续' },
      { name: '荔湾驻石扇镇帮扶工作队', parent_id: ids.get('lw'), note: null },
    ]);
    const audit = await t.services.database.query<{ action: string }>(
      "select action from audit_log where entity = 'team' and action in ('create', 'update') order by id desc limit 2",
    );
    expect(audit.map((a) => a.action)).toEqual(['update', 'create']);
    const again = await uploadAndCheck(meixian, 'teams', '工作队.xlsx', file);
    expect(again.status).toMatchObject({ toInsert: 0, toUpdate: 0, unchanged: 2 });
  });
  it('teams: a new 指挥部 and a new 工作队 under it in one file are both created, the child under the parent (dry run and commit)', async () => {
    const meixian = await t.userClient('mx_teams_nested', 'team_leader', { divisions: ['441403'] });
    const header = ['队伍名称', '队伍类型', '上级队伍', '驻地区划代码', '协作项目', '牵头单位', '开始日期', '结束日期', '备注'];
    const file = await xlsx([
      header,
      ['荔湾驻梅县演示指挥部', '指挥部', null, '441403000000', null, null, '2026-01-01', null, null],
      ['荔湾驻石扇镇第二工作队（演示）', '工作队', '荔湾驻梅县演示指挥部', '441403104000', null, null, '2026-01-01', null, null],
      // only rows above count: a child before its parent is refused
      ['早于上级的工作队（演示）', '工作队', '后建工作组（演示）', '441403101000', null, null, null, null, null],
      ['后建工作组（演示）', '工作组', null, '441403000000', null, null, null, null, null],
      // a refused parent (outside the scope) is no parent for the rows below it
      ['中山演示指挥部', '指挥部', null, '520200000000', null, null, null, null, null],
      ['挂在界外上级下的工作队（演示）', '工作队', '中山演示指挥部', '441403101000', null, null, null, null, null],
    ]);
    const d = await uploadAndCheck(meixian, 'teams', '新建指挥部和工作队.xlsx', file);
    expect(d.status).toMatchObject({ status: 'ready', rowsRead: 6, valid: 3, rejected: 3, toInsert: 3 });
    expect(d.status.problems.map((x: { message: string }) => x.message)).toEqual([
      expect.stringMatching(/^第4行 C列〔上级队伍〕：上级队伍不存在或不在管辖范围内/),
      expect.stringMatching(/^第6行 D列〔驻地区划代码〕：该数据不在您的管辖范围内/),
      expect.stringMatching(/^第7行 C列〔上级队伍〕：上级队伍不存在或不在管辖范围内/),
    ]);
    expect(await t.services.database.query("select 1 from teams where name = '荔湾驻梅县演示指挥部'")).toHaveLength(0); // the dry run wrote nothing
    expect((await commitAndWait(meixian, d.status.id, 'valid-rows')).status.status).toBe('committed');
    const rows = await t.services.database.query<{ id: number; name: string; kind: string; parent_id: number | null }>(
      "select id, name, kind, parent_id from teams where name in ('荔湾驻梅县演示指挥部', '荔湾驻石扇镇第二工作队(演示)', '荔湾驻石扇镇第二工作队（演示）', '后建工作组(演示)', '后建工作组（演示）', '早于上级的工作队(演示)', '早于上级的工作队（演示）') order by id",
    );
    expect(rows.map((r) => [r.kind, r.parent_id])).toEqual([
      ['hq', null],
      ['team', rows[0].id],
      ['group', null],
    ]);
    expect(rows[0].name).toBe('荔湾驻梅县演示指挥部');
    // the new team sits under the new HQ in the tree the leader sees
    const child = (await meixian.get(`/api/teams/${rows[1].id}`)).json();
    expect(child).toMatchObject({ parentId: rows[0].id, divisionCode: '441403104000' });
    // the same file again: what was written is unchanged; the row refused for coming before its parent now finds it
    const again = await uploadAndCheck(meixian, 'teams', '新建指挥部和工作队.xlsx', file);
    expect(again.status).toMatchObject({ valid: 4, toInsert: 1, unchanged: 3 });
  });

  it('teams: a parent name that could mean two teams is refused, not guessed', async () => {
    const meixian = await t.userClient('mx_teams_twins', 'team_leader', { divisions: ['441403'] });
    const header = ['队伍名称', '队伍类型', '上级队伍', '驻地区划代码', '协作项目', '牵头单位', '开始日期', '结束日期', '备注'];
    const file = await xlsx([
      header,
      ['梅县演示上级甲', '指挥部', null, '441403000000', null, null, null, null, null],
      ['梅县演示上级乙', '指挥部', null, '441403000000', null, null, null, null, null],
      // two new 工作组 of one name, under different parents
      ['同名工作组（演示）', '工作组', '梅县演示上级甲', '441403000000', null, null, null, null, null],
      ['同名工作组（演示）', '工作组', '梅县演示上级乙', '441403000000', null, null, null, null, null],
      ['挂在同名工作组下的队（演示）', '工作队', '同名工作组（演示）', '441403104000', null, null, null, null, null],
    ]);
    const d = await uploadAndCheck(meixian, 'teams', '同名.xlsx', file);
    expect(d.status).toMatchObject({ rowsRead: 5, valid: 4, rejected: 1 });
    expect(d.status.problems.map((x: { message: string }) => x.message)).toEqual([
      '第6行 C列〔上级队伍〕：有多个名为「同名工作组（演示）」的队伍，无法确定上级',
    ]);
  });
  it('imports write the registry: town staff (no registry.write, as for the API) may export these ledgers but not import them', async () => {
    const staff = await t.userClient('staff_ledgers', 'town_staff', { divisions: ['441403113000'] });
    for (const key of ['teams', 'cadres', 'team-members', 'talent-exchanges', 'units', 'pairings', 'programmes']) {
      expect((await staff.get(`/api/ledgers/${key}`)).json(), key).toMatchObject({ canImport: false, canExport: true });
    }
    const file = await xlsx([
      ['队伍名称', '队伍类型', '上级队伍', '驻地区划代码'],
      ['镇干部建的队（演示）', '工作队', '荔湾区派驻梅县区驻镇帮扶工作组', '441403113000'],
    ]);
    expect((await uploadAndCheck(staff, 'teams', '工作队.xlsx', file)).res.statusCode).toBe(403);
    expect(await t.services.database.query("select 1 from teams where name like '镇干部建的队%'")).toHaveLength(0);
    expect((await leader.get('/api/ledgers/teams')).json()).toMatchObject({ canImport: true });
  });
});

describe('named-person exchange ledger (人才交流人员台账)', () => {
  /** A valid ID number of Foshan 顺德 born on `birth` (YYYYMMDD), the n-th with that check character class. */
  const idOf = (birth: string, n: number, wantX = false) => {
    for (let seq = n; ; seq++) {
      const first17 = `440606${birth}${String(seq).padStart(3, '0')}`;
      const c = idNumberCheckChar(first17);
      if ((c === 'X') === wantX) return first17 + c;
    }
  };

  it('imports trips as a clerk keeps them: ID spellings read, wrong birth date, early departure and unknown exchange named by cell', async () => {
    const [own] = await t.services.database.query<{ id: number }>(
      'select id from talent_exchanges where team_id = $1 order by start_date desc limit 1',
      [ids.get('lw-bingcun')],
    );
    const [provinces] = await t.services.database.query<{ id: number }>(
      "select id from talent_exchanges where from_division_code = '440000000000' limit 1",
    );
    const a = idOf('19850312', 100, true); // ends in X: written with a lower-case x and spaces
    const b = idOf('19790102', 200); // written full-width with a leading apostrophe
    const c = idOf('19900630', 300);
    const header = [
      '交流记录编号',
      '姓名',
      '身份证号码',
      '性别',
      '出生日期',
      '专业领域',
      '工作单位',
      '服务地区划代码',
      '到岗日期',
      '离开日期',
    ];
    const file = await xlsx([
      header,
      [
        own.id,
        '农技甲（演示）',
        `${a.slice(0, 6)} ${a.slice(6, 14)} ${a.slice(14, 17)}x`,
        null,
        null,
        '农业',
        '荔湾区农业农村局',
        '441403113000',
        '2026/3/1',
        '2026年6月30日',
      ],
      [own.id, '农技乙（演示）', `'${toFullWidth(b)}`, '男', '1979-01-02', null, null, null, '2026-03-01', '2026-03-20'],
      [own.id, '农技丙（演示）', c, '女', '1990-06-03', null, null, null, '2026-03-01', '2026-06-30'],
      [own.id, '农技丁（演示）', idOf('19880808', 400), null, null, null, null, null, '2026-05-01', '2026-04-30'],
      [99999, '农技戊（演示）', idOf('19870707', 500), null, null, null, null, null, '2026-05-01', '2026-06-30'],
      [provinces.id, '农技己（演示）', idOf('19860606', 600), null, null, null, null, null, '2026-05-01', '2026-06-30'],
      [own.id, '农技庚（演示）', idOf('19850505', 700), null, null, null, null, '441224109000', '2026-05-01', '2026-06-30'],
    ]);
    const d = await uploadAndCheck(leader, 'talent-exchange-persons', '交流人员.xlsx', file);
    expect(d.status).toMatchObject({ status: 'ready', rowsRead: 7, valid: 2, rejected: 5, toInsert: 2 });
    expect(d.status.problems.map((p: { message: string }) => p.message)).toEqual([
      '第4行 E列〔出生日期〕：与身份证号不符（按身份证号应为 1990-06-30）',
      '第5行 J列〔离开日期〕：离开日期不能早于到岗日期',
      `第6行 A列〔交流记录编号〕：找不到编号为 99999 的交流记录（或不在管辖范围内）`,
      `第7行 A列〔交流记录编号〕：找不到编号为 ${provinces.id} 的交流记录（或不在管辖范围内）`,
      '第8行 H列〔服务地区划代码〕：该地区不在这条交流记录的派出地或接收地范围内',
    ]);
    expect((await commitAndWait(leader, d.status.id, 'valid-rows')).status.status).toBe('committed');
    const persons = (await leader.get(`/api/teams/exchanges/${own.id}/persons`)).json().items;
    expect(
      persons.map((p: Record<string, unknown>) => [p.name, p.idNumberMasked, p.gender, p.field, p.toDivisionCode, p.stayDays]),
    ).toEqual([
      ['农技甲（演示）', `4406**********${a.slice(-4)}`, 'female', 'agriculture', '441403113000', 122],
      ['农技乙（演示）', `4406**********${b.slice(-4)}`, 'male', 'agriculture', '441403000000', 20],
    ]);
    const raw = await t.services.database.query<{ j: string }>('select row_to_json(p)::text as j from talent_exchange_persons p');
    for (const { j } of raw) expect(j).not.toMatch(/\d{17}[\dX]/);
    // the exchange now counts its 2 named trips, not its typed total
    const ex = (await leader.get('/api/teams/exchanges?pageSize=100')).json().items.find((x: { id: number }) => x.id === own.id);
    expect(ex).toMatchObject({ namedTrips: 2, countedPersonTimes: 2 });

    // export: masked; a revealing export (POST) is audited; the revealed file imports back unchanged
    const masked = await exportSheet(leader, `/api/ledgers/talent-exchange-persons/export?exchange=${own.id}`);
    expect(masked.map((r) => String(r[2]))).toEqual([`4406**********${a.slice(-4)}`, `4406**********${b.slice(-4)}`]);
    const res = await leader.post('/api/ledgers/talent-exchange-persons/export', { filters: { exchange: String(own.id) }, reveal: true });
    expect(res.statusCode).toBe(200);
    const revealed = (await readSheet(res.rawPayload)).slice(3).filter((r) => r?.length);
    expect(revealed.map((r) => String(r[2]))).toEqual([a, b]);
    const audit = await t.services.database.query("select 1 from audit_log where action = 'reveal' and entity = 'talent_exchange_person'");
    expect(audit).toHaveLength(1);
    const again = await uploadAndCheck(leader, 'talent-exchange-persons', '导出.xlsx', res.rawPayload);
    expect(again.status).toMatchObject({ status: 'ready', rowsRead: 2, rejected: 0, toInsert: 0, toUpdate: 0, unchanged: 2 });
  });

  it('gives a template with the columns and a sample row', async () => {
    const res = await leader.get('/api/ledgers/talent-exchange-persons/template');
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload);
    expect(rows[1]).toEqual(
      expect.arrayContaining(['*交流记录编号', '*身份证号', '性别', '出生日期', '服务地区划代码', '*到岗日期', '*离开日期']),
    );
  });
});

/** Digits as a Chinese keyboard in full-width mode types them. */
function toFullWidth(s: string) {
  return s.replace(/[0-9X]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}
