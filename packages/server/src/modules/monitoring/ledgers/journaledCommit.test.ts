// A ledger that commits through write() — the one-sheet 监测对象信息表, which creates households, their members,
// steps and audit entries through the module's own code — is applied on PGlite in slices of short
// transactions (platform/ledgers/journal.ts), other requests served in between, and stays all or nothing: a
// row trigger journals every change a slice makes, audit entries wait in the journal, and a failure in a
// later slice, or a server stopped mid-commit and started again, leaves every table exactly as before. Slices
// of 30 persons here (LEDGER_APPLY_SLICE), so the town's 121 persons make five; a household's rows stay in one
// slice. On a PostgreSQL server the commit is one transaction (readers do not wait there): PGlite only.
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../platform/http/app';
import { type ApplySlice, applyHooks } from '../../../platform/ledgers/apply';
import { cutInSlices } from '../../../platform/ledgers/journal';
import { commitAndWait, commitStoppedAfterSlice, uploadAndCheck, waitFor } from '../../../platform/ledgers/testing/helpers';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/app';
import { modules } from '../../index';
import { GANGPING, insertVillages } from '../testing/builders';
import { rosterXlsx, TOWN_VILLAGES, townRoster } from '../testing/townRoster';

process.env.XZ_TODAY = '2025-10-08';

let t: TestApp;
let town: TestClient;
const KEY = 'monitoring-roster';
const q = <T = Record<string, unknown>>(text: string, params?: unknown[]) => t.services.database.query<T>(text, params);
/** Every table the roster writes, row by row, the audit log, and what the commit keeps on the side. */
const snapshot = async () => ({
  households: await q('select * from monitoring_households order by id'),
  members: await q('select * from monitoring_members order by id'),
  steps: await q('select * from monitoring_steps order by id'),
  risks: await q('select * from monitoring_risks order by id'),
  audit: await q('select id, action, entity, entity_id, before, after from audit_log order by id'),
  journal: await q('select * from ledger_import_undo'),
});
const applied: ApplySlice[] = [];

beforeAll(async () => {
  t = await createTestApp();
  t.services.config.ledgers.applySlice = 30;
  await insertVillages(t.services, TOWN_VILLAGES);
  town = await t.userClient('gpstaff', 'town_staff', { divisions: [GANGPING] });
}, 180_000);
afterEach(() => {
  applyHooks.afterSlice = undefined;
  applied.length = 0;
});
afterAll(() => t.close());

describe('cutting a batch into slices', () => {
  it('keeps a group whole, in the order groups first appear, and asks the size again for each slice', () => {
    const rows = ['a1', 'b1', 'a2', 'c1', 'c2', 'c3', 'b2', 'd1'];
    const sizes = [3, 1, 5];
    const slices = [
      ...cutInSlices(
        rows,
        () => sizes[0],
        (r) => r[0],
      ),
    ];
    expect(slices).toEqual([['a1', 'a2', 'b1', 'b2'], ['c1', 'c2', 'c3'], ['d1']]);
    let i = 0;
    expect([...cutInSlices(rows, () => sizes[Math.min(i++, 2)])].map((s) => s.length)).toEqual([3, 1, 4]);
  });
});

const slicing = (name: string, fn: () => Promise<void>) => it.skipIf(Boolean(process.env.TEST_DATABASE_URL))(name, fn, 180_000);

