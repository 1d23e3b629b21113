// 互访调研台账: one delegation a row — dates, leader level, who led it, direction, from where (county) to which
// place (county and town), purpose.
import { SOCIAL_LEDGERS, VISIT_DIRECTIONS, VISITOR_LEVELS, type VisitDirection, type VisitorLevel } from '@xiezuo/shared/contracts/social';
import { and, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import type { ErrorDetail } from '../../../platform/http/errors';
import { date, divisionByName, enumOf } from '../../../platform/ledgers/columns';
import { defineLedger, naturalKeyOf } from '../../../platform/ledgers/types';
import { socialVisits as V } from '../tables';
import { allVisits, createVisit, updateVisit } from '../visits';
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

type Row = PlaceCells &
  TeamCell & {
    startedOn: string;
    endedOn: string | null;
    visitorLevel: VisitorLevel;
    visitors: string;
    direction: VisitDirection;
    from: string;
    purpose: string | null;
    note: string | null;
    id?: number;
  };

const cells = (v: {
  id?: number;
  startedOn: string;
  endedOn: string | null;
  visitorLevel: VisitorLevel;
  visitors: string;
  direction: VisitDirection;
  fromDivisionCode: string;
  divisionCode: string;
  purpose: string | null;
  team: string | null;
  note: string | null;
}): Row => ({
  ...(v.id ? { id: v.id } : {}),
  startedOn: v.startedOn,
  endedOn: v.endedOn,
  visitorLevel: v.visitorLevel,
  visitors: v.visitors,
  direction: v.direction,
  from: v.fromDivisionCode,
  ...placeCells(v.divisionCode, 'county'),
  purpose: v.purpose,
  team: v.team,
  note: v.note,
});

function input(row: Row, teams: Map<string, number>) {
  const { id: _id, county, town, village: _v, from, team: _t, ...r } = row;
  return {
    ...r,
    ...teamIdOf(teams, row),
    direction: r.direction ?? 'to_helped', // whenMissing: the file has no such column
    fromDivisionCode: from,
    divisionCode: placeOf({ county, town }),
  };
}

const NATURAL_KEY = ['startedOn', 'visitors', 'county', 'town'];

export const visitLedger = defineLedger<Row>({
  key: SOCIAL_LEDGERS.visits,
  title: '互访调研台账',
  titleEn: 'High-level visits',
  entity: 'social_visit',
  columns: [
    date({
      key: 'startedOn',
      header: '开始日期',
      headerEn: 'Start',
      synonyms: ['日期', '调研日期', '时间'],
      required: true,
      example: '2025-07-10',
    }),
    date({ key: 'endedOn', header: '结束日期', headerEn: 'End' }),
    enumOf(VISITOR_LEVELS, zh.visitorLevels, {
      key: 'visitorLevel',
      header: '带队领导层级',
      headerEn: 'Leader level',
      synonyms: ['领导层级', '层级'],
      required: true,
      words: { 主要负责同志: 'main_leader', 主要领导: 'main_leader', 党政主要领导: 'main_leader', 班子成员: 'leader', 分管领导: 'leader' },
      example: '党政主要负责同志',
    }),
    {
      key: 'visitors',
      header: '带队领导',
      headerEn: 'Led by',
      synonyms: ['带队领导（职务）', '领导姓名及职务'],
      type: 'text',
      required: true,
      example: '荔湾区委书记',
    },
    enumOf(VISIT_DIRECTIONS, zh.directions, {
      key: 'direction',
      header: '互访方向',
      headerEn: 'Direction',
      synonyms: ['方向'],
      emptyAs: 'to_helped',
      whenMissing: 'to_helped',
      words: { 帮扶方到受帮扶地: 'to_helped', 受帮扶方到帮扶地: 'to_helper', 来: 'to_helped', 往: 'to_helper' },
      example: '帮扶方赴受帮扶地',
    }),
    divisionByName({
      generic: false,
      key: 'from',
      level: 'county',
      header: '出发地（县区）',
      headerEn: 'From (county)',
      synonyms: ['出发地', '派出地'],
      required: true,
      example: '荔湾区',
    }),
    ...placeColumns('county', 'town', ['梅县区', '畲江镇']),
    { key: 'purpose', header: '调研内容', headerEn: 'Purpose', synonyms: ['主要内容', '调研事项', '事由'], type: 'text' },
    teamColumn,
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: NATURAL_KEY,
  permissions: { import: 'social.write', export: 'ledgers.export' },
  validate(row, ctx) {
    const problems: ErrorDetail[] = [];
    const to = placeOf(row);
    if (placeProblems(ctx, to, 'county').length && placeProblems(ctx, row.from, 'from').length)
      problems.push(...placeProblems(ctx, to, 'county'));
    if (row.endedOn && row.endedOn < row.startedOn) problems.push({ path: 'endedOn', key: 'social.validation.dates' });
    if (row.from === to) problems.push({ path: 'from', key: 'social.validation.sameSide' });
    return problems;
  },
  validateBatch: teamProblems,
  async findExisting(tx, rows, ctx) {
    const found = await tx
      .select()
      .from(V)
      .where(and(inArray(V.startedOn, unique(rows.map((r) => r.startedOn))), inArray(V.visitors, unique(rows.map((r) => r.visitors)))));
    const named = await namedTeams({ ...ctx, tx } as Ctx, found);
    return new Map(named.map((v) => [naturalKeyOf({ naturalKey: NATURAL_KEY }, cells(v)), cells(v)]));
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    const teams = await teamIdsOf(c, [...changes.insert, ...changes.update.map((u) => u.after)]);
    for (const r of changes.insert) await createVisit(c, input(r, teams));
    for (const { before, after } of changes.update) await updateVisit(c, before.id!, input(after, teams));
  },
  async exportRows(ctx, filters) {
    return (await namedTeams(ctx, await allVisits(ctx, filters))).map(({ id: _id, ...v }) => cells(v));
  },
});
