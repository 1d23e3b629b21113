// Who may reach registry records: the one place the registry turns a user's scope into query filters
// and write checks. Divisions and programmes are reference data every reader sees; units lie in their
// division; a pairing is seen (and may be written) when either party lies in the scope. A team user also
// sees what concerns their teams (the teams module answers through the platform directory): the teams'
// lead and member units, the pairings those units are party to, and the pairings of a team's programme
// whose party contains the team's station (荔湾区 → 梅县区 for the 丙村镇 team).
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import type { Db, Tx } from '../../platform/db/client';
import { AppError } from '../../platform/http/errors';
import { inScope, type Scope, scopeWhere } from '../../platform/scope';
import { pairings, units } from './tables';

/** Where a read-only query runs: the caller's transaction (a ledger import) or the database. */
export const dbOf = (ctx: Ctx): Db | Tx => ctx.tx ?? ctx.services.db;

/** The registry records a team user's teams are linked to (null: no teams in scope, or the whole scope). */
export interface TeamConcerns {
  unitIds: number[];
  /** Per programme, the divisions containing a team's station (the station and each division above it). */
  programmes: Map<number, string[]>;
}

/** The station and the divisions above it: 441403113000 → 440000000000, 441400000000, 441403000000, 441403113000. */
function withAncestors(code: string): string[] {
  return [2, 4, 6, 9, 12].map((n) => code.slice(0, n).padEnd(12, '0')).filter((c, i, a) => a.indexOf(c) === i);
}

export async function teamConcerns(ctx: Ctx): Promise<TeamConcerns | null> {
  const { scope } = ctx.user;
  const links = ctx.services.directory.teamLinks;
  if (scope.all || scope.teamIds.length === 0 || !links) return null;
  const found = await links(dbOf(ctx) as Db, scope.teamIds); // in the import's transaction when there is one
  const programmes = new Map<number, string[]>();
  for (const p of found.programmes)
    programmes.set(p.programmeId, [...(programmes.get(p.programmeId) ?? []), ...withAncestors(p.divisionCode)]);
  return { unitIds: found.unitIds, programmes };
}

const idList = (ids: (number | string)[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

export function unitsInScope(scope: Scope, concerns: TeamConcerns | null = null): SQL | undefined {
  const own = scopeWhere(scope, { division: units.divisionCode });
  if (!own || !concerns?.unitIds.length) return own;
  return sql`(${own} or ${units.id} in (${idList(concerns.unitIds)}))`;
}

/** Either party in the user's scope, or (for a team user) the pairing concerns their teams. */
export function pairingsInScope(scope: Scope, concerns: TeamConcerns | null = null): SQL | undefined {
  const a = scopeWhere(scope, { division: pairings.helperDivisionCode });
  const b = scopeWhere(scope, { division: pairings.helpedDivisionCode });
  if (!a || !b) return undefined;
  const parts = [a, b];
  if (concerns?.unitIds.length) {
    const ids = idList(concerns.unitIds);
    parts.push(sql`${pairings.helperUnitId} in (${ids})`, sql`${pairings.helpedUnitId} in (${ids})`);
  }
  for (const [programmeId, codes] of concerns?.programmes ?? []) {
    const list = idList([...new Set(codes)]);
    parts.push(
      sql`(${pairings.programmeId} = ${programmeId} and (${pairings.helperDivisionCode} in (${list}) or ${pairings.helpedDivisionCode} in (${list})))`,
    );
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** A pairing between these divisions may be written: at least one party lies in the scope. */
export function eitherPartyInScope(scope: Scope, helperDivisionCode: string, helpedDivisionCode: string): boolean {
  return inScope(scope, { divisionCode: helperDivisionCode }) || inScope(scope, { divisionCode: helpedDivisionCode });
}

/** Programmes span provinces: only users with the whole scope (HQ, admin) write them. */
export function assertWholeScope(ctx: Ctx): void {
  if (!ctx.user.scope.all) throw new AppError('OUT_OF_SCOPE');
}
