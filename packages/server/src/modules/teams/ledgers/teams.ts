// 工作队台账 (the team list itself), created and corrected through the module's services (scope, audit).
// A team is known by its name under its parent. Parents, programmes and lead units are named, not numbered:
// a parent is an existing team or a new one on an earlier row of the same file (a 指挥部 and its 工作队 in
// one file); the lead unit's name must be unique.
import { TEAM_KINDS, TEAMS_LEDGERS, type TeamKind } from '@xiezuo/shared/contracts/teams';
import { asc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../../platform/db/client';
import type { ErrorDetail } from '../../../platform/http/errors';
import { date, divisionCode, enumOf } from '../../../platform/ledgers/columns';
import { defineLedger, type LedgerContext, naturalKeyOf } from '../../../platform/ledgers/types';
import { inScope } from '../../../platform/scope';
import { programmes, units } from '../../registry';
import { dbOf } from '../access';
import { teams } from '../tables';
import { createTeam, listTeams, updateTeam } from '../teams';
import { zh } from './common';

const TEAM_KEY = { naturalKey: ['name', 'parent'] };
type TeamLedgerRow = {
  name: string;
  kind: TeamKind;
  parent: string | null;
  divisionCode: string;
  programme: string | null;
  leadUnit: string | null;
  startDate: string | null;
  endDate: string | null;
  note: string | null;
  id?: number;
};

const parentTeams = alias(teams, 'parent_team');
/** Teams as ledger rows, with their parent's, programme's and lead unit's names; `where` narrows them. */
function teamLedgerRows(db: Db | Tx, where: SQL) {
  return db
    .select({
      id: teams.id,
      name: teams.name,
      kind: teams.kind,
      parent: parentTeams.name,
      divisionCode: teams.divisionCode,
      programme: programmes.name,
      leadUnit: units.name,
      startDate: teams.startDate,
      endDate: teams.endDate,
      note: teams.note,
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

const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v != null))];
const groupBy = <T, K>(rows: T[], key: (r: T) => K) => {
  const out = new Map<K, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
};

/** What a batch of rows names, looked up at once: the stored teams of its names and parents' names, its programmes and lead units. */
async function namedIn(db: Db | Tx, rows: TeamLedgerRow[]) {
  const teamNames = unique(rows.flatMap((r) => [r.name, r.parent]));
  const programmeNames = unique(rows.map((r) => r.programme));
  const unitNames = unique(rows.map((r) => r.leadUnit));
  // one after another: inside a commit they share the import's transaction
  const stored = teamNames.length ? await teamLedgerRows(db, inArray(teams.name, teamNames)) : [];
  const progs = programmeNames.length
    ? await db
        .select({ id: programmes.id, name: programmes.name })
        .from(programmes)
        .where(inArray(programmes.name, programmeNames))
        .orderBy(asc(programmes.id))
    : [];
  const us = unitNames.length ? await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.name, unitNames)) : [];
  return { teams: groupBy(stored, (t) => t.name), programmes: groupBy(progs, (p) => p.name), units: groupBy(us, (u) => u.name) };
}
type Named = Awaited<ReturnType<typeof namedIn>>;

/** Names in the row → ids; a name that does not resolve is reported under its column. */
function resolveTeamRefs(ctx: LedgerContext, named: Named, row: TeamLedgerRow) {
  const scope = ctx.user.scope;
  const problems: ErrorDetail[] = [];
  let parent: { id?: number; divisionCode: string } | undefined;
  if (row.parent != null) {
    const earlier = newTeamsOf(ctx).get(row.parent);
    // the stored teams of that name the user sees (at commit a parent new in this file is `earlier`, not another team)
    const existing = (named.teams.get(row.parent) ?? []).filter(
      (t) => inScope(scope, { teamId: t.id, divisionCode: t.divisionCode }) && t.id !== earlier?.id,
    );
    // a parent is named, so the name must point at one team: new in this file or already kept, not both
    if ((earlier?.count ?? 0) + existing.length > 1)
      problems.push({ path: 'parent', key: 'teams.validation.ambiguousParent', params: { name: row.parent } });
    // a new parent (no id yet) must lie in the user's divisions: its id will not be in their team scope
    else if (earlier && (earlier.id != null || inScope(scope, { divisionCode: earlier.divisionCode }))) parent = earlier;
    else if (!earlier && existing.length === 1) parent = { id: existing[0].id, divisionCode: existing[0].divisionCode };
    if (!parent && !problems.length) problems.push({ path: 'parent', key: 'teams.validation.noParent' });
  }
  let programmeId: number | null = null;
  if (row.programme != null) {
    const [p] = named.programmes.get(row.programme) ?? [];
    if (p) programmeId = p.id;
    else problems.push({ path: 'programme', key: 'registry.errors.programmeUnknownByName', params: { name: row.programme } });
  }
  let leadUnitId: number | null = null;
  if (row.leadUnit != null) {
    const found = named.units.get(row.leadUnit) ?? [];
    if (found.length === 1) leadUnitId = found[0].id;
    else
      problems.push({
        path: 'leadUnit',
        key: found.length ? 'teams.validation.ambiguousUnit' : 'teams.validation.noUnitByName',
        params: { name: row.leadUnit },
      });
  }
  return { problems, parentId: parent?.id ?? null, programmeId, leadUnitId };
}

