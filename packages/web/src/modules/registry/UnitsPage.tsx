// 单位: list by kind, division and name/credit code; writers add units (credit code checked by GB 32100).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, checkedValues, fieldErrors, get, post } from '../../app/api';
import { useAuth } from '../../app/auth';
import { type Page, qs, type UnitRow } from './data';
import { DivisionPicker, UnitKindSelect } from './Options';

function UnitForm({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const save = async () => {
    const v = await checkedValues(form);
    if (!v) return;
    try {
      await post('/api/registry/units', { name: v.name, kind: v.kind, divisionCode: v.divisionCode, creditCode: v.creditCode || null, note: v.note || null });
      form.resetFields();
      onSaved();
    } catch (e) {
      if (e instanceof ApiError) form.setFields(fieldErrors(e.body.details));
    }
  };
  return (
    <Modal open={open} title={t('registry.units.create')} onCancel={onClose} onOk={save} okText={t('common.save')} cancelText={t('common.cancel')}>
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('registry.fields.name')} rules={[{ required: true, message: t('validation.required') }]}><Input /></Form.Item>
        <Form.Item name="kind" label={t('registry.fields.kind')} rules={[{ required: true, message: t('validation.required') }]}><UnitKindSelect /></Form.Item>
        <Form.Item name="divisionCode" label={t('registry.fields.division')} rules={[{ required: true, message: t('validation.required') }]}><DivisionPicker /></Form.Item>
        <Form.Item name="creditCode" label={t('registry.fields.creditCode')}><Input maxLength={18} /></Form.Item>
        <Form.Item name="note" label={t('registry.fields.note')}><Input /></Form.Item>
      </Form>
    </Modal>
  );
}

export function UnitsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const client = useQueryClient();
  const [f, setF] = useState<{ q?: string; kind?: string; division?: string; page: number }>({ page: 1 });
  const [creating, setCreating] = useState(false);
  const query = qs({ ...f, pageSize: 20 });
  const { data, isLoading } = useQuery({ queryKey: ['registry', 'units', query], queryFn: () => get<Page<UnitRow>>(`/api/registry/units?${query}`) });
  return (
    <Card title={t('registry.units.title')} extra={can('registry.write') && <Button type="primary" onClick={() => setCreating(true)}>{t('registry.units.create')}</Button>}>
      <Space wrap style={{ marginBottom: 12 }}>
        <UnitKindSelect value={f.kind} onChange={(kind) => setF({ ...f, kind, page: 1 })} />
        <DivisionPicker value={f.division} onChange={(division) => setF({ ...f, division, page: 1 })} />
        <Input.Search allowClear placeholder={t('registry.units.searchPlaceholder')} onSearch={(q) => setF({ ...f, q: q.trim(), page: 1 })} style={{ width: 220 }} />
      </Space>
      <Table<UnitRow>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data?.items}
        scroll={{ x: 800 }}
        pagination={{ current: f.page, pageSize: 20, total: data?.total, showSizeChanger: false, onChange: (page) => setF({ ...f, page }), showTotal: (n) => t('common.total', { count: n }) }}
        columns={[
          { title: t('registry.fields.name'), render: (_, r) => <Link to={`/registry/pairings?unitId=${r.id}`}>{r.name}</Link> },
          { title: t('registry.fields.kind'), width: 110, render: (_, r) => <Tag>{t(`registry.unitKinds.${r.kind}`)}</Tag> },
          { title: t('registry.fields.division'), render: (_, r) => r.divisionName ?? r.divisionCode },
          { title: t('registry.fields.creditCode'), dataIndex: 'creditCode', width: 190 },
          { title: t('registry.fields.note'), dataIndex: 'note' },
        ]}
      />
      <UnitForm open={creating} onClose={() => setCreating(false)} onSaved={() => { setCreating(false); client.invalidateQueries({ queryKey: ['registry', 'units'] }); }} />
    </Card>
  );
}
