// /api/registry: divisions, units, programmes, pairings (list, partners, counts, map flows).
import { arrayContains, asc, eq, sql } from 'drizzle-orm';
import { errorResponses, IdParam } from '@xiezuo/shared/contracts/common';
import * as C from '@xiezuo/shared/contracts/registry';
import { z } from 'zod';
import { actorOf, guard, userOf } from '../../platform/auth/plugin';
import type { App } from '../../platform/http/types';
import { AppError } from '../../platform/http/errors';
import { changeDivision } from './divisionChanges';
import { ancestorsAsOf, childrenAsOf, divisionAsOf, searchDivisions, today } from './divisions';
import { countByType, createPairing, flows, getPairing, listPairings, partnersOf, updatePairing } from './pairings';
import { createProgramme, listProgrammes } from './programmes';
import { divisionChanges, divisionVersions } from './tables';
import { createUnit, getUnit, listUnits, updateUnit } from './units';

export async function registryRoutes(app: App) {
  const read = guard('registry.read');
  const write = guard('registry.write');
  // the division tree's history and the programmes are shared by every scope: HQ and admin only
  const reference = guard('registry.write', 'registry.reference');
  const tags = ['registry'];
  const db = () => app.xz.db;
  const ok = <T extends z.ZodType>(s: T) => ({ 200: s, ...errorResponses });

  // ── divisions (reference data: every reader may browse the whole tree) ──
  const shared = { scope: 'reference' as const };
  app.get('/api/registry/divisions', { preHandler: read, config: shared, schema: { tags, querystring: C.DivisionListQuery, response: ok(z.array(C.DivisionRow)) } }, async (req) =>
    childrenAsOf(db(), req.query.parent ?? null, req.query.asOf),
  );
  app.get('/api/registry/divisions/search', { preHandler: read, config: shared, schema: { tags, querystring: C.DivisionSearchQuery, response: ok(z.array(C.DivisionSearchHit)) } }, async (req) =>
    searchDivisions(db(), req.query.q, req.query.limit),
  );
  app.get(
    '/api/registry/divisions/:code',
    { preHandler: read, config: shared, schema: { tags, params: C.DivisionCodeParam, querystring: C.DivisionAsOfQuery, response: ok(C.DivisionDetail) } },
    async (req) => {
      const day = req.query.asOf ?? today();
      const d = await divisionAsOf(db(), req.params.code, day);
      if (!d) throw new AppError('NOT_FOUND');
      const [children, ancestors, versions, changes, [cur]] = await Promise.all([
        childrenAsOf(db(), d.code, day),
        ancestorsAsOf(db(), d.code, day),
        db().select().from(divisionVersions).where(eq(divisionVersions.code, d.code)).orderBy(asc(divisionVersions.validTo)),
        db().select().from(divisionChanges).where(arrayContains(divisionChanges.codes, [d.code])).orderBy(asc(divisionChanges.effectiveOn)),
        db().execute(sqlCurrent(d.code)).then((r) => r.rows as { since: string | null; abolished_on: string | null }[]),
      ]);
      return {
        ...d,
        hasChildren: children.length > 0,
        ancestors: ancestors.map((a) => ({ code: a.code, name: a.name })),
        since: cur?.since ?? null,
        abolishedOn: cur?.abolished_on ?? null,
        versions: versions.map((v) => ({ name: v.name, parentCode: v.parentCode, validFrom: v.validFrom, validTo: v.validTo })),
        changes: changes.map((c) => ({ id: c.id, kind: c.kind, effectiveOn: c.effectiveOn, codes: c.codes, note: c.note })),
      };
    },
  );
  app.post(
    '/api/registry/divisions/:code/changes',
    { preHandler: reference, schema: { tags, params: C.DivisionCodeParam, body: C.DivisionChangeRequest, response: ok(z.object({ id: z.number() })) } },
    async (req) => ({ id: (await changeDivision(db(), userOf(req), actorOf(req), req.params.code, req.body)).id }),
  );

  // ── units ──
  app.get('/api/registry/units', { preHandler: read, schema: { tags, querystring: C.UnitListQuery, response: ok(C.UnitPage) } }, async (req) =>
    listUnits(db(), userOf(req), req.query),
  );
  app.get('/api/registry/units/:id', { preHandler: read, schema: { tags, params: IdParam, response: ok(C.UnitRow) } }, async (req) =>
    getUnit(db(), userOf(req), req.params.id),
  );
  app.post('/api/registry/units', { preHandler: write, schema: { tags, body: C.UnitBody, response: ok(C.UnitRow) } }, async (req) =>
    createUnit(db(), userOf(req), actorOf(req), req.body),
  );
  app.patch('/api/registry/units/:id', { preHandler: write, schema: { tags, params: IdParam, body: C.UnitPatch, response: ok(C.UnitRow) } }, async (req) =>
    updateUnit(db(), userOf(req), actorOf(req), req.params.id, req.body),
  );

  // ── programmes ──
  app.get('/api/registry/programmes', { preHandler: read, schema: { tags, response: ok(z.array(C.ProgrammeRow)) } }, async () => listProgrammes(db()));
  app.post('/api/registry/programmes', { preHandler: reference, schema: { tags, body: C.ProgrammeBody, response: ok(z.object({ id: z.number() })) } }, async (req) => ({
    id: await createProgramme(db(), userOf(req), actorOf(req), req.body),
  }));

  // ── pairings ──
  app.get('/api/registry/pairings', { preHandler: read, schema: { tags, querystring: C.PairingListQuery, response: ok(C.PairingPage) } }, async (req) =>
    listPairings(db(), userOf(req), req.query),
  );
  app.get('/api/registry/pairings/partners', { preHandler: read, schema: { tags, querystring: C.PartnersQuery, response: ok(z.array(C.PartnerRow)) } }, async (req) =>
    partnersOf(db(), userOf(req), req.query),
  );
  app.get('/api/registry/pairings/counts', { preHandler: read, schema: { tags, querystring: C.CountsQuery, response: ok(z.array(C.PairingCount)) } }, async (req) =>
    countByType(db(), userOf(req), req.query),
  );
  app.get('/api/registry/pairings/flows', { preHandler: read, schema: { tags, querystring: C.FlowsQuery, response: ok(z.array(C.Flow)) } }, async (req) =>
    flows(db(), userOf(req), req.query),
  );
  app.get('/api/registry/pairings/:id', { preHandler: read, schema: { tags, params: IdParam, response: ok(C.PairingRow) } }, async (req) =>
    getPairing(db(), userOf(req), req.params.id),
  );
  app.post('/api/registry/pairings', { preHandler: write, schema: { tags, body: C.PairingBody, response: ok(C.PairingRow) } }, async (req) =>
    createPairing(db(), userOf(req), actorOf(req), req.body),
  );
  app.patch('/api/registry/pairings/:id', { preHandler: write, schema: { tags, params: IdParam, body: C.PairingPatch, response: ok(C.PairingRow) } }, async (req) =>
    updatePairing(db(), userOf(req), actorOf(req), req.params.id, req.body),
  );
}

const sqlCurrent = (code: string) => sql`select since::text, abolished_on::text from divisions where code = ${code}`;
