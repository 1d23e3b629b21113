// 项目台账: projects matched by 项目编号, with their budget by kind of money and the date of each lifecycle step
// reached (the status is the last step dated: an export's 项目状态 column is for reading only).
import {
  FUNDS_LEDGERS,
  PROJECT_STATUSES,
  PROJECT_TYPES,
  type ProjectStatus,
  type ProjectType,
  STEP_DATE,
} from '@xiezuo/shared/contracts/funds';
import { getTableColumns, inArray } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { amount, date, divisionCode, enumOf } from '../../../platform/ledgers/columns';
import { defineLedger, naturalKeyOf } from '../../../platform/ledgers/types';
import { inScope } from '../../../platform/scope';
import { pairingLabelOf } from '../access';
import { allProjects, createProject, setSteps, updateProject } from '../projects';
import { fundProjects as fp, fundProjectBudgets as fpb } from '../tables';
import {
  type BudgetCells,
  budgetColumns,
  budgetKey,
  budgetsOf,
  pairingColumn,
  programmeColumn,
  programmesAndTeams,
  resolvePairings,
  resolveVillages,
  teamColumn,
  villagesColumn,
  villagesKey,
  zh,
} from './common';

type StepDates = {
  reservedOn: string;
  approvedOn: string | null;
  startedOn: string | null;
  completedOn: string | null;
  acceptedOn: string | null;
  handedOverOn: string | null;
};
type Row = BudgetCells &
  StepDates & {
    code: string;
    name: string;
    type: ProjectType;
    status?: ProjectStatus;
    divisionCode: string;
    villages?: string | null;
    programme: string | null;
    pairing: string | null;
    team: string | null;
    implementingUnit: string | null;
    plannedStart: string | null;
    plannedFinish: string | null;
    jobsCreated: number | null;
    assetType: string | null;
    assetValue: string | null;
    assetOwner: string | null;
    note: string | null;
    id?: number;
  };

const stepColumns = [
  date({
    key: 'reservedOn',
    header: '入库日期',
    headerEn: 'Reserved on',
    synonyms: ['储备入库日期'],
    required: true,
    example: '2026-02-10',
  }),
  date({ key: 'approvedOn', header: '批复日期', headerEn: 'Approved on', synonyms: ['立项批复日期', '立项日期'] }),
  date({ key: 'startedOn', header: '开工日期', headerEn: 'Started on', synonyms: ['实际开工日期'] }),
  date({ key: 'completedOn', header: '完工日期', headerEn: 'Completed on', synonyms: ['实际完工日期'] }),
  date({ key: 'acceptedOn', header: '验收日期', headerEn: 'Accepted on' }),
  date({ key: 'handedOverOn', header: '资产移交日期', headerEn: 'Handed over on', synonyms: ['移交日期'] }),
];

/** The last step dated, and the first step dated before the one it follows (a cell error). */
export function stepsOf(r: StepDates): { status: ProjectStatus; problem?: ErrorDetail } {
  let status: ProjectStatus = 'reserve';
  let last = r.reservedOn;
  for (const s of PROJECT_STATUSES.slice(1)) {
    const d = r[STEP_DATE[s]];
    if (!d) continue;
    if (d < last) return { status, problem: { path: STEP_DATE[s], key: 'funds.validation.stepDate', params: { date: last } } };
    last = d;
    status = s;
  }
  return { status };
}

