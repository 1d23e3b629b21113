// The demo is dated relative to today: on any day (first or last day of a half-year, either half) every
// household has a visit in the current half-year up to today, 31 have one in 同期, and nothing is dated
// after today or before its household's identification.
import { demoCalendar } from '@xiezuo/shared/calendar/demoDates';
import { describe, expect, it } from 'vitest';
import { DEMO_HOUSEHOLDS, eliminationDates, householdDates, pendingDates } from './demoSchedule';

const inside = (day: string, span: { from: string; to: string }) => day >= span.from && day <= span.to;

describe('demo dates relative to today', () => {
  for (const today of ['2026-12-05', '2027-01-01', '2027-06-30', '2027-07-01', '2028-02-29']) {
    it(`fills the current half-year and 同期 on ${today}`, () => {
      const cal = demoCalendar(today);
      expect(cal.halfKey).toBe(`H${today.slice(0, 4)}-${Number(today.slice(5, 7)) > 6 ? 2 : 1}`);
      let lastYear = 0;
      for (let i = 0; i < DEMO_HOUSEHOLDS; i++) {
        const d = householdDates(i, cal);
        expect([...d.chain].sort()).toEqual(d.chain);
        expect(d.chain[4]).toBe(d.identifiedOn);
        expect(d.visits.every((v) => v > d.identifiedOn && v <= today)).toBe(true);
        expect(d.visits.filter((v) => inside(v, cal.currentHalf))).toHaveLength(1);
        expect(d.measureStart < cal.currentHalf.from).toBe(true);
        if (d.visits.some((v) => inside(v, cal.lastYearHalf))) lastYear += 1;
      }
      expect(lastYear).toBe(31);
      const e = eliminationDates(cal);
      expect(e.started < e.noticeFrom && e.noticeTo < e.atCounty && e.atCounty < today).toBe(true);
      const p = pendingDates(cal);
      expect(p.overdue.started < p.overdue.entered && p.fresh.started <= today).toBe(true);
    });
  }

  it('moves the report years so that 2025 is the current year', () => {
    expect(demoCalendar('2026-12-05').reportYear(2021)).toBe(2022);
    expect(demoCalendar('2025-08-01').reportYear(2025)).toBe(2025);
  });
});
