// What the funds ledgers share: the catalogue's labels and the kinds-of-money columns.
import { FUND_KINDS, type FundKind } from '@xiezuo/shared/contracts/funds';
import { catalogues } from '@xiezuo/shared/i18n/index';
import { asc, inArray, or } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { amount } from '../../../platform/ledgers/columns';
import type { LedgerColumn } from '../../../platform/ledgers/types';
import { inScope } from '../../../platform/scope';
import { programmes } from '../../registry';
import { teams } from '../../teams';
import { dbOf } from '../access';

export const zh = catalogues['zh-CN'].funds;

/** 财政援助资金预算 …: one amount column per kind of money (kept apart, never added into one). */
export const budgetColumns: LedgerColumn[] = FUND_KINDS.map((k) =>
  amount({
    key: `budget_${k}`,
    header: `${zh.kinds[k]}预算`,
    headerEn: `Budget: ${k}`,
    synonyms: [`${zh.kinds[k]}（元）`, `${zh.kinds[k]}`],
    example: k === 'fiscal' ? '120万元' : undefined,
  }),
);

export type BudgetCells = Record<`budget_${FundKind}`, string | null>;

export const budgetKey = (k: FundKind) => `budget_${k}` as const;

/** Budget cells of a row → the contract's budgets (kinds left empty have none). */
export function budgetsOf(row: BudgetCells): { kind: FundKind; amount: number }[] {
  return FUND_KINDS.filter((k) => row[budgetKey(k)] != null).map((k) => ({ kind: k, amount: Number(row[budgetKey(k)]) }));
}

/** Project codes as written: trimmed, half-width. */
export const sameCode = (s: string | null | undefined) => (s ?? '').trim().toUpperCase();

/** 协作计划 and 责任工作队, named (not numbered) in a ledger. */
export const programmeColumn: LedgerColumn = {
  key: 'programme',
  header: '协作计划',
  headerEn: 'Programme',
  synonyms: ['所属协作计划', '协作项目计划'],
  type: 'text',
  maxLength: 200,
  example: '粤桂东西部协作',
};
export const teamColumn: LedgerColumn = {
  key: 'team',
  header: '责任工作队',
  headerEn: 'Responsible team',
  synonyms: ['工作队', '所在队伍', '责任队伍'],
  type: 'text',
  maxLength: 200,
  example: '南口镇驻镇帮镇扶村工作队',
};

/**
 * Programmes by name and the teams the user sees by name (of two of one name, the later), and both by id: one
 * query each for a batch of rows (and the stored projects they are compared with).
 */
export async function programmesAndTeams(
  ctx: Ctx,
  want: { programmes?: (string | null)[]; teams?: (string | null)[]; programmeIds?: (number | null)[]; teamIds?: (number | null)[] },
) {
  const db = dbOf(ctx);
  const names = (xs?: (string | null)[]) => [...new Set((xs ?? []).filter((x): x is string => !!x))];
  const ids = (xs?: (number | null)[]) => [...new Set((xs ?? []).filter((x): x is number => x != null))];
  const [pn, tn, pi, ti] = [names(want.programmes), names(want.teams), ids(want.programmeIds), ids(want.teamIds)];
  const progs =
    pn.length || pi.length
      ? await db
          .select({ id: programmes.id, name: programmes.name })
          .from(programmes)
          .where(or(pn.length ? inArray(programmes.name, pn) : undefined, pi.length ? inArray(programmes.id, pi) : undefined))
      : [];
  const tms =
    tn.length || ti.length
      ? await db
          .select({ id: teams.id, name: teams.name, divisionCode: teams.divisionCode })
          .from(teams)
          .where(or(tn.length ? inArray(teams.name, tn) : undefined, ti.length ? inArray(teams.id, ti) : undefined))
          .orderBy(asc(teams.id))
      : [];
  const seen = tms.filter((t) => inScope(ctx.user.scope, { divisionCode: t.divisionCode, teamId: t.id }));
  return {
    programmeId: new Map(progs.map((p) => [p.name, p.id])),
    programmeName: new Map(progs.map((p) => [p.id, p.name])),
    teamId: new Map(seen.map((t) => [t.name, t.id])),
    teamName: new Map(tms.map((t) => [t.id, t.name])),
  };
}
