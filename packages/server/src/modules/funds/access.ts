// Who may reach a fund allocation or a project: the one place the funds module turns a user's scope into a
// query filter and a write check. An allocation is in scope when its receiver, its payer or the team that
// recorded it lies in scope (both sides of the pairing see the money); a project by its place or its team.
import { type AnyColumn, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { inScope, type Scope, scopeWhere } from '../../platform/scope';
import { pairings } from '../registry';
import { fundAllocations, fundProjects } from './tables';

/** Where a read runs: the caller's transaction (a ledger import) if any, else the pool. */
export const dbOf = (ctx: Ctx): Db | Tx => ctx.tx ?? ctx.services.db;

export function allocationsInScope(scope: Scope): SQL | undefined {
  if (scope.all) return undefined;
  return or(
    scopeWhere(scope, { division: fundAllocations.divisionCode, team: fundAllocations.teamId }),
    scopeWhere(scope, { division: fundAllocations.payerDivisionCode }),
  );
}

export const projectsInScope = (scope: Scope) => scopeWhere(scope, { division: fundProjects.divisionCode, team: fundProjects.teamId });

export function assertAllocationInScope(scope: Scope, a: { divisionCode: string; payerDivisionCode: string; teamId?: number | null }) {
  if (inScope(scope, { divisionCode: a.divisionCode, teamId: a.teamId }) || inScope(scope, { divisionCode: a.payerDivisionCode })) return;
  throw new AppError('OUT_OF_SCOPE');
}

export function assertProjectInScope(scope: Scope, p: { divisionCode: string; teamId?: number | null }) {
  if (!inScope(scope, p)) throw new AppError('OUT_OF_SCOPE');
}

/** A team user's record belongs to their own team when they name none (as the teams module does). */
export function ownTeamOf(scope: Scope): number | null {
  if (scope.all || scope.teamIds.length === 0) return null;
  return Math.min(...scope.teamIds);
}

/** A named team must exist (the teams module answers through the directory). */
export async function assertTeam(ctx: Ctx, teamId: number | null | undefined, path: string) {
  if (teamId == null) return;
  const found = await ctx.services.directory.teamNames(dbOf(ctx) as Db, [teamId]);
  if (!found.length) throw invalid({ path, key: 'funds.validation.noTeam' });
}

/** A named pairing must exist. */
export async function assertPairing(ctx: Ctx, pairingId: number | null | undefined, path: string) {
  if (pairingId == null) return;
  const [found] = await dbOf(ctx).select({ id: pairings.id }).from(pairings).where(eq(pairings.id, pairingId));
  if (!found) throw invalid({ path, key: 'funds.validation.noPairing' });
}

/** A pairing as people name it: 帮扶方 → 受帮扶方 (the unit's name, else the division's). */
export const pairingLabelOf = (col: AnyColumn) =>
  sql<
    string | null
  >`(select coalesce(hu.name, hd.name, pr.helper_division_code) || ' → ' || coalesce(du.name, dd.name, pr.helped_division_code)
    from pairings pr left join units hu on hu.id = pr.helper_unit_id left join divisions hd on hd.code = pr.helper_division_code
    left join units du on du.id = pr.helped_unit_id left join divisions dd on dd.code = pr.helped_division_code where pr.id = ${col})`;
