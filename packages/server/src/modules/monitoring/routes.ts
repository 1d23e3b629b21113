// /api/monitoring: households and members, the review chain, risks, measures, visits, worklist, figures
// and monitoring lines. Every route is guarded by a permission; every query goes through the user's scope.

import { errorResponses, IdParam, Ok } from '@xiezuo/shared/contracts/common';
import {
  AttachmentUpload,
  FiguresQuery,
  FiguresResponse,
  FileMeta,
  HouseholdContact,
  HouseholdCreate,
  HouseholdDetail,
  HouseholdPage,
  HouseholdQuery,
  HouseholdUpdate,
  Line,
  LineUpsert,
  Measure,
  MeasureCreate,
  MeasureFollowUp,
  MemberInput,
  MemberLeave,
  MemberReveal,
  MemberUpdate,
  OfflineKey,
  OfflinePack,
  Risk,
  RiskClose,
  RiskCreate,
  TransitionRequest,
  Village,
  Visit,
  VisitCreate,
  Worklist,
} from '@xiezuo/shared/contracts/monitoring';
import { z } from 'zod';
import { guard } from '../../platform/auth/plugin';
import type { Ctx } from '../../platform/context';
import { ctxOf } from '../../platform/ctx';
import type { App } from '../../platform/http/types';
import { addMeasure, addRisk, closeRisk, followUpMeasure, recordVisit, worklist } from './activity';
import { householdDetail } from './detail';
import { figuresFor } from './figures';
import {
  addMember,
  createHousehold,
  listHouseholds,
  memberLeaves,
  revealHouseholdContact,
  revealMember,
  updateHousehold,
  updateMember,
  villagesInScope,
} from './households';
import { listLines, upsertLine } from './lines';
import { offlineKey, offlinePack } from './offline';
import { readAttachment, takeStep, uploadAttachment } from './review';

/** A change to a household, answered with the household as its page shows it afterwards. */
const thenDetail = async (ctx: Ctx, id: number, change: (ctx: Ctx) => Promise<unknown>) => {
  await change(ctx);
  return householdDetail(ctx, id);
};
const thenOk = async (change: Promise<unknown>) => {
  await change;
  return { ok: true as const };
};

