// 年度帮扶协议: a pairing's targets for a year as data, signed by both sides (a dated sign-off by a role of each);
// progress is the live indicator value ÷ the target, read at the helped node (a target's county, or the helped side) —
// or at the helper's for a figure credited to the helper side (派出, 采购, 拨付).
import { divisionPrefix } from '@xiezuo/shared/codes/division';
import type { AgreementInput, SignInput } from '@xiezuo/shared/contracts/assessment';
import { INDICATOR_BY_CODE, indicatorName } from '@xiezuo/shared/indicators/catalogue';
import { and, asc, desc, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/service';
import type { Ctx } from '../../platform/context';
import { withTx } from '../../platform/ctx';
import { AppError, invalid } from '../../platform/http/errors';
import { inScope, scopeWhere } from '../../platform/scope';
import { liveFigures } from '../indicators';
import { divisions, pairings, programmes } from '../registry';
import { assessmentAgreements as A, assessmentAgreementTargets as T } from './tables';

const db = (ctx: Ctx) => ctx.tx ?? ctx.services.db;

/** Either side of the agreement in the user's scope. */
const agreementInScope = (ctx: Ctx): SQL | undefined => {
  const helper = scopeWhere(ctx.user.scope, { division: A.helperDivisionCode });
  const helped = scopeWhere(ctx.user.scope, { division: A.helpedDivisionCode });
  return helper && helped ? or(helper, helped) : undefined;
};

const nodeOf = (code: string) => `d:${divisionPrefix(code)}`;
const yearPeriod = (year: number) => `Y${year}`;

async function namesOf(ctx: Ctx, codes: string[]) {
  if (!codes.length) return new Map<string, string>();
  const rows = await db(ctx).select({ code: divisions.code, name: divisions.name }).from(divisions).where(inArray(divisions.code, codes));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Targets with their live values and progress. */
async function targetsOf(ctx: Ctx, agreements: (typeof A.$inferSelect)[]) {
  if (!agreements.length) return new Map<number, Awaited<ReturnType<typeof targetRows>>>();
  const rows = await db(ctx)
    .select()
    .from(T)
    .where(
      inArray(
        T.agreementId,
        agreements.map((a) => a.id),
      ),
    )
    .orderBy(asc(T.id));
  const out = new Map<number, Awaited<ReturnType<typeof targetRows>>>();
  for (const a of agreements)
    out.set(
      a.id,
      await targetRows(
        ctx,
        a,
        rows.filter((r) => r.agreementId === a.id),
      ),
    );
  return out;
}

/** Where a target is read: the helper's node for a figure credited to the helper side (sent, purchased), else the
 * target's county or the helped side's. */
export const targetNode = (
  a: Pick<typeof A.$inferSelect, 'helperDivisionCode' | 'helpedDivisionCode'>,
  r: Pick<typeof T.$inferSelect, 'indicator' | 'divisionCode'>,
) =>
  INDICATOR_BY_CODE.get(r.indicator)?.credited === 'helper' ? nodeOf(a.helperDivisionCode) : nodeOf(r.divisionCode ?? a.helpedDivisionCode);

async function targetRows(ctx: Ctx, a: typeof A.$inferSelect, rows: (typeof T.$inferSelect)[]) {
  const nodes = [...new Set(rows.map((r) => targetNode(a, r)))];
  const figures = await liveFigures(
    ctx.services,
    nodes,
    yearPeriod(a.year),
    rows.map((r) => r.indicator),
  );
  const names = await namesOf(
    ctx,
    rows.flatMap((r) => (r.divisionCode ? [r.divisionCode] : [])),
  );
  return rows.map((r) => {
    const def = INDICATOR_BY_CODE.get(r.indicator);
    const node = targetNode(a, r);
    const actual = figures.get(node)?.get(r.indicator) ?? null;
    return {
      id: r.id,
      indicator: r.indicator,
      indicatorName: def ? indicatorName(def, ctx.lang) : r.indicator,
      unit: def ? (ctx.lang === 'en' ? def.unitEn : def.unitZh) : '',
      money: def?.money ?? false,
      divisionCode: r.divisionCode,
      divisionName: r.divisionCode ? (names.get(r.divisionCode) ?? null) : null,
      node,
      target: r.target,
      actual,
      progress: actual == null ? null : actual / r.target,
    };
  });
}

async function rowsOf(ctx: Ctx, list: (typeof A.$inferSelect)[]) {
  const names = await namesOf(ctx, [...new Set(list.flatMap((a) => [a.helperDivisionCode, a.helpedDivisionCode]))]);
  const targets = await targetsOf(ctx, list);
  return list.map((a) => {
    const ts = targets.get(a.id) ?? [];
    const known = ts.filter((t) => t.progress != null);
    return {
      id: a.id,
      pairingId: a.pairingId,
      year: a.year,
      title: a.title,
      helperName: names.get(a.helperDivisionCode) ?? a.helperDivisionCode,
      helpedName: names.get(a.helpedDivisionCode) ?? a.helpedDivisionCode,
      helperDivisionCode: a.helperDivisionCode,
      helpedDivisionCode: a.helpedDivisionCode,
      helperSigned: a.helperSigned ?? null,
      helpedSigned: a.helpedSigned ?? null,
      targetCount: ts.length,
      progress: known.length ? known.reduce((s, t) => s + Math.min(1, t.progress!), 0) / known.length : null,
      targets: ts,
    };
  });
}

export async function listAgreements(ctx: Ctx, q: { year?: number; division?: string }) {
  const conds = [agreementInScope(ctx)];
  if (q.year) conds.push(eq(A.year, q.year));
  if (q.division) {
    const p = `${q.division}%`;
    conds.push(or(like(A.helperDivisionCode, p), like(A.helpedDivisionCode, p)));
  }
  const list = await db(ctx)
    .select()
    .from(A)
    .where(and(...conds))
    .orderBy(desc(A.year), asc(A.id));
  return rowsOf(ctx, list);
}

/** A programme's agreements for a year whose helper or helped side lies under a division prefix (the assessment's targets). */
export async function agreementsUnder(ctx: Ctx, prefix: string, year: number, programmeKind: string) {
  const list = await db(ctx)
    .select()
    .from(A)
    .where(and(eq(A.year, year), eq(A.programmeKind, programmeKind)))
    .orderBy(asc(A.id));
  const mine = list.filter((a) => a.helperDivisionCode.startsWith(prefix) || a.helpedDivisionCode.startsWith(prefix));
  return rowsOf(ctx, mine);
}

/** The agreement if either side is the user's (else NOT_FOUND). */
export async function getAgreementRow(ctx: Ctx, id: number) {
  const [a] = Number.isInteger(id)
    ? await db(ctx)
        .select()
        .from(A)
        .where(and(eq(A.id, id), agreementInScope(ctx)))
    : [];
  if (!a) throw new AppError('NOT_FOUND');
  return a;
}

export async function getAgreement(ctx: Ctx, id: number) {
  return (await rowsOf(ctx, [await getAgreementRow(ctx, id)]))[0];
}

export async function createAgreement(ctx: Ctx, body: z.output<typeof AgreementInput>) {
  body.targets.forEach((t, i) => {
    if (!INDICATOR_BY_CODE.has(t.indicator))
      throw invalid({ path: `body.targets.${i}.indicator`, key: 'assessment.validation.indicator', params: { code: t.indicator } });
  });
  const id = await withTx(ctx, async (tx, ctx) => {
    const [found] = await tx
      .select({ p: pairings, kind: programmes.kind })
      .from(pairings)
      .leftJoin(programmes, eq(programmes.id, pairings.programmeId))
      .where(eq(pairings.id, body.pairingId));
    const p = found?.p;
    if (!p) throw invalid({ path: 'body.pairingId', key: 'assessment.validation.pairing' });
    const scope = ctx.user.scope;
    if (!inScope(scope, { divisionCode: p.helperDivisionCode }) && !inScope(scope, { divisionCode: p.helpedDivisionCode }))
      throw new AppError('OUT_OF_SCOPE');
    const helped = divisionPrefix(p.helpedDivisionCode);
    body.targets.forEach((t, i) => {
      if (t.divisionCode && !t.divisionCode.startsWith(helped))
        throw invalid({ path: `body.targets.${i}.divisionCode`, key: 'assessment.validation.notHelped' });
    });
    const [dup] = await tx
      .select({ id: A.id })
      .from(A)
      .where(and(eq(A.pairingId, p.id), eq(A.year, body.year)));
    if (dup) throw invalid({ path: 'body.year', key: 'assessment.validation.duplicate', params: { year: body.year } });
    const [a] = await tx
      .insert(A)
      .values({
        pairingId: p.id,
        year: body.year,
        title: body.title ?? `${body.year}年度帮扶协议`,
        programmeKind: found.kind ?? 'other',
        helperDivisionCode: p.helperDivisionCode,
        helpedDivisionCode: p.helpedDivisionCode,
      })
      .returning();
    await tx
      .insert(T)
      .values(
        body.targets.map((t) => ({ agreementId: a.id, indicator: t.indicator, target: t.target, divisionCode: t.divisionCode ?? null })),
      );
    await writeAudit(tx, ctx.actor, { action: 'create', entity: 'assessment_agreement', entityId: a.id, after: body });
    return a.id;
  });
  return getAgreement(ctx, id);
}

/** A side signs: the user's scope must cover that side; the sign-off records the day, the signer and the role. */
export async function signAgreement(ctx: Ctx, id: number, body: z.output<typeof SignInput>) {
  await withTx(ctx, async (tx, ctx) => {
    const [a] = await tx.select().from(A).where(eq(A.id, id));
    if (!a) throw new AppError('NOT_FOUND');
    const code = body.side === 'helper' ? a.helperDivisionCode : a.helpedDivisionCode;
    if (
      !inScope(ctx.user.scope, { divisionCode: a.helperDivisionCode }) &&
      !inScope(ctx.user.scope, { divisionCode: a.helpedDivisionCode })
    )
      throw new AppError('NOT_FOUND');
    if (!inScope(ctx.user.scope, { divisionCode: code })) throw new AppError('OUT_OF_SCOPE');
    const signature = { signedOn: body.signedOn, signer: body.signer, role: ctx.user.role };
    await tx
      .update(A)
      .set(body.side === 'helper' ? { helperSigned: signature } : { helpedSigned: signature })
      .where(eq(A.id, id));
    await writeAudit(tx, ctx.actor, {
      action: 'update',
      entity: 'assessment_agreement',
      entityId: id,
      after: { sign: body.side, ...signature },
    });
  });
  return getAgreement(ctx, id);
}
