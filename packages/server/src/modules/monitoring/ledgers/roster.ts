// 监测对象信息表: the one-sheet roster the national monitoring system exports and towns keep — one row per
// person, the household's columns (户编号 or the head's ID number, village, category, income, 识别时间,
// status …) repeated on each member's row or merged over the household's rows. One import creates or
// updates households and their members together; a household's rows stand or fall together (groupOf).
// A household registered before the town used the app comes in with its history (status, 识别时间,
// 风险消除时间), recorded as a migration by the importing user, and counts from its identification date.
// 风险类型 (several in one cell: 因病、因学) become the household's open risks; an import adds risks, never
// closes one (that is a review step).
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { birthDateOfId, genderOfId, maskIdNumber } from '@xiezuo/shared/codes/idNumber';
import {
  CATEGORIES,
  DISABILITY,
  ENTRY_DOORS,
  GENDERS,
  HEALTH,
  type MemberInput,
  MONITORING_LEDGERS,
  RELATIONS,
  RISK_KINDS,
  type RiskKind,
  SCHOOLING,
  type Status,
  WORK,
} from '@xiezuo/shared/contracts/monitoring';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/service';
import type { Tx } from '../../../platform/db/client';
import type { ErrorDetail } from '../../../platform/http/errors';
import { chunked } from '../../../platform/ledgers/chunked';
import { amount, date, divisionByName, enumOf, idNumber, phone } from '../../../platform/ledgers/columns';
import { defineLedger, type LedgerContext, naturalKeyOf, withDefaults } from '../../../platform/ledgers/types';
import { inScope } from '../../../platform/scope';
import { divisions } from '../../registry';
import { householdsInScope } from '../access';
import { addRisk } from '../activity';
import { openContact } from '../contact';
import { activeMemberships, addMember, createHousehold, duplicatePerson, openHealth, updateHousehold, updateMember } from '../households';
import { monitoringHouseholds as H, monitoringMembers as M, monitoringRisks, monitoringSteps } from '../tables';
import { filterSql, headColumn, headIds, num, zh } from './common';
import { CATEGORY_WORDS, ENTRY_WORDS, HEALTH_WORDS, RELATION_WORDS, readRisks, SCHOOLING_WORDS, STATUS_WORDS, WORK_WORDS } from './words';

const ROSTER_STATUSES = ['identifying', 'monitored', 'eliminated'] as const;
const ROSTER_STATUS_LABELS = { identifying: '识别中', monitored: '已纳入监测', eliminated: '风险已消除' };

export type RosterRow = {
  householdNo?: string | null;
  village: string;
  headIdNumber?: string | null;
  category: string;
  entryDoor?: string;
  incomePerHead?: string | null;
  identifiedOn?: string | null;
  status?: string;
  eliminatedOn?: string | null;
  phone?: string | null;
  /** 风险类型 as words in the catalogue's order (因病、因学); left out when the file gives none */
  risks?: string | null;
  name: string;
  idNumber: string;
  relation: string;
  gender?: string | null;
  birthDate?: string | null;
  health?: string;
  disability?: string | null;
  schooling?: string;
  work?: string;
  id?: number;
  householdId?: number;
  version?: string; // of the stored record (findExisting, export), not columns
};

/** The household a row belongs to in the file: its 户编号 in its village, else its head's ID number. */
const groupOf = (r: RosterRow) => (r.householdNo ? `no:${r.village}:${r.householdNo}` : `head:${r.headIdNumber ?? r.idNumber}`);
const HOUSEHOLD_KEYS = [
  'village',
  'category',
  'entryDoor',
  'incomePerHead',
  'identifiedOn',
  'status',
  'eliminatedOn',
  'phone',
  'risks',
] as const;
const riskWords = (kinds: RiskKind[]) => (kinds.length ? kinds.map((k) => zh.risks[k]).join('、') : null);
const idBirth = birthDateOfId;
const idGender = genderOfId;

