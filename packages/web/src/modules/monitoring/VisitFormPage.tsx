// 入户走访 on a phone: one column, big touch targets, the camera for photos. Records findings, a verified
// income, new and closed risks and the measures followed up, in one save. With no signal it works from the
// phone's offline cards and saves into the encrypted queue (uploaded by itself later, once, by its client id);
// photos are compressed on the phone (JPEG ≤ 300 KB) with the time taken; a GPS stamp is optional.
import { CameraOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  type GpsStamp,
  type HouseholdDetail,
  monitoringApi,
  type OfflineCard,
  RISK_KINDS,
  type Status,
} from '@xiezuo/shared/contracts/monitoring';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Spin, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { today } from './data';
import { compressPhoto } from './offline/photos';
import { QueueBar, reconciledText } from './offline/QueueBar';
import { enqueue, type PendingPhoto, type QueueItem, SessionEnded, upload } from './offline/queue';
import { SignaturePad } from './offline/SignaturePad';
import { useOnline, usePack } from './offline/useOffline';

/** What the form needs of a household, from the server's page or from the offline card. */
interface FormHousehold {
  headName: string;
  village: string | null;
  persons: number;
  status: Status;
  activeMemberIds: number[];
  risks: { id: number; kind: string; note: string | null }[];
  measures: { id: number; kind: string; description: string }[];
}
const fromDetail = (d: HouseholdDetail): FormHousehold => ({
  headName: d.household.headName,
  village: d.household.village,
  persons: d.household.persons,
  status: d.household.status,
  activeMemberIds: d.members.filter((m) => m.active).map((m) => m.id),
  risks: d.risks.filter((r) => !r.closedOn),
  measures: d.measures,
});
const fromCard = (c: OfflineCard): FormHousehold => ({
  headName: c.headName,
  village: c.village,
  persons: c.members.length,
  status: c.status,
  activeMemberIds: c.members.map((m) => m.id),
  risks: c.risks,
  measures: c.measures,
});

function usePosition() {
  const [gps, setGps] = useState<GpsStamp | undefined>();
  const toggle = (on: boolean) => {
    if (!on) return setGps(undefined);
    navigator.geolocation?.getCurrentPosition(
      (p) =>
        setGps({
          lat: p.coords.latitude,
          lng: p.coords.longitude,
          accuracy: Math.round(p.coords.accuracy),
          at: new Date(p.timestamp).toISOString(),
        }),
      () => setGps(undefined),
      { enableHighAccuracy: true, timeout: 15_000 },
    );
  };
  return [gps, toggle] as const;
}

