// The seeds' figures from ledgers kept as clerks keep them, through the dashboard and the report: 畲江镇 748
// garments and 8.67万元 (at the town, 梅县区 and the 荔湾 group, counted once); 南口镇 55万元 raised; 4 high-level
// joint meetings, 6 symposia, 55 town-level joint meetings; 226 provincial-or-higher reports. Then the worklist of
// overdue decisions, scope and refusals.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAndWait, readSheet, uploadAndCheck, xlsx } from '../../platform/ledgers/testing/helpers';
import type { TestApp, TestClient } from '../../testing/app';
import { refresherOf, reportsIdle } from '../indicators/service';
import { FUCHUAN, MEIXIAN, NANKOU, SHEJIANG, socialTestApp } from './testing/fixture';

process.env.XZ_TODAY = '2026-06-20';

let t: TestApp;
let ids: Record<string, number>;
let hq: TestClient;
let shejiang: TestClient;
let bingcun: TestClient;
let nankou: TestClient;

beforeAll(async () => {
  ({ t, ids } = await socialTestApp());
  hq = await t.userClient('hq', 'hq', { all: true });
  shejiang = await t.userClient('leader_sj', 'team_leader', { teams: [ids.shejiang] });
  bingcun = await t.userClient('leader_bc', 'team_leader', { teams: [ids.bingcun] });
  nankou = await t.userClient('leader_nk', 'team_leader', { teams: [ids.nankou] });
}, 90_000);
afterAll(() => t?.close());

/** Uploads a workbook, expects it clean, commits it; returns the dry run's status. */
async function importClean(c: TestClient, key: string, file: Buffer) {
  const { res, status } = await uploadAndCheck(c, key, `${key}.xlsx`, file);
  expect(res.statusCode, res.body).toBe(202);
  expect(status.problems, JSON.stringify(status.problems)).toEqual([]);
  const done = await commitAndWait(c, status.id, 'all-or-nothing');
  expect(done.status.status, JSON.stringify(done.status.error ?? done.status.problems).slice(0, 600)).toBe('committed');
  return status;
}

const dash = async (node: string, period: string) => {
  await refresherOf(t.services).runOnce();
  const res = await hq.get(`/api/indicators/dashboard?node=${node}&period=${period}`);
  expect(res.statusCode, res.body).toBe(200);
  const figures = res.json().figures as { code: string; breakdown: string; value: number | null }[];
  return (code: string, b = '') => figures.find((f) => f.code === code && f.breakdown === b)?.value ?? null;
};

/** A ledger as a clerk keeps it: a merged title row, the headers as written, a 合计 row and a 填表人 line. */
async function clerkBook(title: string, header: string[], rows: unknown[][], total?: unknown[]) {
  return xlsx([[title], header, ...rows, ...(total ? [total] : []), [], ['填表人：张三（演示）']], (ws) =>
    ws.mergeCells(1, 1, 1, header.length),
  );
}

