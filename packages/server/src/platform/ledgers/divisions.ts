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

/** The 55 minorities as autonomous places name them (富川瑶族自治县, 连山壮族瑶族自治县, 积石山保安族东乡族撒拉族自治县). */
const ETHNIC_GROUPS =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺|各';
/** An autonomous place's name: its own part (two characters or more), its peoples, its kind — 富川 + 瑶族 + 自治县. */
const AUTONOMOUS = new RegExp(`^(.{2,}?)(?:(?:${ETHNIC_GROUPS})族)+(?:自治县|自治旗|自治州|乡|镇)$`);

/**
 * A name and the ways it is written without the suffixes of its level: 高村村委会 → 高村村委会, 高村, 高; an
 * autonomous place also without its peoples, as clerks write it: 富川瑶族自治县 → …, 富川.
 */
export function stemsOf(name: string, level: string): Set<string> {
  const out = new Set<string>();
  const strip = (s: string, depth: number) => {
    out.add(s);
    if (depth < 2)
      for (const suffix of SUFFIXES[level] ?? [])
        if (s.length > suffix.length && s.endsWith(suffix)) strip(s.slice(0, -suffix.length), depth + 1);
  };
  const written = cleanText(name).replace(/\s/g, '');
  strip(written, 0);
  const own = AUTONOMOUS.exec(written)?.[1];
  if (own) strip(own, 2);
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
