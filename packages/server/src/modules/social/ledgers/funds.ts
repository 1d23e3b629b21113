// 社会帮扶资金台账: one donor's money for one purpose a row — pledged (认捐) and received (到位), place (town, village),
// the team that raised it and the codes of the projects (协作项目) it paid for.
import { DONOR_KINDS, type DonorKind, FUND_PURPOSES, type FundPurpose, SOCIAL_LEDGERS } from '@xiezuo/shared/contracts/social';
import { and, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import type { ErrorDetail } from '../../../platform/http/errors';
import { amount, date, enumOf } from '../../../platform/ledgers/columns';
import { defineLedger, naturalKeyOf } from '../../../platform/ledgers/types';
import { allFunds, createFund, projectProblems, updateFund } from '../funds';
import { socialFunds as F } from '../tables';
import {
  namedTeams,
  type PlaceCells,
  placeCells,
  placeColumns,
  placeOf,
  placeProblems,
  type TeamCell,
  teamColumn,
  teamIdOf,
  teamIdsOf,
  teamProblems,
  unique,
  zh,
} from './common';

/** 资助项目编号 as written: codes separated by 、 , ; or spaces. */
const codesOf = (cell: string | null | undefined) => unique((cell ?? '').split(/[、,，;；\s]+/).filter(Boolean));

type Row = PlaceCells &
  TeamCell & {
    donorName: string;
    donorKind: DonorKind;
    purpose: FundPurpose;
    purposeNote: string | null;
    pledgedOn: string;
    pledgedAmount: string;
    receivedAmount: string | null;
    receivedOn: string | null;
    projectCodes: string | null;
    note: string | null;
    id?: number;
  };

const cells = (f: {
  id?: number;
  donorName: string;
  donorKind: DonorKind;
  purpose: FundPurpose;
  purposeNote: string | null;
  divisionCode: string;
  pledgedOn: string;
  pledgedAmount: string | number;
  receivedAmount: string | number;
  receivedOn: string | null;
  projectCodes: string[];
  team: string | null;
  note: string | null;
}): Row => ({
  ...(f.id ? { id: f.id } : {}),
  donorName: f.donorName,
  donorKind: f.donorKind,
  purpose: f.purpose,
  purposeNote: f.purposeNote,
  ...placeCells(f.divisionCode, 'town'),
  pledgedOn: f.pledgedOn,
  pledgedAmount: Number(f.pledgedAmount).toFixed(2),
  receivedAmount: Number(f.receivedAmount) > 0 ? Number(f.receivedAmount).toFixed(2) : null,
  receivedOn: f.receivedOn,
  projectCodes: f.projectCodes.length ? f.projectCodes.join('、') : null,
  team: f.team,
  note: f.note,
});

function input(row: Row, teams: Map<string, number>) {
  const { id: _id, town, village, county: _c, team: _t, projectCodes, ...r } = row;
  return {
    ...r,
    ...teamIdOf(teams, row),
    projectCodes: codesOf(projectCodes),
    donorKind: r.donorKind ?? 'unit', // whenMissing: the file has no such column
    divisionCode: placeOf({ town, village }),
    pledgedAmount: Number(r.pledgedAmount),
    receivedAmount: r.receivedAmount == null ? 0 : Number(r.receivedAmount),
  };
}

const NATURAL_KEY = ['donorName', 'pledgedOn', 'purpose', 'town', 'village'];

export const fundLedger = defineLedger<Row>({
  key: SOCIAL_LEDGERS.funds,
  title: '社会帮扶资金台账',
  titleEn: 'Social funds',
  entity: 'social_fund',
  columns: [
    {
      key: 'donorName',
      header: '捐资方',
      headerEn: 'Donor',
      synonyms: ['捐赠方', '捐资单位', '出资方', '捐赠单位'],
      type: 'text',
      required: true,
      example: '广州市荔湾区站前街道',
    },
    enumOf(DONOR_KINDS, zh.donorKinds, {
      key: 'donorKind',
      header: '捐资方类型',
      headerEn: 'Donor kind',
      synonyms: ['捐赠方类型'],
      emptyAs: 'unit',
      whenMissing: 'unit',
      example: '单位',
    }),
    enumOf(FUND_PURPOSES, zh.purposes, {
      key: 'purpose',
      header: '用途类别',
      headerEn: 'Purpose',
      synonyms: ['资金用途类别'],
      required: true,
      example: '基础设施',
    }),
    {
      key: 'purposeNote',
      header: '用途说明',
      headerEn: 'Purpose detail',
      synonyms: ['资金用途', '用途', '项目名称'],
      type: 'text',
      example: '南龙村道路亮化工程',
    },
    ...placeColumns('town', 'village', ['南口镇', '']),
    date({
      key: 'pledgedOn',
      header: '认捐日期',
      headerEn: 'Pledged on',
      synonyms: ['日期', '筹集日期'],
      required: true,
      example: '2025-04-01',
    }),
    amount({
      key: 'pledgedAmount',
      header: '认捐金额（元）',
      headerEn: 'Pledged (yuan)',
      synonyms: ['认捐金额', '筹集金额', '承诺金额'],
      required: true,
      example: 200000,
    }),
    amount({
      key: 'receivedAmount',
      header: '到位金额（元）',
      headerEn: 'Received (yuan)',
      synonyms: ['到位金额', '实际到位'],
      example: 200000,
    }),
    date({ key: 'receivedOn', header: '到位日期', headerEn: 'Received on', example: '2025-04-20' }),
    {
      key: 'projectCodes',
      header: '资助项目编号',
      headerEn: 'Project codes',
      synonyms: ['项目编号', '关联项目', '资助项目', '协作项目编号'],
      type: 'text',
      note: '资金用于的协作项目（资金项目模块的项目编号），多个用「、」分隔',
      example: 'MX-2025-001',
    },
    teamColumn,
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: NATURAL_KEY,
  permissions: { import: 'social.write', export: 'ledgers.export' },
  validate(row, ctx) {
    const problems: ErrorDetail[] = placeProblems(ctx, placeOf(row), 'town');
    if (Number(row.receivedAmount ?? 0) > 0 && !row.receivedOn) problems.push({ path: 'receivedOn', key: 'social.validation.receivedOn' });
    if (row.receivedOn && row.receivedOn < row.pledgedOn) problems.push({ path: 'receivedOn', key: 'social.validation.dates' });
    return problems;
  },
  async validateBatch(rows, ctx) {
    const teams = await teamProblems(rows, ctx);
    const missing = new Set(await projectProblems(ctx, unique(rows.flatMap((r) => codesOf(r.projectCodes)))));
    return rows.map((r, i) => [
      ...teams[i],
      ...codesOf(r.projectCodes)
        .filter((c) => missing.has(c))
        .map((code) => ({ path: 'projectCodes', key: 'social.validation.noProject', params: { code } })),
    ]);
  },
  async findExisting(tx, rows, ctx) {
    const found = await tx
      .select()
      .from(F)
      .where(and(inArray(F.pledgedOn, unique(rows.map((r) => r.pledgedOn))), inArray(F.donorName, unique(rows.map((r) => r.donorName)))));
    const named = await namedTeams({ ...ctx, tx } as Ctx, found);
    return new Map(named.map((f) => [naturalKeyOf({ naturalKey: NATURAL_KEY }, cells(f)), cells(f)]));
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    const teams = await teamIdsOf(c, [...changes.insert, ...changes.update.map((u) => u.after)]);
    for (const r of changes.insert) await createFund(c, input(r, teams));
    for (const { before, after } of changes.update) await updateFund(c, before.id!, input(after, teams));
  },
  async exportRows(ctx, filters) {
    return (await namedTeams(ctx, await allFunds(ctx, filters))).map(({ id: _id, ...f }) => cells(f));
  },
});
