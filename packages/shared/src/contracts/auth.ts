// Sign-in, the current user, password change, sessions and users (admin).
import { z } from 'zod';
import { PERMISSIONS, ROLES } from '../roles';
import { DivisionCode, IdParam, INT4_MAX, IsoDate, Ok, pageOf } from './common';
import { endpoint } from './endpoint';

export const Role = z.enum(ROLES);

export const LoginRequest = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const ScopeView = z.object({
  all: z.boolean(),
  divisions: z.array(z.object({ code: z.string(), name: z.string() })),
  teams: z.array(z.object({ id: z.number().int(), name: z.string() })),
});

export const Me = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: Role,
    permissions: z.array(z.enum(PERMISSIONS)),
    mustChangePassword: z.boolean(),
    csrfToken: z.string(),
    scope: ScopeView,
    passwordRules: z.object({ minLength: z.number(), minClasses: z.number() }),
  })
  .meta({ id: 'Me' });

export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const SessionRow = z.object({
  id: z.string(),
  userId: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean(),
});

export const UserRow = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  scopeAll: z.boolean(),
  scopeDivisions: z.array(z.string()),
  scopeTeams: z.array(z.number().int()),
  /** The scope by name: place names of the granted divisions, then team names (a code or #id where unknown). */
  scopeNames: z.array(z.string()).optional(),
  createdAt: z.string(),
});

export const CreateUserRequest = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,64}$/, { message: 'validation.invalidFormat' }),
  displayName: z.string().trim().min(1).max(64),
  role: Role,
  scopeAll: z.boolean().default(false),
  scopeDivisions: z.array(DivisionCode).max(50).default([]),
  scopeTeams: z.array(z.number().int().positive().max(INT4_MAX)).max(50).default([]),
});

export const CreateUserResponse = z.object({ user: UserRow, initialPassword: z.string() });

export const UpdateUserRequest = z.strictObject({
  displayName: z.string().trim().min(1).max(64).optional(),
  role: Role.optional(),
  disabled: z.boolean().optional(),
  unlock: z.boolean().optional(),
  scopeAll: z.boolean().optional(),
  scopeDivisions: z.array(DivisionCode).max(50).optional(),
  scopeTeams: z.array(z.number().int().positive().max(INT4_MAX)).max(50).optional(),
});

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});

export const AuditQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  entity: z.string().max(64).optional(),
  action: z.string().max(32).optional(),
  actorId: z.coerce.number().int().positive().max(INT4_MAX).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

/** GET /api/admin/backup: the scheduled backups of an embedded database, and whether the last is too old. */
export const BackupStatus = z.object({
  engine: z.enum(['pglite', 'postgres']),
  /** daily backups run in the server (embedded database with XIEZUO_BACKUP_DIR not "off") */
  scheduled: z.boolean(),
  dir: z.string().nullable(),
  keep: z.number().int(),
  last: z.object({ file: z.string(), at: z.string(), bytes: z.number().int() }).nullable(),
  /** true when the database is embedded and the newest archive is older than two days (or there is none) */
  stale: z.boolean(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;

// ---- endpoints: what the web may call (checked against the server's routes by endpoints.test.ts) ----

export const authApi = {
  login: endpoint('POST', '/api/auth/login', { body: LoginRequest, response: Ok }),
  logout: endpoint('POST', '/api/auth/logout', { response: Ok }),
  me: endpoint('GET', '/api/auth/me', { response: Me }),
  changePassword: endpoint('POST', '/api/auth/password', { body: ChangePasswordRequest, response: Ok }),
} as const;

export const adminApi = {
  users: endpoint('GET', '/api/admin/users', { response: z.array(UserRow) }),
  createUser: endpoint('POST', '/api/admin/users', { body: CreateUserRequest, response: CreateUserResponse }),
  updateUser: endpoint('PATCH', '/api/admin/users/:id', { params: IdParam, body: UpdateUserRequest, response: UserRow }),
  unlockUser: endpoint('POST', '/api/admin/users/:id/unlock', { params: IdParam, response: UserRow }),
  sessions: endpoint('GET', '/api/admin/sessions', { response: z.array(SessionRow) }),
  backup: endpoint('GET', '/api/admin/backup', { response: BackupStatus }),
  endSession: endpoint('DELETE', '/api/admin/sessions/:id', { params: z.strictObject({ id: z.string().min(10).max(100) }), response: Ok }),
} as const;

export const auditApi = {
  entries: endpoint('GET', '/api/audit', { query: AuditQuery, response: pageOf(AuditEntry) }),
} as const;
