// /api/funds/allocations, /api/funds/projects, /api/funds/flows, /api/funds/beneficiaries: fund allocations and
// their transfers, projects with their lifecycle steps, money flows and beneficiaries.
import { errorResponses, IdParam } from '@xiezuo/shared/contracts/common';
import {
  AllocationInput,
  AllocationListQuery,
  AllocationPage,
  AllocationPatch,
  AllocationRow,
  BeneficiaryInput,
  CountyFlowQuery,
  CountyFlowRow,
  FlowInput,
  ProjectDetail,
  ProjectInput,
  ProjectListQuery,
  ProjectPage,
  ProjectPatch,
  ProjectStepInput,
} from '@xiezuo/shared/contracts/funds';
import { z } from 'zod';
import { guard } from '../../platform/auth/plugin';
import { ctxOf } from '../../platform/ctx';
import type { App } from '../../platform/http/types';
import { createAllocation, getAllocation, listAllocations, updateAllocation } from './allocations';
import { createBeneficiary } from './beneficiaries';
import { countyFlows } from './counties';
import { createFlow } from './flows';
import { createProject, listProjects, projectDetail, stepProject, updateProject } from './projects';

export async function fundsRoutes(app: App) {
  const read = guard('funds.read');
  const write = guard('funds.write');
  const tags = ['funds'];
  const e = { ...errorResponses };
  const detail = { 200: ProjectDetail, ...e };

  app.get(
    '/api/funds/allocations',
    { preHandler: read, schema: { tags, querystring: AllocationListQuery, response: { 200: AllocationPage, ...e } } },
    async (req) => listAllocations(ctxOf(req), req.query),
  );
  app.post(
    '/api/funds/allocations',
    { preHandler: write, schema: { tags, body: AllocationInput, response: { 200: AllocationRow, ...e } } },
    async (req) => getAllocation(ctxOf(req), await createAllocation(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/funds/allocations/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: AllocationPatch, response: { 200: AllocationRow, ...e } } },
    async (req) => getAllocation(ctxOf(req), await updateAllocation(ctxOf(req), req.params.id, req.body)),
  );

  app.get(
    '/api/funds/counties',
    { preHandler: read, schema: { tags, querystring: CountyFlowQuery, response: { 200: z.array(CountyFlowRow), ...e } } },
    async (req) => countyFlows(ctxOf(req), req.query),
  );

  app.get(
    '/api/funds/projects',
    { preHandler: read, schema: { tags, querystring: ProjectListQuery, response: { 200: ProjectPage, ...e } } },
    async (req) => listProjects(ctxOf(req), req.query),
  );
  app.get('/api/funds/projects/:id', { preHandler: read, schema: { tags, params: IdParam, response: detail } }, async (req) =>
    projectDetail(ctxOf(req), req.params.id),
  );
  app.post('/api/funds/projects', { preHandler: write, schema: { tags, body: ProjectInput, response: detail } }, async (req) =>
    projectDetail(ctxOf(req), await createProject(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/funds/projects/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: ProjectPatch, response: detail } },
    async (req) => projectDetail(ctxOf(req), await updateProject(ctxOf(req), req.params.id, req.body)),
  );
  app.post(
    '/api/funds/projects/:id/step',
    { preHandler: write, schema: { tags, params: IdParam, body: ProjectStepInput, response: detail } },
    async (req) => projectDetail(ctxOf(req), await stepProject(ctxOf(req), req.params.id, req.body)),
  );
  app.post('/api/funds/flows', { preHandler: write, schema: { tags, body: FlowInput, response: detail } }, async (req) => {
    await createFlow(ctxOf(req), req.body);
    return projectDetail(ctxOf(req), req.body.projectId);
  });
  app.post('/api/funds/beneficiaries', { preHandler: write, schema: { tags, body: BeneficiaryInput, response: detail } }, async (req) => {
    await createBeneficiary(ctxOf(req), req.body);
    return projectDetail(ctxOf(req), req.body.projectId);
  });
}
