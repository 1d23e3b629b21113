// 其中脱贫户 and 其中监测户 of the donations: never typed — a gift to a household the ledger links (head's name in a
// village) counts under 其中脱贫户 when one of its members is among the people lifted out of poverty (lifted_persons),
// under 其中监测户 while the household is under monitoring (monitored_persons). A change to the registers re-counts it
// at the next incremental refresh (the person-view triggers), without a rebuild.
import { idNumberCheckChar, maskIdNumber } from '@xiezuo/shared/codes/idNumber';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitAndWait, uploadAndCheck, xlsx } from '../../platform/ledgers/testing/helpers';
import type { TestApp, TestClient } from '../../testing/app';
import { refresherOf, reportsIdle } from '../indicators/service';
import { FUCHUAN, SHEJIANG, socialTestApp } from './testing/fixture';

process.env.XZ_TODAY = '2026-06-20';

const VILLAGE = '441403107001'; // 畲江村
let t: TestApp;
let ids: Record<string, number>;
let hq: TestClient;
let shejiang: TestClient;
const households: Record<string, number> = {};
let seq = 500;

async function household(head: string, isLifted: boolean, status: string) {
  const [h] = await t.services.database.query<{ id: number }>(
    `insert into monitoring_households (division_code, head_name, entry_door, category, is_lifted, status)
     values ($1, $2, 'cadre_check', 'marginal', $3, $4) returning id`,
    [VILLAGE, head, isLifted, status],
  );
  const first17 = `441403198005${String(10 + (seq % 18)).padStart(2, '0')}${String(seq++).padStart(3, '0')}`;
  const id = first17 + idNumberCheckChar(first17);
  const c = t.services.cipher;
  await t.services.database.query(
    `insert into monitoring_members (household_id, name, relation, gender, birth_date, id_cipher, id_hash, id_masked, health_cipher, schooling, work)
     values ($1, $2, 'self', 'male', '1980-05-01', $3, $4, $5, $6, 'not_in_school', 'local')`,
    [h.id, head, c.encrypt(id), c.hash(id), maskIdNumber(id), c.encrypt('{}')],
  );
  households[head] = h.id;
}

const dash = async (node: string) => {
  await refresherOf(t.services).runOnce();
  const res = await hq.get(`/api/indicators/dashboard?node=${node}&period=H2026-1`);
  expect(res.statusCode, res.body).toBe(200);
  const figures = res.json().figures as { code: string; breakdown: string; value: number | null }[];
  return (code: string, b = '') => figures.find((f) => f.code === code && f.breakdown === b)?.value ?? null;
};

beforeAll(async () => {
  ({ t, ids } = await socialTestApp());
  hq = await t.userClient('hq', 'hq', { all: true });
  shejiang = await t.userClient('leader_sj', 'team_leader', { teams: [ids.shejiang] });
  await household('黄甲', true, 'monitored'); // a 脱贫户 under monitoring
  await household('黄乙', false, 'monitored'); // under monitoring, not lifted
  await household('黄丙', false, 'eliminated'); // neither any more
}, 90_000);
afterAll(() => t?.close());

