// The places and teams the social tests share, written straight into the registry's and teams' tables (as
// those modules would): 荔湾区 ↔ 梅县区 with the 畲江 and 丙村 town teams, 四会 ↔ 富川.

import type { Database } from '../../../platform/db/client';
import { createTestApp, type TestApp } from '../../../testing/app';

async function insertDivisions(db: Database, rows: [code: string, name: string, level: string, parent: string | null][]) {
  for (const [code, name, level, parent] of rows)
    await db.query('insert into divisions (code, name, level, parent_code) values ($1, $2, $3, $4) on conflict do nothing', [
      code,
      name,
      level,
      parent,
    ]);
}

async function insertTeam(db: Database, name: string, kind: string, divisionCode: string, parentId: number | null): Promise<number> {
  const [r] = await db.query<{ id: number }>(
    `insert into teams (name, kind, division_code, parent_id, start_date) values ($1, $2, $3, $4, '2024-01-01') returning id`,
    [name, kind, divisionCode, parentId],
  );
  return r.id;
}

export const MEIXIAN = '441403000000';
export const SHEJIANG = '441403107000';
export const BINGCUN = '441403113000';
export const NANKOU = '441403106000';
export const FUCHUAN = '451123000000';

export async function socialTestApp(): Promise<{ t: TestApp; ids: Record<string, number> }> {
  const t = await createTestApp();
  const db = t.services.database;
  await insertDivisions(db, [
    ['440000000000', '广东省', 'province', null],
    ['440100000000', '广州市', 'city', '440000000000'],
    ['440103000000', '荔湾区', 'county', '440100000000'],
    ['441400000000', '梅州市', 'city', '440000000000'],
    [MEIXIAN, '梅县区', 'county', '441400000000'],
    [SHEJIANG, '畲江镇', 'town', MEIXIAN],
    [BINGCUN, '丙村镇', 'town', MEIXIAN],
    [NANKOU, '南口镇', 'town', MEIXIAN],
    ['441403107001', '畲江村', 'village', SHEJIANG],
    ['450000000000', '广西壮族自治区', 'province', null],
    ['451100000000', '贺州市', 'city', '450000000000'],
    [FUCHUAN, '富川瑶族自治县', 'county', '451100000000'],
  ]);
  const ids: Record<string, number> = {};
  ids.lw = await insertTeam(db, '荔湾区派驻梅县区驻镇帮扶工作组', 'group', MEIXIAN, null);
  ids.shejiang = await insertTeam(db, '荔湾驻畲江镇帮扶工作队', 'team', SHEJIANG, ids.lw);
  ids.bingcun = await insertTeam(db, '荔湾驻丙村镇帮扶工作队', 'team', BINGCUN, ids.lw);
  ids.nankou = await insertTeam(db, '荔湾驻南口镇帮扶工作队', 'team', NANKOU, ids.lw);
  ids.sh = await insertTeam(db, '肇庆四会市驻富川瑶族自治县工作组', 'group', FUCHUAN, null);
  return { t, ids };
}
