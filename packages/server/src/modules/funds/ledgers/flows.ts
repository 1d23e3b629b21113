// 资金拨付台账: a project's money flows (下达到项目 / 拨付 / 支出), named by 项目编号. An unknown or out-of-scope
// code and a flow over the project's budget of its kind (counting the file's earlier rows) are cell errors.
import { FLOW_TYPES, type FlowType, FUND_KINDS, FUNDS_LEDGERS, type FundKind } from '@xiezuo/shared/contracts/funds';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { amount, date, enumOf } from '../../../platform/ledgers/columns';
import { defineLedger, naturalKeyOf } from '../../../platform/ledgers/types';
import { dbOf, projectsInScope } from '../access';
import { createFlow, updateFlow } from '../flows';
import { projectsByCode } from '../projects';
import { fundFlows as ff, fundProjects as fp } from '../tables';
import { zh } from './common';

type Row = {
  projectCode: string;
  type: FlowType;
  kind: FundKind;
  occurredOn: string;
  amount: string;
  voucherNo: string | null;
  note: string | null;
  id?: number;
};

const KEY = { naturalKey: ['projectCode', 'type', 'kind', 'occurredOn', 'voucherNo'] };

export const flowLedger = defineLedger<Row>({
  key: FUNDS_LEDGERS.flows,
  title: '资金拨付台账',
  titleEn: 'Project money flows',
  entity: 'fund_flow',
  columns: [
    {
      key: 'projectCode',
      header: '项目编号',
      headerEn: 'Project code',
      synonyms: ['项目代码', '编号'],
      type: 'text',
      required: true,
      example: 'NK-LD-01',
    },
    enumOf(FLOW_TYPES, zh.flowTypes, {
      key: 'type',
      header: '资金流向',
      headerEn: 'Flow type',
      synonyms: ['类型', '业务类型'],
      required: true,
      example: '拨付',
      words: { 下达: 'commitment', 拨款: 'disbursement', 支付: 'expenditure' },
    }),
    enumOf(FUND_KINDS, zh.kinds, {
      key: 'kind',
      header: '资金性质',
      headerEn: 'Kind',
      synonyms: ['资金类别', '资金来源'],
      required: true,
      example: '社会帮扶资金',
    }),
    date({
      key: 'occurredOn',
      header: '日期',
      headerEn: 'Date',
      synonyms: ['拨付日期', '支出日期', '下达日期'],
      required: true,
      example: '2026-03-01',
    }),
    amount({ key: 'amount', header: '金额', headerEn: 'Amount', synonyms: ['金额（元）', '拨付金额'], required: true, example: '8万元' }),
    { key: 'voucherNo', header: '凭证号', headerEn: 'Voucher no.', synonyms: ['凭证编号', '记账凭证号'], type: 'text', maxLength: 100 },
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: KEY.naturalKey,
  permissions: { import: 'funds.write', export: 'ledgers.export' },
  validate(row) {
    return Number(row.amount) > 0 ? [] : [{ path: 'amount', key: 'validation.tooSmall', params: { min: 0.01 } }];
  },
  async validateBatch(rows, ctx) {
    const projects = await projectsByCode(
      ctx,
      rows.map((r) => r.projectCode),
    );
    const ids = [...projects.values()].map((p) => p.id);
    const db = dbOf(ctx);
    const [budgets, used, existing] = ids.length
      ? await Promise.all([
          db.execute(sql`select project_id, kind, amount::float8 as amount from funds_project_budgets where project_id in ${ids}`),
          db.execute(
            sql`select project_id, kind, type, sum(amount)::float8 as amount from funds_flows where project_id in ${ids} group by 1, 2, 3`,
          ),
          db
            .select({
              id: ff.id,
              projectId: ff.projectId,
              type: ff.type,
              kind: ff.kind,
              occurredOn: ff.occurredOn,
              voucherNo: ff.voucherNo,
              amount: ff.amount,
            })
            .from(ff)
            .where(inArray(ff.projectId, ids)),
        ])
      : [{ rows: [] }, { rows: [] }, []];
    const budget = new Map(
      (budgets.rows as { project_id: number; kind: string; amount: number }[]).map((b) => [`${b.project_id}/${b.kind}`, b.amount]),
    );
    const taken = new Map(
      (used.rows as { project_id: number; kind: string; type: string; amount: number }[]).map((u) => [
        `${u.project_id}/${u.kind}/${u.type}`,
        u.amount,
      ]),
    );
    const codeOf = new Map([...projects.values()].map((p) => [p.id, p.code]));
    const stored = new Map(existing.map((e) => [naturalKeyOf(KEY, { ...e, projectCode: codeOf.get(e.projectId) }), Number(e.amount)]));
    return rows.map((r): ErrorDetail[] => {
      const p = projects.get(r.projectCode);
      if (!p) return [{ path: 'projectCode', key: 'funds.validation.noProject' }];
      const key = `${p.id}/${r.kind}/${r.type}`;
      const replaced = stored.get(naturalKeyOf(KEY, r)) ?? 0; // a re-imported flow replaces itself
      const next = (taken.get(key) ?? 0) - replaced + Number(r.amount);
      const left = (budget.get(`${p.id}/${r.kind}`) ?? 0) - (taken.get(key) ?? 0) + replaced;
      if (next > (budget.get(`${p.id}/${r.kind}`) ?? 0) + 1e-6) {
        return [{ path: 'amount', key: 'funds.validation.overBudget', params: { left: Math.max(0, left).toFixed(2) } }];
      }
      taken.set(key, next);
      stored.set(naturalKeyOf(KEY, r), Number(r.amount));
      return [];
    });
  },
  async findExisting(tx, rows, ctx): Promise<Map<string, Row>> {
    const found = await tx
      .select({
        id: ff.id,
        projectCode: fp.code,
        type: ff.type,
        kind: ff.kind,
        occurredOn: ff.occurredOn,
        amount: ff.amount,
        voucherNo: ff.voucherNo,
        note: ff.note,
      })
      .from(ff)
      .innerJoin(fp, eq(fp.id, ff.projectId))
      .where(and(inArray(fp.code, [...new Set(rows.map((r) => r.projectCode))]), projectsInScope(ctx.user.scope)));
    return new Map(found.map((f) => [naturalKeyOf(KEY, f), f]));
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    const projects = await projectsByCode(
      c,
      [...changes.insert, ...changes.update.map((u) => u.after)].map((r) => r.projectCode),
    );
    for (const { id: _id, projectCode, amount: a, ...r } of changes.insert) {
      await createFlow(c, { ...r, projectId: projects.get(projectCode)!.id, amount: Number(a) });
    }
    for (const { before, after } of changes.update) await updateFlow(c, before.id!, { amount: Number(after.amount), note: after.note });
  },
  async exportRows(ctx) {
    return dbOf(ctx)
      .select({
        projectCode: fp.code,
        type: ff.type,
        kind: ff.kind,
        occurredOn: ff.occurredOn,
        amount: ff.amount,
        voucherNo: ff.voucherNo,
        note: ff.note,
      })
      .from(ff)
      .innerJoin(fp, eq(fp.id, ff.projectId))
      .where(projectsInScope(ctx.user.scope))
      .orderBy(asc(fp.code), asc(ff.occurredOn), asc(ff.id));
  },
});
