// 议定事项 as a table: content, owner, due date, state (overdue in red with its days), and 办结 for writers; on a phone
// as cards, the state beside what was decided (a table there hid it off the screen's right edge).
import { useQueryClient } from '@tanstack/react-query';
import { socialApi } from '@xiezuo/shared/contracts/social';
import { Button, Card, DatePicker, Empty, Form, Grid, Input, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { formatDate } from '../../app/format';
import { day, required, SaveModal, type Values } from '../../platform/SaveModal';
import type { DecisionRow } from './data';
import { useTeamName } from './data';

const COLORS = { open: 'blue', overdue: 'red', done: 'green' } as const;

export function StateTag({ row }: { row: DecisionRow }) {
  const { t } = useTranslation();
  const label = t(`social.states.${row.state}`);
  return <Tag color={COLORS[row.state]}>{row.state === 'overdue' ? t('social.decisions.overdueDays', { n: row.daysOverdue }) : label}</Tag>;
}

function DoneForm({ row, onClose }: { row: DecisionRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const client = useQueryClient();
  const toBody = (v: Values) => ({ doneOn: day(v.doneOn), doneNote: v.doneNote || null });
  return (
    <SaveModal
      open={!!row}
      title={t('social.decisions.markDone')}
      endpoint={socialApi.updateDecision}
      params={row ? { id: row.id } : undefined}
      toBody={toBody}
      onClose={onClose}
      onSaved={() => {
        onClose();
        void client.invalidateQueries({ queryKey: ['social'] });
      }}
      form={form}
    >
      <Form.Item name="doneOn" label={t('social.fields.doneOn')} rules={required(t)}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="doneNote" label={t('social.fields.doneNote')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </SaveModal>
  );
}

/** Who answers for it: the owner as written (责任人) and the team whose worklist it is on. */
function ownerText(r: DecisionRow, teamName: (id: number | null) => string) {
  const team = r.owner.teamId == null ? null : teamName(r.owner.teamId);
  return [r.owner.name, team].filter(Boolean).join(' · ') || '—';
}

// What was decided and its state come first.
export function DecisionsTable({ rows, showMeeting }: { rows: DecisionRow[]; showMeeting?: boolean }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const teamName = useTeamName();
  const phone = Grid.useBreakpoint().md === false;
  const [doing, setDoing] = useState<DecisionRow | null>(null);
  const f = (k: string) => t(`social.fields.${k}`);
  const done = (r: DecisionRow) =>
    r.state !== 'done' && can('social.write') ? (
      <Button size="small" onClick={() => setDoing(r)}>
        {t('social.decisions.markDone')}
      </Button>
    ) : (
      r.doneNote
    );
  if (phone)
    return (
      <>
        {rows.length ? (
          <List
            dataSource={rows}
            rowKey="id"
            split={false}
            renderItem={(r) => (
              <Card size="small" style={{ marginBottom: 8 }} data-testid="decision-card">
                <Space align="start" style={{ width: '100%', justifyContent: 'space-between' }}>
                  <Typography.Text strong>{r.content}</Typography.Text>
                  <StateTag row={r} />
                </Space>
                {[
                  [f('owner'), ownerText(r, teamName)],
                  [f('dueOn'), formatDate(r.dueOn)],
                  ...(showMeeting ? [[t('social.meetings.detail'), `${formatDate(r.heldOn)} ${r.meetingTitle}`]] : []),
                ].map(([label, value]) => (
                  <div key={label} style={{ display: 'flex', gap: 8, fontSize: 13, lineHeight: '22px' }}>
                    <Typography.Text type="secondary" style={{ flex: '0 0 72px' }}>
                      {label}
                    </Typography.Text>
                    <div style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{value}</div>
                  </div>
                ))}
                <div style={{ marginTop: 6 }}>{done(r)}</div>
              </Card>
            )}
          />
        ) : (
          <Empty description={t('social.meetings.noDecisions')} />
        )}
        <DoneForm row={doing} onClose={() => setDoing(null)} />
      </>
    );
  return (
    <>
      <Table<DecisionRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 700 }}
        locale={{ emptyText: t('social.meetings.noDecisions') }}
        columns={[
          { title: f('content'), dataIndex: 'content' },
          { title: f('owner'), render: (_, r) => ownerText(r, teamName) },
          { title: f('dueOn'), render: (_, r) => formatDate(r.dueOn) },
          { title: f('state'), render: (_, r) => <StateTag row={r} /> },
          ...(showMeeting
            ? [{ title: t('social.meetings.detail'), render: (_: unknown, r: DecisionRow) => `${formatDate(r.heldOn)} ${r.meetingTitle}` }]
            : []),
          { title: '', render: (_, r) => done(r) },
        ]}
      />
      <DoneForm row={doing} onClose={() => setDoing(null)} />
    </>
  );
}
