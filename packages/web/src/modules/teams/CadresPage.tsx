// 援派干部和专业技术人才: the list with filters; ID numbers masked, and a reveal button (audited on the
// server) for roles that may see them; export through the ledger.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CADRE_KINDS } from '@xiezuo/shared/contracts/teams';
import { Alert, Button, Card, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { download, get, post } from '../../app/api';
import { useAuth } from '../../app/auth';
import { CadreForm } from './forms';
import { type CadreRow, type Page, qs, useTeams, periodText } from './data';

export function CadresPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const teams = useTeams();
  const [f, setF] = useState<{ teamId?: number; kind?: string; onDuty?: string; q?: string }>({});
  const [page, setPage] = useState(1);
  const [revealed, setRevealed] = useState<{ name: string; idNumber: string } | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<CadreRow | undefined>();
  const client = useQueryClient();
  const query = qs({ ...f, page, pageSize: 20 });
  const { data, isLoading } = useQuery({ queryKey: ['teams', 'cadres', query], queryFn: () => get<Page<CadreRow>>(`/api/cadres?${query}`) });
  const set = (patch: Partial<typeof f>) => {
    setF({ ...f, ...patch });
    setPage(1);
  };
  const reveal = async (r: CadreRow) => setRevealed({ name: r.name, idNumber: (await post<{ idNumber: string }>(`/api/cadres/${r.id}/reveal`)).idNumber });

  return (
    <Card
      title={t('teams.cadres.title')}
      extra={
        <Space>
          {can('registry.write') && <Button type="primary" onClick={() => setCreating(true)}>{t('teams.cadres.new')}</Button>}
          {can('ledgers.export') && <Button onClick={() => download(`/api/ledgers/cadres/export?${qs(f)}`, 'cadres.xlsx')}>{t('common.export')}</Button>}
        </Space>
      }
    >
      <CadreForm open={creating} onClose={() => setCreating(false)} onSaved={() => { setCreating(false); void client.invalidateQueries({ queryKey: ['teams'] }); }} />
      <CadreForm cadre={editing} open={!!editing} onClose={() => setEditing(undefined)} onSaved={() => { setEditing(undefined); void client.invalidateQueries({ queryKey: ['teams'] }); }} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder={t('teams.fields.team')} style={{ minWidth: 220 }} value={f.teamId} onChange={(v) => set({ teamId: v })}
          options={(teams.data ?? []).map((r) => ({ value: r.id, label: r.name }))} showSearch={{ optionFilterProp: 'label' }} />
        <Select allowClear placeholder={t('teams.fields.cadreKind')} style={{ minWidth: 120 }} value={f.kind} onChange={(v) => set({ kind: v })}
          options={CADRE_KINDS.map((k) => ({ value: k, label: t(`teams.cadreKinds.${k}`) }))} />
        <Select allowClear placeholder={t('teams.fields.onDuty')} style={{ minWidth: 100 }} value={f.onDuty} onChange={(v) => set({ onDuty: v })}
          options={[{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }]} />
        <Input.Search allowClear placeholder={t('teams.cadres.search')} onSearch={(v) => set({ q: v.trim() || undefined })} style={{ width: 220 }} />
      </Space>
      <Table<CadreRow>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data?.items}
        scroll={{ x: 1250 }}
        pagination={{ current: page, pageSize: 20, total: data?.total, showSizeChanger: false, onChange: setPage, showTotal: (n) => t('common.total', { count: n }) }}
        columns={[
          { title: t('teams.fields.personName'), dataIndex: 'name', fixed: 'left', width: 120 },
          { title: t('teams.fields.gender'), width: 60, render: (_, r) => t(`teams.genders.${r.gender}`) },
          { title: t('teams.fields.cadreKind'), render: (_, r) => t(`teams.cadreKinds.${r.kind}`) },
          {
            title: t('teams.fields.idNumber'),
            width: 240,
            render: (_, r) => (
              <Space size={4} style={{ whiteSpace: 'nowrap' }}>
                <Typography.Text code>{r.idNumberMasked}</Typography.Text>
                {can('sensitive.reveal') && (
                  <Button size="small" type="link" onClick={() => reveal(r)}>
                    {t('teams.cadres.reveal')}
                  </Button>
                )}
              </Space>
            ),
          },
          { title: t('teams.fields.sendingUnit'), dataIndex: 'sendingUnit' },
          { title: t('teams.fields.localPost'), render: (_, r) => r.localPost ?? '—' },
          { title: t('teams.fields.team'), render: (_, r) => r.teamName ?? '—' },
          { title: t('teams.fields.dispatch'), render: (_, r) => periodText(t, r.dispatchStart, r.dispatchEnd) },
          { title: t('teams.fields.onDuty'), width: 70, render: (_, r) => (r.onDuty ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>) },
          ...(can('registry.write')
            ? [{ title: '', key: 'edit', width: 70, fixed: 'right' as const, render: (_: unknown, r: CadreRow) => <Button size="small" type="link" onClick={() => setEditing(r)}>{t('common.edit')}</Button> }]
            : []),
        ]}
      />
      <Modal open={!!revealed} title={`${t('teams.cadres.revealTitle')} · ${revealed?.name ?? ''}`} onCancel={() => setRevealed(null)} footer={null}>
        <Typography.Title level={4} copyable>{revealed?.idNumber}</Typography.Title>
        <Alert type="info" showIcon message={t('teams.cadres.revealHint')} />
      </Modal>
    </Card>
  );
}
