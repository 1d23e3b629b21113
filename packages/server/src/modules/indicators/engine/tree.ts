// The two roll-up trees. Divisions: the tree as of a date (division_versions hold earlier parents), so
// last year's figures roll up last year's tree; where the registry does not know a code, its prefix is
// its ancestry. Teams: the current parent chain.
import { DIVISION_LEVEL_DIGITS, divisionLevel, divisionPrefix } from '@xiezuo/shared/codes/division';
/** Runs one SQL statement (inside the refresher's transaction) and returns its rows. */
export type Query = <T = Record<string, unknown>>(text: string) => Promise<T[]>;

interface Version {
  parent: string | null;
  from: string | null;
  to: string;
}

export interface Trees {
  divisionAncestors(code: string, asOf: string): string[]; // node keys, the code's own first
  teamAncestors(teamId: number): string[]; // node keys, the team's own first
  stations: Map<string, number>; // division code → the team stationed there (a team before a group before an HQ)
  /** The nodes a leaf (slice, team) adds up into in indicator_rollups: every ancestor above the leaf level.
   *  Towns and teams without sub-teams are read straight from indicator_leaves (see dashboard readValues). */
  rollupNodes(slice: string, teamId: number, asOf: string): string[];
}

/** The prefix-derived parent: town → county → city → province → none. */
export function prefixParent(code: string): string | null {
  const level = divisionLevel(code);
  const up = { village: 'town', town: 'county', county: 'city', city: 'province', province: null } as const;
  const parent = up[level];
  if (!parent) return null;
  return code.slice(0, DIVISION_LEVEL_DIGITS[parent]).padEnd(12, '0');
}

async function tableExists(q: Query, table: string): Promise<boolean> {
  const rows = await q<{ n: number }>(
    `select count(*)::int as n from information_schema.tables where table_schema = current_schema() and table_name = '${table}'`,
  );
  return rows[0].n > 0;
}

export async function loadTrees(q: Query): Promise<Trees> {
  const current = new Map<string, { parent: string | null; since: string | null }>();
  const versions = new Map<string, Version[]>();
  if (await tableExists(q, 'divisions')) {
    const rows = await q<{ code: string; parent_code: string | null; since: string | null }>(
      `select code, parent_code, since::text as since from divisions where level <> 'village'`,
    );
    for (const r of rows) current.set(r.code, { parent: r.parent_code, since: r.since });
    if (await tableExists(q, 'division_versions')) {
      const vs = await q<{ code: string; parent_code: string | null; valid_from: string | null; valid_to: string }>(
        `select code, parent_code, valid_from::text as valid_from, valid_to::text as valid_to from division_versions`,
      );
      for (const v of vs) {
        const list = versions.get(v.code) ?? [];
        list.push({ parent: v.parent_code, from: v.valid_from, to: v.valid_to });
        versions.set(v.code, list);
      }
    }
  }
  const teams = await q<{ id: number; parent_id: number | null; division_code: string; kind: string }>(
    `select id, parent_id, division_code, kind from teams order by id`,
  );
  const teamParent = new Map(teams.map((t) => [t.id, t.parent_id]));
  const parents = new Set(teams.map((t) => t.parent_id).filter((x): x is number => x != null));
  const rank = (kind: string) => (kind === 'team' ? 0 : kind === 'group' ? 1 : 2);
  const stations = new Map<string, number>();
  const stationRank = new Map<string, number>();
  for (const t of teams) {
    const r = rank(t.kind);
    if (!stations.has(t.division_code) || r < (stationRank.get(t.division_code) ?? 9)) {
      stations.set(t.division_code, t.id);
      stationRank.set(t.division_code, r);
    }
  }

  const parentAsOf = (code: string, day: string): string | null => {
    const v = versions.get(code)?.find((x) => (x.from === null || x.from <= day) && x.to > day);
    if (v) return v.parent;
    const c = current.get(code);
    if (c) return c.parent;
    return prefixParent(code);
  };
  const divCache = new Map<string, string[]>();
  const trees: Trees = {
    stations,
    rollupNodes(slice, teamId, asOf) {
      const divisions = trees.divisionAncestors(slice, asOf).filter((n) => n.length < 11); // not towns
      const team = teamId ? trees.teamAncestors(teamId) : [];
      return ['all', ...divisions, ...(team.length && !parents.has(teamId) ? team.slice(1) : team)];
    },
    divisionAncestors(code, asOf) {
      const key = `${code}@${asOf}`;
      const hit = divCache.get(key);
      if (hit) return hit;
      const out: string[] = [];
      let c: string | null = code;
      for (let i = 0; c && i < 6; i++) {
        out.push(`d:${divisionPrefix(c)}`);
        c = parentAsOf(c, asOf);
      }
      divCache.set(key, out);
      return out;
    },
    teamAncestors(teamId) {
      const out: string[] = [];
      let t: number | null | undefined = teamId;
      for (let i = 0; t && i < 10; i++) {
        out.push(`t:${t}`);
        t = teamParent.get(t);
      }
      return out;
    },
  };
  return trees;
}

/** The day whose tree a year's figures roll up: the year's last day, or today for the running year. */
export function treeDay(year: number, today: string): string {
  const end = `${year}-12-31`;
  return end < today ? end : today;
}
