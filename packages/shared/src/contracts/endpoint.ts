// An endpoint of the API as data: method, path and the zod schemas of its path params, query string,
// body and answer. Each module's contract ends with its endpoint map (`export const registryApi = { … }`);
// the web calls the API only through these maps (packages/web/src/app/api.ts: call, urlOf, download), and a
// server test (packages/server/src/endpoints.test.ts) checks that every endpoint of every map is served, so
// the web cannot call a URL that does not exist.
//
// Types follow the schemas: what the client sends is z.input of the query and body schemas, what it gets
// back is z.output of the response schema; path params are the params schema's output, or else one
// string-or-number value per `:name` of the path.
import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The names of a path's `:name` segments: '/api/teams/:id/members' → 'id'. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export interface EndpointSchemas {
  /** The path params (e.g. IdParam); without it each `:name` takes a string or a number. */
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The body is a multipart/form-data upload (a FormData). */
  form?: true;
  response?: z.ZodType;
  /** The answer is a file (an export, a template, a report), downloaded rather than read as JSON. */
  file?: true;
}

export interface Endpoint<M extends HttpMethod = HttpMethod, P extends string = string, S extends EndpointSchemas = EndpointSchemas> {
  readonly method: M;
  readonly path: P;
  readonly schemas: S;
}

// biome-ignore lint/suspicious/noExplicitAny: any endpoint, whatever its schemas
export type AnyEndpoint = Endpoint<HttpMethod, string, any>;

/** A params schema must name every `:name` of the path (a typo in either is a type error). */
type ParamsMatchPath<P extends string, S> = S extends { params: infer Q extends z.ZodType }
  ? [PathParamNames<P>] extends [keyof z.output<Q>]
    ? unknown
    : { params: { error: `the params schema lacks one of: ${PathParamNames<P>}` } }
  : unknown;

/** Declares an endpoint: `endpoint('GET', '/api/registry/units/:id', { params: IdParam, response: UnitRow })`. */
// biome-ignore lint/complexity/noBannedTypes: {} is "no schemas", the default an endpoint without query or body has
export function endpoint<const M extends HttpMethod, const P extends string, const S extends EndpointSchemas = {}>(
  method: M,
  path: P,
  schemas?: S & ParamsMatchPath<P, S>,
): Endpoint<M, P, S> {
  return { method, path, schemas: (schemas ?? {}) as S };
}

export function isEndpoint(value: unknown): value is AnyEndpoint {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AnyEndpoint).method === 'string' &&
    typeof (value as AnyEndpoint).path === 'string' &&
    'schemas' in value
  );
}

type SchemasOf<E> = E extends Endpoint<HttpMethod, string, infer S> ? S : never;
type PathOf<E> = E extends Endpoint<HttpMethod, infer P> ? P : never;

/** The path params to send (never when the path has none). */
export type ParamsOf<E> = [PathParamNames<PathOf<E>>] extends [never]
  ? never
  : SchemasOf<E> extends { params: infer Q extends z.ZodType }
    ? z.output<Q>
    : { [K in PathParamNames<PathOf<E>>]: string | number };
/** The query string's values, as the client may give them (z.input). */
export type QueryOf<E> = SchemasOf<E> extends { query: infer Q extends z.ZodType } ? z.input<Q> : never;
/** The body, as the client may give it (z.input); a FormData for uploads. */
export type BodyOf<E> =
  SchemasOf<E> extends { body: infer B extends z.ZodType } ? z.input<B> : SchemasOf<E> extends { form: true } ? FormData : never;
/** The answer (z.output of the response schema); a Blob for files. */
export type ResponseOf<E> =
  SchemasOf<E> extends { response: infer R extends z.ZodType } ? z.output<R> : SchemasOf<E> extends { file: true } ? Blob : unknown;

// biome-ignore lint/complexity/noBannedTypes: `{} extends T` asks whether every key of T is optional
type Part<K extends string, T> = [T] extends [never] ? { [P in K]?: never } : {} extends T ? { [P in K]?: T } : { [P in K]: T };

/** What a call of the endpoint takes: `{ params, query, body }`, each required when the endpoint needs it. */
export type CallArgs<E> = Part<'params', ParamsOf<E>> & Part<'query', QueryOf<E>> & Part<'body', BodyOf<E>>;
/** The arguments after the endpoint: none when nothing is required. */
// biome-ignore lint/complexity/noBannedTypes: `{} extends` asks whether the arguments may be left out
export type CallRest<E> = {} extends CallArgs<E> ? [args?: CallArgs<E>] : [args: CallArgs<E>];

/**
 * The URL of a call: each `:name` of the path filled in from params (encoded; a missing one is an error),
 * the query's values appended, leaving out undefined, null and ''.
 */
export function endpointUrl(endpoint: AnyEndpoint, args: { params?: object; query?: object } = {}): string {
  const params = (args.params ?? {}) as Record<string, unknown>;
  const path = endpoint.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === '') throw new Error(`${endpoint.path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams(
    Object.entries(args.query ?? {})
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();
  return query ? `${path}?${query}` : path;
}
