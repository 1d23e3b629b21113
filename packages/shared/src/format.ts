// How people read figures: amounts kept in 元, shown in 万元/亿元; dates as 2025年3月1日.
export type AmountUnit = '元' | '万元' | '亿元';

export function yuanTo(value: number, unit: AmountUnit): number {
  return unit === '亿元' ? value / 1e8 : unit === '万元' ? value / 1e4 : value;
}

/** 167750000 → "1.6775亿元", 550000 → "55万元", 1234.5 → "1,234.5元" (or a chosen unit). */
export function formatAmount(yuan: number | null | undefined, unit?: AmountUnit, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  return amountText(yuan, unit, lang, 4);
}

/** Money at a glance (dashboard cards): 亿元 and 万元 to two decimals — 167750000 → "1.68亿元", 86700 → "8.67万元". */
export function formatAmountBrief(yuan: number | null | undefined, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  return amountText(yuan, undefined, lang, 2);
}

function amountText(yuan: number | null | undefined, unit: AmountUnit | undefined, lang: 'zh-CN' | 'en', bigDigits: number): string {
  if (yuan == null || Number.isNaN(yuan)) return '—';
  const u: AmountUnit = unit ?? (Math.abs(yuan) >= 1e8 ? '亿元' : Math.abs(yuan) >= 1e4 ? '万元' : '元');
  const v = yuanTo(yuan, u);
  const digits = u === '元' ? 2 : bigDigits;
  const text = Number(v.toFixed(digits)).toLocaleString('zh-CN', { maximumFractionDigits: digits });
  if (lang === 'en') return `${text} ${u === '亿元' ? '×100M yuan' : u === '万元' ? '×10k yuan' : 'yuan'}`;
  return `${text}${u}`;
}

/** "2025-03-01" or a Date → "2025年3月1日" (zh) / "2025-03-01" (en). */
export function formatDate(value: string | Date | null | undefined, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  if (!value) return '—';
  const iso = typeof value === 'string' ? value.slice(0, 10) : toIsoDate(value);
  if (lang === 'en') return iso;
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A date in a table or an export: 2025-03-01 in every language (prose and detail use formatDate). */
export function formatTableDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  return typeof value === 'string' ? value.slice(0, 10) : toIsoDate(value);
}

/** A moment as 2025-03-01 14:05 in China Standard Time (tables, "updated at"). */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const d = new Date(new Date(value).getTime() + 8 * 3_600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** A moment as people write it (China Standard Time): 今天 14:05 on the day itself, else 2026年12月5日 14:05 (en: today 14:05 / 2026-12-05 14:05). */
export function formatMoment(value: string | Date | null | undefined, lang: 'zh-CN' | 'en' = 'zh-CN', now: Date = new Date()): string {
  if (!value) return '—';
  const [day, time] = formatDateTime(value).split(' ');
  if (day === toIsoDate(now)) return `${lang === 'en' ? 'today' : '今天'} ${time}`;
  return `${formatDate(day, lang)} ${time}`;
}

/** A Date as YYYY-MM-DD in China Standard Time. */
export function toIsoDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio == null || !Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toFixed(digits)}%`;
}

/** A change as a signed percentage: +12.5%, -3.0%, 0.0% (no sign when unchanged), — when unknown. */
export function formatChange(ratio: number | null | undefined, digits = 1): string {
  if (ratio == null || !Number.isFinite(ratio)) return '—';
  return `${ratio > 0 ? '+' : ''}${formatPercent(ratio, digits)}`;
}

export function formatCount(n: number | null | undefined): string {
  if (n == null) return '—';
  return n.toLocaleString('zh-CN');
}

const LATIN_UNIT = /^[A-Za-z]/;

/** The unit as it goes with a figure: the catalogue's English units are regular plurals (1 household). */
export function unitFor(text: string, unit: string): string {
  return LATIN_UNIT.test(unit) && text === '1' && unit.endsWith('s') ? unit.slice(0, -1) : unit;
}

/** A figure with its unit as each language writes it: 42户, but 42 households and 1 household. */
export function withUnit(text: string, unit: string): string {
  return LATIN_UNIT.test(unit) ? `${text} ${unitFor(text, unit)}` : `${text}${unit}`;
}

/** A column title with its unit: 走访监测户（户）, Visited households (households). */
export function titleWithUnit(name: string, unit: string): string {
  return LATIN_UNIT.test(unit) ? `${name} (${unit})` : `${name}（${unit}）`;
}
