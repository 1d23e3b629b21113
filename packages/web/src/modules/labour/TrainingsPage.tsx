// 技能培训: sessions with their trainees (人次), 其中脱贫人口 and certificates, counted on the server from the
// trainee rows; trainees (and new sessions) come in through the 培训学员台账.
import { LABOUR_LEDGERS, labourApi, type TrainingRow } from '@xiezuo/shared/contracts/labour';
import { Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { formatCount, formatDate } from '../../app/format';
import { ListPage } from '../../platform/ListPage';
import { type FiltersOf, useFilters, usePagedQuery } from '../../platform/usePagedQuery';

type Row = z.infer<typeof TrainingRow>;

export function TrainingsPage() {
  const { t } = useTranslation();
  const [f, set] = useFilters<FiltersOf<typeof labourApi.trainings>>({});
  const list = usePagedQuery(labourApi.trainings, { key: ['labour', 'trainings'], filters: f });
  return (
    <ListPage
      title={t('labour.trainings.title')}
      ledger={{ key: LABOUR_LEDGERS.trainees, filters: f, exportLabel: t('common.export'), import: { permission: 'labour.write' } }}
      filters={
        <>
          <Input.Search
            allowClear
            placeholder={t('labour.trainings.search')}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            style={{ width: 220 }}
          />
          <Typography.Text type="secondary">{t('labour.trainings.hint')}</Typography.Text>
        </>
      }
      list={list}
      scroll={{ x: 1000 }}
      columns={[
        { title: t('labour.trainings.title'), dataIndex: 'name', fixed: 'left', width: 180 },
        { title: t('labour.fields.kind'), render: (_, r: Row) => t(`labour.trainingKinds.${r.kind}`) },
        { title: t('labour.fields.organiser'), dataIndex: 'organiser' },
        { title: t('labour.fields.place'), render: (_, r: Row) => r.divisionName ?? r.divisionCode },
        { title: t('labour.fields.brand'), render: (_, r: Row) => r.brand ?? '' },
        { title: t('labour.fields.period'), render: (_, r: Row) => `${formatDate(r.startDate)} – ${formatDate(r.endDate)}` },
        { title: t('labour.trainings.trainees'), align: 'right', render: (_, r: Row) => formatCount(r.trainees) },
        { title: t('labour.fields.lifted'), align: 'right', render: (_, r: Row) => formatCount(r.lifted) },
        { title: t('labour.trainings.certified'), align: 'right', render: (_, r: Row) => formatCount(r.certified) },
      ]}
    />
  );
}
