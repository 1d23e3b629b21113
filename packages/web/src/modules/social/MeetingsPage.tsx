// 会议台账: meetings by kind and level (counts over the list's filters), each opening its decisions, where a writer
// adds one with an owner and a due date.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  MEETING_KINDS,
  MEETING_LEVELS,
  type MeetingKind,
  type MeetingLevel,
  SOCIAL_LEDGERS,
  socialApi,
} from '@xiezuo/shared/contracts/social';
import { Button, DatePicker, Descriptions, Drawer, Form, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatDate } from '../../app/format';
import { Attachments } from '../../platform/Attachments';
import { ListPage } from '../../platform/ListPage';
import { day, required, SaveModal, type Values } from '../../platform/SaveModal';
import { usePagedQuery } from '../../platform/usePagedQuery';
import { teamOptions, useTeams } from '../teams/data';
import { DecisionsTable } from './DecisionsTable';
import { type MeetingRow, placeText, useEditing, useTeamName } from './data';
import { MeetingForm } from './forms';

function DecisionForm({ meetingId, open, onClose }: { meetingId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const teams = useTeams();
  const client = useQueryClient();
  const toBody = (v: Values) => ({ ...v, dueOn: day(v.dueOn), ownerTeamId: v.ownerTeamId ?? null, ownerName: v.ownerName || null });
  return (
    <SaveModal
      open={open}
      title={t('social.meetings.addDecision')}
      endpoint={socialApi.addDecision}
      params={{ id: meetingId }}
      toBody={toBody}
      onClose={onClose}
      onSaved={() => {
        onClose();
        void client.invalidateQueries({ queryKey: ['social'] });
      }}
      form={form}
    >
      <Form.Item name="content" label={t('social.fields.content')} rules={required(t)}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="ownerTeamId" label={t('social.fields.owner')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={teamOptions(teams)} />
      </Form.Item>
      <Form.Item name="ownerName" label={t('social.fields.ownerName')}>
        <Input />
      </Form.Item>
      <Form.Item name="dueOn" label={t('social.fields.dueOn')} rules={required(t)}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </SaveModal>
  );
}

/** The meeting's minutes (会议纪要) and photos, kept by the platform as the meeting's evidence. */
function MeetingFiles({ id }: { id: number }) {
  const { t } = useTranslation();
  return (
    <>
      <strong style={{ display: 'block', margin: '16px 0 8px' }}>{t('social.meetings.minutes')}</strong>
      <Attachments
        module="social"
        kind="meeting"
        ownerId={id}
        purpose="minutes"
        uploadLabel={t('attachments.uploadWhat', { what: t('social.meetings.minutes') })}
      />
      <strong style={{ display: 'block', margin: '16px 0 8px' }}>{t('social.meetings.photos')}</strong>
      <Attachments module="social" kind="meeting" ownerId={id} purpose="photo" accept="photo" />
    </>
  );
}

function MeetingDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [adding, setAdding] = useState(false);
  const editing = useEditing<MeetingRow>();
  const { data } = useQuery({
    queryKey: ['social', 'meeting', id],
    queryFn: () => call(socialApi.meeting, { params: { id: id! } }),
    enabled: id != null,
  });
  const f = (k: string) => t(`social.fields.${k}`);
  return (
    <Drawer
      open={id != null}
      onClose={onClose}
      title={data?.title ?? t('social.meetings.detail')}
      size="large"
      extra={data && can('social.write') && <Button onClick={() => editing.open(data)}>{t('common.edit')}</Button>}
    >
      {data && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={f('date')}>{formatDate(data.heldOn)}</Descriptions.Item>
            <Descriptions.Item label={f('kind')}>
              {t(`social.meetingKinds.${data.kind}`)} · {t(`social.levels.${data.level}`)}
            </Descriptions.Item>
            <Descriptions.Item label={f('place')}>{[placeText(data), data.place].filter(Boolean).join(' ')}</Descriptions.Item>
            <Descriptions.Item label={f('helperAttendees')}>{data.helperAttendees ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={f('helpedAttendees')}>{data.helpedAttendees ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={f('topics')}>{data.topics ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Space style={{ margin: '16px 0 8px', justifyContent: 'space-between', width: '100%' }}>
            <strong>{f('decisions')}</strong>
            {can('social.write') && <Button onClick={() => setAdding(true)}>{t('social.meetings.addDecision')}</Button>}
          </Space>
          <DecisionsTable rows={data.decisions} />
          <MeetingFiles id={data.id} />
          <DecisionForm meetingId={data.id} open={adding} onClose={() => setAdding(false)} />
          <MeetingForm {...editing.props} row={editing.row} />
        </>
      )}
    </Drawer>
  );
}

export function MeetingsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [creating, setCreating] = useState(false);
  const [kind, setKind] = useState<MeetingKind>();
  const [level, setLevel] = useState<MeetingLevel>();
  const [open, setOpen] = useState<number | null>(null);
  const client = useQueryClient();
  const teamName = useTeamName();
  const list = usePagedQuery(socialApi.meetings, { key: ['social', 'meetings'], filters: { kind, level } });
  const f = (k: string) => t(`social.fields.${k}`);
  return (
    <>
      <ListPage
        title={t('social.meetings.title')}
        list={list}
        actions={
          can('social.write') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('social.meetings.new')}
            </Button>
          )
        }
        filters={
          <>
            <Select
              allowClear
              placeholder={f('kind')}
              value={kind}
              style={{ width: 170 }}
              onChange={setKind}
              options={MEETING_KINDS.map((k) => ({ value: k, label: t(`social.meetingKinds.${k}`) }))}
            />
            <Select
              allowClear
              placeholder={f('level')}
              value={level}
              style={{ width: 130 }}
              onChange={setLevel}
              options={MEETING_LEVELS.map((k) => ({ value: k, label: t(`social.levels.${k}`) }))}
            />
          </>
        }
        ledger={{
          key: SOCIAL_LEDGERS.meetings,
          filters: { kind, level },
          import: { permission: 'social.write', onCommitted: () => void client.invalidateQueries({ queryKey: ['social'] }) },
        }}
        scroll={{ x: 900 }}
        rowKey="id"
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: f('date'), render: (_, r) => formatDate(r.heldOn) },
          { title: f('title'), render: (_, r) => r.title },
          { title: f('kind'), render: (_, r) => `${t(`social.meetingKinds.${r.kind}`)} · ${t(`social.levels.${r.level}`)}` },
          { title: f('place'), render: (_, r) => placeText(r) },
          { title: f('team'), render: (_, r) => teamName(r.teamId) },
          {
            title: f('decisions'),
            render: (_, r) =>
              r.decisionsOverdue > 0 ? (
                <Tag color="red">{t('social.meetings.overdueN', { n: r.decisionsOverdue })}</Tag>
              ) : (
                r.decisionsOpen || '—'
              ),
          },
        ]}
      />
      <MeetingDrawer id={open} onClose={() => setOpen(null)} />
      <MeetingForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          void client.invalidateQueries({ queryKey: ['social'] });
        }}
      />
    </>
  );
}
