// 结对地图: Guangdong, Guangxi and Guizhou with lines from helper to helped places (county level),
// filterable by programme, type and day; clicking a line or a place opens the pairing list. Other modules draw
// their own places over it (PairingMap's `overlay`: the industry module's enterprises and workshops).
import { useQuery } from '@tanstack/react-query';
import type { QueryOf } from '@xiezuo/shared/contracts/endpoint';
import { registryApi } from '@xiezuo/shared/contracts/registry';
import { Card, Grid, Space, Typography } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../app/api';
import { echarts } from '../../app/echarts';
import { SOUTH_MAP } from '../../app/southMap';
import { type Flow, qs } from './data';
import { AsOfPicker, ProgrammeSelect, TypeSelect } from './Options';
import { placeOf } from './places';

function option(flows: Flow[], t: (k: string, o?: object) => string) {
  const places = new Map<string, { name: string; value: [number, number, number]; code: string }>();
  const lines = [];
  for (const f of flows) {
    const from = placeOf(f.from.code);
    const to = placeOf(f.to.code);
    if (!from || !to) continue;
    for (const [p, xy] of [
      [f.from, from],
      [f.to, to],
    ] as const) {
      const cur = places.get(p.code);
      places.set(p.code, { name: p.name, code: p.code, value: [xy[0], xy[1], (cur?.value[2] ?? 0) + f.pairings] });
    }
    lines.push({ coords: [from, to], value: f.pairings, from: f.from, to: f.to, lineStyle: { width: 1 + Math.min(5, f.pairings) } });
  }
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesType: string; data: { from?: Flow['from']; to?: Flow['to']; value: number | number[]; name?: string } }) =>
        p.seriesType === 'lines'
          ? `${p.data.from?.name} → ${p.data.to?.name}<br/>${t('registry.map.flows', { count: p.data.value })}`
          : `${p.data.name}<br/>${t('registry.map.flows', { count: (p.data.value as number[])[2] })}`,
    },
    geo: {
      map: SOUTH_MAP,
      roam: true,
      layoutCenter: ['50%', '50%'],
      layoutSize: '88%',
      itemStyle: { areaColor: '#f3f6fa', borderColor: '#9fb3c8' },
      label: { show: false },
      emphasis: { label: { show: true } },
    },
    series: [
      {
        type: 'lines',
        coordinateSystem: 'geo',
        zlevel: 2,
        effect: { show: true, period: 5, symbol: 'arrow', symbolSize: 7 },
        lineStyle: { color: '#d4380d', opacity: 0.7, curveness: 0.25 },
        data: lines,
      },
      {
        type: 'effectScatter',
        coordinateSystem: 'geo',
        zlevel: 3,
        symbolSize: (v: number[]) => 6 + Math.min(10, v[2] * 1.5),
        label: { show: true, position: 'right', formatter: '{b}', fontSize: 11 },
        labelLayout: { hideOverlap: true },
        itemStyle: { color: '#1677ff' },
        data: [...places.values()],
      },
    ],
  };
}

/** Series drawn over the pairing map (in its geo coordinates); a click on one of their points goes to `onClick`. */
export interface MapOverlay {
  series: object[];
  onClick?(seriesIndex: number, data: unknown): void;
}

export function PairingMapPage() {
  return <PairingMap />;
}

export function PairingMap({ title, hint, overlay }: { title?: ReactNode; hint?: ReactNode; overlay?: MapOverlay }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts>(null);
  const [f, setF] = useState<QueryOf<typeof registryApi.flows> & { programmeId?: number }>({});
  const { data } = useQuery({ queryKey: ['registry', 'flows', f], queryFn: () => call(registryApi.flows, { query: f }) });

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current);
    chart.current = c;
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      c.dispose();
    };
  }, []);

  useEffect(() => {
    const c = chart.current;
    if (!c || !data) return;
    const base = option(data, (k, o) => String(t(k, o as never)));
    c.setOption({ ...base, series: [...base.series, ...(overlay?.series ?? [])] }, true);
    // lets the browser test find a place on the canvas
    Object.assign(c.getDom(), { toPixel: (lngLat: [number, number]) => c.convertToPixel('geo', lngLat) });
    c.off('click');
    c.on('click', (p) => {
      if (overlay && p.seriesIndex != null && p.seriesIndex >= base.series.length)
        return overlay.onClick?.(p.seriesIndex - base.series.length, p.data);
      const d = p.data as { to?: { code: string }; from?: { code: string }; code?: string };
      const division = p.seriesType === 'lines' ? d.to?.code : d.code;
      if (division)
        navigate(
          `/registry/pairings?${qs({ division, type: f.type, programmeId: f.programmeId, asOf: f.asOf, status: f.asOf ? undefined : 'active' })}`,
        );
    });
  }, [data, f, navigate, t, overlay]);

  const filters = (
    <Space wrap>
      <ProgrammeSelect value={f.programmeId} onChange={(programmeId) => setF({ ...f, programmeId })} />
      <TypeSelect value={f.type} onChange={(type) => setF({ ...f, type })} />
      <AsOfPicker value={f.asOf} onChange={(asOf) => setF({ ...f, asOf })} />
    </Space>
  );
  // on a phone the filters go under the title (in the header's extra they pushed the title out of sight)
  return (
    <Card title={title ?? t('registry.map.title')} extra={phone ? undefined : filters}>
      {phone && <div style={{ marginBottom: 8 }}>{filters}</div>}
      <Typography.Text type="secondary">{hint ?? t('registry.map.hint')}</Typography.Text>
      <div ref={ref} data-testid="pairing-map" style={{ width: '100%', height: 'min(70vh, 640px)', minHeight: 360 }} />
    </Card>
  );
}
