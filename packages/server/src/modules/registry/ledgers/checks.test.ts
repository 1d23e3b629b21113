// The registry ledgers' checks, on records made by the test builders (no demo data): validate is
// synchronous and reads nothing, the database checks take one query per batch, and the dry run
// refuses what the commit would (a party paired with itself, a period overlapping the same pairing).
import { creditCodeCheckChar } from '@xiezuo/shared/codes/creditCode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../../platform/context';
import { systemCtx } from '../../../platform/ctx';
import type { Tx } from '../../../platform/db/client';
import { commitAndWait, uploadAndCheck, xlsx } from '../../../platform/ledgers/testing/helpers';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/app';
import { aPairing, aProgramme, aUnit, divisionSubtrees } from '../testing/builders';
import { pairingLedger } from './pairings';
import { unitLedger } from './units';

const SIHUI = '441284000000';
const FUCHUAN = '451123000000';
const MEIXIAN = '441403000000';
const BINGCUN = '441403113000';
const NOWHERE = '441403999000'; // well-formed, not a division

let t: TestApp;
let hq: TestClient;
let ctx: Ctx;
let stored: number; // 四会 → 富川, 2021–2025
const credit = (first17: string) => first17 + creditCodeCheckChar(first17);
beforeAll(async () => {
  t = await createTestApp();
  await divisionSubtrees(t.services, SIHUI, FUCHUAN, MEIXIAN);
  ctx = systemCtx(t.services);
  await aProgramme(t.services, { name: '粤桂协作（测试）' });
  await aUnit(t.services, { name: '四会中学（测试）', divisionCode: SIHUI, creditCode: credit('12441284MB0000011') });
  stored = (
    await aPairing(t.services, { helperDivisionCode: SIHUI, helpedDivisionCode: FUCHUAN, startDate: '2021-01-01', endDate: '2025-12-31' })
  ).id;
  hq = await t.userClient('hq_checks', 'hq', { all: true });
});
afterAll(() => t.close());

/** The context's database, counting the queries run through it. */
function counting(c: Ctx) {
  const counter = { queries: 0, ctx: c };
  const db = c.services.db;
  const tx = new Proxy(db, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        if (prop === 'execute' || prop === 'select') counter.queries++;
        return v.apply(target, args);
      };
    },
  }) as unknown as Tx;
  counter.ctx = { ...c, tx };
  return counter;
}

const pairingRow = (over: Record<string, unknown>) => ({
  type: 'county_county',
  programme: null,
  helperDivisionCode: SIHUI,
  helperUnit: null,
  helpedDivisionCode: FUCHUAN,
  helpedUnit: null,
  startDate: '2026-01-01',
  endDate: null,
  note: null,
  ...over,
});