export const rosterLedger = defineLedger<RosterRow>({
  key: MONITORING_LEDGERS.roster,
  title: '防返贫监测对象信息表',
  titleEn: 'Monitoring roster (one row per person)',
  entity: 'monitoring_household',
  columns: [
    divisionByName({
      key: 'village',
      header: '所在村',
      headerEn: 'Village',
      level: 'village',
      required: true,
      example: '兴义村',
      synonyms: ['行政村', '村', '村名', '村名称', '所在行政村', '村（社区）', '所属村', '村委会', '所在村区划代码', '村区划代码'],
    }),
    {
      key: 'householdNo',
      header: '户编号',
      headerEn: 'Household no.',
      synonyms: ['户码', '户号', '家庭编号', '农户编号'],
      type: 'text',
      maxLength: 40,
      example: '4412241092020001',
    },
    { ...headColumn, required: false, note: '可不填：有户编号时，以本户「与户主关系」为户主的一行为准' },
    {
      key: 'name',
      header: '姓名',
      headerEn: 'Name',
      synonyms: ['成员姓名', '监测对象姓名', '家庭成员姓名'],
      type: 'text',
      required: true,
      maxLength: 50,
      example: '张三（示例）',
    },
    idNumber({ synonyms: ['成员身份证号', '成员证件号码', '监测对象身份证号'], example: '110105195803120010' }),
    enumOf(RELATIONS, zh.relations, {
      key: 'relation',
      header: '与户主关系',
      headerEn: 'Relation',
      synonyms: ['家庭关系', '与户主的关系'],
      required: true,
      words: RELATION_WORDS,
      example: '户主',
    }),
    enumOf(GENDERS, zh.genders, {
      key: 'gender',
      header: '性别',
      headerEn: 'Gender',
      note: '可不填：按身份证号填写；填了则与身份证号核对',
    }),
    date({ key: 'birthDate', header: '出生日期', headerEn: 'Birth date', note: '可不填：按身份证号填写；填了则与身份证号核对' }),
    enumOf(HEALTH, zh.health, {
      key: 'health',
      header: '健康状况',
      headerEn: 'Health',
      sensitive: true,
      words: HEALTH_WORDS,
      whenMissing: 'unknown',
      example: '健康',
    }),
    enumOf(DISABILITY, zh.disability, {
      key: 'disability',
      header: '残疾情况',
      headerEn: 'Disability',
      synonyms: ['残疾等级'],
      sensitive: true,
      emptyAs: 'none',
    }),
    enumOf(SCHOOLING, zh.schooling, {
      key: 'schooling',
      header: '在校情况',
      headerEn: 'Schooling',
      synonyms: ['在校生状况', '在校生情况', '就学情况'],
      words: SCHOOLING_WORDS,
      whenMissing: 'unknown',
    }),
    enumOf(WORK, zh.work, {
      key: 'work',
      header: '务工情况',
      headerEn: 'Work',
      synonyms: ['务工状况', '就业情况', '就业状况'],
      words: WORK_WORDS,
      whenMissing: 'unknown',
    }),
    enumOf(CATEGORIES, zh.categories, {
      key: 'category',
      header: '监测对象类别',
      headerEn: 'Category',
      synonyms: ['监测类别', '监测户类型', '监测对象类型', '监测户类别', '户类型'],
      required: true,
      words: CATEGORY_WORDS,
      example: '边缘易致贫户',
    }),
    enumOf(ENTRY_DOORS, zh.entryDoors, {
      key: 'entryDoor',
      header: '纳入途径',
      headerEn: 'Entry',
      synonyms: ['识别途径', '纳入方式', '识别方式'],
      words: ENTRY_WORDS,
      whenMissing: 'cadre_check',
    }),
    amount({
      key: 'incomePerHead',
      header: '家庭年人均纯收入',
      headerEn: 'Income per head',
      synonyms: ['人均纯收入', '人均年纯收入', '家庭人均纯收入', '年人均纯收入'],
      example: 6800,
    }),
    date({
      key: 'identifiedOn',
      header: '识别时间',
      headerEn: 'Identified on',
      synonyms: ['识别日期', '纳入监测时间', '纳入时间', '认定时间', '确定时间', '纳入监测日期'],
    }),
    enumOf(ROSTER_STATUSES, ROSTER_STATUS_LABELS, {
      key: 'status',
      header: '监测状态',
      headerEn: 'Status',
      synonyms: ['状态', '风险消除状态', '是否风险消除'],
      words: STATUS_WORDS,
      whenMissing: 'monitored',
      note: '识别中 / 已纳入监测 / 风险已消除：新登记的户按此状态进入系统（记为迁移）；已登记的户只能经审核流程改变',
    }),
    date({
      key: 'eliminatedOn',
      header: '风险消除时间',
      headerEn: 'Risk eliminated on',
      synonyms: ['风险消除日期', '消除时间', '解除监测时间'],
    }),
    phone({ sensitive: true }), // masked in exports unless revealed, like ID numbers
    {
      key: 'risks',
      header: '风险类型',
      headerEn: 'Risk types',
      synonyms: ['致贫风险', '返贫致贫风险', '风险类别', '主要风险', '致贫原因', '返贫风险类型'],
      type: 'text',
      maxLength: 200,
      example: '因病、因学',
      note: '多项用顿号分隔：因病、因学、因残、因灾、因意外事故、因产业项目失败、因务工就业不稳、缺劳动力、其他',
    },
  ],
  naturalKey: ['idNumber'],
  batchSize: 20_000, // a household's rows must meet in one batch (groupOf); a county's roster fits
  permissions: { import: 'ledgers.import', export: 'ledgers.export' },
  groupOf,
  prepare(row) {
    // gender and birth date follow the ID number when the file leaves them out (checked in validate when present)
    if (row.gender == null) row.gender = idGender(row.idNumber);
    if (row.birthDate == null) row.birthDate = idBirth(row.idNumber);
    // risk types as the catalogue writes them, so a file and the record compare equal; none given: not stated
    if (row.risks == null || row.risks === '') delete row.risks;
    else if (!readRisks(row.risks).unknown.length) row.risks = riskWords(readRisks(row.risks).kinds);
  },
  validate(row, ctx) {
    const out: ErrorDetail[] = [];
    if (!inScope(ctx.user.scope, { divisionCode: row.village })) out.push({ path: 'village', key: 'errors.OUT_OF_SCOPE' });
    if (row.gender !== idGender(row.idNumber))
      out.push({ path: 'gender', key: 'monitoring.errors.notAsIdNumber', params: { expected: zh.genders[idGender(row.idNumber)] } });
    if (row.birthDate !== idBirth(row.idNumber))
      out.push({ path: 'birthDate', key: 'monitoring.errors.notAsIdNumber', params: { expected: idBirth(row.idNumber) } });
    if (row.incomePerHead != null && Number(row.incomePerHead) < 0)
      out.push({ path: 'incomePerHead', key: 'monitoring.errors.negativeIncome' });
    if (!row.householdNo && !row.headIdNumber) out.push({ path: 'householdNo', key: 'monitoring.errors.noHouseholdKey' });
    const unknownRisks = row.risks ? readRisks(row.risks).unknown : [];
    if (unknownRisks.length) out.push({ path: 'risks', key: 'monitoring.errors.unknownRisk', params: { value: unknownRisks.join('、') } });
    if (row.status === 'eliminated' && !row.eliminatedOn) out.push({ path: 'eliminatedOn', key: 'monitoring.errors.eliminatedOnMissing' });
    if ((row.status ?? 'monitored') !== 'identifying' && !row.identifiedOn)
      out.push({ path: 'identifiedOn', key: 'monitoring.errors.identifiedOnMissing' });
    if (row.identifiedOn && row.eliminatedOn && row.eliminatedOn < row.identifiedOn)
      out.push({ path: 'eliminatedOn', key: 'monitoring.errors.eliminatedBeforeIdentified' });
    return out;
  },
  validateBatch: checkRoster,
  async findExisting(tx, rows, ctx) {
    const hashes = new Map(rows.map((r) => [ctx.services.cipher.hash(r.idNumber), r]));
    const found = await chunked([...hashes.keys()], (part) =>
      tx
        .select({ m: M, h: H })
        .from(M)
        .innerJoin(H, eq(H.id, M.householdId))
        .where(and(eq(M.active, true), inArray(M.idHash, part), householdsInScope(ctx.user.scope))),
    );
    const householdIds = [...new Set(found.map((f) => f.h.id))];
    const heads = found.length ? await headIds(ctx, inArray(H.id, householdIds), tx) : new Map<number, string>();
    const risks = await openRisks(tx, householdIds);
    const out = new Map<string, RosterRow>();
    for (const { m, h } of found) {
      const file = hashes.get(m.idHash)!;
      // 户编号 only groups the file's rows: it is not kept, so it never makes a row look changed
      const row: RosterRow = {
        ...toRosterRow(ctx, h, m, heads.get(h.id) ?? ''),
        risks: risks.get(h.id) ?? null,
        idNumber: file.idNumber,
        householdNo: file.householdNo,
        id: m.id,
        householdId: h.id,
      };
      out.set(naturalKeyOf(rosterLedger, row), row);
    }
    return out;
  },
  write: writeRoster,
  // the export's hidden 记录标识: the member and its row version, so a masked export can be edited and re-imported
  recordKey: {
    of: (row) => (row.id != null && row.version ? { id: row.id, version: row.version } : null),
    async find(tx, ids, ctx) {
      const numeric = ids.filter((id) => /^\d{1,9}$/.test(id)).map(Number);
      if (!numeric.length) return new Map();
      const found = await tx
        .select({ m: M, h: H, version: sql<string>`${M}.xmin::text` })
        .from(M)
        .innerJoin(H, eq(H.id, M.householdId))
        .where(and(inArray(M.id, numeric), eq(M.active, true), householdsInScope(ctx.user.scope)));
      const householdIds = [...new Set(found.map((f) => f.h.id))];
      const heads = found.length ? await headIds(ctx, inArray(H.id, householdIds), tx) : new Map<number, string>();
      const risks = await openRisks(tx, householdIds);
      return new Map(
        found.map(({ m, h, version }) => [
          String(m.id),
          {
            row: {
              ...toRosterRow(ctx, h, m, heads.get(h.id) ?? ''),
              risks: risks.get(h.id) ?? null,
              idNumber: ctx.services.cipher.decrypt(m.idCipher),
            },
            version,
          },
        ]),
      );
    },
  },
  async exportRows(ctx, filters) {
    const heads = await headIds(ctx, filterSql(ctx, filters));
    if (!heads.size) return [];
    const rows = await ctx.services.db
      .select({ m: M, h: H, version: sql<string>`${M}.xmin::text` })
      .from(M)
      .innerJoin(H, eq(H.id, M.householdId))
      .where(and(inArray(H.id, [...heads.keys()]), eq(M.active, true)))
      .orderBy(H.divisionCode, H.id, M.id);
    const risks = await openRisks(ctx.services.db, [...heads.keys()]);
    return rows.map(({ m, h, version }) => ({
      ...toRosterRow(ctx, h, m, heads.get(h.id)!),
      risks: risks.get(h.id) ?? null,
      idNumber: ctx.services.cipher.decrypt(m.idCipher),
      householdNo: `H${h.id}`,
      id: m.id,
      version,
    }));
  },
});

