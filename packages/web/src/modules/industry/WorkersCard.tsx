// The people at work in one workshop or enterprise (ID numbers masked, a reveal audited; 脱贫人口 from the roster,
// never typed), with the export of the 车间务工人员台账 for that place and, for writers, 登记务工人员 and 编辑 (e.g. the
// day someone left).
import { INDUSTRY_LEDGERS, industryApi } from '@xiezuo/shared/contracts/industry';
import { Button, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatDate } from '../../app/format';
import { editColumn, ListPage } from '../../platform/ListPage';
import { usePagedQuery } from '../../platform/usePagedQuery';
import { MaskedId } from '../labour/Reveal';
import type { WorkerRow } from './data';
import { WorkerForm } from './forms';

export function WorkersCard({ place, onChanged }: { place: { workshopId: number } | { enterpriseId: number }; onChanged(): void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [editing, setEditing] = useState<WorkerRow | 'new' | null>(null);
  const list = usePagedQuery(industryApi.workers, { key: ['industry', 'workers', place], filters: place });
  const filters = Object.fromEntries(Object.entries(place).map(([k, v]) => [k, String(v)]));
  return (
    <>
      <ListPage
        title={t('industry.workshops.workers')}
        actions={
          can('industry.write') && (
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('industry.workshops.addWorker')}
            </Button>
          )
        }
        ledger={{ key: INDUSTRY_LEDGERS.workers, filters }}
        list={list}
        rowKey="id"
        scroll={{ x: 640 }}
        columns={[
          { title: t('industry.fields.personName'), dataIndex: 'name', width: 140 },
          {
            title: t('industry.fields.idNumber'),
            render: (_, r) => (
              <MaskedId name={r.name} masked={r.idNumberMasked} reveal={() => call(industryApi.revealWorker, { params: { id: r.id } })} />
            ),
          },
          { title: t('industry.fields.home'), render: (_, r) => r.homeDivisionName ?? r.homeDivisionCode ?? '—' },
          {
            title: t('industry.fields.period'),
            render: (_, r) => (
              <Space size={4} wrap>
                {formatDate(r.startDate)}—{r.endDate ? formatDate(r.endDate) : t('industry.workshops.atWork')}
              </Space>
            ),
          },
          {
            title: t('industry.fields.lifted'),
            render: (_, r) => (r.lifted ? <Tag color="green">{t('industry.workshops.liftedYes')}</Tag> : null),
          },
          ...(can('industry.write') ? [editColumn<WorkerRow>(t, setEditing)] : []),
        ]}
      />
      <WorkerForm
        place={place}
        open={editing != null}
        row={editing === 'new' || editing == null ? undefined : editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.refetch();
          onChanged();
        }}
      />
    </>
  );
}