describe('registry ledger checks', () => {
  it('validate is synchronous and reads nothing; validateBatch checks a whole batch in one query', async () => {
    const c = counting(ctx);
    const row = pairingRow({});
    expect(pairingLedger.validate!(row as never, c.ctx)).toEqual([]);
    expect(unitLedger.validate!({ name: 'x', kind: 'school', divisionCode: SIHUI, creditCode: null, note: null }, c.ctx)).toEqual([]);
    expect(c.queries).toBe(0);

    const rows = [
      ...Array.from({ length: 200 }, (_, i) => pairingRow({ helpedDivisionCode: i % 2 ? FUCHUAN : BINGCUN })),
      pairingRow({ helperDivisionCode: NOWHERE }),
      pairingRow({ helperUnit: '四会中学（测试）' }),
      pairingRow({ helpedUnit: '四会中学（测试）' }), // named in the wrong division
      pairingRow({ programme: '粤桂协作（测试）' }),
      pairingRow({ programme: '没有的项目' }),
      pairingRow({ startDate: '2025-06-01', endDate: '2025-12-31' }), // overlaps the stored pairing
      pairingRow({ startDate: '2021-01-01', endDate: '2025-12-31', note: '改' }), // the stored pairing itself: an update
      pairingRow({ startDate: '2026-03-01' }), // overlaps the rows above from 2026-01-01 (no end)
      pairingRow({ type: 'district_county', startDate: '2026-03-01' }), // another type: no overlap
    ];
    const problems = await pairingLedger.validateBatch!(rows as never[], c.ctx);
    expect(c.queries).toBe(1);
    expect(problems.slice(0, 200).every((p) => p.length === 0)).toBe(true);
    expect(problems.slice(200)).toEqual([
      [{ path: 'helperDivisionCode', key: 'registry.errors.divisionUnknown', params: { code: NOWHERE } }],
      [],
      [{ path: 'helpedUnit', key: 'registry.errors.unitUnknownByName', params: { name: '四会中学（测试）' } }],
      [],
      [{ path: 'programme', key: 'registry.errors.programmeUnknownByName', params: { name: '没有的项目' } }],
      [{ path: 'startDate', key: 'registry.errors.pairingOverlap', params: { id: stored } }],
      [],
      [{ path: 'startDate', key: 'registry.errors.pairingOverlapInFile' }],
      [],
    ]);

    const u = counting(ctx);
    const unitProblems = await unitLedger.validateBatch!(
      [
        { name: '四会中学（测试）', kind: 'school', divisionCode: SIHUI, creditCode: credit('12441284MB0000011'), note: null }, // itself: fine
        { name: '别的学校（测试）', kind: 'school', divisionCode: SIHUI, creditCode: credit('12441284MB0000011'), note: null },
        { name: '无区划学校（测试）', kind: 'school', divisionCode: NOWHERE, creditCode: null, note: null },
      ],
      u.ctx,
    );
    expect(u.queries).toBe(1);
    expect(unitProblems).toEqual([
      [],
      [{ path: 'creditCode', key: 'registry.errors.creditCodeTaken' }],
      [{ path: 'divisionCode', key: 'registry.errors.divisionUnknown', params: { code: NOWHERE } }],
    ]);
  });

  it('the dry run refuses what the commit would (a pairing of a party with itself included), and the valid rows commit', async () => {
    const file = await xlsx([
      ['结对类型', '协作项目', '帮扶方区划代码', '帮扶单位', '受帮扶方区划代码', '受帮扶单位', '开始日期', '结束日期', '备注'],
      ['县—县', '粤桂协作（测试）', SIHUI, null, BINGCUN, null, '2026-01-01', null, null],
      ['校—校', null, SIHUI, '四会中学（测试）', SIHUI, '四会中学（测试）', '2026-01-01', null, null],
      ['县—县', null, MEIXIAN, null, MEIXIAN, null, '2026-01-01', null, null],
      ['县—县', null, NOWHERE, null, FUCHUAN, null, '2026-01-01', null, null],
      ['县—县', null, SIHUI, null, FUCHUAN, null, '2025-06-01', null, null],
      ['县—县', null, SIHUI, null, BINGCUN, null, '2026-05-01', null, null],
    ]);
    const d = await uploadAndCheck(hq, 'pairings', '结对.xlsx', file);
    expect(d.status).toMatchObject({ status: 'ready', rowsRead: 6, valid: 1, rejected: 5 });
    expect(d.status.problems.map((p: { message: string }) => p.message)).toEqual([
      expect.stringMatching(/^第3行 E列〔受帮扶方区划代码〕：帮扶方和受帮扶方不能相同/),
      expect.stringMatching(/^第4行 E列〔受帮扶方区划代码〕：帮扶方和受帮扶方不能相同/),
      expect.stringMatching(/^第5行 C列〔帮扶方区划代码〕：行政区划代码 441403999000 不存在/),
      expect.stringMatching(new RegExp(`^第6行 G列〔开始日期〕：同一结对在该期间已存在（编号 ${stored}）`)),
      expect.stringMatching(/^第7行 G列〔开始日期〕：与文件中另一行的同一结对期间重叠/),
    ]);
    const done = await commitAndWait(hq, d.status.id, 'valid-rows');
    expect(done.status).toMatchObject({ status: 'committed' });
    const partners = (await hq.get(`/api/registry/pairings/partners?division=${BINGCUN}&asOf=2026-06-01`)).json();
    expect(partners.map((p: { partner: { label: string }; programmeName: string }) => `${p.partner.label}:${p.programmeName}`)).toEqual([
      '四会市:粤桂协作（测试）',
    ]);
  });
});
