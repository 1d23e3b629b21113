// /api/industry/…: parks, enterprises (investment increments, headcount reports), workshops and workers (ID
// number masked; reveal audited). Every handler goes through the module's services, which apply the scope.
import { errorResponses, IdParam } from '@xiezuo/shared/contracts/common';
import {
  EnterpriseInput,
  EnterpriseListQuery,
  EnterprisePage,
  EnterprisePatch,
  EnterpriseRow,
  HeadcountInput,
  HeadcountRow,
  InvestmentInput,
  InvestmentListQuery,
  InvestmentRow,
  ParkInput,
  ParkListQuery,
  ParkPatch,
  ParkRow,
  PlaceRow,
  RankingQuery,
  RankingRow,
  RevealResponse,
  WorkerInput,
  WorkerListQuery,
  WorkerPage,
  WorkerPatch,
  WorkshopInput,
  WorkshopListQuery,
  WorkshopPage,
  WorkshopPatch,
  WorkshopRow,
} from '@xiezuo/shared/contracts/industry';
import { z } from 'zod';
import { guard } from '../../platform/auth/plugin';
import { ctxOf } from '../../platform/ctx';
import type { App } from '../../platform/http/types';
import { createEnterprise, enterpriseRow, listEnterprises, updateEnterprise } from './enterprises';
import { addHeadcount, addInvestment, listHeadcounts, listInvestments } from './investments';
import { helperRanking, industryPlaces } from './overview';
import { createPark, listParks, updatePark } from './parks';
import { createWorker, listWorkers, revealWorkerId, updateWorker } from './workers';
import { createWorkshop, listWorkshops, updateWorkshop, workshopRow } from './workshops';

export async function industryRoutes(app: App) {
  const read = guard('industry.read');
  const write = guard('industry.write');
  const reveal = guard('industry.read', 'sensitive.reveal');
  const tags = ['industry'];
  const e = { ...errorResponses };
  const idOnly = { 200: z.object({ id: z.number().int() }), ...e };
  const withId = { params: IdParam };

  // ---- parks ----
  app.get(
    '/api/industry/parks',
    { preHandler: read, schema: { tags, querystring: ParkListQuery, response: { 200: z.array(ParkRow), ...e } } },
    (req) => listParks(ctxOf(req), req.query),
  );
  app.post('/api/industry/parks', { preHandler: write, schema: { tags, body: ParkInput, response: idOnly } }, (req) =>
    createPark(ctxOf(req), req.body),
  );
  app.patch('/api/industry/parks/:id', { preHandler: write, schema: { tags, ...withId, body: ParkPatch, response: idOnly } }, (req) =>
    updatePark(ctxOf(req), req.params.id, req.body),
  );

  // ---- enterprises, investment, headcounts ----
  app.get(
    '/api/industry/enterprises',
    { preHandler: read, schema: { tags, querystring: EnterpriseListQuery, response: { 200: EnterprisePage, ...e } } },
    (req) => listEnterprises(ctxOf(req), req.query),
  );
  app.get(
    '/api/industry/enterprises/:id',
    { preHandler: read, schema: { tags, ...withId, response: { 200: EnterpriseRow, ...e } } },
    (req) => enterpriseRow(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/industry/enterprises',
    { preHandler: write, schema: { tags, body: EnterpriseInput, response: { 200: EnterpriseRow, ...e } } },
    async (req) => enterpriseRow(ctxOf(req), await createEnterprise(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/industry/enterprises/:id',
    { preHandler: write, schema: { tags, ...withId, body: EnterprisePatch, response: { 200: EnterpriseRow, ...e } } },
    async (req) => enterpriseRow(ctxOf(req), await updateEnterprise(ctxOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/industry/enterprises/:id/headcounts',
    { preHandler: read, schema: { tags, ...withId, response: { 200: z.array(HeadcountRow), ...e } } },
    (req) => listHeadcounts(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/industry/investments',
    { preHandler: read, schema: { tags, querystring: InvestmentListQuery, response: { 200: z.array(InvestmentRow), ...e } } },
    (req) => listInvestments(ctxOf(req), req.query),
  );
  app.post('/api/industry/investments', { preHandler: write, schema: { tags, body: InvestmentInput, response: idOnly } }, (req) =>
    addInvestment(ctxOf(req), req.body),
  );
  app.post('/api/industry/headcounts', { preHandler: write, schema: { tags, body: HeadcountInput, response: idOnly } }, (req) =>
    addHeadcount(ctxOf(req), req.body),
  );

  // ---- workshops and workers ----
  app.get(
    '/api/industry/workshops',
    { preHandler: read, schema: { tags, querystring: WorkshopListQuery, response: { 200: WorkshopPage, ...e } } },
    (req) => listWorkshops(ctxOf(req), req.query),
  );
  app.get('/api/industry/workshops/:id', { preHandler: read, schema: { tags, ...withId, response: { 200: WorkshopRow, ...e } } }, (req) =>
    workshopRow(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/industry/workshops',
    { preHandler: write, schema: { tags, body: WorkshopInput, response: { 200: WorkshopRow, ...e } } },
    async (req) => workshopRow(ctxOf(req), await createWorkshop(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/industry/workshops/:id',
    { preHandler: write, schema: { tags, ...withId, body: WorkshopPatch, response: { 200: WorkshopRow, ...e } } },
    async (req) => workshopRow(ctxOf(req), await updateWorkshop(ctxOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/industry/workers',
    { preHandler: read, schema: { tags, querystring: WorkerListQuery, response: { 200: WorkerPage, ...e } } },
    (req) => listWorkers(ctxOf(req), req.query),
  );
  app.post('/api/industry/workers', { preHandler: write, schema: { tags, body: WorkerInput, response: idOnly } }, (req) =>
    createWorker(ctxOf(req), req.body),
  );
  app.patch('/api/industry/workers/:id', { preHandler: write, schema: { tags, ...withId, body: WorkerPatch, response: idOnly } }, (req) =>
    updateWorker(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/industry/workers/:id/reveal',
    { preHandler: reveal, schema: { tags, ...withId, response: { 200: RevealResponse, ...e } } },
    (req) => revealWorkerId(ctxOf(req), req.params.id),
  );

  // ---- overviews: HQ ranking of helper cities, the map's places ----
  app.get(
    '/api/industry/ranking',
    { preHandler: read, schema: { tags, querystring: RankingQuery, response: { 200: z.array(RankingRow), ...e } } },
    (req) => helperRanking(ctxOf(req), req.query),
  );
  app.get('/api/industry/places', { preHandler: read, schema: { tags, response: { 200: z.array(PlaceRow), ...e } } }, (req) =>
    industryPlaces(ctxOf(req)),
  );
}
