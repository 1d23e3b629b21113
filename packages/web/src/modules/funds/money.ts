// Money as the pages show it: numeric strings from the API (元) in 万元/亿元, and the disbursement rate.
import { formatAmount, formatPercent } from '../../app/format';

export const yuan = (v: string | number | null | undefined) => (v == null ? '—' : formatAmount(Number(v)));

/** Disbursed ÷ committed, computed here from the two sums (never typed); — when nothing was committed. */
export const rateOf = (m: { commitment: string; disbursement: string }) =>
  Number(m.commitment) > 0 ? formatPercent(Number(m.disbursement) / Number(m.commitment)) : '—';
