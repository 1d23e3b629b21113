// Nodes of the two roll-up trees (all, d:<prefix>, t:<id>): names, children, breadcrumbs and scope.
import { DIVISION_LEVEL_DIGITS, type DivisionLevel } from '@xiezuo/shared/codes/division';
import type { NodeRefT } from '@xiezuo/shared/contracts/indicators';
import type { Database } from '../../platform/db/client';
import { AppError } from '../../platform/http/errors';
import type { Scope } from '../../platform/scope';

const LEVEL_BY_DIGITS: Record<number, DivisionLevel> = { 2: 'province', 4: 'city', 6: 'county', 9: 'town', 12: 'village' };
const NEXT_DIGITS: Record<number, number | null> = { 0: 2, 2: 4, 4: 6, 6: 9, 9: 12, 12: null };

export const divisionCodeOf = (node: string) => node.slice(2).padEnd(12, '0');
export const teamIdOf = (node: string) => Number(node.slice(2));
export const levelOfNode = (node: string): DivisionLevel | null => (node.startsWith('d:') ? LEVEL_BY_DIGITS[node.length - 2] : null);

/** Whether the user may see a node: a division inside one of their subtrees, or one of their teams. */
export function nodeInScope(scope: Scope, node: string): boolean {
  if (scope.all) return true;
  if (node.startsWith('d:')) return scope.divisionPrefixes.some((p) => node.slice(2).startsWith(p));
  if (node.startsWith('t:')) return scope.teamIds.includes(teamIdOf(node));
  return false;
}

export function assertNodeInScope(scope: Scope, node: string) {
  if (!nodeInScope(scope, node)) throw new AppError('OUT_OF_SCOPE');
}

/** Where a user's dashboard opens: the top of their scope — everything (全部: the provinces below it) for
 *  scope all, else their first team, else their first division. */
export function defaultNode(scope: Scope): string {
  if (scope.all) return 'all';
  if (scope.teamIds.length) return `t:${Math.min(...scope.teamIds)}`;
  if (scope.divisionPrefixes.length) return `d:${scope.divisionPrefixes[0]}`;
  return 'all';
}

const LEVEL_ORDER = `case d.level when 'province' then 0 when 'city' then 1 when 'county' then 2 when 'town' then 3 else 4 end`;

export class NodeDirectory {
  constructor(
    private readonly database: Database,
    private readonly allName: string,
  ) {}

  async rootTeams(): Promise<number[]> {
    const rows = await this.database.query<{ id: number }>(`select id from teams where parent_id is null order by id`);
    return rows.map((r) => r.id);
  }

  /** Names of many nodes in two queries. */
  async names(nodes: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const byCode = new Map(nodes.filter((n) => n.startsWith('d:')).map((n) => [divisionCodeOf(n), n]));
    const codes = [...byCode.keys()];
    const ids = nodes.filter((n) => n.startsWith('t:')).map(teamIdOf);
    if (codes.length) {
      const rows = await this.database.query<{ code: string; name: string }>(`select code, name from divisions where code = any($1)`, [
        codes,
      ]);
      for (const r of rows) out.set(byCode.get(r.code)!, r.name);
    }
    if (ids.length) {
      const rows = await this.database.query<{ id: number; name: string }>(`select id, name from teams where id = any($1)`, [ids]);
      for (const r of rows) out.set(`t:${r.id}`, r.name);
    }
    for (const n of nodes) if (!out.has(n)) out.set(n, n === 'all' ? this.allName : n.slice(2));
    return out;
  }

  /** Children: sub-teams of a team; sub-divisions (registry, else those with figures) down to villages (a town lists its 村). */
  async children(node: string): Promise<string[]> {
    if (node.startsWith('t:')) {
      const rows = await this.database.query<{ id: number }>(`select id from teams where parent_id = $1 order by id`, [teamIdOf(node)]);
      return rows.map((r) => `t:${r.id}`);
    }
    const prefix = node === 'all' ? '' : node.slice(2);
    const next = NEXT_DIGITS[prefix.length];
    if (!next) return [];
    const found = new Set<string>();
    const level = LEVEL_BY_DIGITS[next];
    const fromRegistry = await this.database.query<{ code: string }>(
      `select code from divisions where level = $1 and code like $2 and abolished_on is null order by code`,
      [level, `${prefix}%`],
    );
    for (const r of fromRegistry) found.add(`d:${r.code.slice(0, DIVISION_LEVEL_DIGITS[level])}`);
    if (found.size) return [...found].sort();
    // divisions the registry does not hold yet: those that have figures
    const fromFigures = await this.database.query<{ node: string }>(
      `select distinct node from indicator_rollups where node like $1 and length(node) = $2`,
      [`d:${prefix}%`, next + 2],
    );
    for (const r of fromFigures) found.add(r.node);
    return [...found].sort();
  }

