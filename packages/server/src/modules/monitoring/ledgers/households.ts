// 监测户台账: a household and its head, created and corrected through the module's services.

import { maskIdNumber } from '@xiezuo/shared/codes/idNumber';
import { CATEGORIES, ENTRY_DOORS, MONITORING_LEDGERS, STATUSES } from '@xiezuo/shared/contracts/monitoring';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ErrorDetail } from '../../../platform/http/errors';
import { amount, divisionCode, enumOf, phone } from '../../../platform/ledgers/columns';
import { defineLedger, type LedgerContext, naturalKeyOf } from '../../../platform/ledgers/types';
import { inScope } from '../../../platform/scope';
import { divisions } from '../../registry';
import { openContact } from '../contact';
import { activeMemberships, createHousehold, duplicatePerson, updateHousehold } from '../households';
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
    const hs = new Map((ids.length ? await tx.select().from(H).where(inArray(H.id, ids)) : []).map((h) => [h.id, h]));
    const out = new Map<string, HouseholdRow>();
    for (const [idNumber, f] of found) {
      const h = hs.get(f.id)!;
      const row = { ...toHouseholdRow(ctx, h, idNumber), id: h.id };
      out.set(naturalKeyOf(householdLedger, row), row);
    }
    return out;
  },
  // through the module's services, with the commit's ctx: they join its transaction (ctx.tx)
  async write(tx, changes, ctx) {
    for (const r of changes.insert) {
      const id = r.headIdNumber;
      const head = {
        name: r.headName,
        relation: 'head' as const,
        gender: Number(id[16]) % 2 ? ('male' as const) : ('female' as const),
        birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
        idNumber: id,
        health: 'healthy' as const,
        disability: 'none' as const,
        schooling: 'not_in_school' as const,
        work: 'none' as const,
      };
      await createHousehold(ctx, {
        divisionCode: r.village,
        entryDoor: r.entryDoor as never,
        category: r.category as never,
        isLifted: !!r.isLifted,
        dibao: !!r.dibao,
        tekun: !!r.tekun,
        incomePerHead: num(r.incomePerHead),
        incomeYear: r.incomeYear,
        address: r.address ?? undefined,
        phone: r.phone ?? undefined,
        note: r.note ?? undefined,
        members: [head],
      });
    }
    for (const { before, after } of changes.update) {
      await updateHousehold(ctx, before.id!, {
        headName: after.headName,
        category: after.category,
        isLifted: !!after.isLifted,
        dibao: !!after.dibao,
        tekun: !!after.tekun,
        incomePerHead: num(after.incomePerHead),
        incomeYear: after.incomeYear,
        address: after.address,
        phone: after.phone,
        note: after.note,
      });
      // the head's own record carries the name too (the household page lists members by it)
      if (after.headName !== before.headName)
        await tx
          .update(M)
          .set({ name: after.headName, updatedAt: new Date() })
          .where(and(eq(M.householdId, before.id!), eq(M.relation, 'head'), eq(M.active, true)));
    }
  },
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
