// Division queries (行政区划): children, search, detail — all "as of" a date, so that a report for an
// earlier period sees the tree as it was. The current version of a division lives in `divisions`
// (valid from `since` until `abolishedOn`); earlier versions in `division_versions`.
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import type { DivisionLevel } from '@xiezuo/shared/contracts/registry';
import { arrayContains, asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import { dbOf } from './access';
import { divisionChanges, divisionVersions } from './tables';

export interface DivisionAsOf {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
}

// The version of division `d` valid on `day`, as SQL columns; rows where nothing is valid are filtered by
// `existsOn`. `v` is the lateral version row.
const versionJoin = (day: string) => sql`
  left join lateral (
    select v.name, v.parent_code from division_versions v
    where v.code = d.code and (v.valid_from is null or v.valid_from <= ${day}::date) and v.valid_to > ${day}::date
    order by v.valid_to limit 1) v on true`;
const existsOn = (day: string) => sql`(v.name is not null or ((d.since is null or d.since <= ${day}::date)
  and (d.abolished_on is null or d.abolished_on > ${day}::date)))`;

type Raw = { code: string; name: string; level: DivisionLevel; parent_code: string | null; has_children?: boolean };
const toRow = (r: Raw): DivisionAsOf => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code });

/** Children of `parent` (null: the provinces) as they were on `day` (default today). */
export async function childrenAsOf(ctx: Ctx, parent: string | null, day = todayInBeijing()) {
  const cand = parent
    ? sql`select code from divisions where parent_code = ${parent} union select code from division_versions where parent_code = ${parent}`
    : sql`select code from divisions where parent_code is null`;
  const result = await dbOf(ctx).execute(sql`
    with cand as (${cand})
    select d.code, coalesce(v.name, d.name) as name, d.level,
           case when v.name is not null then v.parent_code else d.parent_code end as parent_code,
           exists (select 1 from divisions c where c.parent_code = d.code)
             or exists (select 1 from division_versions c where c.parent_code = d.code) as has_children
    from divisions d join cand using (code) ${versionJoin(day)}
    where ${existsOn(day)}
    order by d.code`);
  return (result.rows as Raw[]).filter((r) => r.parent_code === parent).map((r) => ({ ...toRow(r), hasChildren: Boolean(r.has_children) }));
}

