// Sign-in with lockout, password change under the configured profile, and user administration.
import { ROLE_PERMISSIONS, type Role } from '@xiezuo/shared/roles';
import { desc, eq, sql } from 'drizzle-orm';
import type { Config } from '../../config';
import { writeAudit } from '../audit/service';
import type { Actor } from '../context';
import { generateOneTimePassword, hashPassword, verifyPassword } from '../crypto/password';
import type { Db } from '../db/client';
import { AppError } from '../http/errors';
import { checkPassword, isPasswordExpired, PROFILES } from './passwordPolicy';
import { createSession, endUserSessions } from './sessions';
import { passwordHistory, users } from './tables';
import type { LoginThrottle } from './throttle';

// Verifying against a dummy hash keeps the time of "no such user" equal to "wrong password".
let dummyHash: string | null = null;

export interface LoginOptions {
  /** The per-username rate limit, checked once the address is known not to be locked; true when exceeded. */
  usernameLimited?: () => Promise<boolean>;
}

/**
 * Sign-in. Every attempt is counted before the password is checked — per username + address in the
 * throttle (which decides the lock) and per account in the database (`failed_attempts + 1 … returning`,
 * one atomic statement) — so parallel guesses cannot all see the same count. Unknown, disabled and existing
 * users get the same answers: 401 until the limit, then 423 for that address.
 */
export async function login(
  db: Db,
  config: Config,
  throttle: LoginThrottle,
  input: { username: string; password: string },
  actor: Actor,
  userAgent: string | null,
  options: LoginOptions = {},
) {
  const ip = actor.ip ?? '';
  const locked = throttle.locked(input.username, ip);
  if (locked) {
    await throttle.hold(locked.n + 1);
    throw new AppError('LOCKED', { minutes: locked.minutes });
  }
  if (await options.usernameLimited?.()) throw new AppError('RATE_LIMITED');
  const n = throttle.begin(input.username, ip);
  if (n > config.lockout.maxFailures) {
    await throttle.hold(n);
    throw new AppError('LOCKED', { minutes: throttle.locked(input.username, ip)?.minutes ?? config.lockout.minutes });
  }
  const now = new Date();
  // the account's own count, raised before the check; the value returned is this attempt's
  const [user] = await db
    .update(users)
    .set({ failedAttempts: sql`${users.failedAttempts} + 1` })
    .where(eq(users.username, input.username))
    .returning();
  const fail = async (entityId: number | null, after: Record<string, unknown>) => {
    const lock = throttle.failed(input.username, ip, n);
    const who = entityId === null ? actor : { ...actor, id: entityId, name: user.username };
    await writeAudit(db, who, { action: 'login_failed', entity: 'user', entityId, after: { ...after, failures: n, locked: lock } });
    await throttle.hold(n);
    if (lock) throw new AppError('LOCKED', { minutes: config.lockout.minutes });
    throw new AppError('BAD_CREDENTIALS');
  };
  if (!user || user.disabled) {
    dummyHash ??= await hashPassword('not-a-password', config.scryptCost);
    await verifyPassword(input.password, dummyHash);
    return fail(null, { username: input.username });
  }
  // an account locked as a whole (by an older version, or kept by an admin) stays locked for everyone
  if (user.lockedUntil && user.lockedUntil > now) {
    await throttle.hold(n);
    throw new AppError('LOCKED', { minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000) });
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) return fail(user.id, {});
  throttle.succeeded(input.username, ip);
  const expired = isPasswordExpired(user.passwordChangedAt, PROFILES[config.passwordProfile], now);
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null, mustChangePassword: user.mustChangePassword || expired })
      .where(eq(users.id, user.id));
    // a role that keeps one session at a time (admin by default): a new sign-in ends the older ones
    if (config.session.singleRoles.includes(user.role)) await endUserSessions(tx as unknown as Db, user.id, 'superseded');
    const session = await createSession(tx as unknown as Db, user.id, actor.ip, userAgent);
    await writeAudit(tx, { ...actor, id: user.id, name: user.username }, { action: 'login', entity: 'user', entityId: user.id });
    return session;
  });
}

