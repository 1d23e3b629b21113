// The dashboard's city map, coloured by the ranked indicator: its own chunk with the map parts of ECharts
// and the province outlines, so a phone does not download it unless asked (see DashboardPage).
import type { DashboardT } from '@xiezuo/shared/contracts/indicators';
import { withUnit } from '@xiezuo/shared/format';
import { useMemo } from 'react';
import type { echarts } from '../../app/echarts';
import { CITY_CENTRE, CITY_CODE, CITY_NAME, provinceMap, SOUTH_MAP } from '../../app/southMap';
import { Chart } from './Chart';
import { mapViewOf, nodeForCity, RED } from './charts';

export function mapOption(d: DashboardT): echarts.EChartsCoreOption {
  const view = mapViewOf(d.node.node);
  const map = view.province ? provinceMap(view.province) : SOUTH_MAP;
  const centre = view.city ? CITY_CENTRE.get(view.city) : undefined;
  const data = d.map.cities
    .filter((c) => CITY_NAME.has(c.code))
    .map((c) => ({ name: CITY_NAME.get(c.code), value: c.value ?? 0, node: c.node, selected: c.code === view.city }));
  const max = Math.max(1, ...data.map((x) => x.value));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number }) =>
        `${p.name}<br/>${d.rank.name}：${Number.isNaN(p.value) ? '—' : withUnit(String(p.value), d.rank.unit)}`,
    },
    visualMap: { min: 0, max, left: 8, bottom: 8, calculable: true, inRange: { color: ['#fff1f0', '#ffa39e', RED] }, itemHeight: 90 },
    series: [
      {
        type: 'map',
        map,
        roam: true,
        layoutCenter: ['55%', '50%'],
        layoutSize: '95%',
        // a city (or a county or town in it) is shown centred and enlarged inside its province
        ...(centre ? { center: centre, zoom: 2.5 } : {}),
        selectedMode: 'single',
        select: { itemStyle: { borderColor: '#1f1f1f', borderWidth: 2 } },
        label: { show: false },
        emphasis: { label: { show: true } },
        itemStyle: { borderColor: '#9fb3c8', areaColor: '#f5f7fa' },
        data,
      },
    ],
  };
}

export default function MapCardBody({ d, name, onOpen }: { d: DashboardT; name: string; onOpen: (node: string) => void }) {
  const option = useMemo(() => mapOption(d), [d]);
  return (
    <Chart
      option={option}
      name={name}
      height={380}
      testId="map-chart"
      onClick={(p) => {
        const code = CITY_CODE.get(p.name);
        const node = code && nodeForCity(d, code);
        if (node) onOpen(node);
      }}
    />
  );
}
