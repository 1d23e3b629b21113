// 资金下达: batches from payers and their transfers down the levels, by kind of money, with the list's total
// counted once (a transfer whose source batch is listed too adds nothing); the allocation ledger; writers
// register a batch, correct one or pass part of it down a level. Below, the money's flow: payer → county →
// projects, the counties ranked by disbursement rate.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { todayInBeijing } from '@xiezuo/shared/calendar/today';
import { FUND_KINDS, FUNDS_LEDGERS, type FundKind, fundsApi } from '@xiezuo/shared/contracts/funds';
import { Button, Card, Grid, List, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatDate, formatPercent } from '../../app/format';
import { ListPage } from '../../platform/ListPage';
import { usePagedQuery } from '../../platform/usePagedQuery';
import { FlowSankey } from './FlowSankey';
import { AllocationForm } from './forms';
import { rateOf, yuan } from './money';

/** A cell kept on one line (dates, amounts). */
const nowrap = { onCell: () => ({ style: { whiteSpace: 'nowrap' as const } }) };

type Allocation = Awaited<ReturnType<typeof call<typeof fundsApi.createAllocation>>>;
/** What the form is open for: a new batch, an edit, or passing part of a batch down a level. */
type Editing = { mode: 'new' } | { mode: 'edit'; row: Allocation } | { mode: 'passOn'; row: Allocation };

export function AllocationsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const client = useQueryClient();
  const [editing, setEditing] = useState<Editing>();
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
        actions={
          can('funds.write') && (
            <Button type="primary" onClick={() => setEditing({ mode: 'new' })}>
              {t('funds.allocations.new')}
            </Button>
          )
        }
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
          // dates and amounts on one line: 3,275万元 broken after 万 reads as two figures
          { title: t('funds.fields.allocatedOn'), ...nowrap, render: (_, r) => formatDate(r.allocatedOn) },
          { title: t('funds.fields.amount'), align: 'right', ...nowrap, render: (_, r) => yuan(r.amount) },
          {
            title: t('funds.fields.passedOn'),
            align: 'right',
            ...nowrap,
            render: (_, r) => (Number(r.passedOn) ? yuan(r.passedOn) : '—'),
          },
          { title: t('funds.fields.programme'), render: (_, r) => r.programmeName ?? '—' },
          ...(can('funds.write')
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, r: Allocation) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', row: r })}>
                        {t('funds.allocations.edit')}
                      </Button>
                      {Number(r.amount) > Number(r.passedOn) && (
                        <Button type="link" size="small" onClick={() => setEditing({ mode: 'passOn', row: r })}>
                          {t('funds.allocations.passOn')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      >
        <AllocationForm
          open={!!editing}
          allocation={editing?.mode === 'edit' ? editing.row : undefined}
          parent={editing?.mode === 'passOn' ? editing.row : undefined}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            void client.invalidateQueries({ queryKey: ['funds'] });
          }}
        />
      </ListPage>
      <Counties kind={kind} budgetYear={budgetYear} />
    </Space>
  );
}

/** 资金流向: payer → county → projects — a Sankey chart beside the counties ranked by disbursement rate (sums first,
 *  then the ratio), a county opening onto its projects; on a phone, the counties as cards (the chart needs the width). */
