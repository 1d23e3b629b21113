// A new sale (销售/采购记录). The server checks everything (amount above 0, the supplier's product, scope) and
// flags a sale already reported; its field errors land under the field they name (body.amount → 金额).
import { useQuery } from '@tanstack/react-query';
import { consumptionApi, SALE_CHANNELS } from '@xiezuo/shared/contracts/consumption';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { day, SaveModal, type Values } from '../../platform/SaveModal';
import { DivisionPicker } from '../registry/Options';

export function SaleForm({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const suppliers = useQuery({
    queryKey: ['consumption', 'supplier-options', q],
    queryFn: () => call(consumptionApi.suppliers, { query: { pageSize: 50, q: q || undefined } }),
    enabled: open,
  });
  const required = [{ required: true, message: t('validation.required') }];
  const toBody = (v: Values) => ({
    saleDate: day(v.saleDate),
    supplierId: v.supplierId,
    amount: v.amount,
    channel: v.channel,
    helperDivisionCode: v.helperDivisionCode,
    orderNo: v.orderNo || null,
    buyerName: v.buyerName || null,
    note: v.note || null,
  });
  return (
    <SaveModal
      open={open}
      title={t('consumption.sales.new')}
      endpoint={consumptionApi.createSale}
      toBody={toBody}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
    >
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
    </SaveModal>
  );
}