/** Each household's open risk types as the roster writes them (因病、因学). */
async function openRisks(db: Tx | LedgerContext['services']['db'], householdIds: number[]): Promise<Map<number, string>> {
  if (!householdIds.length) return new Map();
  const rows = await db
    .select({ householdId: monitoringRisks.householdId, kind: monitoringRisks.kind })
    .from(monitoringRisks)
    .where(and(inArray(monitoringRisks.householdId, householdIds), isNull(monitoringRisks.closedOn)));
  const kinds = new Map<number, RiskKind[]>();
  for (const r of rows) kinds.set(r.householdId, [...(kinds.get(r.householdId) ?? []), r.kind]);
  return new Map([...kinds].map(([id, list]) => [id, riskWords(RISK_KINDS.filter((k) => list.includes(k))) ?? '']));
}

/** The risk types the row names that are not open on the household yet: added, dated from its identification (or today). */
async function addRisks(ctx: LedgerContext, householdId: number, row: RosterRow, open: string | null) {
  if (!row.risks || row.status === 'eliminated') return; // an eliminated household has no open risk
  const have = new Set(readRisks(open ?? '').kinds);
  const identifiedOn = row.identifiedOn ?? todayInBeijing();
  for (const kind of readRisks(row.risks).kinds) if (!have.has(kind)) await addRisk(ctx, householdId, { kind, identifiedOn });
}

