// Entry forms of 劳务工作站 and 劳务品牌 (new or edit): the places by the division picker — a station's place and
// the counties it serves, a brand's county. The server checks the body; its errors land under the field named.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { type BrandRow, labourApi, type StationRow } from '@xiezuo/shared/contracts/labour';
import { Button, DatePicker, Form, Input, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { day, required, SaveModal, type Values } from '../../platform/SaveModal';
import { DivisionPicker } from '../registry/Options';

type Props<R> = { open: boolean; row: R | null; onClose: () => void; onSaved: () => void };

export function StationForm({ open, row, onClose, onSaved }: Props<z.infer<typeof StationRow>>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const initial = row ? { ...row, establishedOn: row.establishedOn ? dayjs(row.establishedOn) : undefined } : { servedCodes: [undefined] };
  const toBody = (v: Values) => ({
    name: v.name,
    divisionCode: v.divisionCode,
    servedCodes: ((v.servedCodes as (string | undefined)[]) ?? []).filter(Boolean),
    establishedOn: day(v.establishedOn) ?? null,
    note: v.note || null,
  });
  return (
    <SaveModal
      open={open}
      title={row ? `${t('labour.stations.edit')} · ${row.name}` : t('labour.stations.new')}
      endpoint={row ? labourApi.updateStation : labourApi.createStation}
      params={row ? { id: row.id } : undefined}
      initial={initial}
      toBody={toBody}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
    >
      <Form.Item name="name" label={t('labour.nav.stations')} rules={required(t)}>
        <Input placeholder="富川驻佛山劳务工作站" />
      </Form.Item>
      <Form.Item name="divisionCode" label={t('labour.fields.stationPlace')} rules={required(t)}>
        <DivisionPicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('labour.fields.served')} required>
        <Form.List name="servedCodes">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                <Space.Compact key={f.key} style={{ width: '100%' }}>
                  <Form.Item name={f.name} noStyle rules={required(t)}>
                    <DivisionPicker level="county" style={{ width: '100%' }} />
                  </Form.Item>
                  {fields.length > 1 && <Button icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label="remove" />}
                </Space.Compact>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                {t('labour.stations.addCounty')}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name="establishedOn" label={t('labour.fields.establishedOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('labour.fields.note')}>
        <Input />
      </Form.Item>
    </SaveModal>
  );
}

export function BrandForm({ open, row, onClose, onSaved }: Props<z.infer<typeof BrandRow>>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const toBody = (v: Values) => ({ name: v.name, divisionCode: v.divisionCode, note: v.note || null });
  return (
    <SaveModal
      open={open}
      title={row ? `${t('labour.brands.edit')} · ${row.name}` : t('labour.brands.new')}
      endpoint={row ? labourApi.updateBrand : labourApi.createBrand}
      params={row ? { id: row.id } : undefined}
      initial={row ?? undefined}
      toBody={toBody}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
    >
      <Form.Item name="name" label={t('labour.nav.brands')} rules={required(t)}>
        <Input placeholder="富川药膳师傅" />
      </Form.Item>
      <Form.Item name="divisionCode" label={t('labour.fields.brandCounty')} rules={required(t)}>
        <DivisionPicker level="county" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('labour.fields.note')}>
        <Input />
      </Form.Item>
    </SaveModal>
  );
}
