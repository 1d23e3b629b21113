// Nodes of the two roll-up trees (all, d:<prefix>, t:<id>): names, children, breadcrumbs and scope.
import { DIVISION_LEVEL_DIGITS, type DivisionLevel } from '@xiezuo/shared/codes/division';
import type { NodeRefT } from '@xiezuo/shared/contracts/indicators';
import type { Database } from '../../platform/db/client';
import { AppError } from '../../platform/http/errors';
import type { Scope } from '../../platform/scope';

const LEVEL_BY_DIGITS: Record<number, DivisionLevel> = { 2: 'province', 4: 'city', 6: 'county', 9: 'town' };
const NEXT_DIGITS: Record<number, number | null> = { 0: 2, 2: 4, 4: 6, 6: 9, 9: null };

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

/** Where a user's dashboard opens: their first team, else their first division, else everything. */
export function defaultNode(scope: Scope, rootTeams: number[]): string {
  if (scope.all) return rootTeams.length ? `t:${rootTeams[0]}` : 'all';
  if (scope.teamIds.length) return `t:${Math.min(...scope.teamIds)}`;
  if (scope.divisionPrefixes.length) return `d:${scope.divisionPrefixes[0]}`;
  return 'all';
}

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
      const rows = await this.database.query<{ code: string; name: string }>(`select code, name from divisions where code = any($1)`, [codes]);
      for (const r of rows) out.set(byCode.get(r.code)!, r.name);
    }
    if (ids.length) {
      const rows = await this.database.query<{ id: number; name: string }>(`select id, name from teams where id = any($1)`, [ids]);
      for (const r of rows) out.set(`t:${r.id}`, r.name);
    }
    for (const n of nodes) if (!out.has(n)) out.set(n, n === 'all' ? this.allName : n.slice(2));
    return out;
  }

  /** Children: sub-teams of a team; sub-divisions (registry, else those with figures) down to towns. */
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