function toRosterRow(ctx: LedgerContext, h: typeof H.$inferSelect, m: typeof M.$inferSelect, headIdNumber: string): RosterRow {
  const health = openHealth(ctx, m);
  return {
    village: h.divisionCode,
    headIdNumber,
    category: h.category,
    entryDoor: h.entryDoor,
    incomePerHead: h.incomePerHead,
    identifiedOn: h.status === 'identifying' ? h.procedureStartedOn : h.identifiedOn,
    status: h.status,
    eliminatedOn: h.eliminatedOn,
    phone: openContact(ctx, h.phone),
    name: m.name,
    idNumber: '',
    relation: m.relation,
    gender: m.gender,
    birthDate: m.birthDate,
    health: health.health,
    disability: health.disability,
    schooling: m.schooling,
    work: m.work,
  };
}

/**
 * The whole file at once (one batch): each household has exactly one head, whose ID number then names it;
 * its columns agree on every row; nobody is an active member of another household; a registered household's
 * village, entry route, status and dates are facts of record an import cannot change; a new household's
 * village is a registered village.
 */
async function checkRoster(rows: RosterRow[], ctx: LedgerContext): Promise<ErrorDetail[][]> {
  const { db, cipher } = ctx.services;
  const out: ErrorDetail[][] = rows.map(() => []);
  const groups = new Map<string, number[]>();
  for (const [i, r] of rows.entries()) groups.set(groupOf(r), [...(groups.get(groupOf(r)) ?? []), i]);
  for (const members of groups.values()) {
    const heads = members.filter((i) => rows[i].relation === 'head');
    if (heads.length === 0) {
      for (const i of members) out[i].push({ path: 'relation', key: 'monitoring.errors.noHeadInFile' });
      continue;
    }
    for (const i of heads.slice(1)) out[i].push({ path: 'relation', key: 'monitoring.errors.secondHeadInFile' });
    const head = rows[heads[0]];
    for (const i of members) {
      const r = rows[i];
      if (r.headIdNumber && r.headIdNumber !== head.idNumber)
        out[i].push({ path: 'headIdNumber', key: 'monitoring.errors.notTheHead', params: { masked: maskIdNumber(head.idNumber) } });
      r.headIdNumber = head.idNumber;
      for (const k of HOUSEHOLD_KEYS) {
        // risk types written on the head's row only hold for the household
        if (k === 'risks' && r.risks === undefined) {
          if (head.risks) r.risks = head.risks;
          continue;
        }
        if (i !== heads[0] && (r[k] ?? null) !== (head[k] ?? null))
          out[i].push({ path: k, key: 'monitoring.errors.unlikeHeadRow', params: { value: String(head[k] ?? '') } });
      }
    }
  }
  const codes = [...new Set(rows.map((r) => r.village))];
  const villages = new Set(
    (
      await db
        .select({ code: divisions.code })
        .from(divisions)
        .where(and(inArray(divisions.code, codes), eq(divisions.level, 'village')))
    ).map((d) => d.code),
  );
  const hashes = rows.map((r) => cipher.hash(r.idNumber));
  const memberships = new Map((await chunked([...new Set(hashes)], (part) => activeMemberships(db, part))).map((m) => [m.idHash, m]));
  const headHashes = [...new Set(rows.map((r) => cipher.hash(r.headIdNumber!)))];
  const registered = new Map(
    (
      await chunked(headHashes, (part) =>
        db
          .select({ hash: M.idHash, h: H })
          .from(M)
          .innerJoin(H, eq(H.id, M.householdId))
          .where(and(eq(M.relation, 'head'), eq(M.active, true), inArray(M.idHash, part))),
      )
    ).map((x) => [x.hash, x.h]),
  );
  for (const [i, r] of rows.entries()) {
    if (out[i].length) continue;
    const h = registered.get(cipher.hash(r.headIdNumber!));
    const other = memberships.get(hashes[i]);
    if (other && other.household !== h?.id) {
      out[i].push(duplicatePerson(ctx, 'idNumber', maskIdNumber(r.idNumber), other));
      continue;
    }
    if (h) {
      if (!inScope(ctx.user.scope, { divisionCode: h.divisionCode })) {
        out[i].push({ path: 'village', key: 'errors.OUT_OF_SCOPE' });
        continue;
      }
      const fixed = (path: string, current: string | null) =>
        out[i].push({ path, key: 'monitoring.errors.fixedByImport', params: { current: current ?? '' } });
      if (h.divisionCode !== r.village) {
        fixed('village', h.divisionCode);
        continue;
      }
      if (r.entryDoor !== undefined && h.entryDoor !== r.entryDoor) {
        fixed('entryDoor', zh.entryDoors[h.entryDoor]);
        continue;
      }
      if (r.status !== undefined && h.status !== r.status) {
        fixed('status', zh.statuses[h.status]);
        continue;
      }
      const identified = h.status === 'identifying' ? h.procedureStartedOn : h.identifiedOn;
      if (r.identifiedOn !== undefined && identified !== r.identifiedOn) {
        fixed('identifiedOn', identified);
        continue;
      }
      if (r.eliminatedOn !== undefined && h.eliminatedOn !== r.eliminatedOn) {
        fixed('eliminatedOn', h.eliminatedOn);
        continue;
      }
      continue;
    }
    if (!villages.has(r.village))
      out[i].push({ path: 'village', key: 'monitoring.errors.divisionNotVillage', params: { code: r.village } });
  }
  return out;
}

