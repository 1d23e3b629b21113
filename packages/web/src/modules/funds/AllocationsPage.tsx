// 资金下达: batches from payers and their transfers down the levels, by kind of money, with the list's total
// counted once (a transfer whose source batch is listed too adds nothing); the allocation ledger.
import { useQuery } from '@tanstack/react-query';
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { FUND_KINDS, FUNDS_LEDGERS, type FundKind, fundsApi } from '@xiezuo/shared/contracts/funds';
import { Card, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { formatDate, formatPercent } from '../../app/format';
import { ListPage } from '../../platform/ListPage';
import { usePagedQuery } from '../../platform/usePagedQuery';
import { yuan } from './money';

export function AllocationsPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<FundKind>();
  const [topOnly, setTopOnly] = useState(false);
  const [budgetYear, setBudgetYear] = useState<number>();
  const thisYear = Number(todayInBeijing().slice(0, 4));
  const filters = { kind, budgetYear, topOnly: topOnly ? ('true' as const) : undefined };
  const list = usePagedQuery(fundsApi.allocations, { key: ['funds', 'allocations'], filters });
  const total = useQuery({
    queryKey: ['funds', 'allocations', 'total', filters],
    queryFn: () => call(fundsApi.allocations, { query: { ...filters, page: 1, pageSize: 1 } }),
  }).data?.totalAmount;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <ListPage
        title={t('funds.allocations.title')}
        ledger={{ key: FUNDS_LEDGERS.allocations, filters, import: { permission: 'funds.write', onCommitted: () => list.refetch() } }}
        list={list}
        rowKey="id"
        scroll={{ x: 1000 }}
        filters={
          <>
            <Select
              allowClear
              aria-label={t('funds.fields.kind')}
              placeholder={t('funds.fields.kind')}
              value={kind}
              style={{ width: 150 }}
              onChange={setKind}
              options={FUND_KINDS.map((k) => ({ value: k, label: t(`funds.kinds.${k}`) }))}
            />
            <Select
              allowClear
              aria-label={t('funds.fields.budgetYear')}
              placeholder={t('funds.fields.budgetYear')}
              value={budgetYear}
              style={{ width: 110 }}
              onChange={setBudgetYear}
              options={[0, 1, 2, 3].map((i) => ({ value: thisYear - i, label: `${thisYear - i}` }))}
            />
            <Space>
              <Switch checked={topOnly} onChange={setTopOnly} aria-label={t('funds.allocations.topOnly')} />
              {t('funds.allocations.topOnly')}
            </Space>
            {total && (
              <Typography.Text strong data-testid="allocation-total">
                {t('funds.allocations.total', { amount: yuan(total) })}
              </Typography.Text>
            )}
          </>
        }
        columns={[
          {
            title: t('funds.fields.docNo'),
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <span>{r.docNo}</span>
                {r.parentDocNo && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    <Tag>{t('funds.allocations.transfer')}</Tag>
                    {r.parentDocNo}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('funds.fields.kind'), render: (_, r) => t(`funds.kinds.${r.kind}`) },
          { title: t('funds.fields.payer'), render: (_, r) => r.payerDivisionName ?? r.payerDivisionCode },
          { title: t('funds.fields.receiver'), render: (_, r) => r.divisionName ?? r.divisionCode },
          { title: t('funds.fields.allocatedOn'), render: (_, r) => formatDate(r.allocatedOn) },
          { title: t('funds.fields.amount'), align: 'right', render: (_, r) => yuan(r.amount) },
          { title: t('funds.fields.passedOn'), align: 'right', render: (_, r) => (Number(r.passedOn) ? yuan(r.passedOn) : '—') },
          { title: t('funds.fields.programme'), render: (_, r) => r.programmeName ?? '—' },
        ]}
      />
      <Counties kind={kind} budgetYear={budgetYear} />
    </Space>
  );
}

/** 资金流向（按县）: what reached each county, its projects and the disbursement rate, ranked by the rate. */
function Counties({ kind, budgetYear }: { kind?: FundKind; budgetYear?: number }) {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: ['funds', 'counties', kind, budgetYear],
    queryFn: () => call(fundsApi.counties, { query: { kind, budgetYear } }),
  });
  return (
    <Card size="small" title={t('funds.allocations.counties')}>
      <Table
        rowKey="divisionCode"
        size="small"
        pagination={false}
        scroll={{ x: 600 }}
        dataSource={data}
        columns={[
          { title: t('funds.allocations.rank'), width: 60, render: (_, _r, i) => i + 1 },
          { title: t('funds.fields.receiver'), render: (_, r) => r.divisionName ?? r.divisionCode },
          { title: t('funds.allocations.received'), align: 'right', render: (_, r) => yuan(r.received) },
          { title: t('funds.nav.projects'), align: 'right', dataIndex: 'projects' },
          { title: t('funds.fields.commitment'), align: 'right', render: (_, r) => yuan(r.committed) },
          { title: t('funds.fields.disbursement'), align: 'right', render: (_, r) => yuan(r.disbursed) },
          { title: t('funds.fields.rate'), align: 'right', render: (_, r) => (r.rate == null ? '—' : formatPercent(r.rate)) },
        ]}
      />
    </Card>
  );
}
