// Ledgers (台账) of the monitoring module: households, members, visits and measures. A household is
// named in every ledger by its head's ID number (户主身份证号), which is sensitive: exports mask it
// unless the user may and asks to reveal (the ledger machinery audits that). Writes go through the
// module's services inside the import's transaction, so scope, duplicate checks and audit all apply.
import { CATEGORIES, type Category, DISABILITY, ENTRY_DOORS, GENDERS, HEALTH, MEASURE_KINDS, type MeasureKind, RELATIONS, SCHOOLING, STATUSES, type Status, WORK } from '@xiezuo/shared/contracts/monitoring';
import { catalogues } from '@xiezuo/shared/i18n/index';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/service';
import type { Db, Tx } from '../../platform/db/client';
import type { ErrorDetail } from '../../platform/http/errors';
import { defineLedger, type LedgerColumn, type LedgerContext, naturalKeyOf } from '../../platform/ledgers/types';
import { inScope } from '../../platform/scope';
import { divisions } from '../registry/tables';
import { addMeasure, recordVisit } from './activity';
import { householdsInScope } from './access';
import { addMember, createHousehold, openHealth, updateHousehold, updateMember } from './households';
import { monitoringHouseholds as H, monitoringMeasures as Me, monitoringMembers as M, monitoringVisits as V } from './tables';

const zh = catalogues['zh-CN'].monitoring;
const options = <K extends string>(values: readonly K[], labels: Record<K, string>) => values.map((value) => ({ value, label: labels[value] }));
const num = (v: unknown) => (v == null || v === '' ? null : Number(v));
const PERSON = sql`(${M.active} or ${M.leftReason} = 'household_closed')`;

const headColumn: LedgerColumn = {
  key: 'headIdNumber', header: '户主身份证号', headerEn: "Head's ID number", synonyms: ['户主身份证号码', '户主证件号码'],
  type: 'idNumber', required: true, sensitive: true, example: '441224195803120039',
};

/** Households (in scope) by their head's ID number: the key every monitoring ledger uses. */
async function householdsByHead(db: Db | Tx, ctx: LedgerContext, idNumbers: string[]) {
  const hashes = new Map(idNumbers.map((n) => [ctx.services.cipher.hash(n), n]));
  if (!hashes.size) return new Map<string, { id: number; divisionCode: string }>();
  const rows = await db
    .select({ hash: M.idHash, id: H.id, divisionCode: H.divisionCode })
    .from(M)
    .innerJoin(H, eq(H.id, M.householdId))
    .where(and(eq(M.relation, 'head'), eq(M.active, true), inArray(M.idHash, [...hashes.keys()]), householdsInScope(ctx.user.scope)));
  return new Map(rows.map((r) => [hashes.get(r.hash)!, { id: r.id, divisionCode: r.divisionCode }]));
}

async function requireHousehold(row: { headIdNumber: string }, ctx: LedgerContext): Promise<ErrorDetail[]> {
  return (await householdsByHead(ctx.services.db, ctx, [row.headIdNumber])).has(row.headIdNumber) ? [] : [{ path: 'headIdNumber', key: 'monitoring.errors.noHousehold' }];
}

/** Head ID numbers of households in scope (decrypted for the ledger; the machinery masks them). */
async function headIds(ctx: LedgerContext, extra?: SQL) {
  const rows = await ctx.services.db
    .select({ id: H.id, cipher: M.idCipher })
    .from(H)
    .innerJoin(M, and(eq(M.householdId, H.id), eq(M.relation, 'head'), PERSON))
    .where(and(householdsInScope(ctx.user.scope), extra));
  return new Map(rows.map((r) => [r.id, ctx.services.cipher.decrypt(r.cipher)]));
}

function filterSql(filters: Record<string, string>): SQL | undefined {
  const parts: SQL[] = [];
  if (filters.division && /^\d{12}$/.test(filters.division)) parts.push(sql`${H.divisionCode} like ${`${filters.division.replace(/0+$/, '')}%`}`);
  if (filters.status) parts.push(eq(H.status, filters.status as Status));
  if (filters.category) parts.push(eq(H.category, filters.category as Category));
  return parts.length ? and(...parts) : undefined;
}

// ---- 监测户台账 ----
type HouseholdRow = {
  village: string; headName: string; headIdNumber: string; category: string; entryDoor: string; isLifted: boolean | null; dibao: boolean | null; tekun: boolean | null;
  incomePerHead: string | null; incomeYear: number | null; status?: string | null; address: string | null; phone: string | null; note: string | null; id?: number;
};

