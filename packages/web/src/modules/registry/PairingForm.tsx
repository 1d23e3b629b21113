// New pairing: type, programme, helper and helped party (a division or a unit), period. Server errors
// land on the field they name.

import { registryApi } from '@xiezuo/shared/contracts/registry';
import { Button, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, checkedValues, fieldErrors } from '../../app/api';
import type { UnitRow } from './data';
import { DivisionPicker, ProgrammeSelect, TypeSelect } from './Options';

function UnitPicker(props: { value?: number; onChange?: (v: number | undefined) => void }) {
  const { t } = useTranslation();
  const [units, setUnits] = useState<UnitRow[]>([]);
  return (
    <Select
      showSearch={{
        filterOption: false,
        onSearch: async (q) => setUnits((await call(registryApi.units, { query: { q, pageSize: 30 } })).items),
      }}
      allowClear
      placeholder={t('registry.units.searchPlaceholder')}
      options={units.map((u) => ({ value: u.id, label: `${u.name}（${u.divisionName ?? u.divisionCode}）` }))}
      {...props}
    />
  );
}

function PartyFields({ side }: { side: 'helper' | 'helped' }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'division' | 'unit'>('division');
  return (
    // the label names the search box below it (Form.Item gives the inner field the id of its name)
    <Form.Item label={t(`registry.fields.${side}`)} required htmlFor={kind === 'division' ? `${side}DivisionCode` : `${side}UnitId`}>
      <Radio.Group
        value={kind}
        onChange={(e) => setKind(e.target.value)}
        style={{ marginBottom: 8 }}
        optionType="button"
        size="small"
        options={[
          { value: 'division', label: t('registry.fields.division') },
          { value: 'unit', label: t('registry.units.title') },
        ]}
      />
      {kind === 'division' ? (
        <Form.Item name={`${side}DivisionCode`} style={{ marginBottom: 0 }}>
          <DivisionPicker placeholder={t('registry.fields.divisionSearch')} style={{ width: '100%' }} />
        </Form.Item>
      ) : (
        <Form.Item name={`${side}UnitId`} style={{ marginBottom: 0 }}>
          <UnitPicker />
        </Form.Item>
      )}
    </Form.Item>
  );
}

export function PairingForm({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const save = async () => {
    const v = await checkedValues(form);
    if (!v) return;
    const body = {
      type: v.type,
      programmeId: v.programmeId ?? null,
      helperDivisionCode: v.helperUnitId ? null : v.helperDivisionCode,
      helperUnitId: v.helperUnitId ?? null,
      helpedDivisionCode: v.helpedUnitId ? null : v.helpedDivisionCode,
      helpedUnitId: v.helpedUnitId ?? null,
      startDate: v.startDate?.format('YYYY-MM-DD'),
      endDate: v.endDate ? v.endDate.format('YYYY-MM-DD') : null,
      note: v.note || null,
    };
    try {
      await call(registryApi.createPairing, { body });
      form.resetFields();
      onSaved();
    } catch (e) {
      if (e instanceof ApiError)
        form.setFields(fieldErrors(e.body.details.length ? e.body.details : [{ path: 'body.type', message: e.body.message }]));
    }
  };
  return (
    <Modal
      open={open}
      title={t('registry.pairings.create')}
      onCancel={onClose}
      footer={[
        <Button key="c" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="s" type="primary" onClick={save}>
          {t('common.save')}
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="type" label={t('registry.fields.type')} rules={[{ required: true, message: t('validation.required') }]}>
          <TypeSelect />
        </Form.Item>
        <Form.Item name="programmeId" label={t('registry.fields.programme')}>
          <ProgrammeSelect />
        </Form.Item>
        <PartyFields side="helper" />
        <PartyFields side="helped" />
        <Form.Item name="startDate" label={t('registry.fields.startDate')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="endDate" label={t('registry.fields.endDate')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label={t('registry.fields.note')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
