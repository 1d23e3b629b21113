// 脱贫人口名册: who counts as 其中脱贫人口 everywhere; ID numbers masked, reveal audited; import and export as a ledger.
import { LABOUR_LEDGERS, labourApi, type RosterRow } from '@xiezuo/shared/contracts/labour';
import { Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { call } from '../../app/api';
import { ListPage } from '../../platform/ListPage';
import { type FiltersOf, useFilters, usePagedQuery } from '../../platform/usePagedQuery';
import { MaskedId } from './Reveal';

type Row = z.infer<typeof RosterRow>;

export function RosterPage() {
  const { t } = useTranslation();
  const [f, set] = useFilters<FiltersOf<typeof labourApi.roster>>({});
  const list = usePagedQuery(labourApi.roster, { key: ['labour', 'roster'], filters: f });
  return (
    <ListPage
      title={t('labour.roster.title')}
      ledger={{ key: LABOUR_LEDGERS.roster, filters: f, exportLabel: t('common.export'), import: { permission: 'labour.write' } }}
      filters={
        <>
          <Input.Search
            allowClear
            placeholder={t('labour.roster.search')}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            style={{ width: 200 }}
          />
          <Typography.Text type="secondary">{t('labour.roster.hint')}</Typography.Text>
        </>
      }
      list={list}
      scroll={{ x: 800 }}
      columns={[
        { title: t('labour.fields.name'), dataIndex: 'name', fixed: 'left', width: 120 },
        {
          title: t('labour.fields.idNumber'),
          width: 240,
          render: (_, r: Row) => (
            <MaskedId name={r.name} masked={r.idNumberMasked} reveal={() => call(labourApi.revealRosterPerson, { params: { id: r.id } })} />
          ),
        },
        { title: t('labour.fields.village'), render: (_, r: Row) => r.divisionName ?? r.divisionCode },
        { title: t('labour.fields.householdHead'), render: (_, r: Row) => r.householdHead ?? '—' },
        { title: t('labour.fields.liftedYear'), dataIndex: 'liftedYear', width: 100 },
      ]}
    />
  );
}
