// Who may reach a labour record: the one place the module turns a user's scope into a query filter and a
// write check. A record lies in scope by its home division (the helped side) or by the team that recorded it.
import type { SQL } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import type { Db, Tx } from '../../platform/db/client';
import { assertInScope, type Scope, scopeWhere } from '../../platform/scope';
import { labourEmployments, labourOrderClasses, labourRoster } from './tables';

/** Where a read runs: the caller's transaction (a ledger import) if any, else the pool. */
export const dbOf = (ctx: Ctx): Db | Tx => ctx.tx ?? ctx.services.db;

export const rosterInScope = (scope: Scope): SQL | undefined => scopeWhere(scope, { division: labourRoster.divisionCode });
export const employmentsInScope = (scope: Scope): SQL | undefined =>
  scopeWhere(scope, { division: labourEmployments.divisionCode, team: labourEmployments.teamId });
export const classesInScope = (scope: Scope): SQL | undefined =>
  scopeWhere(scope, { division: labourOrderClasses.divisionCode, team: labourOrderClasses.teamId });

/** A write to a record of this place (and team): refused with OUT_OF_SCOPE outside the user's scope. */
export function assertWritable(ctx: Ctx, row: { divisionCode: string; teamId?: number | null }) {
  assertInScope(ctx.user.scope, { divisionCode: row.divisionCode, teamId: row.teamId ?? null });
}

/**
 * The team a team user's record belongs to when they name none: their own (the first of their scope's
 * teams), so a record of theirs stays in their scope whatever place it names.
 */
export function ownTeamOf(scope: Scope): number | null {
  if (scope.all || scope.teamIds.length === 0) return null;
  return Math.min(...scope.teamIds);
}
