// What the funds ledgers share: the catalogue's labels and the kinds-of-money columns.
import { FUND_KINDS, type FundKind } from '@xiezuo/shared/contracts/funds';
import { catalogues } from '@xiezuo/shared/i18n/index';
import { amount } from '../../../platform/ledgers/columns';
import type { LedgerColumn } from '../../../platform/ledgers/types';

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