export const projectLedger = defineLedger<Row>({
  key: FUNDS_LEDGERS.projects,
  title: '项目台账',
  titleEn: 'Projects',
  entity: 'fund_project',
  columns: [
    {
      key: 'code',
      header: '项目编号',
      headerEn: 'Code',
      synonyms: ['项目代码', '编号'],
      type: 'text',
      required: true,
      example: 'NK-LD-01',
      maxLength: 50,
    },
    { key: 'name', header: '项目名称', headerEn: 'Name', type: 'text', required: true, example: '梅瑞路道路亮化工程', maxLength: 200 },
    enumOf(PROJECT_TYPES, zh.types, {
      key: 'type',
      header: '项目类型',
      headerEn: 'Type',
      synonyms: ['项目类别'],
      required: true,
      example: '民生实事',
    }),
    enumOf(PROJECT_STATUSES, zh.statuses, { key: 'status', header: '项目状态', headerEn: 'Status', exportOnly: true }),
    divisionCode({
      key: 'divisionCode',
      header: '项目地点区划代码',
      headerEn: 'Place (division code)',
      synonyms: ['项目地点代码', '实施地点区划代码'],
      required: true,
      example: '441403106215',
    }),
    villagesColumn,
    programmeColumn,
    pairingColumn,
    teamColumn,
    {
      key: 'implementingUnit',
      header: '实施单位',
      headerEn: 'Implementing unit',
      synonyms: ['项目实施单位'],
      type: 'text',
      maxLength: 200,
    },
    date({ key: 'plannedStart', header: '计划开工日期', headerEn: 'Planned start', synonyms: ['计划开工'] }),
    date({ key: 'plannedFinish', header: '计划完工日期', headerEn: 'Planned finish', synonyms: ['计划完工'] }),
    ...budgetColumns,
    ...stepColumns,
    { key: 'jobsCreated', header: '带动就业人数', headerEn: 'Jobs created', synonyms: ['带动就业'], type: 'integer' },
    { key: 'assetType', header: '形成资产类型', headerEn: 'Asset type', synonyms: ['资产类型'], type: 'text', maxLength: 100 },
    amount({ key: 'assetValue', header: '资产价值', headerEn: 'Asset value', synonyms: ['资产金额'] }),
    { key: 'assetOwner', header: '资产所有人', headerEn: 'Asset owner', synonyms: ['资产归属', '产权归属'], type: 'text', maxLength: 200 },
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: ['code'],
  uniqueNaturalKey: true,
  tables: ['funds_projects', 'funds_project_budgets'],
  permissions: { import: 'funds.write', export: 'ledgers.export' },
  validate(row, ctx) {
    const problems: ErrorDetail[] = [];
    if (row.plannedStart && row.plannedFinish && row.plannedFinish < row.plannedStart)
      problems.push({ path: 'plannedFinish', key: 'funds.validation.dates' });
    if (row.jobsCreated != null && row.jobsCreated < 0)
      problems.push({ path: 'jobsCreated', key: 'validation.tooSmall', params: { min: 0 } });
    const { problem } = stepsOf(row);
    if (problem) problems.push(problem);
    if (!inScope(ctx.user.scope, { divisionCode: row.divisionCode })) problems.push({ path: 'divisionCode', key: 'errors.OUT_OF_SCOPE' });
    return problems;
  },
  async validateBatch(rows, ctx) {
    const found = await programmesAndTeams(ctx, { programmes: rows.map((r) => r.programme), teams: rows.map((r) => r.team) });
    const pairs = await resolvePairings(
      ctx,
      rows.filter((r) => r.pairing).map((r) => ({ label: r.pairing!, day: r.reservedOn })),
    );
    const villages = await resolveVillages(
      ctx,
      rows.map((r) => ({ place: r.divisionCode, cell: r.villages ?? '' })),
    );
    return rows.map((r, i) => {
      const problems: ErrorDetail[] = [];
      // the villages and the pairing as stored compare them (codes; the registry's 帮扶方 → 受帮扶方)
      const v = villages[i];
      if ('codes' in v) {
        if (r.villages != null) r.villages = villagesKey(v.codes);
      } else problems.push(v);
      if (r.pairing) {
        const p = pairs.get({ label: r.pairing, day: r.reservedOn })!;
        if ('id' in p) r.pairing = p.label;
        else problems.push(p);
      }
      if (r.programme && !found.programmeId.has(r.programme))
        problems.push({ path: 'programme', key: 'funds.validation.unknownProgramme', params: { name: r.programme } });
      if (r.team && !found.teamId.has(r.team))
        problems.push({ path: 'team', key: 'funds.validation.unknownTeam', params: { name: r.team } });
      return problems;
    });
  },
  async findExisting(tx, rows, ctx) {
    const found = await tx
      .select({ ...getTableColumns(fp), pairingLabel: pairingLabelOf(fp.pairingId) })
      .from(fp)
      .where(inArray(fp.code, [...new Set(rows.map((r) => r.code))]));
    const budgets = found.length
      ? await tx
          .select()
          .from(fpb)
          .where(
            inArray(
              fpb.projectId,
              found.map((f) => f.id),
            ),
          )
      : [];
    const names = await programmesAndTeams(ctx, { programmeIds: found.map((f) => f.programmeId), teamIds: found.map((f) => f.teamId) });
    const out = new Map<string, Row>();
    for (const f of found) {
      // another scope's project of the same code is not the importer's to overwrite
      if (!inScope(ctx.user.scope, f)) continue;
      const row = toLedgerRow(
        {
          ...f,
          programmeName: f.programmeId == null ? null : (names.programmeName.get(f.programmeId) ?? null),
          teamName: f.teamId == null ? null : (names.teamName.get(f.teamId) ?? null),
          villages: villagesKey(f.villageCodes),
        },
        budgets.filter((b) => b.projectId === f.id),
      );
      out.set(naturalKeyOf(projectLedger, row), row);
    }
    return out;
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    const rows = [...changes.insert, ...changes.update.map((u) => u.after)];
    const names = await programmesAndTeams(c, { programmes: rows.map((r) => r.programme), teams: rows.map((r) => r.team) });
    const pairs = await resolvePairings(
      c,
      rows.filter((r) => r.pairing).map((r) => ({ label: r.pairing!, day: r.reservedOn })),
    );
    const pairingIds = new Map(
      rows.flatMap((r) => {
        const p = r.pairing ? pairs.get({ label: r.pairing, day: r.reservedOn }) : undefined;
        return p && 'id' in p ? [[r.code, p.id] as const] : [];
      }),
    );
    const inputOf = (r: Row) => projectInput(r, names, pairingIds.get(r.code));
    for (const r of changes.insert) {
      const id = await createProject(c, inputOf(r));
      await setSteps(c, id, r);
    }
    for (const { before, after } of changes.update) {
      await updateProject(c, before.id!, inputOf(after));
      await setSteps(c, before.id!, after);
    }
  },
  async exportRows(ctx, filters) {
    const rows = await allProjects(ctx, filters);
    const budgets = rows.length
      ? await ctx.services.db
          .select()
          .from(fpb)
          .where(
            inArray(
              fpb.projectId,
              rows.map((r) => r.id),
            ),
          )
      : [];
    return rows.map((r) => {
      // villages by name, as the clerk reads them (a re-import finds them again inside the place)
      const { id: _id, ...row } = toLedgerRow(
        { ...r, assetValue: r.assetValue, villages: r.villageNames.length ? r.villageNames.join('、') : null },
        budgets.filter((b) => b.projectId === r.id),
      );
      return row;
    });
  },
});

type Stored = typeof fp.$inferSelect;
function toLedgerRow(
  f: Pick<Stored, keyof Omit<Row, keyof BudgetCells | 'programme' | 'team' | 'pairing' | 'villages'>> & {
    id: number;
    programmeName: string | null;
    pairingLabel: string | null;
    teamName: string | null;
    villages: string | null;
  },
  budgets: { kind: string; amount: string }[],
): Row {
  const cells = Object.fromEntries(
    budgetColumns.map((c) => [c.key, budgets.find((b) => budgetKey(b.kind as never) === c.key)?.amount ?? null]),
  );
  return {
    id: f.id,
    code: f.code,
    name: f.name,
    type: f.type,
    status: f.status,
    divisionCode: f.divisionCode,
    villages: f.villages,
    programme: f.programmeName,
    pairing: f.pairingLabel,
    team: f.teamName,
    implementingUnit: f.implementingUnit,
    plannedStart: f.plannedStart,
    plannedFinish: f.plannedFinish,
    ...(cells as BudgetCells),
    reservedOn: f.reservedOn,
    approvedOn: f.approvedOn,
    startedOn: f.startedOn,
    completedOn: f.completedOn,
    acceptedOn: f.acceptedOn,
    handedOverOn: f.handedOverOn,
    jobsCreated: f.jobsCreated,
    assetType: f.assetType,
    assetValue: f.assetValue,
    assetOwner: f.assetOwner,
    note: f.note,
  };
}

/**
 * A row as the API's input; a programme, pairing or team left empty is left as it was (an older ledger has no
 * such columns), and so are the villages when the file has no 受益村 column (an empty cell of it clears them).
 */
function projectInput(r: Row, names: Awaited<ReturnType<typeof programmesAndTeams>>, pairingId: number | undefined) {
  return {
    code: r.code,
    name: r.name,
    type: r.type,
    divisionCode: r.divisionCode,
    ...(r.programme ? { programmeId: names.programmeId.get(r.programme) } : {}),
    ...(r.team ? { teamId: names.teamId.get(r.team) } : {}),
    ...(r.pairing && pairingId != null ? { pairingId } : {}),
    ...(r.villages !== undefined ? { villageCodes: r.villages ? r.villages.split('、') : [] } : {}),
    implementingUnit: r.implementingUnit,
    plannedStart: r.plannedStart,
    plannedFinish: r.plannedFinish,
    reservedOn: r.reservedOn,
    budgets: budgetsOf(r),
    jobsCreated: r.jobsCreated,
    assetType: r.assetType,
    assetValue: r.assetValue == null ? null : Number(r.assetValue),
    assetOwner: r.assetOwner,
    note: r.note,
  };
}
