// Periods (统计期间): month M2026-06, quarter Q2026-2, half-year H2026-1, year Y2026, and custom
// month ranges C2026-03~2026-07. Aggregates are kept per month, quarter, half-year and year; a custom range
// is read as its months (additive measures) or its last month (stocks).

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year' | 'custom';

export interface Period {
  key: string;
  kind: PeriodKind;
  start: string; // YYYY-MM-DD, first day
  end: string; // YYYY-MM-DD, last day (inclusive)
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthStart = (y: number, m: number) => `${y}-${pad(m)}-01`;
const monthEnd = (y: number, m: number) => `${y}-${pad(m)}-${pad(lastDay(y, m))}`;

function span(key: string, kind: PeriodKind, y: number, m1: number, y2: number, m2: number): Period {
  return { key, kind, start: monthStart(y, m1), end: monthEnd(y2, m2) };
}

export const PERIOD_PATTERN = /^(M\d{4}-(0[1-9]|1[0-2])|Q\d{4}-[1-4]|H\d{4}-[12]|Y\d{4}|C\d{4}-(0[1-9]|1[0-2])~\d{4}-(0[1-9]|1[0-2]))$/;

/** Parses a period key; throws on anything else (the contracts validate with PERIOD_PATTERN first). */
export function parsePeriod(key: string): Period {
  if (!PERIOD_PATTERN.test(key)) throw new Error(`bad period ${key}`);
  const y = Number(key.slice(1, 5));
  switch (key[0]) {
    case 'M': {
      const m = Number(key.slice(6, 8));
      return span(key, 'month', y, m, y, m);
    }
    case 'Q': {
      const q = Number(key.slice(6));
      return span(key, 'quarter', y, q * 3 - 2, y, q * 3);
    }
    case 'H': {
      const h = Number(key.slice(6));
      return span(key, 'half', y, h * 6 - 5, y, h * 6);
    }
    case 'Y':
      return span(key, 'year', y, 1, y, 12);
    default: {
      const [a, b] = key.slice(1).split('~');
      const [y1, m1] = a.split('-').map(Number);
      const [y2, m2] = b.split('-').map(Number);
      if (y2 * 12 + m2 < y1 * 12 + m1) throw new Error(`bad period ${key}`);
      return span(key, 'custom', y1, m1, y2, m2);
    }
  }
}

/** The stored periods of one year: 12 months, 4 quarters, 2 half-years and the year. */
export function periodsOfYear(y: number): Period[] {
  const keys = [
    ...Array.from({ length: 12 }, (_, i) => `M${y}-${pad(i + 1)}`),
    ...[1, 2, 3, 4].map((q) => `Q${y}-${q}`),
    `H${y}-1`,
    `H${y}-2`,
    `Y${y}`,
  ];
  return keys.map(parsePeriod);
}

/** The months (M keys) a period covers, in order. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  let [y, m] = p.start.split('-').map(Number);
  const [ey, em] = p.end.split('-').map(Number);
  while (y * 12 + m <= ey * 12 + em) {
    out.push(`M${y}-${pad(m)}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/**
 * A custom range that is exactly one stored period (C2026-01~2026-06 = H2026-1) read as that period, so its
 * distinct counts (persons, households) are exact; any other key is returned as it is.
 */
export function canonicalPeriod(key: string): string {
  const p = parsePeriod(key);
  if (p.kind !== 'custom' || p.start.slice(0, 4) !== p.end.slice(0, 4)) return key;
  return periodsOfYear(Number(p.start.slice(0, 4))).find((s) => s.start === p.start && s.end === p.end)?.key ?? key;
}

/** Whether the period has its own stored aggregate (every kind but custom). */
export const isStored = (p: Period) => p.kind !== 'custom';

/** 同期: the same period one year earlier. */
export function samePeriodLastYear(key: string): string {
  const p = parsePeriod(key);
  const shift = (s: string) => String(Number(s) - 1);
  if (p.kind === 'custom') {
    const [a, b] = key.slice(1).split('~');
    return `C${shift(a.slice(0, 4))}${a.slice(4)}~${shift(b.slice(0, 4))}${b.slice(4)}`;
  }
  return `${key[0]}${shift(key.slice(1, 5))}${key.slice(5)}`;
}

/** Share of the period already elapsed on `today` (0…1): the yardstick for "behind schedule". */
export function elapsedShare(p: Period, today: string): number {
  const day = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;
  const total = day(p.end) - day(p.start) + 1;
  const done = Math.min(Math.max(day(today) - day(p.start) + 1, 0), total);
  return done / total;
}

/** The period of a kind that contains `today`. */
export function currentPeriod(kind: Exclude<PeriodKind, 'custom'>, today: string): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  if (kind === 'month') return `M${y}-${pad(m)}`;
  if (kind === 'quarter') return `Q${y}-${Math.ceil(m / 3)}`;
  if (kind === 'half') return `H${y}-${m <= 6 ? 1 : 2}`;
  return `Y${y}`;
}

/** 2026年上半年, 2026年第2季度, 2026年6月, 2026年, 2026年3月至7月. */
export function periodLabel(key: string, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  const p = parsePeriod(key);
  const y = key.slice(1, 5);
  const n = Number(key.slice(6, 8));
  const en = lang === 'en';
  switch (p.kind) {
    case 'month':
      return en ? `${y}-${pad(n)}` : `${y}年${n}月`;
    case 'quarter':
      return en ? `${y} Q${n}` : `${y}年第${n}季度`;
    case 'half':
      return en ? `${y} H${n}` : `${y}年${n === 1 ? '上' : '下'}半年`;
    case 'year':
      return en ? y : `${y}年`;
    default: {
      const [a, b] = [p.start.slice(0, 7), p.end.slice(0, 7)];
      if (en) return `${a} – ${b}`;
      const [ay, am] = a.split('-').map(Number);
      const [by, bm] = b.split('-').map(Number);
      return ay === by ? `${ay}年${am}月至${bm}月` : `${ay}年${am}月至${by}年${bm}月`;
    }
  }
}
