// 协作项目: projects in scope with filters (status, type, programme, place, late, code or name), the totals of the
// filtered list (budget, committed, disbursed, rate) and the project ledger (money flows: 台账导入导出).
import { useQuery } from '@tanstack/react-query';
import {
  FUNDS_LEDGERS,
  fundsApi,
  PROJECT_STATUSES,
  PROJECT_TYPES,
  type ProjectStatus,
  type ProjectType,
} from '@xiezuo/shared/contracts/funds';
import { Button, Input, Select, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { ListPage } from '../../platform/ListPage';
import { usePagedQuery } from '../../platform/usePagedQuery';
import { DivisionPicker, ProgrammeSelect } from '../registry/Options';
import { ProjectForm } from './forms';
import { rateOf, yuan } from './money';

export function ProjectsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<ProjectStatus>();
  const [type, setType] = useState<ProjectType>();
  const [late, setLate] = useState(false);
  const [q, setQ] = useState<string>();
  const [programmeId, setProgrammeId] = useState<number>();
  const [divisionCode, setDivisionCode] = useState<string>();
  const filters = { status, type, programmeId, divisionCode, late: late ? ('true' as const) : undefined, q };
  const list = usePagedQuery(fundsApi.projects, { key: ['funds', 'projects'], filters });
  const totals = useQuery({
    queryKey: ['funds', 'projects', 'totals', filters],
    queryFn: () => call(fundsApi.projects, { query: { ...filters, page: 1, pageSize: 1 } }),
  }).data?.totals;
  return (
    <ListPage
      title={t('funds.projects.title')}
      actions={
        can('funds.write') && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('funds.projects.new')}
          </Button>
        )
      }
      ledger={{ key: FUNDS_LEDGERS.projects, filters, import: { permission: 'funds.write', onCommitted: () => list.refetch() } }}
      list={list}
      rowKey="id"
      scroll={{ x: 1000 }}
      filters={
        <>
          <Select
            allowClear
            aria-label={t('funds.fields.status')}
            placeholder={t('funds.fields.status')}
            value={status}
            style={{ width: 130 }}
            onChange={setStatus}
            options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`funds.statuses.${s}`) }))}
          />
          <Select
            allowClear
            aria-label={t('funds.fields.type')}
            placeholder={t('funds.fields.type')}
            value={type}
            style={{ width: 130 }}
            onChange={setType}
            options={PROJECT_TYPES.map((s) => ({ value: s, label: t(`funds.types.${s}`) }))}
          />
          <ProgrammeSelect aria-label={t('funds.fields.programme')} value={programmeId} onChange={setProgrammeId} style={{ width: 180 }} />
          <DivisionPicker placeholder={t('funds.fields.division')} value={divisionCode} onChange={setDivisionCode} style={{ width: 180 }} />
          <Input.Search allowClear placeholder={t('funds.projects.search')} style={{ width: 200 }} onSearch={(v) => setQ(v || undefined)} />
          <Space>
            <Switch checked={late} onChange={setLate} aria-label={t('funds.projects.onlyLate')} />
            {t('funds.projects.onlyLate')}
          </Space>
          {totals && (
            <Typography.Text type="secondary" data-testid="project-totals">
              {t('funds.projects.totals', {
                budget: yuan(totals.budget),
                commitment: yuan(totals.commitment),
                disbursement: yuan(totals.disbursement),
                rate: rateOf(totals),
              })}
            </Typography.Text>
          )}
        </>
      }
      columns={[
        {
          title: t('funds.fields.name'),
          render: (_, r) => (
            <Space direction="vertical" size={0}>
              <Link to={`/funds/projects/${r.id}`}>{r.name}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.code}
              </Typography.Text>
            </Space>
          ),
        },
        { title: t('funds.fields.type'), render: (_, r) => t(`funds.types.${r.type}`) },
        {
          title: t('funds.fields.status'),
          render: (_, r) => (
            <Space size={4}>
              <Tag color={r.status === 'handed_over' ? 'green' : 'blue'}>{t(`funds.statuses.${r.status}`)}</Tag>
              {r.late && <Tag color="red">{t('funds.projects.lateTag')}</Tag>}
            </Space>
          ),
        },
        { title: t('funds.fields.division'), render: (_, r) => r.divisionName ?? r.divisionCode },
        { title: t('funds.fields.programme'), render: (_, r) => r.programmeName ?? '—' },
        { title: t('funds.fields.team'), render: (_, r) => r.teamName ?? '—' },
        { title: t('funds.fields.budget'), align: 'right', render: (_, r) => yuan(r.money.budget) },
        { title: t('funds.fields.disbursement'), align: 'right', render: (_, r) => yuan(r.money.disbursement) },
        { title: t('funds.fields.rate'), align: 'right', render: (_, r) => rateOf(r.money) },
        { title: t('funds.fields.beneficiaries'), align: 'right', render: (_, r) => r.beneficiaries || '—' },
      ]}
    >
      <ProjectForm open={creating} onClose={() => setCreating(false)} onSaved={(saved) => navigate(`/funds/projects/${saved.id}`)} />
    </ListPage>
  );
}
