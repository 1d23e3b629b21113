// "Today" as people in China write it: the calendar day in Beijing (UTC+8, no daylight saving), whatever
// the server's or the browser's time zone. XZ_TODAY pins it (tests, demos of a past period); the one place
// that reads it.
import { toIsoDate } from '../format';

export function todayInBeijing(now: Date = new Date()): string {
  const pinned = typeof process !== 'undefined' ? process.env?.XZ_TODAY : undefined;
  return pinned || toIsoDate(now);
}
