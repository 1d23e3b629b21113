// When the 岗坪镇 demo happened (演示数据的日期), relative to today: every household is visited in the current
// half-year; the 31 identified before the same half-year last year were visited then too (so 同期 has
// figures), and 20 of them in the half-year between. The other 11 were identified in that half-year.
import { type DemoCalendar, demoCalendar, shiftDays } from '@xiezuo/shared/calendar/demoDates';

export const DEMO_HOUSEHOLDS = 42;
export const ELIMINATING = 41; // the household whose risk elimination the county is reviewing

/** Identified in the half-year before the current one (not yet in last year's 同期 figures). */
export const identifiedLate = (i: number) => i >= 30 && i !== ELIMINATING;
/** Households visited in the same half-year last year. */
export const LAST_YEAR_VISITED = Array.from({ length: DEMO_HOUSEHOLDS }, (_, i) => i).filter((i) => !identifiedLate(i));

export interface HouseholdDates {
  /** The review chain: create, verify, publicise, town_approve, county_approve (= identified). */
  chain: [string, string, string, string, string];
  noticeTo: string;
  identifiedOn: string;
  /** Visits, oldest first; the last is lastVisitOn. */
  visits: string[];
  measureStart: string;
  followUp: string;
}

export function householdDates(i: number, cal: DemoCalendar = demoCalendar()): HouseholdDates {
  const identifiedOn = identifiedLate(i)
    ? shiftDays(cal.previousHalf.from, (i - 30) * 10)
    : shiftDays(cal.lastYearHalf.from, -40 + (i % 20));
  const at = (d: number) => shiftDays(identifiedOn, d);
  const now = cal.spread(cal.currentHalf, i, DEMO_HOUSEHOLDS);
  const visits: string[] = [];
  if (!identifiedLate(i)) visits.push(cal.spread(cal.lastYearHalf, LAST_YEAR_VISITED.indexOf(i), LAST_YEAR_VISITED.length));
  if (i < 20) visits.push(cal.spread(cal.previousHalf, i, 20));
  visits.push(now);
  return {
    chain: [at(-17), at(-15), at(-11), at(-4), identifiedOn],
    noticeTo: at(-7),
    identifiedOn,
    visits,
    measureStart: at(30),
    followUp: now,
  };
}

/** The elimination under county review: started 20 days ago, public notice, at the county for 6 days. */
export function eliminationDates(cal: DemoCalendar = demoCalendar()) {
  const ago = (d: number) => shiftDays(cal.today, -d);
  return { started: ago(20), noticeFrom: ago(17), noticeTo: ago(11), atCounty: ago(6), risksClosed: ago(25) };
}

/** The two households still being identified: one at 乡镇审核 past its 20 working days, one just reported. */
export function pendingDates(cal: DemoCalendar = demoCalendar()) {
  const ago = (d: number) => shiftDays(cal.today, -d);
  return {
    overdue: { started: ago(45), verified: ago(43), noticeFrom: ago(38), noticeTo: ago(34), entered: ago(31) },
    fresh: { started: ago(3), entered: ago(3) },
  };
}

/** The income year the households reported (the last full year) and the monitoring lines' years. */
export const incomeYear = (cal: DemoCalendar = demoCalendar()) => cal.year - 1;
