// 培训学员台账: one row per trainee of a session; the session (name, kind, dates, organiser, place) is written on
// each row as clerks keep it and is created the first time it appears. Re-importing changes nothing.
import { LABOUR_LEDGERS, TRAINING_KINDS, type TrainingKind } from '@xiezuo/shared/contracts/labour';
import { catalogues } from '@xiezuo/shared/i18n/index';
import { and, eq, inArray } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/service';
import type { ErrorDetail } from '../../../platform/http/errors';
import { date, divisionCode, enumOf, idNumber } from '../../../platform/ledgers/columns';
import { defineLedger, naturalKeyOf } from '../../../platform/ledgers/types';
import { inScope } from '../../../platform/scope';
import { dbOf, ownTeamOf } from '../access';
import { sealIdNumber } from '../people';
import { unknownNames } from '../stations';
import { labourTrainees, labourTrainings } from '../tables';
import { trainingsInScope } from '../trainings';

const zh = catalogues['zh-CN'].labour;

type TraineeLedgerRow = {
  training: string;
  kind: TrainingKind;
  organiser: string;
  divisionCode: string;
  startDate: string;
  endDate: string;
  name: string;
  idNumber: string;
  certified: boolean;
  brand: string | null; // 劳务品牌 the session trains for (a registered brand)
};