function Counties({ kind, budgetYear }: { kind?: FundKind; budgetYear?: number }) {
  const { t } = useTranslation();
  const phone = Grid.useBreakpoint().md === false;
  const { data } = useQuery({
    queryKey: ['funds', 'counties', kind, budgetYear],
    queryFn: () => call(fundsApi.counties, { query: { kind, budgetYear } }),
  });
  return (
    <Card size="small" title={t('funds.allocations.flowView')} data-testid="fund-flow">
      {!phone && !!data?.length && (
        <>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            <Typography.Text strong>{t('funds.allocations.sankey')}</Typography.Text>{' '}
            <Typography.Text type="secondary">{t('funds.allocations.sankeyNote')}</Typography.Text>
          </Typography.Paragraph>
          <FlowSankey counties={data} />
        </>
      )}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('funds.allocations.counties')}
      </Typography.Paragraph>
      {phone ? (
        <CountyCards counties={data ?? []} />
      ) : (
        <Table
          rowKey="divisionCode"
          size="small"
          pagination={false}
          scroll={{ x: 760 }}
          dataSource={data}
          expandable={{ expandedRowRender: (r) => <CountyProjects county={r.divisionCode} name={r.divisionName ?? r.divisionCode} /> }}
          columns={[
            { title: t('funds.allocations.rank'), width: 60, render: (_, _r, i) => i + 1 },
            {
              title: t('funds.allocations.payers'),
              render: (_, r) =>
                r.payers.length ? (
                  <Space direction="vertical" size={0}>
                    {r.payers.map((p) => (
                      <span key={p.divisionCode}>
                        {p.divisionName ?? p.divisionCode} <Typography.Text type="secondary">{yuan(p.amount)}</Typography.Text>
                      </span>
                    ))}
                  </Space>
                ) : (
                  '—'
                ),
            },
            { title: '', width: 30, render: () => '→' },
            { title: t('funds.fields.receiver'), render: (_, r) => r.divisionName ?? r.divisionCode },
            { title: t('funds.allocations.received'), align: 'right', render: (_, r) => yuan(r.received) },
            { title: t('funds.nav.projects'), align: 'right', dataIndex: 'projects' },
            { title: t('funds.fields.commitment'), align: 'right', render: (_, r) => yuan(r.committed) },
            { title: t('funds.fields.disbursement'), align: 'right', render: (_, r) => yuan(r.disbursed) },
            { title: t('funds.fields.rate'), align: 'right', render: (_, r) => (r.rate == null ? '—' : formatPercent(r.rate)) },
          ]}
        />
      )}
    </Card>
  );
}

type County = Awaited<ReturnType<typeof call<typeof fundsApi.counties>>>[number];

/** The flow on a phone: one card per county, in the table's order — payers → the county, then its projects' money by type. */
function CountyCards({ counties }: { counties: County[] }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      dataSource={counties}
      rowKey="divisionCode"
      renderItem={(r, i) => (
        <List.Item data-testid={`fund-flow-county-${r.divisionCode}`} style={{ display: 'block', paddingInline: 0 }}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            <Typography.Text strong>
              {i + 1}. {r.divisionName ?? r.divisionCode}
            </Typography.Text>
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {t('funds.fields.rate')} {r.rate == null ? '—' : formatPercent(r.rate)}
            </Tag>
          </Space>
          <div>
            <Typography.Text type="secondary">{t('funds.allocations.payers')}：</Typography.Text>
            {r.payers.length ? r.payers.map((p) => `${p.divisionName ?? p.divisionCode} ${yuan(p.amount)}`).join('、') : '—'}
            {' → '}
            <Typography.Text type="secondary">{t('funds.allocations.received')}</Typography.Text> {yuan(r.received)}
          </div>
          <div>
            <Typography.Text type="secondary">{t('funds.nav.projects')}</Typography.Text> {r.projects}
            {' · '}
            <Typography.Text type="secondary">{t('funds.fields.commitment')}</Typography.Text> {yuan(r.committed)}
            {' · '}
            <Typography.Text type="secondary">{t('funds.fields.disbursement')}</Typography.Text> {yuan(r.disbursed)}
          </div>
          {!!r.byType.length && (
            <div>
              {r.byType.map((b) => (
                <Tag key={b.type} style={{ marginTop: 4 }}>
                  {t(`funds.types.${b.type}`)} {yuan(b.committed)}
                </Tag>
              ))}
            </div>
          )}
        </List.Item>
      )}
    />
  );
}

/** A county's projects (the first 50, by the projects list's order) with their money. */
function CountyProjects({ county, name }: { county: string; name: string }) {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: ['funds', 'projects', 'county', county],
    queryFn: () => call(fundsApi.projects, { query: { divisionCode: county, page: 1, pageSize: 50 } }),
  });
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      title={() => t('funds.allocations.projectsOf', { county: name })}
      dataSource={data?.items}
      columns={[
        { title: t('funds.fields.name'), render: (_, p) => <Link to={`/funds/projects/${p.id}`}>{p.name}</Link> },
        { title: t('funds.fields.type'), render: (_, p) => t(`funds.types.${p.type}`) },
        { title: t('funds.fields.budget'), align: 'right', render: (_, p) => yuan(p.money.budget) },
        { title: t('funds.fields.commitment'), align: 'right', render: (_, p) => yuan(p.money.commitment) },
        { title: t('funds.fields.disbursement'), align: 'right', render: (_, p) => yuan(p.money.disbursement) },
        { title: t('funds.fields.rate'), align: 'right', render: (_, p) => rateOf(p.money) },
      ]}
    />
  );
}
