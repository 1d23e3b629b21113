// /api/assessment: agreements (年度帮扶协议), frameworks (考核指标体系), cycles with their scores, the calendar's
// steps, reviewers' entries and settlements, field-check samples and the what-if. Every read goes through scope.
import {
  AdvanceInput,
  AgreementDetail,
  AgreementInput,
  AgreementListQuery,
  CopyFrameworkInput,
  Cycle,
  CycleInput,
  CycleRow,
  Framework,
  FrameworkInput,
  PartyParams,
  PartyStepInput,
  ReviewInput,
  SampleInput,
  SampleList,
  SettleInput,
  SignInput,
  VerifyInput,
  WhatIfInput,
  WhatIfResult,
} from '@xiezuo/shared/contracts/assessment';
import { errorResponses, IdParam } from '@xiezuo/shared/contracts/common';
import { z } from 'zod';
import { guard } from '../../platform/auth/plugin';
import { ctxOf } from '../../platform/ctx';
import type { App } from '../../platform/http/types';
import { createAgreement, getAgreement, getAgreementRow, listAgreements, signAgreement } from './agreements';
import {
  advanceCycle,
  createCycle,
  drawSample,
  getCycle,
  listCycles,
  listSamples,
  partyStep,
  saveReview,
  settle,
  verifySample,
  whatIf,
} from './cycles';
import { copyFramework, createFramework, getFramework, listFrameworks, updateFramework } from './frameworks';
import { scoreTable, selfReport } from './outputs';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

