// Ledgers (台账) of the teams module: dispatched people (ID number sensitive: masked in exports), team
// members by round, and talent exchanges. Writes go through the same services as the API (scope, audit).
import { TEAMS_LEDGERS } from '@xiezuo/shared/contracts/teams';
import { CADRE_KINDS, EXCHANGE_KINDS, GENDERS, MEMBER_ROLES, TEAM_KINDS } from '@xiezuo/shared/contracts/teams';
import { catalogues } from '@xiezuo/shared/i18n/index';
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../platform/db/client';
import type { ErrorDetail } from '../../platform/http/errors';
import { inScope } from '../../platform/scope';
import { defineLedger, type LedgerColumn, type LedgerContext, naturalKeyOf } from '../../platform/ledgers/types';
import { allCadres, createCadre, updateCadre } from './cadres';
import { allExchanges, createExchange, updateExchange } from './exchanges';
import { listMembers, listTeams } from './repository';
import { addMember, createTeam, updateMember, updateTeam } from './service';
import { programmes, units } from '../registry';
import { cadres, talentExchanges, teamMembers, teams } from './tables';

const zh = catalogues['zh-CN'].teams;
const options = <K extends string>(values: readonly K[], labels: Record<K, string>) => values.map((value) => ({ value, label: labels[value] }));

const idNumberColumn: LedgerColumn = {
  key: 'idNumber', header: '身份证号', headerEn: 'ID number', synonyms: ['身份证号码', '公民身份号码', '证件号码'],
  type: 'idNumber', required: true, sensitive: true, example: '11010519491231002X',
};
const teamColumn: LedgerColumn = { key: 'team', header: '所在队伍', headerEn: 'Team', synonyms: ['工作队', '队伍名称'], type: 'text', example: '荔湾驻丙村镇帮扶工作队' };

/** Team names the user may see → ids. Inside write() pass its transaction: PGlite serves one query at a time. */
async function teamIdsByName(ctx: LedgerContext, db: Db | Tx = ctx.services.db) {
  const rows = await listTeams(db, ctx.user.scope);
  return new Map(rows.map((r) => [r.name, { id: r.id, divisionCode: r.divisionCode }]));
}

async function checkTeam(name: unknown, ctx: LedgerContext, path = 'team'): Promise<ErrorDetail[]> {
  if (name == null) return [];
  return (await teamIdsByName(ctx)).has(String(name)) ? [] : [{ path, key: 'teams.validation.noTeam' }];
}

// ---- 援派干部人才台账 ----
type CadreLedgerRow = {
  name: string; gender: string; phone: string | null; idNumber: string; kind: string; sendingUnit: string;
  localPost: string | null; team: string | null; divisionCode: string | null; dispatchStart: string; dispatchEnd: string | null; note: string | null;
  id?: number;
};

