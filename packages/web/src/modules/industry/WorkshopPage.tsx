// One assistance workshop: its village, operator, recognition (date and document), status and subsidies, the
// people at work today and of them 脱贫人口, and its workers.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { industryApi } from '@xiezuo/shared/contracts/industry';
import { Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatAmount, formatCount, formatDate } from '../../app/format';
import { WorkshopForm } from './forms';
import { Operator } from './Operator';
import { WorkersCard } from './WorkersCard';

export function WorkshopPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const w = useQuery({ queryKey: ['industry', 'workshop', id], queryFn: () => call(industryApi.workshop, { params: { id } }) }).data;
  const refresh = () => void client.invalidateQueries({ queryKey: ['industry'] });
  if (!w) return <Spin />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card
        title={
          <Space wrap>
            {w.name}
            <Tag color={w.status === 'operating' ? 'green' : 'default'}>{t(`industry.workshopStatuses.${w.status}`)}</Tag>
          </Space>
        }
        extra={can('industry.write') && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('industry.fields.village')}>{w.divisionName ?? w.divisionCode}</Descriptions.Item>
          <Descriptions.Item label={t('industry.fields.operator')}>
            <Operator w={w} />
          </Descriptions.Item>
          <Descriptions.Item label={t('industry.fields.recognizedOn')}>{formatDate(w.recognizedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('industry.fields.recognitionDoc')}>{w.recognitionDoc ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('industry.fields.stoppedOn')}>{w.stoppedOn ? formatDate(w.stoppedOn) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('industry.fields.subsidy')}>
            {w.subsidy == null ? '—' : formatAmount(Number(w.subsidy))}
          </Descriptions.Item>
          <Descriptions.Item label={t('industry.fields.workers')}>
            <span data-testid="workshop-workers">{formatCount(w.workers)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('industry.fields.lifted')}>
            <span data-testid="workshop-lifted">{formatCount(w.liftedWorkers)}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <WorkersCard place={{ workshopId: id }} onChanged={refresh} />
      <Typography.Text>
        <Link to="/industry/workshops">← {t('industry.workshops.title')}</Link>
      </Typography.Text>
      <WorkshopForm
        row={w}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          refresh();
        }}
      />
    </Space>
  );
}
