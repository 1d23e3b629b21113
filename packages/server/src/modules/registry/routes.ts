// /api/registry: divisions, units, programmes, pairings (list, partners, counts, map flows). Each route
// calls one service function with the request's context.
import { errorResponses, IdParam } from '@xiezuo/shared/contracts/common';
import * as C from '@xiezuo/shared/contracts/registry';
import { z } from 'zod';
import { guard } from '../../platform/auth/plugin';
import { ctxOf } from '../../platform/ctx';
import type { App } from '../../platform/http/types';
import { changeDivision } from './divisionChanges';
import { childrenAsOf, divisionDetail, searchDivisions } from './divisions';
import { countByType, createPairing, flows, getPairing, listPairings, partnersOf, updatePairing } from './pairings';
import { createProgramme, listProgrammes } from './programmes';
import { createUnit, getUnit, listUnits, updateUnit } from './units';

export async function registryRoutes(app: App) {
  const read = guard('registry.read');
  const write = guard('registry.write');
  // the division tree's history and the programmes are shared by every scope: HQ and admin only
  const reference = guard('registry.write', 'registry.reference');
  const tags = ['registry'];
  const ok = <T extends z.ZodType>(s: T) => ({ 200: s, ...errorResponses });

  // ── divisions (reference data: every reader may browse the whole tree) ──
  const shared = { scope: 'reference' as const };
  app.get(
    '/api/registry/divisions',
    { preHandler: read, config: shared, schema: { tags, querystring: C.DivisionListQuery, response: ok(z.array(C.DivisionRow)) } },
    async (req) => childrenAsOf(ctxOf(req), req.query.parent ?? null, req.query.asOf),
  );
  app.get(
    '/api/registry/divisions/search',
    { preHandler: read, config: shared, schema: { tags, querystring: C.DivisionSearchQuery, response: ok(z.array(C.DivisionSearchHit)) } },
    async (req) => searchDivisions(ctxOf(req), req.query.q, req.query.limit, req.query),
  );
  app.get(
    '/api/registry/divisions/:code',
    {
      preHandler: read,
      config: shared,
      schema: { tags, params: C.DivisionCodeParam, querystring: C.DivisionAsOfQuery, response: ok(C.DivisionDetail) },
    },
    async (req) => divisionDetail(ctxOf(req), req.params.code, req.query.asOf),
  );
  app.post(
    '/api/registry/divisions/:code/changes',
    {
      preHandler: reference,
      schema: { tags, params: C.DivisionCodeParam, body: C.DivisionChangeRequest, response: ok(z.object({ id: z.number() })) },
    },
    async (req) => ({ id: (await changeDivision(ctxOf(req), req.params.code, req.body)).id }),
  );

  // ── units ──
  app.get(
    '/api/registry/units',
    { preHandler: read, schema: { tags, querystring: C.UnitListQuery, response: ok(C.UnitPage) } },
    async (req) => listUnits(ctxOf(req), req.query),
  );
  app.get('/api/registry/units/:id', { preHandler: read, schema: { tags, params: IdParam, response: ok(C.UnitRow) } }, async (req) =>
    getUnit(ctxOf(req), req.params.id),
  );
  app.post('/api/registry/units', { preHandler: write, schema: { tags, body: C.UnitBody, response: ok(C.UnitRow) } }, async (req) =>
    createUnit(ctxOf(req), req.body),
  );
  app.patch(
    '/api/registry/units/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: C.UnitPatch, response: ok(C.UnitRow) } },
    async (req) => updateUnit(ctxOf(req), req.params.id, req.body),
  );

  // ── programmes ──
  app.get('/api/registry/programmes', { preHandler: read, schema: { tags, response: ok(z.array(C.ProgrammeRow)) } }, async (req) =>
    listProgrammes(ctxOf(req)),
  );
  app.post(
    '/api/registry/programmes',
    { preHandler: reference, schema: { tags, body: C.ProgrammeBody, response: ok(z.object({ id: z.number() })) } },
    async (req) => ({
      id: await createProgramme(ctxOf(req), req.body),
    }),
  );

  // ── pairings ──
  app.get(
    '/api/registry/pairings',
    { preHandler: read, schema: { tags, querystring: C.PairingListQuery, response: ok(C.PairingPage) } },
    async (req) => listPairings(ctxOf(req), req.query),
  );
  app.get(
    '/api/registry/pairings/partners',
    { preHandler: read, schema: { tags, querystring: C.PartnersQuery, response: ok(z.array(C.PartnerRow)) } },
    async (req) => partnersOf(ctxOf(req), req.query),
  );
  app.get(
    '/api/registry/pairings/counts',
    { preHandler: read, schema: { tags, querystring: C.CountsQuery, response: ok(z.array(C.PairingCount)) } },
    async (req) => countByType(ctxOf(req), req.query),
  );
  app.get(
    '/api/registry/pairings/flows',
    { preHandler: read, schema: { tags, querystring: C.FlowsQuery, response: ok(z.array(C.Flow)) } },
    async (req) => flows(ctxOf(req), req.query),
  );
  app.get('/api/registry/pairings/:id', { preHandler: read, schema: { tags, params: IdParam, response: ok(C.PairingRow) } }, async (req) =>
    getPairing(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/registry/pairings',
    { preHandler: write, schema: { tags, body: C.PairingBody, response: ok(C.PairingRow) } },
    async (req) => createPairing(ctxOf(req), req.body),
  );
  app.patch(
    '/api/registry/pairings/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: C.PairingPatch, response: ok(C.PairingRow) } },
    async (req) => updatePairing(ctxOf(req), req.params.id, req.body),
  );
}
