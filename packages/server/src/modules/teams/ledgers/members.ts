// 工作队成员台账: team members by round, added and corrected through the module's services (scope, audit).
// A member is a registered person (found by ID number) in a team the user sees.
import { MEMBER_ROLES, type MemberRole, TEAMS_LEDGERS } from '@xiezuo/shared/contracts/teams';
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client';
import type { ErrorDetail } from '../../../platform/http/errors';
import { date, enumOf, idNumber } from '../../../platform/ledgers/columns';
import { defineLedger, type LedgerContext, naturalKeyOf } from '../../../platform/ledgers/types';
import { dbOf } from '../access';
import { addMember, listMembers, updateMember } from '../members';
import { cadres, teamMembers, teams } from '../tables';
import { cadresByHash, teamColumn, teamsAndPeopleOf, visibleTeamsByName, zh } from './common';

const MEMBER_KEY = { naturalKey: ['team', 'idNumber', 'round'] };
type MemberLedgerRow = {
  team: string;
  name: string;
  idNumber: string;
  role: MemberRole;
  round: number;
  startDate: string;
  endDate: string | null;
  id?: number;
};

export const memberLedger = defineLedger<MemberLedgerRow>({
  key: TEAMS_LEDGERS.members,
  title: '工作队成员台账',
  titleEn: 'Team members by round',
  entity: 'team_member',
  columns: [
    { ...teamColumn, required: true },
    { key: 'name', header: '姓名', headerEn: 'Name', type: 'text', required: true, example: '张三（演示）' },
    idNumber({ note: '须先在援派干部人才台账中登记', example: '11010519491231002X' }),
    enumOf(MEMBER_ROLES, zh.roles, { key: 'role', header: '职务', headerEn: 'Role', required: true, example: '队员' }),
    { key: 'round', header: '轮次', headerEn: 'Round', type: 'integer', required: true, example: 1 },
    date({ key: 'startDate', header: '开始日期', headerEn: 'Start', required: true, example: '2024-07-01' }),
    date({ key: 'endDate', header: '结束日期', headerEn: 'End' }),
  ],
  naturalKey: MEMBER_KEY.naturalKey,
  permissions: { import: 'registry.write', export: 'ledgers.export' }, // importing writes the registry: as the API, registry.write
  validate: (row) => (row.endDate && row.endDate < row.startDate ? [{ path: 'endDate', key: 'teams.validation.dates' }] : []),
  validateBatch: checkMembers,
  async findExisting(tx, rows, ctx) {
    const found = await memberRowsFor(
      tx,
      ctx,
      rows.map((r) => ctx.services.cipher.hash(r.idNumber)),
    );
    return new Map(found.map((r) => [naturalKeyOf(MEMBER_KEY, r), r]));
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    const teamIds = await visibleTeamsByName(
      c,
      changes.insert.map((r) => r.team),
    );
    const people = await cadresByHash(
      tx,
      changes.insert.map((r) => ctx.services.cipher.hash(r.idNumber)),
    );
    for (const r of changes.insert) {
      const cadreId = people.get(ctx.services.cipher.hash(r.idNumber))!.id;
      await addMember(c, teamIds.get(r.team)!.id, { cadreId, role: r.role, round: r.round, startDate: r.startDate, endDate: r.endDate });
    }
    for (const { before, after } of changes.update) {
      await updateMember(c, before.id!, { role: after.role, startDate: after.startDate, endDate: after.endDate });
    }
  },
  async exportRows(ctx, filters) {
    const rows = await listMembers(ctx, {
      teamId: filters.teamId ? Number(filters.teamId) : undefined,
      on: filters.on,
      round: filters.round ? Number(filters.round) : undefined,
    });
    const ciphers = new Map(
      (
        await dbOf(ctx)
          .select({ id: cadres.id, c: cadres.idNumberCipher })
          .from(cadres)
          .where(inArray(cadres.id, rows.length ? rows.map((r) => r.cadreId) : [0]))
      ).map((r) => [r.id, r.c]),
    );
    return rows.map((r) => ({
      team: r.teamName,
      name: r.name,
      idNumber: ctx.services.cipher.decrypt(ciphers.get(r.cadreId)!),
      role: r.role,
      round: r.round,
      startDate: r.startDate,
      endDate: r.endDate,
    }));
  },
});

/** The team must be one the user sees and the person registered. One query of each per batch. */
async function checkMembers(rows: MemberLedgerRow[], ctx: LedgerContext): Promise<ErrorDetail[][]> {
  const { teamIds, hashes, registered } = await teamsAndPeopleOf(ctx, rows);
  return rows.map((row, i) => {
    const problems: ErrorDetail[] = [];
    if (!teamIds.has(row.team)) problems.push({ path: 'team', key: 'teams.validation.noTeam' });
    if (!registered.has(hashes[i])) problems.push({ path: 'idNumber', key: 'teams.validation.noCadre' });
    return problems;
  });
}

async function memberRowsFor(tx: Tx, ctx: LedgerContext, hashes: string[]): Promise<MemberLedgerRow[]> {
  if (!hashes.length) return [];
  const rows = await tx
    .select({
      id: teamMembers.id,
      team: teams.name,
      name: cadres.name,
      cipher: cadres.idNumberCipher,
      role: teamMembers.role,
      round: teamMembers.round,
      startDate: teamMembers.startDate,
      endDate: teamMembers.endDate,
    })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .innerJoin(cadres, eq(cadres.id, teamMembers.cadreId))
    .where(inArray(cadres.idNumberHash, hashes));
  return rows.map(({ cipher, ...r }) => ({ ...r, idNumber: ctx.services.cipher.decrypt(cipher) }));
}