export const householdLedger = defineLedger<HouseholdRow>({
  key: 'monitoring-households',
  title: '防返贫监测户台账',
  titleEn: 'Monitored households',
  entity: 'monitoring_household',
  columns: [
    { key: 'village', header: '所在村区划代码', headerEn: 'Village code', synonyms: ['村区划代码', '行政区划代码'], type: 'divisionCode', required: true, example: '441224109202' },
    { key: 'headName', header: '户主姓名', headerEn: 'Head', synonyms: ['户主'], type: 'text', required: true, example: '麦伯（化名）' },
    headColumn,
    { key: 'category', header: '监测类别', headerEn: 'Category', type: 'enum', required: true, options: options(CATEGORIES, zh.categories), example: '突发严重困难户' },
    { key: 'entryDoor', header: '纳入途径', headerEn: 'Entry', type: 'enum', required: true, options: options(ENTRY_DOORS, zh.entryDoors), example: '干部排查' },
    { key: 'isLifted', header: '是否脱贫户', headerEn: 'Lifted', type: 'boolean', example: '否' },
    { key: 'dibao', header: '是否低保户', headerEn: 'Dibao', type: 'boolean', example: '是' },
    { key: 'tekun', header: '是否特困户', headerEn: 'Tekun', type: 'boolean', example: '否' },
    { key: 'incomePerHead', header: '人均年纯收入', headerEn: 'Income per head', synonyms: ['家庭人均纯收入'], type: 'amount', example: 6800 },
    { key: 'incomeYear', header: '收入年度', headerEn: 'Income year', type: 'integer', example: 2025 },
    { key: 'status', header: '状态', headerEn: 'Status', type: 'enum', options: options(STATUSES, zh.statuses), note: '导出时填写；导入时忽略（状态只能经审核流程改变）' },
    { key: 'address', header: '住址', headerEn: 'Address', type: 'text' },
    { key: 'phone', header: '联系电话', headerEn: 'Phone', type: 'phone' },
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: ['headIdNumber'],
  permissions: { import: 'ledgers.import', export: 'ledgers.export' },
  async validate(row, ctx) {
    if (!inScope(ctx.user.scope, { divisionCode: row.village })) return [{ path: 'village', key: 'errors.OUT_OF_SCOPE' }];
    const [d] = await ctx.services.db.select({ level: divisions.level }).from(divisions).where(eq(divisions.code, row.village));
    return d?.level === 'village' ? [] : [{ path: 'village', key: 'monitoring.errors.divisionNotVillage', params: { code: row.village } }];
  },
  async findExisting(tx, rows, ctx) {
    const found = await householdsByHead(tx, ctx, rows.map((r) => r.headIdNumber));
    const ids = [...found.values()].map((f) => f.id);
    const hs = ids.length ? await tx.select().from(H).where(inArray(H.id, ids)) : [];
    const out = new Map<string, HouseholdRow>();
    for (const [idNumber, f] of found) {
      const h = hs.find((x) => x.id === f.id)!;
      const row = { ...toHouseholdRow(h, idNumber), status: undefined, id: h.id };
      out.set(naturalKeyOf(householdLedger, row), row);
    }
    return out;
  },
  async write(tx, changes, ctx) {
    const c = { services: ctx.services, user: ctx.user, actor: ctx.actor };
    for (const r of changes.insert) {
      const id = r.headIdNumber;
      const head = {
        name: r.headName, relation: 'head' as const, gender: Number(id[16]) % 2 ? ('male' as const) : ('female' as const),
        birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, idNumber: id,
        health: 'healthy' as const, disability: 'none' as const, schooling: 'not_in_school' as const, work: 'none' as const,
      };
      await createHousehold(c, {
        divisionCode: r.village, entryDoor: r.entryDoor as never, category: r.category as never, isLifted: !!r.isLifted, dibao: !!r.dibao, tekun: !!r.tekun,
        incomePerHead: num(r.incomePerHead), incomeYear: r.incomeYear, address: r.address ?? undefined, phone: r.phone ?? undefined, note: r.note ?? undefined, members: [head],
      }, { tx });
    }
    for (const { before, after } of changes.update) {
      await updateHousehold(c, before.id!, {
        category: after.category, isLifted: !!after.isLifted, dibao: !!after.dibao, tekun: !!after.tekun, incomePerHead: num(after.incomePerHead),
        incomeYear: after.incomeYear, address: after.address, phone: after.phone, note: after.note,
      }, tx);
    }
  },
  async exportRows(ctx, filters) {
    const heads = await headIds(ctx, filterSql(filters));
    const hs = heads.size ? await ctx.services.db.select().from(H).where(inArray(H.id, [...heads.keys()])).orderBy(H.divisionCode, H.id) : [];
    return hs.map((h) => toHouseholdRow(h, heads.get(h.id)!));
  },
});

function toHouseholdRow(h: typeof H.$inferSelect, headIdNumber: string): HouseholdRow {
  return {
    village: h.divisionCode, headName: h.headName, headIdNumber, category: h.category, entryDoor: h.entryDoor, isLifted: h.isLifted, dibao: h.dibao, tekun: h.tekun,
    incomePerHead: h.incomePerHead, incomeYear: h.incomeYear, status: h.status, address: h.address, phone: h.phone, note: h.note,
  };
}

// ---- 家庭成员台账 ----
type MemberRow = {
  headIdNumber: string; name: string; relation: string; gender: string; birthDate: string; idNumber: string;
  health: string; disability: string | null; schooling: string; work: string; id?: number;
};

export const memberLedger = defineLedger<MemberRow>({
  key: 'monitoring-members',
  title: '防返贫监测户家庭成员台账',
  titleEn: 'Members of monitored households',
  entity: 'monitoring_member',
  columns: [
    headColumn,
    { key: 'name', header: '姓名', headerEn: 'Name', type: 'text', required: true, example: '小娅（化名）' },
    { key: 'relation', header: '与户主关系', headerEn: 'Relation', type: 'enum', required: true, options: options(RELATIONS, zh.relations), example: '孙子女' },
    { key: 'gender', header: '性别', headerEn: 'Gender', type: 'enum', required: true, options: options(GENDERS, zh.genders), example: '女' },
    { key: 'birthDate', header: '出生日期', headerEn: 'Birth date', type: 'date', required: true, example: '2006-05-20' },
    { key: 'idNumber', header: '身份证号', headerEn: 'ID number', synonyms: ['身份证号码', '公民身份号码'], type: 'idNumber', required: true, sensitive: true, example: '441224200605200245' },
    { key: 'health', header: '健康状况', headerEn: 'Health', type: 'enum', required: true, sensitive: true, options: options(HEALTH, zh.health), example: '健康' },
    { key: 'disability', header: '残疾情况', headerEn: 'Disability', type: 'enum', sensitive: true, options: options(DISABILITY, zh.disability), example: '无' },
    { key: 'schooling', header: '在校情况', headerEn: 'Schooling', type: 'enum', required: true, options: options(SCHOOLING, zh.schooling), example: '大专及以上在读' },
    { key: 'work', header: '务工情况', headerEn: 'Work', type: 'enum', required: true, options: options(WORK, zh.work), example: '不适用' },
  ],
  naturalKey: ['idNumber'],
  permissions: { import: 'ledgers.import', export: 'ledgers.export' },
  validate: (row, ctx) => requireHousehold(row, ctx),
  async findExisting(tx, rows, ctx) {
    const hashes = new Map(rows.map((r) => [ctx.services.cipher.hash(r.idNumber), r.idNumber]));
    const found = await tx.select({ m: M, hid: H.id }).from(M).innerJoin(H, eq(H.id, M.householdId)).where(and(eq(M.active, true), inArray(M.idHash, [...hashes.keys()]), householdsInScope(ctx.user.scope)));
    const heads = await headIdsTx(tx, ctx, found.map((f) => f.hid));
    const out = new Map<string, MemberRow>();
    for (const { m, hid } of found) {
      const row = { ...toMemberRow(ctx, m, heads.get(hid) ?? ''), idNumber: hashes.get(m.idHash)!, id: m.id };
      out.set(naturalKeyOf(memberLedger, row), row);
    }
    return out;
  },
  async write(tx, changes, ctx) {
    const c = { services: ctx.services, user: ctx.user, actor: ctx.actor };
    const households = await householdsByHead(tx, ctx, changes.insert.map((r) => r.headIdNumber));
    const input = (r: MemberRow) => ({
      name: r.name, relation: r.relation as never, gender: r.gender as never, birthDate: r.birthDate, idNumber: r.idNumber,
      health: r.health as never, disability: (r.disability ?? 'none') as never, schooling: r.schooling as never, work: r.work as never,
    });
    for (const r of changes.insert) await addMember(c, households.get(r.headIdNumber)!.id, input(r), tx);
    for (const { before, after } of changes.update) await updateMember(c, before.id!, input(after), tx);
  },
  async exportRows(ctx, filters) {
    const heads = await headIds(ctx, filterSql(filters));
    if (!heads.size) return [];
    const ms = await ctx.services.db.select().from(M).where(and(inArray(M.householdId, [...heads.keys()]), eq(M.active, true))).orderBy(M.householdId, M.id);
    return ms.map((m) => ({ ...toMemberRow(ctx, m, heads.get(m.householdId)!), idNumber: ctx.services.cipher.decrypt(m.idCipher) }));
  },
});

async function headIdsTx(tx: Tx, ctx: LedgerContext, householdIds: number[]) {
  if (!householdIds.length) return new Map<number, string>();
  const rows = await tx.select({ id: M.householdId, cipher: M.idCipher }).from(M).where(and(inArray(M.householdId, householdIds), eq(M.relation, 'head'), PERSON));
  return new Map(rows.map((r) => [r.id, ctx.services.cipher.decrypt(r.cipher)]));
}

function toMemberRow(ctx: LedgerContext, m: typeof M.$inferSelect, headIdNumber: string): MemberRow {
  const h = openHealth(ctx, m);
  return { headIdNumber, name: m.name, relation: m.relation, gender: m.gender, birthDate: m.birthDate, idNumber: '', health: h.health, disability: h.disability, schooling: m.schooling, work: m.work };
}

// ---- 入户走访台账 ----
type VisitRow = { headIdNumber: string; visitedOn: string; visitors: string; findings: string; incomePerHead: string | null; incomeYear: number | null; id?: number };

const VISIT_KEY = { naturalKey: ['headIdNumber', 'visitedOn', 'visitors'] };

export const visitLedger = defineLedger<VisitRow>({
  key: 'monitoring-visits',
  title: '防返贫监测户走访台账',
  titleEn: 'Home visits to monitored households',
  entity: 'monitoring_visit',
  columns: [
    headColumn,
    { key: 'visitedOn', header: '走访日期', headerEn: 'Visit date', type: 'date', required: true, example: '2025-08-01' },
    { key: 'visitors', header: '走访人员', headerEn: 'Visitors', type: 'text', required: true, example: '驻岗坪镇工作队、村干部' },
    { key: 'findings', header: '走访情况', headerEn: 'Findings', synonyms: ['走访发现', '走访记录'], type: 'text', required: true, maxLength: 2000, example: '家有在校生，列为重点观察对象' },
    { key: 'incomePerHead', header: '核实人均收入', headerEn: 'Verified income per head', type: 'amount', example: 9000 },
    { key: 'incomeYear', header: '收入年度', headerEn: 'Income year', type: 'integer', example: 2025 },
  ],
  naturalKey: VISIT_KEY.naturalKey,
  permissions: { import: 'ledgers.import', export: 'ledgers.export' },
  validate: (row, ctx) => requireHousehold(row, ctx),
  async findExisting(tx, rows, ctx) {
    const households = await householdsByHead(tx, ctx, rows.map((r) => r.headIdNumber));
    const byId = new Map([...households].map(([n, h]) => [h.id, n]));
    const vs = byId.size ? await tx.select().from(V).where(inArray(V.householdId, [...byId.keys()])) : [];
    return new Map(
      vs.map((v) => {
        const row = { headIdNumber: byId.get(v.householdId)!, visitedOn: v.visitedOn, visitors: v.visitors, findings: v.findings, incomePerHead: v.incomePerHead, incomeYear: v.incomeYear, id: v.id };
        return [naturalKeyOf(VISIT_KEY, row), row];
      }),
    );
  },
  async write(tx, changes, ctx) {
    const c = { services: ctx.services, user: ctx.user, actor: ctx.actor };
    const households = await householdsByHead(tx, ctx, changes.insert.map((r) => r.headIdNumber));
    for (const r of changes.insert) {
      await recordVisit(c, households.get(r.headIdNumber)!.id, {
        visitedOn: r.visitedOn, visitors: r.visitors, findings: r.findings, incomePerHead: num(r.incomePerHead), incomeYear: r.incomeYear,
        openRisks: [], closeRiskIds: [], followedMeasureIds: [], photoIds: [],
      }, tx);
    }
    for (const { before, after } of changes.update) {
      const [row] = await tx.update(V).set({ findings: after.findings, incomePerHead: after.incomePerHead, incomeYear: after.incomeYear }).where(eq(V.id, before.id!)).returning();
      await writeAudit(tx, ctx.actor, { action: 'update', entity: 'monitoring_visit', entityId: row.id, before, after: row });
    }
  },
  async exportRows(ctx, filters) {
    const heads = await headIds(ctx, filterSql(filters));
    if (!heads.size) return [];
    const vs = await ctx.services.db.select().from(V).where(inArray(V.householdId, [...heads.keys()])).orderBy(V.visitedOn, V.id);
    return vs.map((v) => ({ headIdNumber: heads.get(v.householdId)!, visitedOn: v.visitedOn, visitors: v.visitors, findings: v.findings, incomePerHead: v.incomePerHead, incomeYear: v.incomeYear }));
  },
});

// ---- 帮扶措施台账 ----
type MeasureRow = { headIdNumber: string; kind: MeasureKind; description: string; amount: string | null; startOn: string; endOn: string | null; providerTeamId: number | null; id?: number };

const MEASURE_KEY = { naturalKey: ['headIdNumber', 'kind', 'startOn', 'description'] };

export const measureLedger = defineLedger<MeasureRow>({
  key: 'monitoring-measures',
  title: '防返贫监测户帮扶措施台账',
  titleEn: 'Assistance measures for monitored households',
  entity: 'monitoring_measure',
  columns: [
    headColumn,
    { key: 'kind', header: '措施类型', headerEn: 'Kind', type: 'enum', required: true, options: options(MEASURE_KINDS, zh.measures), example: '教育帮扶/雨露计划' },
    { key: 'description', header: '措施内容', headerEn: 'Description', type: 'text', required: true, example: '雨露计划助学补助' },
    { key: 'amount', header: '金额（元）', headerEn: 'Amount (yuan)', synonyms: ['金额', '帮扶金额'], type: 'amount', example: 3000 },
    { key: 'startOn', header: '开始日期', headerEn: 'Start', type: 'date', required: true, example: '2025-07-20' },
    { key: 'endOn', header: '结束日期', headerEn: 'End', type: 'date' },
    { key: 'providerTeamId', header: '帮扶工作队编号', headerEn: 'Provider team id', type: 'integer' },
  ],
  naturalKey: MEASURE_KEY.naturalKey,
  permissions: { import: 'ledgers.import', export: 'ledgers.export' },
  validate: (row, ctx) => requireHousehold(row, ctx),
  async findExisting(tx, rows, ctx) {
    const households = await householdsByHead(tx, ctx, rows.map((r) => r.headIdNumber));
    const byId = new Map([...households].map(([n, h]) => [h.id, n]));
    const ms = byId.size ? await tx.select().from(Me).where(inArray(Me.householdId, [...byId.keys()])) : [];
    return new Map(
      ms.map((m) => {
        const row = { headIdNumber: byId.get(m.householdId)!, kind: m.kind, description: m.description, amount: m.amount, startOn: m.startOn, endOn: m.endOn, providerTeamId: m.providerTeamId, id: m.id };
        return [naturalKeyOf(MEASURE_KEY, row), row];
      }),
    );
  },
  async write(tx, changes, ctx) {
    const c = { services: ctx.services, user: ctx.user, actor: ctx.actor };
    const households = await householdsByHead(tx, ctx, changes.insert.map((r) => r.headIdNumber));
    for (const r of changes.insert) {
      await addMeasure(c, households.get(r.headIdNumber)!.id, { kind: r.kind, description: r.description, amount: num(r.amount), startOn: r.startOn, endOn: r.endOn, providerTeamId: r.providerTeamId }, tx);
    }
    for (const { before, after } of changes.update) {
      const [row] = await tx.update(Me).set({ amount: after.amount, endOn: after.endOn, providerTeamId: after.providerTeamId }).where(eq(Me.id, before.id!)).returning();
      await writeAudit(tx, ctx.actor, { action: 'update', entity: 'monitoring_measure', entityId: row.id, before, after: row });
    }
  },
  async exportRows(ctx, filters) {
    const heads = await headIds(ctx, filterSql(filters));
    if (!heads.size) return [];
    const ms = await ctx.services.db.select().from(Me).where(inArray(Me.householdId, [...heads.keys()])).orderBy(Me.householdId, Me.id);
    return ms.map((m) => ({ headIdNumber: heads.get(m.householdId)!, kind: m.kind, description: m.description, amount: m.amount, startOn: m.startOn, endOn: m.endOn, providerTeamId: m.providerTeamId }));
  },
});

export const monitoringLedgers = [householdLedger, memberLedger, visitLedger, measureLedger];
