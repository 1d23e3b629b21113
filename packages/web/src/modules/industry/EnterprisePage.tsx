// One introduced enterprise: what it is and where it came from and landed, its investment timeline (each dated
// increment with signed and in-place totals to that day; 登记投资 adds one), its reported headcounts (labelled
// as reported) and the people at work in it.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { industryApi } from '@xiezuo/shared/contracts/industry';
import { Button, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatAmount, formatCount, formatDate } from '../../app/format';
import { ListPage } from '../../platform/ListPage';
import { useWholeList } from '../../platform/usePagedQuery';
import { EnterpriseForm, HeadcountForm, InvestmentForm } from './forms';
import { WorkersCard } from './WorkersCard';

type Increment = Awaited<ReturnType<typeof call<typeof industryApi.investments>>>[number];

/** The increments in date order with the signed and in-place totals reached on each day. */
export function withTotals(rows: Increment[]) {
  let signed = 0;
  let inPlace = 0;
  return rows.map((r) => {
    if (r.kind === 'signed') signed += Number(r.amount);
    else inPlace += Number(r.amount);
    return { ...r, signedToDate: signed, inPlaceToDate: inPlace };
  });
}

export function EnterprisePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [reporting, setReporting] = useState(false);
  const e = useQuery({ queryKey: ['industry', 'enterprise', id], queryFn: () => call(industryApi.enterprise, { params: { id } }) }).data;
  const increments = useQuery({
    queryKey: ['industry', 'investments', id],
    queryFn: () => call(industryApi.investments, { query: { enterpriseId: id } }),
  });
  const timeline = useWholeList({ ...increments, data: increments.data && withTotals(increments.data) }, 50);
  const heads = useQuery({
    queryKey: ['industry', 'headcounts', id],
    queryFn: () => call(industryApi.headcounts, { params: { id } }),
  }).data;
  const refresh = () => void client.invalidateQueries({ queryKey: ['industry'] });
  if (!e) return <Spin />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card
        title={
          <Space wrap>
            {e.name}
            <Tag color="blue">{t(`industry.statuses.${e.status}`)}</Tag>
          </Space>
        }
        extra={can('industry.write') && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('industry.fields.creditCode')}>{e.creditCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('industry.fields.origin')}>{e.originDivisionName ?? e.originDivisionCode}</Descriptions.Item>
          <Descriptions.Item label={t('industry.fields.landed')}>{e.divisionName ?? e.divisionCode}</Descriptions.Item>
          <Descriptions.Item label={t('industry.fields.park')}>{e.parkName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('industry.fields.industry')}>
            {e.industry ? t(`industry.sections.${e.industry}`) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('industry.fields.pairing')}>{e.pairingName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('industry.fields.programme')}>{e.programmeName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('industry.fields.team')}>{e.teamName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('industry.fields.introducedOn')}>{formatDate(e.introducedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('industry.fields.exitedOn')}>{e.exitedOn ? formatDate(e.exitedOn) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('industry.fields.contact')}>
            {[e.contact, e.phone].filter(Boolean).join(' ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('industry.fields.signed')}>{formatAmount(Number(e.signed))}</Descriptions.Item>
          <Descriptions.Item label={t('industry.fields.inPlace')}>
            <span data-testid="enterprise-in-place">{formatAmount(Number(e.inPlace))}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('industry.fields.workers')}>{formatCount(e.workers)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <ListPage
        title={t('industry.enterprises.timeline')}
        actions={
          can('industry.write') && (
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('industry.enterprises.addInvestment')}
            </Button>
          )
        }
        list={timeline}
        rowKey="id"
        columns={[
          { title: t('industry.fields.day'), render: (_, r) => formatDate(r.day) },
          { title: t('industry.fields.kind'), render: (_, r) => t(`industry.investmentKinds.${r.kind}`) },
          { title: t('industry.fields.amount'), align: 'right', render: (_, r) => formatAmount(Number(r.amount)) },
          { title: t('industry.enterprises.signedToDate'), align: 'right', render: (_, r) => formatAmount(r.signedToDate) },
          { title: t('industry.enterprises.inPlaceToDate'), align: 'right', render: (_, r) => formatAmount(r.inPlaceToDate) },
        ]}
      />
      <Card
        title={t('industry.enterprises.reported')}
        size="small"
        extra={
          can('industry.write') && (
            <Button size="small" onClick={() => setReporting(true)}>
              {t('industry.enterprises.addHeadcount')}
            </Button>
          )
        }
      >
        {heads?.length ? (
          <Space wrap size="large">
            {heads.map((h) => (
              <Typography.Text key={h.id}>
                {formatDate(h.reportedOn)}：{formatCount(h.jobs)}
                {t('industry.enterprises.people')}
              </Typography.Text>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        )}
      </Card>
      <WorkersCard place={{ enterpriseId: id }} onChanged={refresh} />
      <Typography.Text>
        <Link to="/industry/enterprises">← {t('industry.enterprises.title')}</Link>
      </Typography.Text>
      <EnterpriseForm
        row={e}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          refresh();
        }}
      />
      <HeadcountForm
        enterprise={e}
        open={reporting}
        onClose={() => setReporting(false)}
        onSaved={() => {
          setReporting(false);
          refresh();
        }}
      />
      <InvestmentForm
        enterprise={e}
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          refresh();
        }}
      />
    </Space>
  );
}
