// Who may reach a team, a person or an exchange: the one place the teams module turns a user's scope
// into a query filter and a write check. A team is in scope when its own id is in a scope team subtree
// or it is stationed inside a scope division; a person likewise by their team or where they serve; an
// exchange when either side, or the team that recorded it, lies in scope.
import { or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../platform/context';
import type { Db, Tx } from '../../platform/db/client';
import { AppError } from '../../platform/http/errors';
import { inScope, type Scope, scopeWhere } from '../../platform/scope';
import { cadres, talentExchanges, teams } from './tables';

/** Where a read runs: the caller's transaction (a ledger import) if any, else the pool. */
export const dbOf = (ctx: Ctx): Db | Tx => ctx.tx ?? ctx.services.db;

/** Teams the user may see. */
export const teamsInScope = (scope: Scope) => scopeWhere(scope, { team: teams.id, division: teams.divisionCode });

/** People the user may see: by their team, or where they serve. */
export const cadresInScope = (scope: Scope) => scopeWhere(scope, { team: cadres.teamId, division: cadres.divisionCode });

/** Exchanges the user may see: either side, or the team that recorded it, in scope. */
export function exchangesInScope(scope: Scope): SQL | undefined {
  if (scope.all) return undefined;
  return or(
    scopeWhere(scope, { division: talentExchanges.fromDivisionCode, team: talentExchanges.teamId }),
    scopeWhere(scope, { division: talentExchanges.toDivisionCode }),
  );
}

/** A user may record an exchange when either side, or its team, lies in their scope. */
export function assertExchangeInScope(scope: Scope, e: { fromDivisionCode: string; toDivisionCode: string; teamId?: number | null }) {
  if (inScope(scope, { divisionCode: e.fromDivisionCode, teamId: e.teamId }) || inScope(scope, { divisionCode: e.toDivisionCode })) return;
  throw new AppError('OUT_OF_SCOPE');
}

/**
 * The team a team user's record belongs to when they name none: their own (the first of their scope's
 * teams). An exchange or person of a team lies in scope by that team, whatever places its sides are —
 * a 丙村 team leader records 荔湾区 → 梅县区, the two sides of the pairing, under the 丙村 team.
 */
export function ownTeamOf(scope: Scope): number | null {
  if (scope.all || scope.teamIds.length === 0) return null;
  return Math.min(...scope.teamIds);
}

/** A dated row is current on `day` when start ≤ day ≤ end (end null = open). */
export function coversDay(start: AnyPgColumn, end: AnyPgColumn, day: string): SQL {
  return sql`(${start} <= ${day} and (${end} is null or ${end} >= ${day}))`;
}
