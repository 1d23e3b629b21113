// "Today" as people in China write it: the calendar day in Beijing (UTC+8, no daylight saving), whatever
// the server's time zone. XZ_TODAY pins it (tests, demos of a past period); the one place that reads it.
export function todayInBeijing(now: Date = new Date()): string {
  const pinned = typeof process !== 'undefined' ? process.env?.XZ_TODAY : undefined;
  if (pinned) return pinned;
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
