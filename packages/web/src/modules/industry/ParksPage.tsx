// 共建产业园区: the parks in scope with the enterprises in them and the people at work there today; writers add
// and edit parks here. On a phone the parks are cards (ListPage), the title above the buttons.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { INDUSTRY_LEDGERS, industryApi } from '@xiezuo/shared/contracts/industry';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatAmount, formatCount, formatDate } from '../../app/format';
import { editColumn, ListPage } from '../../platform/ListPage';
import { useWholeList } from '../../platform/usePagedQuery';
import type { ParkRow } from './data';
import { ParkForm } from './forms';

export function ParksPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const client = useQueryClient();
  const [editing, setEditing] = useState<ParkRow | 'new' | null>(null);
  const list = useWholeList(useQuery({ queryKey: ['industry', 'parks'], queryFn: () => call(industryApi.parks, { query: {} }) }));
  const refresh = () => void client.invalidateQueries({ queryKey: ['industry'] });
  return (
    <ListPage
      title={t('industry.parks.title')}
      actions={
        can('industry.write') && (
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('industry.parks.new')}
          </Button>
        )
      }
      ledger={{ key: INDUSTRY_LEDGERS.parks, import: { permission: 'industry.write', onCommitted: refresh } }}
      list={list}
      rowKey="id"
      scroll={{ x: 900 }}
      columns={[
        { title: t('industry.fields.name'), dataIndex: 'name', fixed: 'left', width: 220 },
        { title: t('industry.fields.landed'), render: (_, r) => r.divisionName ?? r.divisionCode },
        { title: t('industry.fields.helper'), render: (_, r) => r.helperDivisionName ?? r.helperDivisionCode },
        { title: t('industry.fields.enterprises'), align: 'right', render: (_, r) => formatCount(r.enterprises) },
        { title: t('industry.fields.workers'), align: 'right', render: (_, r) => formatCount(r.workers) },
        { title: t('industry.fields.area'), align: 'right', render: (_, r) => (r.areaMu == null ? '—' : formatCount(r.areaMu)) },
        {
          title: t('industry.fields.outputValue'),
          align: 'right',
          render: (_, r) => (r.outputValue == null ? '—' : formatAmount(Number(r.outputValue))),
        },
        { title: t('industry.fields.establishedOn'), render: (_, r) => formatDate(r.establishedOn) },
        ...(can('industry.write') ? [editColumn<ParkRow>(t, setEditing)] : []),
      ]}
    >
      <ParkForm
        row={editing === 'new' || editing == null ? undefined : editing}
        open={editing != null}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          refresh();
        }}
      />
    </ListPage>
  );
}
