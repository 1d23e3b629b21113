// 技能培训: sessions and their trainees (人次). Trainees and certificates are counted from the trainee rows;
// 其中脱贫人口 from lifted_persons. Sessions and trainees come in through the 培训学员台账.
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import { and, count, desc, eq, ilike, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { scopeWhere } from '../../platform/scope';
import { divisions } from '../registry';
import { dbOf } from './access';
import { isLifted } from './people';
import { labourTrainees, labourTrainings } from './tables';

const s = labourTrainings;
const p = labourTrainees;

export const trainingsInScope = (ctx: Ctx) => scopeWhere(ctx.user.scope, { division: s.divisionCode, team: s.teamId });

function conditions(ctx: Ctx, f: { divisionCode?: string; q?: string }): SQL | undefined {
  const conds = [trainingsInScope(ctx)];
  if (f.divisionCode) conds.push(like(s.divisionCode, `${divisionPrefix(f.divisionCode)}%`));
  if (f.q) conds.push(or(ilike(s.name, `%${f.q}%`), ilike(s.organiser, `%${f.q}%`)));
  return and(...conds);
}

export async function listTrainings(ctx: Ctx, f: { divisionCode?: string; q?: string; page: number; pageSize: number }) {
  const where = conditions(ctx, f);
  const [rows, [{ total }]] = await Promise.all([
    dbOf(ctx)
      .select({ row: s, divisionName: divisions.name })
      .from(s)
      .leftJoin(divisions, eq(divisions.code, s.divisionCode))
      .where(where)
      .orderBy(desc(s.startDate), desc(s.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    dbOf(ctx).select({ total: count() }).from(s).where(where),
  ]);
  const ids = rows.map((r) => r.row.id);
  const counts = ids.length
    ? await dbOf(ctx)
        .select({
          id: p.trainingId,
          trainees: sql<number>`count(*)::int`,
          lifted: sql<number>`count(*) filter (where ${isLifted('labour_trainees')})::int`,
          certified: sql<number>`count(*) filter (where ${p.certified})::int`,
        })
        .from(p)
        .where(inArray(p.trainingId, ids))
        .groupBy(p.trainingId)
    : [];
  const byId = new Map(counts.map((c) => [c.id, c]));
  const items = rows.map(({ row, divisionName }) => {
    const { createdAt: _c, ...rest } = row;
    const c = byId.get(row.id);
    return { ...rest, divisionName, trainees: c?.trainees ?? 0, lifted: c?.lifted ?? 0, certified: c?.certified ?? 0 };
  });
  return { items, total: Number(total), page: f.page, pageSize: f.pageSize };
}