export function VisitFormPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const params = useParams();
  const online = useOnline();
  const pack = usePack();
  const [picked, setPicked] = useState<number | undefined>(params.id ? Number(params.id) : undefined);
  const [search, setSearch] = useState('');
  const [photos, setPhotos] = useState<PendingPhoto[]>([]);
  const [gps, toggleGps] = usePosition();
  const [signature, setSignature] = useState<PendingPhoto | null>(null);
  const [busy, setBusy] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const [form] = Form.useForm();
  // one id per visit being typed: a second tap on 保存 or a retry after a lost answer is the same visit
  const clientId = useMemo(() => (picked ? crypto.randomUUID() : ''), [picked]);
  const list = useQuery({
    queryKey: ['monitoring', 'pick', search],
    queryFn: () => call(monitoringApi.households, { query: { pageSize: 50, q: search } }),
    enabled: !params.id && online,
  });
  const detail = useQuery({
    queryKey: ['monitoring', 'household', picked],
    queryFn: () => call(monitoringApi.household, { params: { id: picked! } }),
    enabled: !!picked && online,
  });
  const card = pack?.households.find((h) => h.id === picked);
  const d: FormHousehold | undefined = detail.data
    ? fromDetail(detail.data)
    : !online || detail.isError
      ? card && fromCard(card)
      : undefined;
  const choices =
    online && list.data
      ? list.data.items.map((h) => ({ value: h.id, label: `${h.headName} · ${h.village ?? ''}` }))
      : (pack?.households ?? [])
          .filter((h) => !search || h.headName.includes(search))
          .map((h) => ({ value: h.id, label: `${h.headName} · ${h.village ?? ''}` }));

  const addPhotos = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      try {
        const photo = await compressPhoto(file);
        setPhotos((p) => [...p, photo]);
      } catch (e) {
        message.error(String(e));
      }
    }
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null); // the form shows what is missing under its fields
    if (!v || !d || !picked) return;
    setBusy(true);
    const item: QueueItem = {
      kind: 'visit',
      clientId,
      householdId: picked,
      label: `${d.headName} · ${v.visitedOn}`,
      createdAt: new Date().toISOString(),
      photos: signature ? [...photos, signature] : photos,
      body: {
        visitedOn: v.visitedOn,
        visitors: v.visitors,
        findings: v.findings,
        incomePerHead: v.incomePerHead ?? null,
        incomeYear: v.incomePerHead != null ? v.incomeYear : null,
        openRisks: (v.openRisks ?? []).map((kind: string) => ({ kind })),
        closeRiskIds: v.closeRiskIds ?? [],
        followedMeasureIds: v.followedMeasureIds ?? [],
        clientId,
        basis: { status: d.status, activeMemberIds: d.activeMemberIds },
        ...(gps ? { gps } : {}),
      },
    };
    try {
      if (navigator.onLine) {
        try {
          const reconciled = await upload(item);
          message.success(t('monitoring.visit.saved'));
          if (reconciled.length)
            modal.info({ title: t('monitoring.offline.reconciled'), content: reconciled.map((r) => reconciledText(t, r)).join('；') });
          navigate(`/monitoring/households/${picked}`);
          return;
        } catch (e) {
          if (e instanceof ApiError) throw e; // refused: say why under the fields
        }
      }
      await enqueue(item); // no signal: sealed on the phone, uploaded by itself later
      message.success(t('monitoring.offline.savedOffline'));
      navigate('/monitoring/field');
    } catch (e) {
      if (e instanceof SessionEnded) return void message.error(t('monitoring.offline.sessionEnded'));
      if (!(e instanceof ApiError)) throw e;
      const fields = e.body.details.filter((x) => x.path.startsWith('body.'));
      if (fields.length) form.setFields(fields.map((x) => ({ name: x.path.slice(5).split('.')[0], errors: [x.message] })));
      else message.error(e.message);
    } finally {
      setBusy(false);
    }
  };

  const big = { size: 'large' as const };
  return (
    <Card title={t('monitoring.visit.new')} style={{ maxWidth: 640 }} styles={{ body: { padding: 16 } }}>
      <QueueBar />
      {!params.id && (
        <Select
          {...big}
          showSearch={{ filterOption: false, onSearch: setSearch }}
          placeholder={t('monitoring.visit.pick')}
          style={{ width: '100%', marginBottom: 16 }}
          value={picked}
          onChange={setPicked}
          data-testid="visit-household"
          options={choices}
        />
      )}
      {picked && !d && <Spin />}
      {d && (
        <>
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            message={`${d.headName} · ${d.village ?? ''} · ${t('monitoring.household.persons')} ${d.persons}`}
          />
          <Form
            form={form}
            layout="vertical"
            initialValues={{ visitedOn: today(), visitors: me?.displayName, incomeYear: Number(today().slice(0, 4)) - 1 }}
          >
            <Form.Item
              name="visitedOn"
              label={t('monitoring.visit.visitedOn')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Input type="date" {...big} />
            </Form.Item>
            <Form.Item
              name="visitors"
              label={t('monitoring.visit.visitors')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Input {...big} />
            </Form.Item>
            <Form.Item
              name="findings"
              label={t('monitoring.visit.findings')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Input.TextArea rows={4} />
            </Form.Item>
            <Space.Compact block>
              <Form.Item name="incomePerHead" label={t('monitoring.visit.income')} style={{ flex: 2 }}>
                <InputNumber {...big} min={0} style={{ width: '100%' }} suffix={t('common.yuan')} />
              </Form.Item>
              <Form.Item name="incomeYear" label={t('monitoring.household.incomeYear')} style={{ flex: 1 }}>
                <InputNumber {...big} min={2000} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Space.Compact>
            <Form.Item name="openRisks" label={t('monitoring.visit.openRisks')}>
              <Checkbox.Group
                style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}
                options={RISK_KINDS.map((k) => ({ value: k, label: t(`monitoring.risks.${k}`) }))}
              />
            </Form.Item>
            {d.risks.length > 0 && (
              <Form.Item name="closeRiskIds" label={t('monitoring.visit.closeRisks')}>
                <Checkbox.Group
                  style={{ display: 'grid', gap: 8 }}
                  options={d.risks.map((r) => ({
                    value: r.id,
                    label: `${t(`monitoring.risks.${r.kind}`)}${r.note ? `（${r.note}）` : ''}`,
                  }))}
                />
              </Form.Item>
            )}
            {d.measures.length > 0 && (
              <Form.Item name="followedMeasureIds" label={t('monitoring.visit.followed')}>
                <Checkbox.Group
                  style={{ display: 'grid', gap: 8 }}
                  options={d.measures.map((m) => ({ value: m.id, label: `${t(`monitoring.measures.${m.kind}`)}：${m.description}` }))}
                />
              </Form.Item>
            )}
            <Form.Item label={t('monitoring.visit.photos')}>
              <input
                ref={picker}
                type="file"
                style={{ display: 'none' }}
                accept="image/jpeg,image/png"
                capture="environment"
                multiple
                onChange={(e) => addPhotos(e.target.files)}
              />
              <Button {...big} icon={<CameraOutlined />} onClick={() => picker.current?.click()}>
                {t('monitoring.visit.takePhoto')}
              </Button>
              <Space wrap style={{ marginTop: 8, display: 'flex' }}>
                {photos.map((p) => (
                  <figure key={p.clientId} style={{ margin: 0, fontSize: 11, color: '#888', width: 72 }} data-testid="visit-photo">
                    <img
                      src={`data:image/jpeg;base64,${p.base64}`}
                      alt={p.fileName}
                      style={{ width: 72, height: 72, objectFit: 'cover', borderRadius: 4 }}
                    />
                    <figcaption>
                      {Math.round(p.size / 1024)} KB ·{' '}
                      {new Date(p.takenAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}
                    </figcaption>
                  </figure>
                ))}
              </Space>
            </Form.Item>
            <Form.Item label={t('monitoring.offline.signature')}>
              <SignaturePad onChange={setSignature} />
            </Form.Item>
            <Form.Item>
              <Checkbox checked={!!gps} onChange={(e) => toggleGps(e.target.checked)} data-testid="visit-gps">
                {t('monitoring.offline.gps')}
              </Checkbox>
              {gps && (
                <Typography.Text type="secondary" style={{ display: 'block' }}>
                  {t('monitoring.offline.gpsShown', { lat: gps.lat.toFixed(5), lng: gps.lng.toFixed(5), accuracy: gps.accuracy ?? '?' })}
                </Typography.Text>
              )}
            </Form.Item>
            <Button type="primary" {...big} block loading={busy} onClick={submit} data-testid="visit-submit">
              {t('monitoring.visit.submit')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}
