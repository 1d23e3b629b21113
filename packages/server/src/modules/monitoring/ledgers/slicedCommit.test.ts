// A staged commit on PGlite is applied in slices (platform/ledgers/apply.ts: short transactions, so other
// requests are served in between) and is still all or nothing: a failure in a later slice, or a server that
// stops mid-apply and starts again, leaves the database exactly as it was before the commit — the rows the
// earlier slices inserted gone, the rows they updated as they were — with no audit entry and no journal left;
// and the same file then commits in full. Slices of 4 rows here, so a few rows make several slices. On a PostgreSQL
// server the slices run inside the commit's one transaction (readers do not wait there): the slice-by-slice tests are
// PGlite's; all or nothing on PostgreSQL is the transaction's own, covered by the ledgers' other tests.
import { idNumberCheckChar } from '@xiezuo/shared/codes/idNumber';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../platform/http/app';
import { type ApplySlice, applyHooks } from '../../../platform/ledgers/apply';
import { commitAndWait, commitStoppedAfterSlice, uploadAndCheck, waitFor, xlsx } from '../../../platform/ledgers/testing/helpers';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/app';
import { modules } from '../../index';
import { GANGPING, insertVillages, XINGYI, ZENGCUN } from '../testing/builders';

let t: TestApp;
let town: TestClient;
const idOf = (first17: string) => first17 + idNumberCheckChar(first17);
const id = (birth: string, seq: number) => idOf(`441224${birth}${String(seq).padStart(3, '0')}`);
const HEAD_A = id('19650303', 551);
const HEAD_B = id('19600606', 553);
const MEMBERS = ['户主身份证号', '姓名', '与户主关系', '性别', '出生日期', '身份证号', '健康状况', '残疾情况', '在校情况', '务工情况'];
const member = (head: string, i: number, work = '省内务工') => {
  const birth = `2000010${1 + (i % 9)}`;
  return [
    head,
    `成员${i}（演示）`,
    '子女',
    i % 2 ? '男' : '女',
    `${birth.slice(0, 4)}-01-0${1 + (i % 9)}`,
    id(birth, 600 + i),
    '健康',
    '无',
    '非在校生',
    work,
  ];
};
const HOUSEHOLDS = ['所在村区划代码', '户主姓名', '户主身份证号', '监测类别', '纳入途径', '是否低保户', '人均年纯收入'];
const household = (village: string, i: number) => [
  village,
  `新户主${i}（演示）`,
  id(`1970020${1 + (i % 9)}`, 700 + i),
  '边缘易致贫户',
  '干部排查',
  '否',
  6000 + i,
];

const VISITS = ['户主身份证号', '走访日期', '走访人员', '走访情况', '核实人均收入', '收入年度'];

const MEASURES = ['户主身份证号', '措施类型', '措施内容', '金额（元）', '开始日期', '结束日期'];

const q = <T = Record<string, unknown>>(text: string, params?: unknown[]) => t.services.database.query<T>(text, params);
/** Everything a commit of these ledgers writes, row by row, plus what it keeps on the side. */
const snapshot = async () => ({
  households: await q('select * from monitoring_households order by id'),
  members: await q('select * from monitoring_members order by id'),
  visits: await q('select * from monitoring_visits order by id'),
  measures: await q('select * from monitoring_measures order by id'),
  steps: await q('select * from monitoring_steps order by id'),
  audit: await q('select id, action, entity, entity_id, before, after from audit_log order by id'),
  journal: await q('select * from ledger_import_undo'),
});

const applied: ApplySlice[] = [];
beforeAll(async () => {
  t = await createTestApp();
  t.services.config.ledgers.applySlice = 4;
  await insertVillages(t.services); // 岗坪镇 and its villages 曾村, 兴义
  town = await t.userClient('town', 'town_staff', { divisions: [GANGPING] });
  const head = (name: string, idNumber: string) => ({
    name,
    relation: 'head',
    gender: 'male',
    birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
    idNumber,
    health: 'healthy',
    schooling: 'not_in_school',
    work: 'none',
  });
  for (const [village, name, idNumber] of [
    [XINGYI, '户主甲（演示）', HEAD_A],
    [ZENGCUN, '户主乙（演示）', HEAD_B],
  ]) {
    const made = await town.post('/api/monitoring/households', {
      divisionCode: village,
      entryDoor: 'cadre_check',
      category: 'marginal',
      members: [head(name, idNumber)],
    });
    expect(made.statusCode, made.body).toBe(200);
  }
});
afterEach(() => {
  applyHooks.afterSlice = undefined;
  applied.length = 0;
});
afterAll(() => t.close());

