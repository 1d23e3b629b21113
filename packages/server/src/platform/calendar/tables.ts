// 节假日与调休: the days that differ from a plain Monday–Friday week.
import { boolean, date, pgTable, text } from 'drizzle-orm/pg-core';

export const workCalendar = pgTable('work_calendar', {
  day: date('day', { mode: 'string' }).primaryKey(),
  work: boolean('work').notNull(), // true: 调休上班; false: 放假
  name: text('name').notNull(),
  // 'official': shipped with the app (a year is seeded while it has none); 'admin': entered or edited here
  source: text('source').notNull().default('admin'),
});