const memberOf = (r: RosterRow): MemberInput => {
  const m = withDefaults(rosterLedger, r);
  return {
    name: m.name,
    relation: m.relation as never,
    gender: m.gender as never,
    birthDate: m.birthDate!,
    idNumber: m.idNumber,
    health: m.health as never,
    disability: (m.disability ?? 'none') as never,
    schooling: m.schooling as never,
    work: m.work as never,
  };
};

/**
 * Household by household (its rows are whole: groupOf): a new household is created with its members through
 * the module's service, then — when the file says it is already monitored or its risk eliminated — brought to
 * that status with its dates as a migration step by the importing user; a registered one has its columns and
 * its members updated, and new members added.
 */
async function writeRoster(
  tx: Tx,
  changes: { insert: RosterRow[]; update: { before: RosterRow; after: RosterRow }[] },
  ctx: LedgerContext,
) {
  const groups = new Map<string, { insert: RosterRow[]; update: { before: RosterRow; after: RosterRow }[] }>();
  const add = (r: RosterRow) => groups.get(groupOf(r)) ?? groups.set(groupOf(r), { insert: [], update: [] }).get(groupOf(r))!;
  for (const r of changes.insert) add(r).insert.push(r);
  for (const u of changes.update) add(u.after).update.push(u);
  for (const g of groups.values()) {
    const registeredId = g.update[0]?.before.householdId ?? (await householdOfHead(tx, ctx, g.insert[0].headIdNumber!));
    if (registeredId == null) {
      const all = withDefaults(rosterLedger, g.insert.find((r) => r.relation === 'head') ?? g.insert[0]);
      const h = await createHousehold(ctx, {
        divisionCode: all.village,
        entryDoor: all.entryDoor as never,
        category: all.category as never,
        isLifted: false,
        dibao: false,
        tekun: false,
        incomePerHead: num(all.incomePerHead),
        incomeYear: all.identifiedOn ? Number(all.identifiedOn.slice(0, 4)) : null,
        phone: all.phone ?? undefined,
        members: g.insert.map(memberOf),
      });
      await migrate(tx, ctx, h.id, all.status as Status, all.identifiedOn ?? null, all.eliminatedOn ?? null, all.category);
      await addRisks(ctx, h.id, all, null);
      continue;
    }
    const head = [...g.insert, ...g.update.map((u) => u.after)].find((r) => r.relation === 'head');
    const changed = g.update.find((u) => HOUSEHOLD_KEYS.some((k) => k in u.after && (u.after[k] ?? null) !== (u.before[k] ?? null)));
    if (changed) {
      const a = changed.after;
      await addRisks(ctx, registeredId, a, changed.before.risks ?? null);
      await updateHousehold(ctx, registeredId, {
        category: a.category,
        incomePerHead: num(a.incomePerHead),
        ...(a.phone !== undefined ? { phone: a.phone } : {}),
      });
    }
    if (head && g.update.some((u) => u.after.relation === 'head' && u.after.name !== u.before.name))
      await tx.update(H).set({ headName: head.name }).where(eq(H.id, registeredId));
    for (const { before, after } of g.update) {
      const patch: Partial<MemberInput> = {};
      for (const k of ['name', 'relation', 'gender', 'birthDate', 'health', 'disability', 'schooling', 'work'] as const) {
        if (after[k] !== undefined && after[k] !== null && after[k] !== before[k]) (patch as Record<string, unknown>)[k] = after[k];
      }
      if (Object.keys(patch).length) await updateMember(ctx, before.id!, patch);
    }
    for (const r of g.insert) await addMember(ctx, registeredId, memberOf(r));
  }
}

