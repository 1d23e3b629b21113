// 家庭成员台账: the members of monitored households — the largest monitoring ledger (a province keeps
// hundreds of thousands of rows), so its rows are checked a batch at a time and committed set-based
// from the staging table. ID numbers and health data are encrypted here at the dry run (sealRow): the
// staged rows and the database never hold them in the clear.

import { maskIdNumber } from '@xiezuo/shared/codes/idNumber';
import { DISABILITY, GENDERS, HEALTH, MONITORING_LEDGERS, RELATIONS, SCHOOLING, WORK } from '@xiezuo/shared/contracts/monitoring';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { date, enumOf, idNumber } from '../../../platform/ledgers/columns';
import { sealedIdColumns, textColumn } from '../../../platform/ledgers/stagedSpec';
import type { StagedTableSpec } from '../../../platform/ledgers/staging';
import { defineLedger, type LedgerContext, type LedgerRow, naturalKeyOf } from '../../../platform/ledgers/types';
import { householdsInScope } from '../access';
import { activeMemberships, duplicatePerson, openHealth } from '../households';
import { monitoringHouseholds as H, monitoringMembers as M } from '../tables';
import { headColumn, headIds, householdsByHead, recordsForExport, zh } from './common';

type MemberRow = {
  headIdNumber: string;
  name: string;
  relation: string;
  gender: string;
  birthDate: string;
  idNumber: string;
  health: string;
  disability: string | null;
  schooling: string;
  work: string;
  id?: number;
  healthNote?: string | null;
  version?: string; // of the stored record (findExisting), not columns
};

export const memberLedger = defineLedger<MemberRow>({
  key: MONITORING_LEDGERS.members,
  title: '防返贫监测户家庭成员台账',
  titleEn: 'Members of monitored households',
  entity: 'monitoring_member',
  columns: [
    headColumn,
    { key: 'name', header: '姓名', headerEn: 'Name', type: 'text', required: true, example: '李小梅（示例）' },
    enumOf(RELATIONS, zh.relations, { key: 'relation', header: '与户主关系', headerEn: 'Relation', required: true, example: '孙子女' }),
    enumOf(GENDERS, zh.genders, { key: 'gender', header: '性别', headerEn: 'Gender', required: true, example: '女' }),
    date({ key: 'birthDate', header: '出生日期', headerEn: 'Birth date', required: true, example: '2006-05-20' }),
    // after the head's column: a header both could take (身份证号码) names the member's own number
    idNumber({ example: '110105200605200021' }),
    enumOf(HEALTH, zh.health, { key: 'health', header: '健康状况', headerEn: 'Health', required: true, sensitive: true, example: '健康' }),
    enumOf(DISABILITY, zh.disability, {
      key: 'disability',
      header: '残疾情况',
      headerEn: 'Disability',
      sensitive: true,
      emptyAs: 'none',
      example: '无',
    }),
    enumOf(SCHOOLING, zh.schooling, {
      key: 'schooling',
      header: '在校情况',
      headerEn: 'Schooling',
      required: true,
      example: '大专及以上在读',
    }),
    enumOf(WORK, zh.work, { key: 'work', header: '务工情况', headerEn: 'Work', required: true, example: '不适用' }),
  ],
  naturalKey: ['idNumber'],
  uniqueNaturalKey: true, // monitoring_members_active_person_uq: one person, one active membership
  permissions: { import: 'ledgers.import', export: 'ledgers.export' },
  validateBatch: checkMembers,
  async findExisting(tx, rows, ctx) {
    const hashes = new Map(rows.map((r) => [ctx.services.cipher.hash(r.idNumber), r.idNumber]));
    const found = await tx
      .select({ m: M, hid: H.id, version: sql<string>`${M}.xmin::text` })
      .from(M)
      .innerJoin(H, eq(H.id, M.householdId))
      .where(and(eq(M.active, true), inArray(M.idHash, [...hashes.keys()]), householdsInScope(ctx.user.scope)));
    const heads = found.length
      ? await headIds(
          ctx,
          inArray(
            H.id,
            found.map((f) => f.hid),
          ),
          tx,
        )
      : new Map<number, string>();
    const out = new Map<string, MemberRow>();
    for (const { m, hid, version } of found) {
      const row = { ...toMemberRow(ctx, m, heads.get(hid) ?? ''), idNumber: hashes.get(m.idHash)!, id: m.id, version };
      out.set(naturalKeyOf(memberLedger, row), row);
    }
    return out;
  },
  sealRow: sealMemberRow,
  staged: stagedMembers,
  // the export's hidden 记录标识: the member and its row version, so a masked export can be edited and re-imported
  recordKey: {
    of: (row) => (row.id != null && row.version ? { id: row.id, version: row.version } : null),
    async find(tx, ids, ctx) {
      const numeric = ids.filter((id) => /^\d{1,9}$/.test(id)).map(Number);
      if (!numeric.length) return new Map();
      const found = await tx
        .select({ m: M, hid: H.id, version: sql<string>`${M}.xmin::text` })
        .from(M)
        .innerJoin(H, eq(H.id, M.householdId))
        .where(and(inArray(M.id, numeric), eq(M.active, true), householdsInScope(ctx.user.scope)));
      const heads = found.length
        ? await headIds(
            ctx,
            inArray(
              H.id,
              found.map((f) => f.hid),
            ),
            tx,
          )
        : new Map<number, string>();
      return new Map(
        found.map(({ m, hid, version }) => [
          String(m.id),
          { row: { ...toMemberRow(ctx, m, heads.get(hid) ?? ''), idNumber: ctx.services.cipher.decrypt(m.idCipher) }, version },
        ]),
      );
    },
  },
  exportRows: (ctx, filters) =>
    recordsForExport(
      ctx,
      filters,
      async (ids) =>
        (
          await ctx.services.db
            .select({ m: M, version: sql<string>`${M}.xmin::text` })
            .from(M)
            .where(and(inArray(M.householdId, ids), eq(M.active, true)))
            .orderBy(M.householdId, M.id)
        ).map((r) => ({ ...r.m, version: r.version })),
      ({ version, ...m }, head) => ({ ...toMemberRow(ctx, m, head), idNumber: ctx.services.cipher.decrypt(m.idCipher), id: m.id, version }),
    ),
});

