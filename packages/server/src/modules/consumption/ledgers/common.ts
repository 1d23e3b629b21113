// What the consumption ledgers share: the catalogue's labels, the ways clerks and platforms write a channel,
// and the batch lookups their checks and writes make — one query per batch, never per row.
import { catalogues } from '@xiezuo/shared/i18n/index';
import { inArray } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import { divisions, units } from '../../registry';
import { dbOf } from '../access';
import { suppliersByKeys } from '../suppliers';

export const zh = catalogues['zh-CN'].consumption;

/** Channels as people and platforms write them (the catalogue's labels are read too). */
export const CHANNEL_WORDS = {
  单位采购: 'unit',
  预算单位: 'unit',
  预算单位采购: 'unit',
  机关单位采购: 'unit',
  食堂采购: 'unit',
  工会: 'union',
  工会采购: 'union',
  工会福利: 'union',
  专柜: 'counter',
  专馆: 'counter',
  专区: 'counter',
  消费帮扶专柜: 'counter',
  '832': 'platform832',
  '832平台': 'platform832',
  脱贫地区农副产品网络销售平台: 'platform832',
  电商: 'ecommerce',
  电商平台: 'ecommerce',
  网络销售: 'ecommerce',
  直播带货: 'ecommerce',
  市场: 'market',
  商超: 'market',
  超市: 'market',
  批发市场: 'market',
  个人: 'individual',
  个人购买: 'individual',
} as const;

const unique = <T>(values: (T | null | undefined)[]) => [...new Set(values.filter((v): v is T => v != null && v !== ''))];

/** Which of these codes are divisions of the tree. */
export async function knownDivisions(ctx: Ctx, codes: (string | null | undefined)[]) {
  const wanted = unique(codes);
  if (!wanted.length) return new Set<string>();
  const rows = await dbOf(ctx).select({ code: divisions.code }).from(divisions).where(inArray(divisions.code, wanted));
  return new Set(rows.map((r) => r.code));
}

/** Suppliers the user may see, by credit code and by name (of two of one name, the first registered). */
export async function supplierLookup(ctx: Ctx, rows: { supplierCreditCode?: string | null; supplierName?: string | null }[]) {
  const found = await suppliersByKeys(ctx, unique(rows.map((r) => r.supplierCreditCode)), unique(rows.map((r) => r.supplierName)));
  const byCode = new Map(found.map((s) => [s.creditCode, s]));
  const byName = new Map<string, (typeof found)[number]>();
  for (const s of [...found].sort((a, b) => a.id - b.id)) if (!byName.has(s.name)) byName.set(s.name, s);
  return (r: { supplierCreditCode?: string | null; supplierName?: string | null }) =>
    (r.supplierCreditCode ? byCode.get(r.supplierCreditCode) : undefined) ?? (r.supplierName ? byName.get(r.supplierName) : undefined);
}

/** The divisions of registered units by name: a platform export names the buying unit, not its place. */
export async function unitPlaces(ctx: Ctx, names: (string | null | undefined)[]) {
  const wanted = unique(names);
  if (!wanted.length) return new Map<string, string>();
  const rows = await dbOf(ctx)
    .select({ name: units.name, divisionCode: units.divisionCode })
    .from(units)
    .where(inArray(units.name, wanted))
    .orderBy(units.id);
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.name)) out.set(r.name, r.divisionCode);
  return out;
}
