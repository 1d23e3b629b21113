// 资金流向图: a Sankey of the money — payer → the county it reached → the types of the projects it was committed
// to (what is not yet committed ends in one node of its own). Amounts in the tooltips as 万元/亿元. Only the
// Sankey part of ECharts is added here (the app's core set lives in app/echarts.ts, the map's in southMap.ts).
import type { fundsApi } from '@xiezuo/shared/contracts/funds';
import { SankeyChart } from 'echarts/charts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { call } from '../../app/api';
import { echarts } from '../../app/echarts';
import { Chart } from '../indicators/Chart';
import { yuan } from './money';

echarts.use([SankeyChart]);

type County = Awaited<ReturnType<typeof call<typeof fundsApi.counties>>>[number];
type T = ReturnType<typeof useTranslation>['t'];

const COLOURS = { payer: '#1677ff', county: '#13a8a8', type: '#fa8c16', rest: '#bfbfbf' };

/** Nodes are keyed by side and code (a city may pay and receive); their labels are the names. */
export function sankeyOption(counties: County[], t: T): echarts.EChartsCoreOption {
  const label = new Map<string, string>();
  const colour = new Map<string, string>();
  const depth = new Map<string, number>();
  const links: { source: string; target: string; value: number }[] = [];
  // each side in its own column: a county with no recorded payer stays in the middle, not among the payers
  const node = (key: string, name: string, c: string, column: number) => {
    label.set(key, name);
    colour.set(key, c);
    depth.set(key, column);
    return key;
  };
  for (const c of counties) {
    const received = Number(c.received);
    const county = node(`c:${c.divisionCode}`, c.divisionName ?? c.divisionCode, COLOURS.county, 1);
    for (const p of c.payers)
      links.push({
        source: node(`p:${p.divisionCode}`, p.divisionName ?? p.divisionCode, COLOURS.payer, 0),
        target: county,
        value: Number(p.amount),
      });
    let committed = 0;
    for (const b of c.byType) {
      committed += Number(b.committed);
      links.push({ source: county, target: node(`t:${b.type}`, t(`funds.types.${b.type}`), COLOURS.type, 2), value: Number(b.committed) });
    }
    if (received - committed > 0.005)
      links.push({
        source: county,
        target: node('rest', t('funds.allocations.notCommitted'), COLOURS.rest, 2),
        value: received - committed,
      });
  }
  const used = links.filter((l) => l.value > 0);
  const keys = new Set(used.flatMap((l) => [l.source, l.target]));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataType: string; data: { source?: string; target?: string; name?: string; value: number }; value: number }) =>
        p.dataType === 'edge'
          ? `${label.get(p.data.source!)} → ${label.get(p.data.target!)}<br/><b>${yuan(p.data.value)}</b>`
          : `${label.get(p.data.name!)}<br/><b>${yuan(p.value)}</b>`,
    },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 120,
        top: 16,
        bottom: 16,
        nodeGap: 12,
        draggable: false,
        emphasis: { focus: 'adjacency' },
        lineStyle: { color: 'gradient', opacity: 0.35, curveness: 0.5 },
        label: { formatter: (p: { name: string }) => label.get(p.name) ?? p.name, fontSize: 12 },
        data: [...keys].map((k) => ({ name: k, depth: depth.get(k), itemStyle: { color: colour.get(k) } })),
        links: used,
      },
    ],
  };
}

export function FlowSankey({ counties }: { counties: County[] }) {
  const { t } = useTranslation();
  const option = useMemo(() => sankeyOption(counties, t), [counties, t]);
  const rows = new Set(counties.flatMap((c) => [...c.payers.map((p) => p.divisionCode), c.divisionCode])).size;
  return (
    <Chart option={option} name={t('funds.allocations.sankey')} testId="fund-sankey" height={Math.max(320, Math.min(900, rows * 36))} />
  );
}
