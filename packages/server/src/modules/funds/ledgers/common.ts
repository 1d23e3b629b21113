// What the funds ledgers share: the catalogue's labels and the kinds-of-money columns.

import { divisionPrefix } from '@xiezuo/shared/codes/division';
import { FUND_KINDS, type FundKind } from '@xiezuo/shared/contracts/funds';
import { catalogues } from '@xiezuo/shared/i18n/index';
import { cleanText } from '@xiezuo/shared/ledgerValues/text';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import type { ErrorDetail } from '../../../platform/http/errors';
import { amount } from '../../../platform/ledgers/columns';
import { stemsOf } from '../../../platform/ledgers/divisions';
import type { LedgerColumn } from '../../../platform/ledgers/types';
import { inScope } from '../../../platform/scope';
import { divisions, pairings, programmes, units } from '../../registry';
import { teams } from '../../teams';
import { dbOf } from '../access';

export const zh = catalogues['zh-CN'].funds;

/** 财政援助资金预算 …: one amount column per kind of money (kept apart, never added into one). */
export const budgetColumns: LedgerColumn[] = FUND_KINDS.map((k) =>
  amount({
    key: `budget_${k}`,
    header: `${zh.kinds[k]}预算`,
    headerEn: `Budget: ${k}`,
    synonyms: [`${zh.kinds[k]}（元）`, `${zh.kinds[k]}`],
    example: k === 'fiscal' ? '120万元' : undefined,
  }),
);

export type BudgetCells = Record<`budget_${FundKind}`, string | null>;

export const budgetKey = (k: FundKind) => `budget_${k}` as const;

/** Budget cells of a row → the contract's budgets (kinds left empty have none). */
export function budgetsOf(row: BudgetCells): { kind: FundKind; amount: number }[] {
  return FUND_KINDS.filter((k) => row[budgetKey(k)] != null).map((k) => ({ kind: k, amount: Number(row[budgetKey(k)]) }));
}

/** Project codes as written: trimmed, half-width. */
export const sameCode = (s: string | null | undefined) => (s ?? '').trim().toUpperCase();

/** 协作计划 and 责任工作队, named (not numbered) in a ledger. */
export const programmeColumn: LedgerColumn = {
  key: 'programme',
  header: '协作计划',
  headerEn: 'Programme',
  synonyms: ['所属协作计划', '协作项目计划'],
  type: 'text',
  maxLength: 200,
  example: '粤桂东西部协作',
};
export const teamColumn: LedgerColumn = {
  key: 'team',
  header: '责任工作队',
  headerEn: 'Responsible team',
  synonyms: ['工作队', '所在队伍', '责任队伍'],
  type: 'text',
  maxLength: 200,
  example: '南口镇驻镇帮镇扶村工作队',
};

/**
 * Programmes by name and the teams the user sees by name (of two of one name, the later), and both by id: one
 * query each for a batch of rows (and the stored projects they are compared with).
 */
export async function programmesAndTeams(
  ctx: Ctx,
  want: { programmes?: (string | null)[]; teams?: (string | null)[]; programmeIds?: (number | null)[]; teamIds?: (number | null)[] },
) {
  const db = dbOf(ctx);
  const names = (xs?: (string | null)[]) => [...new Set((xs ?? []).filter((x): x is string => !!x))];
  const ids = (xs?: (number | null)[]) => [...new Set((xs ?? []).filter((x): x is number => x != null))];
  const [pn, tn, pi, ti] = [names(want.programmes), names(want.teams), ids(want.programmeIds), ids(want.teamIds)];
  const progs =
    pn.length || pi.length
      ? await db
          .select({ id: programmes.id, name: programmes.name })
          .from(programmes)
          .where(or(pn.length ? inArray(programmes.name, pn) : undefined, pi.length ? inArray(programmes.id, pi) : undefined))
      : [];
  const tms =
    tn.length || ti.length
      ? await db
          .select({ id: teams.id, name: teams.name, divisionCode: teams.divisionCode })
          .from(teams)
          .where(or(tn.length ? inArray(teams.name, tn) : undefined, ti.length ? inArray(teams.id, ti) : undefined))
          .orderBy(asc(teams.id))
      : [];
  const seen = tms.filter((t) => inScope(ctx.user.scope, { divisionCode: t.divisionCode, teamId: t.id }));
  return {
    programmeId: new Map(progs.map((p) => [p.name, p.id])),
    programmeName: new Map(progs.map((p) => [p.id, p.name])),
    teamId: new Map(seen.map((t) => [t.name, t.id])),
    teamName: new Map(tms.map((t) => [t.id, t.name])),
  };
}

