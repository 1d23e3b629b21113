// Every request: language, then the session; non-public routes need a valid session, a CSRF token on
// writes, and a changed password. Permission checks are per route via `guard`; a route's guards run right
// after this hook (before its body is read and validated), so a role without the permission gets 403 on a
// write whatever it sends.
import type { Permission } from '@xiezuo/shared/roles';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../context';
import { AppError } from '../http/errors';
import { requestLanguage, translator } from '../i18n';
import { checkSession, SESSION_COOKIE } from './sessions';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function authPlugin(app: FastifyInstance) {
  app.decorateRequest('user', null);
  app.decorateRequest('lang', 'zh-CN');
  app.decorateRequest('t', null as never);

  // `preHandler: guard(…)` runs at onRequest instead: Fastify validates the body before preHandler hooks
  app.addHook('onRoute', (route) => {
    const pre = [route.preHandler].flat().filter((h) => !!h);
    const guards = pre.filter((h) => GUARDS.has(h as never));
    if (guards.length === 0) return;
    route.onRequest = [...[route.onRequest].flat().filter((h) => !!h), ...guards] as never;
    const rest = pre.filter((h) => !GUARDS.has(h as never));
    route.preHandler = (rest.length ? rest : undefined) as never;
  });

  app.addHook('onRequest', async (req, reply) => {
    req.lang = requestLanguage(req);
    req.t = translator(req.lang);
    if (!req.url.startsWith('/api/')) return;
    const mode = req.routeOptions.config?.auth;
    const cookie = req.cookies[SESSION_COOKIE];
    if (mode === 'public' && !cookie) return;
    const result = await checkSession(app.xz, cookie);
    if ('error' in result) {
      if (mode === 'public') return;
      if (cookie) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw new AppError(result.error);
    }
    req.user = result.user;
    if (mode === 'public') return;
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== result.user.csrfToken) throw new AppError('CSRF');
    if (result.user.mustChangePassword && mode !== 'password') throw new AppError('PASSWORD_CHANGE_REQUIRED');
  });
}

export const authHooks = fp(authPlugin, { name: 'xiezuo-auth' });

const GUARDS = new WeakSet<object>();

/**
 * The signed-in user's role must grant every listed permission. Written as `preHandler: guard(…)`; the
 * auth plugin moves it to the route's onRequest hooks, so it runs before the body is validated.
 */
export function guard(...permissions: Permission[]) {
  const check = async (req: FastifyRequest, _reply: FastifyReply) => {
    const user = req.user;
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (!permissions.every((p) => user.permissions.includes(p))) throw new AppError('FORBIDDEN');
  };
  GUARDS.add(check);
  return check;
}

export function actorOf(req: FastifyRequest): Actor {
  return { id: req.user?.id ?? null, name: req.user?.username ?? null, ip: req.ip ?? null };
}

/** The signed-in user; only for routes behind the auth hook. */
export function userOf(req: FastifyRequest) {
  if (!req.user) throw new AppError('UNAUTHENTICATED');
  return req.user;
}
