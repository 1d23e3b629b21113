// The new-project dialog: code, name, type, place, plan and budget by kind of money. The server's errors go
// under their fields; others (scope, a budget) in a dialog.
import { FUND_KINDS, fundsApi, PROJECT_TYPES } from '@xiezuo/shared/contracts/funds';
import { DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, checkedValues } from '../../app/api';
import { showServerErrors } from '../../platform/SaveModal';
import { DivisionPicker } from '../registry/Options';

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

export function ProjectForm({ open, onClose, onSaved }: { open: boolean; onClose(): void; onSaved(id: number): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await checkedValues(form);
    if (!v) return;
    setBusy(true);
    try {
      const budgets = FUND_KINDS.filter((k) => v[`budget_${k}`] != null).map((k) => ({ kind: k, amount: Number(v[`budget_${k}`]) }));
      const saved = await call(fundsApi.createProject, {
        body: {
          code: v.code,
          name: v.name,
          type: v.type,
          divisionCode: v.divisionCode,
          implementingUnit: v.implementingUnit || null,
          reservedOn: day(v.reservedOn)!,
          plannedStart: day(v.plannedStart),
          plannedFinish: day(v.plannedFinish),
          budgets,
        },
      });
      form.resetFields();
      onSaved(saved.id);
    } catch (e) {
      showServerErrors(form, e);
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Modal open={open} title={t('funds.projects.new')} onOk={submit} confirmLoading={busy} onCancel={onClose} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={{ type: 'livelihood', reservedOn: dayjs() }}>
        <Space wrap align="start">
          <Form.Item name="code" label={t('funds.fields.code')} rules={required}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="name" label={t('funds.fields.name')} rules={required}>
            <Input style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="type" label={t('funds.fields.type')} rules={required}>
            <Select style={{ width: 160 }} options={PROJECT_TYPES.map((k) => ({ value: k, label: t(`funds.types.${k}`) }))} />
          </Form.Item>
          <Form.Item name="divisionCode" label={t('funds.fields.division')} rules={required}>
            <DivisionPicker style={{ width: 320 }} />
          </Form.Item>
          <Form.Item name="implementingUnit" label={t('funds.fields.implementingUnit')}>
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="reservedOn" label={t('funds.fields.reservedOn')} rules={required}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="plannedStart" label={t('funds.fields.plannedStart')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="plannedFinish" label={t('funds.fields.plannedFinish')}>
            <DatePicker />
          </Form.Item>
          {FUND_KINDS.map((k) => (
            <Form.Item key={k} name={`budget_${k}`} label={`${t(`funds.kinds.${k}`)}${t('funds.fields.budget')}（元）`}>
              <InputNumber min={0} precision={2} style={{ width: 170 }} />
            </Form.Item>
          ))}
        </Space>
      </Form>
    </Modal>
  );
}
