// 援派干部和专业技术人才: the list with filters; ID numbers masked, and a reveal button (audited on the
// server) for roles that may see them; export through the ledger.
import { useQueryClient } from '@tanstack/react-query';
import { CADRE_KINDS, TEAMS_LEDGERS, teamsApi } from '@xiezuo/shared/contracts/teams';
import { Alert, Button, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { ListPage } from '../../platform/ListPage';
import { type FiltersOf, useFilters, usePagedQuery } from '../../platform/usePagedQuery';
import { type CadreRow, periodText, teamOptions, useTeams } from './data';
import { CadreForm } from './forms';

export function CadresPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const teams = useTeams();
  const [f, set] = useFilters<FiltersOf<typeof teamsApi.cadres> & { teamId?: number }>({});
  const [revealed, setRevealed] = useState<{ name: string; idNumber: string } | null>(null);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<CadreRow | undefined>();
  const client = useQueryClient();
  const list = usePagedQuery(teamsApi.cadres, { key: ['teams', 'cadres'], filters: f });
  const reveal = async (r: CadreRow) =>
    setRevealed({ name: r.name, idNumber: (await call(teamsApi.revealCadre, { params: { id: r.id } })).idNumber });

  return (
    <ListPage
      title={t('teams.cadres.title')}
      actions={
        can('registry.write') && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('teams.cadres.new')}
          </Button>
        )
      }
      ledger={{ key: TEAMS_LEDGERS.cadres, filters: f, exportLabel: t('common.export') }}
      filters={
        <>
          <Select
            allowClear
            placeholder={t('teams.fields.team')}
            style={{ minWidth: 220 }}
            value={f.teamId}
            onChange={(v) => set({ teamId: v })}
            options={teamOptions(teams)}
            showSearch={{ optionFilterProp: 'label' }}
          />
          <Select
            allowClear
            placeholder={t('teams.fields.cadreKind')}
            style={{ minWidth: 120 }}
            value={f.kind}
            onChange={(v) => set({ kind: v })}
            options={CADRE_KINDS.map((k) => ({ value: k, label: t(`teams.cadreKinds.${k}`) }))}
          />
          <Select
            allowClear
            placeholder={t('teams.fields.onDuty')}
            style={{ minWidth: 100 }}
            value={f.onDuty}
            onChange={(v) => set({ onDuty: v })}
            options={[
              { value: 'true' as const, label: t('common.yes') },
              { value: 'false' as const, label: t('common.no') },
            ]}
          />
          <Input.Search
            allowClear
            placeholder={t('teams.cadres.search')}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            style={{ width: 220 }}
          />
        </>
      }
      list={list}
      scroll={{ x: 1250 }}
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
        {
          title: t('teams.fields.onDuty'),
          width: 70,
          render: (_, r) => (r.onDuty ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>),
        },
        ...(can('registry.write')
          ? [
              {
                title: '',
                key: 'edit',
                width: 70,
                fixed: 'right' as const,
                render: (_: unknown, r: CadreRow) => (
                  <Button size="small" type="link" onClick={() => setEditing(r)}>
                    {t('common.edit')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    >
      <CadreForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          void client.invalidateQueries({ queryKey: ['teams'] });
        }}
      />
      <CadreForm
        cadre={editing}
        open={!!editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          void client.invalidateQueries({ queryKey: ['teams'] });
        }}
      />
      <Modal
        open={!!revealed}
        title={`${t('teams.cadres.revealTitle')} · ${revealed?.name ?? ''}`}
        onCancel={() => setRevealed(null)}
        footer={null}
      >
        <Typography.Title level={4} copyable>
          {revealed?.idNumber}
        </Typography.Title>
        <Alert type="info" showIcon message={t('teams.cadres.revealHint')} />
      </Modal>
    </ListPage>
  );
}
