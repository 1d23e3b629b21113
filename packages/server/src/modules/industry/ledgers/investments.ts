// 投资到位台账: signed and in-place increments of an enterprise named as in the enterprise ledger. In place
// may not run above signed: the batch adds the file's increments to what is stored (a re-imported row replaces
// its stored one) and marks the amount cell that would push it over.
import { INDUSTRY_LEDGERS, INVESTMENT_KINDS, type InvestmentKind } from '@xiezuo/shared/contracts/industry';
import { formatAmount } from '@xiezuo/shared/format';
import { eq, inArray } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { amount, date, enumOf } from '../../../platform/ledgers/columns';
import { defineLedger, type LedgerContext, naturalKeyOf } from '../../../platform/ledgers/types';
import { dbOf } from '../access';
import { addInvestment, listInvestments, updateInvestment } from '../investments';
import { industryEnterprises as ent, industryInvestments as inv } from '../tables';
import { enterprisesByName, zh } from './common';

type InvestmentLedgerRow = { enterprise: string; kind: InvestmentKind; amount: string; day: string; note: string | null; id?: number };

export const investmentLedger = defineLedger<InvestmentLedgerRow>({
  key: INDUSTRY_LEDGERS.investments,
  title: '投资到位台账',
  titleEn: 'Investment increments',
  entity: 'industry_investment',
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
    enumOf(INVESTMENT_KINDS, zh.investmentKinds, {
      key: 'kind',
      header: '投资类别',
      headerEn: 'Kind',
      synonyms: ['类别'],
      required: true,
      words: { 协议: 'signed', 签约投资: 'signed', 到位: 'in_place', 实际到位: 'in_place', 到位投资: 'in_place', 实际投资: 'in_place' },
      example: '实际到位投资',
    }),
    amount({
      key: 'amount',
      header: '金额（元）',
      headerEn: 'Amount (yuan)',
      synonyms: ['金额', '投资额', '到位金额'],
      required: true,
      example: 8000000,
    }),
    date({
      key: 'day',
      header: '日期',
      headerEn: 'Date',
      synonyms: ['到位日期', '签约日期', '投资日期'],
      required: true,
      example: '2025-05-20',
    }),
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: ['enterprise', 'kind', 'day'],
  permissions: { import: 'industry.write', export: 'ledgers.export' },
  validate(row) {
    return Number(row.amount) > 0 ? [] : [{ path: 'amount', key: 'validation.tooSmall', params: { min: 0.01 } }];
  },
  validateBatch: checkInvestments,
  async findExisting(tx, rows): Promise<Map<string, InvestmentLedgerRow>> {
    const found = await tx
      .select({ id: inv.id, enterprise: ent.name, kind: inv.kind, amount: inv.amount, day: inv.day, note: inv.note })
      .from(inv)
      .innerJoin(ent, eq(ent.id, inv.enterpriseId))
      .where(inArray(ent.name, [...new Set(rows.map((r) => r.enterprise))]));
    return new Map(found.map((f) => [naturalKeyOf(investmentLedger, f), f] as const));
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    const ents = await enterprisesByName(
      c,
      changes.insert.map((r) => r.enterprise),
    );
    // signed before in place, so an enterprise's file of both never trips over its own order
    const inserts = [...changes.insert].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'signed' ? -1 : 1));
    for (const r of inserts)
      await addInvestment(c, {
        enterpriseId: ents.get(r.enterprise)!.id,
        kind: r.kind,
        amount: Number(r.amount),
        day: r.day,
        note: r.note,
      });
    for (const { before, after } of changes.update)
      await updateInvestment(c, before.id!, { amount: Number(after.amount), note: after.note });
  },
  async exportRows(ctx, filters) {
    const rows = await listInvestments(ctx, { kind: filters.kind as InvestmentKind | undefined, from: filters.from, to: filters.to });
    return rows.map((r) => ({ enterprise: r.enterpriseName, kind: r.kind, amount: r.amount, day: r.day, note: r.note }));
  },
});

/** The enterprise must be one the user sees; in place (stored + file, a file row replacing its stored twin) may not exceed signed. */
async function checkInvestments(rows: InvestmentLedgerRow[], ctx: LedgerContext): Promise<ErrorDetail[][]> {
  const ents = await enterprisesByName(
    ctx,
    rows.map((r) => r.enterprise),
  );
  const ids = [...new Set([...ents.values()].map((e) => e.id))];
  const stored = ids.length
    ? await dbOf(ctx)
        .select({ enterpriseId: inv.enterpriseId, kind: inv.kind, day: inv.day, amount: inv.amount })
        .from(inv)
        .where(inArray(inv.enterpriseId, ids))
    : [];
  // per enterprise: (kind|day) → amount, the file's rows over the stored ones
  const ledger = new Map<number, Map<string, number>>();
  for (const s of stored) {
    if (!ledger.has(s.enterpriseId)) ledger.set(s.enterpriseId, new Map());
    ledger.get(s.enterpriseId)!.set(`${s.kind}|${s.day}`, Number(s.amount));
  }
  for (const r of rows) {
    const e = ents.get(r.enterprise);
    if (!e) continue;
    if (!ledger.has(e.id)) ledger.set(e.id, new Map());
    ledger.get(e.id)!.set(`${r.kind}|${r.day}`, Number(r.amount));
  }
  const totals = new Map<number, { signed: number; inPlace: number }>();
  for (const [id, m] of ledger) {
    const t = { signed: 0, inPlace: 0 };
    for (const [k, v] of m) k.startsWith('signed|') ? (t.signed += v) : (t.inPlace += v);
    totals.set(id, t);
  }
  return rows.map((row) => {
    const e = ents.get(row.enterprise);
    if (!e) return [{ path: 'enterprise', key: 'industry.validation.noEnterpriseByName', params: { name: row.enterprise } }];
    const t = totals.get(e.id)!;
    if (row.kind === 'in_place' && t.inPlace > t.signed + 0.005)
      return [
        {
          path: 'amount',
          key: 'industry.validation.overSigned',
          params: { inPlace: formatAmount(t.inPlace), signed: formatAmount(t.signed) },
        },
      ];
    return [];
  });
}
