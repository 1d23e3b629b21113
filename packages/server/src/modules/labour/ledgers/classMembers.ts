// 订单班学员台账: the students of order classes, one row per student, the class by its name and cohort (届).
// Graduates, employed, the rate and the average wage are counted from these rows.
import { LABOUR_LEDGERS } from '@xiezuo/shared/contracts/labour';
import { and, eq, inArray } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/service';
import type { ErrorDetail } from '../../../platform/http/errors';
import { amount, idNumber } from '../../../platform/ledgers/columns';
import type { LedgerContext } from '../../../platform/ledgers/types';
import { defineLedger, naturalKeyOf } from '../../../platform/ledgers/types';
import { classesInScope, dbOf } from '../access';
import { numberOrNull, sealIdNumber } from '../people';
import { labourClassMembers, labourOrderClasses } from '../tables';

type ClassMemberLedgerRow = {
  className: string;
  cohort: number;
  name: string;
  idNumber: string;
  graduated: boolean;
  employed: boolean;
  employer: string | null;
  monthlyWage: string | null;
};

const classKey = (name: string, cohort: number) => `${name}\u0000${cohort}`;

/** The classes in the user's scope that a batch names, by name and cohort: one query. */
async function classesOf(ctx: LedgerContext, rows: ClassMemberLedgerRow[]) {
  const names = [...new Set(rows.map((r) => r.className))];
  const found = names.length
    ? await dbOf(ctx)
        .select({ id: labourOrderClasses.id, name: labourOrderClasses.name, cohort: labourOrderClasses.cohort })
        .from(labourOrderClasses)
        .where(and(inArray(labourOrderClasses.name, names), classesInScope(ctx.user.scope)))
    : [];
  return new Map(found.map((c) => [classKey(c.name, c.cohort), c.id]));
}

export const classMemberLedger = defineLedger<ClassMemberLedgerRow>({
  key: LABOUR_LEDGERS.classMembers,
  title: '订单班学员台账',
  titleEn: 'Order-class students',
  entity: 'labour_class_member',
  permissions: { import: 'labour.write', export: 'ledgers.export' },
  naturalKey: ['className', 'cohort', 'idNumber'],
  columns: [
    {
      key: 'className',
      header: '订单班名称',
      headerEn: 'Order class',
      synonyms: ['订单班', '班级名称', '班级'],
      type: 'text',
      required: true,
      example: '3D打印订单班',
    },
    {
      key: 'cohort',
      header: '届别',
      headerEn: 'Cohort',
      synonyms: ['届', '毕业年份', '年级'],
      type: 'integer',
      required: true,
      example: 2026,
    },
    { key: 'name', header: '学员姓名', headerEn: 'Name', synonyms: ['姓名'], type: 'text', required: true, example: '赵小梅（演示）' },
    idNumber({ example: '451123200601010021' }),
    { key: 'graduated', header: '是否毕业', headerEn: 'Graduated', synonyms: ['毕业'], type: 'boolean', required: true, example: '是' },
    {
      key: 'employed',
      header: '是否就业',
      headerEn: 'Employed',
      synonyms: ['是否定向就业', '就业'],
      type: 'boolean',
      emptyAs: false,
      example: '是',
    },
    {
      key: 'employer',
      header: '就业单位',
      headerEn: 'Employer',
      synonyms: ['就业企业'],
      type: 'text',
      example: '广东某3D打印科技有限公司',
    },
    amount({
      key: 'monthlyWage',
      header: '月薪',
      headerEn: 'Monthly wage',
      synonyms: ['月工资', '月薪（元）', '月工资（元）'],
      example: 5500,
    }),
  ],
  validate(row) {
    const problems: ErrorDetail[] = [];
    if (row.employed && !row.graduated) problems.push({ path: 'employed', key: 'labour.validation.employedNotGraduated' });
    if (!row.employed && row.monthlyWage != null) problems.push({ path: 'monthlyWage', key: 'labour.validation.wageWithoutJob' });
    return problems;
  },
  async validateBatch(rows, ctx) {
    const classes = await classesOf(ctx, rows);
    return rows.map((r) => (classes.has(classKey(r.className, r.cohort)) ? [] : [{ path: 'className', key: 'labour.validation.noClass' }]));
  },
  async findExisting(tx, rows, ctx) {
    const hashes = [...new Set(rows.map((r) => ctx.services.cipher.hash(r.idNumber)))];
    const found = hashes.length
      ? await tx
          .select({ m: labourClassMembers, className: labourOrderClasses.name, cohort: labourOrderClasses.cohort })
          .from(labourClassMembers)
          .innerJoin(labourOrderClasses, eq(labourOrderClasses.id, labourClassMembers.classId))
          .where(inArray(labourClassMembers.idHash, hashes))
      : [];
    const out = new Map<string, ClassMemberLedgerRow>();
    for (const { m, className, cohort } of found) {
      const row = toRow(m, className, cohort, ctx.services.cipher.decrypt(m.idCipher));
      out.set(naturalKeyOf(classMemberLedger, row), row);
    }
    return out;
  },
  async write(tx, changes, ctx) {
    const all = [...changes.insert, ...changes.update.map((u) => u.after)];
    const classes = await classesOf({ ...ctx, tx }, all);
    const updates = new Set(changes.update.map((u) => u.after));
    for (const r of all) {
      const classId = classes.get(classKey(r.className, r.cohort))!;
      const sealed = sealIdNumber(ctx.services.cipher, r.idNumber);
      const values = { name: r.name, graduated: r.graduated, employed: r.employed, employer: r.employer, monthlyWage: r.monthlyWage };
      const [row] = await tx
        .insert(labourClassMembers)
        .values({ classId, ...sealed, ...values })
        .onConflictDoUpdate({ target: [labourClassMembers.classId, labourClassMembers.idHash], set: { ...values, updatedAt: new Date() } })
        .returning({ id: labourClassMembers.id });
      await writeAudit(tx, ctx.actor, {
        action: updates.has(r) ? 'update' : 'create',
        entity: 'labour_class_member',
        entityId: row.id,
        after: { classId, ...values },
      });
    }
  },
  async exportRows(ctx) {
    const rows = await dbOf(ctx)
      .select({ m: labourClassMembers, className: labourOrderClasses.name, cohort: labourOrderClasses.cohort })
      .from(labourClassMembers)
      .innerJoin(labourOrderClasses, eq(labourOrderClasses.id, labourClassMembers.classId))
      .where(classesInScope(ctx.user.scope))
      .orderBy(labourOrderClasses.id, labourClassMembers.id);
    return rows.map(({ m, className, cohort }) => toRow(m, className, cohort, ctx.services.cipher.decrypt(m.idCipher)));
  },
});

function toRow(m: typeof labourClassMembers.$inferSelect, className: string, cohort: number, idNumber: string): ClassMemberLedgerRow {
  return {
    className,
    cohort,
    name: m.name,
    idNumber,
    graduated: m.graduated,
    employed: m.employed,
    employer: m.employer,
    monthlyWage: m.monthlyWage == null ? null : (numberOrNull(m.monthlyWage) as number).toFixed(2),
  };
}
