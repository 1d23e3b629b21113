// What the indicators ledgers share: rows as the raw SQL driver gives them, days as text, indicator dropdowns.
import type { IndicatorDef } from '@xiezuo/shared/indicators/catalogue';
import { enumOf } from '../../../platform/ledgers/columns';

export type Rows = { rows: Record<string, unknown>[] };
export const dateText = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

/** An 指标 column: one of these indicators, written by its Chinese name. */
export function indicatorColumn(defs: readonly IndicatorDef[], example: string) {
  const labels = Object.fromEntries(defs.map((d) => [d.code, d.zh]));
  return enumOf(
    defs.map((d) => d.code),
    labels,
    { key: 'indicator', header: '指标', headerEn: 'Indicator', required: true, example },
  );
}
