// A test app on a fresh database, with users of every role and a client that signs in like a browser.
import type { Role } from '@xiezuo/shared/roles';
import { eq } from 'drizzle-orm';
import { type Config, loadConfig } from '../config';
import { modules } from '../modules';
import { createUser } from '../platform/auth/service';
import { users } from '../platform/auth/tables';
import { servicesFor } from '../platform/bootstrap';
import type { Services } from '../platform/context';
import { generateKeySpec, PersonalDataCipher, parseKeySpec } from '../platform/crypto/personalData';
import { type App, buildApp } from '../platform/http/app';
import { openTestDatabase } from './database';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestApp {
  app: App;
  services: Services;
  close(): Promise<void>;
  /** Creates a user (password already changed) and returns a signed-in client. */
  userClient(username: string, role: Role, scope?: Partial<{ all: boolean; divisions: string[]; teams: number[] }>): Promise<TestClient>;
  client(): TestClient;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const defaults = loadConfig({});
  // no progressive sign-in delay unless a test asks for it (the lockout tests do): wrong passwords in other tests stay fast
  const login = { ...defaults.login, delayMs: 0, delayMaxMs: 0 };
  const config: Config = { ...defaults, login, scryptCost: 10, seedDemo: false, webDist: '/nonexistent', ...overrides };
  const services = servicesFor(config, database, new PersonalDataCipher(parseKeySpec(generateKeySpec())), modules);
  const app = await buildApp(services, modules);
  await app.ready();
  const system = { id: null, name: 'test', ip: null };
  return {
    app,
    services,
    client: () => new TestClient(app),
    async userClient(username, role, scope = {}) {
      const { user } = await createUser(
        services.db,
        config,
        {
          username,
          displayName: username,
          role,
          scopeAll: scope.all ?? false,
          scopeDivisions: scope.divisions ?? [],
          scopeTeams: scope.teams ?? [],
        },
        system,
        TEST_PASSWORD,
      );
      await services.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
      const client = new TestClient(app);
      await client.login(username, TEST_PASSWORD);
      return client;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Keeps the session cookie and CSRF token between requests, as the web app does. */
export class TestClient {
  cookies: Record<string, string> = {};
  csrf = '';
  lang = 'zh-CN';
  constructor(private readonly app: App) {}

  async login(username: string, password: string) {
    const res = await this.request('POST', '/api/auth/login', { username, password });
    if (res.statusCode === 200) {
      const me = await this.request('GET', '/api/auth/me');
      this.csrf = me.json().csrfToken ?? '';
    }
    return res;
  }

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await this.app.inject({
      method,
      url,
      payload: body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
      headers: {
        ...(body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body) ? { 'content-type': 'application/json' } : {}),
        cookie: Object.entries(this.cookies)
          .map(([k, v]) => `${k}=${v}`)
          .join('; '),
        'x-csrf-token': this.csrf,
        'accept-language': this.lang,
        ...headers,
      },
    });
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
    return res;
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body ?? {}, headers);
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body ?? {});
  put = (url: string, body?: unknown) => this.request('PUT', url, body ?? {});
  delete = (url: string) => this.request('DELETE', url);
}
