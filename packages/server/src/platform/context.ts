// What every route handler can reach: the services on `app.xz`, the signed-in user on `req.user`.
import type { Permission, Role } from '@xiezuo/shared/roles';
import type { Config } from '../config';
import type { PersonalDataCipher } from './crypto/personalData';
import type { Database, Db, Tx } from './db/client';
import type { Directory } from './directory';
import type { FactSource, PersonView } from './facts';
import type { Language, Translate } from './i18n';
import type { ReportChapter } from './reports';
import type { Scope } from './scope';

export interface Services {
  config: Config;
  database: Database;
  db: Db;
  cipher: PersonalDataCipher;
  /** What the platform asks of the shared kernels (the team tree, names), given by the modules that own them. */
  directory: Directory;
  /** Every module's fact sources, as their manifests publish them (the indicators engine aggregates them). */
  facts: FactSource[];
  /** The person views sources join (lifted_persons) and the tables that feed them, from the modules that own them. */
  personViews: PersonView[];
  /** Every module's chapter of the work report, in module order. */
  reportChapters: ReportChapter[];
  /** The record kinds whose files the platform keeps, by `<module>.<kind>` (their manifests' `attachments`). */
  attachmentOwners: Map<string, AttachmentOwner>;
}

/**
 * What every service function and ledger receives (ctxOf(req) in a route; systemCtx for seeds and jobs).
 * `tx` is set while the work runs inside a caller's transaction (a ledger import): withTx(ctx, fn) then
 * joins it instead of opening another.
 */
export interface Ctx {
  services: Services;
  user: AuthUser;
  actor: Actor;
  lang: Language;
  t: Translate;
  tx?: Tx;
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

/**
 * A kind of record whose files (佐证材料) the platform keeps (platform/attachments), as a module's manifest declares
 * it: the purposes a file may serve, the permissions, and the check that the user may reach the record.
 */
export interface AttachmentOwner {
  /** The purposes (a step, a use) a file of this record may serve, in display order: e.g. the lifecycle steps. */
  purposes: readonly string[];
  /** The permission to list and download the files, and the one to add and delete them. */
  read: Permission;
  write: Permission;
  /**
   * Resolves the record for the user: throws NOT_FOUND when it does not exist or lies outside the user's
   * scope ('read'), NOT_FOUND or OUT_OF_SCOPE when the user may not change it ('write'). Runs with the ctx it
   * is given (inside the upload's transaction: read through `ctx.tx ?? ctx.services.db`).
   */
  check(ctx: Ctx, ownerId: number, mode: 'read' | 'write'): Promise<void>;
}