async function householdOfHead(tx: Tx, ctx: LedgerContext, headIdNumber: string): Promise<number | null> {
  const [h] = await tx
    .select({ id: M.householdId })
    .from(M)
    .where(and(eq(M.idHash, ctx.services.cipher.hash(headIdNumber)), eq(M.relation, 'head'), eq(M.active, true)));
  return h?.id ?? null;
}

/**
 * A household monitored before the town used the app: its status and dates as the file gives them, one
 * step and one audit entry saying it was migrated by this user (no review chain is replayed). It counts on
 * the dashboards from its identification date (facts read identified_on).
 */
async function migrate(
  tx: Tx,
  ctx: LedgerContext,
  id: number,
  status: Status,
  identifiedOn: string | null,
  eliminatedOn: string | null,
  category: string,
) {
  if (status === 'identifying') {
    if (identifiedOn) await tx.update(H).set({ procedureStartedOn: identifiedOn }).where(eq(H.id, id));
    return;
  }
  const [after] = await tx
    .update(H)
    .set({
      status,
      stage: null,
      procedureStartedOn: null,
      stageEnteredAt: null,
      identifiedOn,
      eliminatedOn: status === 'eliminated' ? eliminatedOn : null,
      updatedAt: new Date(),
    })
    .where(eq(H.id, id))
    .returning();
  await tx.insert(monitoringSteps).values({
    householdId: id,
    procedure: 'identify',
    action: 'create',
    fromStatus: 'identifying',
    fromStage: 'verify',
    toStatus: status,
    toStage: null,
    actorId: ctx.actor.id,
    actorName: ctx.user.displayName,
    comment: '导入在册监测户（迁移）',
    details: { migration: true, identifiedOn, eliminatedOn },
  });
  await writeAudit(tx, ctx.actor, {
    action: 'transition',
    entity: 'monitoring_household',
    entityId: id,
    before: { status: 'identifying' },
    after: { migration: true, status: after.status, identifiedOn, eliminatedOn: after.eliminatedOn, category },
  });
}
