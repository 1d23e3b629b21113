import { describe, expect, it } from 'vitest';
import { OFFICIAL_CALENDAR } from './official';
import { WorkCalendar } from './workCalendar';

const official = new WorkCalendar(new Map(OFFICIAL_CALENDAR.map((e) => [e.day, e.work])));
const plain = new WorkCalendar();

describe('working days', () => {
  it('counts Monday to Friday when no holiday is listed', () => {
    expect(plain.workDaysBetween('2025-09-12', '2025-09-15')).toBe(1); // Fri → Mon
    expect(plain.workDaysBetween('2025-09-01', '2025-09-29')).toBe(20); // four weeks
    expect(plain.workDaysBetween('2025-09-15', '2025-09-15')).toBe(0);
  });

  it('skips the National Day holiday and counts its swapped working Saturday (2025)', () => {
    // 9-30 (Tue) → 10-12 (Sun): 10-1…8 off, 10-9 Thu and 10-10 Fri work, 10-11 Sat 调休上班
    expect(official.workDaysBetween('2025-09-30', '2025-10-12')).toBe(3);
    expect(plain.workDaysBetween('2025-09-30', '2025-10-12')).toBe(8);
    expect(official.isWorkDay('2025-09-28')).toBe(true); // Sunday, 调休上班
    expect(official.isWorkDay('2025-10-08')).toBe(false); // Wednesday, 放假
  });

  it('holds the published Spring Festival of 2026 (9 days, two working Saturdays)', () => {
    const festival = OFFICIAL_CALENDAR.filter((e) => e.name === '春节' && e.day.startsWith('2026'));
    expect(festival.map((e) => e.day)).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(official.isWorkDay('2026-02-14') && official.isWorkDay('2026-02-28')).toBe(true);
  });

  it('lists every day once', () => {
    expect(new Set(OFFICIAL_CALENDAR.map((e) => e.day)).size).toBe(OFFICIAL_CALENDAR.length);
  });
});