export const teamLedger = defineLedger<TeamLedgerRow>({
  key: TEAMS_LEDGERS.teams,
  title: '工作队台账',
  titleEn: 'Teams',
  entity: 'team',
  columns: [
    {
      key: 'name',
      header: '队伍名称',
      headerEn: 'Name',
      synonyms: ['名称', '工作队'],
      type: 'text',
      required: true,
      maxLength: 100,
      example: '荔湾驻石扇镇帮扶工作队（演示）',
    },
    enumOf(TEAM_KINDS, zh.kinds, {
      key: 'kind',
      header: '队伍类型',
      headerEn: 'Kind',
      synonyms: ['类型'],
      required: true,
      example: '工作队',
    }),
    {
      key: 'parent',
      header: '上级队伍',
      headerEn: 'Parent team',
      synonyms: ['上级'],
      type: 'text',
      note: '须已存在，或在本表前面的行中新建；顶层指挥部留空',
      example: '荔湾区派驻梅县区驻镇帮扶工作组',
    },
    divisionCode({
      header: '驻地区划代码',
      headerEn: 'Station division code',
      synonyms: ['驻地代码'],
      required: true,
      example: '441403104000',
    }),
    { key: 'programme', header: '协作项目', headerEn: 'Programme', type: 'text', example: '广东驻镇帮镇扶村 第二轮' },
    { key: 'leadUnit', header: '牵头单位', headerEn: 'Lead unit', type: 'text', note: '须已在单位台账中登记', example: '' },
    date({ key: 'startDate', header: '开始日期', headerEn: 'Start', example: '2024-07-01' }),
    date({ key: 'endDate', header: '结束日期', headerEn: 'End' }),
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text', maxLength: 1000 },
  ],
  naturalKey: TEAM_KEY.naturalKey,
  tables: ['teams'],
  permissions: { import: 'registry.write', export: 'ledgers.export' }, // importing writes the registry: as the API, registry.write
  validate: (row) =>
    row.endDate && row.startDate && row.endDate < row.startDate ? [{ path: 'endDate', key: 'teams.validation.dates' }] : [],
  /** In file order: a row accepted as a new team may be the parent of the rows after it. */
  async validateBatch(rows, ctx) {
    const named = await namedIn(ctx.services.db, rows);
    return rows.map((row) => {
      const { problems, parentId } = resolveTeamRefs(ctx, named, row);
      if (!inScope(ctx.user.scope, { divisionCode: row.divisionCode, teamId: parentId }))
        problems.push({ path: 'divisionCode', key: 'errors.OUT_OF_SCOPE' });
      // the same team (name under parent) kept by someone else, outside this user's scope: not theirs to overwrite
      const same = (named.teams.get(row.name) ?? []).filter((t) => (t.parent ?? '') === (row.parent ?? ''));
      if (same.some((t) => !inScope(ctx.user.scope, { teamId: t.id, divisionCode: t.divisionCode })))
        problems.push({ path: 'name', key: 'errors.OUT_OF_SCOPE' });
      // a new team: later rows of the file may name it as their parent
      if (!problems.length && !same.length) rememberNewTeam(ctx, row.name, { divisionCode: row.divisionCode });
      return problems;
    });
  },
  async findExisting(tx, rows) {
    const found = await teamLedgerRows(tx, inArray(teams.name, [...new Set(rows.map((r) => r.name))]));
    return new Map(found.map((r) => [naturalKeyOf(TEAM_KEY, r), r]));
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    const named = await namedIn(tx, [...changes.insert, ...changes.update.map((u) => u.after)]);
    const fields = (r: TeamLedgerRow) => {
      const { parentId, programmeId, leadUnitId } = resolveTeamRefs(ctx, named, r);
      return {
        parentId,
        fields: {
          kind: r.kind,
          divisionCode: r.divisionCode,
          programmeId,
          leadUnitId,
          startDate: r.startDate,
          endDate: r.endDate,
          note: r.note,
        },
      };
    };
    // in file order: a parent new in this file is written (and remembered with its id) before the rows under it
    for (const r of changes.insert) {
      const { parentId, fields: f } = fields(r);
      const id = await createTeam(c, { name: r.name, parentId, ...f });
      rememberNewTeam(ctx, r.name, { divisionCode: r.divisionCode, id });
    }
    for (const { before, after } of changes.update) await updateTeam(c, before.id!, fields(after).fields);
  },
  async exportRows(ctx, filters) {
    const visible = await listTeams(ctx, { programmeId: filters.programmeId ? Number(filters.programmeId) : undefined, q: filters.q });
    if (!visible.length) return [];
    const rows = await teamLedgerRows(
      dbOf(ctx),
      inArray(
        teams.id,
        visible.map((t) => t.id),
      ),
    );
    return rows.sort((a, b) => a.id - b.id).map(({ id: _id, ...r }) => r);
  },
});
