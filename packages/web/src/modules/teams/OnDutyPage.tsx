// 在岗情况: who is on duty on a day (dispatch period covers it), per team, per station, and by name.
import { useQuery } from '@tanstack/react-query';
import { teamsApi } from '@xiezuo/shared/contracts/teams';
import { Card, Col, DatePicker, Row, Statistic, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { formatDate } from '../../app/format';
import { type CadreRow, periodText } from './data';

function KindTags({ byKind }: { byKind: Record<string, number> }) {
  const { t } = useTranslation();
  return (
    <>
      {Object.entries(byKind).map(([k, n]) => (
        <Tag key={k}>
          {t(`teams.cadreKinds.${k}`)} {n}
        </Tag>
      ))}
    </>
  );
}

export function OnDutyPage() {
  const { t } = useTranslation();
  const [on, setOn] = useState(dayjs().format('YYYY-MM-DD'));
  const { data, isLoading } = useQuery({ queryKey: ['teams', 'on-duty', on], queryFn: () => call(teamsApi.onDuty, { query: { on } }) });
  const countColumns = [
    { title: t('teams.onDuty.count'), dataIndex: 'total', width: 90 },
    { title: t('teams.fields.cadreKind'), render: (_: unknown, r: { byKind: Record<string, number> }) => <KindTags byKind={r.byKind} /> },
  ];
  return (
    <Row gutter={[12, 12]}>
      <Col span={24}>
        <Card
          size="small"
          title={t('teams.onDuty.title')}
          extra={<DatePicker allowClear={false} value={dayjs(on)} onChange={(d) => d && setOn(d.format('YYYY-MM-DD'))} />}
        >
          <Statistic
            title={`${t('teams.onDuty.on')}：${formatDate(on)}`}
            value={data?.total ?? 0}
            suffix={t('teams.onDuty.people')}
            loading={isLoading}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('teams.onDuty.byTeam')}>
          <Table
            rowKey={(r) => String(r.teamId)}
            size="small"
            pagination={false}
            loading={isLoading}
            dataSource={data?.byTeam}
            columns={[{ title: t('teams.fields.team'), render: (_, r) => r.teamName ?? '—' }, ...countColumns]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('teams.onDuty.byDivision')}>
          <Table
            rowKey="divisionCode"
            size="small"
            pagination={false}
            loading={isLoading}
            dataSource={data?.byDivision}
            columns={[{ title: t('teams.fields.division'), render: (_, r) => r.divisionName ?? r.divisionCode }, ...countColumns]}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={t('teams.onDuty.list')}>
          <Table<CadreRow>
            rowKey="id"
            size="small"
            loading={isLoading}
            dataSource={data?.people}
            scroll={{ x: 700 }}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            columns={[
              { title: t('teams.fields.personName'), dataIndex: 'name', fixed: 'left', width: 120 },
              { title: t('teams.fields.cadreKind'), render: (_, r) => t(`teams.cadreKinds.${r.kind}`) },
              { title: t('teams.fields.team'), render: (_, r) => r.teamName ?? '—' },
              { title: t('teams.fields.localPost'), render: (_, r) => r.localPost ?? '—' },
              { title: t('teams.fields.dispatch'), render: (_, r) => periodText(t, r.dispatchStart, r.dispatchEnd) },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
