// ECharts options of the dashboard: trend against last year, progress gauges, ranking bars, city map.
import type { DashboardT, FigureT } from '@xiezuo/shared/contracts/indicators';
import type * as echarts from 'echarts';
import { withUnit } from '@xiezuo/shared/format';
import { CITY_NAME, SOUTH_MAP } from '../../app/southMap';

type T = (k: string, o?: Record<string, unknown>) => string;
const RED = '#c8102e';
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
          { name: t('indicators.thisYear'), type: 'line', smooth: true, data: s.current, itemStyle: { color: RED }, areaStyle: { opacity: 0.08 } },
          { name: t('indicators.lastYear'), type: 'line', smooth: true, data: s.lastYear, itemStyle: { color: GREY }, lineStyle: { type: 'dashed' } },
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
      data: [{ value: Math.round((f.progress ?? 0) * 1000) / 10, name: `${f.name}\n${t('indicators.elapsed', { pct: `${Math.round(elapsed * 100)}%` })}` }],
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
      { name: t('indicators.thisYear'), type: 'bar', data: items.map((i) => i.value), itemStyle: { color: RED }, label: { show: true, position: 'right' } },
      { name: t('indicators.lastYear'), type: 'bar', data: items.map((i) => i.lastYear), itemStyle: { color: GREY } },
    ],
  };
}

export function mapOption(d: DashboardT): echarts.EChartsCoreOption {
  const data = d.map.cities
    .filter((c) => CITY_NAME.has(c.code))
    .map((c) => ({ name: CITY_NAME.get(c.code), value: c.value ?? 0, node: c.node }));
  const max = Math.max(1, ...data.map((x) => x.value));
  return {
    tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${p.name}<br/>${d.rank.name}：${Number.isNaN(p.value) ? '—' : withUnit(String(p.value), d.rank.unit)}` },
    visualMap: { min: 0, max, left: 8, bottom: 8, calculable: true, inRange: { color: ['#fff1f0', '#ffa39e', RED] }, itemHeight: 90 },
    series: [
      {
        type: 'map',
        map: SOUTH_MAP,
        roam: true,
        layoutCenter: ['55%', '50%'],
        layoutSize: '95%',
        label: { show: false },
        emphasis: { label: { show: true } },
        itemStyle: { borderColor: '#9fb3c8', areaColor: '#f5f7fa' },
        data,
      },
    ],
  };
}
