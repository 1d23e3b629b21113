// 消费帮扶供应商: enterprises and cooperatives of the helped areas with their credit codes and public contact.
import { CONSUMPTION_LEDGERS, consumptionApi } from '@xiezuo/shared/contracts/consumption';
import { Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../app/format';
import { ListPage } from '../../platform/ListPage';
import { usePagedQuery } from '../../platform/usePagedQuery';

export function SuppliersPage() {
  const { t } = useTranslation();
  const [q, setQ] = useState<string>();
  const list = usePagedQuery(consumptionApi.suppliers, { key: ['consumption', 'suppliers'], filters: { q } });
  return (
    <ListPage
      title={t('consumption.suppliers.title')}
      filters={
        <Input.Search
          allowClear
          placeholder={t('consumption.fields.supplierName')}
          onSearch={(v) => setQ(v || undefined)}
          style={{ width: 240 }}
        />
      }
      ledger={{
        key: CONSUMPTION_LEDGERS.suppliers,
        filters: { q },
        import: { permission: 'consumption.write', onCommitted: () => list.refetch() },
      }}
      list={list}
      rowKey="id"
      scroll={{ x: 800 }}
      columns={[
        { title: t('consumption.fields.supplierName'), render: (_, r) => r.name },
        { title: t('consumption.fields.creditCode'), render: (_, r) => <code>{r.creditCode}</code> },
        { title: t('consumption.fields.division'), render: (_, r) => r.divisionName ?? r.divisionCode },
        { title: t('consumption.fields.contact'), render: (_, r) => [r.contact, r.phone].filter(Boolean).join(' ') || '—' },
        { title: t('consumption.suppliers.products'), align: 'right', render: (_, r) => formatCount(r.products) },
      ]}
    />
  );
}
