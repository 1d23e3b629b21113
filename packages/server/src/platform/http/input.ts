// Input the contracts must never let through, checked once for every route: control characters in text
// (NUL and the other C0 controls but tab, line feed and carriage return; DEL). A NUL reached PostgreSQL as
// a 500 before, and no field of this app holds an invisible control character.
import type { FastifyRequest } from 'fastify';
import { AppError, type ErrorDetail } from './errors';

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters refused
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Paths (body.name, querystring.q, params.id …) of every string, or object key, holding a control character. */
export function controlCharacterPaths(value: unknown, path: string, out: string[] = [], depth = 0): string[] {
  if (out.length >= 20 || depth > 32) return out;
  if (typeof value === 'string') {
    if (CONTROL.test(value)) out.push(path);
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) controlCharacterPaths(v, `${path}.${i}`, out, depth + 1);
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (CONTROL.test(k)) out.push(path);
      else controlCharacterPaths(v, `${path}.${k}`, out, depth + 1);
    }
  }
  return out;
}

/** preValidation hook: a 400 naming each field with a control character. */
export async function refuseControlCharacters(req: FastifyRequest) {
  const paths = [
    ...controlCharacterPaths(req.params, 'params'),
    ...controlCharacterPaths(req.query, 'querystring'),
    ...controlCharacterPaths(req.body, 'body'),
  ];
  if (paths.length)
    throw new AppError(
      'VALIDATION',
      {},
      paths.map((path): ErrorDetail => ({ path, key: 'validation.controlCharacter' })),
    );
}
