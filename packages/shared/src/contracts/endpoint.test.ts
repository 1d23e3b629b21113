// endpoint(): the URL a call goes to, and the types a call takes (checked by tsc through the expectations below).
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { IdParam } from './common';
import { type CallRest, endpoint, endpointUrl, isEndpoint, type ResponseOf } from './endpoint';
import { ledgersApi } from './ledgers';
import { registryApi } from './registry';

describe('endpointUrl', () => {
  it('fills in the path params, encoded, and appends the query without empty values', () => {
    expect(endpointUrl(registryApi.unit, { params: { id: 7 } })).toBe('/api/registry/units/7');
    expect(
      endpointUrl(ledgersApi.export, { params: { key: 'a b/c' }, query: { q: '张 三', kind: '', page: undefined, x: null, reveal: '1' } }),
    ).toBe('/api/ledgers/a%20b%2Fc/export?q=%E5%BC%A0+%E4%B8%89&reveal=1');
    expect(endpointUrl(ledgersApi.errors, { params: { id: 'u-1' } })).toBe('/api/ledgers/imports/u-1/errors.xlsx');
    expect(endpointUrl(registryApi.units)).toBe('/api/registry/units');
  });

  it('refuses a call without a value for a path param', () => {
    expect(() => endpointUrl(registryApi.unit, {})).toThrow('/api/registry/units/:id: no value for :id');
  });

  it('tells endpoints from other exports', () => {
    expect(isEndpoint(registryApi.unit)).toBe(true);
    expect(isEndpoint(IdParam)).toBe(false);
  });
});

describe('endpoint types', () => {
  it('derive params, query, body and answer from the schemas', () => {
    expectTypeOf<ResponseOf<typeof registryApi.unit>>().toEqualTypeOf<z.output<typeof registryApi.unit.schemas.response>>();
    expectTypeOf<ResponseOf<typeof ledgersApi.template>>().toEqualTypeOf<Blob>();
    expectTypeOf<CallRest<typeof registryApi.unit>>().toEqualTypeOf<
      [args: { params: { id: number } } & { query?: never } & { body?: never }]
    >();
    // a query with nothing required may be left out; path params without a schema take strings or numbers
    expectTypeOf<[]>().toExtend<CallRest<typeof registryApi.units>>();
    const e = endpoint('GET', '/api/x/:a/y/:b');
    expectTypeOf<CallRest<typeof e>[0]>().toExtend<{ params: { a: string | number; b: string | number } } | undefined>();
    // @ts-expect-error a params schema must name every :param of the path
    endpoint('GET', '/api/x/:id', { params: z.strictObject({ code: z.string() }) });
    endpoint('GET', '/api/x/:id', { params: IdParam });
  });
});