describe('donations (捐赠慰问)', () => {
  it('畲江镇: 748 garments (not valued) and 8.67万元, at the town, 梅县区 and the 荔湾 group, counted once', async () => {
    const header = ['序号', '发放日期', '捐赠单位', '慰问对象', '所在镇', '所在村', '慰问户数', '慰问金', '物资', '数量', '单位', '折价'];
    const file = await clerkBook(
      '畲江镇2026年上半年慰问台账',
      header,
      [
        [1, '2026/1/20', '荔湾区组团帮扶单位', '畲江镇脱贫户儿童', '畲江镇', null, 394, null, '衣物', 748, '件', null],
        [2, '2026年2月3日', '荔湾区组团帮扶单位', '畲江镇脱贫户', '畲江', null, 120, '3.6万元', null, null, null, null],
        [3, '2026-03-08', '荔湾区某企业', '相对困难家庭', '畲江镇', '畲江村', 80, 16000, null, null, null, null],
        [4, '2026-03-08', '荔湾区某企业', '相对困难家庭', '畲江镇', '畲江村委会', 80, null, '大米、食用油', 160, '份', '34,700'],
      ],
      ['合计', null, null, null, null, null, 674, 52000, null, 908, null, 34700],
    );
    const status = await importClean(shejiang, 'social-donations', file);
    expect(status).toMatchObject({ valid: 4, toInsert: 4 });
    for (const node of [`d:${SHEJIANG.slice(0, 9)}`, `d:${MEIXIAN.slice(0, 6)}`, `t:${ids.lw}`, `t:${ids.shejiang}`]) {
      const fig = await dash(node, 'H2026-1');
      expect(fig('social.donationMoney'), node).toBe(86_700);
      expect(fig('social.donationMoney', 'cash'), node).toBe(52_000);
      expect(fig('social.donationMoney', 'goods'), node).toBe(34_700);
      expect(fig('social.donationItems'), node).toBe(748);
    }
    // the list's totals say the same
    const list = (await shejiang.get('/api/social/donations')).json();
    expect(list.totals).toEqual({ cash: 52_000, goodsValue: 34_700, money: 86_700, items: 748 });
    expect(list.items.every((d: { teamId: number }) => d.teamId === ids.shejiang)).toBe(true);
  });

  it('exports and imports back unchanged (0 changes)', async () => {
    const res = await shejiang.get('/api/ledgers/social-donations/export');
    expect(res.statusCode).toBe(200);
    const rows = (await readSheet(res.rawPayload)).slice(3).filter((r) => r?.length);
    expect(rows).toHaveLength(4);
    const again = await uploadAndCheck(shejiang, 'social-donations', 'export.xlsx', res.rawPayload);
    expect(again.status).toMatchObject({ toInsert: 0, toUpdate: 0, unchanged: 4, rejected: 0 });
  });

  it('the 丙村 team sees none of it and may not change it', async () => {
    const list = (await bingcun.get('/api/social/donations')).json();
    expect(list.total).toBe(0);
    const [one] = (await hq.get('/api/social/donations')).json().items;
    const res = await bingcun.patch(`/api/social/donations/${one.id}`, { note: 'x' });
    expect([403, 404]).toContain(res.statusCode);
  });

  it('refuses goods without a quantity, naming the field', async () => {
    const res = await hq.post('/api/social/donations', {
      donatedOn: '2026-04-01',
      donorName: '某单位',
      donorKind: 'unit',
      recipientKind: 'school',
      recipientName: '白渡镇中心小学',
      divisionCode: SHEJIANG,
      goodsItem: '电脑',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ path: 'body.goodsQuantity', message: '填写了物资名称，请填写数量' });
  });
});