export const cadreLedger = defineLedger<CadreLedgerRow>({
  key: TEAMS_LEDGERS.cadres,
  title: '援派干部和专业技术人才台账',
  titleEn: 'Dispatched cadres and professionals',
  entity: 'cadre',
  columns: [
    { key: 'name', header: '姓名', headerEn: 'Name', type: 'text', required: true, example: '张三（演示）' },
    { key: 'gender', header: '性别', headerEn: 'Gender', type: 'enum', required: true, options: options(GENDERS, zh.genders), example: '男' },
    { key: 'phone', header: '联系电话', headerEn: 'Phone', synonyms: ['手机号码', '电话'], type: 'phone', example: '13800001234' },
    idNumberColumn,
    { key: 'kind', header: '人员类别', headerEn: 'Category', type: 'enum', required: true, options: options(CADRE_KINDS, zh.cadreKinds), example: '党政干部' },
    { key: 'sendingUnit', header: '派出单位', headerEn: 'Sending unit', type: 'text', required: true, example: '广州市荔湾区多宝街道办事处' },
    { key: 'localPost', header: '挂职职务', headerEn: 'Local post', synonyms: ['挂职'], type: 'text', example: '丙村镇党委副书记' },
    teamColumn,
    { key: 'divisionCode', header: '驻地区划代码', headerEn: 'Station division code', type: 'divisionCode', note: '不填则取所在队伍的驻地', example: '441403113000' },
    { key: 'dispatchStart', header: '派驻开始日期', headerEn: 'Dispatch start', type: 'date', required: true, example: '2024-07-01' },
    { key: 'dispatchEnd', header: '派驻结束日期', headerEn: 'Dispatch end', type: 'date', example: '2027-06-30' },
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: ['idNumber'],
  permissions: { import: 'registry.write', export: 'ledgers.export' }, // importing writes the registry: as the API, registry.write
  async validate(row, ctx) {
    const problems = await checkTeam(row.team, ctx);
    if (row.team == null && row.divisionCode == null) problems.push({ path: 'divisionCode', key: 'validation.required' });
    if (row.dispatchEnd && row.dispatchEnd < row.dispatchStart) problems.push({ path: 'dispatchEnd', key: 'teams.validation.dates' });
    if (row.divisionCode && !inScope(ctx.user.scope, { divisionCode: row.divisionCode })) problems.push({ path: 'divisionCode', key: 'errors.OUT_OF_SCOPE' });
    // the same person registered by someone else, outside this user's scope: not theirs to overwrite
    const [other] = await ctx.services.db
      .select({ teamId: cadres.teamId, divisionCode: cadres.divisionCode })
      .from(cadres)
      .where(eq(cadres.idNumberHash, ctx.services.cipher.hash(row.idNumber)));
    if (other && !inScope(ctx.user.scope, other)) problems.push({ path: 'idNumber', key: 'errors.OUT_OF_SCOPE' });
    return problems;
  },
  async findExisting(tx, rows, ctx) {
    const byHash = new Map(rows.map((r) => [ctx.services.cipher.hash(r.idNumber), r]));
    const found = await tx
      .select({ id: cadres.id, teamName: teams.name, c: cadres })
      .from(cadres)
      .leftJoin(teams, eq(teams.id, cadres.teamId))
      .where(inArray(cadres.idNumberHash, [...byHash.keys()]));
    const out = new Map<string, CadreLedgerRow>();
    for (const { id, teamName, c } of found) {
      const row = toCadreLedgerRow(c, teamName, ctx.services.cipher.decrypt(c.idNumberCipher));
      out.set(naturalKeyOf(cadreLedger, row), { ...row, id });
    }
    return out;
  },
  async write(tx, changes, ctx) {
    const teamIds = await teamIdsByName(ctx, tx);
    const body = (r: CadreLedgerRow) => {
      const { team, divisionCode, id: _id, ...rest } = r;
      return { ...rest, gender: r.gender as never, kind: r.kind as never, teamId: team ? (teamIds.get(team)?.id ?? null) : null, divisionCode: divisionCode ?? undefined };
    };
    for (const r of changes.insert) await createCadre(ctx.services, ctx.user.scope, ctx.actor, body(r), tx);
    for (const { before, after } of changes.update) await updateCadre(ctx.services, ctx.user.scope, ctx.actor, before.id!, body(after), tx);
  },
  async exportRows(ctx, filters) {
    const rows = await allCadres(ctx.services.db, ctx.user.scope, {
      teamId: filters.teamId ? Number(filters.teamId) : undefined,
      divisionCode: filters.divisionCode,
      kind: filters.kind,
      onDuty: filters.onDuty === 'true' || filters.onDuty === 'false' ? filters.onDuty : undefined,
      q: filters.q,
    });
    return rows.map((r) => toCadreLedgerRow(r, r.teamName, ctx.services.cipher.decrypt(r.idNumberCipher)));
  },
});

function toCadreLedgerRow(
  c: Pick<typeof cadres.$inferSelect, 'name' | 'gender' | 'phone' | 'kind' | 'sendingUnit' | 'localPost' | 'divisionCode' | 'dispatchStart' | 'dispatchEnd' | 'note'>,
  teamName: string | null,
  idNumber: string,
): CadreLedgerRow {
  return {
    name: c.name, gender: c.gender, phone: c.phone, idNumber, kind: c.kind, sendingUnit: c.sendingUnit, localPost: c.localPost,
    team: teamName, divisionCode: c.divisionCode, dispatchStart: c.dispatchStart, dispatchEnd: c.dispatchEnd, note: c.note,
  };
}

// ---- 工作队成员台账 (members by round) ----
const MEMBER_KEY = { naturalKey: ['team', 'idNumber', 'round'] };
type MemberLedgerRow = { team: string; name: string; idNumber: string; role: string; round: number; startDate: string; endDate: string | null; id?: number };

export const memberLedger = defineLedger<MemberLedgerRow>({
  key: TEAMS_LEDGERS.members,
  title: '工作队成员台账',
  titleEn: 'Team members by round',
  entity: 'team_member',
  columns: [
    { ...teamColumn, required: true },
    { key: 'name', header: '姓名', headerEn: 'Name', type: 'text', required: true, example: '张三（演示）' },
    { ...idNumberColumn, note: '须先在援派干部人才台账中登记' },
    { key: 'role', header: '职务', headerEn: 'Role', type: 'enum', required: true, options: options(MEMBER_ROLES, zh.roles), example: '队员' },
    { key: 'round', header: '轮次', headerEn: 'Round', type: 'integer', required: true, example: 1 },
    { key: 'startDate', header: '开始日期', headerEn: 'Start', type: 'date', required: true, example: '2024-07-01' },
    { key: 'endDate', header: '结束日期', headerEn: 'End', type: 'date' },
  ],
  naturalKey: MEMBER_KEY.naturalKey,
  permissions: { import: 'registry.write', export: 'ledgers.export' }, // importing writes the registry: as the API, registry.write
  async validate(row, ctx) {
    const problems = await checkTeam(row.team, ctx);
    const [c] = await ctx.services.db.select({ id: cadres.id }).from(cadres).where(eq(cadres.idNumberHash, ctx.services.cipher.hash(row.idNumber)));
    if (!c) problems.push({ path: 'idNumber', key: 'teams.validation.noCadre' });
    if (row.endDate && row.endDate < row.startDate) problems.push({ path: 'endDate', key: 'teams.validation.dates' });
    return problems;
  },
  async findExisting(tx, rows, ctx) {
    const found = await memberRowsFor(tx, ctx, rows.map((r) => ctx.services.cipher.hash(r.idNumber)));
    return new Map(found.map((r) => [naturalKeyOf(MEMBER_KEY, r), r]));
  },
  async write(tx, changes, ctx) {
    const teamIds = await teamIdsByName(ctx, tx);
    for (const r of changes.insert) {
      const [c] = await tx.select({ id: cadres.id }).from(cadres).where(eq(cadres.idNumberHash, ctx.services.cipher.hash(r.idNumber)));
      await addMember(ctx.services.db, ctx.user.scope, ctx.actor, teamIds.get(r.team)!.id, { cadreId: c.id, role: r.role as never, round: r.round, startDate: r.startDate, endDate: r.endDate }, tx);
    }
    for (const { before, after } of changes.update) {
      await updateMember(ctx.services.db, ctx.user.scope, ctx.actor, before.id!, { role: after.role as never, startDate: after.startDate, endDate: after.endDate }, tx);
    }
  },
  async exportRows(ctx, filters) {
    const rows = await listMembers(ctx.services.db, ctx.user.scope, { teamId: filters.teamId ? Number(filters.teamId) : undefined, on: filters.on, round: filters.round ? Number(filters.round) : undefined });
    const ciphers = new Map(
      (await ctx.services.db.select({ id: cadres.id, c: cadres.idNumberCipher }).from(cadres).where(inArray(cadres.id, rows.length ? rows.map((r) => r.cadreId) : [0]))).map((r) => [r.id, r.c]),
    );
    return rows.map((r) => ({ team: r.teamName, name: r.name, idNumber: ctx.services.cipher.decrypt(ciphers.get(r.cadreId)!), role: r.role, round: r.round, startDate: r.startDate, endDate: r.endDate }));
  },
});

async function memberRowsFor(tx: Tx, ctx: LedgerContext, hashes: string[]): Promise<MemberLedgerRow[]> {
  if (!hashes.length) return [];
  const rows = await tx
    .select({ id: teamMembers.id, team: teams.name, name: cadres.name, cipher: cadres.idNumberCipher, role: teamMembers.role, round: teamMembers.round, startDate: teamMembers.startDate, endDate: teamMembers.endDate })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .innerJoin(cadres, eq(cadres.id, teamMembers.cadreId))
    .where(inArray(cadres.idNumberHash, hashes));
  return rows.map(({ cipher, ...r }) => ({ ...r, idNumber: ctx.services.cipher.decrypt(cipher) }));
}

// ---- 人才交流台账 ----
type ExchangeLedgerRow = {
  kind: string; personTimes: number; fromDivisionCode: string; toDivisionCode: string; startDate: string; endDate: string | null; note: string | null; id?: number;
};

export const exchangeLedger = defineLedger<ExchangeLedgerRow>({
  key: TEAMS_LEDGERS.exchanges,
  title: '人才交流台账',
  titleEn: 'Talent exchanges',
  entity: 'talent_exchange',
  columns: [
    { key: 'kind', header: '交流类别', headerEn: 'Kind', type: 'enum', required: true, options: options(EXCHANGE_KINDS, zh.exchangeKinds), example: '教师' },
    { key: 'personTimes', header: '人次', headerEn: 'Person-times', type: 'integer', required: true, example: 20 },
    { key: 'fromDivisionCode', header: '派出地区划代码', headerEn: 'From (division code)', type: 'divisionCode', required: true, example: '441284000000' },
    { key: 'toDivisionCode', header: '接收地区划代码', headerEn: 'To (division code)', type: 'divisionCode', required: true, example: '451123000000' },
    { key: 'startDate', header: '开始日期', headerEn: 'Start', type: 'date', required: true, example: '2024-09-01' },
    { key: 'endDate', header: '结束日期', headerEn: 'End', type: 'date' },
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: ['kind', 'fromDivisionCode', 'toDivisionCode', 'startDate'],
  permissions: { import: 'registry.write', export: 'ledgers.export' }, // importing writes the registry: as the API, registry.write
  validate(row, ctx) {
    const problems: ErrorDetail[] = [];
    if (row.personTimes <= 0) problems.push({ path: 'personTimes', key: 'validation.tooSmall', params: { min: 1 } });
    if (row.fromDivisionCode === row.toDivisionCode) problems.push({ path: 'toDivisionCode', key: 'teams.validation.sameSide' });
    if (!inScope(ctx.user.scope, { divisionCode: row.fromDivisionCode }) && !inScope(ctx.user.scope, { divisionCode: row.toDivisionCode })) {
      problems.push({ path: 'fromDivisionCode', key: 'errors.OUT_OF_SCOPE' });
    }
    return problems;
  },
  async findExisting(tx, rows) {
    const found = await tx
      .select()
      .from(talentExchanges)
      .where(and(inArray(talentExchanges.startDate, [...new Set(rows.map((r) => r.startDate))]), inArray(talentExchanges.kind, [...new Set(rows.map((r) => r.kind))])));
    const out = new Map<string, ExchangeLedgerRow>();
    for (const f of found) {
      const row = { id: f.id, kind: f.kind, personTimes: f.personTimes, fromDivisionCode: f.fromDivisionCode, toDivisionCode: f.toDivisionCode, startDate: f.startDate, endDate: f.endDate, note: f.note };
      out.set(naturalKeyOf(exchangeLedger, row), row);
    }
    return out;
  },
  async write(tx, changes, ctx) {
    for (const { id: _id, ...r } of changes.insert) await createExchange(ctx.services.db, ctx.user.scope, ctx.actor, { ...r, kind: r.kind as never }, tx);
    for (const { before, after } of changes.update) {
      const { id: _id, ...r } = after;
      await updateExchange(ctx.services.db, ctx.user.scope, ctx.actor, before.id!, { ...r, kind: r.kind as never }, tx);
    }
  },
  async exportRows(ctx, filters) {
    const rows = await allExchanges(ctx.services.db, ctx.user.scope, filters);
    return rows.map((r) => ({ kind: r.kind, personTimes: r.personTimes, fromDivisionCode: r.fromDivisionCode, toDivisionCode: r.toDivisionCode, startDate: r.startDate, endDate: r.endDate, note: r.note }));
  },
});

// ---- 工作队台账 (the team list itself) ----
// A team is known by its name under its parent. Parents, programmes and lead units are named, not numbered:
// a parent is an existing team or a new one on an earlier row of the same file (a 指挥部 and its 工作队 in
// one file); the lead unit's name must be unique.
const TEAM_KEY = { naturalKey: ['name', 'parent'] };
type TeamLedgerRow = {
  name: string; kind: string; parent: string | null; divisionCode: string; programme: string | null; leadUnit: string | null;
  startDate: string | null; endDate: string | null; note: string | null; id?: number;
};

const parentTeams = alias(teams, 'parent_team');
/** Teams as ledger rows, with their parent's, programme's and lead unit's names; `where` narrows them. */
function teamLedgerRows(db: Db | Tx, where: SQL) {
  return db
    .select({
      id: teams.id, name: teams.name, kind: teams.kind, parent: parentTeams.name, divisionCode: teams.divisionCode, programme: programmes.name,
      leadUnit: units.name, startDate: teams.startDate, endDate: teams.endDate, note: teams.note,
    })
    .from(teams)
    .leftJoin(parentTeams, eq(parentTeams.id, teams.parentId))
    .leftJoin(programmes, eq(programmes.id, teams.programmeId))
    .leftJoin(units, eq(units.id, teams.leadUnitId))
    .where(where);
}

/**
 * New teams of one import, by name, in file order: in the dry run those accepted so far (not yet written,
 * so no id), at commit those written so far (their id). A later row of the file may name one as its
 * parent; it is preferred to an existing team of the same name, in both passes alike. The ledger
 * context is one object per dry run and per commit, so nothing leaks between imports.
 */
const newTeams = new WeakMap<LedgerContext, Map<string, { divisionCode: string; id?: number; count: number }>>();
function newTeamsOf(ctx: LedgerContext) {
  let m = newTeams.get(ctx);
  if (!m) newTeams.set(ctx, (m = new Map()));
  return m;
}

/** A team new in this file; two of one name (under different parents) make the name ambiguous as a parent. */
function rememberNewTeam(ctx: LedgerContext, name: string, team: { divisionCode: string; id?: number }) {
  const known = newTeamsOf(ctx);
  known.set(name, { ...team, count: (known.get(name)?.count ?? 0) + 1 });
}

/** Names in the row → ids; a name that does not resolve is reported under its column. */
async function resolveTeamRefs(db: Db | Tx, ctx: LedgerContext, row: TeamLedgerRow) {
  const problems: ErrorDetail[] = [];
  let parent: { id?: number; divisionCode: string } | undefined;
  if (row.parent != null) {
    const earlier = newTeamsOf(ctx).get(row.parent);
    // (at commit a parent new in this file is already written: it is `earlier`, not another team)
    const existing = (await listTeams(db, ctx.user.scope)).filter((t) => t.name === row.parent && t.id !== earlier?.id);
    // a parent is named, so the name must point at one team: new in this file or already kept, not both
    if ((earlier?.count ?? 0) + existing.length > 1) problems.push({ path: 'parent', key: 'teams.validation.ambiguousParent', params: { name: row.parent } });
    // a new parent (no id yet) must lie in the user's divisions: its id will not be in their team scope
    else if (earlier && (earlier.id != null || inScope(ctx.user.scope, { divisionCode: earlier.divisionCode }))) parent = earlier;
    else if (!earlier && existing.length === 1) parent = { id: existing[0].id, divisionCode: existing[0].divisionCode };
    if (!parent && !problems.length) problems.push({ path: 'parent', key: 'teams.validation.noParent' });
  }
  let programmeId: number | null = null;
  if (row.programme != null) {
    const [p] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.name, row.programme));
    if (p) programmeId = p.id;
    else problems.push({ path: 'programme', key: 'registry.errors.programmeUnknownByName', params: { name: row.programme } });
  }
  let leadUnitId: number | null = null;
  if (row.leadUnit != null) {
    const found = await db.select({ id: units.id }).from(units).where(eq(units.name, row.leadUnit)).limit(2);
    if (found.length === 1) leadUnitId = found[0].id;
    else problems.push({ path: 'leadUnit', key: found.length ? 'teams.validation.ambiguousUnit' : 'teams.validation.noUnitByName', params: { name: row.leadUnit } });
  }
  return { problems, parentId: parent?.id ?? null, programmeId, leadUnitId };
}

