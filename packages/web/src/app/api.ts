// The one HTTP client: session cookie, CSRF header on writes, language header, errors as ApiError.

import { type AnyEndpoint, type CallArgs, type CallRest, endpointUrl, type ResponseOf } from '@xiezuo/shared/contracts/endpoint';
import type { ApiErrorBody } from '@xiezuo/shared/errors';
import type { FormInstance } from 'antd';
import i18n from './i18n';

let csrfToken = '';
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
  get code() {
    return this.body.code;
  }
}

/** A request to the API. Not exported: pages call endpoints of the modules' maps (call, urlOf, download). */
async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const isForm = body instanceof FormData;
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: {
      'accept-language': i18n.language,
      ...(body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
      ...(method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
    },
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  });
  if (!res.ok) {
    let parsed: ApiErrorBody;
    try {
      parsed = await res.json();
    } catch {
      parsed = { code: 'INTERNAL', message: i18n.t('errors.INTERNAL'), details: [] };
    }
    throw new ApiError(res.status, parsed);
  }
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? res.json() : res.blob()) as Promise<T>;
}

/** The URL of a call of an endpoint (for links and images): `urlOf(monitoringApi.attachment, { params: { id } })`. */
export function urlOf<E extends AnyEndpoint>(endpoint: E, ...[args]: CallRest<E>): string {
  return endpointUrl(endpoint, (args ?? {}) as { params?: object; query?: object });
}

/**
 * Calls an endpoint of a module's map (`call(registryApi.unit, { params: { id } })`): params, query and
 * body typed from its contract, the answer typed from its response schema. Writes without a body send {}.
 */
export function call<E extends AnyEndpoint>(endpoint: E, ...[args]: CallRest<E>): Promise<ResponseOf<E>> {
  return callAny(endpoint, (args ?? {}) as { params?: object; query?: object; body?: unknown }) as Promise<ResponseOf<E>>;
}

/**
 * call() for an endpoint chosen at run time, or a body of untyped form values: the URL still comes from
 * the endpoint map, the server checks the body against the contract.
 */
export function callAny(endpoint: AnyEndpoint, args: { params?: object; query?: object; body?: unknown }): Promise<unknown> {
  return api(
    endpoint.method,
    endpointUrl(endpoint, args),
    args.body ?? (endpoint.method === 'GET' || endpoint.method === 'DELETE' ? undefined : {}),
  );
}

/**
 * Uploads a FormData to an endpoint of a map (CSRF token, language), telling `onProgress` the share sent
 * (0–1) as it goes — fetch cannot, so this one request is an XMLHttpRequest. Answers and fails as call() does.
 */
export function uploadWithProgress<E extends AnyEndpoint>(
  endpoint: E,
  args: { params?: object; query?: object },
  body: FormData,
  onProgress: (sent: number) => void,
): Promise<ResponseOf<E>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(endpoint.method, endpointUrl(endpoint, args));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept-language', i18n.language);
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    const failed = (status: number, parsed?: ApiErrorBody) =>
      reject(new ApiError(status, parsed ?? { code: 'INTERNAL', message: i18n.t('errors.INTERNAL'), details: [] }));
    xhr.onerror = () => failed(0);
    xhr.onload = () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        return failed(xhr.status);
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as ResponseOf<E>);
      else failed(xhr.status, parsed as ApiErrorBody);
    };
    xhr.send(body);
  });
}

/**
 * Downloads a file from the API (exports, templates, reports) under its server-given name. A POST endpoint
 * (the revealing export) sends its body with the CSRF token, like any write.
 */
export async function download<E extends AnyEndpoint>(endpoint: E, args: CallArgs<E>, fallbackName: string) {
  const post = endpoint.method !== 'GET';
  const res = await fetch(endpointUrl(endpoint, args as { params?: object; query?: object }), {
    method: endpoint.method,
    credentials: 'same-origin',
    headers: {
      'accept-language': i18n.language,
      ...(post ? { 'content-type': 'application/json', 'x-csrf-token': csrfToken } : {}),
    },
    body: post ? JSON.stringify((args as { body?: unknown }).body ?? {}) : undefined,
  });
  if (!res.ok) throw new ApiError(res.status, await res.json());
  const disposition = res.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const name = match ? decodeURIComponent(match[1]) : fallbackName;
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.click();
  URL.revokeObjectURL(href);
}

/** API error details as antd Form field errors: every message of a field, grouped under its name. */
/**
 * A form's values after the browser's own checks, with the server's errors of the last try cleared
 * first; undefined when a check fails (antd shows it under its field).
 */
// biome-ignore lint/suspicious/noExplicitAny: a form's values are whatever its fields hold
export async function checkedValues(form: FormInstance): Promise<Record<string, any> | undefined> {
  form.setFields(Object.keys(form.getFieldsValue(true)).map((name) => ({ name, errors: [] })));
  if (
    !(await form.validateFields().then(
      () => true,
      () => false,
    ))
  )
    return undefined;
  return form.getFieldsValue(true);
}

export function fieldErrors(details: { path: string; message: string }[]) {
  const byField = new Map<string, string[]>();
  for (const d of details) {
    const name = d.path.replace(/^(body|querystring|params)\./, '').split('.')[0];
    byField.set(name, [...(byField.get(name) ?? []), d.message]);
  }
  return [...byField].map(([name, errors]) => ({ name, errors }));
}

/** Query string from an object, dropping empty values. */
export function qs(params: Record<string, unknown>): string {
  return new URLSearchParams(
    Object.entries(params)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();
}
