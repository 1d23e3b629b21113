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

// Verifying against a dummy hash keeps the time of "no such user" equal to "wrong password".
let dummyHash: string | null = null;

export async function login(db: Db, config: Config, input: { username: string; password: string }, actor: Actor, userAgent: string | null) {
  const [user] = await db.select().from(users).where(eq(users.username, input.username));
  const now = new Date();
  if (!user || user.disabled) {
    dummyHash ??= await hashPassword('not-a-password', config.scryptCost);
    await verifyPassword(input.password, dummyHash);
    await writeAudit(db, actor, { action: 'login_failed', entity: 'user', entityId: null, after: { username: input.username } });
    throw new AppError('BAD_CREDENTIALS');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError('LOCKED', { minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000) });
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) {
    const failures = user.failedAttempts + 1;
    const lock = failures >= config.lockout.maxFailures;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ failedAttempts: lock ? 0 : failures, lockedUntil: lock ? new Date(now.getTime() + config.lockout.minutes * 60_000) : user.lockedUntil })
        .where(eq(users.id, user.id));
      await writeAudit(tx, { ...actor, id: user.id, name: user.username }, { action: 'login_failed', entity: 'user', entityId: user.id, after: { failures, locked: lock } });
    });
    if (lock) throw new AppError('LOCKED', { minutes: config.lockout.minutes });
    throw new AppError('BAD_CREDENTIALS');
  }
  const expired = isPasswordExpired(user.passwordChangedAt, PROFILES[config.passwordProfile], now);
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null, mustChangePassword: user.mustChangePassword || expired })
      .where(eq(users.id, user.id));
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
    await tx.update(users).set({ passwordHash: hash, mustChangePassword: false, passwordChangedAt: new Date() }).where(eq(users.id, userId));
    await endUserSessions(tx as unknown as Db, userId, 'password_change', sessionId);
    await writeAudit(tx, actor, { action: 'password_change', entity: 'user', entityId: userId });
  });
}

export function passwordRulesFor(config: Config) {
  const r = PROFILES[config.passwordProfile];
  return { minLength: r.minLength, minClasses: r.minClasses };
}

export type UserRecord = typeof users.$inferSelect;

export function toUserRow(u: UserRecord, now = new Date()) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    disabled: u.disabled,
    locked: !!u.lockedUntil && u.lockedUntil > now,
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
  patch: Partial<Pick<UserRecord, 'displayName' | 'role' | 'disabled' | 'scopeAll' | 'scopeDivisions' | 'scopeTeams'>> & { unlock?: boolean },
  actor: Actor,
) {
  const [before] = await db.select().from(users).where(eq(users.id, id));
  if (!before) throw new AppError('NOT_FOUND');
  const { unlock, ...fields } = patch;
  return db.transaction(async (tx) => {
    const [after] = await tx
      .update(users)
      .set({ ...fields, ...(unlock ? { lockedUntil: null, failedAttempts: 0 } : {}) })
      .where(eq(users.id, id))
      .returning();
    if (fields.disabled) await endUserSessions(tx as unknown as Db, id, 'admin');
    await writeAudit(tx, actor, { action: 'update', entity: 'user', entityId: id, before: toUserRow(before), after: toUserRow(after) });
    return after;
  });
}

export async function listUsers(db: Db) {
  return db.select().from(users).orderBy(users.id);
}

export const permissionsOf = (role: Role) => ROLE_PERMISSIONS[role];
export const countUsers = async (db: Db) => Number((await db.execute(sql`select count(*)::int as n from users`)).rows[0].n);