describe('social funds (社会帮扶资金)', () => {
  it('南口镇 raised 55万元: pledged and received, by donor', async () => {
    for (const [donorName, amount] of [
      ['站前街道', 200_000],
      ['组团帮扶单位', 180_000],
      ['爱心企业', 170_000],
    ] as const) {
      const res = await hq.post('/api/social/funds', {
        donorName,
        donorKind: 'unit',
        purpose: 'infrastructure',
        purposeNote: '道路亮化工程',
        divisionCode: NANKOU,
        teamId: ids.nankou,
        pledgedOn: '2026-03-01',
        pledgedAmount: amount,
        receivedAmount: amount,
        receivedOn: '2026-03-20',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const fig = await dash(`t:${ids.lw}`, 'H2026-1');
    expect(fig('social.fundsReceived')).toBe(550_000);
    const res = await hq.post('/api/social/funds', {
      donorName: 'x',
      donorKind: 'unit',
      purpose: 'other',
      divisionCode: NANKOU,
      pledgedOn: '2026-03-01',
      pledgedAmount: 1,
      receivedAmount: 1,
    });
    expect(res.json().details[0].path).toBe('body.receivedOn');
  });
});

describe('social funds and the projects they paid for (资助项目)', () => {
  const project = async (code: string, divisionCode: string, teamId: number | null) => {
    const res = await hq.post('/api/funds/projects', {
      code,
      name: `${code} 道路亮化工程`,
      type: 'infrastructure',
      divisionCode,
      teamId,
      reservedOn: '2026-01-10',
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const fund = (projectCodes: string[]) => ({
    donorName: '荔湾区爱心企业',
    donorKind: 'enterprise',
    purpose: 'infrastructure',
    divisionCode: NANKOU,
    pledgedOn: '2026-04-01',
    pledgedAmount: 80_000,
    projectCodes,
  });

  beforeAll(async () => {
    await project('NK-2026-001', NANKOU, ids.nankou);
    await project('FC-2026-001', FUCHUAN, ids.sh);
  });

  it('a fund names its projects by code; the list shows their names and answers by project', async () => {
    const res = await nankou.post('/api/social/funds', fund(['NK-2026-001']));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ teamId: ids.nankou, projects: [{ code: 'NK-2026-001', name: 'NK-2026-001 道路亮化工程' }] });
    const byProject = (await nankou.get('/api/social/funds?projectCode=NK-2026-001')).json();
    expect(byProject.items.map((f: { donorName: string }) => f.donorName)).toEqual(['荔湾区爱心企业']);
    expect(byProject.totals.pledged).toBe(80_000);
    expect((await hq.get('/api/social/funds?projectCode=FC-2026-001')).json().total).toBe(0);
  });

  it('an unknown code, or a project out of the user’s scope, is refused naming the code', async () => {
    for (const code of ['NOPE-1', 'FC-2026-001']) {
      const res = await nankou.post('/api/social/funds', fund(['NK-2026-001', code]));
      expect(res.statusCode, code).toBe(400);
      expect(res.json().details[0]).toMatchObject({
        path: 'body.projectCodes.1',
        message: `没有编号为 ${code} 的协作项目，或它不在您的管辖范围内`,
      });
    }
    const [mine] = (await nankou.get('/api/social/funds?projectCode=NK-2026-001')).json().items;
    const edit = await nankou.patch(`/api/social/funds/${mine.id}`, { projectCodes: ['FC-2026-001'] });
    expect(edit.statusCode).toBe(400);
  });

  it('the ledger reads 资助项目编号 and 组织队伍 and refuses what the user may not name, by row and column', async () => {
    const header = ['捐资方', '用途类别', '所在镇', '认捐日期', '认捐金额（元）', '资助项目编号', '组织队伍'];
    const file = await clerkBook('南口镇社会帮扶资金台账', header, [
      ['梅州某商会', '基础设施', '南口镇', '2026-04-02', 30_000, 'NK-2026-001', '荔湾驻南口镇帮扶工作队'],
      ['某个人', '其他', '南口镇', '2026-04-02', 1_000, 'FC-2026-001', null],
      ['某协会', '其他', '南口镇', '2026-04-02', 1_000, null, '荔湾驻丙村镇帮扶工作队'],
    ]);
    const { status } = await uploadAndCheck(nankou, 'social-funds', '资金.xlsx', file);
    expect(status).toMatchObject({ valid: 1, rejected: 2 });
    expect(status.problems.map((p: { message: string }) => p.message)).toEqual([
      '第4行 F列〔资助项目编号〕：没有编号为 FC-2026-001 的协作项目，或它不在您的管辖范围内',
      '第5行 G列〔组织队伍〕：没有名为「荔湾驻丙村镇帮扶工作队」的工作队，或它不在您的管辖范围内',
    ]);
    expect((await commitAndWait(nankou, status.id, 'valid-rows')).status.status).toBe('committed');
    const list = (await nankou.get('/api/social/funds?projectCode=NK-2026-001')).json();
    expect(list.items.map((f: { donorName: string; teamId: number }) => [f.donorName, f.teamId])).toEqual([
      ['梅州某商会', ids.nankou],
      ['荔湾区爱心企业', ids.nankou],
    ]);
    // the export names the projects and the team as they were written
    const rows = await readSheet((await nankou.get('/api/ledgers/social-funds/export')).rawPayload);
    const shanghui = rows.find((r) => r?.includes('梅州某商会'));
    expect(shanghui).toContain('NK-2026-001');
    expect(shanghui).toContain('荔湾驻南口镇帮扶工作队');
  });

  it('a town’s staff correct what a group recorded in their town, but may not give it to a team they do not see', async () => {
    const staff = await t.userClient('staff_sj', 'town_staff', { divisions: [SHEJIANG] });
    const made = await hq.post('/api/social/funds', { ...fund([]), divisionCode: SHEJIANG, teamId: ids.lw });
    expect(made.statusCode, made.body).toBe(200);
    const kept = await staff.patch(`/api/social/funds/${made.json().id}`, { purposeNote: '畲江村道路硬化' });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ teamId: ids.lw, purposeNote: '畲江村道路硬化' });
    const moved = await staff.patch(`/api/social/funds/${made.json().id}`, { teamId: ids.bingcun });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().details[0]).toMatchObject({ path: 'body.teamId', message: '没有这个工作队，或它不在您的管辖范围内' });
  });

  it('a form may not give a record to a team out of the user’s scope', async () => {
    const res = await nankou.post('/api/social/funds', { ...fund([]), teamId: ids.bingcun });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ path: 'body.teamId' });
  });
});

