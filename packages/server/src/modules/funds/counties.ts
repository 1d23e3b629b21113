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
    ), projects as (
      select ${sql.raw(county('funds_projects.division_code'))} as code, count(distinct funds_projects.id)::int as projects,
             coalesce(sum(f.amount) filter (where f.type = 'commitment'), 0) as committed,
             coalesce(sum(f.amount) filter (where f.type = 'disbursement'), 0) as disbursed
      from funds_projects left join funds_flows f on f.project_id = funds_projects.id ${flowKind}
      where ${projScope}
      group by 1
    )
    select coalesce(r.code, p.code) as "divisionCode", d.name as "divisionName",
           coalesce(r.amount, 0)::numeric(18,2)::text as received, coalesce(p.projects, 0) as projects,
           coalesce(p.committed, 0)::numeric(18,2)::text as committed, coalesce(p.disbursed, 0)::numeric(18,2)::text as disbursed
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
  // county → projects by type: what was committed to its projects (下达到项目), by their type
  const types = await db.execute(sql`
    select ${sql.raw(county('funds_projects.division_code'))} as code, funds_projects.type as type,
           sum(f.amount)::numeric(18,2)::text as committed
    from funds_projects join funds_flows f on f.project_id = funds_projects.id and f.type = 'commitment' ${flowKind}
    where ${projScope}
    group by 1, 2 order by 1, 3 desc`);
  const typesOf = new Map<string, { type: ProjectType; committed: string }[]>();
  for (const r of types.rows as { code: string; type: ProjectType; committed: string }[]) {
    typesOf.set(r.code, [...(typesOf.get(r.code) ?? []), { type: r.type, committed: r.committed }]);
  }
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
    }[]
  ).map((r) => ({
    ...r,
    payers: byCounty.get(r.divisionCode) ?? [],
    byType: typesOf.get(r.divisionCode) ?? [],
    projects: Number(r.projects),
    rate: Number(r.committed) > 0 ? Number(r.disbursed) / Number(r.committed) : null,
  }));
}
