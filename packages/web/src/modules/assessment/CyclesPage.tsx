// 考核周期: the cycles the user reviews or is assessed in, with their step of the calendar (cards on a phone).
import { useQuery } from '@tanstack/react-query';
import { assessmentApi, type CycleRow } from '@xiezuo/shared/contracts/assessment';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { call } from '../../app/api';
import { ListPage } from '../../platform/ListPage';
import { useWholeList } from '../../platform/usePagedQuery';

export function CyclesPage() {
  const { t } = useTranslation();
  const list = useWholeList(useQuery({ queryKey: ['assessment', 'cycles'], queryFn: () => call(assessmentApi.cycles) }));
  return (
    <ListPage<z.infer<typeof CycleRow>>
      title={t('assessment.cycle.title')}
      list={list}
      rowKey="id"
      scroll={{ x: true }}
      locale={{ emptyText: t('assessment.cycle.none') }}
      columns={[
        { title: t('assessment.cycle.title'), render: (_, c) => <Link to={`/assessment/cycles/${c.id}`}>{c.name}</Link> },
        { title: t('assessment.framework.title'), dataIndex: 'frameworkName' },
        { title: t('assessment.cycle.parties'), dataIndex: 'parties', align: 'right' },
        {
          title: t('assessment.cycle.step'),
          render: (_, c) =>
            c.lockedAt ? <Tag color="red">{t('assessment.cycle.locked')}</Tag> : <Tag color="blue">{t(`assessment.steps.${c.step}`)}</Tag>,
        },
      ]}
    />
  );
}