/** 结对关系 as the registry and the forms name a pairing: 帮扶方 → 受帮扶方 (each side a unit's or a division's name). */
export const pairingColumn: LedgerColumn = {
  key: 'pairing',
  header: '结对关系',
  headerEn: 'Pairing',
  synonyms: ['结对', '结对帮扶关系', '帮扶结对', '结对双方'],
  type: 'text',
  maxLength: 300,
  note: '写作“帮扶方 → 受帮扶方”，如“中山市 → 六盘水市”（也可用 - 或 — 连接）',
  example: '中山市 → 六盘水市',
};

/** 受益村: several villages in one cell, by name or 12-digit code, as clerks separate them. */
export const villagesColumn: LedgerColumn = {
  key: 'villages',
  header: '受益村',
  headerEn: 'Villages served',
  synonyms: ['受益村（社区）', '项目受益村', '涉及村', '覆盖村', '受益村名称'],
  type: 'text',
  maxLength: 2000,
  note: '可填多个村，用“、”“，”或“；”隔开；填村名或12位区划代码，须在项目地点之内',
  example: '南龙村、车陂村',
};

const PAIRING_SEPARATOR = /\s*(?:→|->|—>|=>|－>|——|—|–|－|-|~|～)\s*/;
const nameOnly = (s: string) => cleanText(s).replace(/\s/g, '');

/** The two sides of a written pairing (中山市 → 六盘水市, 中山市-六盘水市), or null when it does not read as two. */
export function pairingSides(written: string): [string, string] | null {
  const parts = cleanText(written).split(PAIRING_SEPARATOR).filter(Boolean);
  return parts.length === 2 ? [nameOnly(parts[0]), nameOnly(parts[1])] : null;
}

type PairingCandidate = { id: number; label: string; startDate: string; endDate: string | null; helper: Set<string>; helped: Set<string> };

/**
 * The pairings a batch names, in one query (all pairings, with their parties' names: a province keeps a few
 * thousand at most): each written label → the pairing meant (of several with these
 * parties, the one in force on the row's day, else the latest begun by then), or the problem of its cell.
 * A side matches a unit's or a division's name as written, with or without its level's suffix (中山 = 中山市), or its code.
 */
