// /api/labour: the 脱贫人口名册, employment records and order classes (ID numbers masked; reveals audited).
import { errorResponses, IdParam } from '@xiezuo/shared/contracts/common';
import {
  BrandInput,
  BrandListQuery,
  BrandPage,
  BrandPatch,
  BrandRow,
  EmploymentInput,
  EmploymentListQuery,
  EmploymentPage,
  EmploymentRow,
  OrderClassInput,
  OrderClassListQuery,
  OrderClassPage,
  OrderClassRow,
  RevealResponse,
  RosterInput,
  RosterListQuery,
  RosterPage,
  RosterRow,
  StationInput,
  StationListQuery,
  StationPage,
  StationPatch,
  StationRow,
  TrainingListQuery,
  TrainingPage,
} from '@xiezuo/shared/contracts/labour';
import { guard } from '../../platform/auth/plugin';
import { ctxOf } from '../../platform/ctx';
import type { App } from '../../platform/http/types';
import { employmentRow, listEmployments, revealEmployment, saveEmployment } from './employments';
import { createOrderClass, listOrderClasses, orderClassRow } from './orderClasses';
import { listRoster, revealRosterPerson, rosterRow, saveRosterPerson } from './roster';
import { brandRow, listBrands, listStations, saveBrand, saveStation, stationRow, updateBrand, updateStation } from './stations';
import { listTrainings } from './trainings';

export async function labourRoutes(app: App) {
  const read = guard('labour.read');
  const write = guard('labour.write');
  const reveal = guard('labour.read', 'sensitive.reveal');
  const tags = ['labour'];
  const e = { ...errorResponses };

  app.get(
    '/api/labour/roster',
    { preHandler: read, schema: { tags, querystring: RosterListQuery, response: { 200: RosterPage, ...e } } },
    async (req) => listRoster(ctxOf(req), req.query),
  );
  app.post(
    '/api/labour/roster',
    { preHandler: write, schema: { tags, body: RosterInput, response: { 200: RosterRow, ...e } } },
    async (req) => rosterRow(ctxOf(req), await saveRosterPerson(ctxOf(req), req.body)),
  );
  app.post(
    '/api/labour/roster/:id/reveal',
    { preHandler: reveal, schema: { tags, params: IdParam, response: { 200: RevealResponse, ...e } } },
    async (req) => revealRosterPerson(ctxOf(req), req.params.id),
  );

  app.get(
    '/api/labour/employments',
    { preHandler: read, schema: { tags, querystring: EmploymentListQuery, response: { 200: EmploymentPage, ...e } } },
    async (req) => listEmployments(ctxOf(req), req.query),
  );
  app.post(
    '/api/labour/employments',
    { preHandler: write, schema: { tags, body: EmploymentInput, response: { 200: EmploymentRow, ...e } } },
    async (req) => employmentRow(ctxOf(req), await saveEmployment(ctxOf(req), req.body)),
  );
  app.post(
    '/api/labour/employments/:id/reveal',
    { preHandler: reveal, schema: { tags, params: IdParam, response: { 200: RevealResponse, ...e } } },
    async (req) => revealEmployment(ctxOf(req), req.params.id),
  );

  app.get(
    '/api/labour/order-classes',
    { preHandler: read, schema: { tags, querystring: OrderClassListQuery, response: { 200: OrderClassPage, ...e } } },
    async (req) => listOrderClasses(ctxOf(req), req.query),
  );
  app.post(
    '/api/labour/order-classes',
    { preHandler: write, schema: { tags, body: OrderClassInput, response: { 200: OrderClassRow, ...e } } },
    async (req) => orderClassRow(ctxOf(req), await createOrderClass(ctxOf(req), req.body)),
  );

  app.get(
    '/api/labour/trainings',
    { preHandler: read, schema: { tags, querystring: TrainingListQuery, response: { 200: TrainingPage, ...e } } },
    async (req) => listTrainings(ctxOf(req), req.query),
  );

  app.get(
    '/api/labour/stations',
    { preHandler: read, schema: { tags, querystring: StationListQuery, response: { 200: StationPage, ...e } } },
    async (req) => listStations(ctxOf(req), req.query),
  );
  app.post(
    '/api/labour/stations',
    { preHandler: write, schema: { tags, body: StationInput, response: { 200: StationRow, ...e } } },
    async (req) => stationRow(ctxOf(req), await saveStation(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/labour/stations/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: StationPatch, response: { 200: StationRow, ...e } } },
    async (req) => stationRow(ctxOf(req), await updateStation(ctxOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/labour/brands',
    { preHandler: read, schema: { tags, querystring: BrandListQuery, response: { 200: BrandPage, ...e } } },
    async (req) => listBrands(ctxOf(req), req.query),
  );
  app.post(
    '/api/labour/brands',
    { preHandler: write, schema: { tags, body: BrandInput, response: { 200: BrandRow, ...e } } },
    async (req) => brandRow(ctxOf(req), await saveBrand(ctxOf(req), req.body)),
  );
  app.patch(
    '/api/labour/brands/:id',
    { preHandler: write, schema: { tags, params: IdParam, body: BrandPatch, response: { 200: BrandRow, ...e } } },
    async (req) => brandRow(ctxOf(req), await updateBrand(ctxOf(req), req.params.id, req.body)),
  );
}