export async function monitoringRoutes(app: App) {
  const tags = ['monitoring'];
  const read = guard('monitoring.read');
  const write = guard('monitoring.write');
  // every answer is a shared contract: validated on the way out and documented in /api/openapi.json
  const e = { ...errorResponses };
  const detail = { 200: HouseholdDetail, ...e };

  app.get(
    '/api/monitoring/households',
    { preHandler: read, schema: { tags, querystring: HouseholdQuery, response: { 200: HouseholdPage, ...e } } },
    async (req) => listHouseholds(ctxOf(req), req.query),
  );
  app.post('/api/monitoring/households', { preHandler: write, schema: { tags, body: HouseholdCreate, response: detail } }, async (req) => {
    const ctx = ctxOf(req);
    return householdDetail(ctx, (await createHousehold(ctx, req.body)).id);
  });
  app.get('/api/monitoring/households/:id', { preHandler: read, schema: { tags, params: IdParam, response: detail } }, async (req) =>
    householdDetail(ctxOf(req), req.params.id),
  );
  app.patch(
    '/api/monitoring/households/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: HouseholdUpdate, response: detail } },
    async (req) => thenDetail(ctxOf(req), req.params.id, (ctx) => updateHousehold(ctx, req.params.id, req.body)),
  );

  app.post(
    '/api/monitoring/households/:id/members',
    { preHandler: write, schema: { tags, params: IdParam, body: MemberInput, response: detail } },
    async (req) => thenDetail(ctxOf(req), req.params.id, (ctx) => addMember(ctx, req.params.id, req.body)),
  );
  app.patch(
    '/api/monitoring/members/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: MemberUpdate, response: { 200: Ok, ...e } } },
    async (req) => thenOk(updateMember(ctxOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/monitoring/members/:id/leave',
    { preHandler: write, schema: { tags, params: IdParam, body: MemberLeave, response: { 200: Ok, ...e } } },
    async (req) => thenOk(memberLeaves(ctxOf(req), req.params.id, req.body.reason, req.body.note)),
  );
  // 查看完整身份证号与健康信息: needs sensitive.reveal; every reveal is in the audit log
  app.post(
    '/api/monitoring/members/:id/reveal',
    { preHandler: guard('monitoring.read', 'sensitive.reveal'), schema: { tags, params: IdParam, response: { 200: MemberReveal, ...e } } },
    async (req) => revealMember(ctxOf(req), req.params.id),
  );
  // 查看户联系电话与住址: the same rule
  app.post(
    '/api/monitoring/households/:id/reveal',
    {
      preHandler: guard('monitoring.read', 'sensitive.reveal'),
      schema: { tags, params: IdParam, response: { 200: HouseholdContact, ...e } },
    },
    async (req) => revealHouseholdContact(ctxOf(req), req.params.id),
  );

  app.post(
    '/api/monitoring/households/:id/transitions',
    { preHandler: read, schema: { tags, params: IdParam, body: TransitionRequest, response: detail } },
    async (req) => thenDetail(ctxOf(req), req.params.id, (ctx) => takeStep(ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/monitoring/households/:id/attachments',
    {
      preHandler: write,
      bodyLimit: 8 * 1024 * 1024,
      schema: { tags, params: IdParam, body: AttachmentUpload, response: { 200: FileMeta, ...e } },
    },
    async (req) => uploadAttachment(ctxOf(req), req.params.id, req.body),
  );
  app.get('/api/monitoring/attachments/:id', { preHandler: read, schema: { tags, params: IdParam } }, async (req, reply) => {
    const a = await readAttachment(ctxOf(req), req.params.id);
    reply.header('content-type', a.mimeType);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(a.fileName)}`);
    return reply.send(a.content);
  });

  app.post(
    '/api/monitoring/households/:id/risks',
    { preHandler: write, schema: { tags, params: IdParam, body: RiskCreate, response: { 200: Risk, ...e } } },
    async (req) => addRisk(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/monitoring/risks/:id/close',
    { preHandler: write, schema: { tags, params: IdParam, body: RiskClose, response: { 200: Risk, ...e } } },
    async (req) => closeRisk(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/monitoring/households/:id/measures',
    { preHandler: write, schema: { tags, params: IdParam, body: MeasureCreate, response: { 200: Measure, ...e } } },
    async (req) => addMeasure(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/monitoring/measures/:id/follow-up',
    { preHandler: write, schema: { tags, params: IdParam, body: MeasureFollowUp, response: { 200: Measure, ...e } } },
    async (req) => followUpMeasure(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/monitoring/households/:id/visits',
    { preHandler: write, schema: { tags, params: IdParam, body: VisitCreate, response: { 200: Visit, ...e } } },
    async (req) => recordVisit(ctxOf(req), req.params.id, req.body),
  );

  app.get('/api/monitoring/worklist', { preHandler: read, schema: { tags, response: { 200: Worklist, ...e } } }, async (req) =>
    worklist(ctxOf(req)),
  );
  // 离线走访: the household cards a cadre takes offline, and the secret their phone's queue key comes from
  app.get('/api/monitoring/offline/pack', { preHandler: write, schema: { tags, response: { 200: OfflinePack, ...e } } }, async (req) =>
    offlinePack(ctxOf(req)),
  );
  app.get('/api/monitoring/offline/key', { preHandler: write, schema: { tags, response: { 200: OfflineKey, ...e } } }, async (req) =>
    offlineKey(ctxOf(req)),
  );
  app.get(
    '/api/monitoring/figures',
    { preHandler: read, schema: { tags, querystring: FiguresQuery, response: { 200: FiguresResponse, ...e } } },
    async (req) => figuresFor(ctxOf(req), req.query),
  );
  // villages the user may register households in (for the forms)
  app.get('/api/monitoring/villages', { preHandler: read, schema: { tags, response: { 200: z.array(Village), ...e } } }, async (req) =>
    villagesInScope(ctxOf(req)),
  );

  // 监测收入标准 by province and year: everyone reads, admins keep them
  app.get('/api/monitoring/lines', { preHandler: read, schema: { tags, response: { 200: z.array(Line), ...e } } }, async (req) =>
    listLines(ctxOf(req)),
  );
  app.put(
    '/api/monitoring/lines',
    { preHandler: guard('admin.users'), schema: { tags, body: LineUpsert, response: { 200: Ok, ...e } } },
    async (req) => thenOk(upsertLine(ctxOf(req), req.body)),
  );
}
