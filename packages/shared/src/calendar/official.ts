// 全国年节放假安排: the State Council's published holiday schedules (国务院办公厅关于部分节假日安排的通知),
// as the days that differ from a plain Monday–Friday week: holidays that fall on weekdays (and the
// weekend days inside a holiday, for display) are days off; the swapped weekend days (调休上班) are
// working days. Shipped so the procedure clock is right on first start; admins add later years.

export interface CalendarEntry {
  day: string; // YYYY-MM-DD
  work: boolean; // true: a working day (调休上班); false: a day off (放假)
  name: string;
}

const off = (name: string, from: string, to: string): CalendarEntry[] => {
  const out: CalendarEntry[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86_400_000) {
    out.push({ day: new Date(d).toISOString().slice(0, 10), work: false, name });
  }
  return out;
};
const work = (name: string, ...days: string[]): CalendarEntry[] => days.map((day) => ({ day, work: true, name: `${name}调休上班` }));

/** 国办发明电〔2024〕12号 (2025) and the notice for 2026. */
export const OFFICIAL_CALENDAR: CalendarEntry[] = [
  // 2025
  ...off('元旦', '2025-01-01', '2025-01-01'),
  ...off('春节', '2025-01-28', '2025-02-04'),
  ...work('春节', '2025-01-26', '2025-02-08'),
  ...off('清明节', '2025-04-04', '2025-04-06'),
  ...off('劳动节', '2025-05-01', '2025-05-05'),
  ...work('劳动节', '2025-04-27'),
  ...off('端午节', '2025-05-31', '2025-06-02'),
  ...off('国庆节、中秋节', '2025-10-01', '2025-10-08'),
  ...work('国庆节、中秋节', '2025-09-28', '2025-10-11'),
  // 2026
  ...off('元旦', '2026-01-01', '2026-01-03'),
  ...work('元旦', '2026-01-04'),
  ...off('春节', '2026-02-15', '2026-02-23'),
  ...work('春节', '2026-02-14', '2026-02-28'),
  ...off('清明节', '2026-04-04', '2026-04-06'),
  ...off('劳动节', '2026-05-01', '2026-05-05'),
  ...work('劳动节', '2026-05-09'),
  ...off('端午节', '2026-06-19', '2026-06-21'),
  ...off('中秋节', '2026-09-25', '2026-09-27'),
  ...off('国庆节', '2026-10-01', '2026-10-07'),
  ...work('国庆节', '2026-09-20', '2026-10-10'),
];
