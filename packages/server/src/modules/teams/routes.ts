// /api/teams, /api/teams/cadres, /api/teams/exchanges: teams and their members by round, dispatched people (ID
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
  ExchangePersonInput,
  ExchangePersonList,
  ExchangePersonPatch,
  ExchangePersonRow,
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
import { guard } from '../../platform/auth/plugin';
import { ctxOf } from '../../platform/ctx';
import type { App } from '../../platform/http/types';
import { cadreRow, createCadre, listCadres, revealIdNumber, updateCadre } from './cadres';
import { teamDetail } from './detail';
import {
  addExchangePerson,
  deleteExchangePerson,
  exchangePersonRow,
  listExchangePersons,
  revealExchangePerson,
  updateExchangePerson,
} from './exchangePersons';
import { createExchange, exchangeSummary, getExchange, listExchanges, updateExchange } from './exchanges';
import { addMember, updateMember } from './members';
import { onDuty } from './onDuty';
import { createTeam, listTeams, updateTeam } from './teams';

export async function teamsRoutes(app: App) {
  const read = guard('registry.read');
  const write = guard('registry.write');
  const reveal = guard('registry.read', 'sensitive.reveal');
  const tags = ['teams'];
  const e = { ...errorResponses };
  const idOnly = { 200: z.object({ id: z.number().int() }), ...e };

  // ---- teams and members ----
  app.get(
    '/api/teams',
    { preHandler: read, schema: { tags, querystring: TeamListQuery, response: { 200: z.array(TeamRow), ...e } } },
    async (req) => listTeams(ctxOf(req), req.query),
  );
  app.get(
    '/api/teams/:id',
    { preHandler: read, schema: { tags, params: IdParam, querystring: TeamDetailQuery, response: { 200: TeamDetail, ...e } } },
    async (req) => teamDetail(ctxOf(req), req.params.id, req.query),
  );
  app.post('/api/teams', { preHandler: write, schema: { tags, body: TeamInput, response: { 200: TeamDetail, ...e } } }, async (req) =>
    teamDetail(ctxOf(req), await createTeam(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/teams/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: TeamPatch, response: { 200: TeamDetail, ...e } } },
    async (req) => teamDetail(ctxOf(req), await updateTeam(ctxOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/teams/:id/members',
    { preHandler: write, schema: { tags, params: IdParam, body: MemberInput, response: idOnly } },
    async (req) => ({
      id: (await addMember(ctxOf(req), req.params.id, req.body)).id,
    }),
  );
  app.patch(
    '/api/teams/members/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: MemberPatch, response: idOnly } },
    async (req) => ({
      id: (await updateMember(ctxOf(req), req.params.id, req.body)).id,
    }),
  );

  // ---- cadres and professionals ----
  app.get(
    '/api/teams/cadres',
    { preHandler: read, schema: { tags, querystring: CadreListQuery, response: { 200: CadrePage, ...e } } },
    async (req) => listCadres(ctxOf(req), req.query),
  );
  app.get(
    '/api/teams/cadres/on-duty',
    { preHandler: read, schema: { tags, querystring: OnDutyQuery, response: { 200: OnDutyResponse, ...e } } },
    async (req) => onDuty(ctxOf(req), req.query),
  );
  app.get(
    '/api/teams/cadres/:id',
    { preHandler: read, schema: { tags, params: IdParam, response: { 200: CadreRow, ...e } } },
    async (req) => cadreRow(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/teams/cadres/:id/reveal',
    { preHandler: reveal, schema: { tags, params: IdParam, response: { 200: RevealResponse, ...e } } },
    async (req) => revealIdNumber(ctxOf(req), req.params.id),
  );
  app.post('/api/teams/cadres', { preHandler: write, schema: { tags, body: CadreInput, response: { 200: CadreRow, ...e } } }, async (req) =>
    cadreRow(ctxOf(req), await createCadre(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/teams/cadres/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: CadrePatch, response: { 200: CadreRow, ...e } } },
    async (req) => cadreRow(ctxOf(req), await updateCadre(ctxOf(req), req.params.id, req.body)),
  );

  // ---- talent exchanges ----
  app.get(
    '/api/teams/exchanges',
    { preHandler: read, schema: { tags, querystring: ExchangeListQuery, response: { 200: ExchangePage, ...e } } },
    async (req) => listExchanges(ctxOf(req), req.query),
  );
  app.get(
    '/api/teams/exchanges/summary',
    { preHandler: read, schema: { tags, querystring: ExchangeSummaryQuery, response: { 200: ExchangeSummary, ...e } } },
    async (req) => exchangeSummary(ctxOf(req), req.query),
  );
  app.post(
    '/api/teams/exchanges',
    { preHandler: write, schema: { tags, body: ExchangeInput, response: { 200: ExchangeRow, ...e } } },
    async (req) => getExchange(ctxOf(req), await createExchange(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/teams/exchanges/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: ExchangePatch, response: { 200: ExchangeRow, ...e } } },
    async (req) => getExchange(ctxOf(req), await updateExchange(ctxOf(req), req.params.id, req.body)),
  );

  // ---- named persons of an exchange (one row per trip; ID number masked, reveal audited) ----
  app.get(
    '/api/teams/exchanges/:id/persons',
    { preHandler: read, schema: { tags, params: IdParam, response: { 200: ExchangePersonList, ...e } } },
    async (req) => listExchangePersons(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/teams/exchanges/:id/persons',
    { preHandler: write, schema: { tags, params: IdParam, body: ExchangePersonInput, response: { 200: ExchangePersonRow, ...e } } },
    async (req) => exchangePersonRow(ctxOf(req), await addExchangePerson(ctxOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/teams/exchange-persons/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: ExchangePersonPatch, response: { 200: ExchangePersonRow, ...e } } },
    async (req) => exchangePersonRow(ctxOf(req), await updateExchangePerson(ctxOf(req), req.params.id, req.body)),
  );
  app.delete('/api/teams/exchange-persons/:id', { preHandler: write, schema: { tags, params: IdParam, response: idOnly } }, async (req) =>
    deleteExchangePerson(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/teams/exchange-persons/:id/reveal',
    { preHandler: reveal, schema: { tags, params: IdParam, response: { 200: RevealResponse, ...e } } },
    async (req) => revealExchangePerson(ctxOf(req), req.params.id),
  );
}
