/**
 * 防返贫监测 figures, for the monitoring pages and the indicators engine.
 *
 *   figuresFor(ctx, query): Promise<{ rows: Figures[] }>   // the route's: the query's unit, or its child divisions
 *   monitoringFigures(ctx, unit: FigureUnit, period: { from: string; to: string },
 *                     opts?: { visitIntervalDays?: number }): Promise<Figures>
 *   childFigures(ctx, divisionCode, period, opts?): Promise<Figures[]>   // one per child division
 *
 * unit: { divisionCode } = that division's subtree; { teamId } = the subtree of the division the team is
 * stationed in; {} = everything in scope. Always intersected with the user's scope (systemCtx for system runs).
 * period: inclusive ISO dates (YYYY-MM-DD). Figures is the zod type in shared/contracts/monitoring.ts.
 *
 * Counting rules
 * - A household's persons are its members still active, or active when the household closed
 *   (rejected/eliminated). A person is counted once per figure (distinct keyed hash of the ID number),
 *   so a person who moved between households within the unit is not counted twice.
 * - 监测对象 (monitored) = status monitored or eliminating. byCategory, byRisk, householdsWithStudents,
 *   villages and overdue visits count monitored households only; byStatus counts every status.
 * - byRisk: households (and their persons) with at least one open risk of that kind; a household with
 *   two kinds appears under both, once under each.
 * - newlyIdentified: the county decision (县级确定) of the identification fell in the period;
 *   eliminated: the county decision of the elimination fell in the period (whatever the status now).
 * - visits.made: visit records (户次) in the period; visits.households / persons: distinct households
 *   visited in the period and their distinct persons.
 * - visits.overdueHouseholds: monitored households with no visit in the `visitIntervalDays` up to `to`.
 * - householdsWithStudents: monitored households with an active member in school (primary to college).
 */

import { divisionPrefix } from '@xiezuo/shared/codes/division';
import { type Figures, IN_SCHOOL } from '@xiezuo/shared/contracts/monitoring';
import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import type { Db } from '../../platform/db/client';
import { AppError } from '../../platform/http/errors';
import { inScope, scopeWhere } from '../../platform/scope';
import { settings } from './access';
import { addDays } from './workdays';

export interface FigureUnit {
  divisionCode?: string;
  teamId?: number;
}

type Count = { households: number; persons: number };
const MONITORED = sql`h.status in ('monitored', 'eliminating')`;
const PERSON = sql`(m.active or m.left_reason = 'household_closed')`;

async function rows<T>(db: Db, q: SQL): Promise<T[]> {
  return (await db.execute(q)).rows as T[];
}

async function unitName(db: Db, unit: FigureUnit): Promise<{ prefix: string | null; name: string | null; divisionCode: string | null }> {
  if (unit.teamId != null) {
    const [t] = await rows<{ name: string; division_code: string }>(
      db,
      sql`select name, division_code from teams where id = ${unit.teamId}`,
    );
    if (!t) throw new AppError('NOT_FOUND');
    return { prefix: divisionPrefix(t.division_code), name: t.name, divisionCode: t.division_code };
  }
  if (unit.divisionCode) {
    const [d] = await rows<{ name: string }>(db, sql`select name from divisions where code = ${unit.divisionCode}`);
    return { prefix: divisionPrefix(unit.divisionCode), name: d?.name ?? null, divisionCode: unit.divisionCode };
  }
  return { prefix: null, name: null, divisionCode: null };
}

type FigureCtx = Pick<Ctx, 'services' | 'user'>;

