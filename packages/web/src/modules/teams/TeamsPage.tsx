// 工作队: the HQ → group → team tree on the left; the chosen team's station, programme, units and its
// members on a date (or of one round) on the right. Rotation shows as rounds.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { TEAMS_LEDGERS, teamsApi } from '@xiezuo/shared/contracts/teams';
import { Button, Card, Col, DatePicker, Descriptions, Empty, Row, Segmented, Space, Table, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatDate } from '../../app/format';
import { LedgerExportButton, LedgerImportButton } from '../../platform/ledgers/LedgerButtons';
import { type MemberRow, periodText, type TeamRow, useTeams } from './data';
import { MemberForm, TeamForm } from './forms';

const KIND_COLOR = { hq: 'red', group: 'orange', team: 'blue' } as const;

function toTree(rows: TeamRow[], label: (r: TeamRow) => React.ReactNode): DataNode[] {
  const visible = new Set(rows.map((r) => r.id));
  const children = new Map<number | null, TeamRow[]>();
  for (const r of rows) {
    const parent = r.parentId != null && visible.has(r.parentId) ? r.parentId : null; // a scope root shows as a root
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const build = (parent: number | null): DataNode[] =>
    (children.get(parent) ?? []).map((r) => ({ key: r.id, title: label(r), children: build(r.id) }));
  return build(null);
}

function Members({ team }: { team: number }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState('date'); // 'date', or a round number as text
  const [on, setOn] = useState(dayjs().format('YYYY-MM-DD'));
  const query = mode === 'date' ? { on } : { round: mode };
  const { data, isLoading } = useQuery({
    queryKey: ['teams', 'detail', team, query],
    queryFn: () => call(teamsApi.team, { params: { id: team }, query }),
  });
  const { can } = useAuth();
  const client = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  if (!data) return <Card loading />;
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          {data.name}
          <Tag color={KIND_COLOR[data.kind]}>{t(`teams.kinds.${data.kind}`)}</Tag>
        </Space>
      }
      extra={
        can('registry.write') && (
          <Space size="small">
            <Button size="small" onClick={() => setEditing(true)}>
              {t('common.edit')}
            </Button>
            <Button size="small" onClick={() => setAdding(true)}>
              {t('teams.tree.addMember')}
            </Button>
          </Space>
        )
      }
    >
      <MemberForm
        key={`${team}-${Math.max(1, ...data.rounds)}`}
        team={team}
        round={Math.max(1, ...data.rounds)}
        open={adding}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          void client.invalidateQueries({ queryKey: ['teams'] });
        }}
      />
      <TeamForm
        team={data}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          void client.invalidateQueries({ queryKey: ['teams'] });
        }}
      />
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('teams.fields.division')}>{data.divisionName ?? data.divisionCode}</Descriptions.Item>
        <Descriptions.Item label={t('teams.fields.programme')}>{data.programmeName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('teams.fields.leadUnit')}>{data.leadUnitName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('teams.fields.startDate')}>{formatDate(data.startDate)}</Descriptions.Item>
        <Descriptions.Item label={t('teams.fields.memberUnits')}>{data.memberUnits.map((u) => u.name).join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('teams.tree.children')}>{data.children.map((c) => c.name).join('、') || '—'}</Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ marginBottom: 8 }}>
        <Segmented
          value={mode}
          onChange={(v) => setMode(String(v))}
          options={[
            { value: 'date', label: t('teams.tree.allRounds') },
            ...data.rounds.map((n) => ({ value: String(n), label: t('teams.tree.roundN', { n }) })),
          ]}
        />
        {mode === 'date' && <DatePicker allowClear={false} value={dayjs(on)} onChange={(d) => d && setOn(d.format('YYYY-MM-DD'))} />}
      </Space>
      <Table<MemberRow>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data.members}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{ emptyText: t('teams.tree.noMembers') }}
        columns={[
          { title: t('teams.fields.personName'), dataIndex: 'name', fixed: 'left', width: 120 },
          {
            title: t('teams.fields.role'),
            render: (_, m) => <Tag color={m.role === 'leader' ? 'gold' : undefined}>{t(`teams.roles.${m.role}`)}</Tag>,
          },
          { title: t('teams.fields.cadreKind'), render: (_, m) => t(`teams.cadreKinds.${m.kind}`) },
          { title: t('teams.fields.sendingUnit'), dataIndex: 'sendingUnit' },
          { title: t('teams.fields.round'), render: (_, m) => t('teams.tree.roundN', { n: m.round }) },
          { title: t('teams.fields.period'), render: (_, m) => periodText(t, m.startDate, m.endDate) },
        ]}
      />
    </Card>
  );
}

export function TeamsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { data, isLoading } = useTeams();
  const client = useQueryClient();
  const selected = Number(params.get('team')) || data?.[0]?.id;
  const tree = useMemo(
    () =>
      toTree(data ?? [], (r) => (
        <span>
          {r.name}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            （{r.membersNow}）
          </Typography.Text>
        </span>
      )),
    [data],
  );
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={9}>
        <Card title={t('teams.tree.title')} size="small" loading={isLoading}>
          {/* 工作队台账 */}
          <Space wrap size="small" style={{ marginBottom: 8 }}>
            <LedgerImportButton
              ledgerKey={TEAMS_LEDGERS.teams}
              permission="registry.write"
              onCommitted={() => void client.invalidateQueries({ queryKey: ['teams'] })}
            />
            <LedgerExportButton ledgerKey={TEAMS_LEDGERS.teams} />
          </Space>
          {tree.length ? (
            <Tree
              blockNode
              defaultExpandAll
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => keys[0] && setParams({ team: String(keys[0]) }, { replace: true })}
              treeData={tree}
            />
          ) : (
            <Empty />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        {selected ? <Members key={selected} team={selected} /> : null}
      </Col>
    </Row>
  );
}
