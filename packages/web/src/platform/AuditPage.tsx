// Auditors and admins: the audit log, filterable by entity and action, with before/after of each write.
import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../app/api';
import { formatDateTime } from '../app/format';

interface Entry {
  id: number;
  at: string;
  actorName: string | null;
  ip: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

const ACTIONS = ['create', 'update', 'delete', 'reveal', 'export', 'import', 'login', 'login_failed', 'logout', 'session_end', 'password_change'];

export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<{ page: number; entity?: string; action?: string; from?: string; to?: string }>({ page: 1 });
  const qs = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]));
  const { data, isLoading } = useQuery({ queryKey: ['audit', qs.toString()], queryFn: () => get<{ items: Entry[]; total: number }>(`/api/audit?${qs}`) });
  return (
    <Card title={t('audit.title')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search placeholder={t('audit.entity')} allowClear onSearch={(v) => setFilter({ ...filter, page: 1, entity: v || undefined })} style={{ width: 180 }} />
        <Select
          allowClear
          placeholder={t('audit.action')}
          style={{ width: 160 }}
          onChange={(v) => setFilter({ ...filter, page: 1, action: v })}
          options={ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
        />
        <DatePicker.RangePicker
          onChange={(r) => setFilter({ ...filter, page: 1, from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
        />
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data?.items}
        scroll={{ x: 800 }}
        pagination={{ current: filter.page, pageSize: 50, total: data?.total, showSizeChanger: false, onChange: (page) => setFilter({ ...filter, page }), showTotal: (n) => t('common.total', { count: n }) }}
        expandable={{
          rowExpandable: (r) => r.before != null || r.after != null,
          expandedRowRender: (r) => (
            <Space align="start" wrap>
              <pre style={{ margin: 0 }}>{t('audit.before')}: {JSON.stringify(r.before, null, 2)}</pre>
              <pre style={{ margin: 0 }}>{t('audit.after')}: {JSON.stringify(r.after, null, 2)}</pre>
            </Space>
          ),
        }}
        columns={[
          { title: t('audit.at'), render: (_, r) => formatDateTime(r.at), width: 170 },
          { title: t('audit.actor'), dataIndex: 'actorName' },
          { title: t('audit.action'), render: (_, r) => t(`audit.actions.${r.action}`, { defaultValue: r.action }) },
          { title: t('audit.entity'), dataIndex: 'entity' },
          { title: t('audit.entityId'), dataIndex: 'entityId' },
          { title: t('audit.ip'), dataIndex: 'ip' },
        ]}
      />
    </Card>
  );
}
