// 订单班: each class with its students, graduates, employed, the employment rate and the average wage, all
// counted on the server from the class roster (订单班学员台账); a new class by form, students by ledger.
import { useQueryClient } from '@tanstack/react-query';
import { LABOUR_LEDGERS, labourApi, type OrderClassRow } from '@xiezuo/shared/contracts/labour';
import { Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useAuth } from '../../app/auth';
import { formatAmount, formatCount, formatDate, formatPercent } from '../../app/format';
import { ListPage } from '../../platform/ListPage';
import { LedgerExportButton, LedgerImportButton } from '../../platform/ledgers/LedgerButtons';
import { type FiltersOf, useFilters, usePagedQuery } from '../../platform/usePagedQuery';
import { OrderClassForm } from './OrderClassForm';

type Row = z.infer<typeof OrderClassRow>;

export function OrderClassesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [f, set] = useFilters<FiltersOf<typeof labourApi.orderClasses>>({});
  const list = usePagedQuery(labourApi.orderClasses, { key: ['labour', 'classes'], filters: f });
  const refresh = () => void client.invalidateQueries({ queryKey: ['labour'] });
  return (
    <ListPage
      title={t('labour.classes.title')}
      actions={
        <Space wrap>
          {can('labour.write') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('labour.classes.new')}
            </Button>
          )}
          <LedgerImportButton ledgerKey={LABOUR_LEDGERS.classMembers} permission="labour.write" onCommitted={refresh} />
          <LedgerExportButton ledgerKey={LABOUR_LEDGERS.classMembers} />
        </Space>
      }
      filters={
        <>
          <Input.Search
            allowClear
            placeholder={t('labour.classes.search')}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            style={{ width: 220 }}
          />
          <Typography.Text type="secondary">{t('labour.classes.members')}</Typography.Text>
        </>
      }
      list={list}
      scroll={{ x: 1200 }}
      columns={[
        { title: t('labour.fields.className'), dataIndex: 'name', fixed: 'left', width: 150 },
        { title: t('labour.fields.cohort'), dataIndex: 'cohort', width: 70 },
        { title: t('labour.fields.school'), dataIndex: 'school' },
        { title: t('labour.fields.enterprise'), dataIndex: 'enterprise' },
        { title: t('labour.fields.county'), render: (_, r: Row) => r.divisionName ?? r.divisionCode },
        { title: t('labour.fields.graduationDate'), render: (_, r: Row) => formatDate(r.graduationDate) },
        { title: t('labour.fields.students'), align: 'right', render: (_, r: Row) => formatCount(r.students) },
        { title: t('labour.fields.graduates'), align: 'right', render: (_, r: Row) => formatCount(r.graduates) },
        { title: t('labour.fields.employed'), align: 'right', render: (_, r: Row) => formatCount(r.employed) },
        { title: t('labour.fields.rate'), align: 'right', render: (_, r: Row) => (r.rate == null ? '—' : formatPercent(r.rate)) },
        {
          title: t('labour.fields.averageWage'),
          align: 'right',
          render: (_, r: Row) => (r.averageWage == null ? '—' : formatAmount(r.averageWage, '元')),
        },
      ]}
    >
      <OrderClassForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          refresh();
        }}
      />
    </ListPage>
  );
}
