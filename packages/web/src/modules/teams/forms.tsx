// Entry forms of the teams pages: a new person (援派干部/专业技术人才), a team member for a round, an exchange
// record. The server checks everything; its errors land under the field they name (body.idNumber → 身份证号).
import { CADRE_KINDS, EXCHANGE_KINDS, GENDERS, MEMBER_ROLES } from '@xiezuo/shared/contracts/teams';
import { DatePicker, Form, type FormInstance, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, get, post } from '../../app/api';
import { type CadreRow, type Page, useTeams } from './data';

type Values = Record<string, unknown>;
const day = (d: unknown) => (d ? (d as Dayjs).format('YYYY-MM-DD') : undefined);

/** A modal form that posts its values and shows the server's field errors in place. */
function PostModal({ open, title, url, toBody, onClose, onSaved, children, form }: {
  open: boolean; title: string; url: string; toBody: (v: Values) => Values; onClose: () => void; onSaved: () => void; children: React.ReactNode; form: FormInstance;
}) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await post(url, toBody(values));
      form.resetFields();
      onSaved();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const fields = e.body.details.filter((d) => d.path.startsWith('body.')).map((d) => ({ name: d.path.slice(5).split('.')[0], errors: [d.message] }));
      if (fields.length) form.setFields(fields);
      else Modal.error({ title: e.body.message });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title={title} onOk={save} confirmLoading={saving} onCancel={onClose} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical">
        {children}
      </Form>
    </Modal>
  );
}

const required = (t: (k: string) => string) => [{ required: true, message: t('validation.required') }];

export function CadreForm({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const teams = useTeams();
  const toBody = (v: Values) => ({ ...v, phone: v.phone || null, localPost: v.localPost || null, divisionCode: v.divisionCode || undefined, dispatchStart: day(v.dispatchStart), dispatchEnd: day(v.dispatchEnd) ?? null });
  return (
    <PostModal open={open} title={t('teams.cadres.new')} url="/api/cadres" toBody={toBody} onClose={onClose} onSaved={onSaved} form={form}>
      <Form.Item name="name" label={t('teams.fields.personName')} rules={required(t)}><Input /></Form.Item>
      <Form.Item name="gender" label={t('teams.fields.gender')} rules={required(t)}>
        <Select options={GENDERS.map((g) => ({ value: g, label: t(`teams.genders.${g}`) }))} />
      </Form.Item>
      <Form.Item name="idNumber" label={t('teams.fields.idNumber')} rules={required(t)}><Input maxLength={18} autoComplete="off" /></Form.Item>
      <Form.Item name="phone" label={t('teams.fields.phone')}><Input /></Form.Item>
      <Form.Item name="kind" label={t('teams.fields.cadreKind')} rules={required(t)}>
        <Select options={CADRE_KINDS.map((k) => ({ value: k, label: t(`teams.cadreKinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="sendingUnit" label={t('teams.fields.sendingUnit')} rules={required(t)}><Input /></Form.Item>
      <Form.Item name="localPost" label={t('teams.fields.localPost')}><Input /></Form.Item>
      <Form.Item name="teamId" label={t('teams.fields.team')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(teams.data ?? []).map((r) => ({ value: r.id, label: r.name }))} />
      </Form.Item>
      <Form.Item name="dispatchStart" label={t('teams.fields.startDate')} rules={required(t)}><DatePicker style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="dispatchEnd" label={t('teams.fields.endDate')}><DatePicker style={{ width: '100%' }} /></Form.Item>
    </PostModal>
  );
}

export function MemberForm({ team, open, onClose, onSaved }: { team: number; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [people, setPeople] = useState<CadreRow[]>([]);
  const search = async (q: string) => setPeople((await get<Page<CadreRow>>(`/api/cadres?pageSize=50&q=${encodeURIComponent(q)}`)).items);
  const toBody = (v: Values) => ({ ...v, startDate: day(v.startDate), endDate: day(v.endDate) ?? null });
  return (
    <PostModal open={open} title={t('teams.tree.addMember')} url={`/api/teams/${team}/members`} toBody={toBody} onClose={onClose} onSaved={onSaved} form={form}>
      <Form.Item name="cadreId" label={t('teams.fields.personName')} rules={required(t)}>
        <Select showSearch={{ filterOption: false, onSearch: search }} onFocus={() => search('')} options={people.map((p) => ({ value: p.id, label: `${p.name}（${p.sendingUnit}）` }))} />
      </Form.Item>
      <Form.Item name="role" label={t('teams.fields.role')} rules={required(t)}>
        <Select options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`teams.roles.${r}`) }))} />
      </Form.Item>
      <Form.Item name="round" label={t('teams.fields.round')} initialValue={1} rules={required(t)}><InputNumber min={1} max={20} /></Form.Item>
      <Form.Item name="startDate" label={t('teams.fields.startDate')} rules={required(t)}><DatePicker style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="endDate" label={t('teams.fields.endDate')}><DatePicker style={{ width: '100%' }} /></Form.Item>
    </PostModal>
  );
}

export function ExchangeForm({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const toBody = (v: Values) => ({ ...v, note: v.note || null, startDate: day(v.startDate), endDate: day(v.endDate) ?? null });
  return (
    <PostModal open={open} title={t('teams.exchanges.new')} url="/api/exchanges" toBody={toBody} onClose={onClose} onSaved={onSaved} form={form}>
      <Form.Item name="kind" label={t('teams.fields.exchangeKind')} rules={required(t)}>
        <Select options={EXCHANGE_KINDS.map((k) => ({ value: k, label: t(`teams.exchangeKinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="personTimes" label={t('teams.fields.personTimes')} rules={required(t)}><InputNumber min={1} style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="fromDivisionCode" label={`${t('teams.fields.from')}（${t('teams.fields.divisionCode')}）`} rules={required(t)}><Input maxLength={12} placeholder="441284000000" /></Form.Item>
      <Form.Item name="toDivisionCode" label={`${t('teams.fields.to')}（${t('teams.fields.divisionCode')}）`} rules={required(t)}><Input maxLength={12} placeholder="451123000000" /></Form.Item>
      <Form.Item name="startDate" label={t('teams.fields.startDate')} rules={required(t)}><DatePicker style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="endDate" label={t('teams.fields.endDate')}><DatePicker style={{ width: '100%' }} /></Form.Item>
      <Form.Item name="note" label={t('teams.fields.note')}><Input /></Form.Item>
    </PostModal>
  );
}