/**
 * The household named by its head must be in scope, the person may not be an active member of another
 * household (which may lie outside the scope: named, nothing more shown), and the head stays the head —
 * the API's rules, checked at the dry run with two queries per batch instead of at the commit row by row.
 */
async function checkMembers(rows: MemberRow[], ctx: LedgerContext): Promise<ErrorDetail[][]> {
  const { cipher } = ctx.services;
  const households = await householdsByHead(
    ctx.services.db,
    ctx,
    rows.map((r) => r.headIdNumber),
  );
  const hashes = rows.map((r) => cipher.hash(r.idNumber));
  const memberships = new Map((await activeMemberships(ctx.services.db, [...new Set(hashes)])).map((m) => [m.idHash, m]));
  return rows.map((r, i) => {
    const household = households.get(r.headIdNumber);
    if (!household) return [{ path: 'headIdNumber', key: 'monitoring.errors.noHousehold' }];
    const other = memberships.get(hashes[i]);
    if (other && other.household !== household.id) return [duplicatePerson(ctx, 'idNumber', maskIdNumber(r.idNumber), other)];
    // one head per household, and only the app changes who it is (户主变更 has its own procedure)
    const isHead = r.idNumber === r.headIdNumber;
    if (isHead !== (r.relation === 'head'))
      return [{ path: 'relation', key: isHead ? 'monitoring.errors.headStaysHead' : 'monitoring.errors.secondHead' }];
    return [];
  });
}

/** The member as the commit writes it: the ID number as hash, ciphertext and mask; health data encrypted. */
function sealMemberRow(row: MemberRow, before: MemberRow | undefined, ctx: LedgerContext): LedgerRow {
  const { cipher } = ctx.services;
  // without a 残疾情况 column what is stored stays (an empty cell reads as none); the health note is not in the ledger
  const health = { health: row.health, healthNote: before?.healthNote ?? null, disability: row.disability ?? before?.disability ?? 'none' };
  const { headIdNumber, idNumber, health: _h, disability: _d, ...plain } = row;
  return {
    ...plain,
    idHash: cipher.hash(idNumber),
    idCipher: cipher.encrypt(idNumber),
    idMasked: maskIdNumber(idNumber),
    headHash: cipher.hash(headIdNumber),
    healthCipher: cipher.encrypt(JSON.stringify(health)),
    healthChanged: !before || before.health !== health.health || before.disability !== health.disability,
    version: before?.version, // the record as the dry run saw it: what was decided here holds only for that version
  };
}

/** monitoring_members, matched by ID hash among active members; a new member joins the household its head names. */
function stagedMembers(ctx: LedgerContext): StagedTableSpec {
  const text = textColumn;
  const household = sql`(select hm.household_id from monitoring_members hm join monitoring_households on monitoring_households.id = hm.household_id
    where hm.id_hash = s.r->>'headHash' and hm.relation = 'head' and hm.active and ${householdsInScope(ctx.user.scope) ?? sql`true`})`;
  return {
    table: 'monitoring_members',
    entity: 'monitoring_member',
    naturalKey: ['idHash'],
    uniqueNaturalKey: true,
    // the member as the dry run saw it (its row version), still active, still in the household the file names
    match: sql`t.active and t.household_id = ${household} and t.xmin::text = s.r->>'version'`,
    auditKey: [{ key: 'idMasked' }],
    entityIdColumn: 'id', // as updateMember names it
    touch: 'updated_at',
    columns: [
      ...sealedIdColumns,
      text('name', 'name'),
      text('relation', 'relation'),
      text('gender', 'gender'),
      { key: 'birthDate', column: 'birth_date', type: 'date' },
      text('schooling', 'schooling'),
      text('work', 'work'),
      { ...text('healthCipher', 'health_cipher'), changedWhen: 'healthChanged' },
    ],
    insertValues: [{ column: 'household_id', value: household, required: true }],
  };
}

function toMemberRow(ctx: LedgerContext, m: typeof M.$inferSelect, headIdNumber: string): MemberRow {
  const h = openHealth(ctx, m);
  return {
    headIdNumber,
    name: m.name,
    relation: m.relation,
    gender: m.gender,
    birthDate: m.birthDate,
    idNumber: '',
    health: h.health,
    disability: h.disability,
    schooling: m.schooling,
    work: m.work,
    healthNote: h.healthNote,
  };
}
