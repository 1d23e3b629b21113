// The one HTTP client: session cookie, CSRF header on writes, language header, errors as ApiError.
import type { FormInstance } from 'antd';
import type { ApiErrorBody } from '@xiezuo/shared/errors';
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

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
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

export const get = <T>(url: string) => api<T>('GET', url);
export const post = <T>(url: string, body?: unknown) => api<T>('POST', url, body ?? {});
export const patch = <T>(url: string, body?: unknown) => api<T>('PATCH', url, body ?? {});
export const put = <T>(url: string, body?: unknown) => api<T>('PUT', url, body ?? {});
export const del = <T>(url: string) => api<T>('DELETE', url);

/** Downloads a file from the API (exports, templates, reports) under its server-given name. */
export async function download(url: string, fallbackName: string) {
  const res = await fetch(url, { credentials: 'same-origin', headers: { 'accept-language': i18n.language } });
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
export async function checkedValues(form: FormInstance): Promise<Record<string, any> | undefined> {
  form.setFields(Object.keys(form.getFieldsValue(true)).map((name) => ({ name, errors: [] })));
  if (!(await form.validateFields().then(() => true, () => false))) return undefined;
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

/** A page of a list, as every list endpoint answers. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** Query string from an object, dropping empty values. */
export function qs(params: Record<string, unknown>): string {
  return new URLSearchParams(
    Object.entries(params)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();
}
