// Logs never carry passwords, cookies, session ids or ID numbers.
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { REDACT_PATHS, serializeRequest } from './logger';

describe('logger', () => {
  it('redacts secrets and strips query strings', () => {
    const lines: string[] = [];
    const out = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const log = pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, out);
    log.info({ req: { headers: { cookie: 'xz_sid=abc123secret' } }, body: { password: 'hunter2', idNumber: '11010519491231002X' } }, 'x');
    expect(lines.join('')).not.toMatch(/abc123secret|hunter2|11010519491231002X/);
    expect(serializeRequest({ method: 'GET', url: '/api/x/11010519491231002X?id=11010519491231002X', ip: '1.2.3.4' }).url).toBe(
      '/api/x/[id]',
    );
  });
});