export const teamLedger = defineLedger<TeamLedgerRow>({
  key: TEAMS_LEDGERS.teams,
  title: '工作队台账',
  titleEn: 'Teams',
  entity: 'team',
  columns: [
    { key: 'name', header: '队伍名称', headerEn: 'Name', synonyms: ['名称', '工作队'], type: 'text', required: true, maxLength: 100, example: '荔湾驻石扇镇帮扶工作队（演示）' },
    { key: 'kind', header: '队伍类型', headerEn: 'Kind', synonyms: ['类型'], type: 'enum', required: true, options: options(TEAM_KINDS, zh.kinds), example: '工作队' },
    { key: 'parent', header: '上级队伍', headerEn: 'Parent team', synonyms: ['上级'], type: 'text', note: '须已存在，或在本表前面的行中新建；顶层指挥部留空', example: '荔湾区派驻梅县区驻镇帮扶工作组' },
    { key: 'divisionCode', header: '驻地区划代码', headerEn: 'Station division code', synonyms: ['驻地代码'], type: 'divisionCode', required: true, example: '441403104000' },
    { key: 'programme', header: '协作项目', headerEn: 'Programme', type: 'text', example: '广东驻镇帮镇扶村 第二轮' },
    { key: 'leadUnit', header: '牵头单位', headerEn: 'Lead unit', type: 'text', note: '须已在单位台账中登记', example: '' },
    { key: 'startDate', header: '开始日期', headerEn: 'Start', type: 'date', example: '2024-07-01' },
    { key: 'endDate', header: '结束日期', headerEn: 'End', type: 'date' },
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text', maxLength: 1000 },
  ],
  naturalKey: TEAM_KEY.naturalKey,
  tables: ['teams'],
  permissions: { import: 'registry.write', export: 'ledgers.export' }, // importing writes the registry: as the API, registry.write
  async validate(row, ctx) {
    const db = ctx.services.db;
    const { problems, parentId } = await resolveTeamRefs(db, ctx, row);
    if (row.endDate && row.startDate && row.endDate < row.startDate) problems.push({ path: 'endDate', key: 'teams.validation.dates' });
    if (!inScope(ctx.user.scope, { divisionCode: row.divisionCode, teamId: parentId })) problems.push({ path: 'divisionCode', key: 'errors.OUT_OF_SCOPE' });
    // the same team (name under parent) kept by someone else, outside this user's scope: not theirs to overwrite
    const same = (await teamLedgerRows(db, eq(teams.name, row.name))).filter((t) => (t.parent ?? '') === (row.parent ?? ''));
    if (same.some((t) => !inScope(ctx.user.scope, { teamId: t.id, divisionCode: t.divisionCode }))) problems.push({ path: 'name', key: 'errors.OUT_OF_SCOPE' });
    // a new team: later rows of the file may name it as their parent
    if (!problems.length && !same.length) rememberNewTeam(ctx, row.name, { divisionCode: row.divisionCode });
    return problems;
  },
  async findExisting(tx, rows) {
    const found = await teamLedgerRows(tx, inArray(teams.name, [...new Set(rows.map((r) => r.name))]));
    return new Map(found.map((r) => [naturalKeyOf(TEAM_KEY, r), r]));
  },
  async write(tx, changes, ctx) {
    const body = async (r: TeamLedgerRow) => {
      const { parentId, programmeId, leadUnitId } = await resolveTeamRefs(tx, ctx, r);
      const fields = { kind: r.kind as never, divisionCode: r.divisionCode, programmeId, leadUnitId, startDate: r.startDate, endDate: r.endDate, note: r.note };
      return { parentId, fields };
    };
    // in file order: a parent new in this file is written before the rows under it
    for (const r of changes.insert) {
      const { parentId, fields } = await body(r);
      const id = await createTeam(ctx.services.db, ctx.user.scope, ctx.actor, { name: r.name, parentId, ...fields }, tx);
      rememberNewTeam(ctx, r.name, { divisionCode: r.divisionCode, id });
    }
    for (const { before, after } of changes.update) {
      await updateTeam(ctx.services.db, ctx.user.scope, ctx.actor, before.id!, (await body(after)).fields, tx);
    }
  },
  async exportRows(ctx, filters) {
    const visible = await listTeams(ctx.services.db, ctx.user.scope, { programmeId: filters.programmeId ? Number(filters.programmeId) : undefined, q: filters.q });
    if (!visible.length) return [];
    const rows = await teamLedgerRows(ctx.services.db, inArray(teams.id, visible.map((t) => t.id)));
    return rows.sort((a, b) => a.id - b.id).map(({ id: _id, ...r }) => r);
  },
});
export const teamsLedgers = [cadreLedger, memberLedger, exchangeLedger, teamLedger];
