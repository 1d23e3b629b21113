// Divisions written by name (divisionByName columns): 兴义村, 兴义村委会, 兴义, 岗坪镇兴义村 or the code.
// Names are resolved a batch at a time (one query) within the importing user's scope, through the
// directory the registry provides; an unknown or ambiguous name is a problem of its cell.
import { cleanText } from '@xiezuo/shared/ledgerValues/text';
import { inScope } from '../scope';
import type { LedgerColumn, LedgerContext, LedgerRow } from './types';

const SUFFIXES: Record<string, string[]> = {
  village: ['社区居民委员会', '村民委员会', '居民委员会', '社区居委会', '村委会', '居委会', '村委', '社区', '村'],
  town: ['街道办事处', '街道', '镇', '乡'],
  county: ['自治县', '县', '区', '市'],
  city: ['市', '地区', '自治州'],
  province: ['省', '自治区', '市'],
};

/** A name and the ways it is written without the suffixes of its level: 高村村委会 → 高村村委会, 高村, 高. */
export function stemsOf(name: string, level: string): Set<string> {
  const out = new Set<string>();
  const strip = (s: string, depth: number) => {
    out.add(s);
    if (depth < 2)
      for (const suffix of SUFFIXES[level] ?? [])
        if (s.length > suffix.length && s.endsWith(suffix)) strip(s.slice(0, -suffix.length), depth + 1);
  };
  strip(cleanText(name).replace(/\s/g, ''), 0);
  return out;
}

const shortest = (stems: Set<string>) => [...stems].reduce((a, b) => (b.length < a.length ? b : a));
const meets = (a: Set<string>, b: Set<string>) => [...a].some((s) => b.has(s));

/** Ways to read a written name: as the division's own name, or as a town followed by it (岗坪镇兴义村). */
function readings(written: string): { stem: string; parent: string | null }[] {
  const out: { stem: string; parent: string | null }[] = [];
  const m = /^(?:.*?[省市县区])?(.+?(?:街道|镇|乡))(.+)$/.exec(written);
  if (m) out.push({ stem: m[2], parent: m[1] });
  out.push({ stem: written, parent: null });
  return out;
}

export interface DivisionProblem {
  key: string;
  params: Record<string, unknown>;
}

const LEVEL_WORDS: Record<string, string> = { village: '村（社区）', town: '乡镇（街道）', county: '县（区）', city: '市', province: '省' };

/** Replaces each name in the rows' division columns by its code; returns the problems by row index and column key. */
export async function resolveDivisionNames(
  columns: LedgerColumn[],
  rows: LedgerRow[],
  ctx: LedgerContext,
): Promise<Map<number, Map<string, DivisionProblem>>> {
  const problems = new Map<number, Map<string, DivisionProblem>>();
  const named = columns.filter((c) => c.type === 'division');
  const lookup = ctx.services.directory.divisionsNamed;
  for (const c of named) {
    const level = c.level ?? 'village';
    const names = [...new Set(rows.map((r) => r[c.key]).filter((v): v is string => typeof v === 'string' && !/^\d{12}$/.test(v)))];
    if (!names.length) continue;
    const stems = [...new Set(names.flatMap((n) => readings(n).map((r) => shortest(stemsOf(r.stem, level)))))].filter(Boolean);
    const found = lookup ? await lookup(ctx.services.db, stems, level) : [];
    const inMine = found.filter((d) => inScope(ctx.user.scope, { divisionCode: d.code }));
    const resolved = new Map<string, string | DivisionProblem>();
    for (const name of names) {
      let candidates: typeof inMine = [];
      for (const r of readings(name)) {
        const stems = stemsOf(r.stem, level);
        const parents = r.parent ? stemsOf(r.parent, 'town') : null;
        candidates = inMine.filter(
          (d) =>
            meets(stemsOf(d.name, level), stems) && (!parents || (d.parentName != null && meets(stemsOf(d.parentName, 'town'), parents))),
        );
        if (candidates.length) break;
      }
      if (candidates.length === 1) resolved.set(name, candidates[0].code);
      else if (!candidates.length)
        resolved.set(name, { key: 'ledgers.value.division.unknown', params: { value: name, level: LEVEL_WORDS[level] ?? level } });
      else {
        const list = candidates
          .slice(0, 10)
          .map((d) => `${d.parentName ?? ''}${d.name}（${d.code}）`)
          .join('、');
        resolved.set(name, { key: 'ledgers.value.division.ambiguous', params: { value: name, candidates: list } });
      }
    }
    rows.forEach((row, i) => {
      const v = row[c.key];
      if (typeof v !== 'string' || /^\d{12}$/.test(v)) return;
      const r = resolved.get(v)!;
      if (typeof r === 'string') row[c.key] = r;
      else {
        if (!problems.has(i)) problems.set(i, new Map());
        problems.get(i)!.set(c.key, r);
      }
    });
  }
  return problems;
}
