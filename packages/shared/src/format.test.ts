import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatAmountBrief,
  formatChange,
  formatDate,
  formatDateTime,
  formatMoment,
  formatPercent,
  formatTableDate,
  titleWithUnit,
  withUnit,
} from './format';

describe('formats people read', () => {
  it('shows amounts in 亿元/万元/元 as the size suggests', () => {
    expect(formatAmount(167_750_000)).toBe('1.6775亿元'); // 中山 → 六盘水 fiscal aid
    expect(formatAmountBrief(167_750_000)).toBe('1.68亿元'); // …at a glance on the dashboard
    expect(formatAmountBrief(72_754_321)).toBe('7,275.43万元');
    expect(formatAmountBrief(86_700)).toBe('8.67万元');
    expect(formatAmountBrief(5_500)).toBe('5,500元');
    expect(formatAmount(550_000)).toBe('55万元'); // 南口镇 lighting projects
    expect(formatAmount(86_700)).toBe('8.67万元'); // 畲江镇 donations
    expect(formatAmount(1234.5)).toBe('1,234.5元');
    expect(formatAmount(183_000_000, '万元')).toBe('18,300万元');
    expect(formatAmount(null)).toBe('—');
  });

  it('writes dates the Chinese way, ISO in English', () => {
    expect(formatDate('2025-03-01')).toBe('2025年3月1日');
    expect(formatDate('2025-03-01', 'en')).toBe('2025-03-01');
    expect(formatDate(new Date('2025-06-30T20:00:00Z'))).toBe('2025年7月1日'); // China Standard Time
    // tables and exports: one format in every language
    expect(formatTableDate('2025-03-01')).toBe('2025-03-01');
    expect(formatTableDate(new Date('2025-06-30T20:00:00Z'))).toBe('2025-07-01');
    expect(formatTableDate(null)).toBe('—');
    expect(formatDateTime('2025-03-01T06:05:00Z')).toBe('2025-03-01 14:05');
  });

  it('writes a moment as people do: 今天 14:05 on the day (in Beijing), else the date in words', () => {
    const now = new Date('2026-12-05T15:30:00Z'); // 23:30 in Beijing
    expect(formatMoment('2026-12-05T06:05:00Z', 'zh-CN', now)).toBe('今天 14:05');
    expect(formatMoment('2026-12-04T15:59:00Z', 'zh-CN', now)).toBe('2026年12月4日 23:59');
    expect(formatMoment('2026-12-04T16:01:00Z', 'zh-CN', now)).toBe('今天 00:01'); // already the 5th in Beijing
    expect(formatMoment('2026-12-04T06:05:00Z', 'en', now)).toBe('2026-12-04 14:05');
    expect(formatMoment('2026-12-05T06:05:00Z', 'en', now)).toBe('today 14:05');
    expect(formatMoment(null)).toBe('—');
  });

  it('shows ratios as percentages', () => {
    expect(formatPercent(81 / 86)).toBe('94.2%'); // order class: 81 of 86 graduates employed
    expect(formatPercent(Number.NaN)).toBe('—');
    expect(formatChange(0.125)).toBe('+12.5%');
    expect(formatChange(-0.03)).toBe('-3.0%');
    expect(formatChange(0)).toBe('0.0%');
    expect(formatChange(null)).toBe('—');
  });

  it('writes units as each language does', () => {
    expect(withUnit('42', '户')).toBe('42户');
    expect(withUnit('42', 'households')).toBe('42 households');
    expect(withUnit('1', 'teams')).toBe('1 team');
    expect(withUnit('1', 'person-times')).toBe('1 person-time');
    expect(withUnit('1', '户')).toBe('1户');
    expect(titleWithUnit('走访监测户', '户')).toBe('走访监测户（户）');
    expect(titleWithUnit('Visited households', 'households')).toBe('Visited households (households)');
  });
});
