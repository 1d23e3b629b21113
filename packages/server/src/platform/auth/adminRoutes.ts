// /api/admin: users and sessions (system admin only).
import { CreateUserRequest, CreateUserResponse, SessionRow, UpdateUserRequest, UserRow } from '@xiezuo/shared/contracts/auth';
import { errorResponses, IdParam, Ok } from '@xiezuo/shared/contracts/common';
import { z } from 'zod';
import { writeAudit } from '../audit/service';
import { AppError } from '../http/errors';
import type { App } from '../http/types';
import { actorOf, guard, userOf } from './plugin';
import { createUser, listUsers, toUserRow, unlockUser, updateUser } from './service';
import { endSession, listActiveSessions } from './sessions';
import { throttleOf } from './throttle';

export async function adminRoutes(app: App) {
  const admin = guard('admin.users');
  const tags = ['admin'];
  const throttle = throttleOf(app.xz);

  app.get('/api/admin/users', { preHandler: admin, schema: { tags, response: { 200: z.array(UserRow), ...errorResponses } } }, async () => {
    const rows = (await listUsers(app.xz.db)).map((u) => toUserRow(u, new Date(), throttle));
    // scopes by name (one query per tree), not as 441403000000 or #6
    const codes = [...new Set(rows.flatMap((r) => r.scopeDivisions))];
    const ids = [...new Set(rows.flatMap((r) => r.scopeTeams))];
    const [divs, tms] = await Promise.all([
      codes.length ? app.xz.directory.divisionNames(app.xz.db, codes) : [],
      ids.length ? app.xz.directory.teamNames(app.xz.db, ids) : [],
    ]);
    const div = new Map(divs.map((d) => [d.code, d.name]));
    const team = new Map(tms.map((x) => [x.id, x.name]));
    return rows.map((r) => ({
      ...r,
      scopeNames: [...r.scopeDivisions.map((c) => div.get(c) ?? c), ...r.scopeTeams.map((id) => team.get(id) ?? `#${id}`)],
    }));
  });

  app.post(
    '/api/admin/users',
    { preHandler: admin, schema: { tags, body: CreateUserRequest, response: { 200: CreateUserResponse, ...errorResponses } } },
    async (req) => {
      const { user, initialPassword } = await createUser(app.xz.db, app.xz.config, req.body, actorOf(req));
      return { user: toUserRow(user), initialPassword };
    },
  );

  app.patch(
    '/api/admin/users/:id',
    { preHandler: admin, schema: { tags, params: IdParam, body: UpdateUserRequest, response: { 200: UserRow, ...errorResponses } } },
    async (req) => toUserRow(await updateUser(app.xz.db, req.params.id, req.body, actorOf(req), throttle), new Date(), throttle),
  );

  // ends the user's sign-in locks: the account's and every address's (audited as 'unlock')
  app.post(
    '/api/admin/users/:id/unlock',
    { preHandler: admin, schema: { tags, params: IdParam, response: { 200: UserRow, ...errorResponses } } },
    async (req) => toUserRow(await unlockUser(app.xz.db, throttle, req.params.id, actorOf(req)), new Date(), throttle),
  );

  app.get(
    '/api/admin/sessions',
    { preHandler: admin, schema: { tags, response: { 200: z.array(SessionRow), ...errorResponses } } },
    async (req) => {
      const current = userOf(req).sessionId;
      return (await listActiveSessions(app.xz.db, app.xz.config)).map((s) => ({
        ...s,
        createdAt: s.createdAt.toISOString(),
        lastSeenAt: s.lastSeenAt.toISOString(),
        current: s.id === current,
      }));
    },
  );

  app.delete(
    '/api/admin/sessions/:id',
    {
      preHandler: admin,
      schema: { tags, params: z.strictObject({ id: z.string().min(10).max(100) }), response: { 200: Ok, ...errorResponses } },
    },
    async (req) => {
      await app.xz.db.transaction(async (tx) => {
        const ended = await endSession(tx as never, req.params.id, 'admin');
        if (ended.length === 0) throw new AppError('NOT_FOUND');
        await writeAudit(tx, actorOf(req), { action: 'session_end', entity: 'session', entityId: ended[0].userId });
      });
      return { ok: true as const };
    },
  );
}