describe('meetings (会议)', () => {
  it('4 high-level joint meetings, 6 symposia and 55 town-level joint meetings, from the meeting ledger', async () => {
    const header = ['会议日期', '会议类型', '会议级别', '会议名称', '所在县（区）', '所在镇', '帮扶方参会领导', '受帮扶方参会领导', '议题'];
    const rows: unknown[][] = [];
    for (let i = 0; i < 4; i++)
      rows.push([
        `2026-0${i + 1}-10`,
        '高层联席会议',
        '区级',
        `荔湾—梅县党政联席会议第${i + 1}次`,
        '梅县区',
        null,
        '荔湾区区长',
        '梅县区区长',
        '产业帮扶',
      ]);
    for (let i = 0; i < 6; i++)
      rows.push([`2026-0${i + 1}-12`, '座谈会', '县（区）级', `驻镇帮扶座谈会第${i + 1}次`, '梅县区', null, null, null, null]);
    for (let i = 0; i < 55; i++) {
      const town = ['畲江镇', '丙村镇', '南口镇'][i % 3];
      rows.push([
        `2026-0${(i % 6) + 1}-${String((i % 27) + 1).padStart(2, '0')}`,
        '党政联席会议',
        '镇级',
        `组团单位与${town}联席会议${i + 1}`,
        '梅县区',
        town,
        null,
        null,
        null,
      ]);
    }
    await importClean(hq, 'social-meetings', await clerkBook('梅县区会议台账', header, rows));
    const fig = await dash(`d:${MEIXIAN.slice(0, 6)}`, 'H2026-1');
    expect(fig('social.jointMeetings')).toBe(59);
    expect(fig('social.jointMeetings', 'high')).toBe(4);
    expect(fig('social.jointMeetings', 'town')).toBe(55);
    expect(fig('social.symposia')).toBe(6);
    expect(fig('social.meetings')).toBe(65);
  });

  it('an overdue decision shows on the owner team’s worklist and HQ’s, not on another team’s; done, it leaves', async () => {
    const meeting = (await hq.get(`/api/social/meetings?divisionCode=${MEIXIAN}&kind=joint&level=county&pageSize=1`)).json().items[0];
    const res = await hq.post(`/api/social/meetings/${meeting.id}/decisions`, {
      content: '蓝莓基地冷库建设方案报区审定',
      ownerTeamId: ids.shejiang,
      dueOn: '2026-05-31',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'overdue', daysOverdue: 20, owner: { teamId: ids.shejiang } });
    const overdue = async (c: TestClient) =>
      (await c.get('/api/social/decisions?state=overdue')).json().items.map((d: { id: number }) => d.id);
    expect(await overdue(shejiang)).toEqual([res.json().id]);
    expect(await overdue(hq)).toEqual([res.json().id]);
    expect(await overdue(bingcun)).toEqual([]);
    expect((await dash(`t:${ids.shejiang}`, 'H2026-1'))('social.decisionsOverdue')).toBe(1);
    // the 丙村 team may not even add a decision to a meeting outside its scope (refused before the body is read)
    expect((await bingcun.post(`/api/social/meetings/${meeting.id}/decisions`, {})).statusCode).toBe(404);
    const done = await shejiang.patch(`/api/social/decisions/${res.json().id}`, { doneOn: '2026-06-19', doneNote: '已审定' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().state).toBe('done');
    expect(await overdue(hq)).toEqual([]);
  });
});

describe('a meeting recorded with its decisions (the form)', () => {
  const meeting = (decisions: unknown[]) => ({
    heldOn: '2026-06-10',
    kind: 'progress',
    level: 'town',
    title: '畲江镇帮扶工作推进会',
    divisionCode: SHEJIANG,
    helperAttendees: '荔湾区驻畲江镇工作队队长',
    helpedAttendees: '畲江镇党委书记、镇长',
    topics: '蓝莓基地二期',
    decisions,
  });

  it('saves the meeting and its decisions together, owned by the team that held it unless named', async () => {
    const res = await shejiang.post(
      '/api/social/meetings',
      meeting([
        { content: '蓝莓基地二期用地报批', dueOn: '2026-09-30' },
        { content: '冷库运营方案', ownerName: '畲江镇农业办', dueOn: '2026-08-31' },
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ teamId: ids.shejiang, decisionsOpen: 2, decisionsOverdue: 0 });
    expect(body.decisions.map((d: { content: string; owner: { teamId: number } }) => [d.content, d.owner.teamId])).toEqual([
      ['冷库运营方案', ids.shejiang],
      ['蓝莓基地二期用地报批', ids.shejiang],
    ]);
  });

  it('a decision due before the meeting is refused naming it, and nothing is written', async () => {
    const before = (await hq.get('/api/social/meetings')).json().total;
    const res = await shejiang.post(
      '/api/social/meetings',
      meeting([
        { content: '一', dueOn: '2026-07-01' },
        { content: '二', dueOn: '2026-05-01' },
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ path: 'body.decisions.1.dueOn', message: '日期不能早于会议日期' });
    expect((await hq.get('/api/social/meetings')).json().total).toBe(before);
  });
});

describe('decisions ledger (议定事项台账)', () => {
  it('imports decisions under meetings named by date and title; an unknown meeting is refused by row and column', async () => {
    const header = ['会议日期', '会议名称', '议定事项', '责任单位', '责任队伍', '完成时限', '办结日期', '办结情况'];
    const file = await clerkBook('会议议定事项跟踪表', header, [
      ['2026-02-10', '荔湾—梅县党政联席会议第2次', '五镇民生实事清单报区审定', '荔湾区工作组', null, '2026-03-31', '2026-03-20', '已印发'],
      ['2026-02-10', '荔湾—梅县党政联席会议第2次', '畲江镇冷库选址', '驻畲江镇工作队', '荔湾驻畲江镇帮扶工作队', '2026-04-30', null, null],
      ['2026-02-11', '没有开过的会', '某事项', null, null, '2026-04-30', null, null],
      ['2026-02-10', '荔湾—梅县党政联席会议第2次', '某镇道路硬化', null, '没有这个队', '2026-04-30', null, null],
    ]);
    const { status } = await uploadAndCheck(hq, 'social-decisions', '议定事项.xlsx', file);
    expect(status).toMatchObject({ valid: 2, rejected: 2, toInsert: 2 });
    expect(status.problems.map((p: { message: string }) => p.message)).toEqual([
      '第5行 B列〔会议名称〕：找不到这个日期和名称的会议，请先在会议台账中登记',
      expect.stringMatching(/^第6行 E列〔责任队伍〕：.*没有这个队/),
    ]);
    expect((await commitAndWait(hq, status.id, 'valid-rows')).status.status).toBe('committed');
    const overdue = (await hq.get('/api/social/decisions?state=overdue')).json().items;
    expect(overdue.map((d: { content: string; daysOverdue: number }) => [d.content, d.daysOverdue])).toEqual([['畲江镇冷库选址', 51]]);
    // on the 畲江 team's worklist: the 责任队伍 named in the ledger, not the group that held the meeting
    const mine = (await shejiang.get('/api/social/decisions?state=overdue')).json().items;
    expect(mine.map((d: { content: string; owner: { teamId: number } }) => [d.content, d.owner.teamId])).toContainEqual([
      '畲江镇冷库选址',
      ids.shejiang,
    ]);
    const done = (await hq.get('/api/social/decisions?state=done')).json().items.map((d: { content: string }) => d.content);
    expect(done).toContain('五镇民生实事清单报区审定');
  });
});

describe('publicity (宣传报道) and the report', () => {
  it('226 reports by provincial-or-higher media at 富川, and the half-year report’s chapter', async () => {
    const header = ['序号', '刊发日期', '标题', '媒体', '媒体级别', '类别', '所在县（区）'];
    const levels = ['中央级', '省级', '省级媒体'];
    const rows: unknown[][] = [];
    for (let i = 0; i < 226; i++)
      rows.push([
        i + 1,
        `2026-0${(i % 6) + 1}-${String((i % 28) + 1).padStart(2, '0')}`,
        `四会富川协作报道${i + 1}`,
        '新华网',
        levels[i % 3],
        '报道',
        '富川瑶族自治县',
      ]);
    // the county as clerks write it: 富川, 富川县 — both 富川瑶族自治县
    for (let i = 0; i < 10; i++)
      rows.push([227 + i, '2026-04-01', `富川动态${i + 1}`, '贺州日报', '市级', '报道', i % 2 ? '富川' : '富川县']);
    // the same half-year last year: 113 provincial-or-higher reports, so this year's 226 is twice as many
    for (let i = 0; i < 113; i++)
      rows.push([237 + i, '2025-05-01', `四会富川协作报道（2025）${i + 1}`, '南方日报', '省级', '报道', '富川瑶族自治县']);
    await importClean(hq, 'social-publicity', await clerkBook('四会驻富川工作组宣传报道台账', header, rows));
    const fig = await dash(`d:${FUCHUAN.slice(0, 6)}`, 'H2026-1');
    expect(fig('social.publicityProvincial')).toBe(226);
    expect(fig('social.publicity')).toBe(236);
    expect(fig('social.publicity', 'provincialUp')).toBe(226);

    const job = await hq.post('/api/indicators/reports', { node: `t:${ids.lw}`, period: 'H2026-1', format: 'docx' });
    expect(job.statusCode, job.body).toBe(202);
    await reportsIdle(t.services);
    const file = await hq.get(`/api/indicators/reports/${job.json().id}/file`);
    const xml = (await (await JSZip.loadAsync(file.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain('社会帮扶与宣传。');
    expect(xml).toContain('动员社会力量捐赠物资748件，发放慰问金和物资折款8.67万元');
    expect(xml).toContain('筹集社会帮扶资金到位55万元');
    expect(xml).toContain('召开高层联席会议4次、座谈会6次、镇级党政联席会议55次');
    // 富川's report compares with the same half-year last year
    const fc = await hq.post('/api/indicators/reports', { node: `d:${FUCHUAN.slice(0, 6)}`, period: 'H2026-1', format: 'docx' });
    expect(fc.statusCode, fc.body).toBe(202);
    await reportsIdle(t.services);
    const fcFile = await hq.get(`/api/indicators/reports/${fc.json().id}/file`);
    const fcXml = (await (await JSZip.loadAsync(fcFile.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(fcXml).toMatch(/协作成效被媒体宣传报道236篇，其中省级以上媒体226篇（同比增长100(\.0)?%）/);
  });
});

describe('every ledger', () => {
  it('a high-level visit is recorded, and each of the six ledgers exports and imports back unchanged', async () => {
    const visit = await hq.post('/api/social/visits', {
      startedOn: '2026-05-10',
      visitorLevel: 'main_leader',
      visitors: '荔湾区委书记',
      direction: 'to_helped',
      fromDivisionCode: '440103000000',
      divisionCode: SHEJIANG,
      teamId: ids.lw,
      purpose: '调研蓝莓产业基地',
    });
    expect(visit.statusCode, visit.body).toBe(200);
    // 梅县区's leaders return the visit in 荔湾区: counted at the helped side too, as the assessment counts a pair's visits
    const back = await hq.post('/api/social/visits', {
      startedOn: '2026-06-02',
      visitorLevel: 'leader',
      visitors: '梅县区副区长',
      direction: 'to_helper',
      fromDivisionCode: MEIXIAN,
      divisionCode: '440103000000',
      teamId: ids.lw,
      purpose: '对接消费帮扶',
    });
    expect(back.statusCode, back.body).toBe(200);
    const fig = await dash(`t:${ids.lw}`, 'H2026-1');
    expect(fig('social.visits')).toBe(2);
    expect(fig('social.visits', 'mainLeader')).toBe(1);
    expect(fig('social.visits', 'toHelper')).toBe(1);
    const meixian = await dash(`d:${MEIXIAN.slice(0, 6)}`, 'H2026-1');
    expect(meixian('social.visits')).toBe(2);
    expect(meixian('social.visits', 'leader')).toBe(1);
    const expected = {
      'social-donations': 4,
      'social-funds': 6,
      'social-meetings': 66,
      'social-decisions': 5,
      'social-visits': 2,
      'social-publicity': 349,
    };
    for (const [key, n] of Object.entries(expected)) {
      const res = await hq.get(`/api/ledgers/${key}/export`);
      expect(res.statusCode, key).toBe(200);
      const { status } = await uploadAndCheck(hq, key, `${key}.xlsx`, res.rawPayload);
      expect(status, key).toMatchObject({ toInsert: 0, toUpdate: 0, unchanged: n, rejected: 0 });
    }
  });
});

describe('templates', () => {
  it('each of the six ledgers serves its template with the team that organised it; a clerk fills the donations’ and imports it', async () => {
    const team: Record<string, string> = {
      'social-donations': '组织队伍',
      'social-funds': '组织队伍',
      'social-meetings': '组织队伍',
      'social-decisions': '责任队伍',
      'social-visits': '组织队伍',
      'social-publicity': '组织队伍',
    };
    for (const [key, header] of Object.entries(team)) {
      const res = await hq.get(`/api/ledgers/${key}/template`);
      expect(res.statusCode, key).toBe(200);
      const rows = await readSheet(res.rawPayload);
      expect(rows[1], key).toContain(header);
      expect(rows[3], key).toContain('← 示例行（导入时跳过，可删除）');
    }
    // the template as a clerk fills it: its sample row kept, one gift typed under it (a town by its short name)
    const template = await readSheet((await shejiang.get('/api/ledgers/social-donations/template')).rawPayload);
    const headers = (template[1] as string[]).map((h) => String(h ?? '').replace(/^\*/, ''));
    const gift: Record<string, unknown> = {
      日期: '2026年5月4日',
      捐赠方: '荔湾区某商会',
      捐赠方类型: '社会组织',
      受助对象: '畲江镇留守儿童',
      对象类型: '其他',
      所在镇: '畲江',
      '慰问金（元）': '1.2万元',
    };
    const filled = [...template, headers.map((h) => gift[h] ?? null)];
    const { status } = await uploadAndCheck(shejiang, 'social-donations', '捐赠慰问台账（填报）.xlsx', await xlsx(filled));
    expect(status.problems, JSON.stringify(status.problems)).toEqual([]);
    expect(status).toMatchObject({ valid: 1, skipped: 1, toInsert: 1 });
    expect((await commitAndWait(shejiang, status.id, 'all-or-nothing')).status.status).toBe('committed');
    const [row] = (await shejiang.get('/api/social/donations?q=荔湾区某商会')).json().items;
    expect(row).toMatchObject({ donorKind: 'social_org', cashAmount: 12_000, divisionCode: SHEJIANG, teamId: ids.shejiang });
  });
});
