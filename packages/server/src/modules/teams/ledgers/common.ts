// What the teams ledgers share: the catalogue's labels, the team column (a team is named, not
// numbered), and the batch lookups their checks and writes make — one query per batch, never per row.
import { catalogues } from '@xiezuo/shared/i18n/index';
import { and, asc, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import type { Db, Tx } from '../../../platform/db/client';
import type { LedgerColumn } from '../../../platform/ledgers/types';
import { dbOf, teamsInScope } from '../access';
import { cadres, teams } from '../tables';

export const zh = catalogues['zh-CN'].teams;

export const teamColumn: LedgerColumn = {
  key: 'team',
  header: '所在队伍',
  headerEn: 'Team',
  synonyms: ['工作队', '队伍名称'],
  type: 'text',
  example: '荔湾驻丙村镇帮扶工作队',
};

const unique = <T>(values: (T | null | undefined)[]) => [...new Set(values.filter((v): v is T => v != null))];

/** Teams the user may see, by name (of two of one name, the later). In a commit give ctx its tx: PGlite serves one query at a time. */
export async function visibleTeamsByName(ctx: Ctx, names: (string | null | undefined)[]) {
  const wanted = unique(names);
  const rows = wanted.length
    ? await dbOf(ctx)
        .select({ id: teams.id, name: teams.name, divisionCode: teams.divisionCode })
        .from(teams)
        .where(and(teamsInScope(ctx.user.scope), inArray(teams.name, wanted)))
        .orderBy(asc(teams.id))
    : [];
  return new Map(rows.map((r) => [r.name, { id: r.id, divisionCode: r.divisionCode }]));
}

/** Registered people by the keyed hash of their ID number, wherever they serve. */
export async function cadresByHash(db: Db | Tx, hashes: string[]) {
  const wanted = unique(hashes);
  const rows = wanted.length
    ? await db
        .select({ id: cadres.id, hash: cadres.idNumberHash, teamId: cadres.teamId, divisionCode: cadres.divisionCode })
        .from(cadres)
        .where(inArray(cadres.idNumberHash, wanted))
    : [];
  return new Map(rows.map((r) => [r.hash, r]));
}

/** What a batch of people's rows names, looked up at once: the teams the user sees, and who is registered by ID number. */
export async function teamsAndPeopleOf(ctx: Ctx, rows: { team: string | null; idNumber: string }[]) {
  const teamIds = await visibleTeamsByName(
    ctx,
    rows.map((r) => r.team),
  );
  const hashes = rows.map((r) => ctx.services.cipher.hash(r.idNumber));
  const registered = await cadresByHash(ctx.services.db, hashes);
  return { teamIds, hashes, registered };
}
