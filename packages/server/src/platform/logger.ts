// Structured logs (pino). Passwords, cookies, session ids, CSRF tokens and personal data never reach them:
// every line's fields pass through scrubLog() — known personal fields redacted by name, ID numbers and mobile
// numbers in any text replaced — and errors through safeError(), which drops a failed query's parameters
// (Drizzle and the database drivers carry them in `params`, in the message and in `detail`).
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

const CENSOR = '[redacted]';

/**
 * Fields of personal data (or derived from it: ciphertexts, keyed hashes) and of secrets, wherever they sit in
 * a log line. Names compared in lower case. A module adding a personal field with a new name adds it here.
 */
export const PERSONAL_FIELDS = new Set(
  [
    'name',
    'headName',
    'displayName',
    'realName',
    'phone',
    'mobile',
    'tel',
    'address',
    'idNumber',
    'headIdNumber',
    'idCipher',
    'idHash',
    'healthCipher',
    'phoneCipher',
    'addressCipher',
    'phoneHash',
    'health',
    'healthNote',
    'disability',
    'password',
    'newPassword',
    'currentPassword',
    'passwordHash',
    'sessionId',
    'csrfToken',
    'token',
    'cookie',
    'params',
    'parameters',
    'detail',
    'where',
    'internalQuery',
    'row',
    'rows',
    'values',
    'body',
  ].map((k) => k.toLowerCase()),
);

const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?![\dXx])/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/** Text with ID numbers and mobile phone numbers replaced. */
export function scrubText(text: string): string {
  return text.replace(ID_NUMBER, '[id]').replace(MOBILE, '[phone]');
}

/** An error as it may be logged: its kind, SQLSTATE and where it arose, never the query's parameters or the row's values. */
export function safeError(error: unknown, depth = 0): Record<string, unknown> | string {
  if (!(error instanceof Error)) return typeof error === 'string' ? scrubText(error) : String(error);
  const e = error as Error & Record<string, unknown>;
  const code = typeof e.code === 'string' ? e.code : undefined;
  let message = String(e.message).split(/\nparams:/)[0];
  // a data exception (class 22) quotes the refused value: 'invalid input syntax for type integer: "张三"'
  if (code?.startsWith('22')) message = message.replace(/"[^"]*"/g, '"…"');
  const out: Record<string, unknown> = { type: e.name, message: scrubText(message) };
  if (code) out.code = code;
  for (const k of ['constraint', 'table', 'column', 'routine', 'statusCode'] as const) if (e[k] != null) out[k] = e[k];
  if (e.stack)
    out.stack = e.stack
      .split('\n')
      .filter((l) => /^\s+at /.test(l))
      .join('\n');
  if (e.cause && depth < 4) out.cause = safeError(e.cause, depth + 1);
  return out;
}

/** A log line's fields: personal fields redacted by name, errors made safe, text scrubbed; class instances (a request) left to their serializers. */
export function scrubLog(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value instanceof Error) return safeError(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubLog(v, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = PERSONAL_FIELDS.has(k.toLowerCase()) && v != null ? CENSOR : scrubLog(v, depth + 1);
  return out;
}

/** Request serializer: method and path only; a query string can carry an ID number, a name or a phone number. */
export function serializeRequest(req: { method: string; url: string; ip?: string }) {
  return { method: req.method, url: scrubText(req.url.split('?')[0]), ip: req.ip };
}

/** The options every logger of the app is made with (the tests make theirs with these too). */
export function loggerOptions(level = 'info'): pino.LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: CENSOR },
    // already made safe by scrubLog; pino's own error serializer would copy every property back
    serializers: { err: (e: unknown) => (e instanceof Error ? safeError(e) : e) },
    formatters: { log: (fields) => scrubLog(fields) as Record<string, unknown> },
    hooks: {
      // the message itself: ID numbers and phone numbers scrubbed from any text logged as a message
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? scrubText(a) : a)) as Parameters<typeof method>);
      },
    },
  };
}

export function createLogger(level: string, destination?: pino.DestinationStream) {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}

/** For code without a logger (a background job's catch): the error, safe to print. */
export function describeError(error: unknown): string {
  return JSON.stringify(safeError(error));
}
