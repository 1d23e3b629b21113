// 离线走访 on the server: idempotent uploads (a client-generated id answers its first result on every retry),
// the offline pack of household cards a cadre takes into the hills, and the secret the phone derives its
// queue key from.

import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import type { OfflineCard, OfflinePack } from '@xiezuo/shared/contracts/monitoring';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { sessions } from '../../platform/auth/tables';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import { AppError } from '../../platform/http/errors';
import { divisions } from '../registry';
import { householdsInScope, settings } from './access';
import {
  monitoringHouseholds as H,
  monitoringMembers as M,
  monitoringMeasures as Me,
  monitoringRisks as R,
  monitoringClientWrites as W,
} from './tables';
import { addDays } from './workdays';

type Kind = (typeof W.$inferInsert)['kind'];

/** PostgreSQL's unique_violation (23505), as either driver reports it. */
function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code === '23505') return true;
  return false;
}

async function receipt<T>(ctx: Ctx, clientId: string, kind: Kind): Promise<T | undefined> {
  const [row] = await (ctx.tx ?? ctx.services.db).select().from(W).where(eq(W.clientId, clientId));
  if (!row) return undefined;
  // the same id from another user or for another kind of write is not a retry: refuse rather than answer it
  if (row.userId !== (ctx.actor.id ?? 0) || row.kind !== kind)
    throw new AppError('CONFLICT', {}, [{ path: 'body.clientId', key: 'monitoring.offline.idTaken' }]);
  return row.response as T;
}

/**
 * Runs a write once per client id: the receipt row is claimed first (a concurrent retry waits on its primary
 * key, then finds it), the write runs in the same transaction, and its answer is kept for every later retry.
 * Without a client id the write simply runs.
 */
export async function once<T extends { id: number }>(
  ctx: Ctx,
  clientId: string | undefined,
  kind: Kind,
  write: (ctx: Ctx) => Promise<T>,
): Promise<T> {
  if (!clientId) return write(ctx);
  const prior = await receipt<T>(ctx, clientId, kind);
  if (prior) return prior;
  try {
    return await withTx(ctx, async (tx, ctx) => {
      await tx.insert(W).values({ clientId, userId: ctx.actor.id ?? 0, kind });
      const result = await write(ctx);
      await tx.update(W).set({ entityId: result.id, response: result }).where(eq(W.clientId, clientId));
      return result;
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const raced = await receipt<T>({ ...ctx, tx: undefined }, clientId, kind);
    if (raced) return raced;
    throw e;
  }
}

const WATCHED = ['identifying', 'monitored', 'eliminating'] as const;
const PACK_DAYS = 30;
const PACK_MAX = 300;

/** 离线资料包: the watched households in the user's scope, each as a card with only what the visit form needs. */
export async function offlinePack(ctx: Ctx): Promise<OfflinePack> {
  const { db } = ctx.services;
  const today = todayInBeijing();
  const cutoff = addDays(today, -settings().visitIntervalDays);
  const homes = await db
    .select({ id: H.id, headName: H.headName, village: divisions.name, status: H.status, lastVisitOn: H.lastVisitOn })
    .from(H)
    .leftJoin(divisions, eq(divisions.code, H.divisionCode))
    .where(and(householdsInScope(ctx.user.scope), inArray(H.status, [...WATCHED])))
    .orderBy(asc(H.lastVisitOn), asc(H.id))
    .limit(PACK_MAX);
  const ids = homes.length ? homes.map((h) => h.id) : [0];
  const [members, risks, measures] = await Promise.all([
    db
      .select({ id: M.id, householdId: M.householdId, name: M.name, relation: M.relation, idMasked: M.idMasked })
      .from(M)
      .where(and(inArray(M.householdId, ids), eq(M.active, true)))
      .orderBy(asc(M.id)),
    db
      .select({ id: R.id, householdId: R.householdId, kind: R.kind, note: R.note })
      .from(R)
      .where(and(inArray(R.householdId, ids), isNull(R.closedOn)))
      .orderBy(asc(R.id)),
    db
      .select({ id: Me.id, householdId: Me.householdId, kind: Me.kind, description: Me.description, lastFollowUpOn: Me.lastFollowUpOn })
      .from(Me)
      .where(and(inArray(Me.householdId, ids), or(isNull(Me.endOn), sql`${Me.endOn} >= ${today}`)))
      .orderBy(asc(Me.id)),
  ]);
  const of = <T extends { householdId: number }>(rows: T[], id: number) =>
    rows.filter((r) => r.householdId === id).map(({ householdId: _, ...rest }) => rest);
  const households: OfflineCard[] = homes.map((h) => ({
    ...h,
    visitDue: !h.lastVisitOn || h.lastVisitOn < cutoff,
    members: of(members, h.id),
    risks: of(risks, h.id),
    measures: of(measures, h.id),
  }));
  return { issuedOn: today, validUntil: addDays(today, PACK_DAYS), households };
}

/** The user's queue secret (a keyed hash of their id: only the server's key and this user reach it) and the
 *  session's limits, which the phone keeps to offline as well. */
export async function offlineKey(ctx: Ctx) {
  const { idleMinutes, absoluteHours } = ctx.services.config.session;
  const [s] = await ctx.services.db.select({ createdAt: sessions.createdAt }).from(sessions).where(eq(sessions.id, ctx.user.sessionId));
  const started = s?.createdAt ?? new Date();
  return {
    userId: ctx.user.id,
    secret: ctx.services.cipher.hash(`offline-queue:${ctx.user.id}`),
    sessionEndsAt: new Date(started.getTime() + absoluteHours * 3_600_000).toISOString(),
    idleMinutes,
  };
}
