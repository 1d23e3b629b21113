// 务工就业台账: jobs of people from the helped side — where (就地就近/省内/跨省, 到广东), employer, dates, wage,
// 稳岗 and whether the person is 脱贫人口 (from the roster and monitored 脱贫户); import and export as a ledger.
import { DESTINATION_KINDS, type EmploymentRow, LABOUR_LEDGERS, labourApi } from '@xiezuo/shared/contracts/labour';
import { Input, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { call } from '../../app/api';
import { formatAmount, formatDate } from '../../app/format';
import { ListPage } from '../../platform/ListPage';
import { type FiltersOf, useFilters, usePagedQuery } from '../../platform/usePagedQuery';
import { MaskedId } from './Reveal';

type Row = z.infer<typeof EmploymentRow>;

export function EmploymentsPage() {
  const { t } = useTranslation();
  const [f, set] = useFilters<FiltersOf<typeof labourApi.employments>>({});
  const list = usePagedQuery(labourApi.employments, { key: ['labour', 'employments'], filters: f });
  const yesNo = (v: boolean, color: string) => (v ? <Tag color={color}>{t('labour.yes')}</Tag> : <Tag>{t('labour.no')}</Tag>);
  return (
    <ListPage
      title={t('labour.employments.title')}
      ledger={{ key: LABOUR_LEDGERS.employments, filters: f, exportLabel: t('common.export'), import: { permission: 'labour.write' } }}
      filters={
        <>
          <Select
            allowClear
            placeholder={t('labour.fields.destination')}
            style={{ minWidth: 120 }}
            value={f.destination}
            onChange={(v) => set({ destination: v })}
            options={DESTINATION_KINDS.map((k) => ({ value: k, label: t(`labour.destinations.${k}`) }))}
          />
          <Input.Search
            allowClear
            placeholder={t('labour.employments.search')}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            style={{ width: 200 }}
          />
        </>
      }
      list={list}
      scroll={{ x: 1600 }}
      columns={[
        { title: t('labour.fields.name'), dataIndex: 'name', fixed: 'left', width: 110 },
        {
          title: t('labour.fields.idNumber'),
          width: 240,
          render: (_, r: Row) => (
            <MaskedId name={r.name} masked={r.idNumberMasked} reveal={() => call(labourApi.revealEmployment, { params: { id: r.id } })} />
          ),
        },
        { title: t('labour.fields.lifted'), width: 90, render: (_, r: Row) => yesNo(r.lifted, 'orange') },
        { title: t('labour.fields.village'), render: (_, r: Row) => r.divisionName ?? r.divisionCode },
        { title: t('labour.fields.employer'), dataIndex: 'employer' },
        { title: t('labour.fields.workPlace'), render: (_, r: Row) => r.workDivisionName ?? r.workDivisionCode },
        {
          title: t('labour.fields.destination'),
          render: (_, r: Row) => (
            <>
              {t(`labour.destinations.${r.destination}`)}
              {r.toGuangdong && r.destination === 'out_province' && <Tag style={{ marginLeft: 4 }}>{t('labour.fields.toGuangdong')}</Tag>}
            </>
          ),
        },
        {
          title: t('labour.fields.period'),
          render: (_, r: Row) => `${formatDate(r.startDate)} – ${r.endDate ? formatDate(r.endDate) : ''}`,
        },
        { title: t('labour.fields.stable'), width: 70, render: (_, r: Row) => yesNo(r.stable, 'green') },
        {
          title: t('labour.fields.monthlyWage'),
          align: 'right',
          render: (_, r: Row) => (r.monthlyWage == null ? '—' : formatAmount(r.monthlyWage, '元')),
        },
        { title: t('labour.fields.channel'), render: (_, r: Row) => t(`labour.channels.${r.channel}`) },
        { title: t('labour.fields.station'), render: (_, r: Row) => r.station ?? '—' },
        { title: t('labour.fields.brand'), render: (_, r: Row) => r.brand ?? '—' },
        { title: t('labour.fields.note'), render: (_, r: Row) => r.note ?? '—' },
      ]}
    />
  );
}
