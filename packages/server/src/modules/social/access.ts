// Who may reach a social record: the one place the module turns a user's scope into a query filter and a
// write check. A record is in scope by its place (division_code, the helped side) or by the team that
// recorded it — a team user sees and writes their team's records whatever places they name.
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import { and, asc, eq, gte, inArray, like, lte, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../platform/context';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { inScope, type Scope, scopeWhere } from '../../platform/scope';
import { teams } from '../teams';

/** Where a read runs: the caller's transaction (a ledger import) if any, else the pool. */
export const dbOf = (ctx: Ctx): Db | Tx => ctx.tx ?? ctx.services.db;

/** The scope filter over a table's place and team columns. */
export const placedInScope = (scope: Scope, t: { divisionCode: AnyPgColumn; teamId: AnyPgColumn }) =>
  scopeWhere(scope, { division: t.divisionCode, team: t.teamId });

/** The list filters every record shares: a place and what lies under it, a team, a period of `day`. */
export function placeFilters(
  scope: Scope,
  t: { divisionCode: AnyPgColumn; teamId: AnyPgColumn },
  day: AnyPgColumn,
  f: { divisionCode?: string; teamId?: number; from?: string; to?: string },
): (SQL | undefined)[] {
  const conds = [placedInScope(scope, t)];
  if (f.divisionCode) conds.push(like(t.divisionCode, `${divisionPrefix(f.divisionCode)}%`));
  if (f.teamId) conds.push(eq(t.teamId, f.teamId));
  if (f.from) conds.push(gte(day, f.from));
  if (f.to) conds.push(lte(day, f.to));
  return conds;
}

export const allOf = (conds: (SQL | undefined)[]) => and(...conds);

/**
 * The team a team user's record belongs to when they name none: their own (the first of their scope's
 * teams), so that the record stays theirs wherever it happened.
 */
export function ownTeamOf(scope: Scope): number | null {
  if (scope.all || scope.teamIds.length === 0) return null;
  return Math.min(...scope.teamIds);
}

/** Teams the user sees: by the team tree of their scope, or stationed in their divisions. */
const teamsInScope = (scope: Scope) => scopeWhere(scope, { team: teams.id, division: teams.divisionCode });

/** Teams the user sees, by name (of two of one name, the later): how a ledger names a record's team. */
export async function visibleTeamsByName(ctx: Ctx, names: string[]): Promise<Map<string, number>> {
  if (!names.length) return new Map();
  const rows = await dbOf(ctx)
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(teamsInScope(ctx.user.scope), inArray(teams.name, names)))
    .orderBy(asc(teams.id));
  return new Map(rows.map((r) => [r.name, r.id]));
}

/**
 * Any team by name (of two of one name, the later): a meeting's decision may be given to a team the user does not
 * see — a joint meeting of the group assigns work to a town's team — as the form's owner team may (assertOwner).
 */
export async function teamsByName(ctx: Ctx, names: string[]): Promise<Map<string, number>> {
  if (!names.length) return new Map();
  const rows = await dbOf(ctx)
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(inArray(teams.name, names))
    .orderBy(asc(teams.id));
  return new Map(rows.map((r) => [r.name, r.id]));
}

/** Team names by id, for display and exports, through the teams module's directory. */
export async function teamNamesOf(ctx: Ctx, ids: (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id != null))];
  if (!wanted.length) return new Map();
  const rows = await ctx.services.directory.teamNames(dbOf(ctx) as Db, wanted);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * A record about to be written: in the user's scope by its place or team, and its team (if any) one the user
 * sees — a town's staff may name the teams stationed in their town, a team its own and those under it, not
 * another town's team (`before`: the record as stored, when it is edited). The lookup is handed the transaction:
 * PGlite serves one query at a time.
 */
export async function assertWritable(
  ctx: Ctx,
  tx: Tx,
  row: { divisionCode: string; teamId?: number | null },
  before?: { teamId: number | null },
) {
  if (!inScope(ctx.user.scope, row)) throw new AppError('OUT_OF_SCOPE');
  // an edit that keeps the record's team is not judged by it (a town's staff correct what a group recorded there)
  if (row.teamId == null || row.teamId === before?.teamId) return;
  const [found] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, row.teamId), teamsInScope(ctx.user.scope)));
  if (!found) throw invalid({ path: 'body.teamId', key: 'social.validation.noTeam' });
}

/** A numeric(18,2) column as the API answers it. */
export const num = (v: string | null | undefined) => (v == null ? null : Number(v));
/** An amount for a numeric column. */
export const dec = (v: number | null | undefined) => (v == null ? null : String(v));
