// Working days (工作日) for the procedure clock: Monday to Friday, less public holidays, plus the swapped
// working weekends (调休), as the admins' holiday calendar says (platform/calendar).
import { calendar } from '../../platform/calendar/service';

const DAY = 86_400_000;

function utc(iso: string): number {
  return Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
}

/** Working days after `from` up to and including `to` (0 when to ≤ from). */
export function workDaysBetween(from: string, to: string): number {
  return calendar().workDaysBetween(from, to);
}

export function addDays(iso: string, days: number): string {
  return new Date(utc(iso) + days * DAY).toISOString().slice(0, 10);
}
