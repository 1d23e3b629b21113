// /api/calendar (any signed-in user reads it: the clocks it drives are shown to all) and
// /api/admin/calendar/:day (admins keep it; every change audited).
import { CalendarDay, CalendarDayInput, CalendarDayParam, CalendarQuery } from '@xiezuo/shared/contracts/calendar';
import { errorResponses, Ok } from '@xiezuo/shared/contracts/common';
import { z } from 'zod';
import { actorOf, guard } from '../auth/plugin';
import type { App } from '../http/types';
import { listCalendar, putCalendarDay, removeCalendarDay } from './service';

export async function calendarRoutes(app: App) {
  const tags = ['calendar'];
  const keep = guard('admin.calendar');
  const reference = { scope: 'reference' as const }; // the same for every scope

  app.get(
    '/api/calendar',
    {
      preHandler: guard(),
      config: reference,
      schema: { tags, querystring: CalendarQuery, response: { 200: z.array(CalendarDay), ...errorResponses } },
    },
    async (req) => listCalendar(app.xz.db, req.query.year),
  );
  app.put(
    '/api/admin/calendar/:day',
    {
      preHandler: keep,
      config: reference,
      schema: { tags, params: CalendarDayParam, body: CalendarDayInput, response: { 200: CalendarDay, ...errorResponses } },
    },
    async (req) => putCalendarDay(app.xz.db, actorOf(req), { day: req.params.day, ...req.body }),
  );
  app.delete(
    '/api/admin/calendar/:day',
    { preHandler: keep, config: reference, schema: { tags, params: CalendarDayParam, response: { 200: Ok, ...errorResponses } } },
    async (req) => {
      await removeCalendarDay(app.xz.db, actorOf(req), req.params.day);
      return { ok: true as const };
    },
  );
}
