// 监测户台账: a household and its head — new ones created set-based from the staging table (applyHouseholds,
// slice by slice), corrections through the module's services in the same slices, journaled by trigger.

import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { maskIdNumber } from '@xiezuo/shared/codes/idNumber';
import { CATEGORIES, ENTRY_DOORS, MONITORING_LEDGERS, STATUSES } from '@xiezuo/shared/contracts/monitoring';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/client';
import { AppError, type ErrorDetail } from '../../../platform/http/errors';
import { type ApplySlice, inSlice, journalAudit, journalHead } from '../../../platform/ledgers/apply';
import { amount, divisionCode, enumOf, phone } from '../../../platform/ledgers/columns';
import { journaled } from '../../../platform/ledgers/journal';
import { defineLedger, type LedgerContext, type LedgerRow, naturalKeyOf } from '../../../platform/ledgers/types';
import { inScope } from '../../../platform/scope';
import { divisions } from '../../registry';
import { openContact, sealContact } from '../contact';
import { activeMemberships, duplicatePerson, sealMember, updateHousehold } from '../households';
import { monitoringHouseholds as H, monitoringMembers as M } from '../tables';
import { filterSql, headColumn, headIds, householdsByHead, num, zh } from './common';

// ---- 监测户台账 ----
type HouseholdRow = {
  village: string;
  headName: string;
  headIdNumber: string;
  category: string;
  entryDoor: string;
  isLifted: boolean | null;
  dibao: boolean | null;
  tekun: boolean | null;
  incomePerHead: string | null;
  incomeYear: number | null;
  status?: string | null;
  address: string | null;
  phone: string | null;
  note: string | null;
  id?: number;
  version?: string;
};

