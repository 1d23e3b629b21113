// What every route handler can reach: the services on `app.xz`, the signed-in user on `req.user`.
import type { Permission, Role } from '@xiezuo/shared/roles';
import type { Config } from '../config';
import type { PersonalDataCipher } from './crypto/personalData';
import type { Database, Db } from './db/client';
import type { Language, Translate } from './i18n';
import type { Scope } from './scope';

export interface Services {
  config: Config;
  database: Database;
  db: Db;
  cipher: PersonalDataCipher;
}

export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  permissions: readonly Permission[];
  mustChangePassword: boolean;
  scope: Scope;
  sessionId: string; // hash, never the cookie
  csrfToken: string;
}

/** Who does a write, for the audit log. */
export interface Actor {
  id: number | null;
  name: string | null;
  ip: string | null;
}

/** One registered route, as the scope test matrix enumerates them. */
export interface RouteInfo {
  method: string;
  url: string;
  auth?: 'public' | 'password';
  scope?: 'reference';
}

declare module 'fastify' {
  interface FastifyInstance {
    xz: Services;
    routeTable: RouteInfo[];
  }
  interface FastifyRequest {
    user: AuthUser | null;
    lang: Language;
    t: Translate;
  }
  interface FastifyContextConfig {
    /** 'public' routes need no sign-in; 'password' routes stay open while a password change is due. */
    auth?: 'public' | 'password';
    /** 'reference': shared reference data (e.g. the division tree) deliberately not filtered by scope. */
    scope?: 'reference';
  }
}
