// 帮扶城市排名: the helper cities ranked by the investment their enterprises put in place in a period (this year
// by default), with the signed investment and the enterprises introduced — for HQ to compare the helper side.
import { useQuery } from '@tanstack/react-query';
import { industryApi } from '@xiezuo/shared/contracts/industry';
import { Card, DatePicker, Progress, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { formatAmount, formatCount } from '../../app/format';

export function RankingPage() {
  const { t } = useTranslation();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const query = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const { data, isLoading } = useQuery({ queryKey: ['industry', 'ranking', query], queryFn: () => call(industryApi.ranking, { query }) });
  const top = Math.max(1, ...(data ?? []).map((r) => Number(r.inPlace)));
  return (
    <Card
      title={t('industry.ranking.title')}
      extra={
        <DatePicker.RangePicker
          aria-label={t('industry.ranking.period')}
          value={range}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
      }
    >
      <Table
        rowKey="divisionCode"
        size="small"
        loading={isLoading}
        pagination={false}
        dataSource={data}
        scroll={{ x: 640 }}
        columns={[
          { title: t('industry.ranking.rank'), width: 60, render: (_, _r, i) => i + 1 },
          { title: t('industry.ranking.city'), render: (_, r) => r.divisionName ?? r.divisionCode },
          {
            title: t('industry.fields.inPlace'),
            align: 'right',
            render: (_, r) => formatAmount(Number(r.inPlace)),
          },
          {
            title: '',
            width: 180,
            render: (_, r) => <Progress percent={Math.round((Number(r.inPlace) / top) * 100)} showInfo={false} size="small" />,
          },
          { title: t('industry.fields.signed'), align: 'right', render: (_, r) => formatAmount(Number(r.signed)) },
          { title: t('industry.map.enterprises'), align: 'right', render: (_, r) => formatCount(r.enterprises) },
        ]}
      />
    </Card>
  );
}
