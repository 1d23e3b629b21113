// Working days (工作日) for the procedure clock: Monday to Friday. Public holidays and their swapped
// working weekends are not known to the system, so a holiday counts as a working day (conservative:
// warnings come a little early, never late).

const DAY = 86_400_000;

function utc(iso: string): number {
  return Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
}

/** Working days after `from` up to and including `to` (0 when to ≤ from). */
export function workDaysBetween(from: string, to: string): number {
  const a = utc(from);
  const b = utc(to);
  if (b <= a) return 0;
  const days = Math.round((b - a) / DAY);
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  for (let i = weeks * 7 + 1; i <= days; i++) {
    const dow = new Date(a + i * DAY).getUTCDay();
    if (dow !== 0 && dow !== 6) count++;
  }
  return count;
}

/** Today as YYYY-MM-DD in China Standard Time. */
export function todayCst(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return new Date(utc(iso) + days * DAY).toISOString().slice(0, 10);
}