/** Slices commit on their own only on PGlite. */
const slicing = it.skipIf(Boolean(process.env.TEST_DATABASE_URL));

describe('a staged commit applied in slices is all or nothing', () => {
  slicing(
    'member ledger: a later slice fails → the earlier slices’ inserts and updates are undone exactly; the file then commits in full',
    async () => {
      // household A has three members the second file corrects
      const first = await uploadAndCheck(
        town,
        'monitoring-members',
        'a.xlsx',
        await xlsx([MEMBERS, ...[1, 2, 3].map((i) => member(HEAD_A, i))]),
      );
      expect((await commitAndWait(town, first.status.id, 'all-or-nothing')).status).toMatchObject({ status: 'committed', inserted: 3 });

      // rows 2–4 update A's members, 5–10 add to A, 11–13 add to B: slices [2–5] [6–9] [10–13]
      const rows = [
        MEMBERS,
        ...[1, 2, 3].map((i) => member(HEAD_A, i, '省外务工')),
        ...[4, 5, 6, 7, 8, 9].map((i) => member(HEAD_A, i)),
        ...[10, 11, 12].map((i) => member(HEAD_B, i)),
      ];
      const file = await xlsx(rows);
      const { status } = await uploadAndCheck(town, 'monitoring-members', 'b.xlsx', file);
      expect(status).toMatchObject({ status: 'ready', valid: 12, toUpdate: 3, toInsert: 9 });
      // household B is closed after the check: the last slice cannot place its members and fails the commit
      const bMembers = `household_id = (select household_id from monitoring_members where id_hash = '${t.services.cipher.hash(HEAD_B)}')`;
      await q(`update monitoring_members set active = false, left_reason = 'household_closed' where ${bMembers}`);
      const before = await snapshot();
      applyHooks.afterSlice = (s) => {
        applied.push(s);
      };
      const { status: failed } = await commitAndWait(town, status.id, 'all-or-nothing');
      expect(failed).toMatchObject({ status: 'ready', error: { code: 'CONFLICT' } });
      // two slices had committed on their own (the updates and six new members were in the database) …
      expect(applied.map((s) => [s.from, s.to])).toEqual([
        [2, 5],
        [6, 9],
      ]);
      // … and are gone again: every row as it was, no audit entry, no journal, nothing staged
      expect(await snapshot()).toEqual(before);
      expect(await q('select * from ledger_import_rows')).toEqual([]);

      // B open again: the same file, checked again (the undo wrote A's members back, so the old check is stale), commits in full
      await q(`update monitoring_members set active = true, left_reason = null where ${bMembers}`);
      const again = await uploadAndCheck(town, 'monitoring-members', 'b.xlsx', file);
      expect(again.status).toMatchObject({ status: 'ready', toUpdate: 3, toInsert: 9 });
      const { status: done } = await commitAndWait(town, again.status.id, 'all-or-nothing');
      expect(done).toMatchObject({ status: 'committed', inserted: 9, updated: 3 });
      const works = await q<{ work: string; n: number }>(
        `select work, count(*)::int as n from monitoring_members where relation = 'child' group by work order by work`,
      );
      expect(works).toEqual([
        { work: 'migrant_in_province', n: 9 },
        { work: 'migrant_out_province', n: 3 },
      ]);
      const entries = await q<{ action: string; after: { count?: number } | null }>(
        `select action, after from audit_log where entity = 'monitoring_member' and id > $1 order by id`,
        [(before.audit.at(-1) as { id: number }).id],
      );
      expect(entries.map((e) => e.action)).toEqual(['update', 'update', 'update', 'create', 'import']);
      expect(entries[3].after).toMatchObject({ count: 9 });
      expect(await q('select * from ledger_import_undo')).toEqual([]);
    },
  );

  slicing(
    'household ledger: the server stops mid-apply; at the next start the slices applied are undone, and the import commits again',
    async () => {
      const file = await xlsx([HOUSEHOLDS, ...Array.from({ length: 10 }, (_, i) => household(i % 2 ? XINGYI : ZENGCUN, i))]);
      const { status } = await uploadAndCheck(town, 'monitoring-households', 'h.xlsx', file);
      expect(status).toMatchObject({ status: 'ready', valid: 10, toInsert: 10 });
      const before = await snapshot();

      // the process "stops" after its second slice: nothing after that point runs until the test lets it fail
      const stopped = await commitStoppedAfterSlice(town, status.id, 1, applied);
      expect(stopped.res.statusCode).toBe(202);
      // half applied: 8 households with their heads and first steps are in, journaled
      expect((await q('select * from monitoring_households')).length).toBe(before.households.length + 8);
      expect((await q('select * from ledger_import_undo where tbl <> $1', ['audit_log'])).length).toBe(24);

      // a server started on this database (what `npm start` does after a crash) undoes them before serving
      const restarted = await buildApp(t.services, modules);
      await restarted.ready();
      await restarted.close();
      expect(await snapshot()).toEqual(before);
      expect((await waitFor(town, status.id, ['ready'])).status).toBe('ready');

      // the old process is gone for good (its job ends in failure, finding nothing left to undo)
      expect(await stopped.release()).toMatchObject({ status: 'ready', error: { code: 'INTERNAL' } });
      expect(await snapshot()).toEqual(before);

      // committed again: exactly the ten households, each with its head and first step, audited once each
      const { status: done } = await commitAndWait(town, status.id, 'all-or-nothing');
      expect(done, JSON.stringify(done.error)).toMatchObject({ status: 'committed', inserted: 10 });
      const after = await snapshot();
      expect(after.households.length).toBe(before.households.length + 10);
      expect(after.members.length).toBe(before.members.length + 10);
      expect(after.steps.length).toBe(before.steps.length + 10);
      const created = (after.audit.slice(before.audit.length) as { action: string; after: { count?: number } }[]).filter(
        (e) => e.action === 'create',
      );
      expect(created.reduce((a, e) => a + (e.after.count ?? 0), 0)).toBe(10);
      expect(after.journal).toEqual([]);
    },
  );
  slicing(
    'visit ledger: written as recordVisit writes a visit (last visit, income in file order, an entry each); a later slice fails → undone exactly',
    async () => {
      const householdOf = async (head: string) =>
        (
          await q<{ id: number }>(`select household_id as id from monitoring_members where id_hash = $1 and relation = 'head' and active`, [
            t.services.cipher.hash(head),
          ])
        )[0].id;
      const [a, b] = [await householdOf(HEAD_A), await householdOf(HEAD_B)];
      const household = async (id: number) =>
        (
          await q<{ last: string | null; income: string | null; year: number | null }>(
            'select last_visit_on::text as last, income_per_head::text as income, income_year as year from monitoring_households where id = $1',
            [id],
          )
        )[0];
      // A visited on screen on 2025-08-10 (income 7000 of 2024): the entry every ledger visit must look like
      const screen = await town.post(`/api/monitoring/households/${a}/visits`, {
        visitedOn: '2025-08-10',
        visitors: '工作队',
        findings: '屏幕录入',
        incomePerHead: 7000,
        incomeYear: 2024,
      });
      expect(screen.statusCode, screen.body).toBe(200);
      const bBefore = await household(b);
      const entries = (afterId: number) =>
        q<{ id: number; action: string; entity_id: string; before: Record<string, unknown> | null; after: Record<string, unknown> }>(
          `select id, action, entity_id, before, after from audit_log where entity = 'monitoring_visit' and id > $1 order by id`,
          [afterId],
        );
      const [screenEntry] = (await entries(0)).filter((e) => e.entity_id === String(screen.json().id));
      const lastAudit = async () => (await q<{ id: number }>('select max(id)::int as id from audit_log'))[0].id;

      // slices [2–5] [6–7]: A's visits cross them; an older visit's income is recorded but not applied
      const first = await uploadAndCheck(
        town,
        'monitoring-visits',
        'v1.xlsx',
        await xlsx([
          VISITS,
          [HEAD_A, '2025-08-01', '队甲', '较早的走访', 8000, 2025],
          [HEAD_A, '2025-08-15', '队甲', '收入核实', 9000, 2025],
          [HEAD_B, '2025-08-03', '队乙', '走访一', null, null],
          [HEAD_A, '2025-08-12', '队甲', '次新的走访', 8500, null],
          [HEAD_A, '2025-08-20', '队甲', '最新，无收入', null, null],
          [HEAD_B, '2025-08-05', '队乙', '走访二', 6100, null],
        ]),
      );
      expect(first.status).toMatchObject({ status: 'ready', valid: 6, toInsert: 6 });
      const mark = await lastAudit();
      expect((await commitAndWait(town, first.status.id, 'all-or-nothing')).status).toMatchObject({ status: 'committed', inserted: 6 });
      expect(await household(a)).toEqual({ last: '2025-08-20', income: '9000.00', year: 2025 });
      expect(await household(b)).toEqual({ last: '2025-08-05', income: '6100.00', year: bBefore.year });
      const made = await entries(mark);
      expect(made.map((e) => e.action)).toEqual(['create', 'create', 'create', 'create', 'create', 'create', 'import']);
      const creates = made.slice(0, 6);
      const visits = await q<{ id: number; findings: string }>('select id, findings from monitoring_visits where id > $1 order by id', [
        screen.json().id,
      ]);
      expect(visits.map((v) => v.findings)).toEqual(['较早的走访', '收入核实', '走访一', '次新的走访', '最新，无收入', '走访二']);
      expect(creates.map((e) => e.entity_id)).toEqual(visits.map((v) => String(v.id)));
      expect(creates.map((e) => e.after.reconciled)).toEqual([
        [{ kind: 'incomeNotApplied', id: null, params: { lastVisitOn: '2025-08-10' } }],
        [],
        [],
        [{ kind: 'incomeNotApplied', id: null, params: { lastVisitOn: '2025-08-15' } }],
        [],
        [],
      ]);
      // the same entry as the screen's: every field, of the same kind (amounts as text, the time in ISO)
      const kinds = (o: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v]));
      expect(kinds(creates[1].after)).toEqual(kinds(screenEntry.after));
      expect(creates[1].after).toMatchObject({
        householdId: a,
        visitedOn: '2025-08-15',
        visitors: '队甲',
        incomePerHead: '9000.00',
        incomeYear: 2025,
        riskChanges: screenEntry.after.riskChanges,
        gps: null,
        createdBy: screenEntry.after.createdBy,
      });
      expect(String(creates[1].after.createdAt)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

      // two corrections, new visits of A in the first two slices, and B's in the third — B closed after the check
      const rows = [
        VISITS,
        [HEAD_A, '2025-08-01', '队甲', '较早的走访（更正）', 8000, 2025],
        [HEAD_A, '2025-08-15', '队甲', '收入核实', 9100, 2025],
        [HEAD_A, '2025-08-25', '队甲', '新走访一', 9900, 2025],
        [HEAD_A, '2025-08-26', '队甲', '新走访二', null, null],
        [HEAD_A, '2025-08-27', '队甲', '新走访三', null, null],
        [HEAD_A, '2025-08-20', '队甲', '最新，无收入', null, null],
        [HEAD_A, '2025-08-28', '队甲', '新走访四', null, null],
        [HEAD_A, '2025-07-01', '队甲', '补录的旧走访', 5000, 2025],
        [HEAD_B, '2025-08-06', '队乙', '走访三', null, null],
        [HEAD_B, '2025-08-07', '队乙', '走访四', null, null],
      ];
      const file = await xlsx(rows);
      const { status } = await uploadAndCheck(town, 'monitoring-visits', 'v2.xlsx', file);
      expect(status).toMatchObject({ status: 'ready', valid: 10, toInsert: 7, toUpdate: 2, unchanged: 1 });
      const bMembers = `household_id = ${b}`;
      await q(`update monitoring_members set active = false, left_reason = 'household_closed' where ${bMembers}`);
      const before = await snapshot();
      applyHooks.afterSlice = (s) => {
        applied.push(s);
      };
      const { status: failed } = await commitAndWait(town, status.id, 'all-or-nothing');
      expect(failed).toMatchObject({ status: 'ready', error: { code: 'CONFLICT' } });
      expect(applied.map((s) => [s.from, s.to])).toEqual([
        [2, 5],
        [6, 9],
      ]);
      expect(await snapshot()).toEqual(before);
      expect(await q('select * from ledger_import_rows')).toEqual([]);

      await q(`update monitoring_members set active = true, left_reason = null where ${bMembers}`);
      const again = await uploadAndCheck(town, 'monitoring-visits', 'v2.xlsx', file);
      const mark2 = await lastAudit();
      const { status: done } = await commitAndWait(town, again.status.id, 'all-or-nothing');
      expect(done).toMatchObject({ status: 'committed', inserted: 7, updated: 2, unchanged: 1 });
      expect(await household(a)).toEqual({ last: '2025-08-28', income: '9900.00', year: 2025 });
      expect(await household(b)).toEqual({ last: '2025-08-07', income: '6100.00', year: bBefore.year });
      const later = await entries(mark2);
      expect(later.map((e) => e.action)).toEqual(['update', 'update', ...Array(7).fill('create'), 'import']);
      const corrected = visits[0].id;
      expect(later[0]).toMatchObject({
        entity_id: String(corrected),
        before: {
          headIdNumber: '[redacted]',
          visitedOn: '2025-08-01',
          visitors: '队甲',
          findings: '较早的走访',
          incomePerHead: '8000.00',
          incomeYear: 2025,
          id: corrected,
        },
        after: { id: corrected, findings: '较早的走访（更正）', incomePerHead: '8000.00', householdId: a },
      });
      expect(later[1].after).toMatchObject({ id: visits[1].id, incomePerHead: '9100.00' });
      // the old visit (row 9, the fifth new one) is recorded with its income, not applying it
      expect(later[6].after.reconciled).toEqual([{ kind: 'incomeNotApplied', id: null, params: { lastVisitOn: '2025-08-28' } }]);
      expect(await q('select * from ledger_import_undo')).toEqual([]);
    },
  );
  slicing(
    'measure ledger: written as addMeasure writes a measure (an entry each); a later slice fails → undone exactly; then commits in full',
    async () => {
      const householdOf = async (head: string) =>
        (
          await q<{ id: number }>(`select household_id as id from monitoring_members where id_hash = $1 and relation = 'head' and active`, [
            t.services.cipher.hash(head),
          ])
        )[0].id;
      const [a, b] = [await householdOf(HEAD_A), await householdOf(HEAD_B)];
      const screen = await town.post(`/api/monitoring/households/${a}/measures`, {
        kind: 'education',
        description: '屏幕录入',
        amount: 3000,
        startOn: '2025-07-20',
      });
      expect(screen.statusCode, screen.body).toBe(200);
      const entries = (afterId: number) =>
        q<{ id: number; action: string; entity_id: string; before: Record<string, unknown> | null; after: Record<string, unknown> }>(
          `select id, action, entity_id, before, after from audit_log where entity = 'monitoring_measure' and id > $1 order by id`,
          [afterId],
        );
      const [screenEntry] = (await entries(0)).filter((e) => e.entity_id === String(screen.json().id));
      const lastAudit = async () => (await q<{ id: number }>('select max(id)::int as id from audit_log'))[0].id;
      const m = (head: string, description: string, amount: number | null, startOn: string, endOn: string | null = null) => [
        head,
        '教育帮扶/雨露计划',
        description,
        amount,
        startOn,
        endOn,
      ];

      const first = await uploadAndCheck(
        town,
        'monitoring-measures',
        'm1.xlsx',
        await xlsx([
          MEASURES,
          m(HEAD_A, '助学补助', 3000, '2025-07-21'),
          m(HEAD_A, '技能培训', null, '2025-07-22', '2025-12-31'),
          m(HEAD_B, '助学补助', 2000, '2025-07-21'),
          m(HEAD_A, '交通补助', 500, '2025-07-23'),
          m(HEAD_B, '技能培训', null, '2025-07-22'),
        ]),
      );
      expect(first.status).toMatchObject({ status: 'ready', valid: 5, toInsert: 5 });
      const mark = await lastAudit();
      expect((await commitAndWait(town, first.status.id, 'all-or-nothing')).status).toMatchObject({ status: 'committed', inserted: 5 });
      const measures = await q<{ id: number; description: string; household_id: number }>(
        'select id, description, household_id from monitoring_measures where id > $1 order by id',
        [screen.json().id],
      );
      expect(measures.map((x) => [x.household_id, x.description])).toEqual([
        [a, '助学补助'],
        [a, '技能培训'],
        [b, '助学补助'],
        [a, '交通补助'],
        [b, '技能培训'],
      ]);
      const made = await entries(mark);
      expect(made.map((e) => e.action)).toEqual(['create', 'create', 'create', 'create', 'create', 'import']);
      expect(made.slice(0, 5).map((e) => e.entity_id)).toEqual(measures.map((x) => String(x.id)));
      // the same entry as the screen's, field for field
      const { id: _i, description: _d, startOn: _s, ...same } = screenEntry.after;
      expect(made[0].after).toEqual({ ...same, id: measures[0].id, description: '助学补助', startOn: '2025-07-21' });

      // two corrections and new measures of A in the first two slices, B's in the third — B closed after the check
      const file = await xlsx([
        MEASURES,
        m(HEAD_A, '助学补助', 3500, '2025-07-21'),
        m(HEAD_A, '技能培训', null, '2025-07-22', '2026-06-30'),
        m(HEAD_A, '新措施一', 100, '2025-08-01'),
        m(HEAD_A, '新措施二', null, '2025-08-02'),
        m(HEAD_A, '交通补助', 500, '2025-07-23'),
        m(HEAD_A, '新措施三', 300, '2025-08-03'),
        m(HEAD_A, '新措施四', null, '2025-08-04'),
        m(HEAD_A, '新措施五', null, '2025-08-05'),
        m(HEAD_B, '新措施一', 100, '2025-08-01'),
      ]);
      const { status } = await uploadAndCheck(town, 'monitoring-measures', 'm2.xlsx', file);
      expect(status).toMatchObject({ status: 'ready', valid: 9, toInsert: 6, toUpdate: 2, unchanged: 1 });
      const bMembers = `household_id = ${b}`;
      await q(`update monitoring_members set active = false, left_reason = 'household_closed' where ${bMembers}`);
      const before = await snapshot();
      applyHooks.afterSlice = (s) => {
        applied.push(s);
      };
      const { status: failed } = await commitAndWait(town, status.id, 'all-or-nothing');
      expect(failed).toMatchObject({ status: 'ready', error: { code: 'CONFLICT' } });
      expect(applied.map((s) => [s.from, s.to])).toEqual([
        [2, 5],
        [6, 9],
      ]);
      expect(await snapshot()).toEqual(before);
      expect(await q('select * from ledger_import_rows')).toEqual([]);

      await q(`update monitoring_members set active = true, left_reason = null where ${bMembers}`);
      const again = await uploadAndCheck(town, 'monitoring-measures', 'm2.xlsx', file);
      const mark2 = await lastAudit();
      const { status: done } = await commitAndWait(town, again.status.id, 'all-or-nothing');
      expect(done).toMatchObject({ status: 'committed', inserted: 6, updated: 2, unchanged: 1 });
      const later = await entries(mark2);
      expect(later.map((e) => e.action)).toEqual(['update', 'update', ...Array(6).fill('create'), 'import']);
      expect(later[0]).toMatchObject({
        entity_id: String(measures[0].id),
        before: {
          headIdNumber: '[redacted]',
          kind: 'education',
          description: '助学补助',
          amount: '3000.00',
          startOn: '2025-07-21',
          endOn: null,
          providerTeamId: null,
          id: measures[0].id,
        },
        after: { ...same, id: measures[0].id, description: '助学补助', startOn: '2025-07-21', amount: '3500.00' },
      });
      expect(later[1].after).toMatchObject({ id: measures[1].id, endOn: '2026-06-30', amount: null });
      expect(await q('select count(*)::int as n from monitoring_measures where household_id = $1', [a])).toEqual([{ n: 9 }]);
      expect(await q('select * from ledger_import_undo')).toEqual([]);
    },
  );
  it('a visit dated after today is refused at the dry run, under its cell', async () => {
    const rows = [VISITS, [HEAD_A, '2025-09-01', '队甲', '本月走访', null, null], [HEAD_A, '2099-01-01', '队甲', '日期写错了', null, null]];
    const { status } = await uploadAndCheck(town, 'monitoring-visits', 'x.xlsx', await xlsx(rows));
    expect(status).toMatchObject({ valid: 1, rejected: 1 });
    expect(status.problems[0].message).toMatch(/^第3行 B列〔\*?走访日期〕：走访日期不能晚于今天$/);
  });
  it('the measure ledger: what addMeasure refuses still fails the commit the same way, nothing written', async () => {
    // the stored error carries each detail as its path and translated message
    const cases: [string, unknown[][], { path: string; message: string }][] = [
      [
        'monitoring-measures',
        [MEASURES, [HEAD_A, '教育帮扶/雨露计划', '结束早于开始', 100, '2025-09-10', '2025-09-01']],
        { path: 'body.endOn', message: expect.stringContaining('2025-09-10') },
      ],
    ];
    for (const [key, rows, detail] of cases) {
      const { status } = await uploadAndCheck(town, key, 'x.xlsx', await xlsx(rows));
      expect(status).toMatchObject({ status: 'ready', toInsert: rows.length - 1 });
      const before = await snapshot();
      const { status: failed } = await commitAndWait(town, status.id, 'all-or-nothing');
      expect(failed, JSON.stringify(failed.error)).toMatchObject({ status: 'ready', error: { code: 'VALIDATION', details: [detail] } });
      expect(await snapshot()).toEqual(before);
    }
  });
});
