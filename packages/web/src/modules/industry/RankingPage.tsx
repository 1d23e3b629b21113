// 帮扶城市排名: the helper cities ranked by the investment their enterprises put in place in a period (this year
// by default), with the signed investment and the enterprises introduced — for HQ to compare the helper side. On a
// phone the cities are cards (ListPage) and the period picker sits in the filters.
import { useQuery } from '@tanstack/react-query';
import { industryApi } from '@xiezuo/shared/contracts/industry';
import { DatePicker, Grid, Progress } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { formatAmount, formatCount } from '../../app/format';
import { ListPage } from '../../platform/ListPage';
import { useWholeList } from '../../platform/usePagedQuery';

export function RankingPage() {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const query = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const result = useQuery({ queryKey: ['industry', 'ranking', query], queryFn: () => call(industryApi.ranking, { query }) });
  const list = useWholeList(result);
  const top = Math.max(1, ...(result.data ?? []).map((r) => Number(r.inPlace)));
  const rankOf = (code: string) => (result.data ?? []).findIndex((r) => r.divisionCode === code) + 1;
  return (
    <ListPage
      title={t('industry.ranking.title')}
      filters={
        <DatePicker.RangePicker
          aria-label={t('industry.ranking.period')}
          value={range}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
      }
      list={list}
      rowKey="divisionCode"
      columns={[
        // on a phone the city heads its card, with its rank
        ...(phone
          ? []
          : [
              { title: t('industry.ranking.rank'), width: 60, render: (_: unknown, r: { divisionCode: string }) => rankOf(r.divisionCode) },
            ]),
        {
          title: t('industry.ranking.city'),
          render: (_, r) => (phone ? `${rankOf(r.divisionCode)}. ${r.divisionName ?? r.divisionCode}` : (r.divisionName ?? r.divisionCode)),
        },
        { title: t('industry.fields.inPlace'), align: 'right', render: (_, r) => formatAmount(Number(r.inPlace)) },
        ...(phone
          ? []
          : [
              {
                title: '',
                width: 180,
                render: (_: unknown, r: { inPlace: string }) => (
                  <Progress percent={Math.round((Number(r.inPlace) / top) * 100)} showInfo={false} size="small" />
                ),
              },
            ]),
        { title: t('industry.fields.signed'), align: 'right', render: (_, r) => formatAmount(Number(r.signed)) },
        { title: t('industry.map.enterprises'), align: 'right', render: (_, r) => formatCount(r.enterprises) },
      ]}
    />
  );
}
