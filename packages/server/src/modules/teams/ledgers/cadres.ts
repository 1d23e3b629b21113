// 援派干部人才台账: dispatched people (ID number sensitive: masked in exports), created and corrected
// through the module's services (scope, audit).
import { CADRE_KINDS, type CadreKind, GENDERS, type Gender, TEAMS_LEDGERS } from '@xiezuo/shared/contracts/teams';
import { eq, inArray } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { date, divisionCode, enumOf, idNumber, phone } from '../../../platform/ledgers/columns';
import { defineLedger, type LedgerContext, naturalKeyOf } from '../../../platform/ledgers/types';
import { inScope } from '../../../platform/scope';
import { allCadres, createCadre, updateCadre } from '../cadres';
import { cadres, teams } from '../tables';
import { teamColumn, teamsAndPeopleOf, visibleTeamsByName, zh } from './common';

type CadreLedgerRow = {
  name: string;
  gender: Gender;
  phone: string | null;
  idNumber: string;
  kind: CadreKind;
  sendingUnit: string;
  localPost: string | null;
  team: string | null;
  divisionCode: string | null;
  dispatchStart: string;
  dispatchEnd: string | null;
  note: string | null;
  id?: number;
};

export const cadreLedger = defineLedger<CadreLedgerRow>({
  key: TEAMS_LEDGERS.cadres,
  title: '援派干部和专业技术人才台账',
  titleEn: 'Dispatched cadres and professionals',
  entity: 'cadre',
  columns: [
    { key: 'name', header: '姓名', headerEn: 'Name', type: 'text', required: true, example: '张三（演示）' },
    enumOf(GENDERS, zh.genders, { key: 'gender', header: '性别', headerEn: 'Gender', required: true, example: '男' }),
    phone({ example: '13800001234' }),
    idNumber({ example: '11010519491231002X' }),
    enumOf(CADRE_KINDS, zh.cadreKinds, { key: 'kind', header: '人员类别', headerEn: 'Category', required: true, example: '党政干部' }),
    {
      key: 'sendingUnit',
      header: '派出单位',
      headerEn: 'Sending unit',
      type: 'text',
      required: true,
      example: '广州市荔湾区多宝街道办事处',
    },
    { key: 'localPost', header: '挂职职务', headerEn: 'Local post', synonyms: ['挂职'], type: 'text', example: '丙村镇党委副书记' },
    teamColumn,
    divisionCode({ header: '驻地区划代码', headerEn: 'Station division code', note: '不填则取所在队伍的驻地', example: '441403113000' }),
    date({ key: 'dispatchStart', header: '派驻开始日期', headerEn: 'Dispatch start', required: true, example: '2024-07-01' }),
    date({ key: 'dispatchEnd', header: '派驻结束日期', headerEn: 'Dispatch end', example: '2027-06-30' }),
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: ['idNumber'],
  permissions: { import: 'registry.write', export: 'ledgers.export' }, // importing writes the registry: as the API, registry.write
  validate(row, ctx) {
    const problems: ErrorDetail[] = [];
    if (row.team == null && row.divisionCode == null) problems.push({ path: 'divisionCode', key: 'validation.required' });
    if (row.dispatchEnd && row.dispatchEnd < row.dispatchStart) problems.push({ path: 'dispatchEnd', key: 'teams.validation.dates' });
    if (row.divisionCode && !inScope(ctx.user.scope, { divisionCode: row.divisionCode }))
      problems.push({ path: 'divisionCode', key: 'errors.OUT_OF_SCOPE' });
    return problems;
  },
  validateBatch: checkCadres,
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
    const c = { ...ctx, tx };
    const teamIds = await visibleTeamsByName(
      c,
      [...changes.insert, ...changes.update.map((u) => u.after)].map((r) => r.team),
    );
    const body = (r: CadreLedgerRow) => {
      const { team, divisionCode, id: _id, ...rest } = r;
      return { ...rest, teamId: team ? (teamIds.get(team)?.id ?? null) : null, divisionCode: divisionCode ?? undefined };
    };
    for (const r of changes.insert) await createCadre(c, body(r));
    for (const { before, after } of changes.update) await updateCadre(c, before.id!, body(after));
  },
  async exportRows(ctx, filters) {
    const rows = await allCadres(ctx, {
      teamId: filters.teamId ? Number(filters.teamId) : undefined,
      divisionCode: filters.divisionCode,
      kind: filters.kind as CadreKind | undefined, // an unknown kind matches nobody
      onDuty: filters.onDuty === 'true' || filters.onDuty === 'false' ? filters.onDuty : undefined,
      q: filters.q,
    });
    return rows.map((r) => toCadreLedgerRow(r, r.teamName, ctx.services.cipher.decrypt(r.idNumberCipher)));
  },
});

/**
 * The team must be one the user sees; the same person registered by someone else, outside this user's
 * scope, is not theirs to overwrite. One query of each per batch.
 */
async function checkCadres(rows: CadreLedgerRow[], ctx: LedgerContext): Promise<ErrorDetail[][]> {
  const { teamIds, hashes, registered } = await teamsAndPeopleOf(ctx, rows);
  return rows.map((row, i) => {
    const problems: ErrorDetail[] = [];
    if (row.team != null && !teamIds.has(row.team)) problems.push({ path: 'team', key: 'teams.validation.noTeam' });
    const other = registered.get(hashes[i]);
    if (other && !inScope(ctx.user.scope, other)) problems.push({ path: 'idNumber', key: 'errors.OUT_OF_SCOPE' });
    return problems;
  });
}

function toCadreLedgerRow(
  c: Pick<
    typeof cadres.$inferSelect,
    'name' | 'gender' | 'phone' | 'kind' | 'sendingUnit' | 'localPost' | 'divisionCode' | 'dispatchStart' | 'dispatchEnd' | 'note'
  >,
  teamName: string | null,
  idNumber: string,
): CadreLedgerRow {
  return {
    name: c.name,
    gender: c.gender,
    phone: c.phone,
    idNumber,
    kind: c.kind,
    sendingUnit: c.sendingUnit,
    localPost: c.localPost,
    team: teamName,
    divisionCode: c.divisionCode,
    dispatchStart: c.dispatchStart,
    dispatchEnd: c.dispatchEnd,
    note: c.note,
  };
}
