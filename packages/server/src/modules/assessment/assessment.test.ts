// Assessment end to end through the API, on data made here: an annual agreement of 四会 → 富川 signed by both
// sides with live progress; a framework locked by its cycle and copied to a new year; the Guangdong and Guangxi
// sides scored from live figures with a trace; reviewers who disagree and a settlement; the calendar from
// self-assessment to final with a field-check sample that forces a re-check; the result locked and later data shown
// as drift; a what-if that changes a grade; and what an assessed party may not do.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import type { CycleT, FrameworkInputT } from '@xiezuo/shared/contracts/assessment';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp, TestClient } from '../../testing/app';
import { refresherOf } from '../indicators';
import { assessmentTestApp, FUCHUAN, FUYANG, SIHUI } from './testing/fixture';

process.env.XZ_TODAY = '2026-06-20';
const ARTIFACTS = resolve(__dirname, '../../../../../test-artifacts');
// rendering the report needs libreoffice-writer and poppler-utils
const hasPdfTools =
  spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0 && spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;

let t: TestApp;
let ids: Record<string, number>;
let hq: TestClient;
let hq2: TestClient;
let sihui: TestClient; // team leader scoped to 四会 (the helper side)
let fuchuan: TestClient; // team leader scoped to 富川 (the helped side)
let guangxi: TestClient; // an assessed party's user: town staff of 广西

beforeAll(async () => {
  ({ t, ids } = await assessmentTestApp());
  hq = await t.userClient('hq', 'hq', { all: true });
  hq2 = await t.userClient('hq2', 'hq', { all: true });
  sihui = await t.userClient('sihui', 'team_leader', { divisions: [SIHUI] });
  fuchuan = await t.userClient('fuchuan', 'team_leader', { divisions: [FUCHUAN] });
  guangxi = await t.userClient('gx', 'town_staff', { divisions: ['450000000000'] });
}, 90_000);
afterAll(() => t?.close());

const ok = <T = unknown>(res: { statusCode: number; body: string; json(): unknown }, code = 200): T => {
  expect(res.statusCode, res.body.slice(0, 400)).toBe(code);
  return res.json() as T;
};

async function donate(amount: number, day: string) {
  ok(
    await hq.post('/api/social/donations', {
      donatedOn: day,
      donorName: '四会市爱心企业（测试）',
      donorKind: 'enterprise',
      recipientKind: 'village',
      recipientName: '富阳镇',
      divisionCode: FUYANG,
      cashAmount: amount,
    }),
  );
}

async function typicalCase(day: string) {
  ok(
    await hq.post('/api/social/publicity', {
      publishedOn: day,
      title: '四会富川协作典型案例（测试）',
      medium: '人民网',
      mediaLevel: 'central',
      kind: 'typical_case',
      divisionCode: FUCHUAN,
    }),
  );
}

const refresh = () => refresherOf(t.services).runOnce();

const framework = (year: number): FrameworkInputT => ({
  year,
  programme: 'east_west',
  name: `${year}年测试考核体系`,
  illustrative: true,
  groups: [
    { key: 'east', name: '东部' },
    { key: 'west', name: '西部' },
  ],
  cutoffs: { good: 80, fairlyGood: 60, average: 40 },
  aspects: [
    {
      code: 'org',
      name: '组织领导',
      items: [
        { code: 'org.rubric', name: '研究部署', kind: 'rubric', maxPoints: 20, guide: '每次联席会议记 5 分', evidence: '会议纪要' },
        { code: 'org.agreement', name: '签订协议', kind: 'mandatory', maxPoints: 10 },
      ],
    },
    {
      code: 'social',
      name: '社会帮扶',
      items: [
        {
          code: 'social.donations',
          name: '社会帮扶捐赠',
          kind: 'indicator',
          maxPoints: 50,
          indicator: 'social.donationMoney',
          rule: {
            type: 'bands',
            bands: [
              { atLeast: 1, fraction: 1 },
              { atLeast: 0.8, fraction: 0.8 },
              { atLeast: 0.5, fraction: 0.5 },
            ],
          },
        },
      ],
    },
    {
      code: 'innovation',
      name: '创新',
      items: [
        {
          code: 'innovation.cases',
          name: '典型案例',
          kind: 'innovation',
          maxPoints: 10,
          indicator: 'social.publicity|typicalCase',
          rule: { type: 'capped', perUnit: 5 },
        },
        { code: 'bonus', name: '加减分', kind: 'bonus', maxPoints: 5 },
        { code: 'veto', name: '否决', kind: 'veto', maxPoints: 0 },
      ],
    },
  ],
});

