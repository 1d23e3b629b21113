// The web calls the API only through the endpoint maps at the end of each contract (`registryApi` …):
// every endpoint of every map must be a route the server serves, so the web cannot call a URL that does
// not exist; and every API route is in a map, so the maps stay the whole API.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type AnyEndpoint, isEndpoint } from '@xiezuo/shared/contracts/endpoint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing/app';

const CONTRACTS = resolve(import.meta.dirname, '../../shared/src/contracts');
/** Routes that are no module's API: the OpenAPI document and the health check (for tools, not the web). */
const NOT_FOR_THE_WEB = ['GET /api/openapi.json', 'GET /api/health'];

/** `GET /api/teams/:` — param names may differ between a map and its route. */
const key = (method: string, path: string) => `${method} ${path.replace(/:[^/]+/g, ':')}`;

async function endpointMaps(): Promise<{ name: string; endpoint: AnyEndpoint }[]> {
  const found: { name: string; endpoint: AnyEndpoint }[] = [];
  for (const file of readdirSync(CONTRACTS).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const mod: Record<string, unknown> = await import(join(CONTRACTS, file));
    for (const [mapName, map] of Object.entries(mod)) {
      if (!mapName.endsWith('Api') || typeof map !== 'object' || map === null) continue;
      for (const [name, value] of Object.entries(map)) if (isEndpoint(value)) found.push({ name: `${mapName}.${name}`, endpoint: value });
    }
  }
  return found;
}

describe('endpoint maps', () => {
  let t: TestApp;
  let maps: { name: string; endpoint: AnyEndpoint }[];
  beforeAll(async () => {
    t = await createTestApp();
    maps = await endpointMaps();
  });
  afterAll(() => t.close());

  it('finds the maps it checks', () => {
    const names = new Set(maps.map((m) => m.name.split('.')[0]));
    for (const m of ['authApi', 'ledgersApi', 'registryApi', 'teamsApi', 'monitoringApi', 'indicatorsApi', 'calendarApi'])
      expect(names).toContain(m);
  });

  it('every endpoint of every map is a route the server serves', () => {
    const routes = new Set(t.app.routeTable.map((r) => key(r.method, r.url)));
    const missing = maps
      .filter((m) => !routes.has(key(m.endpoint.method, m.endpoint.path)))
      .map((m) => `${m.name}: ${m.endpoint.method} ${m.endpoint.path}`);
    expect(missing).toEqual([]);
  });

  it('every API route is in a map', () => {
    const mapped = new Set(maps.map((m) => key(m.endpoint.method, m.endpoint.path)));
    const unmapped = [
      ...new Set(t.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD').map((r) => key(r.method, r.url))),
    ].filter((k) => !mapped.has(k) && !NOT_FOR_THE_WEB.includes(k));
    expect(unmapped).toEqual([]);
  });

  it('no two endpoints of the maps are the same route', () => {
    const seen = new Map<string, string>();
    const twice = maps.flatMap((m) => {
      const k = key(m.endpoint.method, m.endpoint.path);
      const other = seen.get(k);
      seen.set(k, m.name);
      return other ? [`${other} and ${m.name}: ${k}`] : [];
    });
    expect(twice).toEqual([]);
  });
});
