// /api/social: donations (捐赠/慰问), social funds (社会帮扶资金), meetings and their decisions (会议/议定事项 — the
// overdue ones are the worklist), high-level visits (互访调研) and publicity (宣传报道). Every query goes through scope.
import { errorResponses, IdParam } from '@xiezuo/shared/contracts/common';
import {
  DecisionInput,
  DecisionListQuery,
  DecisionPage,
  DecisionPatch,
  DecisionRow,
  DonationInput,
  DonationListQuery,
  DonationPage,
  DonationPatch,
  DonationRow,
  FundInput,
  FundListQuery,
  FundPage,
  FundPatch,
  FundRow,
  MeetingDetail,
  MeetingInput,
  MeetingListQuery,
  MeetingPage,
  MeetingPatch,
  PublicityInput,
  PublicityListQuery,
  PublicityPage,
  PublicityPatch,
  PublicityRow,
  VisitInput,
  VisitListQuery,
  VisitPage,
  VisitPatch,
  VisitRow,
} from '@xiezuo/shared/contracts/social';
import type { FastifyRequest } from 'fastify';
import { guard } from '../../platform/auth/plugin';
import { ctxOf } from '../../platform/ctx';
import type { App } from '../../platform/http/types';
import { addDecision, getDecision, listDecisions, meetingForDecisions, updateDecision } from './decisions';
import { createDonation, getDonation, listDonations, updateDonation } from './donations';
import { createFund, getFund, listFunds, updateFund } from './funds';
import { createMeeting, listMeetings, meetingDetail, updateMeeting } from './meetings';
import { createPublicity, getPublicity, listPublicity, updatePublicity } from './publicity';
import { createVisit, getVisit, listVisits, updateVisit } from './visits';

export async function socialRoutes(app: App) {
  const read = guard('social.read');
  const write = guard('social.write');
  const tags = ['social'];
  const e = { ...errorResponses };
  const id = (req: { params: { id: number } }) => req.params.id;

  app.get(
    '/api/social/donations',
    { preHandler: read, schema: { tags, querystring: DonationListQuery, response: { 200: DonationPage, ...e } } },
    (req) => listDonations(ctxOf(req), req.query),
  );
  app.post(
    '/api/social/donations',
    { preHandler: write, schema: { tags, body: DonationInput, response: { 200: DonationRow, ...e } } },
    async (req) => getDonation(ctxOf(req), await createDonation(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/social/donations/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: DonationPatch, response: { 200: DonationRow, ...e } } },
    async (req) => getDonation(ctxOf(req), await updateDonation(ctxOf(req), id(req), req.body)),
  );

  app.get(
    '/api/social/funds',
    { preHandler: read, schema: { tags, querystring: FundListQuery, response: { 200: FundPage, ...e } } },
    (req) => listFunds(ctxOf(req), req.query),
  );
  app.post('/api/social/funds', { preHandler: write, schema: { tags, body: FundInput, response: { 200: FundRow, ...e } } }, async (req) =>
    getFund(ctxOf(req), await createFund(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/social/funds/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: FundPatch, response: { 200: FundRow, ...e } } },
    async (req) => getFund(ctxOf(req), await updateFund(ctxOf(req), id(req), req.body)),
  );

  app.get(
    '/api/social/meetings',
    { preHandler: read, schema: { tags, querystring: MeetingListQuery, response: { 200: MeetingPage, ...e } } },
    (req) => listMeetings(ctxOf(req), req.query),
  );
  app.get(
    '/api/social/meetings/:id',
    { preHandler: read, schema: { tags, params: IdParam, response: { 200: MeetingDetail, ...e } } },
    (req) => meetingDetail(ctxOf(req), id(req)),
  );
  app.post(
    '/api/social/meetings',
    { preHandler: write, schema: { tags, body: MeetingInput, response: { 200: MeetingDetail, ...e } } },
    async (req) => meetingDetail(ctxOf(req), await createMeeting(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/social/meetings/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: MeetingPatch, response: { 200: MeetingDetail, ...e } } },
    async (req) => meetingDetail(ctxOf(req), await updateMeeting(ctxOf(req), id(req), req.body)),
  );
  app.post(
    '/api/social/meetings/:id/decisions',
    {
      preHandler: write,
      // the meeting's scope is judged before the body: a meeting outside it is not found, whatever was sent
      preValidation: async (req: FastifyRequest) => {
        const meetingId = Number((req.params as { id: string }).id);
        if (Number.isSafeInteger(meetingId) && meetingId > 0 && meetingId <= 2_147_483_647)
          await meetingForDecisions(ctxOf(req), req.server.xz.db, meetingId);
      },
      schema: { tags, params: IdParam, body: DecisionInput, response: { 200: DecisionRow, ...e } },
    },
    async (req) => getDecision(ctxOf(req), await addDecision(ctxOf(req), id(req), req.body)),
  );
  app.get(
    '/api/social/decisions',
    { preHandler: read, schema: { tags, querystring: DecisionListQuery, response: { 200: DecisionPage, ...e } } },
    (req) => listDecisions(ctxOf(req), req.query),
  );
  app.patch(
    '/api/social/decisions/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: DecisionPatch, response: { 200: DecisionRow, ...e } } },
    async (req) => getDecision(ctxOf(req), await updateDecision(ctxOf(req), id(req), req.body)),
  );

  app.get(
    '/api/social/visits',
    { preHandler: read, schema: { tags, querystring: VisitListQuery, response: { 200: VisitPage, ...e } } },
    (req) => listVisits(ctxOf(req), req.query),
  );
  app.post(
    '/api/social/visits',
    { preHandler: write, schema: { tags, body: VisitInput, response: { 200: VisitRow, ...e } } },
    async (req) => getVisit(ctxOf(req), await createVisit(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/social/visits/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: VisitPatch, response: { 200: VisitRow, ...e } } },
    async (req) => getVisit(ctxOf(req), await updateVisit(ctxOf(req), id(req), req.body)),
  );

  app.get(
    '/api/social/publicity',
    { preHandler: read, schema: { tags, querystring: PublicityListQuery, response: { 200: PublicityPage, ...e } } },
    (req) => listPublicity(ctxOf(req), req.query),
  );
  app.post(
    '/api/social/publicity',
    { preHandler: write, schema: { tags, body: PublicityInput, response: { 200: PublicityRow, ...e } } },
    async (req) => getPublicity(ctxOf(req), await createPublicity(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/social/publicity/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: PublicityPatch, response: { 200: PublicityRow, ...e } } },
    async (req) => getPublicity(ctxOf(req), await updatePublicity(ctxOf(req), id(req), req.body)),
  );
}
