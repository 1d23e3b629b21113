// The working-day calendar: kept in the database by admins (seeded with the State Council's published
// schedules), held in memory for the procedure clocks, which count synchronously and often.
import { OFFICIAL_CALENDAR } from '@xiezuo/shared/calendar/official';
import { WorkCalendar } from '@xiezuo/shared/calendar/workCalendar';
import type { CalendarDayT } from '@xiezuo/shared/contracts/calendar';
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { writeAudit } from '../audit/service';
import type { Actor } from '../context';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { workCalendar } from './tables';

const shipped = () => new WorkCalendar(new Map(OFFICIAL_CALENDAR.map((e) => [e.day, e.work])));
let current = shipped();

/** The calendar in force in this process. */
export const calendar = (): WorkCalendar => current;

/** Reads the table into memory (at start, after every change, and now and then for other instances' changes). */
export async function loadCalendar(db: Db): Promise<void> {
  const rows = await db.select().from(workCalendar);
  current = new WorkCalendar(new Map(rows.map((r) => [r.day, r.work])));
}

/**
 * Adds each shipped year not seeded yet (no official day of it in the table); days an admin entered
 * first are kept, and a seeded year an admin has edited since is left as it is.
 */
export async function seedCalendar(db: Db): Promise<void> {
  const years = [...new Set(OFFICIAL_CALENDAR.map((e) => e.day.slice(0, 4)))];
  for (const year of years) {
    const rows = OFFICIAL_CALENDAR.filter((e) => e.day.startsWith(year)).map((e) => ({ ...e, source: 'official' }));
    await db.transaction(async (tx) => {
      const [{ n }] = (
        await tx.execute(
          sql`select count(*)::int as n from work_calendar where source = 'official' and day between ${`${year}-01-01`} and ${`${year}-12-31`}`,
        )
      ).rows as { n: number }[];
      if (n === 0) await tx.insert(workCalendar).values(rows).onConflictDoNothing();
    });
  }
}

export async function listCalendar(db: Db, year: number): Promise<CalendarDayT[]> {
  return db
    .select({ day: workCalendar.day, work: workCalendar.work, name: workCalendar.name })
    .from(workCalendar)
    .where(and(gte(workCalendar.day, `${year}-01-01`), lte(workCalendar.day, `${year}-12-31`)))
    .orderBy(asc(workCalendar.day));
}

export async function putCalendarDay(db: Db, actor: Actor, entry: CalendarDayT): Promise<CalendarDayT> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(workCalendar).where(eq(workCalendar.day, entry.day));
    const row = { ...entry, source: 'admin' };
    await tx
      .insert(workCalendar)
      .values(row)
      .onConflictDoUpdate({ target: workCalendar.day, set: { work: row.work, name: row.name, source: row.source } });
    await writeAudit(tx, actor, {
      action: before ? 'update' : 'create',
      entity: 'work_calendar',
      entityId: entry.day,
      before,
      after: entry,
    });
  });
  await loadCalendar(db);
  return entry;
}

export async function removeCalendarDay(db: Db, actor: Actor, day: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.delete(workCalendar).where(eq(workCalendar.day, day)).returning();
    if (!before) throw new AppError('NOT_FOUND');
    await writeAudit(tx, actor, { action: 'delete', entity: 'work_calendar', entityId: day, before });
  });
  await loadCalendar(db);
}
