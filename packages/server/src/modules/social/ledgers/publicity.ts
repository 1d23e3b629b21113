// 宣传报道台账: one article a row — date, title, medium, media level, kind, link, place (county and town).
import { MEDIA_LEVELS, type MediaLevel, PUBLICITY_KINDS, type PublicityKind, SOCIAL_LEDGERS } from '@xiezuo/shared/contracts/social';
import { and, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { date, enumOf } from '../../../platform/ledgers/columns';
import { defineLedger, naturalKeyOf } from '../../../platform/ledgers/types';
import { allPublicity, createPublicity, updatePublicity } from '../publicity';
import { socialPublicity as P } from '../tables';
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
    publishedOn: string;
    title: string;
    medium: string;
    mediaLevel: MediaLevel;
    kind: PublicityKind;
    link: string | null;
    note: string | null;
    id?: number;
  };

const cells = (p: Omit<Row, 'county' | 'town' | 'village'> & { divisionCode: string; id?: number }): Row => ({
  ...(p.id ? { id: p.id } : {}),
  publishedOn: p.publishedOn,
  title: p.title,
  medium: p.medium,
  mediaLevel: p.mediaLevel,
  kind: p.kind,
  ...placeCells(p.divisionCode, 'county'),
  link: p.link,
  team: p.team,
  note: p.note,
});

function input(row: Row, teams: Map<string, number>) {
  const { id: _id, county, town, village: _v, team: _t, ...r } = row;
  return { ...r, ...teamIdOf(teams, row), kind: r.kind ?? 'report', divisionCode: placeOf({ county, town }) };
}

const NATURAL_KEY = ['publishedOn', 'title', 'medium'];

export const publicityLedger = defineLedger<Row>({
  key: SOCIAL_LEDGERS.publicity,
  title: '宣传报道台账',
  titleEn: 'Publicity',
  entity: 'social_publicity',
  columns: [
    date({
      key: 'publishedOn',
      header: '刊发日期',
      headerEn: 'Date',
      synonyms: ['日期', '发布日期', '报道日期', '时间'],
      required: true,
      example: '2025-06-18',
    }),
    {
      key: 'title',
      header: '标题',
      headerEn: 'Title',
      synonyms: ['稿件标题', '报道标题', '题目'],
      type: 'text',
      required: true,
      example: '聚焦打造“三大平台”合力筑牢富川稳岗就业体系',
    },
    {
      key: 'medium',
      header: '媒体名称',
      headerEn: 'Medium',
      synonyms: ['媒体', '刊发媒体', '发布平台', '报道媒体'],
      type: 'text',
      required: true,
      example: '新华网',
    },
    enumOf(MEDIA_LEVELS, zh.mediaLevels, {
      key: 'mediaLevel',
      header: '媒体级别',
      headerEn: 'Media level',
      synonyms: ['级别', '媒体层级'],
      required: true,
      words: {
        中央: 'central',
        国家级: 'central',
        中央媒体: 'central',
        省: 'provincial',
        省级媒体: 'provincial',
        市: 'city',
        县: 'county',
      },
      example: '中央级',
    }),
    enumOf(PUBLICITY_KINDS, zh.publicityKinds, {
      key: 'kind',
      header: '类别',
      headerEn: 'Kind',
      synonyms: ['稿件类别', '类型'],
      emptyAs: 'report',
      whenMissing: 'report',
      example: '报道',
    }),
    ...placeColumns('county', 'town', ['富川瑶族自治县', '']),
    { key: 'link', header: '链接', headerEn: 'Link', synonyms: ['网址', '链接地址'], type: 'text' },
    teamColumn,
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: NATURAL_KEY,
  permissions: { import: 'social.write', export: 'ledgers.export' },
  validate(row, ctx) {
    const problems = placeProblems(ctx, placeOf(row), 'county');
    if (row.link && !/^https?:\/\/\S+$/.test(row.link)) problems.push({ path: 'link', key: 'validation.invalidFormat' });
    return problems;
  },
  validateBatch: teamProblems,
  async findExisting(tx, rows, ctx) {
    const found = await tx
      .select()
      .from(P)
      .where(and(inArray(P.publishedOn, unique(rows.map((r) => r.publishedOn))), inArray(P.title, unique(rows.map((r) => r.title)))));
    const named = await namedTeams({ ...ctx, tx } as Ctx, found);
    return new Map(named.map((p) => [naturalKeyOf({ naturalKey: NATURAL_KEY }, cells(p)), cells(p)]));
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    const teams = await teamIdsOf(c, [...changes.insert, ...changes.update.map((u) => u.after)]);
    for (const r of changes.insert) await createPublicity(c, input(r, teams));
    for (const { before, after } of changes.update) await updatePublicity(c, before.id!, input(after, teams));
  },
  async exportRows(ctx, filters) {
    return (await namedTeams(ctx, await allPublicity(ctx, filters))).map(({ id: _id, ...p }) => cells(p));
  },
});
