// 消费帮扶认定产品: certified products with their certificates; an expired certificate is flagged (its later
// sales are marked in the sales ledger). Import and export as the 认定产品台账.
import { CONSUMPTION_LEDGERS, consumptionApi, PRODUCT_CATEGORIES, type ProductCategory } from '@xiezuo/shared/contracts/consumption';
import { Input, Select, Space, Switch, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmount, formatDate } from '../../app/format';
import { ListPage } from '../../platform/ListPage';
import { usePagedQuery } from '../../platform/usePagedQuery';

export function ProductsPage() {
  const { t } = useTranslation();
  const [category, setCategory] = useState<ProductCategory>();
  const [expired, setExpired] = useState(false);
  const [q, setQ] = useState<string>();
  const filters = { category, expired: expired ? ('true' as const) : undefined, q };
  const list = usePagedQuery(consumptionApi.products, { key: ['consumption', 'products'], filters });
  return (
    <ListPage
      title={t('consumption.products.title')}
      filters={
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('consumption.fields.productName')}
            onSearch={(v) => setQ(v || undefined)}
            style={{ width: 200 }}
          />
          <Select
            allowClear
            placeholder={t('consumption.fields.category')}
            value={category}
            style={{ width: 140 }}
            onChange={setCategory}
            options={PRODUCT_CATEGORIES.map((c) => ({ value: c, label: t(`consumption.categories.${c}`) }))}
          />
          <Space>
            <Switch checked={expired} onChange={setExpired} aria-label={t('consumption.products.onlyExpired')} />
            {t('consumption.products.onlyExpired')}
          </Space>
        </Space>
      }
      ledger={{
        key: CONSUMPTION_LEDGERS.products,
        filters: { q },
        import: { permission: 'consumption.write', onCommitted: () => list.refetch() },
      }}
      list={list}
      rowKey="id"
      scroll={{ x: 900 }}
      columns={[
        { title: t('consumption.fields.productName'), render: (_, r) => r.name },
        { title: t('consumption.fields.category'), render: (_, r) => t(`consumption.categories.${r.category}`) },
        { title: t('consumption.fields.supplier'), render: (_, r) => r.supplierName },
        { title: t('consumption.fields.origin'), render: (_, r) => r.divisionName ?? r.divisionCode },
        {
          title: t('consumption.fields.price'),
          align: 'right',
          render: (_, r) => (r.price == null ? '—' : `${formatAmount(Number(r.price))}/${r.unit ?? ''}`),
        },
        { title: t('consumption.fields.certNo'), render: (_, r) => r.certNo },
        {
          title: t('consumption.fields.certExpiry'),
          render: (_, r) => (
            <Space size={4}>
              {formatDate(r.certExpiry)}
              {r.expired ? (
                <Tag color="red">{t('consumption.products.expired')}</Tag>
              ) : (
                <Tag color="green">{t('consumption.products.valid')}</Tag>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
