// A new 订单班: school, enterprise, major, the helped county, cohort and graduation date. The server checks
// the body against the contract; its errors land under the field they name (body.name → 订单班).
import { labourApi } from '@xiezuo/shared/contracts/labour';
import { DatePicker, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { day, SaveModal, type Values } from '../../platform/SaveModal';
import { DivisionPicker } from '../registry/Options';

export function OrderClassForm({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const required = [{ required: true, message: t('validation.required') }];
  const toBody = (v: Values) => ({ ...v, major: v.major || null, note: v.note || null, graduationDate: day(v.graduationDate) });
  return (
    <SaveModal
      open={open}
      title={t('labour.classes.new')}
      endpoint={labourApi.createOrderClass}
      initial={{ cohort: new Date().getFullYear() }}
      toBody={toBody}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
    >
      <Form.Item name="name" label={t('labour.fields.className')} rules={required}>
        <Input placeholder="3D打印订单班" />
      </Form.Item>
      <Form.Item name="school" label={t('labour.fields.school')} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="enterprise" label={t('labour.fields.enterprise')} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="major" label={t('labour.fields.major')}>
        <Input />
      </Form.Item>
      <Form.Item name="divisionCode" label={t('labour.fields.county')} rules={required}>
        <DivisionPicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="cohort" label={t('labour.fields.cohort')} rules={required}>
        <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="graduationDate" label={t('labour.fields.graduationDate')} rules={required}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('labour.fields.note')}>
        <Input />
      </Form.Item>
    </SaveModal>
  );
}
