// Shapes every API shares: errors, paging, ids.
import { z } from 'zod';
import { checkIdNumber } from '../codes/idNumber';
import { ERROR_CODES } from '../errors';

// In the browser zod must not probe for eval (`new Function('')`): the server's Content Security Policy
// forbids it (script-src 'self'), so the probe is reported as a violation. The server keeps the compiled parsers.
if ('document' in globalThis) z.config({ jitless: true });

export const ApiError = z
  .object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })),
  })
  .meta({ id: 'ApiError' });

export const Paging = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});

/** The largest value of a PostgreSQL integer (serial ids): a larger id is a 400 on its field, never a query. */
export const INT4_MAX = 2_147_483_647;
export const IdParam = z.strictObject({ id: z.coerce.number().int().positive().max(INT4_MAX) });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export const Ok = z.object({ ok: z.literal(true) });

// ---- the shared vocabulary: one schema and one message key per kind of value ----

/** A calendar day as YYYY-MM-DD (a real date: 2025-02-30 is refused). Message: validation.date. */
export const IsoDate = z.string().refine(isRealIsoDate, 'validation.date');

function isRealIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** A statistical division code (统计用区划代码, GB/T 2260 + 6 digits): 12 digits. Message: validation.divisionCode. */
export const DivisionCode = z
  .string()
  .trim()
  .regex(/^\d{12}$/, 'validation.divisionCode');

/** A citizen ID number (GB 11643), normalised (half-width, upper-case X) and checked. Messages: validation.idNumber.*. */
export const IdNumber = z.string().transform((raw, ctx) => {
  const r = checkIdNumber(raw);
  if (!r.ok) {
    ctx.addIssue({ code: 'custom', message: `validation.idNumber.${r.problem}` });
    return z.NEVER;
  }
  return r.value;
});

/** Money in 元, to the fen, never negative (an API takes 元; 万元/亿元 are for display). Message: validation.amount. */
export const Amount = z
  .number()
  .min(0, 'validation.amount')
  .max(1e12, 'validation.amount')
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, 'validation.amount');

/** A mobile (11 digits, 1…) or landline number (0xx-xxxxxxx). Message: validation.phone. */
export const Phone = z
  .string()
  .trim()
  .refine((v) => /^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(v), 'validation.phone');

/** Standard error responses for the OpenAPI document. */
export const errorResponses = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError } as const;
