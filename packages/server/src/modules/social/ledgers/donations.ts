// 捐赠慰问台账: one gift a row — cash (慰问金), goods (name, quantity, unit) with or without a value. A row whose
// recipient is a household is linked to the monitored household of that village headed by that name, if any; a
// school to the registry's unit of that name lying in the row's place (协作档案·单位), if one.
import { DONOR_KINDS, type DonorKind, RECIPIENT_KINDS, type RecipientKind, SOCIAL_LEDGERS } from '@xiezuo/shared/contracts/social';
import { and, inArray } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import type { Tx } from '../../../platform/db/client';
import type { ErrorDetail } from '../../../platform/http/errors';
import { amount, date, enumOf } from '../../../platform/ledgers/columns';
import { defineLedger, naturalKeyOf } from '../../../platform/ledgers/types';
import { monitoringHouseholds } from '../../monitoring';
import { units } from '../../registry';
import { allDonations, createDonation, updateDonation } from '../donations';
import { socialDonations as D } from '../tables';
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
    donatedOn: string;
    donorName: string;
    donorKind: DonorKind;
    recipientName: string;
    recipientKind: RecipientKind;
    households: number | null;
    cashAmount: string | null;
    goodsItem: string | null;
    goodsQuantity: number | null;
    goodsUnit: string | null;
    goodsValue: string | null;
    note: string | null;
    id?: number;
  };

const toRow = (d: typeof D.$inferSelect & TeamCell): Row => ({
  id: d.id,
  donatedOn: d.donatedOn,
  donorName: d.donorName,
  donorKind: d.donorKind,
  recipientName: d.recipientName,
  recipientKind: d.recipientKind,
  ...placeCells(d.divisionCode, 'town'),
  households: d.households,
  cashAmount: Number(d.cashAmount) > 0 ? d.cashAmount : null,
  goodsItem: d.goodsItem,
  goodsQuantity: d.goodsQuantity == null ? null : Number(d.goodsQuantity),
  goodsUnit: d.goodsUnit,
  goodsValue: d.goodsValue,
  team: d.team,
  note: d.note,
});

/** The monitored households a batch names (head name in a village), by `village|name`; of two of one name, neither. */
async function householdsOf(ctx: Ctx, rows: Row[]) {
  const named = rows.filter((r) => r.recipientKind === 'household' && r.village);
  const out = new Map<string, number | null>();
  if (!named.length) return out;
  const db = ctx.tx ?? ctx.services.db;
  const found = await db
    .select({ id: monitoringHouseholds.id, village: monitoringHouseholds.divisionCode, name: monitoringHouseholds.headName })
    .from(monitoringHouseholds)
    .where(
      and(
        inArray(monitoringHouseholds.divisionCode, unique(named.map((r) => r.village))),
        inArray(monitoringHouseholds.headName, unique(named.map((r) => r.recipientName))),
      ),
    );
  for (const h of found) {
    const key = `${h.village}|${h.name}`;
    out.set(key, out.has(key) ? null : h.id);
  }
  return out;
}

/** The registry's units a batch's schools name, by name: [id, division] of each (of two of one name in one line, neither). */
async function unitsOf(ctx: Ctx, rows: Row[]) {
  const named = rows.filter((r) => r.recipientKind === 'school');
  if (!named.length) return new Map<string, { id: number; divisionCode: string }[]>();
  const found = await (ctx.tx ?? ctx.services.db)
    .select({ id: units.id, name: units.name, divisionCode: units.divisionCode })
    .from(units)
    .where(inArray(units.name, unique(named.map((r) => r.recipientName))));
  const out = new Map<string, { id: number; divisionCode: string }[]>();
  for (const u of found) out.set(u.name, [...(out.get(u.name) ?? []), u]);
  return out;
}

/** The unit a school row names, lying in the row's place or above it (a county's school given in one of its towns). */
function unitOf(found: Map<string, { id: number; divisionCode: string }[]>, r: Row): number | null {
  if (r.recipientKind !== 'school') return null;
  const place = placeOf(r).replace(/(000)+$/, '');
  const here = (found.get(r.recipientName) ?? []).filter((u) => {
    const home = u.divisionCode.replace(/(000)+$/, '');
    return u.divisionCode.startsWith(place) || place.startsWith(home);
  });
  return here.length === 1 ? here[0].id : null;
}

const input = (r: Row, householdId: number | null, teams: Map<string, number>, unitId: number | null = null) => ({
  ...teamIdOf(teams, r),
  donatedOn: r.donatedOn,
  donorName: r.donorName,
  donorKind: r.donorKind ?? 'unit', // whenMissing: the file has no such column
  recipientName: r.recipientName,
  recipientKind: r.recipientKind ?? 'household',
  divisionCode: placeOf(r),
  householdId,
  unitId,
  households: r.households,
  cashAmount: r.cashAmount == null ? 0 : Number(r.cashAmount),
  goodsItem: r.goodsItem,
  goodsQuantity: r.goodsQuantity,
  goodsUnit: r.goodsUnit,
  goodsValue: r.goodsValue == null ? null : Number(r.goodsValue),
  note: r.note,
});

const NATURAL_KEY = ['donatedOn', 'donorName', 'recipientName', 'town', 'village', 'goodsItem'];

