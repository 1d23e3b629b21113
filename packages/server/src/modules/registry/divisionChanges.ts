// 区划变更: rename, move (new parent), merge (abolished into another; its children move there) and
// create (a new code, e.g. after a split). Each change keeps the old version with its validity interval,
// so queries "as of" an earlier day still see the old tree. Audited, in one transaction.
import { divisionLevel } from '@xiezuo/shared/codes/division';
import type { DivisionChangeRequest } from '@xiezuo/shared/contracts/registry';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import type { Tx } from '../../platform/db/client';
import { AppError, invalid } from '../../platform/http/errors';
import { assertInScope } from '../../platform/scope';
import { divisionChanges, divisions, divisionVersions } from './tables';

type Change = z.infer<typeof DivisionChangeRequest>;
type Division = typeof divisions.$inferSelect;

async function current(tx: Tx, code: string, field: string): Promise<Division> {
  const [row] = await tx.select().from(divisions).where(eq(divisions.code, code));
  if (!row || row.abolishedOn) throw invalid({ path: field, key: 'registry.errors.divisionUnknown', params: { code } });
  return row;
}

/** Closes the current version on `day` and applies `next` from then on. */
async function newVersion(tx: Tx, d: Division, day: string, next: { name?: string; parentCode?: string | null }) {
  if (d.since && d.since >= day)
    throw invalid({ path: 'body.effectiveOn', key: 'registry.errors.effectiveTooEarly', params: { since: d.since } });
  await tx.insert(divisionVersions).values({ code: d.code, name: d.name, parentCode: d.parentCode, validFrom: d.since, validTo: day });
  await tx
    .update(divisions)
    .set({ name: next.name ?? d.name, parentCode: next.parentCode === undefined ? d.parentCode : next.parentCode, since: day })
    .where(eq(divisions.code, d.code));
}

export async function changeDivision(ctx: Ctx, code: string, body: Change) {
  const day = body.effectiveOn;
  const { scope } = ctx.user;
  return withTx(ctx, async (tx) => {
    const codes = [code];
    if (body.kind === 'create') {
      const [exists] = await tx.select().from(divisions).where(eq(divisions.code, code));
      if (exists) throw new AppError('CONFLICT');
      if (!body.name) throw invalid({ path: 'body.name', key: 'validation.required' });
      if (!body.parentCode) throw invalid({ path: 'body.parentCode', key: 'validation.required' });
      await current(tx, body.parentCode, 'body.parentCode');
      assertInScope(scope, { divisionCode: body.parentCode });
      await tx.insert(divisions).values({ code, name: body.name, level: divisionLevel(code), parentCode: body.parentCode, since: day });
      codes.push(body.parentCode);
    } else {
      const d = await current(tx, code, 'params.code');
      assertInScope(scope, { divisionCode: code });
      if (body.kind === 'rename') {
        if (!body.name) throw invalid({ path: 'body.name', key: 'validation.required' });
        await newVersion(tx, d, day, { name: body.name });
      } else if (body.kind === 'move') {
        if (!body.parentCode) throw invalid({ path: 'body.parentCode', key: 'validation.required' });
        await current(tx, body.parentCode, 'body.parentCode');
        assertInScope(scope, { divisionCode: body.parentCode });
        await newVersion(tx, d, day, { parentCode: body.parentCode });
        codes.push(body.parentCode);
      } else {
        if (!body.into) throw invalid({ path: 'body.into', key: 'validation.required' });
        if (body.into === code) throw invalid({ path: 'body.into', key: 'validation.invalidValue' });
        await current(tx, body.into, 'body.into');
        assertInScope(scope, { divisionCode: body.into });
        for (const child of await tx.select().from(divisions).where(eq(divisions.parentCode, code))) {
          if (!child.abolishedOn) await newVersion(tx, child, day, { parentCode: body.into });
        }
        await tx.update(divisions).set({ abolishedOn: day }).where(eq(divisions.code, code));
        codes.push(body.into);
      }
    }
    const [change] = await tx
      .insert(divisionChanges)
      .values({ kind: body.kind, effectiveOn: day, codes, note: body.note ?? null })
      .returning();
    await writeAudit(tx, ctx.actor, { action: 'update', entity: 'division', entityId: code, after: { ...body, codes } });
    return change;
  });
}
