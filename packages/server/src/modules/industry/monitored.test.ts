// 其中监测对象 of the jobs in a workshop, computed from the workers' ID hashes and monitoring's monitored_persons
// (the active members of households under monitoring) beside 其中脱贫人口 from lifted_persons — and a member joining a
// monitored household re-counts the figure through the person-view triggers, without a rebuild.
import { idNumberCheckChar, maskIdNumber } from '@xiezuo/shared/codes/idNumber';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../platform/ctx';
import { createTestApp, type TestApp } from '../../testing/app';
import { readValues } from '../indicators/dashboard';
import { refresherOf } from '../indicators/service';
import { saveRosterPerson } from '../labour';
import { createWorker } from './workers';
import { createWorkshop } from './workshops';

const VILLAGE = '441224109202';
let t: TestApp;
let household: number;
let workshopId: number;
let seq = 300;
const idNumber = () => {
  const first17 = `441224199003${String(10 + (seq % 18)).padStart(2, '0')}${String(seq++).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};
const [monitored, lifted, neither, joiner] = [idNumber(), idNumber(), idNumber(), idNumber()];

async function value(breakdown = ''): Promise<number> {
  const values = await readValues(t.services.database, ['d:441224'], ['M2026-11']);
  return values.get('d:441224')?.get('M2026-11')?.get(`industry.workshopJobs|${breakdown}`) ?? 0;
}

async function addMember(id: string) {
  const c = t.services.cipher;
  await t.services.database.query(
    `insert into monitoring_members (household_id, name, relation, gender, birth_date, id_cipher, id_hash, id_masked, health_cipher, schooling, work)
     values ($1, '成员', 'child', 'female', '1990-03-01', $2, $3, $4, $5, 'not_in_school', 'local')`,
    [household, c.encrypt(id), c.hash(id), maskIdNumber(id), c.encrypt('{}')],
  );
}

beforeAll(async () => {
  process.env.XZ_TODAY = '2026-11-23';
  t = await createTestApp();
  const rows: [string, string, string, string | null][] = [
    ['440000000000', '广东省', 'province', null],
    ['441200000000', '肇庆市', 'city', '440000000000'],
    ['441224000000', '怀集县', 'county', '441200000000'],
    ['441224109000', '岗坪镇', 'town', '441224000000'],
    [VILLAGE, '兴义村委会', 'village', '441224109000'],
  ];
  for (const r of rows)
    await t.services.database.query(`insert into divisions (code, name, level, parent_code) values ($1, $2, $3, $4)`, r);
  const ctx = systemCtx(t.services);
  workshopId = await createWorkshop(ctx, { name: '兴义帮扶车间', divisionCode: VILLAGE, recognizedOn: '2026-01-05', status: 'operating' });
  for (const [name, id] of [
    ['甲', monitored],
    ['乙', lifted],
    ['丙', neither],
    ['丁', joiner],
  ] as const)
    await createWorker(ctx, { workshopId, name: `务工${name}`, idNumber: id, homeDivisionCode: VILLAGE, startDate: '2026-03-01' });
  await saveRosterPerson(ctx, { name: '务工乙', idNumber: lifted, divisionCode: VILLAGE, liftedYear: 2019 });
  // a household under monitoring with 甲; an eliminated one with 丙 (no longer monitored), and 丙 is not lifted either
  const [h] = await t.services.database.query<{ id: number }>(
    `insert into monitoring_households (division_code, head_name, entry_door, category, is_lifted, status)
     values ($1, '务工甲', 'cadre_check', 'marginal', false, 'monitored') returning id`,
    [VILLAGE],
  );
  const [gone] = await t.services.database.query<{ id: number }>(
    `insert into monitoring_households (division_code, head_name, entry_door, category, is_lifted, status)
     values ($1, '务工丙', 'cadre_check', 'marginal', false, 'eliminated') returning id`,
    [VILLAGE],
  );
  household = gone.id;
  await addMember(neither);
  household = h.id;
  await addMember(monitored);
  await refresherOf(t.services).runOnce();
}, 120_000);
afterAll(() => t.close());

describe('industry jobs: 其中监测对象 beside 其中脱贫人口', () => {
  it('a workshop of 4 (one in a monitored household, one lifted only, one in an eliminated household, one neither): 1 and 1', async () => {
    expect(await value()).toBe(4);
    expect(await value('tuopin')).toBe(1);
    expect(await value('monitored')).toBe(1);
  });

  it('a member joining the monitored household raises 其中监测对象 at the next incremental refresh', async () => {
    await addMember(joiner);
    const [queued] = await t.services.database.query<{ n: number }>(
      `select count(*)::int as n from indicator_dirty where source = 'industry.jobs'`,
    );
    expect(queued.n).toBeGreaterThan(0); // queued by the person-view trigger, not a rebuild
    await refresherOf(t.services).runOnce();
    expect(await value('monitored')).toBe(2);
    expect(await value('tuopin')).toBe(1);
    expect(await value()).toBe(4);
  });

  it('the household leaving monitoring takes its members out again', async () => {
    await t.services.database.query(`update monitoring_households set status = 'eliminated' where id = $1`, [household]);
    await refresherOf(t.services).runOnce();
    expect(await value('monitored')).toBe(0);
    expect(await value('tuopin')).toBe(1);
  });
});
