// The public catalogue: reachable without signing in, as JSON and as a page; only public fields (no credit code,
// certificate number, sales); expired certificates left out; 200 concurrent readers answered alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/app';
import { consumptionTestApp } from './testing/fixture';

process.env.XZ_TODAY = '2026-11-23';

let t: TestApp;
let creditCodes: string[];

beforeAll(async () => {
  ({ t } = await consumptionTestApp());
  creditCodes = (await t.services.database.query<{ c: string }>('select credit_code as c from consumption_suppliers')).map((r) => r.c);
}, 120_000);
afterAll(() => t.close());

const PUBLIC_FIELDS = [
  'category',
  'contact',
  'county',
  'countyCode',
  'id',
  'name',
  'phone',
  'photoUrl',
  'price',
  'supplier',
  'unit',
  'validUntil',
];

describe('public catalogue', () => {
  it('answers without a session, with public fields only and valid certificates only', async () => {
    const res = await t.client().get('/api/public/products');
    expect(res.statusCode, res.body).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(12); // 13 demo products, 客家腌面's certificate expired
    for (const i of items) expect(Object.keys(i).sort()).toEqual(PUBLIC_FIELDS);
    expect(items.map((i: { name: string }) => i.name)).not.toContain('客家腌面');
    for (const code of creditCodes) expect(res.body).not.toContain(code);
    expect(res.body).not.toMatch(/XF-\d{6}/); // certificate numbers
    expect(res.body).not.toContain('演示数据'); // notes
  });

  it('filters by county, category and words', async () => {
    const get = async (q: string) => (await t.client().get(`/api/public/products?${q}`)).json();
    expect((await get('county=451123000000')).items.map((i: { supplier: string }) => i.supplier)).toHaveLength(4);
    expect((await get('county=520200000000&category=tea')).items.map((i: { name: string }) => i.name)).toEqual(['六枝龙胆草茶']);
    expect((await get('q=脐橙')).items.map((i: { county: string }) => i.county)).toEqual(['富川瑶族自治县']);
    expect((await t.client().get('/api/public/products?county=4511')).statusCode).toBe(400);
  });

  it('serves the page without a session, escaped, without non-public fields', async () => {
    const res = await t.client().get('/catalogue?county=451123000000&category=&q=');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('富川脐橙');
    expect(res.body).toContain('共 4 个认定产品');
    for (const code of creditCodes) expect(res.body).not.toContain(code);
  });

  // No timing is asserted in tests (it fails on a busy machine, not on a slow server): 200 readers at once all get the list.
  it('answers 200 concurrent readers, each with the same public list', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const read = async (i: number) => {
      const res = await fetch(`${address}/api/public/products${i % 2 ? '?county=520200000000' : ''}`);
      return { status: res.status, body: JSON.stringify(await res.json()), i };
    };
    const first = [await read(0), await read(1)]; // the first readers fill the cache
    const all = await Promise.all(Array.from({ length: 200 }, (_, i) => read(i)));
    for (const r of all) {
      expect(r.status).toBe(200);
      expect(r.body).toBe(first[r.i % 2].body);
    }
    expect(JSON.parse(first[0].body).items.length).toBeGreaterThan(0);
  });
});
