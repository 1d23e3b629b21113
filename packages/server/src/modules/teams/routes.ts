// /api/teams, /api/cadres, /api/exchanges: teams and their members by round, dispatched people (ID
// number masked; reveal audited), who is on duty, and the talent exchange ledger with its summary.
import { errorResponses, IdParam } from '@xiezuo/shared/contracts/common';
import {
  CadreInput,
  CadreListQuery,
  CadrePage,
  CadrePatch,
  CadreRow,
  ExchangeInput,
  ExchangeListQuery,
  ExchangePage,
  ExchangePatch,
  ExchangeRow,
  ExchangeSummary,
  ExchangeSummaryQuery,
  MemberInput,
  MemberPatch,
  OnDutyQuery,
  OnDutyResponse,
  RevealResponse,
  TeamDetail,
  TeamDetailQuery,
  TeamInput,
  TeamListQuery,
  TeamPatch,
  TeamRow,
} from '@xiezuo/shared/contracts/teams';
import { z } from 'zod';
import { actorOf, guard, userOf } from '../../platform/auth/plugin';
import type { App } from '../../platform/http/types';
import { createCadre, getCadre, listCadres, revealIdNumber, toCadreRow, updateCadre } from './cadres';
import { createExchange, exchangeSummary, getExchange, listExchanges, updateExchange } from './exchanges';
import { onDuty } from './onDuty';
import { listTeams, teamDetail } from './repository';
import { addMember, createTeam, updateMember, updateTeam } from './service';
import { divisionNames } from './names';

export async function teamsRoutes(app: App) {
  const read = guard('registry.read');
  const write = guard('registry.write');
  const reveal = guard('registry.read', 'sensitive.reveal');
  const { db, cipher } = app.xz;
  const tags = ['teams'];

  // ---- teams and members ----
  app.get('/api/teams', { preHandler: read, schema: { tags, querystring: TeamListQuery, response: { 200: z.array(TeamRow), ...errorResponses } } }, async (req) =>
    listTeams(db, userOf(req).scope, req.query) as never,
  );

  app.get(
    '/api/teams/:id',
    { preHandler: read, schema: { tags, params: IdParam, querystring: TeamDetailQuery, response: { 200: TeamDetail, ...errorResponses } } },
    async (req) => teamDetail(db, userOf(req).scope, req.params.id, req.query) as never,
  );

  app.post('/api/teams', { preHandler: write, schema: { tags, body: TeamInput, response: { 200: TeamDetail, ...errorResponses } } }, async (req) => {
    const id = await createTeam(db, userOf(req).scope, actorOf(req), req.body);
    return teamDetail(db, userOf(req).scope, id, {}) as never;
  });

  app.patch(
    '/api/teams/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: TeamPatch, response: { 200: TeamDetail, ...errorResponses } } },
    async (req) => {
      await updateTeam(db, userOf(req).scope, actorOf(req), req.params.id, req.body);
      return teamDetail(db, userOf(req).scope, req.params.id, {}) as never;
    },
  );

  app.post(
    '/api/teams/:id/members',
    { preHandler: write, schema: { tags, params: IdParam, body: MemberInput, response: { 200: z.object({ id: z.number().int() }), ...errorResponses } } },
    async (req) => ({ id: (await addMember(db, userOf(req).scope, actorOf(req), req.params.id, req.body)).id }),
  );

  app.patch(
    '/api/teams/members/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: MemberPatch, response: { 200: z.object({ id: z.number().int() }), ...errorResponses } } },
    async (req) => ({ id: (await updateMember(db, userOf(req).scope, actorOf(req), req.params.id, req.body)).id }),
  );

  // ---- cadres and professionals ----
  app.get('/api/cadres', { preHandler: read, schema: { tags, querystring: CadreListQuery, response: { 200: CadrePage, ...errorResponses } } }, async (req) => {
    const { rows, total } = await listCadres(db, userOf(req).scope, req.query);
    return { items: rows.map((r) => toCadreRow(r, cipher)), total, page: req.query.page, pageSize: req.query.pageSize } as never;
  });

  app.get('/api/cadres/on-duty', { preHandler: read, schema: { tags, querystring: OnDutyQuery, response: { 200: OnDutyResponse, ...errorResponses } } }, async (req) =>
    onDuty(app.xz, userOf(req).scope, req.query) as never,
  );

  app.get('/api/cadres/:id', { preHandler: read, schema: { tags, params: IdParam, response: { 200: CadreRow, ...errorResponses } } }, async (req) =>
    toCadreRow(await getCadre(db, userOf(req).scope, req.params.id), cipher) as never,
  );

  app.post('/api/cadres/:id/reveal', { preHandler: reveal, schema: { tags, params: IdParam, response: { 200: RevealResponse, ...errorResponses } } }, async (req) => ({
    idNumber: await revealIdNumber(app.xz, userOf(req).scope, actorOf(req), req.params.id),
  }));

  app.post('/api/cadres', { preHandler: write, schema: { tags, body: CadreInput, response: { 200: CadreRow, ...errorResponses } } }, async (req) => {
    const id = await createCadre(app.xz, userOf(req).scope, actorOf(req), req.body);
    return toCadreRow(await getCadre(db, userOf(req).scope, id), cipher) as never;
  });

  app.patch('/api/cadres/:id', { preHandler: write, schema: { tags, params: IdParam, body: CadrePatch, response: { 200: CadreRow, ...errorResponses } } }, async (req) => {
    await updateCadre(app.xz, userOf(req).scope, actorOf(req), req.params.id, req.body);
    return toCadreRow(await getCadre(db, userOf(req).scope, req.params.id), cipher) as never;
  });

  // ---- talent exchanges ----
  app.get('/api/exchanges', { preHandler: read, schema: { tags, querystring: ExchangeListQuery, response: { 200: ExchangePage, ...errorResponses } } }, async (req) => {
    const { rows, total } = await listExchanges(db, userOf(req).scope, req.query);
    return { items: rows, total, page: req.query.page, pageSize: req.query.pageSize } as never;
  });

  app.get(
    '/api/exchanges/summary',
    { preHandler: read, schema: { tags, querystring: ExchangeSummaryQuery, response: { 200: ExchangeSummary, ...errorResponses } } },
    async (req) => {
      const q = req.query;
      const [tally, names] = await Promise.all([exchangeSummary(db, userOf(req).scope, q), divisionNames(db, [q.side, q.other ?? ''])]);
      return {
        side: { code: q.side, name: names.get(q.side) ?? null },
        other: q.other ? { code: q.other, name: names.get(q.other) ?? null } : null,
        from: q.from ?? null,
        to: q.to ?? null,
        ...tally,
      };
    },
  );

  app.post('/api/exchanges', { preHandler: write, schema: { tags, body: ExchangeInput, response: { 200: ExchangeRow, ...errorResponses } } }, async (req) => {
    const id = await createExchange(db, userOf(req).scope, actorOf(req), req.body);
    return (await getExchange(db, userOf(req).scope, id)) as never;
  });

  app.patch(
    '/api/exchanges/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: ExchangePatch, response: { 200: ExchangeRow, ...errorResponses } } },
    async (req) => {
      await updateExchange(db, userOf(req).scope, actorOf(req), req.params.id, req.body);
      return (await getExchange(db, userOf(req).scope, req.params.id)) as never;
    },
  );
}
