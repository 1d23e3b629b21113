// 资金下达台账: batches of money from payers and their transfers down the levels, matched by 文号, receiver and
// kind. A transfer names its source batch by 来源文号 (paid by the source's receiver); the source may be in the
// database or earlier in the same file. What transfers pass on never exceeds their source: checked per batch.
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import { FUND_KINDS, FUNDS_LEDGERS, type FundKind } from '@xiezuo/shared/contracts/funds';
import { and, inArray } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { amount, date, divisionCode, enumOf } from '../../../platform/ledgers/columns';
import { defineLedger, naturalKeyOf } from '../../../platform/ledgers/types';
import { inScope } from '../../../platform/scope';
import { dbOf, pairingLabelOf } from '../access';
import { allAllocations, createAllocation, updateAllocation } from '../allocations';
import { fundAllocations as fa } from '../tables';
import { pairingColumn, programmeColumn, programmesAndTeams, resolvePairings, zh } from './common';

type Row = {
  kind: FundKind;
  payerDivisionCode: string;
  divisionCode: string;
  docNo: string;
  parentDocNo: string | null;
  programme: string | null;
  pairing: string | null;
  budgetYear: number;
  allocatedOn: string;
  amount: string;
  note: string | null;
  id?: number;
};

const keyOf = (docNo: string, division: string, kind: string) => `${docNo}\u0001${division}\u0001${kind}`;

