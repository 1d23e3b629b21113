// 产销对接活动: matching fairs with the suppliers attending, the intents signed and the deals realised since
// (the counted sales linked to the fair).
import { CONSUMPTION_LEDGERS, consumptionApi } from '@xiezuo/shared/contracts/consumption';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatAmount, formatCount, formatDate } from '../../app/format';
import { ListPage } from '../../platform/ListPage';
import { usePagedQuery } from '../../platform/usePagedQuery';

export function FairsPage() {
  const { t } = useTranslation();
  const list = usePagedQuery(consumptionApi.fairs, { key: ['consumption', 'fairs'], filters: {} });
  return (
    <ListPage
      title={t('consumption.fairs.title')}
      ledger={{ key: CONSUMPTION_LEDGERS.fairs, import: { permission: 'consumption.write', onCommitted: () => list.refetch() } }}
      list={list}
      rowKey="id"
      scroll={{ x: 900 }}
      columns={[
        { title: t('consumption.fields.fairName'), render: (_, r) => r.name },
        { title: t('consumption.fields.fairDate'), render: (_, r) => formatDate(r.fairDate) },
        { title: t('consumption.fields.place'), render: (_, r) => `${r.place}（${r.divisionName ?? r.divisionCode}）` },
        { title: t('consumption.fields.organiser'), render: (_, r) => r.organiser ?? '—' },
        {
          title: t('consumption.fields.suppliersAttending'),
          render: (_, r) => r.suppliers.map((s) => <Tag key={s.id}>{s.name}</Tag>),
        },
        { title: t('consumption.fields.buyers'), align: 'right', render: (_, r) => (r.buyers == null ? '—' : formatCount(r.buyers)) },
        {
          title: t('consumption.fields.intentAmount'),
          align: 'right',
          render: (_, r) => formatAmount(r.intentAmount == null ? null : Number(r.intentAmount)),
        },
        { title: t('consumption.fields.realisedAmount'), align: 'right', render: (_, r) => formatAmount(Number(r.realisedAmount)) },
      ]}
    />
  );
}
