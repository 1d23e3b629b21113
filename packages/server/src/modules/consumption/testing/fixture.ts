// The fixture the consumption tests share: a test app with the divisions and teams the demo names (inserted
// directly: the full division tree is not needed), the module's demo data (demoData.ts: the figures the tests
// assert come from there), and the users the tests sign in as.
import type { Database } from '../../../platform/db/client';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/app';
import { seedConsumptionDemo } from '../demo';

const DIVISIONS: [code: string, name: string, level: string, parent: string | null][] = [
  ['440000000000', '广东省', 'province', null],
  ['440100000000', '广州市', 'city', '440000000000'],
  ['440103000000', '荔湾区', 'county', '440100000000'],
  ['441200000000', '肇庆市', 'city', '440000000000'],
  ['441224000000', '怀集县', 'county', '441200000000'],
  ['441284000000', '四会市', 'county', '441200000000'],
  ['441400000000', '梅州市', 'city', '440000000000'],
  ['441403000000', '梅县区', 'county', '441400000000'],
  ['441403113000', '丙村镇', 'town', '441403000000'],
  ['441403116000', '松源镇', 'town', '441403000000'],
  ['441403106000', '南口镇', 'town', '441403000000'],
  ['442000000000', '中山市', 'city', '440000000000'],
  ['450000000000', '广西壮族自治区', 'province', null],
  ['451100000000', '贺州市', 'city', '450000000000'],
  ['451123000000', '富川瑶族自治县', 'county', '451100000000'],
  ['520000000000', '贵州省', 'province', null],
  ['520200000000', '六盘水市', 'city', '520000000000'],
  ['520203000000', '六枝特区', 'county', '520200000000'],
  ['520204000000', '水城区', 'county', '520200000000'],
  ['520281000000', '盘州市', 'county', '520200000000'],
];

/** [key, name, kind, station, parent key] — the teams the demo records its sales under. */
const TEAMS: [string, string, string, string, string | null][] = [
  ['zs', '中山市对口协作六盘水市工作队', 'hq', '520200000000', null],
  ['zs-shuicheng', '中山驻水城区工作组', 'group', '520204000000', 'zs'],
  ['lw', '荔湾区派驻梅县区驻镇帮扶工作组', 'group', '441403000000', null],
  ['lw-bingcun', '荔湾驻丙村镇帮扶工作队', 'team', '441403113000', 'lw'],
  ['sh', '肇庆四会市驻富川瑶族自治县工作组', 'group', '451123000000', null],
];

async function insertBase(db: Database) {
  for (const [code, name, level, parent] of DIVISIONS)
    await db.query('insert into divisions (code, name, level, parent_code) values ($1, $2, $3, $4) on conflict do nothing', [
      code,
      name,
      level,
      parent,
    ]);
  const ids = new Map<string, number>();
  for (const [key, name, kind, station, parent] of TEAMS) {
    const [r] = await db.query<{ id: number }>(
      `insert into teams (name, kind, division_code, parent_id, start_date) values ($1, $2, $3, $4, '2021-05-01') returning id`,
      [name, kind, station, parent ? ids.get(parent) : null],
    );
    ids.set(key, r.id);
  }
  return ids;
}

export interface ConsumptionTestApp {
  t: TestApp;
  teams: Map<string, number>;
  hq: TestClient;
}

/** A test app holding the consumption demo (dated from XZ_TODAY) and an HQ client. */
export async function consumptionTestApp(): Promise<ConsumptionTestApp> {
  const t = await createTestApp();
  const teams = await insertBase(t.services.database);
  await seedConsumptionDemo(t.services);
  const hq = await t.userClient('hq_c', 'hq', { all: true });
  return { t, teams, hq };
}
