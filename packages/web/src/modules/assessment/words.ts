// How an item's rule reads (the framework's table and the cycle's trace share it).
import type { FrameworkItemT } from '@xiezuo/shared/contracts/assessment';

type T = (key: string, params?: Record<string, unknown>) => string;

/** `nameOf` gives an indicator's name (or its breakdown's, for 'code|key'); without it, or unknown, the code shows. */
export function ruleText(i: FrameworkItemT, t: T, nameOf?: (indicator: string) => string | undefined): string {
  const r = i.rule;
  const indicator = i.indicator ? `${nameOf?.(i.indicator) ?? i.indicator} ` : '';
  if (!r) return t(`assessment.kinds.${i.kind}`);
  if (r.type === 'linear') return `${indicator}${t('assessment.rules.linear')}`;
  if (r.type === 'capped') return `${indicator}${t('assessment.rules.capped', { n: r.perUnit })}`;
  return `${indicator}${t('assessment.rules.bands', {
    bands: r.bands.map((b) => `≥${Math.round(b.atLeast * 100)}%→${Math.round(b.fraction * 100)}%`).join('，'),
  })}`;
}
