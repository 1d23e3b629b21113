// Demo data is dated relative to today (演示数据按当前日期推算): a first start shows figures for the current
// half-year, for the same half-year last year (同期) and against this year's targets, whatever the day. The
// demo seeds and the tests that check their figures read the same dates from here.
import { todayInBeijing } from './today';

/** The last year of the seed reports' figures (2021–2025): moved to the current year. */
const REPORT_YEAR = 2025;

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

export function shiftDays(iso: string, days: number): string {
  return isoOf(dayNumber(iso) + days);
}

export interface DemoSpan {
  from: string;
  to: string;
}

export interface DemoCalendar {
  today: string;
  year: number;
  /** The current half-year's key (H2026-2) and the current year's (Y2026). */
  halfKey: string;
  yearKey: string;
  /** The current half-year up to today. */
  currentHalf: DemoSpan;
  /** The half-year before the current one (whole). */
  previousHalf: DemoSpan;
  /** The same half-year one year earlier (whole): 同期. */
  lastYearHalf: DemoSpan;
  /** A year of the seed reports (2021…2025) moved so that 2025 is the current year. */
  reportYear(y: number): number;
  /** The k-th of n days spread evenly over a span (k = 0 … n − 1). */
  spread(span: DemoSpan, k: number, n: number): string;
}

export function demoCalendar(today: string = todayInBeijing()): DemoCalendar {
  const year = Number(today.slice(0, 4));
  const second = Number(today.slice(5, 7)) > 6;
  const halfStart = second ? `${year}-07-01` : `${year}-01-01`;
  const lastYearHalf = second
    ? { from: `${year - 1}-07-01`, to: `${year - 1}-12-31` }
    : { from: `${year - 1}-01-01`, to: `${year - 1}-06-30` };
  const previousHalf = second ? { from: `${year}-01-01`, to: `${year}-06-30` } : { from: `${year - 1}-07-01`, to: `${year - 1}-12-31` };
  return {
    today,
    year,
    halfKey: `H${year}-${second ? 2 : 1}`,
    yearKey: `Y${year}`,
    currentHalf: { from: halfStart, to: today },
    previousHalf,
    lastYearHalf,
    reportYear: (y) => y + year - REPORT_YEAR,
    spread(span, k, n) {
      const days = dayNumber(span.to) - dayNumber(span.from);
      return isoOf(dayNumber(span.from) + Math.floor((days * k) / Math.max(n - 1, 1)));
    },
  };
}