export async function resolvePairings(ctx: Ctx, wanted: { label: string; day: string }[]) {
  const out = new Map<string, { id: number; label: string } | ErrorDetail>();
  const keyOf = (w: { label: string; day: string }) => `${w.label}\u0001${w.day}`;
  if (!wanted.length) return { get: (w: { label: string; day: string }) => out.get(keyOf(w)) };
  const { rows } = await dbOf(ctx).execute(sql`select p.id, p.start_date::text as start_date, p.end_date::text as end_date,
      hu.name as helper_unit, hd.name as helper_div, hd.level as helper_level, p.helper_division_code,
      du.name as helped_unit, dd.name as helped_div, dd.level as helped_level, p.helped_division_code
    from ${pairings} p left join ${units} hu on hu.id = p.helper_unit_id left join ${divisions} hd on hd.code = p.helper_division_code
    left join ${units} du on du.id = p.helped_unit_id left join ${divisions} dd on dd.code = p.helped_division_code`);
  const names = (unit: unknown, div: unknown, level: unknown, code: unknown) => {
    const set = new Set<string>([String(code)]);
    if (unit) set.add(nameOnly(String(unit)));
    if (div) for (const s of stemsOf(String(div), String(level ?? 'county'))) set.add(s);
    return set;
  };
  const candidates: PairingCandidate[] = (rows as Record<string, unknown>[]).map((r) => ({
    id: Number(r.id),
    label: `${r.helper_unit ?? r.helper_div ?? r.helper_division_code} → ${r.helped_unit ?? r.helped_div ?? r.helped_division_code}`,
    startDate: String(r.start_date),
    endDate: r.end_date == null ? null : String(r.end_date),
    helper: names(r.helper_unit, r.helper_div, r.helper_level, r.helper_division_code),
    helped: names(r.helped_unit, r.helped_div, r.helped_level, r.helped_division_code),
  }));
  const meets = (written: string, side: Set<string>) => written.length > 1 && side.has(written);
  for (const w of wanted) {
    if (out.has(keyOf(w))) continue;
    const sides = pairingSides(w.label);
    if (!sides) {
      out.set(keyOf(w), { path: 'pairing', key: 'funds.validation.pairingForm', params: { name: w.label } });
      continue;
    }
    const [helper, helped] = sides.map((s) => new Set([s, ...stemsOf(s, 'county'), ...stemsOf(s, 'city')]));
    const hits = candidates.filter((c) => [...helper].some((h) => meets(h, c.helper)) && [...helped].some((h) => meets(h, c.helped)));
    const inForce = hits.filter((c) => c.startDate <= w.day && (c.endDate == null || c.endDate >= w.day));
    const begun = hits.filter((c) => c.startDate <= w.day).sort((a, b) => b.startDate.localeCompare(a.startDate));
    const pick = inForce.length ? inForce : begun.length ? [begun[0]] : hits;
    if (pick.length === 1) out.set(keyOf(w), { id: pick[0].id, label: pick[0].label });
    else if (!pick.length) out.set(keyOf(w), { path: 'pairing', key: 'funds.validation.unknownPairing', params: { name: w.label } });
    else
      out.set(keyOf(w), {
        path: 'pairing',
        key: 'funds.validation.ambiguousPairing',
        params: { name: w.label, count: pick.length },
      });
  }
  return { get: (w: { label: string; day: string }) => out.get(keyOf(w)) };
}

/** The villages of a 受益村 cell as written: names or codes, separated by 、，, ; or blanks. */
export const villagesWritten = (cell: string) =>
  cleanText(cell)
    .split(/[、,;，；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The villages of a batch's rows, each inside its row's place, in one query: the cell → the codes (sorted,
 * joined by 、 — how the ledger compares it with the stored project) or the problem of the cell, naming the
 * village that is not found inside the place (or found twice).
 */
export async function resolveVillages(ctx: Ctx, rows: { place: string; cell: string }[]) {
  const wanted = rows.filter((r) => r.cell);
  const prefixes = [...new Set(wanted.map((r) => `${divisionPrefix(r.place)}%`))];
  const found = prefixes.length
    ? await dbOf(ctx)
        .select({ code: divisions.code, name: divisions.name })
        .from(divisions)
        .where(
          and(
            eq(divisions.level, 'village'),
            isNull(divisions.abolishedOn),
            sql`${divisions.code} like any(array[${sql.join(
              prefixes.map((x) => sql`${x}`),
              sql`, `,
            )}]::text[])`,
          ),
        )
    : [];
  return rows.map(({ place, cell }): { codes: string[] } | ErrorDetail => {
    const prefix = divisionPrefix(place);
    const mine = found.filter((v) => v.code.startsWith(prefix));
    const codes = new Set<string>();
    for (const w of villagesWritten(cell)) {
      if (/^\d{12}$/.test(w)) {
        if (!mine.some((v) => v.code === w)) return { path: 'villages', key: 'funds.validation.villageNotInPlace', params: { name: w } };
        codes.add(w);
        continue;
      }
      const stems = stemsOf(w, 'village');
      const hits = mine.filter((v) => [...stemsOf(v.name, 'village')].some((s) => stems.has(s)));
      if (hits.length !== 1)
        return {
          path: 'villages',
          key: hits.length ? 'funds.validation.villageAmbiguous' : 'funds.validation.villageNotInPlace',
          params: { name: w, candidates: hits.map((h) => `${h.name}（${h.code}）`).join('、') },
        };
      codes.add(hits[0].code);
    }
    return { codes: [...codes].sort() };
  });
}

export const villagesKey = (codes: string[]) => (codes.length ? [...codes].sort().join('、') : null);
