// Working days (工作日): Monday to Friday, except the public holidays and the swapped working weekends
// (调休) a calendar lists. The monitoring procedure clock counts with it.

const DAY = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

export class WorkCalendar {
  /** day → true (a working day though a weekend) / false (a day off though a weekday) */
  constructor(private readonly exceptions: ReadonlyMap<string, boolean> = new Map()) {}

  isWorkDay(iso: string): boolean {
    const listed = this.exceptions.get(iso.slice(0, 10));
    if (listed !== undefined) return listed;
    const dow = new Date(utc(iso)).getUTCDay();
    return dow !== 0 && dow !== 6;
  }

  /** Working days after `from` up to and including `to` (0 when to ≤ from). */
  workDaysBetween(from: string, to: string): number {
    const a = utc(from);
    const b = utc(to);
    if (b <= a) return 0;
    let count = 0;
    for (let d = a + DAY; d <= b; d += DAY) if (this.isWorkDay(new Date(d).toISOString())) count++;
    return count;
  }
}
