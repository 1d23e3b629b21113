// Test fixtures written straight into the source tables (as the modules would), for the indicators tests.
import type { Database } from '../../../platform/db/client';

export const GANGPING = '441224109000'; // 怀集县岗坪镇
export const LENGGANG = '441224110000'; // a neighbouring town of 怀集县 (fixture)
export const HUAIJI = '441224000000';

export async function insertDivisions(db: Database, rows: [code: string, name: string, level: string, parent: string | null][]) {
  for (const [code, name, level, parent] of rows) {
    await db.query(`insert into divisions (code, name, level, parent_code) values ($1, $2, $3, $4) on conflict do nothing`, [
      code,
      name,
      level,
      parent,
    ]);
  }
}

export async function baseDivisions(db: Database) {
  await insertDivisions(db, [
    ['440000000000', '广东省', 'province', null],
    ['441200000000', '肇庆市', 'city', '440000000000'],
    [HUAIJI, '怀集县', 'county', '441200000000'],
    [GANGPING, '岗坪镇', 'town', HUAIJI],
    [LENGGANG, '冷坑镇', 'town', HUAIJI],
    ['440600000000', '佛山市', 'city', '440000000000'],
    ['440606000000', '顺德区', 'county', '440600000000'],
  ]);
}

export async function insertTeam(db: Database, name: string, kind: string, divisionCode: string, parentId: number | null): Promise<number> {
  const [r] = await db.query<{ id: number }>(
    `insert into teams (name, kind, division_code, parent_id, start_date) values ($1, $2, $3, $4, '2024-01-01') returning id`,
    [name, kind, divisionCode, parentId],
  );
  return r.id;
}

/** A monitored household with `persons` active members; returns its id. */
export async function insertHousehold(
  db: Database,
  village: string,
  persons: number,
  opts: { identifiedOn?: string; category?: string; lifted?: boolean; eliminatedOn?: string | null } = {},
): Promise<number> {
  const [h] = await db.query<{ id: number }>(
    `insert into monitoring_households (division_code, head_name, entry_door, category, is_lifted, status, identified_on, eliminated_on)
     values ($1, '户主', 'cadre_check', $2, $3, 'monitored', $4, $5) returning id`,
    [village, opts.category ?? 'unstable', opts.lifted ?? false, opts.identifiedOn ?? '2025-03-01', opts.eliminatedOn ?? null],
  );
  for (let i = 0; i < persons; i++) {
    await db.query(
      `insert into monitoring_members (household_id, name, relation, gender, birth_date, id_cipher, id_hash, id_masked, health_cipher, schooling, work)
       values ($1, '成员', 'self', 'female', '1980-01-01', 'x', $2, 'x', 'x', 'none', 'none')`,
      [h.id, `${h.id}-${i}-${Math.random()}`],
    );
  }
  return h.id;
}

export async function insertVisit(db: Database, householdId: number, day: string): Promise<number> {
  const [v] = await db.query<{ id: number }>(
    `insert into monitoring_visits (household_id, visited_on, visitors, findings) values ($1, $2, '工作队', '正常') returning id`,
    [householdId, day],
  );
  return v.id;
}

/** The seed's 岗坪镇 case: 13 villages, 42 households, 121 persons, all visited in July 2026 (some twice). */
export async function gangpingVisits(db: Database): Promise<number[]> {
  const villages = Array.from({ length: 13 }, (_, i) => `441224109${String(i + 1).padStart(3, '0')}`);
  await insertDivisions(
    db,
    villages.map((v, i) => [v, `村${i + 1}`, 'village', GANGPING] as [string, string, string, string]),
  );
  const ids: number[] = [];
  // 42 households: 37 of 3 persons and 5 of 2 persons = 111 + 10 = 121
  for (let i = 0; i < 42; i++) {
    const id = await insertHousehold(db, villages[i % 13], i < 37 ? 3 : 2, { lifted: i < 20 });
    ids.push(id);
    await insertVisit(db, id, `2026-07-${String(10 + (i % 15)).padStart(2, '0')}`);
    if (i < 8) await insertVisit(db, id, '2026-08-02'); // second visits: person-times, not new households
  }
  return ids;
}
