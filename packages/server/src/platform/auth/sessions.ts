// Sessions: random cookie value, stored only as its SHA-256; idle and absolute timeouts.
import { createHash, randomBytes } from 'node:crypto';
import { ROLE_PERMISSIONS, type Role } from '@xiezuo/shared/roles';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Config } from '../../config';
import type { AuthUser, Services } from '../context';
import type { Db } from '../db/client';
import { resolveScope } from '../scope';
import { sessions, users } from './tables';

export const SESSION_COOKIE = 'xz_sid';

export const hashSessionId = (cookie: string) => createHash('sha256').update(cookie).digest('base64url');

export async function createSession(db: Db, userId: number, ip: string | null, userAgent: string | null) {
  const cookie = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({ id: hashSessionId(cookie), userId, csrfToken, ip, userAgent: userAgent?.slice(0, 300) ?? null });
  return { cookie, csrfToken };
}

export type SessionCheck = { user: AuthUser } | { error: 'UNAUTHENTICATED' | 'SESSION_EXPIRED' };

export async function checkSession(services: Services, cookie: string | undefined, now = new Date()): Promise<SessionCheck> {
  const { db, config } = services;
  if (!cookie) return { error: 'UNAUTHENTICATED' };
  const id = hashSessionId(cookie);
  const [row] = await db
    .select({ s: sessions, u: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
  if (!row || row.u.disabled) return { error: 'UNAUTHENTICATED' };
  const idleMs = config.session.idleMinutes * 60_000;
  const absoluteMs = config.session.absoluteHours * 3_600_000;
  const reason =
    now.getTime() - row.s.createdAt.getTime() > absoluteMs
      ? 'absolute'
      : now.getTime() - row.s.lastSeenAt.getTime() > idleMs
        ? 'idle'
        : null;
  if (reason) {
    await endSession(db, id, reason);
    return { error: 'SESSION_EXPIRED' };
  }
  if (now.getTime() - row.s.lastSeenAt.getTime() > config.session.touchSeconds * 1000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  const role = row.u.role as Role;
  return {
    user: {
      id: row.u.id,
      username: row.u.username,
      displayName: row.u.displayName,
      role,
      permissions: ROLE_PERMISSIONS[role],
      mustChangePassword: row.u.mustChangePassword,
      scope: await resolveScope(services, row.u),
      sessionId: id,
      csrfToken: row.s.csrfToken,
    },
  };
}

export async function endSession(db: Db, id: string, reason: string) {
  return db
    .update(sessions)
    .set({ endedAt: new Date(), endReason: reason })
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt)))
    .returning({ id: sessions.id, userId: sessions.userId });
}

export async function endUserSessions(db: Db, userId: number, reason: string, exceptId?: string) {
  await db
    .update(sessions)
    .set({ endedAt: new Date(), endReason: reason })
    .where(and(eq(sessions.userId, userId), isNull(sessions.endedAt), exceptId ? sql`${sessions.id} <> ${exceptId}` : undefined));
}

/** Sessions that are still open and not past either timeout. */
export async function listActiveSessions(db: Db, config: Config, now = new Date()) {
  const idleCut = new Date(now.getTime() - config.session.idleMinutes * 60_000);
  const absCut = new Date(now.getTime() - config.session.absoluteHours * 3_600_000);
  return db
    .select({
      id: sessions.id,
      userId: sessions.userId,
      username: users.username,
      displayName: users.displayName,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(isNull(sessions.endedAt), sql`${sessions.lastSeenAt} > ${idleCut}`, sql`${sessions.createdAt} > ${absCut}`))
    .orderBy(desc(sessions.lastSeenAt));
}
