// 项目受益户: the people a project benefits and how (就业务工, 分红 …). The ID number is kept encrypted with its
// keyed hash (其中脱贫人口 comes from lifted_persons by that hash, never typed) and a masked form to show.
import { maskIdNumber } from '@xiezuo/shared/codes/idNumber';
import type { BeneficiaryInput, BenefitMechanism } from '@xiezuo/shared/contracts/funds';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import { invalid } from '../../platform/http/errors';
import { assertProjectInScope } from './access';
import { fundBeneficiaries as fb, fundProjects as fp } from './tables';

export async function createBeneficiary(ctx: Ctx, input: z.output<typeof BeneficiaryInput>) {
  const { cipher } = ctx.services;
  return withTx(ctx, async (tx, ctx) => {
    const [project] = await tx.select().from(fp).where(eq(fp.id, input.projectId));
    if (!project) throw invalid({ path: 'body.projectId', key: 'funds.validation.noProject' });
    assertProjectInScope(ctx.user.scope, project);
    const { idNumber, ...rest } = input;
    const idHash = cipher.hash(idNumber);
    const [dup] = await tx
      .select({ id: fb.id })
      .from(fb)
      .where(and(eq(fb.projectId, input.projectId), eq(fb.idHash, idHash)));
    if (dup) throw invalid({ path: 'body.idNumber', key: 'funds.validation.duplicateBeneficiary' });
    const [row] = await tx
      .insert(fb)
      .values({ ...rest, idHash, idNumberCipher: cipher.encrypt(idNumber), idNumberMasked: maskIdNumber(idNumber) })
      .returning({ id: fb.id, projectId: fb.projectId, name: fb.name, idNumberMasked: fb.idNumberMasked, mechanism: fb.mechanism });
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'fund_beneficiary', entityId: row.id, after: row });
    return row.id;
  });
}

/** A beneficiary corrected from the ledger: name, mechanism, date, note (the person and project stay). */
export async function updateBeneficiary(
  ctx: Ctx,
  id: number,
  patch: { name: string; mechanism: BenefitMechanism; since: string; note: string | null },
) {
  return withTx(ctx, async (tx, ctx) => {
    const [before] = await tx.select().from(fb).where(eq(fb.id, id));
    if (!before) throw invalid({ path: 'body.id', key: 'funds.validation.noProject' });
    const [project] = await tx.select().from(fp).where(eq(fp.id, before.projectId));
    assertProjectInScope(ctx.user.scope, project);
    const [after] = await tx.update(fb).set(patch).where(eq(fb.id, id)).returning();
    const strip = ({ idNumberCipher: _c, idHash: _h, ...r }: typeof before) => r;
    await writeAudit(tx, ctx.actor, {
      action: 'update',
      entity: 'fund_beneficiary',
      entityId: id,
      before: strip(before),
      after: strip(after),
    });
    return id;
  });
}
