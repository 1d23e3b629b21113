// 订单班: classes and their students. Graduates, employed, the rate and the average wage are counted from
// the class roster (labour_class_members), never typed.
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import type { OrderClassInput } from '@xiezuo/shared/contracts/labour';
import { ratioOf } from '@xiezuo/shared/indicators/catalogue';
import { and, asc, count, desc, eq, ilike, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import { AppError } from '../../platform/http/errors';
import { divisions } from '../registry';
import { assertWritable, classesInScope, dbOf, ownTeamOf } from './access';
import { isLifted } from './people';
import { labourClassMembers, labourOrderClasses } from './tables';

export interface ClassFilter {
  divisionCode?: string;
  q?: string;
}

const c = labourOrderClasses;
const m = labourClassMembers;

function conditions(ctx: Ctx, f: ClassFilter): SQL | undefined {
  const conds = [classesInScope(ctx.user.scope)];
  if (f.divisionCode) conds.push(like(c.divisionCode, `${divisionPrefix(f.divisionCode)}%`));
  if (f.q) conds.push(or(ilike(c.name, `%${f.q}%`), ilike(c.school, `%${f.q}%`), ilike(c.enterprise, `%${f.q}%`)));
  return and(...conds);
}

/** The counts of each class's roster, one query for the page. */
async function rosterCounts(ctx: Ctx, ids: number[]) {
  if (!ids.length) return new Map<number, { students: number; graduates: number; employed: number; lifted: number; wages: number }>();
  const rows = await dbOf(ctx)
    .select({
      classId: m.classId,
      students: sql<number>`count(*)::int`,
      graduates: sql<number>`count(*) filter (where ${m.graduated})::int`,
      employed: sql<number>`count(*) filter (where ${m.employed})::int`,
      lifted: sql<number>`count(*) filter (where ${isLifted('labour_class_members')})::int`,
      wages: sql<number>`coalesce(sum(${m.monthlyWage}) filter (where ${m.employed}), 0)::float8`,
    })
    .from(m)
    .where(inArray(m.classId, ids))
    .groupBy(m.classId);
  return new Map(rows.map((r) => [r.classId, r]));
}

export async function listOrderClasses(ctx: Ctx, f: ClassFilter & { page: number; pageSize: number }) {
  const where = conditions(ctx, f);
  const [rows, [{ total }]] = await Promise.all([
    dbOf(ctx)
      .select({ row: c, divisionName: divisions.name })
      .from(c)
      .leftJoin(divisions, eq(divisions.code, c.divisionCode))
      .where(where)
      .orderBy(desc(c.graduationDate), asc(c.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    dbOf(ctx).select({ total: count() }).from(c).where(where),
  ]);
  const counts = await rosterCounts(
    ctx,
    rows.map((r) => r.row.id),
  );
  const items = rows.map(({ row, divisionName }) => {
    const n = counts.get(row.id) ?? { students: 0, graduates: 0, employed: 0, lifted: 0, wages: 0 };
    const { createdAt: _c, updatedAt: _u, ...rest } = row;
    return {
      ...rest,
      divisionName,
      students: n.students,
      graduates: n.graduates,
      employed: n.employed,
      lifted: n.lifted,
      rate: ratioOf(n.employed, n.graduates),
      averageWage: n.employed ? Math.round((n.wages / n.employed) * 100) / 100 : null,
    };
  });
  return { items, total: Number(total), page: f.page, pageSize: f.pageSize };
}

export async function orderClassRow(ctx: Ctx, id: number) {
  const [row] = await dbOf(ctx).select().from(c).where(eq(c.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  const page = await listOrderClasses(ctx, { q: row.name, page: 1, pageSize: 100 });
  const found = page.items.find((i) => i.id === id);
  if (!found) throw new AppError('OUT_OF_SCOPE');
  return found;
}

export async function createOrderClass(ctx: Ctx, body: z.output<typeof OrderClassInput>) {
  const teamId = body.teamId ?? ownTeamOf(ctx.user.scope);
  assertWritable(ctx, { divisionCode: body.divisionCode, teamId });
  return withTx(ctx, async (tx, ctx) => {
    const [dup] = await tx
      .select({ id: c.id })
      .from(c)
      .where(and(eq(c.name, body.name), eq(c.cohort, body.cohort)));
    if (dup) throw new AppError('CONFLICT', {}, [{ path: 'body.name', key: 'labour.validation.duplicateClass' }]);
    const [row] = await tx
      .insert(c)
      .values({ ...body, teamId })
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'labour_order_class', entityId: row.id, after: row });
    return row.id;
  });
}
