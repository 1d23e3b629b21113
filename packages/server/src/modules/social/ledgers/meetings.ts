// 会议台账: one meeting a row — date, kind, level, title, place (county and town), both sides' attendees, topics.
// Decisions are followed on the meeting's page (议定事项), not in this ledger.
import { MEETING_KINDS, MEETING_LEVELS, type MeetingKind, type MeetingLevel, SOCIAL_LEDGERS } from '@xiezuo/shared/contracts/social';
import { and, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { date, enumOf } from '../../../platform/ledgers/columns';
import { defineLedger, naturalKeyOf } from '../../../platform/ledgers/types';
import { allMeetings, createMeeting, updateMeeting } from '../meetings';
import { socialMeetings as M } from '../tables';
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
    heldOn: string;
    kind: MeetingKind;
    level: MeetingLevel;
    title: string;
    place: string | null;
    helperAttendees: string | null;
    helpedAttendees: string | null;
    topics: string | null;
    note: string | null;
    id?: number;
  };

const cells = (m: Omit<Row, 'county' | 'town' | 'village'> & { divisionCode: string; id?: number }): Row => ({
  ...(m.id ? { id: m.id } : {}),
  heldOn: m.heldOn,
  kind: m.kind,
  level: m.level,
  title: m.title,
  ...placeCells(m.divisionCode, 'county'),
  place: m.place,
  helperAttendees: m.helperAttendees,
  helpedAttendees: m.helpedAttendees,
  topics: m.topics,
  team: m.team,
  note: m.note,
});

function input(row: Row, teams: Map<string, number>) {
  const { id: _id, county, town, village: _v, team: _t, ...r } = row;
  return { ...r, ...teamIdOf(teams, row), divisionCode: placeOf({ county, town }) };
}

const NATURAL_KEY = ['heldOn', 'kind', 'title', 'county', 'town'];

export const meetingLedger = defineLedger<Row>({
  key: SOCIAL_LEDGERS.meetings,
  title: '会议台账',
  titleEn: 'Meetings',
  entity: 'social_meeting',
  columns: [
    date({
      key: 'heldOn',
      header: '会议日期',
      headerEn: 'Date',
      synonyms: ['日期', '召开日期', '时间'],
      required: true,
      example: '2025-03-12',
    }),
    enumOf(MEETING_KINDS, zh.meetingKinds, {
      key: 'kind',
      header: '会议类型',
      headerEn: 'Kind',
      synonyms: ['类型', '会议类别'],
      required: true,
      words: { 联席会议: 'joint', 党政联席会: 'joint', 高层联席会议: 'joint', 座谈: 'symposium', 推进会: 'progress', 例会: 'team_leaders' },
      example: '党政联席会议',
    }),
    enumOf(MEETING_LEVELS, zh.levels, {
      key: 'level',
      header: '会议级别',
      headerEn: 'Level',
      synonyms: ['级别', '层级'],
      required: true,
      words: { 省: 'province', 市: 'city', 县: 'county', 区: 'county', 区级: 'county', 县级: 'county', 镇: 'town', 乡镇: 'town' },
      example: '镇级',
    }),
    {
      key: 'title',
      header: '会议名称',
      headerEn: 'Title',
      synonyms: ['名称', '会议主题'],
      type: 'text',
      required: true,
      example: '荔湾区—梅县区党政联席会议',
    },
    ...placeColumns('county', 'town', ['梅县区', '畲江镇']),
    { key: 'place', header: '会议地点', headerEn: 'Place', synonyms: ['地点'], type: 'text' },
    {
      key: 'helperAttendees',
      header: '帮扶方参会领导',
      headerEn: 'Helper side attendees',
      synonyms: ['帮扶方参会人员', '帮扶方出席领导'],
      type: 'text',
      example: '荔湾区副区长',
    },
    {
      key: 'helpedAttendees',
      header: '受帮扶方参会领导',
      headerEn: 'Helped side attendees',
      synonyms: ['受帮扶方参会人员', '受帮扶方出席领导'],
      type: 'text',
      example: '梅县区副区长',
    },
    { key: 'topics', header: '议题', headerEn: 'Topics', synonyms: ['会议议题', '主要内容'], type: 'text', maxLength: 2000 },
    teamColumn,
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: NATURAL_KEY,
  permissions: { import: 'social.write', export: 'ledgers.export' },
  validate: (row, ctx) => placeProblems(ctx, placeOf(row), 'county'),
  validateBatch: teamProblems,
  async findExisting(tx, rows, ctx) {
    const found = await tx
      .select()
      .from(M)
      .where(and(inArray(M.heldOn, unique(rows.map((r) => r.heldOn))), inArray(M.title, unique(rows.map((r) => r.title)))));
    const named = await namedTeams({ ...ctx, tx } as Ctx, found);
    return new Map(named.map((m) => [naturalKeyOf({ naturalKey: NATURAL_KEY }, cells(m)), cells(m)]));
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    const teams = await teamIdsOf(c, [...changes.insert, ...changes.update.map((u) => u.after)]);
    for (const r of changes.insert) await createMeeting(c, input(r, teams));
    for (const { before, after } of changes.update) await updateMeeting(c, before.id!, input(after, teams));
  },
  async exportRows(ctx, filters) {
    return (await namedTeams(ctx, await allMeetings(ctx, filters))).map(({ id: _id, ...m }) => cells(m));
  },
});
