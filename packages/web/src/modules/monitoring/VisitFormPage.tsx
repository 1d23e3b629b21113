// 入户走访 on a phone: one column, big touch targets, the camera for photos. Records findings, a verified
// income, new and closed risks and the measures followed up, in one save.
import { CameraOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { type FileMeta, monitoringApi, RISK_KINDS } from '@xiezuo/shared/contracts/monitoring';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Spin } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, call, urlOf } from '../../app/api';
import { useAuth } from '../../app/auth';
import { fileBase64, today } from './data';

export function VisitFormPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const params = useParams();
  const [picked, setPicked] = useState<number | undefined>(params.id ? Number(params.id) : undefined);
  const [search, setSearch] = useState('');
  const [photos, setPhotos] = useState<FileMeta[]>([]);
  const [busy, setBusy] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const [form] = Form.useForm();
  const list = useQuery({
    queryKey: ['monitoring', 'pick', search],
    queryFn: () => call(monitoringApi.households, { query: { pageSize: 50, q: search } }),
    enabled: !params.id,
  });
  const detail = useQuery({
    queryKey: ['monitoring', 'household', picked],
    queryFn: () => call(monitoringApi.household, { params: { id: picked! } }),
    enabled: !!picked,
  });
  const d = detail.data;

  const addPhotos = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      try {
        const meta = await call(monitoringApi.uploadAttachment, {
          params: { id: picked! },
          body: { fileName: file.name, mimeType: file.type as FileMeta['mimeType'], contentBase64: await fileBase64(file) },
        });
        setPhotos((p) => [...p, meta]);
      } catch (e) {
        message.error(e instanceof ApiError ? (e.body.details[0]?.message ?? e.message) : String(e));
      }
    }
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null); // the form shows what is missing under its fields
    if (!v) return;
    setBusy(true);
    try {
      await call(monitoringApi.recordVisit, {
        params: { id: picked! },
        body: {
          visitedOn: v.visitedOn,
          visitors: v.visitors,
          findings: v.findings,
          incomePerHead: v.incomePerHead ?? null,
          incomeYear: v.incomePerHead != null ? v.incomeYear : null,
          openRisks: (v.openRisks ?? []).map((kind: string) => ({ kind })),
          closeRiskIds: v.closeRiskIds ?? [],
          followedMeasureIds: v.followedMeasureIds ?? [],
          photoIds: photos.map((p) => p.id),
        },
      });
      message.success(t('monitoring.visit.saved'));
      navigate(`/monitoring/households/${picked}`);
    } catch (e) {
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
      {!params.id && (
        <Select
          {...big}
          showSearch={{ filterOption: false, onSearch: setSearch }}
          placeholder={t('monitoring.visit.pick')}
          style={{ width: '100%', marginBottom: 16 }}
          value={picked}
          onChange={setPicked}
          data-testid="visit-household"
          options={(list.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.headName} · ${h.village ?? ''}` }))}
        />
      )}
      {picked && !d && <Spin />}
      {d && (
        <>
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            message={`${d.household.headName} · ${d.household.village ?? ''} · ${t('monitoring.household.persons')} ${d.household.persons}`}
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
            {d.risks.some((r) => !r.closedOn) && (
              <Form.Item name="closeRiskIds" label={t('monitoring.visit.closeRisks')}>
                <Checkbox.Group
                  style={{ display: 'grid', gap: 8 }}
                  options={d.risks
                    .filter((r) => !r.closedOn)
                    .map((r) => ({ value: r.id, label: `${t(`monitoring.risks.${r.kind}`)}${r.note ? `（${r.note}）` : ''}` }))}
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
                  <img
                    key={p.id}
                    src={urlOf(monitoringApi.attachment, { params: { id: p.id } })}
                    alt={p.fileName}
                    style={{ width: 72, height: 72, objectFit: 'cover', borderRadius: 4 }}
                  />
                ))}
              </Space>
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
