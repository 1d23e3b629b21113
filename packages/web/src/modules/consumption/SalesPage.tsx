// 消费帮扶销售采购台账: what the list's sales add up to (采购 and 帮销, counted once), the sales themselves with
// their flags — a possible duplicate the user resolves in place, a sale after the certificate expired — and
// the ledger's import (clerks' sheets, the 832 platform's order export) and export.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { CONSUMPTION_LEDGERS, consumptionApi, SALE_CHANNELS, type SaleChannel } from '@xiezuo/shared/contracts/consumption';
import { Button, Card, Col, Popconfirm, Row, Select, Space, Statistic, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatAmount, formatDate } from '../../app/format';
import { ListPage } from '../../platform/ListPage';
import { usePagedQuery } from '../../platform/usePagedQuery';
import type { SaleRow } from './data';
import { SaleForm } from './SaleForm';

function Totals({ filters }: { filters: { channel?: SaleChannel; from?: string; to?: string } }) {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: ['consumption', 'totals', filters],
    queryFn: () => call(consumptionApi.saleTotals, { query: filters }),
  });
  const money = (v?: string) => formatAmount(v == null ? null : Number(v));
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {[
        ['total', data?.total],
        ['purchased', data?.purchased],
        ['helpedSell', data?.helpedSell],
      ].map(([k, v]) => (
        <Col key={k} xs={12} md={6}>
          <Card size="small">
            <Statistic title={t(`consumption.sales.${k}`)} value={money(v)} />
          </Card>
        </Col>
      ))}
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title={t('consumption.sales.pending')}
            value={data?.pendingDuplicates ?? 0}
            valueStyle={data?.pendingDuplicates ? { color: '#d46b08' } : undefined}
          />
        </Card>
      </Col>
    </Row>
  );
}

/** The flags of a sale, and for a possible duplicate the two decisions. */
function Flags({ row, onResolved }: { row: SaleRow; onResolved: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const resolve = async (duplicate: boolean) => {
    await call(duplicate ? consumptionApi.confirmDuplicate : consumptionApi.notDuplicate, { params: { id: row.id } });
    onResolved();
  };
  return (
    <Space direction="vertical" size={4}>
      {row.certExpired && <Tag color="red">{t('consumption.sales.expired')}</Tag>}
      {row.duplicateOf != null && (
        <Typography.Text type={row.duplicateState === 'pending' ? 'warning' : 'secondary'}>
          {t('consumption.sales.duplicateOf', { id: row.duplicateOf })} ·{' '}
          {t(`consumption.duplicateStates.${row.duplicateState ?? 'pending'}`)}
        </Typography.Text>
      )}
      {row.duplicateState === 'pending' && can('consumption.write') && (
        <Space wrap>
          <Popconfirm title={t('consumption.sales.confirm')} onConfirm={() => resolve(true)}>
            <Button size="small">{t('consumption.sales.confirm')}</Button>
          </Popconfirm>
          <Popconfirm title={t('consumption.sales.distinct')} onConfirm={() => resolve(false)}>
            <Button size="small">{t('consumption.sales.distinct')}</Button>
          </Popconfirm>
        </Space>
      )}
    </Space>
  );
}

export function SalesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const client = useQueryClient();
  const [channel, setChannel] = useState<SaleChannel>();
  const thisYear = Number(todayInBeijing().slice(0, 4));
  const [year, setYear] = useState<number | undefined>(thisYear); // the year's figures by default, as the dashboard
  const [pending, setPending] = useState(false);
  const [creating, setCreating] = useState(false);
  const period = year ? { from: `${year}-01-01`, to: `${year}-12-31` } : {};
  const filters = { channel, ...period, duplicates: pending ? ('pending' as const) : undefined };
  const list = usePagedQuery(consumptionApi.sales, { key: ['consumption', 'sales'], filters });
  const refresh = () => void client.invalidateQueries({ queryKey: ['consumption'] });
  return (
    <>
      <Totals filters={{ channel, ...period }} />
      <SaleForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          refresh();
        }}
      />
      <ListPage
        title={t('consumption.sales.title')}
        actions={
          can('consumption.write') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('consumption.sales.new')}
            </Button>
          )
        }
        filters={
          <Space wrap>
            <Select
              allowClear
              aria-label={t('consumption.sales.year')}
              placeholder={t('consumption.sales.allYears')}
              value={year}
              style={{ width: 110 }}
              onChange={setYear}
              options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({
                value: y,
                label: t('consumption.sales.yearLabel', { year: y }),
              }))}
            />
            <Select
              allowClear
              aria-label={t('consumption.fields.channel')}
              placeholder={t('consumption.fields.channel')}
              value={channel}
              style={{ width: 190 }}
              onChange={setChannel}
              options={SALE_CHANNELS.map((c) => ({ value: c, label: t(`consumption.channels.${c}`) }))}
            />
            <Space>
              <Switch checked={pending} onChange={setPending} aria-label={t('consumption.sales.onlyPending')} />
              {t('consumption.sales.onlyPending')}
            </Space>
          </Space>
        }
        ledger={{
          key: CONSUMPTION_LEDGERS.sales,
          filters,
          import: { permission: 'consumption.write', onCommitted: refresh },
        }}
        list={list}
        rowKey="id"
        scroll={{ x: 1100 }}
        columns={[
          { title: t('consumption.fields.saleDate'), render: (_, r) => formatDate(r.saleDate), width: 120 },
          { title: t('consumption.fields.supplier'), render: (_, r) => r.supplierName },
          { title: t('consumption.fields.product'), render: (_, r) => r.productName ?? '—' },
          {
            title: t('consumption.fields.amount'),
            align: 'right',
            render: (_, r) => (
              <span style={r.counted ? undefined : { textDecoration: 'line-through', color: '#999' }}>
                {formatAmount(Number(r.amount))}
              </span>
            ),
          },
          {
            title: t('consumption.fields.channel'),
            render: (_, r) => (
              <Space size={4} wrap>
                {t(`consumption.channels.${r.channel}`)}
                <Tag color={r.purchase ? 'blue' : 'green'}>{t(`consumption.modes.${r.purchase ? 'purchase' : 'helpsell'}`)}</Tag>
              </Space>
            ),
          },
          { title: t('consumption.fields.buyer'), render: (_, r) => r.buyerName ?? '—' },
          {
            title: `${t('consumption.fields.helper')} → ${t('consumption.fields.seller')}`,
            render: (_, r) => `${r.helperDivisionName ?? r.helperDivisionCode} → ${r.sellerDivisionName ?? r.sellerDivisionCode}`,
          },
          { title: t('consumption.fields.reporter'), render: (_, r) => r.reporter ?? '—' },
          { title: t('consumption.sales.counted'), width: 240, render: (_, r) => <Flags row={r} onResolved={refresh} /> },
        ]}
      />
    </>
  );
}
