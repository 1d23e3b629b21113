// /api/indicators: catalogue, dashboard, table exports, targets, reported figures, report jobs.
import { createHash } from 'node:crypto';
import { errorResponses, IdParam, Ok } from '@xiezuo/shared/contracts/common';
import {
  CatalogueItem,
  CreateReport,
  Dashboard,
  DashboardQuery,
  NodeKey,
  NodeList,
  NodesQuery,
  PeriodKey,
  ReportedValueInput,
  ReportJob,
  SplitTarget,
  TargetRow,
  TargetsQuery,
  UpsertTarget,
} from '@xiezuo/shared/contracts/indicators';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { guard } from '../../platform/auth/plugin';
import { ctxOf } from '../../platform/ctx';
import type { App } from '../../platform/http/types';
import {
  catalogueFor,
  createReportJob,
  dashboardFor,
  deleteTarget,
  exportTables,
  listReportJobs,
  listTargets,
  nodeOptions,
  refresherOf,
  reportFile,
  reportJob,
  saveReported,
  splitTarget,
  upsertTarget,
} from './service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

export async function indicatorsRoutes(app: App) {
  const tags = ['indicators'];
  const read = guard('indicators.read');
  const refresher = refresherOf(app.xz);

  // The refresher starts with the app: wire the sources whose tables exist, then poll the change queue.
  app.addHook('onReady', async () => {
    await refresher.init();
    refresher.start(Number(process.env.XZ_INDICATORS_REFRESH_MS ?? 1000));
  });
  app.addHook('onClose', async () => {
    await refresher.stop();
  });

  app.get(
    '/api/indicators/catalogue',
    { preHandler: read, schema: { tags, response: { 200: z.array(CatalogueItem), ...errorResponses } } },
    async (req) => catalogueFor(ctxOf(req)),
  );

  // The dashboard polls every few seconds: its answer carries an ETag (a hash of its content), and a poll
  // that sends it back in If-None-Match while nothing changed gets an empty 304 (the browser does this by itself).
  app.get(
    '/api/indicators/dashboard',
    { preHandler: read, schema: { tags, querystring: DashboardQuery, response: { 200: Dashboard, ...errorResponses } } },
    async (req, reply) => {
      const body = await dashboardFor(ctxOf(req), req.query);
      const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
      reply.header('etag', etag).header('cache-control', 'private, no-cache');
      const asked = req.headers['if-none-match'];
      if (asked?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return (reply as unknown as FastifyReply).code(304).send();
      return body;
    },
  );

  app.get(
    '/api/indicators/nodes',
    { preHandler: read, schema: { tags, querystring: NodesQuery, response: { 200: NodeList, ...errorResponses } } },
    async (req) => nodeOptions(ctxOf(req), req.query),
  );

  app.get(
    '/api/indicators/export',
    {
      preHandler: guard('indicators.read', 'ledgers.export'),
      schema: {
        tags,
        querystring: z.strictObject({
          node: NodeKey,
          period: PeriodKey,
          rank: z.string().max(80).optional(),
          table: z.enum(['figures', 'children', 'ranking', 'targets', 'all']),
        }),
        produces: [XLSX],
      },
    },
    async (req, reply) => {
      const { file, fileName } = await exportTables(ctxOf(req), req.query);
      return reply.type(XLSX).header('content-disposition', attachment(fileName)).send(file);
    },
  );

  // ---- targets (目标任务) ----
  app.get(
    '/api/indicators/targets',
    { preHandler: read, schema: { tags, querystring: TargetsQuery, response: { 200: z.array(TargetRow), ...errorResponses } } },
    async (req) => listTargets(ctxOf(req), req.query),
  );
  app.put(
    '/api/indicators/targets',
    {
      preHandler: guard('targets.write'),
      schema: { tags, body: UpsertTarget, response: { 200: z.object({ id: z.number().int() }), ...errorResponses } },
    },
    async (req) => ({ id: await upsertTarget(ctxOf(req), req.body) }),
  );
  app.post(
    '/api/indicators/targets/split',
    {
      preHandler: guard('targets.write'),
      schema: { tags, body: SplitTarget, response: { 200: z.object({ ids: z.array(z.number().int()) }), ...errorResponses } },
    },
    async (req) => ({ ids: await splitTarget(ctxOf(req), req.body) }),
  );
  app.delete(
    '/api/indicators/targets/:id',
    { preHandler: guard('targets.write'), schema: { tags, params: IdParam, response: { 200: Ok, ...errorResponses } } },
    async (req) => {
      await deleteTarget(ctxOf(req), req.params.id);
      return { ok: true as const };
    },
  );

  // ---- reported figures (指标填报) ----
  app.post(
    '/api/indicators/reported',
    {
      preHandler: guard('ledgers.import'),
      schema: { tags, body: ReportedValueInput, response: { 200: z.object({ id: z.number().int() }), ...errorResponses } },
    },
    async (req) => ({ id: await saveReported(ctxOf(req), req.body) }),
  );

  // ---- reports (工作报告) ----
  app.post(
    '/api/indicators/reports',
    {
      preHandler: guard('reports.generate'),
      schema: { tags, body: CreateReport, response: { 202: z.object({ id: z.number().int() }), ...errorResponses } },
    },
    async (req, reply) => reply.status(202).send({ id: await createReportJob(ctxOf(req), req.body) }),
  );
  app.get(
    '/api/indicators/reports',
    { preHandler: read, schema: { tags, response: { 200: z.array(ReportJob), ...errorResponses } } },
    async (req) => listReportJobs(ctxOf(req)),
  );
  app.get(
    '/api/indicators/reports/:id',
    { preHandler: read, schema: { tags, params: IdParam, response: { 200: ReportJob, ...errorResponses } } },
    async (req) => reportJob(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/indicators/reports/:id/file',
    { preHandler: read, schema: { tags, params: IdParam, produces: [DOCX, XLSX] } },
    async (req, reply) => {
      const { file, fileName, format } = await reportFile(ctxOf(req), req.params.id);
      return reply
        .type(format === 'docx' ? DOCX : XLSX)
        .header('content-disposition', attachment(fileName))
        .send(file);
    },
  );
}
