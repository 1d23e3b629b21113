// 节假日与调休: the working-day calendar the procedure clocks count with.
import { z } from 'zod';
import { IsoDate, Ok } from './common';
import { endpoint } from './endpoint';

export const CalendarDay = z.object({
  day: IsoDate,
  work: z.boolean(), // true: 调休上班 (a working weekend day); false: 放假 (a day off)
  name: z.string().trim().min(1, 'validation.required').max(40),
});
export type CalendarDayT = z.infer<typeof CalendarDay>;

export const CalendarQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const CalendarDayParam = z.strictObject({ day: IsoDate });
export const CalendarDayInput = CalendarDay.omit({ day: true }).strict();

// ---- endpoints: what the web may call (checked against the server's routes by endpoints.test.ts) ----

export const calendarApi = {
  days: endpoint('GET', '/api/calendar', { query: CalendarQuery, response: z.array(CalendarDay) }),
  putDay: endpoint('PUT', '/api/admin/calendar/:day', { params: CalendarDayParam, body: CalendarDayInput, response: CalendarDay }),
  removeDay: endpoint('DELETE', '/api/admin/calendar/:day', { params: CalendarDayParam, response: Ok }),
} as const;