  /** The path from the root to the node (teams: parent chain; divisions: prefixes). */
  async breadcrumbs(node: string, scope: Scope): Promise<string[]> {
    let path: string[];
    if (node.startsWith('t:')) {
      const rows = await this.database.query<{ id: number }>(
        `with recursive up as (select id, parent_id, 0 as depth from teams where id = $1
           union all select t.id, t.parent_id, up.depth + 1 from teams t join up on t.id = up.parent_id)
         select id from up order by depth desc`,
        [teamIdOf(node)],
      );
      path = rows.map((r) => `t:${r.id}`);
    } else {
      const p = node === 'all' ? '' : node.slice(2);
      path = ['all', ...[2, 4, 6, 9, 12].filter((n) => n <= p.length).map((n) => `d:${p.slice(0, n)}`)];
    }
    return path.filter((n) => nodeInScope(scope, n));
  }

  /** The top nodes of a scope in one tree: 全部 (scope all, division tree), root teams, or the scope's own divisions and teams. */
  async tops(scope: Scope, tree: 'division' | 'team'): Promise<string[]> {
    if (tree === 'division') return scope.all ? ['all'] : scope.divisionPrefixes.map((p) => `d:${p}`);
    if (scope.all) return (await this.rootTeams()).map((id) => `t:${id}`);
    if (!scope.teamIds.length) return [];
    const rows = await this.database.query<{ id: number }>(
      `select id from teams where id = any($1) and (parent_id is null or not (parent_id = any($1))) order by id`,
      [scope.teamIds],
    );
    return rows.map((r) => `t:${r.id}`);
  }

  /** Nodes of one tree whose name contains `q`, inside the scope (at most 50; larger divisions first). */
  async search(scope: Scope, tree: 'division' | 'team', q: string): Promise<string[]> {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    if (tree === 'team') {
      const rows = await this.database.query<{ id: number }>(
        `select id from teams where name like $1 and ($2::boolean or id = any($3)) order by id limit 50`,
        [like, scope.all, scope.teamIds],
      );
      return rows.map((r) => `t:${r.id}`);
    }
    const prefixes = scope.all ? [''] : scope.divisionPrefixes;
    if (!prefixes.length) return [];
    const rows = await this.database.query<{ code: string; level: DivisionLevel }>(
      `select d.code, d.level from divisions d where d.name like $1 and d.abolished_on is null and d.code like any($2)
       order by ${LEVEL_ORDER}, d.code limit 50`,
      [like, prefixes.map((p) => `${p}%`)],
    );
    return rows.map((r) => `d:${r.code.slice(0, DIVISION_LEVEL_DIGITS[r.level])}`);
  }

  /** Refs with the names above each node (a division's parents, a team's parent chain), nearest first. */
  async options(nodes: string[]): Promise<(NodeRefT & { path: string })[]> {
    const refs = await this.refs(nodes);
    const above = (n: string): string[] => {
      if (!n.startsWith('d:')) return [];
      const p = n.slice(2);
      return [2, 4, 6, 9]
        .filter((k) => k < p.length)
        .map((k) => `d:${p.slice(0, k)}`)
        .reverse();
    };
    const teamParents = new Map<string, string[]>();
    const teamIds = nodes.filter((n) => n.startsWith('t:')).map(teamIdOf);
    if (teamIds.length) {
      const rows = await this.database.query<{ id: number; parent_id: number | null }>(
        `with recursive up as (select id, parent_id, id as start, 0 as depth from teams where id = any($1)
           union all select t.id, t.parent_id, up.start, up.depth + 1 from teams t join up on t.id = up.parent_id where up.depth < 10)
         select start as id, parent_id from up where parent_id is not null order by start, depth`,
        [teamIds],
      );
      for (const r of rows) {
        const list = teamParents.get(`t:${r.id}`) ?? [];
        list.push(`t:${r.parent_id}`);
        teamParents.set(`t:${r.id}`, list);
      }
    }
    const pathOf = (n: string) => (n.startsWith('t:') ? (teamParents.get(n) ?? []) : above(n));
    const names = await this.names([...new Set(nodes.flatMap(pathOf))]);
    return refs.map((r) => ({
      ...r,
      path: pathOf(r.node)
        .slice(0, 3)
        .map((n) => names.get(n) ?? n)
        .join(' · '),
    }));
  }

  async refs(nodes: string[]): Promise<NodeRefT[]> {
    const names = await this.names(nodes);
    return nodes.map((n) => ({
      node: n,
      name: names.get(n) ?? n,
      kind: n === 'all' ? 'all' : n.startsWith('t:') ? 'team' : 'division',
      hasChildren: n.startsWith('t:') || n === 'all' || n.length - 2 < 9,
    }));
  }
}
