// Writing and reading the audit log. Writes happen inside the caller's transaction, so a change and its
// audit entry land together or not at all.
import { and, count, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../context';
import type { Db, Tx } from '../db/client';
import { auditLog } from './tables';

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'reveal'
  | 'export'
  | 'import'
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'session_end'
  | 'password_change'
  | 'transition';

export interface AuditEvent {
  action: AuditAction;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

// Never put these in the log in the clear, whatever a module passes.
const SECRET_KEYS = /password|cipher|hash|token|secret|idNumber|id_number|health/i;

export function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[redacted]' : redact(v)]),
    );
  }
  return value;
}

export async function writeAudit(tx: Db | Tx, actor: Actor, event: AuditEvent): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.id,
    actorName: actor.name,
    ip: actor.ip,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId == null ? null : String(event.entityId),
    before: redact(event.before),
    after: redact(event.after),
  });
}

export interface AuditFilter {
  page: number;
  pageSize: number;
  entity?: string;
  action?: string;
  actorId?: number;
  from?: string;
  to?: string;
}

export async function listAudit(db: Db, f: AuditFilter) {
  const conds: SQL[] = [];
  if (f.entity) conds.push(eq(auditLog.entity, f.entity));
  if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.actorId) conds.push(eq(auditLog.actorId, f.actorId));
  if (f.from) conds.push(gte(auditLog.at, new Date(`${f.from}T00:00:00+08:00`)));
  if (f.to) conds.push(lt(auditLog.at, new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86_400_000)));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })), total: Number(total), page: f.page, pageSize: f.pageSize };
}

/** Deletes entries older than the retention period (never younger: the trigger refuses). */
export async function purgeAudit(db: Db, retentionDays: number): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sqlSetRetention(retentionDays));
    const cutoff = new Date(Date.now() - Math.max(184, retentionDays) * 86_400_000);
    const deleted = await tx.delete(auditLog).where(lt(auditLog.at, cutoff)).returning({ id: auditLog.id });
    return deleted.length;
  });
}

function sqlSetRetention(days: number) {
  return sql`select set_config('xiezuo.audit_retention_days', ${String(Math.max(184, days))}, true)`;
}
