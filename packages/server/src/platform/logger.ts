// Structured logs (pino). Passwords, cookies, session ids, CSRF tokens and ID numbers never reach them.
import pino from 'pino';

export const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.idNumber',
  '*.sessionId',
];

const ID_NUMBER = /\b\d{17}[\dXx]\b/g;

/** Request serializer: method and path only; a query string can carry an ID number. */
export function serializeRequest(req: { method: string; url: string; ip?: string }) {
  return { method: req.method, url: req.url.split('?')[0].replace(ID_NUMBER, '[id]'), ip: req.ip };
}

export function createLogger(level: string) {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } });
}
