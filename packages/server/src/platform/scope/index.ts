// Scope (管辖范围): the one server-side filter every module's queries and writes go through.
// A user sees rows whose division lies in one of their division subtrees, or whose team lies in one of
// their team subtrees; a team in scope brings the division it is stationed in.
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import type { Directory } from '../directory';
import { AppError } from '../http/errors';

export interface Scope {
  all: boolean;
  divisionCodes: string[]; // as granted (for display)
  divisionPrefixes: string[]; // significant prefixes of granted divisions and of scope teams' stations
  teamIds: number[]; // granted teams and all their descendants
}

export const EVERYTHING: Scope = { all: true, divisionCodes: [], divisionPrefixes: [], teamIds: [] };

/** The user's scope: granted divisions and teams, each team with the teams below it and its station. */
export async function resolveScope(
  services: { db: Db; directory: Directory },
  user: { scopeAll: boolean; scopeDivisions: string[]; scopeTeams: number[] },
): Promise<Scope> {
  if (user.scopeAll) return EVERYTHING;
  const teamRows = user.scopeTeams.length > 0 ? await services.directory.teamSubtrees(services.db, user.scopeTeams) : [];
  const granted = new Set(user.scopeTeams);
  const stations = teamRows.filter((r) => granted.has(r.id)).map((r) => r.divisionCode);
  const prefixes = [...new Set([...user.scopeDivisions, ...stations].map(divisionPrefix))];
  return {
    all: false,
    divisionCodes: user.scopeDivisions,
    divisionPrefixes: prefixes,
    teamIds: teamRows.map((r) => r.id),
  };
}

type Column = AnyPgColumn | SQL;

/**
 * The WHERE condition for a query: pass the row's division-code column and/or team-id column.
 * Returns undefined when the user sees everything.
 */
export function scopeWhere(scope: Scope, cols: { division?: Column; team?: Column }): SQL | undefined {
  if (scope.all) return undefined;
  const parts: SQL[] = [];
  if (cols.division) for (const p of scope.divisionPrefixes) parts.push(sql`${cols.division} like ${`${p}%`}`);
  if (cols.team && scope.teamIds.length > 0) {
    parts.push(
      sql`${cols.team} in (${sql.join(
        scope.teamIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  }
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` or `)})`;
}

export function inScope(scope: Scope, row: { divisionCode?: string | null; teamId?: number | null }): boolean {
  if (scope.all) return true;
  if (row.divisionCode && scope.divisionPrefixes.some((p) => row.divisionCode!.startsWith(p))) return true;
  if (row.teamId != null && scope.teamIds.includes(row.teamId)) return true;
  return false;
}

/** Throws OUT_OF_SCOPE unless the row (or the row about to be written) lies in the user's scope. */
export function assertInScope(scope: Scope, row: { divisionCode?: string | null; teamId?: number | null }): void {
  if (!inScope(scope, row)) throw new AppError('OUT_OF_SCOPE');
}