export const allocationLedger = defineLedger<Row>({
  key: FUNDS_LEDGERS.allocations,
  title: '资金下达台账',
  titleEn: 'Fund allocations',
  entity: 'fund_allocation',
  columns: [
    enumOf(FUND_KINDS, zh.kinds, {
      key: 'kind',
      header: '资金性质',
      headerEn: 'Kind',
      synonyms: ['资金类别', '资金来源'],
      required: true,
      example: '财政援助资金',
    }),
    divisionCode({
      generic: false,
      key: 'payerDivisionCode',
      header: '拨付方区划代码',
      headerEn: 'Payer (division code)',
      synonyms: ['拨付方代码'],
      required: true,
      example: '442000000000',
    }),
    divisionCode({
      generic: false,
      key: 'divisionCode',
      header: '接收方区划代码',
      headerEn: 'Receiver (division code)',
      synonyms: ['接收方代码', '受援地区划代码'],
      required: true,
      example: '520200000000',
    }),
    {
      key: 'docNo',
      header: '文号',
      headerEn: 'Document no.',
      synonyms: ['下达文号', '文件编号'],
      type: 'text',
      required: true,
      example: '中协办〔2026〕1号',
      maxLength: 100,
    },
    { ...programmeColumn, example: '粤黔东西部协作' },
    pairingColumn,
    {
      key: 'parentDocNo',
      header: '来源文号',
      headerEn: 'Source document no.',
      synonyms: ['上级文号'],
      type: 'text',
      note: '转拨下级时填写来源批次的文号',
      maxLength: 100,
    },
    {
      key: 'budgetYear',
      header: '年度',
      headerEn: 'Budget year',
      synonyms: ['资金年度', '预算年度'],
      type: 'integer',
      required: true,
      example: 2026,
    },
    date({ key: 'allocatedOn', header: '下达日期', headerEn: 'Date', synonyms: ['拨付日期'], required: true, example: '2026-03-15' }),
    amount({
      key: 'amount',
      header: '金额',
      headerEn: 'Amount',
      synonyms: ['金额（元）', '下达金额', '拨付金额'],
      required: true,
      example: '5000万元',
    }),
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: ['docNo', 'divisionCode', 'kind'],
  uniqueNaturalKey: true,
  permissions: { import: 'funds.write', export: 'ledgers.export' },
  validate(row, ctx) {
    const problems: ErrorDetail[] = [];
    if (row.budgetYear < 2000 || row.budgetYear > 2100)
      problems.push({ path: 'budgetYear', key: 'validation.tooSmall', params: { min: 2000 } });
    if (row.payerDivisionCode === row.divisionCode) problems.push({ path: 'divisionCode', key: 'funds.validation.sameSide' });
    if (row.parentDocNo && !row.divisionCode.startsWith(divisionPrefix(row.payerDivisionCode))) {
      problems.push({ path: 'divisionCode', key: 'funds.validation.transferBelow' });
    }
    if (!inScope(ctx.user.scope, { divisionCode: row.divisionCode }) && !inScope(ctx.user.scope, { divisionCode: row.payerDivisionCode })) {
      problems.push({ path: 'divisionCode', key: 'errors.OUT_OF_SCOPE' });
    }
    return problems;
  },
  async validateBatch(rows, ctx) {
    const links = await linksOf(ctx, rows);
    // sources named by the batch: in the database (paid to the transfer's payer) or earlier in the file
    const wanted = rows.filter((r) => r.parentDocNo).map((r) => r.parentDocNo!);
    const found = wanted.length
      ? await dbOf(ctx)
          .select({ id: fa.id, docNo: fa.docNo, divisionCode: fa.divisionCode, kind: fa.kind, amount: fa.amount })
          .from(fa)
          .where(inArray(fa.docNo, [...new Set(wanted)]))
      : [];
    const children = found.length
      ? await dbOf(ctx)
          .select({ parentId: fa.parentId, docNo: fa.docNo, divisionCode: fa.divisionCode, kind: fa.kind, amount: fa.amount })
          .from(fa)
          .where(
            inArray(
              fa.parentId,
              found.map((f) => f.id),
            ),
          )
      : [];
    const sources = new Map<string, { amount: number; used: Map<string, number> }>();
    for (const f of found) {
      const used = new Map(
        children.filter((c) => c.parentId === f.id).map((c) => [keyOf(c.docNo, c.divisionCode, c.kind), Number(c.amount)]),
      );
      sources.set(keyOf(f.docNo, f.divisionCode, f.kind), { amount: Number(f.amount), used });
    }
    return rows.map((r) => {
      const own = keyOf(r.docNo, r.divisionCode, r.kind);
      if (!sources.has(own)) sources.set(own, { amount: Number(r.amount), used: new Map() });
      const problems = links(r);
      if (problems.length) return problems;
      if (!r.parentDocNo) return [];
      const src = sources.get(keyOf(r.parentDocNo, r.payerDivisionCode, r.kind));
      if (!src) return [{ path: 'parentDocNo', key: 'funds.validation.noParent' }];
      src.used.set(own, Number(r.amount)); // a re-imported transfer replaces its own earlier figure
      const total = [...src.used.values()].reduce((s, v) => s + v, 0);
      if (total > src.amount + 1e-6) {
        src.used.delete(own);
        const left = src.amount - [...src.used.values()].reduce((s, v) => s + v, 0);
        return [{ path: 'amount', key: 'funds.validation.overSplit', params: { left: left.toFixed(2) } }];
      }
      return [];
    });
  },
  async findExisting(tx, rows, ctx) {
    const found = await tx
      .select({
        id: fa.id,
        kind: fa.kind,
        payerDivisionCode: fa.payerDivisionCode,
        divisionCode: fa.divisionCode,
        docNo: fa.docNo,
        parentId: fa.parentId,
        programmeId: fa.programmeId,
        pairing: pairingLabelOf(fa.pairingId),
        budgetYear: fa.budgetYear,
        allocatedOn: fa.allocatedOn,
        amount: fa.amount,
        note: fa.note,
      })
      .from(fa)
      .where(and(inArray(fa.docNo, [...new Set(rows.map((r) => r.docNo))])));
    const parents = new Map(
      (found.some((f) => f.parentId)
        ? await tx
            .select({ id: fa.id, docNo: fa.docNo })
            .from(fa)
            .where(
              inArray(
                fa.id,
                found.map((f) => f.parentId ?? 0),
              ),
            )
        : []
      ).map((p) => [p.id, p.docNo]),
    );
    const names = await programmesAndTeams(ctx, { programmeIds: found.map((f) => f.programmeId) });
    const out = new Map<string, Row>();
    for (const { parentId, programmeId, ...f } of found) {
      const row: Row = {
        ...f,
        parentDocNo: parentId ? (parents.get(parentId) ?? null) : null,
        programme: programmeId == null ? null : (names.programmeName.get(programmeId) ?? null),
      };
      out.set(naturalKeyOf(allocationLedger, row), row);
    }
    return out;
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    const rows = [...changes.insert, ...changes.update.map((u) => u.after)];
    const names = await programmesAndTeams(c, { programmes: rows.map((r) => r.programme) });
    const found = await resolvePairings(
      c,
      rows.filter((r) => r.pairing).map((r) => ({ label: r.pairing!, day: r.allocatedOn })),
    );
    const pairingIdOf = (r: Row) => {
      const p = r.pairing ? found.get({ label: r.pairing, day: r.allocatedOn }) : undefined;
      return p && 'id' in p ? p.id : undefined;
    };
    const parentIdOf = async (r: Row) => {
      if (!r.parentDocNo) return null;
      const [p] = await tx
        .select({ id: fa.id })
        .from(fa)
        .where(and(inArray(fa.docNo, [r.parentDocNo]), inArray(fa.divisionCode, [r.payerDivisionCode]), inArray(fa.kind, [r.kind])));
      return p?.id ?? null;
    };
    // a programme or pairing left empty is left as it was (an older ledger has no such columns)
    const input = async ({ id: _id, parentDocNo: _p, amount: a, programme, pairing, ...r }: Row) => ({
      ...r,
      amount: Number(a),
      parentId: await parentIdOf({ ...r, amount: a, parentDocNo: _p, programme, pairing }),
      ...(programme ? { programmeId: names.programmeId.get(programme) } : {}),
      ...(pairing ? { pairingId: pairingIdOf({ ...r, amount: a, parentDocNo: _p, programme, pairing }) } : {}),
    });
    for (const r of changes.insert) await createAllocation(c, await input(r));
    for (const { before, after } of changes.update) await updateAllocation(c, before.id!, await input(after));
  },
  async exportRows(ctx, filters) {
    const rows = await allAllocations(ctx, filters);
    return rows.map((r) => ({
      kind: r.kind,
      payerDivisionCode: r.payerDivisionCode,
      divisionCode: r.divisionCode,
      docNo: r.docNo,
      parentDocNo: r.parentDocNo,
      programme: r.programmeName,
      pairing: r.pairingLabel,
      budgetYear: r.budgetYear,
      allocatedOn: r.allocatedOn,
      amount: r.amount,
      note: r.note,
    }));
  },
});

/**
 * The programme and pairing cells of a batch checked in two queries: an unknown programme or a pairing not
 * found is a cell error; a pairing found is written back as the registry names it (帮扶方 → 受帮扶方), so a
 * file that names it another way (中山-六盘水) compares equal to the stored batch.
 */
async function linksOf(ctx: Parameters<typeof programmesAndTeams>[0], rows: Row[]) {
  const names = await programmesAndTeams(ctx, { programmes: rows.map((r) => r.programme) });
  const pairs = await resolvePairings(
    ctx,
    rows.filter((r) => r.pairing).map((r) => ({ label: r.pairing!, day: r.allocatedOn })),
  );
  return (r: Row): ErrorDetail[] => {
    const problems: ErrorDetail[] = [];
    if (r.programme && !names.programmeId.has(r.programme))
      problems.push({ path: 'programme', key: 'funds.validation.unknownProgramme', params: { name: r.programme } });
    if (r.pairing) {
      const p = pairs.get({ label: r.pairing, day: r.allocatedOn })!;
      if ('id' in p) r.pairing = p.label;
      else problems.push(p);
    }
    return problems;
  };
}
