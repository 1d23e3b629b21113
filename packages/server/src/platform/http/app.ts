// The HTTP application: Fastify with zod contracts, the OpenAPI document, auth, modules and the web app.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type pino from 'pino';
import { z } from 'zod';
import { attachmentRoutes } from '../attachments/routes';
import { auditRoutes } from '../audit/routes';
import { adminRoutes } from '../auth/adminRoutes';
import { authHooks } from '../auth/plugin';
import { authRoutes } from '../auth/routes';
import { backupRoutes } from '../backup/routes';
import { calendarRoutes } from '../calendar/routes';
import type { RouteInfo, Services } from '../context';
import { registerLedger } from '../ledgers/registry';
import { ledgerRoutes } from '../ledgers/routes';
import { serializeRequest } from '../logger';
import type { ModuleDefinition } from '../module';
import { AppError, errorBody, handleError } from './errors';
import { refuseControlCharacters } from './input';
import type { App } from './types';

export type { App };

/** The app for the given modules (modules/index.ts in production; the test app passes the same list). */
export async function buildApp(
  services: Services,
  modules: readonly ModuleDefinition[],
  logger: pino.Logger | false = false,
  /** pluginTimeout: how long start-up hooks may take (Fastify's 10 s; a benchmark on a busy machine allows more). */
  options: { pluginTimeout?: number } = {},
): Promise<App> {
  const app = Fastify({
    pluginTimeout: options.pluginTimeout ?? 10_000,
    loggerInstance: logger ? (logger.child({}, { serializers: { req: serializeRequest } }) as FastifyBaseLogger) : undefined,
    bodyLimit: services.config.bodyLimitBytes,
    // off unless configured: otherwise X-Forwarded-For would choose the address in the audit log and the limits
    // (Fastify accepts a hop count too; its types only lack it)
    trustProxy: services.config.trustProxy as boolean | string[],
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
  app.addHook('preValidation', refuseControlCharacters);

  await app.register(cookie);
  await app.register(helmet, securityHeaders());
  // HSTS only on a request that came over HTTPS (directly, or through a trusted proxy)
  app.addHook('onSend', async (req, reply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  // limits are per route (the sign-in's); a request over a limit gets the usual error body with 429
  await app.register(rateLimit, {
    global: false,
    cache: 100_000, // addresses and usernames counted at once (least recently used dropped first)
    errorResponseBuilder: (_req, ctx) => new AppError('RATE_LIMITED', { seconds: Math.ceil(ctx.ttl / 1000) }),
  });
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
    {
      config: { auth: 'public' },
      schema: { tags: ['platform'], response: { 200: z.object({ status: z.literal('ok'), database: z.string() }) } },
    },
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
  await app.register(attachmentRoutes);
  for (const m of modules) {
    for (const ledger of m.ledgers ?? []) registerLedger(app, ledger);
    if (m.routes) await app.register(m.routes);
  }

  await serveWeb(app, services.config.webDist);
  return app;
}

/**
 * Security headers (helmet). The CSP fits the built web app (packages/web, a Vite React SPA): scripts and
 * everything else from the app's own origin only; inline styles allowed, because Ant Design and ECharts set
 * them at run time; images also as data:/blob: (charts saved as images, icons); no framing by anyone.
 */
export function securityHeaders() {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
      },
    },
    frameguard: { action: 'deny' as const },
    referrerPolicy: { policy: 'same-origin' as const },
    strictTransportSecurity: false, // set per request above, only over HTTPS
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * How long a browser keeps a file of the web app: the build's assets carry a content hash in their names
 * (assets/index-Ztol2cWm.js), so they never change and are cached for a year without asking again;
 * everything else (index.html, which names the current assets) is asked for again each time.
 */
export function webCacheControl(path: string): string {
  return /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.\w+(\.br|\.gz)?$/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * The built web app, with index.html for every non-API path (client-side routing). The build writes a
 * brotli and a gzip copy beside each asset (packages/web/vite.config.ts); they are sent as they are to a
 * browser that accepts them.
 */
async function serveWeb(app: App, dist: string) {
  const hasWeb = existsSync(join(dist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('cache-control', webCacheControl(path));
        res.setHeader('vary', 'accept-encoding');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !hasWeb || req.method !== 'GET') {
      return reply.status(404).send(errorBody('NOT_FOUND', req.t));
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
