// 资金流向（按县）: for each county (县、市、区; a city's own level as the city) in scope, the money that reached it (what batches and transfers kept
// there or below, by the same rule as the figures: no 元 twice), its projects, committed, disbursed and the
// disbursement rate (sums first, then the ratio) — ranked by the rate, as HQ compares counties — and where that
// money came from: the payer of the batch each 元 was first sent in (a transfer is traced up to its batch) — and
// where it went: committed to its projects, by type of project.
import type { FundKind, ProjectType } from '@xiezuo/shared/contracts/funds';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/context';
import { allocationsInScope, dbOf, projectsInScope } from './access';

const county = (col: string) => `substr(${col}, 1, 6) || '000000'`;
const prefix = 'substr(funds_projects.division_code, 1, 6)'; // as funds_projects_county_idx indexes it

export async function countyFlows(ctx: Ctx, q: { kind?: FundKind; budgetYear?: number }) {
  const db = dbOf(ctx);
  const allocScope = allocationsInScope(ctx.user.scope) ?? sql`true`;
  const projScope = projectsInScope(ctx.user.scope) ?? sql`true`;
  const kind = q.kind ? sql`and funds_allocations.kind = ${q.kind}` : sql``;
  const year = q.budgetYear ? sql`and funds_allocations.budget_year = ${q.budgetYear}` : sql``;
  const flowKind = q.kind ? sql`and f.kind = ${q.kind}` : sql``;
  const result = await db.execute(sql`
    with received as (
      select ${sql.raw(county('funds_allocations.division_code'))} as code,
             sum(funds_allocations.amount - coalesce((select sum(c.amount) from funds_allocations c where c.parent_id = funds_allocations.id), 0)) as amount
      from funds_allocations
      where ${allocScope} ${kind} ${year}
      group by 1
    ), money as (
      -- committed and disbursed by county and type of project: one pass over the flows (expenditure rows left out),
      -- grouped by the county's prefix, which funds_projects_county_idx gives the planner statistics for
      select ${sql.raw(prefix)} as county, funds_projects.type as type,
             sum(f.amount) filter (where f.type = 'commitment') as committed,
             sum(f.amount) filter (where f.type = 'disbursement') as disbursed
      from funds_flows f join funds_projects on funds_projects.id = f.project_id
      where f.type in ('commitment', 'disbursement') ${flowKind} and ${projScope}
      group by 1, 2
    ), counted as (
      select ${sql.raw(prefix)} as county, funds_projects.type as type, count(*)::int as projects
      from funds_projects
      where ${projScope}
      group by 1, 2
    ), projects as (
      select c.county || '000000' as code, sum(c.projects)::int as projects, coalesce(sum(m.committed), 0) as committed,
             coalesce(sum(m.disbursed), 0) as disbursed,
             coalesce(json_agg(json_build_object('type', c.type, 'committed', m.committed::numeric(18,2)::text) order by m.committed desc, c.type)
                        filter (where m.committed is not null), '[]') as "byType"
      from counted c left join money m on m.county = c.county and m.type = c.type
      group by 1
    )
    select coalesce(r.code, p.code) as "divisionCode", d.name as "divisionName",
           coalesce(r.amount, 0)::numeric(18,2)::text as received, coalesce(p.projects, 0) as projects,
           coalesce(p.committed, 0)::numeric(18,2)::text as committed, coalesce(p.disbursed, 0)::numeric(18,2)::text as disbursed,
           coalesce(p."byType", '[]') as "byType"
    from received r full join projects p on p.code = r.code
    left join divisions d on d.code = coalesce(r.code, p.code)
    order by case when coalesce(p.committed, 0) > 0 then coalesce(p.disbursed, 0) / p.committed end desc nulls last, 1`);
  // payer → county: what each county kept, by the payer of the batch at the top of its chain
  const payers = await db.execute(sql`
    with recursive chain as (
      select id, payer_division_code as payer from funds_allocations where parent_id is null
      union all
      select c.id, chain.payer from funds_allocations c join chain on c.parent_id = chain.id
    )
    select ${sql.raw(county('funds_allocations.division_code'))} as code, chain.payer as "payerCode", d.name as "payerName",
           sum(funds_allocations.amount - coalesce((select sum(c.amount) from funds_allocations c where c.parent_id = funds_allocations.id), 0))::numeric(18,2)::text as amount
    from funds_allocations join chain on chain.id = funds_allocations.id left join divisions d on d.code = chain.payer
    where ${allocScope} ${kind} ${year}
    group by 1, 2, 3 order by 1, 4 desc`);
  const byCounty = new Map<string, { divisionCode: string; divisionName: string | null; amount: string }[]>();
  for (const p of payers.rows as { code: string; payerCode: string; payerName: string | null; amount: string }[]) {
    if (Number(p.amount) <= 0) continue;
    const list = byCounty.get(p.code) ?? [];
    list.push({ divisionCode: p.payerCode, divisionName: p.payerName, amount: p.amount });
    byCounty.set(p.code, list);
  }
  return (
    result.rows as {
      divisionCode: string;
      divisionName: string | null;
      received: string;
      projects: number;
      committed: string;
      disbursed: string;
      byType: string | { type: ProjectType; committed: string }[];
    }[]
  ).map((r) => ({
    ...r,
    payers: byCounty.get(r.divisionCode) ?? [],
    byType: typeof r.byType === 'string' ? JSON.parse(r.byType) : r.byType, // json, parsed by the driver or not
    projects: Number(r.projects),
    rate: Number(r.committed) > 0 ? Number(r.disbursed) / Number(r.committed) : null,
  }));
}
