// 议定事项 as a table: content, owner, due date, state (overdue in red with its days), and 办结 for writers.
import { useQueryClient } from '@tanstack/react-query';
import { socialApi } from '@xiezuo/shared/contracts/social';
import { Button, DatePicker, Form, Input, Table, Tag } from 'antd';
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

// What was decided and its state come first: on a phone the meeting scrolls in from the right.
export function DecisionsTable({ rows, showMeeting }: { rows: DecisionRow[]; showMeeting?: boolean }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const teamName = useTeamName();
  const [doing, setDoing] = useState<DecisionRow | null>(null);
  const f = (k: string) => t(`social.fields.${k}`);
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
          { title: f('owner'), render: (_, r) => r.owner.name ?? teamName(r.owner.teamId) },
          { title: f('dueOn'), render: (_, r) => formatDate(r.dueOn) },
          { title: f('state'), render: (_, r) => <StateTag row={r} /> },
          ...(showMeeting
            ? [{ title: t('social.meetings.detail'), render: (_: unknown, r: DecisionRow) => `${formatDate(r.heldOn)} ${r.meetingTitle}` }]
            : []),
          {
            title: '',
            render: (_, r) =>
              r.state !== 'done' && can('social.write') ? (
                <Button size="small" onClick={() => setDoing(r)}>
                  {t('social.decisions.markDone')}
                </Button>
              ) : (
                r.doneNote
              ),
          },
        ]}
      />
      <DoneForm row={doing} onClose={() => setDoing(null)} />
    </>
  );
}