export const donationLedger = defineLedger<Row>({
  key: SOCIAL_LEDGERS.donations,
  title: '捐赠慰问台账',
  titleEn: 'Donations',
  entity: 'social_donation',
  columns: [
    date({
      key: 'donatedOn',
      header: '日期',
      headerEn: 'Date',
      synonyms: ['捐赠日期', '慰问日期', '发放日期'],
      required: true,
      example: '2025-01-20',
    }),
    {
      key: 'donorName',
      header: '捐赠方',
      headerEn: 'Donor',
      synonyms: ['捐赠单位', '捐赠人', '捐赠单位（个人）', '慰问单位'],
      type: 'text',
      required: true,
      example: '广州市荔湾区某街道',
    },
    enumOf(DONOR_KINDS, zh.donorKinds, {
      key: 'donorKind',
      header: '捐赠方类型',
      headerEn: 'Donor kind',
      emptyAs: 'unit',
      whenMissing: 'unit',
      example: '单位',
    }),
    {
      key: 'recipientName',
      header: '受助对象',
      headerEn: 'Recipient',
      synonyms: ['慰问对象', '受赠对象', '受助户', '户主姓名'],
      type: 'text',
      required: true,
      example: '畲江镇脱贫户儿童',
    },
    enumOf(RECIPIENT_KINDS, zh.recipientKinds, {
      key: 'recipientKind',
      header: '对象类型',
      headerEn: 'Recipient kind',
      synonyms: ['受助对象类型'],
      emptyAs: 'household',
      whenMissing: 'household',
      example: '农户',
    }),
    ...placeColumns('town', 'village', ['畲江镇', '']),
    { key: 'households', header: '受益户数', headerEn: 'Households', synonyms: ['户数', '慰问户数'], type: 'integer' },
    amount({
      key: 'cashAmount',
      header: '慰问金（元）',
      headerEn: 'Cash (yuan)',
      synonyms: ['慰问金', '现金', '慰问金额', '捐款金额'],
      example: 5000,
    }),
    { key: 'goodsItem', header: '物资名称', headerEn: 'Item', synonyms: ['物资', '捐赠物资'], type: 'text', example: '衣物' },
    { key: 'goodsQuantity', header: '数量', headerEn: 'Quantity', synonyms: ['物资数量'], type: 'decimal', example: 748 },
    { key: 'goodsUnit', header: '单位', headerEn: 'Unit', synonyms: ['计量单位'], type: 'text', example: '件' },
    amount({
      key: 'goodsValue',
      header: '物资折价（元）',
      headerEn: 'Goods value (yuan)',
      synonyms: ['折价', '物资价值', '折合金额', '物资折款'],
      note: '未折价的物资留空：按件数统计，不计入金额',
    }),
    teamColumn,
    { key: 'note', header: '备注', headerEn: 'Note', type: 'text' },
  ],
  naturalKey: NATURAL_KEY,
  permissions: { import: 'social.write', export: 'ledgers.export' },
  validateBatch: teamProblems,
  validate(row, ctx) {
    const problems: ErrorDetail[] = [...placeProblems(ctx, placeOf(row), 'town')];
    const cash = Number(row.cashAmount ?? 0);
    if (row.goodsItem && !row.goodsQuantity) problems.push({ path: 'goodsQuantity', key: 'social.validation.goodsQuantity' });
    if (!row.goodsItem && (row.goodsQuantity || row.goodsValue)) problems.push({ path: 'goodsItem', key: 'social.validation.goodsItem' });
    if (cash <= 0 && !row.goodsItem) problems.push({ path: 'cashAmount', key: 'social.validation.nothingGiven' });
    if (row.goodsQuantity != null && row.goodsQuantity <= 0)
      problems.push({ path: 'goodsQuantity', key: 'validation.tooSmall', params: { min: 0 } });
    return problems;
  },
  async findExisting(tx: Tx, rows, ctx) {
    const found = await tx
      .select()
      .from(D)
      .where(and(inArray(D.donatedOn, unique(rows.map((r) => r.donatedOn))), inArray(D.donorName, unique(rows.map((r) => r.donorName)))));
    const named = await namedTeams({ ...ctx, tx } as Ctx, found);
    return new Map(named.map((d) => [naturalKeyOf({ naturalKey: NATURAL_KEY }, toRow(d)), toRow(d)]));
  },
  async write(tx, changes, ctx) {
    const c = { ...ctx, tx };
    const households = await householdsOf(c, [...changes.insert, ...changes.update.map((u) => u.after)]);
    const householdOf = (r: Row) => households.get(`${r.village}|${r.recipientName}`) ?? null;
    const teams = await teamIdsOf(c, [...changes.insert, ...changes.update.map((u) => u.after)]);
    const schools = await unitsOf(c, [...changes.insert, ...changes.update.map((u) => u.after)]);
    for (const r of changes.insert) await createDonation(c, input(r, householdOf(r), teams, unitOf(schools, r)));
    for (const { before, after } of changes.update)
      await updateDonation(c, before.id!, input(after, householdOf(after), teams, unitOf(schools, after)));
  },
  async exportRows(ctx, filters) {
    const rows = await namedTeams(ctx, await allDonations(ctx, filters));
    return rows.map((d) => ({
      donatedOn: d.donatedOn,
      donorName: d.donorName,
      donorKind: d.donorKind,
      recipientName: d.recipientName,
      recipientKind: d.recipientKind,
      ...placeCells(d.divisionCode, 'town'),
      households: d.households,
      cashAmount: d.cashAmount > 0 ? d.cashAmount.toFixed(2) : null,
      goodsItem: d.goodsItem,
      goodsQuantity: d.goodsQuantity,
      goodsUnit: d.goodsUnit,
      goodsValue: d.goodsValue == null ? null : d.goodsValue.toFixed(2),
      team: d.team,
      note: d.note,
    }));
  },
});