export const householdLedger = defineLedger<HouseholdRow>({
  key: MONITORING_LEDGERS.households,
  title: '防返贫监测户台账',
  titleEn: 'Monitored households',
  entity: 'monitoring_household',
  columns: [
    divisionCode({
      key: 'village',
      header: '所在村区划代码',
      headerEn: 'Village code',
      synonyms: ['村区划代码', '行政区划代码'],
      required: true,
      example: '441224109202',
    }),
    { key: 'headName', header: '户主姓名', headerEn: 'Head', synonyms: ['户主'], type: 'text', required: true, example: '张三（示例）' },
    headColumn,
    enumOf(CATEGORIES, zh.categories, {
      key: 'category',
      header: '监测类别',
      headerEn: 'Category',
      required: true,
      example: '突发严重困难户',
    }),
    enumOf(ENTRY_DOORS, zh.entryDoors, { key: 'entryDoor', header: '纳入途径', headerEn: 'Entry', required: true, example: '干部排查' }),
    { key: 'isLifted', header: '是否脱贫户', headerEn: 'Lifted', type: 'boolean', example: '否' },
    { key: 'dibao', header: '是否低保户', headerEn: 'Dibao', type: 'boolean', example: '是' },
    { key: 'tekun', header: '是否特困户', headerEn: 'Tekun', type: 'boolean', example: '否' },
    amount({ key: 'incomePerHead', header: '人均年纯收入', headerEn: 'Income per head', synonyms: ['家庭人均纯收入'], example: 6800 }),
    { key: 'incomeYear', header: '收入年度', headerEn: 'Income year', type: 'integer', example: 2025 },
    enumOf(STATUSES, zh.statuses, {
      key: 'status',
      header: '状态',
      headerEn: 'Status',
      exportOnly: true,
      note: '导出时填写；导入时忽略（状态只能经审核流程改变）',
    }),
    // personal data: masked in exports unless revealed (and then audited), like ID numbers
    { key: 'address', header: '住址', headerEn: 'Address', type: 'text', sensitive: true },
    phone({ sensitive: true }),
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: ['headIdNumber'],
  permissions: { import: 'ledgers.import', export: 'ledgers.export' },
  validate: (row, ctx) => (inScope(ctx.user.scope, { divisionCode: row.village }) ? [] : [{ path: 'village', key: 'errors.OUT_OF_SCOPE' }]),
  validateBatch: checkHouseholds,
  async findExisting(tx, rows, ctx) {
    const found = await householdsByHead(
      tx,
      ctx,
      rows.map((r) => r.headIdNumber),
    );
    const ids = [...found.values()].map((f) => f.id);
    const hs = new Map(
      (ids.length
        ? await tx
            .select({ h: H, version: sql<string>`${H}.xmin::text` })
            .from(H)
            .where(inArray(H.id, ids))
        : []
      ).map((x) => [x.h.id, x]),
    );
    const out = new Map<string, HouseholdRow>();
    for (const [idNumber, f] of found) {
      const { h, version } = hs.get(f.id)!;
      const row = { ...toHouseholdRow(ctx, h, idNumber), id: h.id, version };
      out.set(naturalKeyOf(householdLedger, row), row);
    }
    return out;
  },
  // a county's ledger is thousands of households: staged, then applied set-based (applyHouseholds) in short
  // transactions — through createHousehold one by one, 5,000 households held every other request for 21 s on PGlite
  tables: ['monitoring_households', 'monitoring_members', 'monitoring_steps'],
  sealRow: sealHouseholdRow,
  applyStaged: applyHouseholds,
  // the export's hidden 记录标识: the household and its row version, so a masked export can be edited and re-imported
  recordKey: {
    of: (row) => (row.id != null && row.version ? { id: row.id, version: row.version } : null),
    async find(tx, ids, ctx) {
      const numeric = ids.filter((id) => /^\d{1,9}$/.test(id)).map(Number);
      const heads = numeric.length ? await headIds(ctx, inArray(H.id, numeric), tx) : new Map<number, string>();
      if (!heads.size) return new Map();
      const hs = await tx
        .select({ h: H, version: sql<string>`${H}.xmin::text` })
        .from(H)
        .where(inArray(H.id, [...heads.keys()]));
      return new Map(hs.map(({ h, version }) => [String(h.id), { row: toHouseholdRow(ctx, h, heads.get(h.id)!), version }]));
    },
  },
  async exportRows(ctx, filters) {
    const heads = await headIds(ctx, filterSql(ctx, filters));
    const hs = heads.size
      ? await ctx.services.db
          .select({ h: H, version: sql<string>`${H}.xmin::text` })
          .from(H)
          .where(inArray(H.id, [...heads.keys()]))
          .orderBy(H.divisionCode, H.id)
      : [];
    return hs.map(({ h, version }) => ({ ...toHouseholdRow(ctx, h, heads.get(h.id)!), id: h.id, version }));
  },
});

/**
 * The row as it is staged, never with personal data in the clear: a new household with its head sealed as
 * createHousehold seals it (ID number encrypted, hashed, masked); a known one as the record it becomes (the
 * stored values overlaid with the file's, as write() did), with the version the dry run saw. Phone and
 * address are encrypted either way.
 */
function sealHouseholdRow(row: HouseholdRow, before: HouseholdRow | undefined, ctx: LedgerContext): LedgerRow {
  const seal = ({ headIdNumber, address, phone, ...plain }: HouseholdRow) => ({
    ...plain,
    address: sealContact(ctx, address),
    phone: sealContact(ctx, phone),
  });
  if (before) return { ...seal({ ...before, ...row }), id: before.id, version: before.version, renamed: row.headName !== before.headName };
  const id = row.headIdNumber;
  const head = sealMember(ctx, {
    name: row.headName,
    relation: 'head',
    gender: Number(id[16]) % 2 ? 'male' : 'female',
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    idNumber: id,
    health: 'healthy',
    disability: 'none',
    schooling: 'not_in_school',
    work: 'none',
  });
  return { ...seal(row), head };
}

/**
 * One slice of the commit (platform/ledgers/apply.ts): the households the dry run found new, each with its
 * head, its first step (认定 begins, as createHousehold records it) and a 'create' audit entry of up to 1000
 * households — one statement for all of them, every row it writes journaled so a failure later undoes it. A
 * head who joined another household meanwhile (the unique index on active persons) or a village removed
 * fails the commit with nothing left written.
 */
async function applyHouseholds(tx: Tx, slice: ApplySlice, ctx: LedgerContext) {
  const mine = inSlice(slice);
  const stale = await tx.execute(sql`
    select 1 from ledger_import_rows s where ${mine} and s.a = 'insert'
      and not exists (select 1 from divisions d where d.code = s.r->>'village' and d.level = 'village')
    limit 1`);
  if (stale.rows.length) throw new AppError('CONFLICT', {}, [{ path: 'file', key: 'ledgers.file.changedMeanwhile' }]);
  // the ids are drawn from the table's own sequence (looked up once, not per row) so that the head, the step and the audit entry can name them
  const [{ seq }] = (await tx.execute(sql`select pg_get_serial_sequence('monitoring_households', 'id')::regclass::oid as seq`)).rows as {
    seq: number;
  }[];
  const made = await tx.execute(sql`
    with src as materialized (
      select s.n, s.r, s.r->'head' as m, nextval(${Number(seq)}::oid::regclass)::int as hid
      from ledger_import_rows s where ${mine} and s.a = 'insert' order by s.n
    ),
    h as (
      insert into monitoring_households (id, division_code, head_name, entry_door, category, is_lifted, dibao, tekun,
        income_per_head, income_year, address, phone, note, status, stage, procedure_started_on, stage_entered_at)
      select hid, r->>'village', r->>'headName', r->>'entryDoor', r->>'category', coalesce((r->>'isLifted')::boolean, false),
        coalesce((r->>'dibao')::boolean, false), coalesce((r->>'tekun')::boolean, false), (r->>'incomePerHead')::numeric,
        (r->>'incomeYear')::int, r->>'address', r->>'phone', r->>'note', 'identifying', 'verify', ${todayInBeijing()}::date, now()
      from src order by n
      returning id
    ),
    m as (
      insert into monitoring_members (household_id, name, relation, gender, birth_date, id_cipher, id_hash, id_masked, health_cipher, schooling, work)
      select hid, m->>'name', m->>'relation', m->>'gender', (m->>'birthDate')::date, m->>'idCipher', m->>'idHash', m->>'idMasked',
        m->>'healthCipher', m->>'schooling', m->>'work'
      from src order by n
      returning id
    ),
    st as (
      insert into monitoring_steps (household_id, procedure, action, to_status, to_stage, actor_id, actor_name, details)
      select hid, 'identify', 'create', 'identifying', 'verify', ${ctx.actor.id}::int, ${ctx.user.displayName}::text,
        jsonb_build_object('entryDoor', r->>'entryDoor')
      from src order by n
      returning id
    ),
    -- undone in reverse: steps, members, then the households
    jh as (insert into ledger_import_undo (import_id, slice, ord, tbl, row_id) select ${journalHead(slice, 0, 'monitoring_households')}, id from h),
    jm as (insert into ledger_import_undo (import_id, slice, ord, tbl, row_id) select ${journalHead(slice, 1, 'monitoring_members')}, id from m),
    js as (insert into ledger_import_undo (import_id, slice, ord, tbl, row_id) select ${journalHead(slice, 2, 'monitoring_steps')}, id from st)
    insert into ledger_import_undo (import_id, slice, ord, tbl, audit)
    select ${journalAudit(
      slice,
      sql`jsonb_build_object('action', 'create', 'entity', 'monitoring_household', 'entityId', null, 'before', null,
        'after', jsonb_build_object('via', 'ledger-import', 'count', count(*), 'ids', jsonb_agg(hid order by n)))`,
    )}
    from (select n, hid, (row_number() over (order by n) - 1) / 1000 as g from src) x group by g order by g
    returning (audit->'after'->>'count')::int as n`);
  const inserted = (made.rows as { n: number }[]).reduce((a, x) => a + Number(x.n), 0);
  // the slice's corrections go through the module's own updateHousehold (a correction file of a whole county's
  // incomes is as long as a file of new households, so they are sliced too), journaled by trigger
  const updated = await journaled(tx, slice, () => updateHouseholds(tx, slice, ctx));
  return { inserted, updated };
}

/**
 * The corrected households of a slice through updateHousehold (row by row, audited as it goes). A household
 * changed since the dry run fails the commit, and the slices applied are undone.
 */
async function updateHouseholds(tx: Tx, slice: ApplySlice, ctx: LedgerContext) {
  const mine = inSlice(slice);
  const stale = await tx.execute(sql`
    select 1 from ledger_import_rows s left join monitoring_households t on t.id = (s.r->>'id')::int and t.xmin::text = s.r->>'version'
    where ${mine} and s.a = 'update' and t.id is null limit 1`);
  if (stale.rows.length) throw new AppError('CONFLICT', {}, [{ path: 'file', key: 'ledgers.file.changedMeanwhile' }]);
  const rows = (await tx.execute(sql`select r from ledger_import_rows s where ${mine} and s.a = 'update' order by n`)).rows as {
    r: Record<string, unknown>;
  }[];
  for (const { r } of rows) {
    const opened = (v: unknown) => openContact(ctx, (v as string | null) ?? null);
    await updateHousehold(ctx, Number(r.id), {
      headName: r.headName,
      category: r.category,
      isLifted: !!r.isLifted,
      dibao: !!r.dibao,
      tekun: !!r.tekun,
      incomePerHead: num(r.incomePerHead as string | null),
      incomeYear: r.incomeYear ?? null,
      address: opened(r.address),
      phone: opened(r.phone),
      note: r.note ?? null,
    });
    // the head's own record carries the name too (the household page lists members by it)
    if (r.renamed)
      await tx
        .update(M)
        .set({ name: r.headName as string, updatedAt: new Date() })
        .where(and(eq(M.householdId, Number(r.id)), eq(M.relation, 'head'), eq(M.active, true)));
  }
  return rows.length;
}

function toHouseholdRow(ctx: Pick<LedgerContext, 'services'>, h: typeof H.$inferSelect, headIdNumber: string): HouseholdRow {
  return {
    village: h.divisionCode,
    headName: h.headName,
    headIdNumber,
    category: h.category,
    entryDoor: h.entryDoor,
    isLifted: h.isLifted,
    dibao: h.dibao,
    tekun: h.tekun,
    incomePerHead: h.incomePerHead,
    incomeYear: h.incomeYear,
    status: h.status,
    address: openContact(ctx, h.address),
    phone: openContact(ctx, h.phone),
    note: h.note,
  };
}

/**
 * A new household's village must be a registered village; its head may not already be in another
 * household (which may lie outside the scope: named, nothing more shown); a registered household's
 * village and entry route are facts of record an import cannot change. One query of each per batch.
 */
async function checkHouseholds(rows: HouseholdRow[], ctx: LedgerContext): Promise<ErrorDetail[][]> {
  const { db, cipher } = ctx.services;
  const codes = [...new Set(rows.map((r) => r.village))];
  const villages = new Set(
    (
      await db
        .select({ code: divisions.code })
        .from(divisions)
        .where(and(inArray(divisions.code, codes), eq(divisions.level, 'village')))
    ).map((d) => d.code),
  );
  const found = await householdsByHead(
    db,
    ctx,
    rows.map((r) => r.headIdNumber),
  );
  const ids = [...new Set([...found.values()].map((f) => f.id))];
  const stored = new Map(
    (ids.length
      ? await db.select({ id: H.id, village: H.divisionCode, entryDoor: H.entryDoor }).from(H).where(inArray(H.id, ids))
      : []
    ).map((h) => [h.id, h]),
  );
  const hashes = rows.map((r) => cipher.hash(r.headIdNumber));
  const memberships = new Map((await activeMemberships(db, [...new Set(hashes)])).map((m) => [m.idHash, m]));
  return rows.map((r, i) => {
    const mine = found.get(r.headIdNumber);
    const other = memberships.get(hashes[i]);
    if (other && other.household !== mine?.id) return [duplicatePerson(ctx, 'headIdNumber', maskIdNumber(r.headIdNumber), other)];
    const h = mine && stored.get(mine.id);
    if (h) {
      const fixed = (path: string, current: string) => ({ path, key: 'monitoring.errors.fixedByImport', params: { current } });
      if (h.village !== r.village) return [fixed('village', h.village)];
      if (h.entryDoor !== r.entryDoor) return [fixed('entryDoor', zh.entryDoors[h.entryDoor])]; // the label, as the file writes it
      return [];
    }
    return villages.has(r.village) ? [] : [{ path: 'village', key: 'monitoring.errors.divisionNotVillage', params: { code: r.village } }];
  });
}