let agreementId: number;
let frameworkId: number;
let cycle: CycleT;
const party = (c: CycleT, node: string) => c.scores.find((s) => s.node === node)!;
const item = (c: CycleT, node: string, code: string) => party(c, node).items.find((i) => i.code === code)!;
const evidenceUrl = (partyId: number, extra = '') => `/api/attachments?module=assessment&kind=party&ownerId=${partyId}${extra}`;
/** A PDF sent as a browser sends a file (multipart, the name in UTF-8). */
function uploadEvidence(c: TestClient, partyId: number) {
  const boundary = '----xzEvidenceBoundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="会议纪要.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
  const pdf = '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n';
  const body = Buffer.concat([Buffer.from(head, 'utf8'), Buffer.from(pdf), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return c.request('POST', evidenceUrl(partyId, '&purpose=evidence'), body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

describe('annual agreements (年度帮扶协议)', () => {
  it('an agreement of a pairing: targets as data, progress from the live figure of the helped side', async () => {
    // 10 donations of 10,000 元 to 富川 this year; one the year before (not this year's)
    for (let i = 0; i < 10; i++) await donate(10_000, `2026-0${1 + (i % 5)}-1${i % 9}`);
    await donate(99_000, '2025-11-01');
    await typicalCase('2026-03-01');
    await refresh();
    const a = ok<{ id: number; targets: { indicator: string; target: number; actual: number; progress: number }[] }>(
      await sihui.post('/api/assessment/agreements', {
        pairingId: ids.sihuiFuchuan,
        year: 2026,
        targets: [
          { indicator: 'social.donationMoney', target: 120_000 },
          { indicator: 'social.publicity', target: 4, divisionCode: FUCHUAN },
        ],
      }),
    );
    agreementId = a.id;
    expect(a.targets[0]).toMatchObject({ indicator: 'social.donationMoney', target: 120_000, actual: 100_000 });
    expect(a.targets[0].progress).toBeCloseTo(100_000 / 120_000);
    expect(a.targets[1]).toMatchObject({ actual: 1, progress: 0.25 });
  });

  it('refuses an unknown indicator and a second agreement for the year, naming the field', async () => {
    const bad = await hq.post('/api/assessment/agreements', {
      pairingId: ids.sihuiFuchuan,
      year: 2027,
      targets: [{ indicator: 'nope', target: 1 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('body.targets.0.indicator');
    const dup = await hq.post('/api/assessment/agreements', {
      pairingId: ids.sihuiFuchuan,
      year: 2026,
      targets: [{ indicator: 'social.donationMoney', target: 1 }],
    });
    expect(dup.json().details[0].path).toBe('body.year');
  });

  it('each side signs for itself, dated and by role; neither may sign for the other', async () => {
    const wrong = await sihui.post(`/api/assessment/agreements/${agreementId}/sign`, {
      side: 'helped',
      signedOn: '2026-03-01',
      signer: '张三',
    });
    expect(wrong.statusCode).toBe(403);
    ok(
      await sihui.post(`/api/assessment/agreements/${agreementId}/sign`, { side: 'helper', signedOn: '2026-03-01', signer: '四会市 张三' }),
    );
    const a = ok<{ helperSigned: unknown; helpedSigned: unknown }>(
      await fuchuan.post(`/api/assessment/agreements/${agreementId}/sign`, {
        side: 'helped',
        signedOn: '2026-03-02',
        signer: '富川县 李四',
      }),
    );
    expect(a.helperSigned).toEqual({ signedOn: '2026-03-01', signer: '四会市 张三', role: 'team_leader' });
    expect(a.helpedSigned).toMatchObject({ signedOn: '2026-03-02', role: 'team_leader' });
    // both sides see it on their lists; a user of neither side does not
    expect(ok<unknown[]>(await fuchuan.get('/api/assessment/agreements'))).toHaveLength(1);
    // each side's dashboard asks by its place and the year: the list brings each target's live progress
    for (const [client, place] of [
      [sihui, SIHUI],
      [fuchuan, FUCHUAN],
    ] as const) {
      const rows = ok<{ id: number; targets: { progress: number }[] }[]>(
        await client.get(`/api/assessment/agreements?year=2026&division=${divisionPrefix(place)}`),
      );
      expect(rows.map((r) => r.id)).toEqual([agreementId]);
      expect(rows[0].targets.map((x) => x.progress)).toEqual([expect.closeTo(100_000 / 120_000), 0.25]);
    }
    expect(ok<unknown[]>(await sihui.get('/api/assessment/agreements?year=2025'))).toHaveLength(0);
    const other = await t.userClient('meixian', 'team_leader', { divisions: ['441403000000'] });
    expect(ok<unknown[]>(await other.get('/api/assessment/agreements'))).toHaveLength(0);
    expect((await other.get(`/api/assessment/agreements/${agreementId}`)).statusCode).toBe(404);
  });
});

describe('frameworks as versioned data', () => {
  it('a cycle locks its framework; edits then go to a copy for a new year', async () => {
    const f = ok<{ id: number; maxTotal: number; lockedAt: string | null }>(await hq.post('/api/assessment/frameworks', framework(2026)));
    frameworkId = f.id;
    expect(f).toMatchObject({ maxTotal: 90, lockedAt: null });
    const bad = await hq.post('/api/assessment/frameworks', { ...framework(2026), cutoffs: { good: 50, fairlyGood: 60, average: 40 } });
    expect(bad.json().details[0].path).toBe('body.cutoffs');
    expect((await sihui.post('/api/assessment/frameworks', framework(2026))).statusCode).toBe(403);
    cycle = ok<CycleT>(
      await hq.post('/api/assessment/cycles', {
        frameworkId,
        name: '2026年度测试考核',
        parties: [
          { node: 'd:44', group: 'east' },
          { node: 'd:45', group: 'west' },
        ],
      }),
    );
    const locked = await hq.put(`/api/assessment/frameworks/${frameworkId}`, framework(2026));
    expect(locked.statusCode).toBe(409);
    const copy = ok<{ year: number; version: number; copiedFrom: number; lockedAt: null; name: string }>(
      await hq.post(`/api/assessment/frameworks/${frameworkId}/copy`, { year: 2027 }),
    );
    expect(copy).toMatchObject({ year: 2027, version: 2, copiedFrom: frameworkId, lockedAt: null, name: '2027年测试考核体系' });
  });
});

describe('scores with a trace', () => {
  it('both sides scored from the agreement and live figures: inputs, rule and points per item; total, grade and rank computed', () => {
    const gd = item(cycle, 'd:44', 'social.donations');
    expect(gd.inputs).toMatchObject({ actual: 100_000, target: 120_000 });
    expect(gd.points).toBe(40); // 83 % → the 80 % band → 0.8 × 50
    expect(gd.rule).toContain('≥80%');
    expect(item(cycle, 'd:45', 'social.donations').points).toBe(40); // the helped side is scored on the same agreement
    expect(item(cycle, 'd:45', 'innovation.cases')).toMatchObject({ points: 5, inputs: { actual: 1 } });
    expect(item(cycle, 'd:44', 'innovation.cases').points).toBe(0); // the case was published in 富川
    expect(party(cycle, 'd:45')).toMatchObject({ total: 45, grade: 'average', rank: 1 });
  });

  it('reviewers score separately; the spread shows; a settlement records how it was resolved', async () => {
    const gx = party(cycle, 'd:45').partyId;
    ok(await hq.put(`/api/assessment/cycles/${cycle.id}/reviews`, { partyId: gx, item: 'org.rubric', points: 18 }));
    let c = ok<CycleT>(
      await hq2.put(`/api/assessment/cycles/${cycle.id}/reviews`, { partyId: gx, item: 'org.rubric', points: 12, note: '会议纪要不全' }),
    );
    expect(c.reviews.filter((r) => r.partyId === gx && r.item === 'org.rubric').map((r) => r.points)).toEqual([18, 12]);
    expect(item(c, 'd:45', 'org.rubric').points).toBe(15);
    c = ok<CycleT>(
      await hq.put(`/api/assessment/cycles/${cycle.id}/settlements`, {
        partyId: gx,
        item: 'org.rubric',
        points: 16,
        reason: '评审组合议，补充纪要后定 16 分',
      }),
    );
    expect(item(c, 'd:45', 'org.rubric')).toMatchObject({ points: 16 });
    expect(item(c, 'd:45', 'org.rubric').rule).toContain('补充纪要');
    ok(await hq.put(`/api/assessment/cycles/${cycle.id}/reviews`, { partyId: gx, item: 'org.agreement', points: 0, flag: true }));
    c = ok<CycleT>(
      await hq.put(`/api/assessment/cycles/${cycle.id}/reviews`, {
        partyId: party(c, 'd:44').partyId,
        item: 'org.agreement',
        points: 0,
        flag: true,
      }),
    );
    expect(party(c, 'd:45')).toMatchObject({ total: 71, grade: 'fairlyGood' });
    const bad = await hq.put(`/api/assessment/cycles/${cycle.id}/reviews`, { partyId: gx, item: 'org.rubric', points: 30 });
    expect(bad.json().details[0].path).toBe('body.points');
    const computed = await hq.put(`/api/assessment/cycles/${cycle.id}/reviews`, { partyId: gx, item: 'social.donations', points: 50 });
    expect(computed.json().details[0].path).toBe('body.item');
    cycle = c;
  });

  it('an assessed party sees only its own scores and cannot enter or settle reviewers’ scores', async () => {
    const own = ok<CycleT>(await guangxi.get(`/api/assessment/cycles/${cycle.id}`));
    expect(own.scores.map((s) => s.node)).toEqual(['d:45']);
    expect(own.canReview).toBe(false);
    const gx = party(cycle, 'd:45').partyId;
    expect(
      (await guangxi.put(`/api/assessment/cycles/${cycle.id}/reviews`, { partyId: gx, item: 'org.rubric', points: 20 })).statusCode,
    ).toBe(403);
    expect(
      (await guangxi.put(`/api/assessment/cycles/${cycle.id}/settlements`, { partyId: gx, item: 'org.rubric', points: 20, reason: 'x' }))
        .statusCode,
    ).toBe(403);
    expect((await guangxi.post(`/api/assessment/cycles/${cycle.id}/advance`, {})).statusCode).toBe(403);
    const outsider = await t.userClient('yn', 'town_staff', { divisions: ['530000000000'] });
    expect((await outsider.get(`/api/assessment/cycles/${cycle.id}`)).statusCode).toBe(404);
    expect(ok<unknown[]>(await outsider.get('/api/assessment/cycles'))).toEqual([]);
  });
});

describe('the calendar as a workflow', () => {
  it('self-assessment by the party (its scores kept as submitted), opinion, cross-check: each step dated, by role, audited', async () => {
    const gx = party(cycle, 'd:45').partyId;
    // a party may not submit for another
    const gd = party(cycle, 'd:44').partyId;
    expect((await guangxi.post(`/api/assessment/cycles/${cycle.id}/party-step`, { partyId: gd, note: '自评' })).statusCode).toBe(403);
    ok(await guangxi.post(`/api/assessment/cycles/${cycle.id}/party-step`, { partyId: gx, note: '自评：协议目标基本完成' }));
    let c = ok<CycleT>(await hq.post(`/api/assessment/cycles/${cycle.id}/advance`, { note: '自评截止' }));
    expect(c.step).toBe('paired');
    ok(await sihui.post(`/api/assessment/cycles/${cycle.id}/party-step`, { partyId: gx, note: '结对方意见：同意自评' }));
    c = ok<CycleT>(await hq.post(`/api/assessment/cycles/${cycle.id}/advance`, {}));
    c = ok<CycleT>(await hq.post(`/api/assessment/cycles/${cycle.id}/advance`, { note: '交叉检查完成' }));
    expect(c.step).toBe('field');
    expect(c.steps.map((s) => `${s.step}:${s.role}`)).toEqual([
      'self:town_staff',
      'self:hq',
      'paired:team_leader',
      'paired:hq',
      'cross:hq',
    ]);
    expect(c.steps[0]).toMatchObject({ doneOn: '2026-06-20', note: '自评：协议目标基本完成' });
    const snapshot = (await t.services.db.execute(sql`select snapshot from assessment_steps where step = 'self' and party_id = ${gx}`))
      .rows[0] as {
      snapshot: { total: number };
    };
    expect(snapshot.snapshot.total).toBe(71);
    const audited = (await t.services.db.execute(sql`select count(*)::int as n from audit_log where entity = 'assessment_cycle'`))
      .rows[0] as { n: number };
    expect(audited.n).toBeGreaterThanOrEqual(6);
  });

  it('field check: a random sample of the records behind the figure; a difference above 10 % forces a re-check', async () => {
    const gx = party(cycle, 'd:45').partyId;
    const sample = ok<{ id: number; record: string; qty: number; round: number }[]>(
      await hq.post(`/api/assessment/cycles/${cycle.id}/samples`, { partyId: gx, item: 'social.donations', size: 5 }),
    );
    expect(sample).toHaveLength(5);
    expect(new Set(sample.map((s) => s.record)).size).toBe(5);
    // what a checker needs to find the record: the donor, the recipient and the place — not an identifier
    for (const s of sample as unknown as { label: string }[]) expect(s.label).toBe('四会市爱心企业（测试） → 富阳镇（富阳镇）');
    expect(sample.every((s) => s.qty === 10_000 && s.round === 1)).toBe(true);
    // not every record checked yet: the step cannot close
    expect((await hq.post(`/api/assessment/cycles/${cycle.id}/advance`, {})).json().details[0].message).toBe(
      '广西壮族自治区「社会帮扶捐赠」的抽样尚未全部核实',
    );
    for (const [i, s] of sample.entries()) ok(await hq.put(`/api/assessment/samples/${s.id}`, { verified: i !== 0 })); // one of five not verified: 20 %
    let c = ok<CycleT>(await hq.get(`/api/assessment/cycles/${cycle.id}`));
    expect(c.checks[0]).toMatchObject({ round: 1, reported: 50_000, verified: 40_000, difference: 0.2, recheckRequired: true });
    const blocked = await hq.post(`/api/assessment/cycles/${cycle.id}/advance`, {});
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().details[0].message).toContain('须复核后才能进入下一环节');
    // the re-check: a second round, all verified
    const round2 = ok<{ id: number; round: number }[]>(
      await hq.post(`/api/assessment/cycles/${cycle.id}/samples`, { partyId: gx, item: 'social.donations', size: 5 }),
    );
    for (const s of round2.filter((x) => x.round === 2)) ok(await hq.put(`/api/assessment/samples/${s.id}`, { verified: true }));
    // households drawn for satisfaction visits: the monitored households of the party's area, each once, by a masked name
    for (const [name, status] of [
      ['黄大明', 'monitored'],
      ['黄小红', 'monitored'],
      ['蒙三妹', 'eliminating'],
      ['韦老四', 'monitored'],
    ])
      await t.services.database.query(
        `insert into monitoring_households (division_code, head_name, entry_door, category, is_lifted, status, identified_on)
         values ($1, $2, 'cadre_check', 'marginal', true, $3, '2025-03-01')`,
        [FUYANG.replace(/000$/, '201'), name, status],
      );
    const visits = ok<{ id: number; item: string; label: string; record: string; qty: number }[]>(
      await hq.post(`/api/assessment/cycles/${cycle.id}/samples`, { partyId: gx, item: '@satisfaction', size: 3 }),
    ).filter((x) => x.item === '@satisfaction');
    expect(visits).toHaveLength(3);
    expect(new Set(visits.map((v) => v.record)).size).toBe(3);
    for (const v of visits) {
      expect(v.label).toMatch(/^(黄\*\*|蒙\*\*|韦\*\*)户（富阳镇/);
      expect(v.label).not.toMatch(/大明|小红|三妹|老四/);
      expect(v.qty).toBe(1);
    }
    // not yet visited: the field check cannot close
    expect((await hq.post(`/api/assessment/cycles/${cycle.id}/advance`, {})).json().details[0].message).toBe(
      '广西壮族自治区「满意度回访（农户）」的抽样尚未全部核实',
    );
    for (const [i, v] of visits.entries()) ok(await hq.put(`/api/assessment/samples/${v.id}`, { verified: i > 0 }));
    c = ok<CycleT>(await hq.get(`/api/assessment/cycles/${cycle.id}`));
    // one of three not verified is recorded, and forces no re-check: a visit checks people's views, not a figure
    expect(c.checks.find((k) => k.item === '@satisfaction')).toMatchObject({ reported: 3, verified: 2, recheckRequired: false });
    c = ok<CycleT>(await hq.post(`/api/assessment/cycles/${cycle.id}/advance`, { note: '复核无误' }));
    expect(c.step).toBe('panel');
    expect(c.checks[0]).toMatchObject({ round: 2, recheckRequired: false, difference: 0 });
  });

  it('the evidence binder (佐证材料): the party adds files, HQ reads them, no one else reaches them', async () => {
    const gx = party(cycle, 'd:45').partyId;
    const gd = party(cycle, 'd:44').partyId;
    expect((await uploadEvidence(guangxi, gx)).statusCode).toBe(200);
    const listed = ok<{ items: { fileName: string }[] }>(await hq.get(evidenceUrl(gx)));
    expect(listed.items.map((a) => a.fileName)).toEqual(['会议纪要.pdf']);
    // HQ's scope covers every party: it may add to a binder too (the same file twice is refused)
    expect((await uploadEvidence(hq, gx)).json().details).toEqual([{ path: 'file', message: '同一文件已上传过（会议纪要.pdf）' }]);
    expect((await uploadEvidence(guangxi, gd)).statusCode).toBe(404); // the other side's binder is not theirs to see
    const outsider = await t.userClient('yn_evidence', 'town_staff', { divisions: ['530000000000'] });
    expect((await outsider.get(evidenceUrl(gx))).statusCode).toBe(404);
  });

  it('appeal by the party, then final: the result locks; later data shows as drift, never as a changed result', async () => {
    const gx = party(cycle, 'd:45').partyId;
    let c = ok<CycleT>(await hq.post(`/api/assessment/cycles/${cycle.id}/advance`, { note: '评审完成' }));
    expect(c.step).toBe('appeal');
    ok(await guangxi.post(`/api/assessment/cycles/${cycle.id}/party-step`, { partyId: gx, note: '申诉：典型案例漏计一篇' }));
    ok(await hq.put(`/api/assessment/cycles/${cycle.id}/reviews`, { partyId: gx, item: 'bonus', points: 2, note: '申诉部分采纳' }));
    c = ok<CycleT>(await hq.post(`/api/assessment/cycles/${cycle.id}/advance`, { note: '申诉处理完毕' }));
    expect(c.step).toBe('final');
    expect(c.lockedAt).not.toBeNull();
    expect(party(c, 'd:45')).toMatchObject({ total: 73, grade: 'fairlyGood' });
    // more donations after the final: the live score moves, the result does not
    await donate(30_000, '2026-06-01');
    await refresh();
    c = ok<CycleT>(await hq.get(`/api/assessment/cycles/${cycle.id}`));
    expect(party(c, 'd:45').total).toBe(73);
    expect(c.drift.find((d) => d.partyId === gx)).toMatchObject({ locked: 73, live: 83, lockedGrade: 'fairlyGood', liveGrade: 'good' });
    expect((await hq.put(`/api/assessment/cycles/${cycle.id}/reviews`, { partyId: gx, item: 'org.rubric', points: 20 })).statusCode).toBe(
      409,
    );
    expect((await hq.post(`/api/assessment/cycles/${cycle.id}/advance`, {})).statusCode).toBe(409);
    expect((await uploadEvidence(guangxi, gx)).statusCode).toBe(403); // the binder closes with the result
  });

  it('what-if: the locked cycle replayed with other points and cut-offs changes a grade, nothing stored', async () => {
    const r = ok<{
      parties: { name: string; grade: string; whatIfGrade: string; changed: boolean; whatIfTotal: number }[];
      items: { item: string; gradeChanges: number }[];
    }>(
      await hq.post(`/api/assessment/cycles/${cycle.id}/what-if`, {
        maxPoints: { 'social.donations': 60, 'org.rubric': 25 },
        cutoffs: { good: 70, fairlyGood: 60, average: 40 },
      }),
    );
    const gx = r.parties.find((p) => p.name === '广西壮族自治区')!;
    expect(gx).toMatchObject({ grade: 'fairlyGood', whatIfGrade: 'good', changed: true });
    expect(gx.whatIfTotal).toBe(81); // donations 0.8 × 60 = 48, the settled 16, mandatory 10, one case 5, bonus 2
    expect(r.items.map((i) => i.item)).toEqual(['social.donations', 'org.rubric']);
    const c = ok<CycleT>(await hq.get(`/api/assessment/cycles/${cycle.id}`));
    expect(party(c, 'd:45').grade).toBe('fairlyGood');
    expect((await guangxi.post(`/api/assessment/cycles/${cycle.id}/what-if`, { maxPoints: {} })).statusCode).toBe(403);
  });
});

describe('outputs: the scoring table and the self-assessment report', () => {
  const xlsxRows = async (body: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as never);
    const ws = wb.worksheets[0];
    const head = (ws.getRow(2).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    const rows: Record<string, unknown>[] = [];
    ws.eachRow((r, n) => {
      if (n < 4) return;
      const v = (r.values as unknown[]).slice(1);
      rows.push(Object.fromEntries(head.map((h, i) => [h, v[i] ?? null])));
    });
    return { title: String(ws.getRow(1).getCell(1).value), head, rows };
  };
  const auditCount = async () =>
    (
      (await t.services.db.execute(sql`select count(*)::int as n from audit_log where action = 'export' and entity = 'assessment_cycle'`))
        .rows[0] as { n: number }
    ).n;

  it('the scoring table: every item with its inputs, rule, points and reviewers’ scores; total, grade and rank; HQ gets all, audited', async () => {
    const before = await auditCount();
    const res = await hq.get(`/api/assessment/cycles/${cycle.id}/score-table`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('2026年度测试考核评分表.xlsx'));
    const { title, head, rows } = await xlsxRows(res.rawPayload);
    expect(title).toContain('2026年度测试考核评分表（终审结果）');
    expect(head).toEqual(
      expect.arrayContaining([
        '被考核对象',
        '评价事项',
        '完成值',
        '目标值',
        '评分规则',
        '得分',
        '评审打分',
        '分差',
        '总分',
        '等次',
        '组内排名',
      ]),
    );
    expect(new Set(rows.map((r) => r['被考核对象']))).toEqual(new Set(['广东省', '广西壮族自治区']));
    const gx = (item: string) => rows.find((r) => r['被考核对象'] === '广西壮族自治区' && r['评价事项'] === item)!;
    expect(gx('社会帮扶捐赠')).toMatchObject({ 完成值: 100_000, 目标值: 120_000, 单位: '元', 得分: 40, 满分: 50 });
    expect(gx('社会帮扶捐赠')['评分规则']).toContain('（10万元 ÷ 12万元）');
    // reviewers disagree visibly: each one's score, the spread and how it was settled
    expect(gx('研究部署')).toMatchObject({ 评审打分: 'hq 18分；hq2 12分（会议纪要不全）', 分差: 6, 得分: 16 });
    expect(String(gx('研究部署')['协调结果'])).toContain('16分：评审组合议，补充纪要后定 16 分');
    const total = rows.find((r) => r['被考核对象'] === '广西壮族自治区' && r['方面'] === '合计')!;
    expect(total).toMatchObject({ 总分: 73, 等次: '较好', 组内排名: 1, 满分: 90 });
    expect(await auditCount()).toBe(before + 1);
  });

  it('an assessed party gets its own rows and report only; anyone else gets nothing', async () => {
    const own = await xlsxRows((await guangxi.get(`/api/assessment/cycles/${cycle.id}/score-table`)).rawPayload);
    expect(new Set(own.rows.map((r) => r['被考核对象']))).toEqual(new Set(['广西壮族自治区']));
    const gd = party(cycle, 'd:44').partyId;
    const gx = party(cycle, 'd:45').partyId;
    expect((await guangxi.get(`/api/assessment/cycles/${cycle.id}/parties/${gx}/self-report`)).statusCode).toBe(200);
    expect((await guangxi.get(`/api/assessment/cycles/${cycle.id}/parties/${gd}/self-report`)).statusCode).toBe(404);
    // the paired side (四会) and an outsider: neither is an assessed party of this cycle
    for (const c of [sihui, await t.userClient('yn2', 'town_staff', { divisions: ['530000000000'] })]) {
      expect((await c.get(`/api/assessment/cycles/${cycle.id}/score-table`)).statusCode).toBe(404);
      expect((await c.get(`/api/assessment/cycles/${cycle.id}/parties/${gx}/self-report`)).statusCode).toBe(404);
    }
    expect((await hq.get(`/api/assessment/cycles/${cycle.id}/parties/999999/self-report`)).statusCode).toBe(404);
  });

  it('the self-assessment report: a 公文 with title, 主送, each aspect’s figures, the evidence list, 落款 and date — rendered and read', async () => {
    const gx = party(cycle, 'd:45').partyId;
    const res = await hq.get(`/api/assessment/cycles/${cycle.id}/parties/${gx}/self-report`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('广西壮族自治区2026年度东西部协作考核自评报告.docx'));
    mkdirSync(ARTIFACTS, { recursive: true });
    const docx = join(ARTIFACTS, 'assessment-self-report.docx');
    writeFileSync(docx, res.rawPayload);
    if (!hasPdfTools) return console.warn('soffice/pdftotext not found: the report was not rendered');
    const profile = `file://${join(tmpdir(), 'xz-lo-assessment')}`;
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', ARTIFACTS, docx], {
      timeout: 180_000,
      stdio: 'ignore',
    });
    const pdf = join(ARTIFACTS, 'assessment-self-report.pdf');
    execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(ARTIFACTS, 'assessment-self-report')]);
    expect(existsSync(join(ARTIFACTS, 'assessment-self-report-1.png'))).toBe(true);
    // pdftotext breaks lines and spaces figures from characters as the page does: compare without white space
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8').replace(/\s+/g, '');
    expect(text).toContain('广西壮族自治区2026年度东西部协作考核自评报告');
    expect(text).toContain('东西部协作考核评价工作组：');
    expect(text).toContain('自评得分73分（满分90分）');
    expect(text).toContain('自评等次为“较好”');
    expect(text).toContain('社会帮扶（满分50分，自评40分）');
    expect(text).toContain('（10万元÷12万元）');
    expect(text).toContain('评审意见：hq18分；hq212分（会议纪要不全）');
    expect(text).toContain('佐证材料清单');
    // the evidence list: the records behind the figure as a checker finds them, with their amounts in 万元
    expect(text).toContain('系统记录11条，合计13万元；下表列出最近10条');
    expect(text).toContain('1.四会市爱心企业（测试）→富阳镇（富阳镇）2026-06-013万元');
    expect(text).toContain('人民网《四会富川协作典型案例（测试）》');
    expect(text).toContain('第2轮抽样，自报5万元，核实5万元，差异0.0%');
    expect(text).toContain('第1轮抽取3户，回访核实2户');
    expect(text).toContain('自评意见：自评：协议目标基本完成');
    // 落款 and 成文日期 close the text, the note under them
    expect(text).toMatch(/广西壮族自治区2026年6月20日（得分、完成值/);
  }, 240_000);
});
