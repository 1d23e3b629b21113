// Auditors and admins: the audit log, filterable by entity and action, with before/after of each write.
import { auditApi } from '@xiezuo/shared/contracts/auth';
import { DatePicker, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/format';
import { ListPage } from './ListPage';
import { useFilters, usePagedQuery } from './usePagedQuery';

const ACTIONS = [
  'create',
  'update',
  'delete',
  'reveal',
  'export',
  'import',
  'login',
  'login_failed',
  'logout',
  'session_end',
  'password_change',
];

/** A record's name from what the entry holds (a person, household, team, user or file), else its number. */
export function recordName(r: {
  entity: string;
  entityId: string | null;
  actorId: number | null;
  actorName: string | null;
  before: unknown;
  after: unknown;
}): string {
  if (r.entity === 'user' && r.actorName && r.entityId === String(r.actorId)) return r.actorName; // a sign-in: the user themself
  for (const side of [r.after, r.before]) {
    if (side && typeof side === 'object') {
      const o = side as Record<string, unknown>;
      for (const k of ['name', 'headName', 'displayName', 'username', 'fileName', 'title'])
        if (typeof o[k] === 'string' && o[k]) return String(o[k]);
    }
  }
  return r.entityId ? `#${r.entityId}` : '—';
}

export function AuditPage() {
  const { t } = useTranslation();
  const [filter, set] = useFilters<{ entity?: string; action?: string; from?: string; to?: string }>({});
  const list = usePagedQuery(auditApi.entries, { key: ['audit'], filters: filter, pageSize: 50 });
  return (
    <ListPage
      title={t('audit.title')}
      list={list}
      filters={
        <>
          <Input.Search
            placeholder={t('audit.entity')}
            allowClear
            onSearch={(v) => set({ entity: v || undefined })}
            style={{ width: 180 }}
          />
          <Select
            allowClear
            placeholder={t('audit.action')}
            style={{ width: 160 }}
            onChange={(v) => set({ action: v })}
            options={[...ACTIONS, 'transition'].map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
          />
          <DatePicker.RangePicker onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })} />
        </>
      }
      scroll={{ x: 800 }}
      expandable={{
        rowExpandable: (r) => r.before != null || r.after != null,
        expandedRowRender: (r) => (
          <Space align="start" wrap>
            <pre style={{ margin: 0 }}>
              {t('audit.before')}: {JSON.stringify(r.before, null, 2)}
            </pre>
            <pre style={{ margin: 0 }}>
              {t('audit.after')}: {JSON.stringify(r.after, null, 2)}
            </pre>
          </Space>
        ),
      }}
      columns={[
        { title: t('audit.at'), render: (_, r) => formatDateTime(r.at), width: 170 },
        { title: t('audit.actor'), dataIndex: 'actorName' },
        {
          title: t('audit.action'),
          render: (_, r) =>
            t(`audit.actions.${r.action}`, { defaultValue: t(`monitoring.actions.${r.action}`, { defaultValue: r.action }) }),
        },
        { title: t('audit.entity'), render: (_, r) => t(`audit.entities.${r.entity}`, { defaultValue: r.entity }) },
        { title: t('audit.record'), render: (_, r) => recordName(r) },
        { title: t('audit.ip'), dataIndex: 'ip' },
      ]}
    />
  );
}
