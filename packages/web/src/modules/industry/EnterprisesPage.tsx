// 引进企业: the enterprises in scope with signed and in-place investment to date, the latest reported headcount
// and the people at work; a row opens the enterprise's investment timeline. Ledgers: enterprises and investment.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ENTERPRISE_STATUSES, type EnterpriseStatus, INDUSTRY_LEDGERS, industryApi } from '@xiezuo/shared/contracts/industry';
import { Button, Card, Drawer, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { formatAmount, formatCount, formatDate } from '../../app/format';
import { ListPage } from '../../platform/ListPage';
import { LedgerExportButton, LedgerImportButton } from '../../platform/ledgers/LedgerButtons';
import { usePagedQuery } from '../../platform/usePagedQuery';

function Timeline({ id, name, onClose }: { id: number | null; name: string; onClose(): void }) {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: ['industry', 'investments', id],
    queryFn: () => call(industryApi.investments, { query: { enterpriseId: id! } }),
    enabled: id != null,
  });
  return (
    <Drawer open={id != null} onClose={onClose} title={`${name} · ${t('industry.enterprises.timeline')}`} width="min(560px, 100vw)">
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data}
        columns={[
          { title: t('industry.fields.day'), render: (_, r) => formatDate(r.day) },
          { title: t('industry.fields.kind'), render: (_, r) => t(`industry.investmentKinds.${r.kind}`) },
          { title: t('industry.fields.amount'), align: 'right', render: (_, r) => formatAmount(Number(r.amount)) },
        ]}
      />
    </Drawer>
  );
}

export function EnterprisesPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [status, setStatus] = useState<EnterpriseStatus>();
  const [q, setQ] = useState<string>();
  const [open, setOpen] = useState<{ id: number; name: string } | null>(null);
  const list = usePagedQuery(industryApi.enterprises, { key: ['industry', 'enterprises'], filters: { status, q } });
  const refresh = () => void client.invalidateQueries({ queryKey: ['industry'] });
  return (
    <>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap size="large">
          {[
            [INDUSTRY_LEDGERS.investments, t('industry.enterprises.investments')],
            [INDUSTRY_LEDGERS.headcounts, t('industry.enterprises.headcounts')],
          ].map(([key, label]) => (
            <Space key={key} wrap>
              <Typography.Text strong>{label}</Typography.Text>
              <LedgerImportButton ledgerKey={key} title={label} permission="industry.write" onCommitted={refresh} />
              <LedgerExportButton ledgerKey={key} />
            </Space>
          ))}
        </Space>
      </Card>
      <ListPage
        title={t('industry.enterprises.title')}
        actions={
          <>
            <Input.Search
              allowClear
              placeholder={t('industry.fields.enterprise')}
              style={{ width: 200 }}
              onSearch={(v) => setQ(v || undefined)}
            />
            <Select
              allowClear
              placeholder={t('industry.fields.status')}
              value={status}
              style={{ width: 130 }}
              onChange={setStatus}
              options={ENTERPRISE_STATUSES.map((s) => ({ value: s, label: t(`industry.statuses.${s}`) }))}
            />
          </>
        }
        ledger={{
          key: INDUSTRY_LEDGERS.enterprises,
          filters: { status, q },
          import: { permission: 'industry.write', onCommitted: refresh },
        }}
        list={list}
        scroll={{ x: 1500 }}
        columns={[
          { title: t('industry.fields.enterprise'), dataIndex: 'name', fixed: 'left', width: 220 },
          { title: t('industry.fields.creditCode'), width: 190, render: (_, r) => r.creditCode ?? '—' },
          { title: t('industry.fields.origin'), render: (_, r) => r.originDivisionName ?? r.originDivisionCode },
          { title: t('industry.fields.landed'), render: (_, r) => r.divisionName ?? r.divisionCode },
          { title: t('industry.fields.park'), width: 200, render: (_, r) => r.parkName ?? '—' },
          { title: t('industry.fields.status'), render: (_, r) => <Tag>{t(`industry.statuses.${r.status}`)}</Tag> },
          { title: t('industry.fields.signed'), align: 'right', render: (_, r) => formatAmount(Number(r.signed)) },
          { title: t('industry.fields.inPlace'), align: 'right', render: (_, r) => formatAmount(Number(r.inPlace)) },
          {
            title: t('industry.fields.reportedJobs'),
            align: 'right',
            render: (_, r) => (r.reportedJobs == null ? '—' : formatCount(r.reportedJobs)),
          },
          { title: t('industry.fields.workers'), align: 'right', render: (_, r) => formatCount(r.workers) },
          { title: t('industry.fields.introducedOn'), width: 130, render: (_, r) => formatDate(r.introducedOn) },
          {
            title: t('industry.enterprises.timeline'),
            width: 120,
            render: (_, r) => (
              <Button
                type="link"
                size="small"
                aria-label={`${r.name} ${t('industry.enterprises.timeline')}`}
                onClick={() => setOpen({ id: r.id, name: r.name })}
              >
                {t('industry.enterprises.timeline')}
              </Button>
            ),
          },
        ]}
      />
      <Timeline id={open?.id ?? null} name={open?.name ?? ''} onClose={() => setOpen(null)} />
    </>
  );
}
