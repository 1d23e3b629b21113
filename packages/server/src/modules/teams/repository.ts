// Reading teams and their members, always through the user's scope. A team is in scope when its own id
// is in a scope team subtree or it is stationed inside a scope division.
import { toIsoDate } from '@xiezuo/shared/format';
import { and, asc, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../platform/db/client';
import { AppError } from '../../platform/http/errors';
import { assertInScope, type Scope, scopeWhere } from '../../platform/scope';
import { divisions, programmes, units } from '../registry';
import { cadres, teamMembers, teams, teamUnits } from './tables';

type Q = Db | Tx;

/** Runs `work` in the caller's transaction when given (ledger imports), else in a new one. */
export function inTransaction<T>(db: Db, tx0: Tx | undefined, work: (tx: Tx) => Promise<T>): Promise<T> {
  return tx0 ? work(tx0) : db.transaction(work);
}

/** Today in China Standard Time, as YYYY-MM-DD. */
export const today = () => toIsoDate(new Date());

/** A dated row is current on `day` when start ≤ day ≤ end (end null = open). */
export function coversDay(start: AnyPgColumn, end: AnyPgColumn, day: string): SQL {
  return sql`(${start} <= ${day} and (${end} is null or ${end} >= ${day}))`;
}

export const teamScope = (scope: Scope) => scopeWhere(scope, { team: teams.id, division: teams.divisionCode });

const teamColumns = (day: string) => ({
  id: teams.id,
  parentId: teams.parentId,
  name: teams.name,
  kind: teams.kind,
  divisionCode: teams.divisionCode,
  divisionName: divisions.name,
  programmeId: teams.programmeId,
  programmeName: programmes.name,
  leadUnitId: teams.leadUnitId,
  leadUnitName: units.name,
  startDate: teams.startDate,
  endDate: teams.endDate,
  note: teams.note,
  membersNow: sql<number>`(select count(*)::int from ${teamMembers} m where m.team_id = ${teams.id}
    and m.start_date <= ${day} and (m.end_date is null or m.end_date >= ${day}))`,
});

function teamQuery(db: Q, day: string) {
  return db
    .select(teamColumns(day))
    .from(teams)
    .leftJoin(divisions, eq(divisions.code, teams.divisionCode))
    .leftJoin(programmes, eq(programmes.id, teams.programmeId))
    .leftJoin(units, eq(units.id, teams.leadUnitId));
}
export type TeamRecord = Awaited<ReturnType<typeof teamQuery>>[number];

export async function listTeams(db: Q, scope: Scope, f: { programmeId?: number; q?: string } = {}) {
  const conds = [teamScope(scope)];
  if (f.programmeId) conds.push(eq(teams.programmeId, f.programmeId));
  if (f.q) conds.push(ilike(teams.name, `%${f.q}%`));
  return teamQuery(db, today())
    .where(and(...conds))
    .orderBy(asc(teams.id));
}

/** One team the user may see, or NOT_FOUND / OUT_OF_SCOPE. */
export async function getTeam(db: Q, scope: Scope, id: number): Promise<TeamRecord> {
  const [row] = await teamQuery(db, today()).where(eq(teams.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  assertInScope(scope, { teamId: row.id, divisionCode: row.divisionCode });
  return row;
}

export async function teamDetail(db: Q, scope: Scope, id: number, opts: { on?: string; round?: number }) {
  const team = await getTeam(db, scope, id);
  const [memberUnits, children, rounds, members] = await Promise.all([
    db
      .select({ id: units.id, name: units.name })
      .from(teamUnits)
      .innerJoin(units, eq(units.id, teamUnits.unitId))
      .where(eq(teamUnits.teamId, id))
      .orderBy(asc(units.name)),
    teamQuery(db, today())
      .where(and(eq(teams.parentId, id), teamScope(scope)))
      .orderBy(asc(teams.id)),
    db.selectDistinct({ round: teamMembers.round }).from(teamMembers).where(eq(teamMembers.teamId, id)).orderBy(asc(teamMembers.round)),
    listMembers(db, scope, { teamId: id, ...opts }),
  ]);
  return { ...team, memberUnits, children, rounds: rounds.map((r) => r.round), members };
}

const memberColumns = {
  id: teamMembers.id,
  teamId: teamMembers.teamId,
  teamName: teams.name,
  cadreId: teamMembers.cadreId,
  name: cadres.name,
  gender: cadres.gender,
  kind: cadres.kind,
  sendingUnit: cadres.sendingUnit,
  localPost: cadres.localPost,
  role: teamMembers.role,
  round: teamMembers.round,
  startDate: teamMembers.startDate,
  endDate: teamMembers.endDate,
};

// 队长 first, then 副队长, 联络员, 队员; then by start date.
const ROLE_ORDER = sql`case ${teamMembers.role} when 'leader' then 0 when 'deputy' then 1 when 'liaison' then 2 else 3 end`;

/** Members of teams in scope: of one round, or (default) those whose membership covers the day `on`. */
export async function listMembers(db: Q, scope: Scope, f: { teamId?: number; teamIds?: number[]; on?: string; round?: number }) {
  const conds = [teamScope(scope)];
  if (f.teamId) conds.push(eq(teamMembers.teamId, f.teamId));
  if (f.teamIds) conds.push(f.teamIds.length ? inArray(teamMembers.teamId, f.teamIds) : sql`false`);
  if (f.round) conds.push(eq(teamMembers.round, f.round));
  else conds.push(coversDay(teamMembers.startDate, teamMembers.endDate, f.on ?? today()));
  return db
    .select(memberColumns)
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .innerJoin(cadres, eq(cadres.id, teamMembers.cadreId))
    .where(and(...conds))
    .orderBy(asc(teamMembers.teamId), ROLE_ORDER, asc(teamMembers.startDate), asc(teamMembers.id));
}

/** The ids of a team and all its descendants (for cycle checks). */
export async function subtreeIds(db: Q, id: number): Promise<number[]> {
  const res = await db.execute(sql`
    with recursive sub as (select id from teams where id = ${id}
      union select t.id from teams t join sub on t.parent_id = sub.id)
    select id from sub`);
  return (res.rows as { id: number }[]).map((r) => Number(r.id));
}
