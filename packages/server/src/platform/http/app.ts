// The HTTP application: Fastify with zod contracts, the OpenAPI document, auth, modules and the web app.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModuleDefinition } from '../module';
import { registerLedger } from '../ledgers/registry';
import type { App } from './types';
import { z } from 'zod';
import { adminRoutes } from '../auth/adminRoutes';
import { backupRoutes } from '../backup/routes';
import { authHooks } from '../auth/plugin';
import { authRoutes } from '../auth/routes';
import { auditRoutes } from '../audit/routes';
import { calendarRoutes } from '../calendar/routes';
import { ledgerRoutes } from '../ledgers/routes';
import type { RouteInfo, Services } from '../context';
import { serializeRequest } from '../logger';
import { errorBody, handleError } from './errors';
import type pino from 'pino';

export type { App };

/** The app for the given modules (modules/index.ts in production; the test app passes the same list). */
export async function buildApp(services: Services, modules: readonly ModuleDefinition[], logger: pino.Logger | false = false): Promise<App> {
  const app = Fastify({
    loggerInstance: logger ? (logger.child({}, { serializers: { req: serializeRequest } }) as FastifyBaseLogger) : undefined,
    bodyLimit: services.config.bodyLimitBytes,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  app.decorate('xz', services);
  const routeTable: RouteInfo[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routeTable.push({ method, url: r.url, auth: r.config?.auth, scope: r.config?.scope });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Xiezuo API', description: '协作平台 API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'xz_sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(authHooks);

  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => app.swagger());
  app.get(
    '/api/health',
    { config: { auth: 'public' }, schema: { tags: ['platform'], response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) } } },
    async () => {
      await services.database.query('select 1');
      return { status: 'ok' as const, database: services.database.engine };
    },
  );

  await app.register(authRoutes);
  await app.register(adminRoutes);
  await app.register(backupRoutes);
  await app.register(auditRoutes);
  await app.register(calendarRoutes);
  await app.register(ledgerRoutes);
  for (const m of modules) {
    for (const ledger of m.ledgers ?? []) registerLedger(app, ledger);
    if (m.routes) await app.register(m.routes);
  }

  await serveWeb(app, services.config.webDist);
  return app;
}

/** The built web app, with index.html for every non-API path (client-side routing). */
async function serveWeb(app: App, dist: string) {
  const hasWeb = existsSync(join(dist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: dist, wildcard: false });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !hasWeb || req.method !== 'GET') {
      return reply.status(404).send(errorBody('NOT_FOUND', req.t));
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
