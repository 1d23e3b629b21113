// 企业用工人数报送台账: where an enterprise only reports how many it employs, a dated report (shown as
// 企业报送); it holds until the next report. The enterprise is named as in the enterprise ledger.
import { INDUSTRY_LEDGERS } from '@xiezuo/shared/contracts/industry';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { date } from '../../../platform/ledgers/columns';
import { defineLedger, type LedgerContext, naturalKeyOf } from '../../../platform/ledgers/types';
import { dbOf, enterprisesInScope } from '../access';
import { addHeadcount } from '../investments';
import { industryEnterprises as ent, industryHeadcounts as heads } from '../tables';
import { enterprisesByName } from './common';

type HeadcountLedgerRow = { enterprise: string; reportedOn: string; jobs: number; note: string | null; id?: number };

export const headcountLedger = defineLedger<HeadcountLedgerRow>({
  key: INDUSTRY_LEDGERS.headcounts,
  title: '企业用工人数报送台账',
  titleEn: 'Enterprise headcount reports',
  entity: 'industry_headcount',
  columns: [
    {
      key: 'enterprise',
      header: '企业名称',
      headerEn: 'Enterprise',
      synonyms: ['经营主体名称', '企业'],
      type: 'text',
      required: true,
      example: '中山某某电器有限公司',
    },
    date({
      key: 'reportedOn',
      header: '报送日期',
      headerEn: 'Reported on',
      synonyms: ['统计日期', '截至日期'],
      required: true,
      example: '2025-06-30',
    }),
    {
      key: 'jobs',
      header: '用工人数',
      headerEn: 'Jobs',
      synonyms: ['吸纳就业人数', '带动就业人数', '就业人数'],
      type: 'integer',
      required: true,
      example: 43,
    },
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: ['enterprise', 'reportedOn'],
  permissions: { import: 'industry.write', export: 'ledgers.export' },
  validate(row) {
    return row.jobs < 0 ? [{ path: 'jobs', key: 'validation.tooSmall', params: { min: 0 } }] : [];
  },
  async validateBatch(rows, ctx: LedgerContext): Promise<ErrorDetail[][]> {
    const ents = await enterprisesByName(
      ctx,
      rows.map((r) => r.enterprise),
    );
    return rows.map((r) =>
      ents.has(r.enterprise) ? [] : [{ path: 'enterprise', key: 'industry.validation.noEnterpriseByName', params: { name: r.enterprise } }],
    );
  },
  async findExisting(tx, rows): Promise<Map<string, HeadcountLedgerRow>> {
    const found = await tx
      .select({ id: heads.id, enterprise: ent.name, reportedOn: heads.reportedOn, jobs: heads.jobs, note: heads.note })
      .from(heads)
      .innerJoin(ent, eq(ent.id, heads.enterpriseId))
      .where(inArray(ent.name, [...new Set(rows.map((r) => r.enterprise))]));
    return new Map(found.map((f) => [naturalKeyOf(headcountLedger, f), f] as const));
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    const all = [...changes.insert, ...changes.update.map((u) => u.after)];
    const ents = await enterprisesByName(
      c,
      all.map((r) => r.enterprise),
    );
    // a report of the same enterprise and day replaces the stored one (addHeadcount upserts, audited)
    for (const r of all)
      await addHeadcount(c, { enterpriseId: ents.get(r.enterprise)!.id, reportedOn: r.reportedOn, jobs: r.jobs, note: r.note });
  },
  async exportRows(ctx) {
    return dbOf(ctx)
      .select({ enterprise: ent.name, reportedOn: heads.reportedOn, jobs: heads.jobs, note: heads.note })
      .from(heads)
      .innerJoin(ent, eq(ent.id, heads.enterpriseId))
      .where(and(enterprisesInScope(ctx.user.scope)))
      .orderBy(asc(ent.id), asc(heads.reportedOn));
  },
});
