// Who may reach registry records: the one place the registry turns a user's scope into query filters
// and write checks. Divisions and programmes are reference data every reader sees; units lie in their
// division; a pairing is seen (and may be written) when either party lies in the scope.
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import type { Db, Tx } from '../../platform/db/client';
import { AppError } from '../../platform/http/errors';
import { inScope, type Scope, scopeWhere } from '../../platform/scope';
import { pairings, units } from './tables';

/** Where a read-only query runs: the caller's transaction (a ledger import) or the database. */
export const dbOf = (ctx: Ctx): Db | Tx => ctx.tx ?? ctx.services.db;

export function unitsInScope(scope: Scope): SQL | undefined {
  return scopeWhere(scope, { division: units.divisionCode });
}

/** Either party in the user's scope. */
export function pairingsInScope(scope: Scope): SQL | undefined {
  const a = scopeWhere(scope, { division: pairings.helperDivisionCode });
  const b = scopeWhere(scope, { division: pairings.helpedDivisionCode });
  return a && b ? sql`(${a} or ${b})` : undefined;
}

/** A pairing between these divisions may be written: at least one party lies in the scope. */
export function eitherPartyInScope(scope: Scope, helperDivisionCode: string, helpedDivisionCode: string): boolean {
  return inScope(scope, { divisionCode: helperDivisionCode }) || inScope(scope, { divisionCode: helpedDivisionCode });
}

/** Programmes span provinces: only users with the whole scope (HQ, admin) write them. */
export function assertWholeScope(ctx: Ctx): void {
  if (!ctx.user.scope.all) throw new AppError('OUT_OF_SCOPE');
}
