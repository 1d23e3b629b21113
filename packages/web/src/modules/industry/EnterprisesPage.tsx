// 引进企业: the enterprises in scope with signed and in-place investment to date, the latest reported headcount
// and the people at work; a name opens the enterprise's page (investment timeline, workers). Writers add and edit
// enterprises here. Ledgers: enterprises, investment and headcounts.
import { useQueryClient } from '@tanstack/react-query';
import { ENTERPRISE_STATUSES, type EnterpriseStatus, INDUSTRY_LEDGERS, industryApi } from '@xiezuo/shared/contracts/industry';
import { Button, Card, Input, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { formatAmount, formatCount, formatDate } from '../../app/format';
import { editColumn, ListPage } from '../../platform/ListPage';
import { LedgerExportButton, LedgerImportButton } from '../../platform/ledgers/LedgerButtons';
import { usePagedQuery } from '../../platform/usePagedQuery';
import type { EnterpriseRow } from './data';
import { EnterpriseForm } from './forms';

export function EnterprisesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const divisionCode = params.get('division') ?? undefined; // from the map
  const [status, setStatus] = useState<EnterpriseStatus>();
  const [q, setQ] = useState<string>();
  const [editing, setEditing] = useState<EnterpriseRow | 'new' | null>(null);
  const list = usePagedQuery(industryApi.enterprises, { key: ['industry', 'enterprises'], filters: { status, q, divisionCode } });
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
          can('industry.write') && (
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('industry.enterprises.new')}
            </Button>
          )
        }
        filters={
          <>
            <Input.Search
              allowClear
              placeholder={t('industry.enterprises.search')}
              style={{ width: 220 }}
              onSearch={(v) => setQ(v || undefined)}
            />
            <Select
              allowClear
              aria-label={t('industry.fields.status')}
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
          filters: { status, q, divisionCode },
          import: { permission: 'industry.write', onCommitted: refresh },
        }}
        list={list}
        rowKey="id"
        scroll={{ x: 1500 }}
        columns={[
          {
            title: t('industry.fields.enterprise'),
            fixed: 'left',
            width: 220,
            render: (_, r) => <Link to={`/industry/enterprises/${r.id}`}>{r.name}</Link>,
          },
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
          ...(can('industry.write') ? [editColumn<EnterpriseRow>(t, setEditing)] : []),
        ]}
      />
      <EnterpriseForm
        row={editing === 'new' || editing == null ? undefined : editing}
        open={editing != null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          refresh();
        }}
      />
    </>
  );
}
