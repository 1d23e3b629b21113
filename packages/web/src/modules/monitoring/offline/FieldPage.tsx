// 离线走访: the cadre's households as cards from the phone's offline pack (masked ID numbers, open risks and
// measures, last visit), the upload queue, and the way into the visit form and measure follow-ups — all of
// which work with no signal.
import { MEASURE_KINDS, monitoringApi, type OfflineCard } from '@xiezuo/shared/contracts/monitoring';
import { App, Button, Card, Empty, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, call } from '../../../app/api';
import { STATUS_COLOR, today } from '../data';
import { downloadPack } from './pack';
import { QueueBar } from './QueueBar';
import { enqueue, SessionEnded, syncQueue } from './queue';
import { useOnline, usePack } from './useOffline';

type Measure = OfflineCard['measures'][number];

/** Saves a follow-up: straight to the server with signal (idempotent id), else into the encrypted queue. */
async function saveFollowUp(card: OfflineCard, m: Measure, v: { on: string; note?: string }, kindLabel: string) {
  const body = { on: v.on, note: v.note || undefined, clientId: crypto.randomUUID() };
  if (navigator.onLine) {
    try {
      return { queued: false, reconciled: (await call(monitoringApi.followUpMeasure, { params: { id: m.id }, body })).reconciled ?? [] };
    } catch (e) {
      if (e instanceof ApiError) throw e; // the server refused it: say why now
    }
  }
  const label = `${card.headName} · ${kindLabel}`;
  await enqueue({
    kind: 'followUp',
    clientId: body.clientId,
    householdId: card.id,
    measureId: m.id,
    label,
    createdAt: new Date().toISOString(),
    body,
  });
  return { queued: true, reconciled: [] };
}

function FollowUpButton({ card, m }: { card: OfflineCard; m: Measure }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      const r = await saveFollowUp(card, m, v, t(`monitoring.measures.${m.kind}`));
      message.success(r.queued ? t('monitoring.offline.savedOffline') : t('monitoring.offline.followUpSaved'));
      setOpen(false);
    } catch (e) {
      if (e instanceof SessionEnded) message.error(t('monitoring.offline.sessionEnded'));
      else message.error(e instanceof ApiError ? (e.body.details[0]?.message ?? e.message) : String(e));
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={`follow-up-${m.id}`}>
        {t('monitoring.offline.followUp')}
      </Button>
      <Modal
        open={open}
        title={`${t('monitoring.offline.followUp')}：${m.description}`}
        onOk={submit}
        onCancel={() => setOpen(false)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ on: today() }}>
          <Form.Item name="on" label={t('monitoring.measure.followUp')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="note" label={t('monitoring.offline.followUpNote')}>
            <Input.TextArea rows={2} data-testid="follow-up-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function HouseholdCard({ card }: { card: OfflineCard }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card
      size="small"
      data-testid="offline-card"
      title={`${card.headName} · ${card.village ?? ''}`}
      extra={
        <Button type="primary" onClick={() => navigate(`/monitoring/visit/${card.id}`)} data-testid="offline-visit">
          {t('monitoring.offline.visit')}
        </Button>
      }
    >
      <Space wrap size={4} style={{ marginBottom: 6 }}>
        <Tag color={STATUS_COLOR[card.status]}>{t(`monitoring.statuses.${card.status}`)}</Tag>
        {card.visitDue && <Tag color="red">{t('monitoring.offline.due')}</Tag>}
        <Typography.Text type="secondary">
          {card.lastVisitOn ? t('monitoring.offline.lastVisit', { on: card.lastVisitOn }) : t('monitoring.offline.neverVisited')}
        </Typography.Text>
      </Space>
      <div style={{ fontSize: 13, color: '#555' }}>
        {t('monitoring.offline.members')}：{card.members.map((m) => `${m.name}（${m.idMasked}）`).join('、')}
      </div>
      {card.risks.length > 0 && (
        <Space wrap size={4} style={{ marginTop: 6 }}>
          {card.risks.map((r) => (
            <Tag key={r.id} color="volcano">
              {t(`monitoring.risks.${r.kind}`)}
            </Tag>
          ))}
        </Space>
      )}
      {card.measures.map((m) => (
        <div key={m.id} style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 6 }}>
          <span style={{ flex: 1, minWidth: 0 }}>
            {MEASURE_KINDS.includes(m.kind) ? t(`monitoring.measures.${m.kind}`) : m.kind}：{m.description}
          </span>
          <FollowUpButton card={card} m={m} />
        </div>
      ))}
    </Card>
  );
}

export function FieldPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const online = useOnline();
  const pack = usePack();
  const [busy, setBusy] = useState(false);
  const refreshPack = async () => {
    setBusy(true);
    try {
      await downloadPack();
      await syncQueue();
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const expired = pack && pack.validUntil < today();
  return (
    <Card title={t('monitoring.offline.title')} style={{ maxWidth: 720 }} styles={{ body: { padding: 12 } }}>
      <QueueBar />
      <Space wrap style={{ marginBottom: 12 }}>
        {pack && (
          <Typography.Text type={expired ? 'danger' : 'secondary'} data-testid="pack-info">
            {expired
              ? t('monitoring.offline.packExpired')
              : t('monitoring.offline.packInfo', { n: pack.households.length, on: pack.issuedOn, until: pack.validUntil })}
          </Typography.Text>
        )}
        {online && (
          <Button size="small" loading={busy} onClick={refreshPack} data-testid="pack-download">
            {t('monitoring.offline.download')}
          </Button>
        )}
      </Space>
      {pack === null && <Empty description={t('monitoring.offline.noPack')} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {pack && !expired && pack.households.map((card) => <HouseholdCard key={card.id} card={card} />)}
      </Space>
    </Card>
  );
}
