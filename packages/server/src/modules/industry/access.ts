// Who may reach industry records: the one place the module turns a user's scope into query filters and write
// checks. An enterprise or park lies in scope by where it landed (or lies), by the team that recorded it, or
// by its helper side — the two sides of a pairing both see it; a workshop by its village or team; a worker
// by the workshop or enterprise they work in; an investment increment by its enterprise.
import { isInDivisionSubtree } from '@xiezuo/shared/codes/division';
import { inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { inScope, type Scope, scopeWhere } from '../../platform/scope';
import { programmes } from '../registry';
import { industryEnterprises as ent, industryParks as parks, industryWorkshops as shops, industryWorkers as workers } from './tables';

/** Where a read runs: the caller's transaction (a ledger import) if any, else the pool. */
export const dbOf = (ctx: Ctx): Db | Tx => ctx.tx ?? ctx.services.db;

export function parksInScope(scope: Scope): SQL | undefined {
  if (scope.all) return undefined;
  return or(
    scopeWhere(scope, { division: parks.divisionCode, team: parks.teamId }),
    scopeWhere(scope, { division: parks.helperDivisionCode }),
  );
}

export function enterprisesInScope(scope: Scope): SQL | undefined {
  if (scope.all) return undefined;
  return or(scopeWhere(scope, { division: ent.divisionCode, team: ent.teamId }), scopeWhere(scope, { division: ent.originDivisionCode }));
}

export const workshopsInScope = (scope: Scope) => scopeWhere(scope, { division: shops.divisionCode, team: shops.teamId });

/** Workers of a workshop or enterprise in scope. */
export function workersInScope(scope: Scope): SQL | undefined {
  if (scope.all) return undefined;
  return or(
    sql`${workers.workshopId} in (select ${shops.id} from ${shops} where ${workshopsInScope(scope)})`,
    sql`${workers.enterpriseId} in (select ${ent.id} from ${ent} where ${enterprisesInScope(scope)})`,
  );
}

type Sides = { divisionCode: string; teamId?: number | null; otherDivisionCode?: string | null };

/** A record in scope by its own place or team, or by its other (helper) side. */
export function sidesInScope(scope: Scope, r: Sides): boolean {
  return inScope(scope, r) || (r.otherDivisionCode != null && inScope(scope, { divisionCode: r.otherDivisionCode }));
}

export function assertSidesInScope(scope: Scope, r: Sides): void {
  if (!sidesInScope(scope, r)) throw new AppError('OUT_OF_SCOPE');
}

/** A record about to be written lies in scope by its place or its other side; if not, the error names the place's field. */
export function assertPlaceInScope(scope: Scope, r: Sides, path = 'body.divisionCode'): void {
  // by place only: the user's own team on the record does not make any place theirs
  const inside = (code: string | null | undefined) => code != null && inScope(scope, { divisionCode: code });
  if (!inside(r.divisionCode) && !inside(r.otherDivisionCode)) throw invalid({ path, key: 'industry.validation.outOfScope' });
}

/** The team a team user's record belongs to when they name none: their own. */
export function ownTeamOf(scope: Scope): number | null {
  if (scope.all || scope.teamIds.length === 0) return null;
  return Math.min(...scope.teamIds);
}

/** A named programme must exist: a wrong id is an error on its field, not a foreign-key failure. */
export async function assertProgramme(db: Db | Tx, id: number | null | undefined, path: string) {
  if (id == null) return;
  const found = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(inArray(programmes.id, [id]));
  if (!found.length) throw invalid({ path, key: 'industry.validation.noRef' });
}

/** An enterprise in a park lands where the park lies: one place inside the other (a town of the park's county, or the county). */
export const parkHolds = (parkDivision: string, landed: string) =>
  isInDivisionSubtree(landed, parkDivision) || isInDivisionSubtree(parkDivision, landed);

export function checkDates(start: string | null | undefined, end: string | null | undefined, path: string) {
  if (start && end && end < start) throw invalid({ path, key: 'industry.validation.dates' });
}

/** Team names for display, through the teams module's directory. */
export async function teamNamesOf(ctx: Ctx, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((i): i is number => i != null))];
  if (!wanted.length) return new Map();
  const rows = await ctx.services.directory.teamNames(dbOf(ctx) as Db, wanted);
  return new Map(rows.map((r) => [r.id, r.name]));
}
