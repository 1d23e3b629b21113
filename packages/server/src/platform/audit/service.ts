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
  return {
    items: rows.map((r) => ({
      ...r,
      at: r.at.toISOString(),
      before: maskPeople(r.entity, r.before),
      after: maskPeople(r.entity, r.after),
    })),
    total: Number(total),
    page: f.page,
    pageSize: f.pageSize,
  };
}

// Entries about people on record (monitored households and their members, cadres and team members, a
// ledger of them): whoever reads the audit log (auditors, admins) sees who did what to which record, not
// these people's names, phones and addresses — the record id and the masked values are enough to follow it.
const PEOPLE_ENTITIES = /^monitoring_|household|member|cadre|person/;
const NAME_KEYS = /^(name|headName|head|displayName|realName)$/;
const PHONE_KEYS = /phone|mobile|^tel$/i;
const ADDRESS_KEYS = /address/i;

/** The audit entry's before/after as the audit page shows it: names, phones and addresses of people masked. */
export function maskPeople(entity: string, value: unknown): unknown {
  return PEOPLE_ENTITIES.test(entity) ? maskDeep(value, 0) : value;
}

function maskDeep(value: unknown, depth: number): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => {
      if (typeof v !== 'string' || v === '' || v === '[redacted]') return [k, maskDeep(v, depth + 1)];
      if (NAME_KEYS.test(k)) return [k, `${[...v][0]}${'*'.repeat(Math.min(2, [...v].length - 1) || 1)}`];
      if (PHONE_KEYS.test(k)) return [k, v.length > 7 ? `${v.slice(0, 3)}****${v.slice(-4)}` : '****'];
      if (ADDRESS_KEYS.test(k)) return [k, '******'];
      return [k, v];
    }),
  );
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
