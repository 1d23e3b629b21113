// 考核周期: the cycles the user reviews or is assessed in, with their step of the calendar.
import { useQuery } from '@tanstack/react-query';
import { assessmentApi } from '@xiezuo/shared/contracts/assessment';
import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../app/api';

export function CyclesPage() {
  const { t } = useTranslation();
  const { data, isLoading } = useQuery({ queryKey: ['assessment', 'cycles'], queryFn: () => call(assessmentApi.cycles) });
  return (
    <Card title={t('assessment.cycle.title')}>
      <Table
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: t('assessment.cycle.none') }}
        columns={[
          { title: t('assessment.cycle.title'), render: (_, c) => <Link to={`/assessment/cycles/${c.id}`}>{c.name}</Link> },
          { title: t('assessment.framework.title'), dataIndex: 'frameworkName' },
          { title: t('assessment.cycle.parties'), dataIndex: 'parties', align: 'right' },
          {
            title: t('assessment.cycle.step'),
            render: (_, c) =>
              c.lockedAt ? (
                <Tag color="red">{t('assessment.cycle.locked')}</Tag>
              ) : (
                <Tag color="blue">{t(`assessment.steps.${c.step}`)}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
