// Audit entries for a ledger write, in bulk: one 'update' entry per changed record (with only the
// changed fields before and after) and one 'create' entry per batch of new records (listing their keys),
// so a 200,000-row import does not double its own writes in the audit log.
import { sameValue } from '@xiezuo/shared/ledgerValues/cell';
import { redact } from '../audit/service';
import { auditLog } from '../audit/tables';
import type { Tx } from '../db/client';
import type { LedgerContext, LedgerRow } from './types';

export async function auditLedgerWrite(
  tx: Tx,
  ctx: LedgerContext,
  entity: string,
  changes: { insert: LedgerRow[]; update: { before: LedgerRow; after: LedgerRow }[] },
  idOf: (row: LedgerRow) => string | number,
): Promise<void> {
  const actor = { actorId: ctx.actor.id, actorName: ctx.actor.name, ip: ctx.actor.ip };
  const entries: (typeof auditLog.$inferInsert)[] = changes.update.map(({ before, after }) => {
    const keys = Object.keys(after).filter((k) => !sameValue(before[k], after[k]));
    return {
      ...actor,
      action: 'update',
      entity,
      entityId: String(idOf(after)),
      before: redact(Object.fromEntries(keys.map((k) => [k, before[k]]))),
      after: redact(Object.fromEntries(keys.map((k) => [k, after[k]]))),
    };
  });
  if (changes.insert.length) {
    entries.push({
      ...actor,
      action: 'create',
      entity,
      entityId: null,
      before: null,
      after: { via: 'ledger-import', count: changes.insert.length, ids: changes.insert.map((r) => String(idOf(r))) },
    });
  }
  for (let i = 0; i < entries.length; i += 500) await tx.insert(auditLog).values(entries.slice(i, i + 500));
}
