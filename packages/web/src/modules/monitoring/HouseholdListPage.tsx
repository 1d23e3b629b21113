// 监测户 list: filters, masked data only, the user's scope (the server filters), import and export.

import { PlusOutlined } from '@ant-design/icons';
import { CATEGORIES, MONITORING_LEDGERS, monitoringApi, RISK_KINDS, STATUSES } from '@xiezuo/shared/contracts/monitoring';
import { Button, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { formatTableDate } from '../../app/format';
import { ListPage } from '../../platform/ListPage';
import { type FiltersOf, useFilters, usePagedQuery } from '../../platform/usePagedQuery';
import { CATEGORY_COLOR, STATUS_COLOR } from './data';
import { NewHouseholdDialog } from './NewHouseholdDialog';

export function HouseholdListPage() {
  const { t } = useTranslation();
  const [f, set] = useFilters<FiltersOf<typeof monitoringApi.households>>({});
  const [creating, setCreating] = useState(false);
  const { can } = useAuth();
  const navigate = useNavigate();
  const list = usePagedQuery(monitoringApi.households, { key: ['monitoring', 'households'], filters: f });
  return (
    <ListPage
      title={t('monitoring.household.title')}
      actions={
        can('monitoring.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-household">
            {t('monitoring.household.new')}
          </Button>
        )
      }
      ledger={{ key: MONITORING_LEDGERS.households, filters: f, import: { onCommitted: () => list.refetch() } }}
      filters={
        <>
          <Select
            allowClear
            placeholder={t('monitoring.household.status')}
            style={{ minWidth: 120 }}
            onChange={(v) => set({ status: v })}
            options={STATUSES.map((s) => ({ value: s, label: t(`monitoring.statuses.${s}`) }))}
          />
          <Select
            allowClear
            placeholder={t('monitoring.household.category')}
            style={{ minWidth: 140 }}
            onChange={(v) => set({ category: v })}
            options={CATEGORIES.map((s) => ({ value: s, label: t(`monitoring.categories.${s}`) }))}
          />
          <Select
            allowClear
            placeholder={t('monitoring.risk.kind')}
            style={{ minWidth: 120 }}
            onChange={(v) => set({ risk: v })}
            options={RISK_KINDS.map((s) => ({ value: s, label: t(`monitoring.risks.${s}`) }))}
          />
          <Select
            allowClear
            placeholder={t('monitoring.household.overdue')}
            style={{ minWidth: 110 }}
            onChange={(v) => set({ overdue: v })}
            options={[{ value: 'true' as const, label: t('monitoring.household.overdue') }]}
          />
          <Input.Search
            allowClear
            placeholder={t('monitoring.household.search')}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            style={{ width: 180 }}
          />
          <Input.Search
            allowClear
            placeholder={t('monitoring.household.idSearch')}
            onSearch={(v) => set({ idNumber: v.trim() || undefined })}
            style={{ width: 220 }}
          />
        </>
      }
      list={list}
      scroll={{ x: 1000 }}
      columns={[
        {
          title: t('monitoring.household.head'),
          fixed: 'left',
          width: 140,
          render: (_, r) => <Link to={`/monitoring/households/${r.id}`}>{r.headName}</Link>,
        },
        { title: t('monitoring.household.village'), render: (_, r) => r.village ?? r.divisionCode },
        {
          title: t('monitoring.household.category'),
          render: (_, r) => <Tag color={CATEGORY_COLOR[r.category]}>{t(`monitoring.categories.${r.category}`)}</Tag>,
        },
        {
          title: t('monitoring.household.status'),
          render: (_, r) => (
            <Space size={2} wrap>
              <Tag color={STATUS_COLOR[r.status]}>{t(`monitoring.statuses.${r.status}`)}</Tag>
              {r.stage && <Tag>{t(`monitoring.stages.${r.stage}`)}</Tag>}
              {r.procedureOverdue && <Tag color="red">{t('monitoring.household.overdue')}</Tag>}
            </Space>
          ),
        },
        { title: t('monitoring.household.persons'), dataIndex: 'persons', width: 60 },
        { title: t('monitoring.risk.title'), render: (_, r) => r.openRisks.map((k) => <Tag key={k}>{t(`monitoring.risks.${k}`)}</Tag>) },
        {
          title: t('monitoring.household.flags'),
          render: (_, r) => (
            <Space size={2}>
              {r.isLifted && <Tag>{t('monitoring.household.isLifted')}</Tag>}
              {r.dibao && <Tag>{t('monitoring.household.dibao')}</Tag>}
              {r.tekun && <Tag>{t('monitoring.household.tekun')}</Tag>}
              {r.demo && <Tag color="cyan">{t('monitoring.household.demo')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('monitoring.household.lastVisit'),
          render: (_, r) => <span style={{ color: r.visitDue ? '#cf1322' : undefined }}>{formatTableDate(r.lastVisitOn)}</span>,
        },
      ]}
    >
      <NewHouseholdDialog open={creating} onClose={() => setCreating(false)} onCreated={(id) => navigate(`/monitoring/households/${id}`)} />
    </ListPage>
  );
}