export async function changePassword(
  db: Db,
  config: Config,
  userId: number,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
  actor: Actor,
) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('VALIDATION', {}, [{ path: 'body.currentPassword', key: 'password.wrongCurrent' }]);
  }
  const rules = PROFILES[config.passwordProfile];
  const problems = checkPassword(input.newPassword, user.username, rules);
  if (await verifyPassword(input.newPassword, user.passwordHash)) {
    problems.push({ path: 'body.newPassword', key: 'password.reused', params: { n: Math.max(1, rules.historyDepth) } });
  } else if (rules.historyDepth > 0) {
    const old = await db
      .select({ h: passwordHistory.passwordHash })
      .from(passwordHistory)
      .where(eq(passwordHistory.userId, userId))
      .orderBy(desc(passwordHistory.id))
      .limit(rules.historyDepth);
    for (const { h } of old) {
      if (await verifyPassword(input.newPassword, h)) {
        problems.push({ path: 'body.newPassword', key: 'password.reused', params: { n: rules.historyDepth } });
        break;
      }
    }
  }
  if (problems.length) throw new AppError('PASSWORD_POLICY', {}, problems);
  const hash = await hashPassword(input.newPassword, config.scryptCost);
  await db.transaction(async (tx) => {
    await tx.insert(passwordHistory).values({ userId, passwordHash: user.passwordHash });
    await tx
      .update(users)
      .set({ passwordHash: hash, mustChangePassword: false, passwordChangedAt: new Date() })
      .where(eq(users.id, userId));
    await endUserSessions(tx as unknown as Db, userId, 'password_change', sessionId);
    await writeAudit(tx, actor, { action: 'password_change', entity: 'user', entityId: userId });
  });
}

export function passwordRulesFor(config: Config) {
  const r = PROFILES[config.passwordProfile];
  return { minLength: r.minLength, minClasses: r.minClasses };
}

export type UserRecord = typeof users.$inferSelect;

/** A user as admins see it; `throttle` adds the locks of username + address pairs. */
export function toUserRow(u: UserRecord, now = new Date(), throttle?: LoginThrottle) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    disabled: u.disabled,
    locked: (!!u.lockedUntil && u.lockedUntil > now) || !!throttle?.isUserLocked(u.username, now.getTime()),
    mustChangePassword: u.mustChangePassword,
    scopeAll: u.scopeAll,
    scopeDivisions: u.scopeDivisions,
    scopeTeams: u.scopeTeams,
    createdAt: u.createdAt.toISOString(),
  };
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  scopeAll: boolean;
  scopeDivisions: string[];
  scopeTeams: number[];
}

/** Creates a user with a one-time password they must change at first sign-in. */
export async function createUser(db: Db, config: Config, input: NewUser, actor: Actor, password = generateOneTimePassword()) {
  const [exists] = await db.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (exists) throw new AppError('CONFLICT', {}, [{ path: 'body.username', key: 'errors.CONFLICT' }]);
  const passwordHash = await hashPassword(password, config.scryptCost);
  const user = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({ ...input, passwordHash, mustChangePassword: true })
      .returning();
    await writeAudit(tx, actor, { action: 'create', entity: 'user', entityId: created.id, after: toUserRow(created) });
    return created;
  });
  return { user, initialPassword: password };
}

export async function updateUser(
  db: Db,
  id: number,
  patch: Partial<Pick<UserRecord, 'displayName' | 'role' | 'disabled' | 'scopeAll' | 'scopeDivisions' | 'scopeTeams'>> & {
    unlock?: boolean;
  },
  actor: Actor,
  throttle?: LoginThrottle,
) {
  const [before] = await db.select().from(users).where(eq(users.id, id));
  if (!before) throw new AppError('NOT_FOUND');
  const { unlock, ...fields } = patch;
  const beforeRow = toUserRow(before, new Date(), throttle);
  if (unlock) throttle?.unlockUser(before.username);
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(users)
      .set({ ...fields, ...(unlock ? { lockedUntil: null, failedAttempts: 0 } : {}) })
      .where(eq(users.id, id))
      .returning();
    if (fields.disabled) await endUserSessions(tx as unknown as Db, id, 'admin');
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'user',
      entityId: id,
      before: beforeRow,
      after: toUserRow(after, new Date(), throttle),
    });
    return after;
  });
}

/** The admin's unlock: ends the account's lock and every address's lock of its username (audited). */
export async function unlockUser(db: Db, throttle: LoginThrottle, id: number, actor: Actor) {
  const [before] = await db.select().from(users).where(eq(users.id, id));
  if (!before) throw new AppError('NOT_FOUND');
  const wasLocked = toUserRow(before, new Date(), throttle).locked;
  const after = await db.transaction(async (tx) => {
    const [row] = await tx.update(users).set({ lockedUntil: null, failedAttempts: 0 }).where(eq(users.id, id)).returning();
    await writeAudit(tx, actor, {
      action: 'update',
      entity: 'user',
      entityId: id,
      before: { locked: wasLocked },
      after: { locked: false, unlocked: true },
    });
    return row;
  });
  throttle.unlockUser(before.username);
  return after;
}

export async function listUsers(db: Db) {
  return db.select().from(users).orderBy(users.id);
}

export const permissionsOf = (role: Role) => ROLE_PERMISSIONS[role];
export const countUsers = async (db: Db) => Number((await db.execute(sql`select count(*)::int as n from users`)).rows[0].n);