export async function monitoringFigures(
  ctx: FigureCtx,
  unit: FigureUnit,
  period: { from: string; to: string },
  opts: { visitIntervalDays?: number } = {},
): Promise<Figures> {
  const { db } = ctx.services;
  const { scope } = ctx.user;
  const u = await unitName(db, unit);
  if (
    u.divisionCode &&
    !inScope(scope, { divisionCode: u.divisionCode }) &&
    !(unit.teamId != null && scope.teamIds.includes(unit.teamId))
  ) {
    throw new AppError('OUT_OF_SCOPE');
  }
  const conds: SQL[] = [sql`true`];
  if (u.prefix) conds.push(sql`h.division_code like ${`${u.prefix}%`}`);
  const scoped = scopeWhere(scope, { division: sql`h.division_code` });
  if (scoped) conds.push(scoped);
  const base = sql.join(conds, sql` and `);
  const from = sql`monitoring_households h left join monitoring_members m on m.household_id = h.id and ${PERSON}`;
  const counts = sql`count(distinct h.id)::int as households, count(distinct m.id_hash)::int as persons`;
  const one = async (extra: SQL): Promise<Count> =>
    (await rows<Count>(db, sql`select ${counts} from ${from} where ${base} and ${extra}`))[0];
  const grouped = async (key: SQL, extra: SQL, join: SQL = sql``): Promise<Record<string, Count>> => {
    const r = await rows<Count & { k: string }>(
      db,
      sql`select ${key} as k, ${counts} from ${from} ${join} where ${base} and ${extra} group by 1`,
    );
    return Object.fromEntries(r.map(({ k, households, persons }) => [k, { households, persons }]));
  };
  const interval = opts.visitIntervalDays ?? settings().visitIntervalDays;
  const overdueBefore = addDays(period.to, -interval);
  const inSchool = sql.join(
    IN_SCHOOL.map((s) => sql`${s}`),
    sql`, `,
  );

  const [monitored, byCategory, byStatus, byRisk, newlyIdentified, eliminated, visits, visitedPersons, extra] = await Promise.all([
    one(MONITORED),
    grouped(sql`h.category`, MONITORED),
    grouped(sql`h.status`, sql`true`),
    grouped(sql`r.kind`, MONITORED, sql`join monitoring_risks r on r.household_id = h.id and r.closed_on is null`),
    one(sql`h.identified_on between ${period.from} and ${period.to}`),
    one(sql`h.eliminated_on between ${period.from} and ${period.to}`),
    rows<{ made: number; households: number }>(
      db,
      sql`select count(*)::int as made, count(distinct v.household_id)::int as households from monitoring_visits v join monitoring_households h on h.id = v.household_id where ${base} and v.visited_on between ${period.from} and ${period.to}`,
    ),
    one(
      sql`exists (select 1 from monitoring_visits v where v.household_id = h.id and v.visited_on between ${period.from} and ${period.to})`,
    ),
    rows<{ overdue: number; students: number; villages: number }>(
      db,
      sql`select count(*) filter (where not exists (select 1 from monitoring_visits v where v.household_id = h.id and v.visited_on > ${overdueBefore} and v.visited_on <= ${period.to})
              and h.identified_on <= ${period.to})::int as overdue,
             count(*) filter (where exists (select 1 from monitoring_members m where m.household_id = h.id and m.active and m.schooling in (${inSchool})))::int as students,
             count(distinct h.division_code)::int as villages
          from monitoring_households h where ${base} and ${MONITORED}`,
    ),
  ]);
  return {
    unit: { divisionCode: u.divisionCode, teamId: unit.teamId ?? null, name: u.name },
    period,
    monitored,
    byCategory,
    byStatus,
    byRisk,
    newlyIdentified,
    eliminated,
    visits: {
      made: visits[0].made,
      households: visits[0].households,
      persons: visitedPersons.persons,
      overdueHouseholds: extra[0].overdue,
    },
    householdsWithStudents: extra[0].students,
    villages: extra[0].villages,
  };
}

/** One Figures per child division of `divisionCode` that the user may see. */
export async function childFigures(
  ctx: FigureCtx,
  divisionCode: string,
  period: { from: string; to: string },
  opts: { visitIntervalDays?: number } = {},
) {
  const children = await rows<{ code: string }>(
    ctx.services.db,
    sql`select code from divisions where parent_code = ${divisionCode} order by code`,
  );
  const visible = children.filter((c) => inScope(ctx.user.scope, { divisionCode: c.code }));
  const out: Figures[] = [];
  for (const c of visible) out.push(await monitoringFigures(ctx, { divisionCode: c.code }, period, opts));
  return out;
}

/** GET /api/monitoring/figures: the figures of a division or team (or of everything in scope), or one row per child division. */
export async function figuresFor(
  ctx: Ctx,
  q: { division?: string; team?: number; from: string; to: string; children?: 'true' | 'false' },
): Promise<{ rows: Figures[] }> {
  const period = { from: q.from, to: q.to };
  if (q.children === 'true' && q.division) return { rows: await childFigures(ctx, q.division, period) };
  return { rows: [await monitoringFigures(ctx, { divisionCode: q.division, teamId: q.team }, period)] };
}
