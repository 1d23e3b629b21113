// 考核指标体系 as versioned data: a framework per year and programme — aspects → items with max points, evaluation
// groups and grade cut-offs. Locked once a cycle uses it; a new year copies it (a new version) and edits the copy.
import type { FrameworkInputT } from '@xiezuo/shared/contracts/assessment';
import { INDICATOR_BY_CODE } from '@xiezuo/shared/indicators/catalogue';
import { asc, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Db, Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { assessmentFrameworks as F } from './tables';

type Row = typeof F.$inferSelect;

export const maxTotal = (aspects: FrameworkInputT['aspects']) =>
  aspects.flatMap((a) => a.items).reduce((s, i) => s + (i.kind === 'veto' || i.kind === 'bonus' ? 0 : i.maxPoints), 0);

export const frameworkOut = (r: Row) => ({
  id: r.id,
  year: r.year,
  programme: r.programme,
  name: r.name,
  version: r.version,
  illustrative: r.illustrative,
  aspects: r.aspects,
  groups: r.groups,
  cutoffs: r.cutoffs,
  lockedAt: r.lockedAt?.toISOString() ?? null,
  copiedFrom: r.copiedFrom,
  maxTotal: maxTotal(r.aspects),
});

/** Checks a framework: unique item codes, indicator items name a known indicator, cut-offs in order. */
export function checkFramework(body: FrameworkInputT) {
  const seen = new Set<string>();
  for (const [ai, a] of body.aspects.entries()) {
    for (const [ii, item] of a.items.entries()) {
      const path = `body.aspects.${ai}.items.${ii}`;
      if (seen.has(item.code))
        throw invalid({ path: `${path}.code`, key: 'assessment.validation.duplicateItem', params: { code: item.code } });
      seen.add(item.code);
      if (item.kind === 'indicator' || item.kind === 'innovation') {
        const code = item.indicator?.split('|')[0] ?? '';
        if (!INDICATOR_BY_CODE.has(code))
          throw invalid({ path: `${path}.indicator`, key: 'assessment.validation.indicator', params: { code: item.indicator ?? '' } });
      }
    }
  }
  const c = body.cutoffs;
  if (!(c.good > c.fairlyGood && c.fairlyGood > c.average)) throw invalid({ path: 'body.cutoffs', key: 'assessment.validation.cutoffs' });
}

export async function listFrameworks(ctx: Ctx) {
  return (await (ctx.tx ?? ctx.services.db).select().from(F).orderBy(asc(F.year), asc(F.programme), asc(F.version))).map(frameworkOut);
}

export async function frameworkRow(db: Db | Tx, id: number): Promise<Row> {
  const [r] = await db.select().from(F).where(eq(F.id, id));
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

export async function getFramework(ctx: Ctx, id: number) {
  return frameworkOut(await frameworkRow(ctx.tx ?? ctx.services.db, id));
}

export async function createFramework(ctx: Ctx, body: FrameworkInputT, copiedFrom: number | null = null, version = 1) {
  checkFramework(body);
  return withTx(ctx, async (tx, ctx) => {
    const [r] = await tx
      .insert(F)
      .values({ ...body, copiedFrom, version })
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'assessment_framework', entityId: r.id, after: { ...body, copiedFrom } });
    return frameworkOut(r);
  });
}

/** Edits a framework no cycle uses yet (a locked one answers 409: copy it instead). */
export async function updateFramework(ctx: Ctx, id: number, body: FrameworkInputT) {
  checkFramework(body);
  return withTx(ctx, async (tx, ctx) => {
    const before = await frameworkRow(tx, id);
    if (before.lockedAt) throw new AppError('CONFLICT', {}, [{ path: 'params.id', key: 'assessment.validation.frameworkLocked' }]);
    const [r] = await tx.update(F).set(body).where(eq(F.id, id)).returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'assessment_framework', entityId: id, before, after: body });
    return frameworkOut(r);
  });
}

/** 复制到新年度: the same tree, groups and cut-offs for another year, unlocked, one version up. */
export async function copyFramework(ctx: Ctx, id: number, year: number) {
  const from = await frameworkRow(ctx.tx ?? ctx.services.db, id);
  const { aspects, groups, cutoffs, programme, name, illustrative } = from;
  return createFramework(
    ctx,
    { year, programme, name: name.replace(String(from.year), String(year)), illustrative, aspects, groups, cutoffs },
    id,
    from.version + 1,
  );
}
