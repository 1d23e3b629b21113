// One error shape for every API failure: {code, message, details:[{path, message}]} in the request's
// language. Stack traces stay in the log.
import type { ApiErrorBody, ErrorCode } from '@xiezuo/shared/errors';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { requestLanguage, type Translate, translator } from '../i18n';

export interface ErrorDetail {
  path: string;
  /** A catalogue key (e.g. validation.required) with its parameters, or a ready message. */
  key?: string;
  params?: Record<string, unknown>;
  message?: string;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  MALFORMED_JSON: 400,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  CSRF: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  LOCKED: 423,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  PASSWORD_POLICY: 400,
  LEDGER_FILE: 400,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, unknown> = {},
    readonly details: ErrorDetail[] = [],
  ) {
    super(code);
  }
  get status(): number {
    return STATUS[this.code] ?? 400;
  }
}

/** Shorthand for a validation error on named fields. */
export function invalid(...details: ErrorDetail[]): AppError {
  return new AppError('VALIDATION', {}, details);
}

// A zod issue (as the type provider hands it over) in words a cadre understands.
interface IssueLike {
  code: string;
  path: string;
  params: Record<string, unknown>;
  message?: string;
}

export function describeIssue(issue: IssueLike, t: Translate): string {
  const p = issue.params;
  if (typeof p.i18n === 'string') return t(p.i18n, p);
  // the shared vocabulary's checks (and custom refinements) carry a catalogue key as their message
  if (issue.message && /^[a-z]+\.[\w.]+$/.test(issue.message)) return t(issue.message, p);
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined/.test(issue.message ?? '')) return t('validation.required');
      return t('validation.invalidType', { expected: t(`validation.types.${p.expected}`, { defaultValue: String(p.expected) }) });
    case 'too_small':
      if (p.origin === 'string' && p.minimum === 1) return t('validation.required');
      return t(p.origin === 'string' || p.origin === 'array' ? 'validation.tooShort' : 'validation.tooSmall', { min: p.minimum });
    case 'too_big':
      return t(p.origin === 'string' || p.origin === 'array' ? 'validation.tooLong' : 'validation.tooBig', { max: p.maximum });
    case 'unrecognized_keys':
      return t('validation.unknownField', { key: (p.keys as string[]).join('、') });
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_enum_value':
      return t('validation.invalidValue');
    default:
      return t('validation.invalidFormat');
  }
}

function zodDetails(error: FastifyError, t: Translate): ApiErrorBody['details'] {
  const where = (error as { validationContext?: string }).validationContext ?? 'body';
  return (error.validation ?? []).flatMap((v) => {
    const params = (v.params ?? {}) as Record<string, unknown>;
    const basePath = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const issue = { code: v.keyword, path: basePath, params, message: v.message };
    if (v.keyword === 'unrecognized_keys') {
      return (params.keys as string[]).map((key) => ({
        path: [where, basePath, key].filter(Boolean).join('.'),
        message: t('validation.unknownField', { key }),
      }));
    }
    return [{ path: [where, basePath].filter(Boolean).join('.'), message: describeIssue(issue, t) }];
  });
}

export function errorBody(code: ErrorCode, t: Translate, params: Record<string, unknown> = {}, details: ErrorDetail[] = []): ApiErrorBody {
  return {
    code,
    message: t(`errors.${code}`, params),
    details: details.map((d) => ({ path: d.path, message: d.message ?? t(d.key ?? 'validation.invalidFormat', d.params) })),
  };
}

export function handleError(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const t = translator(requestLanguage(req));
  if (error instanceof AppError) {
    return reply.status(error.status).send(errorBody(error.code, t, error.params, error.details));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return reply.status(400).send({ code: 'VALIDATION', message: t('errors.VALIDATION'), details: zodDetails(error, t) });
  }
  const known: Record<string, [ErrorCode, Record<string, unknown>?]> = {
    FST_ERR_CTP_BODY_TOO_LARGE: ['BODY_TOO_LARGE', { limit: formatBytes(req.routeOptions.bodyLimit ?? 0) }],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: ['UNSUPPORTED_MEDIA_TYPE'],
    FST_ERR_CTP_EMPTY_JSON_BODY: ['MALFORMED_JSON'],
    FST_ERR_CTP_INVALID_JSON_BODY: ['MALFORMED_JSON'],
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['MALFORMED_JSON'],
    FST_ERR_RATE_LIMIT_EXCEEDED: ['RATE_LIMITED'],
  };
  const mapped = error.code ? known[error.code] : undefined;
  if (mapped) {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
    return reply.status(status).send(errorBody(mapped[0], t, mapped[1]));
  }
  if (error instanceof SyntaxError || (error.statusCode === 400 && /JSON/i.test(error.message))) {
    return reply.status(400).send(errorBody('MALFORMED_JSON', t));
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return reply.status(error.statusCode).send(errorBody(error.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION', t));
  }
  // PostgreSQL refused a value (class 22, data exception: a number out of range, a date that does not exist,
  // a NUL byte …): the client's input, not our fault. Logged by code only — the query's parameters may hold
  // personal data.
  const sqlState = sqlStateOf(error);
  if (sqlState?.startsWith('22')) {
    req.log.warn({ sqlState, route: req.routeOptions.url }, 'value refused by the database');
    return reply.status(400).send(errorBody('VALIDATION', t));
  }
  req.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(errorBody('INTERNAL', t));
}

/** The SQLSTATE of a database error (pg and PGlite put it in `code`; Drizzle wraps it as `cause`). */
export function sqlStateOf(error: unknown): string | undefined {
  for (let e = error, i = 0; e && typeof e === 'object' && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`;
}