export const traineeLedger = defineLedger<TraineeLedgerRow>({
  key: LABOUR_LEDGERS.trainees,
  title: '培训学员台账',
  titleEn: 'Training trainees',
  entity: 'labour_trainee',
  permissions: { import: 'labour.write', export: 'ledgers.export' },
  naturalKey: ['training', 'startDate', 'divisionCode', 'idNumber'],
  columns: [
    {
      key: 'training',
      header: '培训名称',
      headerEn: 'Training',
      synonyms: ['培训班名称', '培训项目'],
      type: 'text',
      required: true,
      example: '富川药膳师傅培训班',
    },
    enumOf(TRAINING_KINDS, zh.trainingKinds, {
      key: 'kind',
      header: '培训类型',
      headerEn: 'Kind',
      required: true,
      example: '职业技能培训',
      words: { 技能培训: 'skills', 职业技能: 'skills', 创业: 'entrepreneurship', 引导性培训: 'orientation', 岗前培训: 'orientation' },
    }),
    {
      key: 'organiser',
      header: '组织单位',
      headerEn: 'Organiser',
      synonyms: ['培训机构', '主办单位'],
      type: 'text',
      required: true,
      example: '富川瑶族自治县人力资源和社会保障局',
    },
    divisionCode({ header: '培训地点区划代码', headerEn: 'Place (division code)', required: true, example: '451123000000' }),
    date({
      key: 'startDate',
      header: '开始日期',
      headerEn: 'Start date',
      synonyms: ['培训开始日期'],
      required: true,
      example: '2026-04-01',
    }),
    date({ key: 'endDate', header: '结束日期', headerEn: 'End date', synonyms: ['培训结束日期'], required: true, example: '2026-04-10' }),
    { key: 'name', header: '学员姓名', headerEn: 'Name', synonyms: ['姓名'], type: 'text', required: true, example: '赵小梅（演示）' },
    idNumber({ example: '451123199001010027' }),
    {
      key: 'certified',
      header: '是否取得证书',
      headerEn: 'Certificate obtained',
      synonyms: ['取得证书', '是否取证'],
      type: 'boolean',
      emptyAs: false,
      example: '是',
    },
    { key: 'brand', header: '劳务品牌', headerEn: 'Labour brand', synonyms: ['所属劳务品牌'], type: 'text', example: '富川药膳师傅' },
  ],
  validate(row, ctx) {
    const problems: ErrorDetail[] = [];
    if (row.endDate < row.startDate) problems.push({ path: 'endDate', key: 'labour.validation.endBeforeStart' });
    const teamId = inScope(ctx.user.scope, { divisionCode: row.divisionCode }) ? null : ownTeamOf(ctx.user.scope);
    if (!inScope(ctx.user.scope, { divisionCode: row.divisionCode, teamId }))
      problems.push({ path: 'divisionCode', key: 'errors.OUT_OF_SCOPE' });
    return problems;
  },
  async validateBatch(rows, ctx) {
    const unknown = await unknownNames(
      ctx,
      'brand',
      rows.map((r) => r.brand),
    );
    return rows.map((r) => (r.brand && unknown.has(r.brand) ? [{ path: 'brand', key: 'labour.validation.unknownBrand' }] : []));
  },
  async findExisting(tx, rows, ctx) {
    const hashes = [...new Set(rows.map((r) => ctx.services.cipher.hash(r.idNumber)))];
    const found = hashes.length
      ? await tx
          .select({ p: labourTrainees, s: labourTrainings })
          .from(labourTrainees)
          .innerJoin(labourTrainings, eq(labourTrainings.id, labourTrainees.trainingId))
          .where(inArray(labourTrainees.idHash, hashes))
      : [];
    const out = new Map<string, TraineeLedgerRow>();
    for (const { p, s } of found) {
      const row = toRow(p, s, ctx.services.cipher.decrypt(p.idCipher));
      out.set(naturalKeyOf(traineeLedger, row), row);
    }
    return out;
  },
  async write(tx, changes, ctx) {
    const sessions = new Map<string, number>();
    const updates = new Set(changes.update.map((u) => u.after));
    for (const r of [...changes.insert, ...changes.update.map((u) => u.after)]) {
      const key = `${r.training}\u0000${r.startDate}\u0000${r.divisionCode}`;
      let trainingId = sessions.get(key);
      if (trainingId == null) {
        const match = and(
          eq(labourTrainings.name, r.training),
          eq(labourTrainings.startDate, r.startDate),
          eq(labourTrainings.divisionCode, r.divisionCode),
        );
        const teamId = inScope(ctx.user.scope, { divisionCode: r.divisionCode }) ? null : ownTeamOf(ctx.user.scope);
        const values = {
          name: r.training,
          kind: r.kind,
          organiser: r.organiser,
          divisionCode: r.divisionCode,
          teamId,
          startDate: r.startDate,
          endDate: r.endDate,
          brand: r.brand ?? null,
        };
        const [found] = await tx.select({ id: labourTrainings.id }).from(labourTrainings).where(match);
        if (found)
          await tx
            .update(labourTrainings)
            .set({ kind: r.kind, organiser: r.organiser, endDate: r.endDate, brand: r.brand ?? null })
            .where(eq(labourTrainings.id, found.id));
        trainingId = found?.id ?? (await tx.insert(labourTrainings).values(values).returning({ id: labourTrainings.id }))[0].id;
        sessions.set(key, trainingId);
      }
      const sealed = sealIdNumber(ctx.services.cipher, r.idNumber);
      const [row] = await tx
        .insert(labourTrainees)
        .values({ trainingId, ...sealed, name: r.name, certified: r.certified })
        .onConflictDoUpdate({
          target: [labourTrainees.trainingId, labourTrainees.idHash],
          set: { name: r.name, certified: r.certified, updatedAt: new Date() },
        })
        .returning({ id: labourTrainees.id });
      await writeAudit(tx, ctx.actor, {
        action: updates.has(r) ? 'update' : 'create',
        entity: 'labour_trainee',
        entityId: row.id,
        after: { trainingId, name: r.name, certified: r.certified },
      });
    }
  },
  async exportRows(ctx) {
    const rows = await dbOf(ctx)
      .select({ p: labourTrainees, s: labourTrainings })
      .from(labourTrainees)
      .innerJoin(labourTrainings, eq(labourTrainings.id, labourTrainees.trainingId))
      .where(trainingsInScope(ctx))
      .orderBy(labourTrainings.startDate, labourTrainees.id);
    return rows.map(({ p, s }) => toRow(p, s, ctx.services.cipher.decrypt(p.idCipher)));
  },
});

function toRow(p: typeof labourTrainees.$inferSelect, s: typeof labourTrainings.$inferSelect, idNumber: string): TraineeLedgerRow {
  return {
    training: s.name,
    kind: s.kind,
    organiser: s.organiser,
    divisionCode: s.divisionCode,
    startDate: s.startDate,
    endDate: s.endDate,
    name: p.name,
    idNumber,
    certified: p.certified,
    brand: s.brand,
  };
}
