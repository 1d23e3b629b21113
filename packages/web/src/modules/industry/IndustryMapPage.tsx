// 产业协作地图: the pairing map with the helped counties' introduced enterprises (investment in place) and
// assistance workshops (people at work) drawn over the pairing lines; a point opens the list of that county's
// enterprises or workshops. The table below says the same in words (on a phone, a card per county).
import { useQuery } from '@tanstack/react-query';
import { industryApi } from '@xiezuo/shared/contracts/industry';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { call } from '../../app/api';
import { formatAmount, formatCount } from '../../app/format';
import { ListPage } from '../../platform/ListPage';
import { useWholeList } from '../../platform/usePagedQuery';
import { type MapOverlay, PairingMap } from '../registry/PairingMapPage';
import { placeOf } from '../registry/places';

type Place = Awaited<ReturnType<typeof call<typeof industryApi.places>>>[number];

/** Enterprises a little north-east of the county seat, workshops a little south-west, so both show. */
const at = (code: string, dx: number, dy: number) => {
  const p = placeOf(code);
  return p && ([p[0] + dx, p[1] + dy] as [number, number]);
};

export function IndustryMapPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const places = useQuery({ queryKey: ['industry', 'places'], queryFn: () => call(industryApi.places) });
  const { data } = places;
  const list = useWholeList(places, 50);
  const overlay = useMemo<MapOverlay | undefined>(() => {
    if (!data) return undefined;
    const points = (pick: (p: Place) => number, dx: number, dy: number) =>
      data.flatMap((p) => {
        const xy = pick(p) > 0 ? at(p.divisionCode, dx, dy) : undefined;
        return xy ? [{ name: p.divisionName ?? p.divisionCode, code: p.divisionCode, value: [...xy, pick(p)], place: p }] : [];
      });
    return {
      series: [
        {
          name: t('industry.map.enterprises'),
          type: 'effectScatter', // (the map's chunk registers effectScatter, not scatter) drawn still, rippling on hover
          showEffectOn: 'emphasis',
          coordinateSystem: 'geo',
          zlevel: 4,
          symbol: 'pin',
          symbolSize: (v: number[]) => 22 + Math.min(18, v[2] * 1.5),
          itemStyle: { color: '#fa8c16' },
          label: { show: true, formatter: (p: { value: number[] }) => String(p.value[2]), color: '#fff', fontSize: 10 },
          tooltip: {
            formatter: (p: { data: { place: Place } }) =>
              `${p.data.place.divisionName}<br/>${t('industry.map.enterpriseTip', {
                count: p.data.place.enterprises,
                amount: formatAmount(Number(p.data.place.inPlace)),
              })}`,
          },
          data: points((p) => p.enterprises, 0.18, 0.12),
        },
        {
          name: t('industry.map.workshops'),
          type: 'effectScatter',
          showEffectOn: 'emphasis',
          coordinateSystem: 'geo',
          zlevel: 4,
          symbol: 'diamond',
          symbolSize: (v: number[]) => 14 + Math.min(14, v[2] * 2),
          itemStyle: { color: '#389e0d' },
          tooltip: {
            formatter: (p: { data: { place: Place } }) =>
              `${p.data.place.divisionName}<br/>${t('industry.map.workshopTip', { count: p.data.place.workshops, workers: p.data.place.workers })}`,
          },
          data: points((p) => p.workshops, -0.18, -0.12),
        },
      ],
      onClick: (i, d) => {
        const code = (d as { code: string }).code;
        navigate(i === 0 ? `/industry/enterprises?division=${code}` : `/industry/workshops?division=${code}`);
      },
    };
  }, [data, navigate, t]);
  return (
    <>
      <PairingMap title={t('industry.map.title')} hint={t('industry.map.hint')} overlay={overlay} />
      <div style={{ marginTop: 12 }}>
        <ListPage
          title={t('industry.map.byCounty')}
          list={list}
          rowKey="divisionCode"
          columns={[
            { title: t('industry.fields.landed'), render: (_, r) => r.divisionName ?? r.divisionCode },
            {
              title: t('industry.map.enterprises'),
              align: 'right',
              render: (_, r) => <Link to={`/industry/enterprises?division=${r.divisionCode}`}>{formatCount(r.enterprises)}</Link>,
            },
            { title: t('industry.fields.inPlace'), align: 'right', render: (_, r) => formatAmount(Number(r.inPlace)) },
            {
              title: t('industry.map.workshops'),
              align: 'right',
              render: (_, r) => <Link to={`/industry/workshops?division=${r.divisionCode}`}>{formatCount(r.workshops)}</Link>,
            },
            { title: t('industry.fields.workers'), align: 'right', render: (_, r) => formatCount(r.workers) },
          ]}
        />
      </div>
    </>
  );
}
