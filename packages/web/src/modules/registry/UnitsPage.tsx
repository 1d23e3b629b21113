// 单位: list by kind, division and name/credit code; writers add units (credit code checked by GB 32100).
import { useQueryClient } from '@tanstack/react-query';
import { registryApi } from '@xiezuo/shared/contracts/registry';
import { Button, Form, Input, Modal, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, call, checkedValues, fieldErrors } from '../../app/api';
import { useAuth } from '../../app/auth';
import { ListPage } from '../../platform/ListPage';
import { type FiltersOf, useFilters, usePagedQuery } from '../../platform/usePagedQuery';
import { DivisionPicker, UnitKindSelect } from './Options';

function UnitForm({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const save = async () => {
    const v = await checkedValues(form);
    if (!v) return;
    try {
      await call(registryApi.createUnit, {
        body: { name: v.name, kind: v.kind, divisionCode: v.divisionCode, creditCode: v.creditCode || null, note: v.note || null },
      });
      form.resetFields();
      onSaved();
    } catch (e) {
      if (e instanceof ApiError) form.setFields(fieldErrors(e.body.details));
    }
  };
  return (
    <Modal
      open={open}
      title={t('registry.units.create')}
      onCancel={onClose}
      onOk={save}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('registry.fields.name')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('registry.fields.kind')} rules={[{ required: true, message: t('validation.required') }]}>
          <UnitKindSelect />
        </Form.Item>
        <Form.Item
          name="divisionCode"
          label={t('registry.fields.division')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DivisionPicker placeholder={t('registry.fields.divisionSearch')} />
        </Form.Item>
        <Form.Item name="creditCode" label={t('registry.fields.creditCode')}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="note" label={t('registry.fields.note')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function UnitsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const client = useQueryClient();
  const [f, set] = useFilters<FiltersOf<typeof registryApi.units>>({});
  const [creating, setCreating] = useState(false);
  const list = usePagedQuery(registryApi.units, { key: ['registry', 'units'], filters: f });
  return (
    <ListPage
      title={t('registry.units.title')}
      actions={
        can('registry.write') && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('registry.units.create')}
          </Button>
        )
      }
      filters={
        <>
          <UnitKindSelect value={f.kind ?? undefined} onChange={(kind) => set({ kind })} />
          <DivisionPicker value={f.division} onChange={(division) => set({ division })} />
          <Input.Search
            allowClear
            placeholder={t('registry.units.searchPlaceholder')}
            onSearch={(q) => set({ q: q.trim() })}
            style={{ width: 220 }}
          />
        </>
      }
      list={list}
      scroll={{ x: 800 }}
      columns={[
        { title: t('registry.fields.name'), render: (_, r) => <Link to={`/registry/pairings?unitId=${r.id}`}>{r.name}</Link> },
        { title: t('registry.fields.kind'), width: 110, render: (_, r) => <Tag>{t(`registry.unitKinds.${r.kind}`)}</Tag> },
        { title: t('registry.fields.division'), render: (_, r) => r.divisionName ?? r.divisionCode },
        { title: t('registry.fields.creditCode'), dataIndex: 'creditCode', width: 190 },
        { title: t('registry.fields.note'), dataIndex: 'note' },
      ]}
    >
      <UnitForm
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false);
          client.invalidateQueries({ queryKey: ['registry', 'units'] });
        }}
      />
    </ListPage>
  );
}
