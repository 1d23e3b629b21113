// 帮扶车间: the workshops in scope with the people at work today and, of them, 脱贫人口 (from the roster, never
// typed); a name opens the workshop's page with its workers. Writers add and edit workshops here. Ledgers:
// workshops and workshop workers.
import { useQueryClient } from '@tanstack/react-query';
import { INDUSTRY_LEDGERS, industryApi, WORKSHOP_STATUSES, type WorkshopStatus } from '@xiezuo/shared/contracts/industry';
import { Button, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { formatAmount, formatCount, formatDate } from '../../app/format';
import { editColumn, ListPage } from '../../platform/ListPage';
import { LedgerImportButton } from '../../platform/ledgers/LedgerButtons';
import { usePagedQuery } from '../../platform/usePagedQuery';
import type { WorkshopRow } from './data';
import { WorkshopForm } from './forms';
import { Operator } from './Operator';

export function WorkshopsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const divisionCode = params.get('division') ?? undefined; // from the map
  const [status, setStatus] = useState<WorkshopStatus>();
  const [editing, setEditing] = useState<WorkshopRow | 'new' | null>(null);
  const list = usePagedQuery(industryApi.workshops, { key: ['industry', 'workshops'], filters: { status, divisionCode } });
  const refresh = () => void client.invalidateQueries({ queryKey: ['industry'] });
  return (
    <>
      <ListPage
        title={t('industry.workshops.title')}
        actions={
          <>
            {can('industry.write') && (
              <Button type="primary" onClick={() => setEditing('new')}>
                {t('industry.workshops.new')}
              </Button>
            )}
            <LedgerImportButton
              ledgerKey={INDUSTRY_LEDGERS.workers}
              title={t('industry.workshops.workers')}
              label={t('industry.workshops.importWorkers')}
              permission="industry.write"
              onCommitted={refresh}
            />
          </>
        }
        filters={
          <Select
            allowClear
            aria-label={t('industry.fields.status')}
            placeholder={t('industry.fields.status')}
            value={status}
            style={{ width: 120 }}
            onChange={setStatus}
            options={WORKSHOP_STATUSES.map((s) => ({ value: s, label: t(`industry.workshopStatuses.${s}`) }))}
          />
        }
        ledger={{
          key: INDUSTRY_LEDGERS.workshops,
          filters: { status, divisionCode },
          import: { permission: 'industry.write', onCommitted: refresh },
        }}
        list={list}
        rowKey="id"
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('industry.fields.name'),
            fixed: 'left',
            width: 200,
            render: (_, r) => <Link to={`/industry/workshops/${r.id}`}>{r.name}</Link>,
          },
          { title: t('industry.fields.village'), render: (_, r) => r.divisionName ?? r.divisionCode },
          { title: t('industry.fields.operator'), render: (_, r) => <Operator w={r} /> },
          { title: t('industry.fields.status'), render: (_, r) => <Tag>{t(`industry.workshopStatuses.${r.status}`)}</Tag> },
          { title: t('industry.fields.workers'), align: 'right', render: (_, r) => formatCount(r.workers) },
          { title: t('industry.fields.lifted'), align: 'right', render: (_, r) => formatCount(r.liftedWorkers) },
          {
            title: t('industry.fields.subsidy'),
            align: 'right',
            render: (_, r) => (r.subsidy == null ? '—' : formatAmount(Number(r.subsidy))),
          },
          { title: t('industry.fields.recognizedOn'), render: (_, r) => formatDate(r.recognizedOn) },
          ...(can('industry.write') ? [editColumn<WorkshopRow>(t, setEditing)] : []),
        ]}
      />
      <WorkshopForm
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