describe('donations to households: 其中脱贫户 and 其中监测户 from the registers', () => {
  it('the ledger links households by head and village; the breakdowns count them, a typed word counts nothing', async () => {
    const header = ['发放日期', '捐赠单位', '慰问对象', '对象类型', '所在镇', '所在村', '慰问金', '物资', '数量', '单位', '折价'];
    const file = await xlsx([
      ['畲江村慰问台账'],
      header,
      ['2026-02-01', '荔湾区某街道', '黄甲', '农户', '畲江镇', '畲江村', 1000, '大米', 2, '袋', null],
      ['2026-02-01', '荔湾区某街道', '黄乙', '农户', '畲江镇', '畲江村', 800, null, null, null, null],
      ['2026-02-01', '荔湾区某街道', '黄丙', '农户', '畲江镇', '畲江村', 500, '衣物', 3, '件', 300],
      // its name says 脱贫户, but no household is linked: not counted as one
      ['2026-02-01', '荔湾区某街道', '畲江村脱贫户', '村', '畲江镇', '畲江村', 2000, null, null, null, null],
    ]);
    const { res, status } = await uploadAndCheck(shejiang, 'social-donations', 'donations.xlsx', file);
    expect(res.statusCode, res.body).toBe(202);
    expect(status.problems, JSON.stringify(status.problems)).toEqual([]);
    expect((await commitAndWait(shejiang, status.id, 'all-or-nothing')).status.status).toBe('committed');
    const linked = (await shejiang.get('/api/social/donations')).json().items as { recipientName: string; householdId: number | null }[];
    expect(Object.fromEntries(linked.map((d) => [d.recipientName, d.householdId]))).toEqual({
      黄甲: households.黄甲,
      黄乙: households.黄乙,
      黄丙: households.黄丙,
      畲江村脱贫户: null,
    });
    for (const node of [`d:${SHEJIANG.slice(0, 9)}`, `t:${ids.lw}`]) {
      const fig = await dash(node);
      expect(fig('social.donationMoney'), node).toBe(4_600);
      expect(fig('social.donationMoney', 'tuopin'), node).toBe(1_000);
      expect(fig('social.donationMoney', 'monitored'), node).toBe(1_800);
      expect(fig('social.donationItems'), node).toBe(2);
      expect(fig('social.donationItems', 'tuopin'), node).toBe(2);
      expect(fig('social.donationItems', 'monitored'), node).toBe(2);
    }
  });

  it('the registers changing re-count the gifts: 黄乙 leaves monitoring, 黄丙 turns out a 脱贫户', async () => {
    await t.services.database.query(`update monitoring_households set status = 'eliminated' where id = $1`, [households.黄乙]);
    await t.services.database.query(`update monitoring_households set is_lifted = true where id = $1`, [households.黄丙]);
    const [queued] = await t.services.database.query<{ n: number }>(
      `select count(*)::int as n from indicator_dirty where source like 'social.donation%'`,
    );
    expect(queued.n).toBeGreaterThan(0); // by the person-view triggers, not a rebuild
    const fig = await dash(`d:${SHEJIANG.slice(0, 9)}`);
    expect(fig('social.donationMoney', 'monitored')).toBe(1_000);
    expect(fig('social.donationMoney', 'tuopin')).toBe(1_800);
    expect(fig('social.donationMoney')).toBe(4_600);
  });

  it('the report’s chapter says so', async () => {
    const job = await hq.post('/api/indicators/reports', { node: `d:${SHEJIANG.slice(0, 9)}`, period: 'H2026-1', format: 'docx' });
    expect(job.statusCode, job.body).toBe(202);
    await reportsIdle(t.services);
    const file = await hq.get(`/api/indicators/reports/${job.json().id}/file`);
    const xml = (await (await JSZip.loadAsync(file.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain('发放慰问金和物资折款4,600元（其中脱贫户1,800元，其中监测户1,000元');
  });
});

describe('donations to schools: linked to the registry’s unit where it exists', () => {
  it('the ledger links a school by its name in the row’s place; a form may not link one elsewhere', async () => {
    const [school] = await t.services.database.query<{ id: number }>(
      `insert into units (name, kind, division_code) values ('畲江中学（演示）', 'school', $1) returning id`,
      [SHEJIANG],
    );
    const [far] = await t.services.database.query<{ id: number }>(
      `insert into units (name, kind, division_code) values ('富川瑶族自治县第一中学（演示）', 'school', $1) returning id`,
      [FUCHUAN],
    );
    const file = await xlsx([
      ['日期', '捐赠方', '受助对象', '对象类型', '所在镇', '慰问金'],
      ['2026-03-01', '荔湾区某企业', '畲江中学（演示）', '学校', '畲江镇', 20000],
      ['2026-03-01', '荔湾区某企业', '畲江镇某小学', '学校', '畲江镇', 5000], // not in the registry: kept by name only
    ]);
    const { status } = await uploadAndCheck(shejiang, 'social-donations', 'schools.xlsx', file);
    expect(status.problems, JSON.stringify(status.problems)).toEqual([]);
    expect((await commitAndWait(shejiang, status.id, 'all-or-nothing')).status.status).toBe('committed');
    const rows = (await shejiang.get('/api/social/donations?donorKind=unit&q=学')).json().items as {
      recipientName: string;
      unitId: number | null;
    }[];
    expect(Object.fromEntries(rows.map((d) => [d.recipientName, d.unitId]))).toEqual({ '畲江中学（演示）': school.id, 畲江镇某小学: null });

    const res = await hq.post('/api/social/donations', {
      donatedOn: '2026-03-02',
      donorName: '某单位',
      donorKind: 'unit',
      recipientKind: 'school',
      recipientName: '富川瑶族自治县第一中学（演示）',
      divisionCode: SHEJIANG,
      unitId: far.id,
      cashAmount: 100,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ path: 'body.unitId', message: '该单位不在所填的县镇村' });
  });
});
