// 捐赠慰问台账: the gifts in scope with their totals (款物折款; goods nobody valued as 件), the entry and edit form and
// the ledger.

import { LinkOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { DONOR_KINDS, type DonorKind, SOCIAL_LEDGERS, socialApi } from '@xiezuo/shared/contracts/social';
import { Button, Card, Col, DatePicker, Input, Row, Select, Statistic } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatAmount, formatCount, formatDate } from '../../app/format';
import { editColumn, ListPage } from '../../platform/ListPage';
import { usePagedQuery } from '../../platform/usePagedQuery';
import { DonationPhotos } from './DonationPhotos';
import { type DonationRow, placeText, useEditing, useRefresh, useTeamName } from './data';
import { DonationForm } from './forms';

function Totals(filters: { donorKind?: DonorKind; q?: string; from?: string; to?: string }) {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: ['social', 'donations', 'totals', filters],
    queryFn: () => call(socialApi.donations, { query: { ...filters, pageSize: 1 } }),
  });
  const totals = data?.totals;
  const cards = [
    [t('social.donations.money'), formatAmount(totals?.money ?? 0)],
    [t('social.donations.cash'), formatAmount(totals?.cash ?? 0)],
    [t('social.donations.goodsValue'), formatAmount(totals?.goodsValue ?? 0)],
    [t('social.donations.items'), `${formatCount(totals?.items ?? 0)} ${t('social.donations.itemsUnit')}`],
  ];
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {cards.map(([title, value]) => (
        <Col key={title} xs={12} md={6}>
          <Card size="small">
            <Statistic title={title} value={value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

export function DonationsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [donorKind, setDonorKind] = useState<DonorKind>();
  const [q, setQ] = useState<string>();
  // this year by default: the figures a half-year or annual report asks for
  const [range, setRange] = useState<{ from?: string; to?: string }>({ from: dayjs().startOf('year').format('YYYY-MM-DD') });
  const form = useEditing<DonationRow>();
  const refresh = useRefresh();
  const teamName = useTeamName();
  const list = usePagedQuery(socialApi.donations, { key: ['social', 'donations'], filters: { donorKind, q, ...range } });
  const f = (k: string) => t(`social.fields.${k}`);
  return (
    <>
      <Totals donorKind={donorKind} q={q} {...range} />
      <ListPage
        title={t('social.donations.title')}
        list={list}
        actions={
          can('social.write') && (
            <Button type="primary" onClick={() => form.open('new')}>
              {t('social.donations.new')}
            </Button>
          )
        }
        filters={
          <>
            <Select
              allowClear
              placeholder={f('donorKind')}
              value={donorKind}
              style={{ width: 140 }}
              onChange={setDonorKind}
              options={DONOR_KINDS.map((k) => ({ value: k, label: t(`social.donorKinds.${k}`) }))}
            />
            <DatePicker.RangePicker
              allowEmpty={[true, true]}
              value={[range.from ? dayjs(range.from) : null, range.to ? dayjs(range.to) : null]}
              onChange={(v) => setRange({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
            />
            <Input.Search
              allowClear
              placeholder={t('social.donations.search')}
              style={{ width: 220 }}
              onSearch={(v) => setQ(v || undefined)}
            />
          </>
        }
        ledger={{
          key: SOCIAL_LEDGERS.donations,
          filters: { donorKind, ...range },
          import: { permission: 'social.write', onCommitted: refresh },
        }}
        scroll={{ x: 900 }}
        rowKey="id"
        columns={[
          { title: f('date'), render: (_, r) => formatDate(r.donatedOn) },
          { title: f('donor'), render: (_, r) => r.donorName },
          {
            title: f('recipient'),
            render: (_, r) => (
              <>
                {`${r.recipientName}（${t(`social.recipientKinds.${r.recipientKind}`)}）`}
                {r.householdId != null && can('monitoring.read') && (
                  <Link to={`/monitoring/households/${r.householdId}`} title={t('social.donations.linked')}>
                    {' '}
                    <LinkOutlined />
                  </Link>
                )}
                {r.unitId != null && (
                  <span title={t('social.donations.linkedUnit')}>
                    {' '}
                    <LinkOutlined />
                  </span>
                )}
              </>
            ),
          },
          { title: f('place'), render: (_, r) => placeText(r) },
          { title: f('cash'), align: 'right', render: (_, r) => (r.cashAmount > 0 ? formatAmount(r.cashAmount) : '—') },
          {
            title: f('goods'),
            render: (_, r) =>
              r.goodsItem
                ? `${r.goodsItem} ${formatCount(r.goodsQuantity ?? 0)}${r.goodsUnit ?? ''}${r.goodsValue != null ? `（${formatAmount(r.goodsValue)}）` : ''}`
                : '—',
          },
          { title: f('team'), render: (_, r) => teamName(r.teamId) },
          { title: t('attachments.photos'), render: (_, r) => <DonationPhotos donation={r} /> },
          ...(can('social.write') ? [editColumn<DonationRow>(t, form.open, (r) => `${r.donorName} ${r.recipientName}`)] : []),
        ]}
      />
      <DonationForm {...form.props} row={form.row} />
    </>
  );
}
