// Who may reach a supplier, product, sale or fair: the one place the module turns a user's scope into a query
// filter and a write check. A sale lies in scope by either side of the pairing or by the team that recorded
// it (a 丙村 team user sees the 荔湾 → 梅县 sales of their team); the others by their place or their team.
import { inArray, or, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { inScope, type Scope, scopeWhere } from '../../platform/scope';
import { divisions } from '../registry';
import { consumptionFairs, consumptionProducts, consumptionSales, consumptionSuppliers } from './tables';

export const dbOf = (ctx: Ctx): Db | Tx => ctx.tx ?? ctx.services.db;

export const suppliersInScope = (s: Scope) =>
  scopeWhere(s, { division: consumptionSuppliers.divisionCode, team: consumptionSuppliers.teamId });
export const productsInScope = (s: Scope) =>
  scopeWhere(s, { division: consumptionProducts.divisionCode, team: consumptionProducts.teamId });
export const fairsInScope = (s: Scope) => scopeWhere(s, { division: consumptionFairs.divisionCode, team: consumptionFairs.teamId });

export function salesInScope(s: Scope): SQL | undefined {
  if (s.all) return undefined;
  return or(
    scopeWhere(s, { division: consumptionSales.helperDivisionCode, team: consumptionSales.teamId }),
    scopeWhere(s, { division: consumptionSales.sellerDivisionCode }),
  );
}

/** Throws OUT_OF_SCOPE unless one of the places, or the team, lies in the user's scope. */
export function assertAnyInScope(scope: Scope, places: (string | null | undefined)[], teamId?: number | null) {
  if (inScope(scope, { teamId }) || places.some((divisionCode) => divisionCode && inScope(scope, { divisionCode }))) return;
  throw new AppError('OUT_OF_SCOPE');
}

/** A team user's record belongs to their own team (the first of their scope's teams) when they name none. */
export function ownTeamOf(scope: Scope): number | null {
  if (scope.all || scope.teamIds.length === 0) return null;
  return Math.min(...scope.teamIds);
}

/** A named team must exist and, for a scoped user, lie in their scope. */
export async function checkTeam(ctx: Ctx, teamId: number | null | undefined, path: string) {
  if (teamId == null) return;
  const scope = ctx.user.scope;
  if (!scope.all && !scope.teamIds.includes(teamId)) throw invalid({ path, key: 'consumption.validation.noTeam' });
  // inside an open transaction ask through it: PGlite serves one query at a time
  const found = await ctx.services.directory.teamNames(dbOf(ctx) as Db, [teamId]);
  if (!found.length) throw invalid({ path, key: 'consumption.validation.noTeam' });
}

/** Division names for display, by code. */
export async function divisionNames(db: Db | Tx, codes: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter(Boolean))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ code: divisions.code, name: divisions.name }).from(divisions).where(inArray(divisions.code, wanted));
  return new Map(rows.map((r) => [r.code, r.name]));
}
