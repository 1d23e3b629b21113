// Scoring rules: threshold bands, linear, capped; rubric means and settlements; mandatory checks; a veto removes
// 好; bonus and deduction within their bounds; totals, grades and ranks within groups (ties share a rank).
import type { FrameworkItemT, ItemTraceT } from '@xiezuo/shared/contracts/assessment';
import { describe, expect, it } from 'vitest';
import { gradeOf, rankParties, ruleScore, scoreItem } from './rules';

const bands = {
  type: 'bands' as const,
  bands: [
    { atLeast: 1, fraction: 1 },
    { atLeast: 0.8, fraction: 0.8 },
    { atLeast: 0.5, fraction: 0.5 },
  ],
};
const item = (kind: FrameworkItemT['kind'], maxPoints: number, extra: Partial<FrameworkItemT> = {}): FrameworkItemT => ({
  code: `x.${kind}`,
  name: kind,
  kind,
  maxPoints,
  ...extra,
});
const cutoffs = { good: 80, fairlyGood: 60, average: 40 };

describe('indicator rules', () => {
  it('threshold bands: the highest band reached gives its share of the points; below the lowest, none', () => {
    expect(ruleScore(bands, 10, 120, 100).points).toBe(10);
    expect(ruleScore(bands, 10, 85, 100).points).toBe(8);
    expect(ruleScore(bands, 10, 79.9, 100).points).toBe(5);
    const low = ruleScore(bands, 10, 40, 100);
    expect(low.points).toBe(0);
    expect(low.words).toContain('未达最低档');
  });

  it('linear: the completed share times the points, never above them; no target, no points', () => {
    expect(ruleScore({ type: 'linear' }, 8, 60, 80).points).toBe(6);
    expect(ruleScore({ type: 'linear' }, 8, 200, 80).points).toBe(8);
    expect(ruleScore({ type: 'linear' }, 8, 50, null).points).toBe(0);
  });

  it('capped: points per unit up to the cap (typical cases)', () => {
    expect(ruleScore({ type: 'capped', perUnit: 3 }, 6, 1, null).points).toBe(3);
    expect(ruleScore({ type: 'capped', perUnit: 3 }, 6, 4, null).points).toBe(6);
  });

  it('an item keeps its inputs and the words of the rule (the trace); a source not wired scores nothing and says so', () => {
    const t = scoreItem('资金使用', item('indicator', 10, { rule: bands, indicator: 'funds.received' }), { actual: 90, target: 100 });
    expect(t).toMatchObject({ points: 8, aspect: '资金使用', inputs: { actual: 90, target: 100 } });
    expect(t.rule).toContain('90.0%');
    expect(scoreItem('a', item('indicator', 10), { actual: null, target: 100 }).rule).toContain('未接入');
  });

  it('money in the words is written in 万元/亿元 as people read it, counts with their unit; the inputs stay in 元', () => {
    const funds = scoreItem('资金使用', item('indicator', 10, { rule: bands, indicator: 'funds.received' }), {
      actual: 25_600_000,
      target: 300_000_000,
    });
    expect(funds.rule).toContain('（2,560万元 ÷ 3亿元）');
    expect(funds.rule).not.toMatch(/25600000|300000000/);
    expect(funds.inputs).toMatchObject({ actual: 25_600_000, target: 300_000_000 });
    const linear = scoreItem('社会帮扶', item('indicator', 7, { rule: { type: 'linear' }, indicator: 'social.donationMoney' }), {
      actual: 100_000,
      target: 120_000,
    });
    expect(linear.rule).toBe('完成 83.3%（10万元 ÷ 12万元），× 7，不超过满分');
    const cadres = scoreItem('人才交流', item('indicator', 8, { rule: { type: 'linear' }, indicator: 'teams.cadreExchanges' }), {
      actual: 3,
      target: 6,
    });
    expect(cadres.rule).toContain('（3人次 ÷ 6人次）');
  });
});

describe('reviewed items', () => {
  it('rubric: the mean of the reviewers, within the points; a settlement decides instead', () => {
    const reviews = [
      { reviewer: '甲', points: 7, flag: null },
      { reviewer: '乙', points: 4, flag: null },
    ];
    expect(scoreItem('a', item('rubric', 8), { reviews }).points).toBe(5.5);
    const settled = scoreItem('a', item('rubric', 8), { reviews, settled: { points: 6, reason: '复核会议纪要' } });
    expect(settled.points).toBe(6);
    expect(settled.rule).toContain('复核会议纪要');
  });

  it('mandatory: all points when every reviewer finds it met, none otherwise', () => {
    expect(scoreItem('a', item('mandatory', 4), { reviews: [{ reviewer: '甲', points: 0, flag: true }] }).points).toBe(4);
    expect(scoreItem('a', item('mandatory', 4), { reviews: [{ reviewer: '甲', points: 0, flag: false }] }).points).toBe(0);
    expect(scoreItem('a', item('mandatory', 4), {}).points).toBe(0);
  });

  it('bonus and deduction stay within ± the points', () => {
    expect(scoreItem('a', item('bonus', 3), { reviews: [{ reviewer: '甲', points: 2, flag: null }] }).points).toBe(2);
    expect(scoreItem('a', item('bonus', 3), { reviews: [{ reviewer: '甲', points: -5, flag: null }] }).points).toBe(-3);
  });
});

describe('totals, grades and ranks', () => {
  const t = (points: number, veto = false): ItemTraceT => ({
    code: 'c',
    aspect: 'a',
    name: 'n',
    kind: 'indicator',
    maxPoints: 100,
    points,
    rule: '',
    inputs: {},
    veto,
  });

  it('cut-offs give the grade; a veto removes 好 but leaves lower grades', () => {
    expect(gradeOf(85, cutoffs, false)).toBe('good');
    expect(gradeOf(85, cutoffs, true)).toBe('fairlyGood');
    expect(gradeOf(61, cutoffs, true)).toBe('fairlyGood');
    expect(gradeOf(45, cutoffs, false)).toBe('average');
    expect(gradeOf(10, cutoffs, false)).toBe('poor');
    const veto = scoreItem('a', item('veto', 0), { reviews: [{ reviewer: '甲', points: 0, flag: true }] });
    expect(veto.veto).toBe(true);
  });

  it('ranks within each group, ties sharing a rank; totals add the items (bonus included)', () => {
    const ranked = rankParties(
      [
        { id: 'gd', group: 'east', items: [t(70), t(15)] },
        { id: 'gx', group: 'west', items: [t(90, true)] },
        { id: 'gz', group: 'west', items: [t(90)] },
        { id: 'yn', group: 'west', items: [t(50)] },
      ],
      cutoffs,
    );
    const by = Object.fromEntries(ranked.map((r) => [r.id, r]));
    expect(by.gd).toMatchObject({ total: 85, grade: 'good', rank: 1 });
    expect(by.gx).toMatchObject({ total: 90, grade: 'fairlyGood', rank: 1, vetoed: true });
    expect(by.gz).toMatchObject({ total: 90, grade: 'good', rank: 1 });
    expect(by.yn).toMatchObject({ rank: 3, grade: 'average' });
  });
});
