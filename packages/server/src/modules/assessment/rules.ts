// Scoring rules: an item's points from its inputs, each with the words of the rule applied (the trace); a
// party's total, grade and rank within its group follow from the items — computed, never typed. Pure functions:
// the cycle service gathers the inputs, the what-if replays them with other max points or cut-offs.
import type { CutoffsT, FrameworkItemT, Grade, ItemTraceT, ScoreRuleT } from '@xiezuo/shared/contracts/assessment';
import { formatAmount, withUnit } from '@xiezuo/shared/format';
import { INDICATOR_BY_CODE } from '@xiezuo/shared/indicators/catalogue';

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The inputs an item is scored from (those that apply to its kind). */
export interface ItemInputs {
  actual?: number | null; // live figure (indicator, innovation, imported)
  target?: number | null; // agreement or target total (indicator)
  reviews?: { reviewer: string; points: number; flag: boolean | null }[]; // reviewers' entries
  settled?: { points: number; reason: string } | null; // how a disagreement was settled
}

/** A figure written as people read it: money in 元 as 万元/亿元 (the shared formatter), counts with their unit. */
export type ShowFigure = (v: number) => string;
const plain: ShowFigure = (v) => round2(v).toLocaleString('zh-CN');

/** How an indicator's figures are written in the rule's words (item.indicator is 'code' or 'code|breakdown'). */
export function figureWriter(indicator: string | undefined): ShowFigure {
  const def = indicator ? INDICATOR_BY_CODE.get(indicator.split('|')[0]) : undefined;
  if (!def) return plain;
  if (def.money) return (v) => formatAmount(v);
  if (def.measure === 'ratio') return plain;
  return (v) => withUnit(plain(v), def.unitZh);
}

/** Points of an indicator-linked item: completion share of the target under its rule. */
export function ruleScore(
  rule: ScoreRuleT,
  maxPoints: number,
  actual: number,
  target: number | null,
  show: ShowFigure = plain,
): { points: number; words: string } {
  if (rule.type === 'capped') {
    const raw = actual * rule.perUnit;
    return { points: round2(Math.min(maxPoints, raw)), words: `${show(actual)} × ${rule.perUnit} = ${round2(raw)} 分，封顶 ${maxPoints}` };
  }
  if (!target) return { points: 0, words: '无目标值，不得分' };
  const share = actual / target;
  if (rule.type === 'linear') {
    const points = round2(maxPoints * Math.min(1, Math.max(0, share)));
    return { points, words: `完成 ${(share * 100).toFixed(1)}%（${show(actual)} ÷ ${show(target)}），× ${maxPoints}，不超过满分` };
  }
  const band = [...rule.bands].sort((a, b) => b.atLeast - a.atLeast).find((b) => share >= b.atLeast);
  const fraction = band?.fraction ?? 0;
  const of = `（${show(actual)} ÷ ${show(target)}）`;
  return {
    points: round2(maxPoints * fraction),
    words: band
      ? `完成 ${(share * 100).toFixed(1)}%${of}，达到 ≥${(band.atLeast * 100).toFixed(0)}% 档，得满分的 ${(fraction * 100).toFixed(0)}%`
      : `完成 ${(share * 100).toFixed(1)}%${of}，未达最低档`,
  };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

/** One item's score with its trace. */
export function scoreItem(aspect: string, item: FrameworkItemT, inputs: ItemInputs, maxPoints = item.maxPoints): ItemTraceT {
  const base = { code: item.code, aspect, name: item.name, kind: item.kind, maxPoints };
  const reviews = inputs.reviews ?? [];
  // the figure's unit travels with the inputs, so that a page writes 元 as 万元/亿元 (formatAmount) and counts with their unit
  const unit = item.indicator ? INDICATOR_BY_CODE.get(item.indicator.split('|')[0])?.unitZh : undefined;
  const trace = (points: number, rule: string, veto = false): ItemTraceT => ({
    ...base,
    points: round2(points),
    rule,
    veto,
    inputs: { ...inputs, ...(unit && (inputs.actual != null || inputs.target != null) ? { unit } : {}) } as Record<string, unknown>,
  });
  // a settlement decides whatever the kind
  if (inputs.settled && item.kind !== 'veto') {
    const p = clamp(item, inputs.settled.points, maxPoints);
    return trace(p, `评审意见不一致，经协调定为 ${p} 分：${inputs.settled.reason}`);
  }
  switch (item.kind) {
    case 'indicator':
    case 'innovation':
    case 'imported': {
      if (inputs.actual == null) return trace(0, '数据源未接入，不得分');
      const rule: ScoreRuleT = item.rule ?? (item.kind === 'indicator' ? { type: 'linear' } : { type: 'capped', perUnit: 1 });
      const s = ruleScore(rule, maxPoints, inputs.actual, inputs.target ?? null, figureWriter(item.indicator));
      return trace(s.points, s.words);
    }
    case 'rubric': {
      if (!reviews.length) return trace(0, '尚无评审打分');
      const points = clamp(item, mean(reviews.map((r) => r.points)), maxPoints);
      return trace(points, `${reviews.length} 位评审打分的平均值`);
    }
    case 'mandatory': {
      const met = reviews.length > 0 && reviews.every((r) => r.flag !== false);
      return trace(met ? maxPoints : 0, met ? '必备项已核实完成' : '必备项未完成或未核实，不得分');
    }
    case 'veto': {
      const found = reviews.some((r) => r.flag === true);
      return trace(0, found ? '发现否决情形，不得评为“好”' : '未发现否决情形', found);
    }
    case 'bonus': {
      if (!reviews.length) return trace(0, '无加减分');
      const points = clamp(item, mean(reviews.map((r) => r.points)), maxPoints);
      return trace(points, points >= 0 ? `加分 ${round2(points)}（上限 ${maxPoints}）` : `减分 ${round2(-points)}（上限 ${maxPoints}）`);
    }
  }
}

function clamp(item: FrameworkItemT, points: number, maxPoints: number) {
  const low = item.kind === 'bonus' ? -maxPoints : 0;
  return Math.min(maxPoints, Math.max(low, points));
}

/** The grade of a total under the cut-offs; a veto removes 好 (the best is then 较好). */
export function gradeOf(total: number, cutoffs: CutoffsT, vetoed: boolean): Grade {
  const g: Grade =
    total >= cutoffs.good ? 'good' : total >= cutoffs.fairlyGood ? 'fairlyGood' : total >= cutoffs.average ? 'average' : 'poor';
  return vetoed && g === 'good' ? 'fairlyGood' : g;
}

export const GRADE_ZH: Record<Grade, string> = { good: '好', fairlyGood: '较好', average: '一般', poor: '差' };

/** Totals, grades and ranks within each group (ties share a rank). */
export function rankParties<T extends { group: string; items: ItemTraceT[] }>(
  parties: T[],
  cutoffs: CutoffsT,
): (T & { total: number; grade: Grade; rank: number; vetoed: boolean })[] {
  const scored = parties.map((p) => {
    const total = round2(p.items.reduce((s, i) => s + i.points, 0));
    const vetoed = p.items.some((i) => i.veto);
    return { ...p, total, vetoed, grade: gradeOf(total, cutoffs, vetoed), rank: 0 };
  });
  const groups = new Map<string, typeof scored>();
  for (const p of scored) groups.set(p.group, [...(groups.get(p.group) ?? []), p]);
  for (const list of groups.values()) {
    list.sort((a, b) => b.total - a.total);
    list.forEach((p, i) => {
      p.rank = i > 0 && list[i - 1].total === p.total ? list[i - 1].rank : i + 1;
    });
  }
  return scored;
}