describe('a commit through write() applied in slices is all or nothing', () => {
  const roster = townRoster();

  slicing('a later slice fails → every row and audit entry of the slices before it is undone; the file then commits in full', async () => {
    const file = await rosterXlsx(roster);
    const { status } = await uploadAndCheck(town, KEY, '岗坪镇监测对象.xlsx', file);
    expect(status).toMatchObject({ status: 'ready', valid: 121, toInsert: 121 });
    const before = await snapshot();
    const seen: { households: number; wholeHouseholds: boolean; audited: number }[] = [];
    applyHooks.afterSlice = async (s) => {
      applied.push(s);
      // what another request sees between two slices: the slices so far committed, whole households only,
      // their audit entries not yet written
      const sizes = await q<{ n: number }>(
        'select count(*)::int as n from monitoring_members m join monitoring_households h on h.id = m.household_id group by h.id',
      );
      const expected = new Set(roster.map((h) => h.members.length));
      seen.push({
        households: sizes.length,
        wholeHouseholds: sizes.every((r) => expected.has(r.n)),
        audited: (await q('select id from audit_log')).length - before.audit.length,
      });
      if (s.index === 2) throw new Error('the third slice failed');
    };
    const { status: failed } = await commitAndWait(town, status.id, 'all-or-nothing');
    expect(failed).toMatchObject({ status: 'ready', error: { code: 'INTERNAL' } });
    expect(applied.map((s) => s.index)).toEqual([0, 1, 2]);
    expect(seen[0].households).toBeGreaterThan(0);
    expect(seen[2].households).toBeGreaterThan(seen[0].households);
    expect(seen.every((s) => s.wholeHouseholds && s.audited === 0)).toBe(true);
    expect(await snapshot()).toEqual(before);

    applyHooks.afterSlice = (s) => {
      applied.push(s);
    };
    const { status: done } = await commitAndWait(town, status.id, 'all-or-nothing');
    expect(done, JSON.stringify(done.error)).toMatchObject({ status: 'committed', inserted: 121 });
    expect(applied.length).toBeGreaterThanOrEqual(4);
    const after = await snapshot();
    expect(after.households.length).toBe(42);
    expect(after.members.length).toBe(121);
    expect(after.journal).toEqual([]);
    // the import's own entry, then the entries the slices held back, each once, in the order they were made
    const entries = after.audit.slice(before.audit.length) as { action: string; entity: string }[];
    expect(entries[0]).toMatchObject({ action: 'import' });
    expect(entries.filter((e) => e.action === 'import').length).toBe(1);
    expect(entries.filter((e) => e.entity === 'monitoring_household' && e.action === 'create').length).toBe(42);
  });

  slicing('the server stops mid-commit of corrections; at the next start the updates are put back as they were', async () => {
    // every household's income corrected: the commit updates rows the first test created
    const corrected = roster.map((h) => ({ ...h, incomeWritten: Number(h.income) + 100, income: (Number(h.income) + 100).toFixed(2) }));
    const { status } = await uploadAndCheck(town, KEY, '岗坪镇监测对象（更正收入）.xlsx', await rosterXlsx(corrected));
    expect(status).toMatchObject({ status: 'ready', toInsert: 0 });
    expect(status.toUpdate).toBeGreaterThan(30);
    const before = await snapshot();

    // the process "stops" after its second slice: nothing after that point runs until the test lets it fail
    const stopped = await commitStoppedAfterSlice(town, status.id, 1, applied);
    expect(stopped.res.statusCode).toBe(202);
    const incomes = async () => (await q<{ s: string }>('select sum(income_per_head)::text as s from monitoring_households'))[0].s;
    expect(await incomes()).not.toBe(before.households.reduce((a, h) => a + Number(h.income_per_head), 0).toFixed(2));
    expect((await q('select * from ledger_import_undo where op = $1', ['u'])).length).toBeGreaterThan(0);

    // a server started on this database (what `npm start` does after a crash) undoes them before serving
    const restarted = await buildApp(t.services, modules);
    await restarted.ready();
    await restarted.close();
    expect(await snapshot()).toEqual(before);
    expect((await waitFor(town, status.id, ['ready'])).status).toBe('ready');

    await stopped.release();
    expect(await snapshot()).toEqual(before);

    const { status: done } = await commitAndWait(town, status.id, 'all-or-nothing');
    expect(done, JSON.stringify(done.error)).toMatchObject({ status: 'committed', inserted: 0 });
    const sums = await q<{ n: number }>(
      'select count(*)::int as n from monitoring_households h where h.income_per_head = any($1::numeric[])',
      [corrected.map((h) => h.income)],
    );
    expect(sums[0].n).toBe(42);
    expect(await q('select * from ledger_import_undo')).toEqual([]);
  });

  slicing('监测户台账: a whole town’s income corrections run in the staged slices, journaled; a later slice fails → put back', async () => {
    // the clerk exports the town's households, writes this year's income into every row, and imports it
    const corrected = async () => {
      const exported = await town.get('/api/ledgers/monitoring-households/export');
      expect(exported.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(exported.rawPayload as never);
      const ws = wb.worksheets[0];
      let header = 0;
      let col = 0;
      ws.eachRow((row, n) =>
        row.eachCell((cell, c) => void (String(cell.value).replace(/^\*/, '') === '人均年纯收入' && ([header, col] = [n, c]))),
      );
      expect(col).toBeGreaterThan(0);
      ws.eachRow((row, n) => {
        if (n > header && row.getCell(col).value != null) row.getCell(col).value = 9_000 + n;
      });
      const { status } = await uploadAndCheck(
        town,
        'monitoring-households',
        '岗坪镇监测户（年度收入）.xlsx',
        Buffer.from(await wb.xlsx.writeBuffer()),
      );
      expect(status, JSON.stringify(status.problems.slice(0, 3))).toMatchObject({ status: 'ready', toInsert: 0, toUpdate: 42 });
      return status;
    };
    const status = await corrected();
    t.services.config.ledgers.applySlice = 10;
    const before = await snapshot();
    applyHooks.afterSlice = async (s) => {
      applied.push(s);
      if (s.index === 0) expect((await q(`select id from monitoring_households where income_per_head >= 9000`)).length).toBeGreaterThan(0);
      if (s.index === 2) throw new Error('the third slice failed');
    };
    const { status: failed } = await commitAndWait(town, status.id, 'all-or-nothing');
    expect(failed).toMatchObject({ status: 'ready', error: { code: 'INTERNAL' } });
    expect(applied.map((s) => s.index)).toEqual([0, 1, 2]);
    expect(await snapshot()).toEqual(before);

    applyHooks.afterSlice = undefined;
    // the rows put back are new versions of their records: the clerk exports again (the app says so) and commits
    const again = await corrected();
    const { status: done, res } = await commitAndWait(town, again.id, 'all-or-nothing');
    expect(done, res.body).toMatchObject({ status: 'committed', updated: 42 });
    expect((await q(`select id from monitoring_households where income_per_head >= 9000`)).length).toBe(42);
    const entries = (await snapshot()).audit.slice(before.audit.length) as { action: string; entity: string }[];
    expect(entries.filter((e) => e.entity === 'monitoring_household' && e.action === 'update').length).toBe(42);
    expect(await q('select * from ledger_import_undo')).toEqual([]);
    t.services.config.ledgers.applySlice = 30;
  });
});
