// The one way a service function gets its context and joins or opens a transaction.
import type { FastifyRequest } from 'fastify';
import { actorOf, userOf } from './auth/plugin';
import type { AuthUser, Ctx, Services } from './context';
import type { Tx } from './db/client';
import { translator } from './i18n';
import { EVERYTHING } from './scope';

/** The context of a signed-in request. */
export function ctxOf(req: FastifyRequest): Ctx {
  return { services: req.server.xz, user: userOf(req), actor: actorOf(req), lang: req.lang, t: req.t };
}

/** Runs fn in the context's transaction if it has one (a ledger import), else in a new one; fn's ctx carries tx. */
export function withTx<T>(ctx: Ctx, fn: (tx: Tx, ctx: Ctx & { tx: Tx }) => Promise<T>): Promise<T> {
  if (ctx.tx) return fn(ctx.tx, ctx as Ctx & { tx: Tx });
  return ctx.services.db.transaction((tx) => fn(tx, { ...ctx, tx }));
}

const SYSTEM_USER: AuthUser = {
  id: 0,
  username: 'system',
  displayName: 'system',
  role: 'admin',
  permissions: [],
  mustChangePassword: false,
  scope: EVERYTHING,
  sessionId: '',
  csrfToken: '',
};

/** The context of work no user started (seeds, scheduled jobs): scope everything, audited as `system`. */
export function systemCtx(services: Services, name = 'system'): Ctx {
  return {
    services,
    user: { ...SYSTEM_USER, username: name, displayName: name },
    actor: { id: null, name, ip: null },
    lang: 'zh-CN',
    t: translator('zh-CN'),
  };
}
