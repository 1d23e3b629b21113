// The places, teams, programmes and pairings the assessment tests share, written straight into the registry's
// and teams' tables (as those modules would): 四会 → 富川 (东西部协作) and 荔湾 → 丙村/畲江/南口 (驻镇帮镇扶村).
import type { Database } from '../../../platform/db/client';
import { createTestApp, type TestApp } from '../../../testing/app';

export const SIHUI = '441284000000';
export const FUCHUAN = '451123000000';
export const FUYANG = '451123100000';
export const LIWAN = '440103000000';
export const MEIXIAN = '441403000000';
export const TOWNS = { bingcun: '441403113000', shejiang: '441403107000', nankou: '441403106000' } as const;

async function insertDivisions(db: Database, rows: [code: string, name: string, level: string, parent: string | null][]) {
  for (const [code, name, level, parent] of rows)
    await db.query('insert into divisions (code, name, level, parent_code) values ($1, $2, $3, $4) on conflict do nothing', [
      code,
      name,
      level,
      parent,
    ]);
}

export async function assessmentTestApp(): Promise<{ t: TestApp; ids: Record<string, number> }> {
  const t = await createTestApp();
  const db = t.services.database;
  await insertDivisions(db, [
    ['440000000000', '广东省', 'province', null],
    ['440100000000', '广州市', 'city', '440000000000'],
    [LIWAN, '荔湾区', 'county', '440100000000'],
    ['441200000000', '肇庆市', 'city', '440000000000'],
    [SIHUI, '四会市', 'county', '441200000000'],
    ['441400000000', '梅州市', 'city', '440000000000'],
    [MEIXIAN, '梅县区', 'county', '441400000000'],
    [TOWNS.bingcun, '丙村镇', 'town', MEIXIAN],
    [TOWNS.shejiang, '畲江镇', 'town', MEIXIAN],
    [TOWNS.nankou, '南口镇', 'town', MEIXIAN],
    ['450000000000', '广西壮族自治区', 'province', null],
    ['451100000000', '贺州市', 'city', '450000000000'],
    [FUCHUAN, '富川瑶族自治县', 'county', '451100000000'],
    [FUYANG, '富阳镇', 'town', FUCHUAN],
  ]);
  const one = async (q: string, p: unknown[]) => (await db.query<{ id: number }>(q, p))[0].id;
  const ids: Record<string, number> = {};
  ids.ew = await one(
    `insert into programmes (code, name, kind, start_date) values ('yue-gui', '粤桂东西部协作', 'east_west', '2021-01-01') returning id`,
    [],
  );
  ids.town = await one(
    `insert into programmes (code, name, kind, start_date) values ('zzbz', '驻镇帮镇扶村', 'town_assist', '2021-01-01') returning id`,
    [],
  );
  const pairing = (type: string, programme: number, helper: string, helped: string) =>
    one(
      `insert into pairings (type, programme_id, helper_division_code, helped_division_code, start_date) values ($1, $2, $3, $4, '2021-01-01') returning id`,
      [type, programme, helper, helped],
    );
  ids.sihuiFuchuan = await pairing('county_county', ids.ew, SIHUI, FUCHUAN);
  const team = (name: string, code: string, parent: number | null) =>
    one(`insert into teams (name, kind, division_code, parent_id, start_date) values ($1, $2, $3, $4, '2024-01-01') returning id`, [
      name,
      parent ? 'team' : 'group',
      code,
      parent,
    ]);
  ids.lw = await team('荔湾区派驻梅县区驻镇帮扶工作组', MEIXIAN, null);
  const names: Record<string, string> = { bingcun: '丙村镇', shejiang: '畲江镇', nankou: '南口镇' };
  for (const [key, code] of Object.entries(TOWNS)) {
    ids[key] = await team(`荔湾驻${names[key]}帮扶工作队`, code, ids.lw);
    ids[`${key}Pairing`] = await pairing('district_town', ids.town, LIWAN, code);
  }
  return { t, ids };
}
