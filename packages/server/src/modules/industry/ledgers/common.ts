// What the industry ledgers share: the catalogue's labels and the batch lookups of the records a row names
// (enterprises, workshops, parks by name within the user's scope) — one query per batch, never per row.
import { catalogues } from '@xiezuo/shared/i18n/index';
import { and, asc, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { dbOf, enterprisesInScope, workshopsInScope } from '../access';
import { industryEnterprises as ent, industryParks as parks, industryWorkshops as shops } from '../tables';

export const zh = catalogues['zh-CN'].industry;

const unique = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => v != null))];

/** Enterprises the user may see, by name. */
export async function enterprisesByName(ctx: Ctx, names: (string | null | undefined)[]) {
  const wanted = unique(names);
  const rows = wanted.length
    ? await dbOf(ctx)
        .select({ id: ent.id, name: ent.name, divisionCode: ent.divisionCode, teamId: ent.teamId })
        .from(ent)
        .where(and(enterprisesInScope(ctx.user.scope), inArray(ent.name, wanted)))
        .orderBy(asc(ent.id))
    : [];
  return new Map(rows.map((r) => [r.name, r]));
}

/** Workshops the user may see, by name (of two of one name, the later). */
export async function workshopsByName(ctx: Ctx, names: (string | null | undefined)[]) {
  const wanted = unique(names);
  const rows = wanted.length
    ? await dbOf(ctx)
        .select({ id: shops.id, name: shops.name })
        .from(shops)
        .where(and(workshopsInScope(ctx.user.scope), inArray(shops.name, wanted)))
        .orderBy(asc(shops.id))
    : [];
  return new Map(rows.map((r) => [r.name, r.id]));
}

/** Parks by name, with where they lie (a park is shared by the enterprises of both sides). */
export async function parksByName(ctx: Ctx, names: (string | null | undefined)[]) {
  const wanted = unique(names);
  const rows = wanted.length
    ? await dbOf(ctx)
        .select({ id: parks.id, name: parks.name, divisionCode: parks.divisionCode })
        .from(parks)
        .where(inArray(parks.name, wanted))
    : [];
  return new Map(rows.map((r) => [r.name, r]));
}
