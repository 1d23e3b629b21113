// What the social ledgers share: the catalogue's labels, the place written by name at two levels (所在县（区）+
// 所在镇, or 所在镇 + 所在村 — the lower one optional) and the scope check a row makes before it is written.
import { catalogues } from '@xiezuo/shared/i18n/index';
import type { Ctx } from '../../../platform/context';
import type { ErrorDetail } from '../../../platform/http/errors';
import { divisionByName } from '../../../platform/ledgers/columns';
import type { LedgerColumn } from '../../../platform/ledgers/types';
import { inScope } from '../../../platform/scope';
import { ownTeamOf, teamNamesOf, visibleTeamsByName } from '../access';

export const zh = catalogues['zh-CN'].social;

type Level = 'county' | 'town' | 'village';
const HEADERS: Record<Level, { header: string; headerEn: string; synonyms: string[]; example: string }> = {
  county: { header: '所在县（区）', headerEn: 'County', synonyms: ['县（区）', '县区', '所在县', '所在区', '县'], example: '梅县区' },
  town: { header: '所在镇', headerEn: 'Town', synonyms: ['镇（街道）', '乡镇', '所在乡镇', '镇'], example: '畲江镇' },
  village: { header: '所在村', headerEn: 'Village', synonyms: ['村（社区）', '行政村', '村'], example: '' },
};

/** The place as two columns, the upper one required: [county, town] or [town, village]. */
export function placeColumns(upper: Level, lower: Level, example?: [string, string]): LedgerColumn[] {
  return [upper, lower].map((level, i) =>
    divisionByName({
      generic: false,
      key: level,
      level,
      ...HEADERS[level],
      ...(example ? { example: example[i] } : {}),
      required: i === 0,
    }),
  );
}

export type PlaceCells = { county?: string | null; town?: string | null; village?: string | null };

/** The record's division: the lower column when filled, else the upper. */
export const placeOf = (r: PlaceCells): string => (r.village ?? r.town ?? r.county) as string;

/** A stored division as the two columns of a ledger (a town's county, a village's town). */
export function placeCells(code: string, upper: Level): PlaceCells {
  const isVillage = !code.endsWith('000');
  const isTown = !isVillage && code.slice(6, 9) !== '000';
  if (upper === 'county') return { county: `${code.slice(0, 6)}000000`, town: isTown || isVillage ? `${code.slice(0, 9)}000` : null };
  return { town: isVillage ? `${code.slice(0, 9)}000` : code, village: isVillage ? code : null };
}

/** A row the user may write: its place in scope, or the user's own team records it (the import gives it that team). */
export function placeProblems(ctx: Ctx, code: string, path: string): ErrorDetail[] {
  if (inScope(ctx.user.scope, { divisionCode: code }) || ownTeamOf(ctx.user.scope) != null) return [];
  return [{ path, key: 'errors.OUT_OF_SCOPE' }];
}

/** Unique non-empty values of a batch, for one `in (…)` query. */
export const unique = <T>(values: (T | null | undefined)[]) => [...new Set(values.filter((v): v is T => v != null))];

/** 组织队伍: the team that organised or reported the record, named as the teams ledger names it. */
export const teamColumn: LedgerColumn = {
  key: 'team',
  header: '组织队伍',
  headerEn: 'Team',
  synonyms: ['工作队', '帮扶工作队', '所在队伍', '填报队伍', '队伍名称', '报送队伍'],
  type: 'text',
  note: '不填则为填报人所在队伍',
  example: '荔湾驻畲江镇帮扶工作队',
};

export type TeamCell = { team: string | null };

/** The teams a batch names, among those the user sees: name → id. */
export const teamIdsOf = (ctx: Ctx, rows: TeamCell[]) => visibleTeamsByName(ctx, unique(rows.map((r) => r.team)));

/** validateBatch's part for the team column: a named team must be one the user sees. */
export async function teamProblems(rows: TeamCell[], ctx: Ctx): Promise<ErrorDetail[][]> {
  const ids = await teamIdsOf(ctx, rows);
  return rows.map((r) =>
    r.team && !ids.has(r.team) ? [{ path: 'team', key: 'social.validation.noTeamNamed', params: { name: r.team } }] : [],
  );
}

/** A row's team for the service: the named one's id, or nothing (the service then keeps it, or takes the user's own). */
export const teamIdOf = (ids: Map<string, number>, r: TeamCell) => (r.team ? { teamId: ids.get(r.team) ?? null } : {});

/** Records with their team's name in the `team` cell (for exports and the import's comparison). */
export async function namedTeams<T extends { teamId: number | null }>(ctx: Ctx, records: T[]): Promise<(T & TeamCell)[]> {
  const names = await teamNamesOf(
    ctx,
    records.map((r) => r.teamId),
  );
  return records.map((r) => ({ ...r, team: r.teamId == null ? null : (names.get(r.teamId) ?? null) }));
}
