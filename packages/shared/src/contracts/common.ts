// Shapes every API shares: errors, paging, ids.
import { z } from 'zod';
import { ERROR_CODES } from '../errors';

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

export const IdParam = z.strictObject({ id: z.coerce.number().int().positive() });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

export const Ok = z.object({ ok: z.literal(true) });

/** A calendar day as YYYY-MM-DD (a real date). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'validation.date');

/** Standard error responses for the OpenAPI document. */
export const errorResponses = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError } as const;
