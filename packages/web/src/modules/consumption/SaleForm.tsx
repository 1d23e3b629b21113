// A new sale (销售/采购记录). The server checks everything (amount above 0, the supplier's product, scope) and
// flags a sale already reported; its field errors land under the field they name (body.amount → 金额).
import { useQuery } from '@tanstack/react-query';
import { consumptionApi, SALE_CHANNELS } from '@xiezuo/shared/contracts/consumption';
import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { showServerErrors } from '../../platform/SaveModal';
import { DivisionPicker } from '../registry/Options';

export function SaleForm({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [q, setQ] = useState('');
  const suppliers = useQuery({
    queryKey: ['consumption', 'supplier-options', q],
    queryFn: () => call(consumptionApi.suppliers, { query: { pageSize: 50, q: q || undefined } }),
    enabled: open,
  });
  const required = [{ required: true, message: t('validation.required') }];
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await call(consumptionApi.createSale, {
        body: {
          saleDate: (v.saleDate as Dayjs).format('YYYY-MM-DD'),
          supplierId: v.supplierId,
          amount: v.amount,
          channel: v.channel,
          helperDivisionCode: v.helperDivisionCode,
          orderNo: v.orderNo || null,
          buyerName: v.buyerName || null,
          note: v.note || null,
        },
      });
      form.resetFields();
      onSaved();
    } catch (e) {
      showServerErrors(form, e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={t('consumption.sales.new')}
      onOk={save}
      confirmLoading={saving}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="saleDate" label={t('consumption.fields.saleDate')} rules={required}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="supplierId" label={t('consumption.fields.supplier')} rules={required}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            options={(suppliers.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name}（${s.divisionName ?? s.divisionCode}）` }))}
          />
        </Form.Item>
        <Form.Item name="amount" label={`${t('consumption.fields.amount')}（元）`} rules={required}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="channel" label={t('consumption.fields.channel')} rules={required}>
          <Select options={SALE_CHANNELS.map((c) => ({ value: c, label: t(`consumption.channels.${c}`) }))} />
        </Form.Item>
        <Form.Item name="buyerName" label={t('consumption.fields.buyer')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="helperDivisionCode" label={t('consumption.fields.helperCode')} rules={required}>
          <DivisionPicker placeholder={t('registry.fields.divisionSearch')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="orderNo" label={t('consumption.fields.orderNo')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="note" label={t('consumption.fields.note')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
