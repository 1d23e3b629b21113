// Logs never carry passwords, cookies, session ids or personal data: not in a field of any depth, not in a
// failed query's parameters or the database's detail, not in a query string (issue #21, item 4).
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app';
import { buildApp } from './http/app';
import { createLogger, serializeRequest } from './logger';

const ID = '11010519491231002X';
const PHONE = '13800138000';
const NAME = '张三丰';
const ADDRESS = '兴义村三组12号';
const PERSONAL = new RegExp([ID, PHONE, NAME, ADDRESS, 'v1:secretcipher', 'hashhashhash'].join('|'));

function memoryLogger() {
  const lines: string[] = [];
  const out = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { log: createLogger('info', out), text: () => lines.join('') };
}

describe('logger', () => {
  it('redacts secrets and personal fields at any depth, and personal numbers in any text', () => {
    const { log, text } = memoryLogger();
    log.info({ req: { headers: { cookie: 'xz_sid=abc123secret' } }, body: { password: 'hunter2', idNumber: ID } }, 'x');
    log.info(
      {
        household: {
          headName: NAME,
          members: [{ name: NAME, phone: PHONE, address: ADDRESS, idCipher: 'v1:secretcipher', idHash: 'hashhashhash' }],
        },
        note: `电话 ${PHONE}，身份证 ${ID}`,
        count: 3,
      },
      `imported ${ID}`,
    );
    expect(text()).not.toMatch(/abc123secret|hunter2/);
    expect(text()).not.toMatch(PERSONAL);
    expect(text()).toContain('"count":3');
    expect(serializeRequest({ method: 'GET', url: `/api/x/${ID}?id=${ID}&name=${NAME}`, ip: '1.2.3.4' }).url).toBe('/api/x/[id]');
  });
});

describe('a failed query in the app log', () => {
  let t: TestApp;
  let text: () => string;
  beforeAll(async () => {
    t = await createTestApp();
    await t.services.db.execute(sql`create table log_probe (v text primary key, n int)`);
    await t.services.db.execute(sql`insert into log_probe values (${`${NAME} ${PHONE} ${ADDRESS}`}, 1)`);
    const logged = memoryLogger();
    text = logged.text;
    const app = await buildApp(t.services, [], logged.log);
    // a write that breaks a unique index (a 500: the database's detail quotes the row) and a value the database refuses (a 400)
    app.get('/api/probe/unique', { config: { auth: 'public' } }, async () => {
      await t.services.db.execute(sql`insert into log_probe values (${`${NAME} ${PHONE} ${ADDRESS}`}, 2)`);
    });
    app.get('/api/probe/value', { config: { auth: 'public' } }, async () => {
      await t.services.db.execute(sql`insert into log_probe values ('x', ${`${NAME}${PHONE}`}::int)`);
    });
    await app.ready();
    expect((await app.inject({ url: `/api/probe/unique?phone=${PHONE}` })).statusCode).toBe(500);
    expect((await app.inject({ url: '/api/probe/value' })).statusCode).toBe(400);
    await app.close();
  });
  afterAll(() => t.close());

  it('names the error (SQLSTATE, constraint) without the query parameters or the values in the detail', () => {
    const log = text();
    expect(log).toContain('"code":"23505"');
    expect(log).toContain('log_probe_pkey');
    expect(log).toContain('"sqlState":"22P02"');
    expect(log).not.toMatch(PERSONAL);
    expect(log).not.toMatch(/params|Key \(v\)/);
  });
});
