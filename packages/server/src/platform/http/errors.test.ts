// Bad input gets a clear 4xx in the user's language, names its field, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/app';
import { users } from '../auth/tables';
import { handleError } from './errors';

let t: TestApp;
let admin: TestClient;
const userCount = async () => (await t.services.db.select().from(users)).length;

beforeAll(async () => {
  t = await createTestApp({ bodyLimitBytes: 4096 });
  admin = await t.userClient('admin', 'admin', { all: true });
});
afterAll(() => t.close());

describe('bad input', () => {
  it('malformed JSON', async () => {
    const before = await userCount();
    const res = await admin.post('/api/admin/users', '{"username": "a",', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'MALFORMED_JSON', message: '请求内容不是有效的 JSON', details: [] });
    expect(await userCount()).toBe(before);
  });

  it('oversize body', async () => {
    const res = await admin.post('/api/admin/users', { username: 'big', displayName: 'x'.repeat(10_000), role: 'viewer' });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('BODY_TOO_LARGE');
    expect(res.json().message).toContain('4 KB');
  });

  it('unknown fields are named', async () => {
    const before = await userCount();
    const res = await admin.post('/api/admin/users', { username: 'someone', displayName: '某人', role: 'viewer', isRoot: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ path: 'body.isRoot', message: '不认识的字段「isRoot」' }]);
    expect(await userCount()).toBe(before);
  });

  it('wrong types and missing fields are named, in English when asked', async () => {
    const res = await admin.post('/api/admin/users', { username: 42, role: 'emperor' });
    expect(res.statusCode).toBe(400);
    const details = res.json().details;
    expect(details).toEqual(
      expect.arrayContaining([
        { path: 'body.username', message: '格式不正确，应为文字' },
        { path: 'body.displayName', message: '必填' },
        { path: 'body.role', message: '取值不在允许范围内' },
      ]),
    );
    admin.lang = 'en';
    const en = await admin.post('/api/admin/users', { username: 42, displayName: 'x', role: 'viewer' });
    expect(en.json().message).toBe('Some values are not valid; see the details');
    expect(en.json().details).toEqual([{ path: 'body.username', message: 'Wrong format, expected text' }]);
    admin.lang = 'zh-CN';
  });

  it('bad query and path parameters', async () => {
    const q = await admin.get('/api/audit?pageSize=100000');
    expect(q.statusCode).toBe(400);
    expect(q.json().details[0]).toEqual({ path: 'querystring.pageSize', message: '不能大于 500' });
    const p = await admin.patch('/api/admin/users/abc', { displayName: 'x' });
    expect(p.statusCode).toBe(400);
    expect(p.json().details[0].path).toBe('params.id');
  });

  it('unsupported content type', async () => {
    const res = await admin.post('/api/admin/users', 'username=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('unknown API path is a JSON 404', async () => {
    const res = await admin.get('/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND', message: '找不到该记录' });
  });

  it('an unexpected failure is a 500 without a stack trace; the log keeps it', () => {
    let status = 0;
    let body: unknown;
    const logged: unknown[] = [];
    const reply = {
      status: (s: number) => ({
        send: (b: unknown) => {
          status = s;
          body = b;
        },
      }),
    };
    const req = { headers: {}, cookies: {}, log: { error: (o: unknown) => logged.push(o) }, routeOptions: {} };
    handleError(new Error('secret detail at /srv/app.ts:12') as never, req as never, reply as never);
    expect(status).toBe(500);
    expect(body).toEqual({ code: 'INTERNAL', message: '系统出错了，请稍后再试；如仍有问题请联系管理员', details: [] });
    expect(logged).toHaveLength(1);
  });
});

describe('platform endpoints', () => {
  it('health answers without sign-in', async () => {
    const res = await t.client().get('/api/health');
    expect(res.json()).toEqual({ status: 'ok', database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('publishes an OpenAPI document generated from the zod contracts', async () => {
    const doc = (await t.client().get('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    const login = doc.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
    expect(login.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    expect(doc.paths['/api/admin/users']).toBeDefined();
  });
});
