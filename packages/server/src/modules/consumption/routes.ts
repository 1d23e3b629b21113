// /api/consumption/*: suppliers, certified products, sales (with their totals and the duplicate decisions) and
// matching fairs. Reads need consumption.read, writes consumption.write; every service filters by scope.
import { errorResponses, IdParam } from '@xiezuo/shared/contracts/common';
import {
  Catalogue,
  CatalogueQuery,
  FairInput,
  FairListQuery,
  FairPage,
  FairPatch,
  FairRow,
  ProductInput,
  ProductListQuery,
  ProductPage,
  ProductPatch,
  ProductRow,
  SaleInput,
  SaleListQuery,
  SalePage,
  SalePatch,
  SaleRow,
  SaleTotals,
  SupplierInput,
  SupplierListQuery,
  SupplierPage,
  SupplierPatch,
  SupplierRow,
} from '@xiezuo/shared/contracts/consumption';
import { z } from 'zod';
import { guard } from '../../platform/auth/plugin';
import { ctxOf } from '../../platform/ctx';
import type { App } from '../../platform/http/types';
import { cataloguePage, publicCatalogueJson } from './catalogue';
import { createFair, getFair, listFairs, updateFair } from './fairs';
import { createProduct, getProduct, listProducts, updateProduct } from './products';
import { createSale, getSale, listSales, resolveSale, saleTotals, updateSale } from './sales';
import { createSupplier, getSupplier, listSuppliers, updateSupplier } from './suppliers';

export async function consumptionRoutes(app: App) {
  const read = guard('consumption.read');
  const write = guard('consumption.write');
  const tags = ['consumption'];
  const e = { ...errorResponses };
  const idOnly = { 200: z.object({ id: z.number().int() }), ...e };
  const base = '/api/consumption';

  // ---- the public catalogue: no sign-in, the same for everyone (reference data, not scoped) ----
  const open = { auth: 'public', scope: 'reference' } as const;
  app.get(
    '/api/public/products',
    { config: open, schema: { tags, querystring: CatalogueQuery, response: { 200: Catalogue, ...e } } },
    // sent as the cached text (a string payload is not serialised again); its shape is CatalogueItem's, built in catalogue.ts
    async (req, reply) => reply.type('application/json; charset=utf-8').send((await publicCatalogueJson(app.xz, req.query)) as never),
  );
  app.get('/catalogue', { config: open, schema: { hide: true, querystring: CatalogueQuery } }, async (req, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=60')
      .send(await cataloguePage(app.xz, req.query)),
  );

  // ---- suppliers ----
  app.get(
    `${base}/suppliers`,
    { preHandler: read, schema: { tags, querystring: SupplierListQuery, response: { 200: SupplierPage, ...e } } },
    async (req) => listSuppliers(ctxOf(req), req.query),
  );
  app.get(
    `${base}/suppliers/:id`,
    { preHandler: read, schema: { tags, params: IdParam, response: { 200: SupplierRow, ...e } } },
    async (req) => getSupplier(ctxOf(req), req.params.id),
  );
  app.post(
    `${base}/suppliers`,
    { preHandler: write, schema: { tags, body: SupplierInput, response: { 200: SupplierRow, ...e } } },
    async (req) => getSupplier(ctxOf(req), await createSupplier(ctxOf(req), req.body)),
  );
  app.patch(
    `${base}/suppliers/:id`,
    { preHandler: write, schema: { tags, params: IdParam, body: SupplierPatch, response: { 200: SupplierRow, ...e } } },
    async (req) => getSupplier(ctxOf(req), await updateSupplier(ctxOf(req), req.params.id, req.body)),
  );

  // ---- certified products ----
  app.get(
    `${base}/products`,
    { preHandler: read, schema: { tags, querystring: ProductListQuery, response: { 200: ProductPage, ...e } } },
    async (req) => listProducts(ctxOf(req), req.query),
  );
  app.get(
    `${base}/products/:id`,
    { preHandler: read, schema: { tags, params: IdParam, response: { 200: ProductRow, ...e } } },
    async (req) => getProduct(ctxOf(req), req.params.id),
  );
  app.post(
    `${base}/products`,
    { preHandler: write, schema: { tags, body: ProductInput, response: { 200: ProductRow, ...e } } },
    async (req) => getProduct(ctxOf(req), await createProduct(ctxOf(req), req.body)),
  );
  app.patch(
    `${base}/products/:id`,
    { preHandler: write, schema: { tags, params: IdParam, body: ProductPatch, response: { 200: ProductRow, ...e } } },
    async (req) => getProduct(ctxOf(req), await updateProduct(ctxOf(req), req.params.id, req.body)),
  );

  // ---- sales ----
  app.get(
    `${base}/sales`,
    { preHandler: read, schema: { tags, querystring: SaleListQuery, response: { 200: SalePage, ...e } } },
    async (req) => listSales(ctxOf(req), req.query),
  );
  app.get(
    `${base}/sales/totals`,
    { preHandler: read, schema: { tags, querystring: SaleListQuery, response: { 200: SaleTotals, ...e } } },
    async (req) => saleTotals(ctxOf(req), req.query),
  );
  app.post(`${base}/sales`, { preHandler: write, schema: { tags, body: SaleInput, response: { 200: SaleRow, ...e } } }, async (req) =>
    getSale(ctxOf(req), await createSale(ctxOf(req), req.body)),
  );
  app.patch(
    `${base}/sales/:id`,
    { preHandler: write, schema: { tags, params: IdParam, body: SalePatch, response: { 200: SaleRow, ...e } } },
    async (req) => getSale(ctxOf(req), await updateSale(ctxOf(req), req.params.id, req.body)),
  );
  app.get(`${base}/sales/:id`, { preHandler: read, schema: { tags, params: IdParam, response: { 200: SaleRow, ...e } } }, async (req) =>
    getSale(ctxOf(req), req.params.id),
  );
  // the user's decision on a flagged sale: the same sale reported again, or a sale of its own
  app.post(
    `${base}/sales/:id/duplicate`,
    { preHandler: write, schema: { tags, params: IdParam, response: { 200: SaleRow, ...e } } },
    async (req) => getSale(ctxOf(req), await resolveSale(ctxOf(req), req.params.id, 'confirmed')),
  );
  app.post(
    `${base}/sales/:id/distinct`,
    { preHandler: write, schema: { tags, params: IdParam, response: { 200: SaleRow, ...e } } },
    async (req) => getSale(ctxOf(req), await resolveSale(ctxOf(req), req.params.id, 'distinct')),
  );

  // ---- matching fairs ----
  app.get(
    `${base}/fairs`,
    { preHandler: read, schema: { tags, querystring: FairListQuery, response: { 200: FairPage, ...e } } },
    async (req) => listFairs(ctxOf(req), req.query),
  );
  app.get(`${base}/fairs/:id`, { preHandler: read, schema: { tags, params: IdParam, response: { 200: FairRow, ...e } } }, async (req) =>
    getFair(ctxOf(req), req.params.id),
  );
  app.post(`${base}/fairs`, { preHandler: write, schema: { tags, body: FairInput, response: idOnly } }, async (req) => ({
    id: await createFair(ctxOf(req), req.body),
  }));
  app.patch(
    `${base}/fairs/:id`,
    { preHandler: write, schema: { tags, params: IdParam, body: FairPatch, response: idOnly } },
    async (req) => ({
      id: await updateFair(ctxOf(req), req.params.id, req.body),
    }),
  );
}