export async function assessmentRoutes(app: App) {
  const read = guard('assessment.read');
  const agree = guard('assessment.agree');
  const submit = guard('assessment.submit');
  const review = guard('assessment.review');
  const manage = guard('assessment.manage');
  const tags = ['assessment'];
  const e = { ...errorResponses };
  const id = (req: { params: { id: number } }) => req.params.id;

  app.get(
    '/api/assessment/agreements',
    { preHandler: read, schema: { tags, querystring: AgreementListQuery, response: { 200: z.array(AgreementDetail), ...e } } },
    (req) => listAgreements(ctxOf(req), req.query),
  );
  app.get(
    '/api/assessment/agreements/:id',
    { preHandler: read, schema: { tags, params: IdParam, response: { 200: AgreementDetail, ...e } } },
    (req) => getAgreement(ctxOf(req), id(req)),
  );
  app.post(
    '/api/assessment/agreements',
    { preHandler: agree, schema: { tags, body: AgreementInput, response: { 200: AgreementDetail, ...e } } },
    (req) => createAgreement(ctxOf(req), req.body),
  );
  app.post(
    '/api/assessment/agreements/:id/sign',
    {
      preHandler: agree,
      // the agreement must be the user's (either side) before its body is judged: a refusal by scope comes first
      preValidation: async (req) => void (await getAgreementRow(ctxOf(req), Number(req.params.id))),
      schema: { tags, params: IdParam, body: SignInput, response: { 200: AgreementDetail, ...e } },
    },
    (req) => signAgreement(ctxOf(req), id(req), req.body),
  );

  app.get('/api/assessment/frameworks', { preHandler: read, schema: { tags, response: { 200: z.array(Framework), ...e } } }, (req) =>
    listFrameworks(ctxOf(req)),
  );
  app.get(
    '/api/assessment/frameworks/:id',
    { preHandler: read, schema: { tags, params: IdParam, response: { 200: Framework, ...e } } },
    (req) => getFramework(ctxOf(req), id(req)),
  );
  app.post(
    '/api/assessment/frameworks',
    { preHandler: manage, schema: { tags, body: FrameworkInput, response: { 200: Framework, ...e } } },
    (req) => createFramework(ctxOf(req), req.body),
  );
  app.put(
    '/api/assessment/frameworks/:id',
    { preHandler: manage, schema: { tags, params: IdParam, body: FrameworkInput, response: { 200: Framework, ...e } } },
    (req) => updateFramework(ctxOf(req), id(req), req.body),
  );
  app.post(
    '/api/assessment/frameworks/:id/copy',
    { preHandler: manage, schema: { tags, params: IdParam, body: CopyFrameworkInput, response: { 200: Framework, ...e } } },
    (req) => copyFramework(ctxOf(req), id(req), req.body.year),
  );

  app.get('/api/assessment/cycles', { preHandler: read, schema: { tags, response: { 200: z.array(CycleRow), ...e } } }, (req) =>
    listCycles(ctxOf(req)),
  );
  app.get('/api/assessment/cycles/:id', { preHandler: read, schema: { tags, params: IdParam, response: { 200: Cycle, ...e } } }, (req) =>
    getCycle(ctxOf(req), id(req)),
  );
  app.post('/api/assessment/cycles', { preHandler: manage, schema: { tags, body: CycleInput, response: { 200: Cycle, ...e } } }, (req) =>
    createCycle(ctxOf(req), req.body),
  );
  app.post(
    '/api/assessment/cycles/:id/advance',
    { preHandler: manage, schema: { tags, params: IdParam, body: AdvanceInput, response: { 200: Cycle, ...e } } },
    (req) => advanceCycle(ctxOf(req), id(req), req.body.note),
  );
  app.post(
    '/api/assessment/cycles/:id/party-step',
    { preHandler: submit, schema: { tags, params: IdParam, body: PartyStepInput, response: { 200: Cycle, ...e } } },
    (req) => partyStep(ctxOf(req), id(req), req.body),
  );
  app.put(
    '/api/assessment/cycles/:id/reviews',
    { preHandler: review, schema: { tags, params: IdParam, body: ReviewInput, response: { 200: Cycle, ...e } } },
    (req) => saveReview(ctxOf(req), id(req), req.body),
  );
  app.put(
    '/api/assessment/cycles/:id/settlements',
    { preHandler: review, schema: { tags, params: IdParam, body: SettleInput, response: { 200: Cycle, ...e } } },
    (req) => settle(ctxOf(req), id(req), req.body),
  );
  app.get(
    '/api/assessment/cycles/:id/samples',
    { preHandler: read, schema: { tags, params: IdParam, response: { 200: SampleList, ...e } } },
    (req) => listSamples(ctxOf(req), id(req)),
  );
  app.post(
    '/api/assessment/cycles/:id/samples',
    { preHandler: review, schema: { tags, params: IdParam, body: SampleInput, response: { 200: SampleList, ...e } } },
    (req) => drawSample(ctxOf(req), id(req), req.body),
  );
  app.put(
    '/api/assessment/samples/:id',
    { preHandler: review, schema: { tags, params: IdParam, body: VerifyInput, response: { 200: SampleList, ...e } } },
    (req) => verifySample(ctxOf(req), id(req), req.body.verified),
  );
  // outputs: a party gets its own, HQ every party's; audited
  app.get(
    '/api/assessment/cycles/:id/score-table',
    { preHandler: read, schema: { tags, params: IdParam, produces: [XLSX] } },
    async (req, reply) => {
      const { file, fileName } = await scoreTable(ctxOf(req), id(req));
      return reply.type(XLSX).header('content-disposition', attachment(fileName)).send(file);
    },
  );
  app.get(
    '/api/assessment/cycles/:id/parties/:partyId/self-report',
    { preHandler: read, schema: { tags, params: PartyParams, produces: [DOCX] } },
    async (req, reply) => {
      const { file, fileName } = await selfReport(ctxOf(req), req.params.id, req.params.partyId);
      return reply.type(DOCX).header('content-disposition', attachment(fileName)).send(file);
    },
  );
  app.post(
    '/api/assessment/cycles/:id/what-if',
    { preHandler: manage, schema: { tags, params: IdParam, body: WhatIfInput, response: { 200: WhatIfResult, ...e } } },
    (req) => whatIf(ctxOf(req), id(req), req.body),
  );
}
