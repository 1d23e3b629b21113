// /api/auth: sign in and out, the current user, password change.
import { ChangePasswordRequest, LoginRequest, Me } from '@xiezuo/shared/contracts/auth';
import { errorResponses, Ok } from '@xiezuo/shared/contracts/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { writeAudit } from '../audit/service';
import type { AuthUser } from '../context';
import type { App } from '../http/types';
import { actorOf, userOf } from './plugin';
import { changePassword, login, passwordRulesFor } from './service';
import { endSession, SESSION_COOKIE } from './sessions';
import { throttleOf } from './throttle';

export async function authRoutes(app: App) {
  // Secure whenever the request came over HTTPS (directly, or through a trusted proxy), or when configured
  const setCookie = (req: FastifyRequest, reply: FastifyReply, value: string) =>
    reply.setCookie(SESSION_COOKIE, value, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: app.xz.config.secureCookies || req.protocol === 'https',
    });
  const limits = app.xz.config.login;
  const throttle = throttleOf(app.xz);
  // per username (whatever the address), counted only for attempts from an address that is not locked
  const perUsername = app.createRateLimit({
    max: limits.perUsernameMax,
    timeWindow: limits.perUsernameWindowSeconds * 1000,
    keyGenerator: (req) =>
      `login-user:${String((req.body as { username?: string })?.username ?? '')
        .trim()
        .toLowerCase()}`,
  });

  const me = async (user: AuthUser) => {
    const { scope } = user;
    const [divs, tms] = await Promise.all([
      scope.divisionCodes.length ? app.xz.directory.divisionNames(app.xz.db, scope.divisionCodes) : [],
      scope.teamIds.length ? app.xz.directory.teamNames(app.xz.db, scope.teamIds) : [],
    ]);
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      permissions: [...user.permissions],
      mustChangePassword: user.mustChangePassword,
      csrfToken: user.csrfToken,
      // a granted division not (yet) in the registry still shows, by its code
      scope: {
        all: scope.all,
        divisions: scope.divisionCodes.map((code) => divs.find((d) => d.code === code) ?? { code, name: code }),
        teams: tms,
      },
      passwordRules: passwordRulesFor(app.xz.config),
    };
  };

  app.post(
    '/api/auth/login',
    {
      config: {
        auth: 'public',
        // per address, before the body is read
        rateLimit: { max: limits.perIpMax, timeWindow: limits.perIpWindowSeconds * 1000 },
      },
      schema: { tags: ['auth'], body: LoginRequest, response: { 200: Ok, ...errorResponses } },
    },
    async (req, reply) => {
      const usernameLimited = async () => {
        const r = await perUsername(req);
        if (!r.isAllowed && r.isExceeded) reply.header('retry-after', r.ttlInSeconds);
        return !r.isAllowed && r.isExceeded;
      };
      const { cookie } = await login(app.xz.db, app.xz.config, throttle, req.body, actorOf(req), req.headers['user-agent'] ?? null, {
        usernameLimited,
      });
      setCookie(req, reply, cookie);
      return { ok: true as const };
    },
  );

  app.post('/api/auth/logout', { config: { auth: 'password' }, schema: { tags: ['auth'], response: { 200: Ok } } }, async (req, reply) => {
    const user = userOf(req);
    await app.xz.db.transaction(async (tx) => {
      await endSession(tx as never, user.sessionId, 'logout');
      await writeAudit(tx, actorOf(req), { action: 'logout', entity: 'user', entityId: user.id });
    });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get(
    '/api/auth/me',
    { config: { auth: 'password' }, schema: { tags: ['auth'], response: { 200: Me, ...errorResponses } } },
    async (req) => me(userOf(req)),
  );

  app.post(
    '/api/auth/password',
    { config: { auth: 'password' }, schema: { tags: ['auth'], body: ChangePasswordRequest, response: { 200: Ok, ...errorResponses } } },
    async (req) => {
      const user = userOf(req);
      await changePassword(app.xz.db, app.xz.config, user.id, user.sessionId, req.body, actorOf(req));
      return { ok: true as const };
    },
  );
}
