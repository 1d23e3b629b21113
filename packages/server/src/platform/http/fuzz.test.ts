// Bad input never makes a 500: generated bad values (ids past int4, dates that do not exist, NUL and other
// control characters, huge and negative numbers, wrong types, long strings) sent to every route of the
// OpenAPI document, as an admin (every permission, every scope). Also the two exact cases of issue 21.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/app';

let t: TestApp;
let admin: TestClient;
let doc: OpenApi;

interface Param {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
}
interface Operation {
  parameters?: Param[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.userClient('fuzz_admin', 'admin', { all: true });
  doc = (await admin.get('/api/openapi.json')).json();
});
afterAll(() => t.close());

/** Values a form, a script or an attacker might send where an id, a date, a number or a text belongs. */
const badScalar = fc.oneof(
  fc.constantFrom(
    '2147483648',
    '99999999999999999999',
    '-1',
    '0',
    '1.5',
    '1e309',
    'NaN',
    '2025-02-30',
    '2025-13-01',
    '0000-00-00',
    '9999-12-31',
    '',
    ' ',
    'a\u0000b',
    '\u0000',
    '\u001b[31m',
    '\u007f',
    "'; drop table users; --",
    '../../etc/passwd',
    '%00',
    '💥'.repeat(3),
    'x'.repeat(5000),
  ),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.constantFrom(2147483648, -2147483649, Number.MAX_SAFE_INTEGER, -1, 0, 1.5, 1e308),
);
const badValue = fc.oneof(
  { weight: 6, arbitrary: badScalar },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [1, 2], { a: 1 }) },
  { weight: 1, arbitrary: fc.array(badScalar, { maxLength: 3 }) },
);

const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function routes() {
  const out: { method: string; path: string; op: Operation }[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      // signing in and out is tested on its own (and would end this client's session)
      if (path.startsWith('/api/auth/')) continue;
      out.push({ method: method.toUpperCase(), path, op });
    }
  }
  return out;
}

/** One request: every path and query parameter, and every top-level body field, given a bad value. */
const sampleOf = () =>
  fc.record({
    values: fc.array(badValue, { minLength: 12, maxLength: 12 }),
    dropSome: fc.boolean(),
  });

async function send(method: string, path: string, op: Operation, sample: { values: unknown[]; dropSome: boolean }) {
  let i = 0;
  const next = () => sample.values[i++ % sample.values.length];
  const url = path.replace(/\{(\w+)\}/g, () => encodeURIComponent(asText(next())));
  const query = (op.parameters ?? [])
    .filter((p) => p.in === 'query')
    .filter((_, k) => !sample.dropSome || k % 2 === 0)
    .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(asText(next()))}`)
    .join('&');
  const schema = op.requestBody?.content?.['application/json']?.schema;
  const body =
    method === 'GET' || method === 'DELETE'
      ? undefined
      : Object.fromEntries(
          Object.keys(schema?.properties ?? {})
            .map((k) => [k, next()])
            .filter((_, k) => !sample.dropSome || k % 2 === 0),
        );
  const res = await admin.request(method as never, query ? `${url}?${query}` : url, body);
  return { res, url: query ? `${url}?${query}` : url, body };
}

describe('bad input', () => {
  it('an id past the largest integer is a 400 on its field', async () => {
    const res = await admin.patch('/api/admin/users/2147483648', {});
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ path: 'params.id', message: '不能大于 2147483647' }]);
    const q = await admin.get('/api/audit?actorId=99999999999');
    expect(q.statusCode).toBe(400);
    expect(q.json().details[0].path).toBe('querystring.actorId');
    const b = await admin.post('/api/admin/users', { username: 'big_team', displayName: 'x', role: 'viewer', scopeTeams: [2147483648] });
    expect(b.statusCode).toBe(400);
    expect(b.json().details[0].path).toBe('body.scopeTeams.0');
  });

  it('a NUL or another control character in text is a 400 on its field', async () => {
    const res = await admin.post('/api/admin/users', { username: 'nul_user', displayName: '张\u0000三', role: 'viewer' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ path: 'body.displayName', message: '含有不可见的控制字符，请删除后重试' }]);
    const q = await admin.get('/api/audit?entity=%1B');
    expect(q.statusCode).toBe(400);
    expect(q.json().details[0].path).toBe('querystring.entity');
    // tab, line feed and carriage return are text
    const ok = await admin.post('/api/admin/users', { username: 'tab_user', displayName: '张\t三', role: 'viewer' });
    expect(ok.statusCode).toBe(200);
  });

  it('generated bad values on every route of the OpenAPI document never make a 500', async () => {
    const all = routes();
    expect(all.length).toBeGreaterThan(40);
    const failures: string[] = [];
    for (const { method, path, op } of all) {
      await fc.assert(
        fc.asyncProperty(sampleOf(), async (sample) => {
          const { res, url, body } = await send(method, path, op, sample);
          if (res.statusCode === 401) admin = await t.userClient(`fuzz_admin_${Date.now()}`, 'admin', { all: true });
          if (res.statusCode >= 500) failures.push(`${method} ${url} ${JSON.stringify(body)?.slice(0, 300)} → ${res.statusCode}`);
          return true;
        }),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 12), seed: Number(process.env.FUZZ_SEED ?? 21) },
      );
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