/** The user's own divisions and everything under them (a team-only scope has none). */
function inScopeOf(ctx: Ctx) {
  const { scope } = ctx.user;
  if (scope.all) return sql`true`;
  const parts = scope.divisionPrefixes.map((p) => sql`d.code like ${`${p}%`}`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/** One division as it was on `day`, or null if it did not exist then. */
export async function divisionAsOf(ctx: Ctx, code: string, day = todayInBeijing()): Promise<DivisionAsOf | null> {
  const result = await dbOf(ctx).execute(sql`
    select d.code, coalesce(v.name, d.name) as name, d.level,
           case when v.name is not null then v.parent_code else d.parent_code end as parent_code
    from divisions d ${versionJoin(day)} where d.code = ${code} and ${existsOn(day)}`);
  const r = result.rows[0] as Raw | undefined;
  return r ? toRow(r) : null;
}

/** Ancestors (province first) of a division as they were on `day`. */
export async function ancestorsAsOf(ctx: Ctx, code: string, day = todayInBeijing()): Promise<DivisionAsOf[]> {
  const out: DivisionAsOf[] = [];
  let cur = await divisionAsOf(ctx, code, day);
  for (let i = 0; cur?.parentCode && i < 6; i++) {
    cur = await divisionAsOf(ctx, cur.parentCode, day);
    if (cur) out.unshift(cur);
  }
  return out;
}

/**
 * The whole subtree under `root` (root included) as it was on `day`: for reports of an earlier period
 * (a town merged away last year still counts under its then county). Candidates are the codes under the
 * root's prefix plus every division that ever changed and its descendants; each gets its version of
 * `day` and is kept if its parent chain reaches the root.
 */
export async function subtreeAsOf(ctx: Ctx, root: string, day = todayInBeijing()): Promise<DivisionAsOf[]> {
  const db = dbOf(ctx);
  const changed = await db.execute(sql`
    select code from division_versions union select code from divisions where since is not null or abolished_on is not null`);
  const prefixes = [...new Set([root, ...(changed.rows as { code: string }[]).map((r) => r.code)].map(divisionPrefix))];
  const like = sql.join(
    prefixes.map((p) => sql`d.code like ${`${p}%`}`),
    sql` or `,
  );
  const result = await db.execute(sql`
    select d.code, coalesce(v.name, d.name) as name, d.level,
           case when v.name is not null then v.parent_code else d.parent_code end as parent_code
    from divisions d ${versionJoin(day)} where (${like}) and ${existsOn(day)}`);
  const rows = (result.rows as Raw[]).map(toRow);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const inTree = new Map<string, boolean>([[root, byCode.has(root)]]);
  const reaches = (code: string, depth = 0): boolean => {
    const known = inTree.get(code);
    if (known !== undefined) return known;
    const parent = byCode.get(code)?.parentCode;
    const ok = depth < 8 && parent != null && reaches(parent, depth + 1);
    inTree.set(code, ok);
    return ok;
  };
  return rows.filter((r) => reaches(r.code));
}

/** Search current divisions by Chinese name substring or code prefix; each hit with its path. */
export async function searchDivisions(ctx: Ctx, q: string, limit: number, only: { level?: DivisionLevel; within?: string } = {}) {
  const digits = /^\d+$/.test(q);
  const match = digits ? sql`d.code like ${`${q}%`}` : sql`d.name like ${`%${q.replace(/[%_\\]/g, '\\$&')}%`}`;
  const cond = sql.join(
    [
      match,
      only.level ? sql`d.level = ${only.level}` : sql`true`,
      only.within === 'scope' ? inScopeOf(ctx) : only.within ? sql`d.code like ${`${divisionPrefix(only.within)}%`}` : sql`true`,
    ],
    sql` and `,
  );
  const result = await dbOf(ctx).execute(sql`
    with recursive hits as (
      select d.code, d.name, d.level, d.parent_code from divisions d
      where d.abolished_on is null and ${cond}
      order by array_position(array['province','city','county','town','village'], d.level), length(d.name), d.code
      limit ${limit}),
    chain as (
      select h.code as hit, p.code, p.name, p.parent_code, 0 as depth from hits h join divisions p on p.code = h.parent_code
      union all
      select c.hit, p.code, p.name, p.parent_code, c.depth + 1 from chain c join divisions p on p.code = c.parent_code where c.depth < 6)
    select h.code, h.name, h.level, h.parent_code,
           exists (select 1 from divisions c where c.parent_code = h.code) as has_children,
           coalesce((select string_agg(c.name, ' / ' order by c.depth desc) from chain c where c.hit = h.code), '') as path
    from hits h
    order by array_position(array['province','city','county','town','village'], h.level), length(h.name), h.code`);
  return (result.rows as (Raw & { path: string })[]).map((r) => ({ ...toRow(r), hasChildren: Boolean(r.has_children), path: r.path }));
}

/** One division as it was on `day` (default today): its children, ancestors, versions and changes. */
export async function divisionDetail(ctx: Ctx, code: string, asOf?: string) {
  const db = dbOf(ctx);
  const day = asOf ?? todayInBeijing();
  const d = await divisionAsOf(ctx, code, day);
  if (!d) throw new AppError('NOT_FOUND');
  const [children, ancestors, versions, changes, [cur]] = await Promise.all([
    childrenAsOf(ctx, d.code, day),
    ancestorsAsOf(ctx, d.code, day),
    db.select().from(divisionVersions).where(eq(divisionVersions.code, d.code)).orderBy(asc(divisionVersions.validTo)),
    db
      .select()
      .from(divisionChanges)
      .where(arrayContains(divisionChanges.codes, [d.code]))
      .orderBy(asc(divisionChanges.effectiveOn)),
    db
      .execute(sql`select since::text, abolished_on::text from divisions where code = ${d.code}`)
      .then((r) => r.rows as { since: string | null; abolished_on: string | null }[]),
  ]);
  return {
    ...d,
    hasChildren: children.length > 0,
    ancestors: ancestors.map((a) => ({ code: a.code, name: a.name })),
    since: cur?.since ?? null,
    abolishedOn: cur?.abolished_on ?? null,
    versions: versions.map((v) => ({ name: v.name, parentCode: v.parentCode, validFrom: v.validFrom, validTo: v.validTo })),
    changes: changes.map((c) => ({ id: c.id, kind: c.kind, effectiveOn: c.effectiveOn, codes: c.codes, note: c.note })),
  };
}
