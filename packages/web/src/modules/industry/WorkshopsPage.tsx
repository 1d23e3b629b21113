// 帮扶车间: the workshops in scope with the people at work today and, of them, 脱贫人口 (from the roster, never
// typed); a row opens its workers (ID numbers masked). Ledgers: workshops and workshop workers.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { INDUSTRY_LEDGERS, industryApi, WORKSHOP_STATUSES, type WorkshopStatus } from '@xiezuo/shared/contracts/industry';
import { Button, Drawer, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { formatAmount, formatCount, formatDate } from '../../app/format';
import { ListPage } from '../../platform/ListPage';
import { LedgerExportButton, LedgerImportButton } from '../../platform/ledgers/LedgerButtons';
import { usePagedQuery } from '../../platform/usePagedQuery';

function Workers({ id, name, onClose }: { id: number | null; name: string; onClose(): void }) {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: ['industry', 'workers', id],
    queryFn: () => call(industryApi.workers, { query: { workshopId: id!, pageSize: 500 } }),
    enabled: id != null,
  });
  return (
    <Drawer open={id != null} onClose={onClose} title={`${name} · ${t('industry.workshops.workers')}`} width="min(640px, 100vw)">
      <Space style={{ marginBottom: 8 }}>
        <LedgerExportButton ledgerKey={INDUSTRY_LEDGERS.workers} filters={{ workshopId: id == null ? undefined : String(id) }} />
      </Space>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data?.items}
        scroll={{ x: 520 }}
        columns={[
          { title: t('industry.fields.personName'), dataIndex: 'name' },
          { title: t('industry.fields.idNumber'), dataIndex: 'idNumberMasked' },
          { title: t('industry.fields.startDate'), render: (_, r) => formatDate(r.startDate) },
          { title: t('industry.fields.endDate'), render: (_, r) => (r.endDate ? formatDate(r.endDate) : '—') },
          { title: '', render: (_, r) => (r.lifted ? <Tag color="green">{t('industry.workshops.liftedYes')}</Tag> : null) },
        ]}
      />
    </Drawer>
  );
}

export function WorkshopsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [status, setStatus] = useState<WorkshopStatus>();
  const [open, setOpen] = useState<{ id: number; name: string } | null>(null);
  const list = usePagedQuery(industryApi.workshops, { key: ['industry', 'workshops'], filters: { status } });
  const refresh = () => void client.invalidateQueries({ queryKey: ['industry'] });
  return (
    <>
      <ListPage
        title={t('industry.workshops.title')}
        actions={
          <>
            <Select
              allowClear
              placeholder={t('industry.fields.status')}
              value={status}
              style={{ width: 120 }}
              onChange={setStatus}
              options={WORKSHOP_STATUSES.map((s) => ({ value: s, label: t(`industry.workshopStatuses.${s}`) }))}
            />
            <LedgerImportButton
              ledgerKey={INDUSTRY_LEDGERS.workers}
              title={t('industry.workshops.workers')}
              permission="industry.write"
              onCommitted={refresh}
            />
          </>
        }
        ledger={{ key: INDUSTRY_LEDGERS.workshops, filters: { status }, import: { permission: 'industry.write', onCommitted: refresh } }}
        list={list}
        scroll={{ x: 900 }}
        columns={[
          { title: t('industry.fields.name'), dataIndex: 'name', fixed: 'left', width: 200 },
          { title: t('industry.fields.village'), render: (_, r) => r.divisionName ?? r.divisionCode },
          { title: t('industry.fields.operator'), render: (_, r) => r.operatorName ?? '—' },
          { title: t('industry.fields.status'), render: (_, r) => <Tag>{t(`industry.workshopStatuses.${r.status}`)}</Tag> },
          { title: t('industry.fields.workers'), align: 'right', render: (_, r) => formatCount(r.workers) },
          { title: t('industry.fields.lifted'), align: 'right', render: (_, r) => formatCount(r.liftedWorkers) },
          {
            title: t('industry.fields.subsidy'),
            align: 'right',
            render: (_, r) => (r.subsidy == null ? '—' : formatAmount(Number(r.subsidy))),
          },
          { title: t('industry.fields.recognizedOn'), render: (_, r) => formatDate(r.recognizedOn) },
          {
            title: t('industry.workshops.workers'),
            render: (_, r) => (
              <Button
                type="link"
                size="small"
                aria-label={`${r.name} ${t('industry.workshops.workers')}`}
                onClick={() => setOpen({ id: r.id, name: r.name })}
              >
                {t('industry.workshops.workers')}
              </Button>
            ),
          },
        ]}
      />
      <Workers id={open?.id ?? null} name={open?.name ?? ''} onClose={() => setOpen(null)} />
    </>
  );
}
