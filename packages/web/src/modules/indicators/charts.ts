// ECharts options of the dashboard: trend against last year, progress gauges, ranking bars, city map.
import type { DashboardT, FigureT } from '@xiezuo/shared/contracts/indicators';
import type { echarts } from '../../app/echarts';

type T = (k: string, o?: Record<string, unknown>) => string;
export const RED = '#c8102e';
const GREY = '#9aa5b1';

export function trendOption(d: DashboardT, code: string, t: T): echarts.EChartsCoreOption {
  const s = d.trend.series.find((x) => x.code === code) ?? d.trend.series[0];
  // 1月 … 12月 in Chinese, Jan … Dec in English
  const monthName = new Intl.DateTimeFormat(t('indicators.locale'), { month: 'short', timeZone: 'UTC' });
  const months = d.trend.months.map((m) => monthName.format(new Date(Date.UTC(2000, Number(m.slice(6)) - 1, 1))));
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 40 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1 },
    series: s
      ? [
          { name: t('indicators.thisYear'), type: 'bar', data: s.current, itemStyle: { color: RED }, barGap: '10%' },
          { name: t('indicators.lastYear'), type: 'bar', data: s.lastYear, itemStyle: { color: GREY } },
        ]
      : [],
  };
}

export function gaugeOption(figures: FigureT[], elapsed: number, t: T): echarts.EChartsCoreOption {
  const shown = figures.slice(0, 3);
  const width = 100 / Math.max(1, shown.length);
  return {
    series: shown.map((f, i) => ({
      type: 'gauge',
      center: [`${width * i + width / 2}%`, '58%'],
      radius: shown.length > 1 ? '70%' : '85%',
      min: 0,
      max: 100,
      progress: { show: true, width: 10, itemStyle: { color: f.behind ? '#fa8c16' : '#52c41a' } },
      axisLine: { lineStyle: { width: 10 } },
      axisTick: { show: false },
      splitLine: { show: false },
      axisLabel: { show: false },
      pointer: { show: false },
      anchor: { show: false },
      title: { offsetCenter: [0, '72%'], fontSize: 12 },
      detail: { valueAnimation: true, offsetCenter: [0, '5%'], fontSize: 18, formatter: '{value}%' },
      markLine: undefined,
      data: [
        {
          value: Math.round((f.progress ?? 0) * 1000) / 10,
          name: `${f.name}\n${t('indicators.elapsed', { pct: `${Math.round(elapsed * 100)}%` })}`,
        },
      ],
    })),
  };
}

export function rankingOption(d: DashboardT, t: T): echarts.EChartsCoreOption {
  const items = [...d.rank.items].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 24, top: 36, bottom: 36, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: items.map((i) => i.name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      {
        name: t('indicators.thisYear'),
        type: 'bar',
        data: items.map((i) => i.value),
        itemStyle: { color: RED },
        label: { show: true, position: 'right' },
      },
      { name: t('indicators.lastYear'), type: 'bar', data: items.map((i) => i.lastYear), itemStyle: { color: GREY } },
    ],
  };
}

/**
 * The node a click on a city of the map opens: the child of the shown node that holds the city (a click in
 * Guangdong on the all-provinces view opens 广东省, on 广东省 opens the city), else the city itself.
 */
export function nodeForCity(d: Pick<DashboardT, 'node' | 'children'>, cityCode: string): string | undefined {
  const city4 = cityCode.slice(0, 4);
  const child = d.children.find((c) => c.node.startsWith('d:') && city4.startsWith(c.node.slice(2)));
  if (child) return child.node;
  const shown = d.node.node;
  if (shown.startsWith('d:') && shown.slice(2).startsWith(city4)) return undefined; // already in (or under) that city
  return `d:${city4}`;
}

/** What the map shows for a node: a province alone for a division in it, the city centred for anything below. */
export function mapViewOf(node: string): { province?: string; city?: string } {
  if (!node.startsWith('d:')) return {};
  const code = node.slice(2);
  return { province: code.slice(0, 2), city: code.length >= 4 ? `${code.slice(0, 4)}00` : undefined };
}
