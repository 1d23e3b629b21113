// Corrections on the household page: the household's own fields (类别、户属性、收入、电话、住址), a member's
// relation, health, disability, schooling and work, a new member, and a member who left (迁出/注销).
// Only what the user changed is sent; the server's errors land under the field they name.
//
// Health and disability are never in the household's answer (only a reveal, audited, shows them), so the
// member form does not pretend to know them: those fields start empty, and empty means "unchanged" —
// MemberUpdate leaves every absent field as it is.

import type { BodyOf } from '@xiezuo/shared/contracts/endpoint';
import {
  CATEGORIES,
  DISABILITY,
  GENDERS,
  HEALTH,
  type HouseholdContact,
  type HouseholdDetail,
  type MemberReveal,
  monitoringApi,
  type PublicMember,
  RELATIONS,
  SCHOOLING,
  WORK,
} from '@xiezuo/shared/contracts/monitoring';
import { App, Button, Form, type FormInstance, Input, Modal, Select, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, checkedValues, fieldErrors } from '../../app/api';
import { HouseholdFlags, incomeFields, opts } from './fields';

type Values = Record<string, unknown>;
type T = (k: string, o?: Record<string, unknown>) => string;
const required = (t: T) => [{ required: true, message: t('validation.required') }];

/** The fields whose value differs from where the form started (an emptied number is sent as null, an emptied text as ''). */
function changed(values: Values, initial: Values): Values {
  const norm = (x: unknown) => (x === undefined ? null : x);
  return Object.fromEntries(
    Object.entries(values)
      .filter(([k, v]) => norm(v) !== norm(initial[k]))
      .map(([k, v]) => [k, norm(v)]),
  );
}

/**
 * A button opening a modal form that sends its values; errors naming a field of the form go under it,
 * anything else (scope, a field not shown) in a message.
 */
function FormButton(props: {
  label: string;
  title?: string;
  testId: string;
  small?: boolean;
  initial?: Values;
  width?: number;
  send(values: Values, form: FormInstance): Promise<unknown> | null;
  onDone(answer: unknown): void;
  children(form: FormInstance): ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const submit = async () => {
    const values = await checkedValues(form);
    if (!values) return;
    const sending = props.send(values, form);
    if (!sending) {
      message.info(t('monitoring.form.nothingChanged'));
      return;
    }
    setBusy(true);
    try {
      const answer = await sending;
      setOpen(false);
      message.success(t('monitoring.form.saved'));
      props.onDone(answer);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const shown = new Set(Object.keys(form.getFieldsValue(true)));
      const fields = fieldErrors(e.body.details);
      form.setFields(fields.filter((f) => shown.has(f.name)));
      const rest = fields.filter((f) => !shown.has(f.name));
      const details = rest.flatMap((f) => f.errors).join('; ');
      if (rest.length || !fields.length)
        message.error(details ? t('monitoring.member.errorJoin', { message: e.body.message, details }) : e.body.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size={props.small ? 'small' : 'middle'}
        type={props.small ? 'link' : 'default'}
        data-testid={props.testId}
        onClick={() => setOpen(true)}
      >
        {props.label}
      </Button>
      <Modal
        open={open}
        title={props.title ?? props.label}
        width={props.width}
        onOk={submit}
        confirmLoading={busy}
        onCancel={() => setOpen(false)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        {/* destroyed when hidden: each opening starts again from the current values */}
        <Form form={form} layout="vertical" initialValues={props.initial}>
          {props.children(form)}
        </Form>
      </Modal>
    </>
  );
}

/** 修改户信息: category, flags, income and its year, phone, address, note. */
export function EditHouseholdButton({
  detail,
  contact,
  onDone,
}: {
  detail: HouseholdDetail;
  /** The phone and address as a reveal showed them; otherwise the form shows them masked, sent only if retyped. */
  contact?: HouseholdContact | null;
  onDone(next: HouseholdDetail): void;
}) {
  const { t } = useTranslation();
  const h = detail.household;
  const shown = contact ?? { phone: h.phone, address: h.address };
  const initial: Values = {
    category: h.category,
    isLifted: h.isLifted,
    dibao: h.dibao,
    tekun: h.tekun,
    incomePerHead: h.incomePerHead,
    incomeYear: h.incomeYear,
    phone: shown.phone ?? '',
    address: shown.address ?? '',
    note: h.note ?? '',
  };
  return (
    <FormButton
      label={t('monitoring.form.editHousehold')}
      testId="edit-household"
      initial={initial}
      send={(v) => {
        const body = changed(v, initial);
        return Object.keys(body).length ? call(monitoringApi.updateHousehold, { params: { id: h.id }, body }) : null;
      }}
      onDone={(next) => onDone(next as HouseholdDetail)}
    >
      {() => (
        <>
          <Form.Item name="category" label={t('monitoring.household.category')} rules={required(t)}>
            <Select options={opts(t, 'categories', CATEGORIES)} />
          </Form.Item>
          <Form.Item label={t('monitoring.household.flags')} style={{ marginBottom: 8 }}>
            <HouseholdFlags />
          </Form.Item>
          <Space wrap align="start">
            {incomeFields(t)}
          </Space>
          <Form.Item name="phone" label={t('monitoring.household.phone')}>
            <Input maxLength={30} inputMode="tel" />
          </Form.Item>
          <Form.Item name="address" label={t('monitoring.household.address')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="note" label={t('monitoring.household.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      )}
    </FormButton>
  );
}

/** Health, its note and disability: empty means unchanged; what a reveal on this page showed is given as a hint only. */
function HealthFields({ revealed, forNew }: { revealed?: MemberReveal; forNew?: boolean }) {
  const { t } = useTranslation();
  const placeholder = forNew ? undefined : t('monitoring.member.unchanged');
  return (
    <>
      {!forNew && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="health-hidden">
          {t('monitoring.member.healthHidden')}
          {revealed && (
            <>
              <br />
              {t('monitoring.member.healthCurrent', {
                health: t(`monitoring.health.${revealed.health}`),
                note: revealed.healthNote ? t('monitoring.member.healthNoteIn', { note: revealed.healthNote }) : '',
                disability: t(`monitoring.disability.${revealed.disability}`),
              })}
            </>
          )}
        </Typography.Paragraph>
      )}
      <Space wrap align="start">
        <Form.Item name="health" label={t('monitoring.member.health')} rules={forNew ? required(t) : undefined}>
          <Select style={{ width: 150 }} allowClear={!forNew} placeholder={placeholder} options={opts(t, 'health', HEALTH)} />
        </Form.Item>
        <Form.Item name="disability" label={t('monitoring.member.disability')} rules={forNew ? required(t) : undefined}>
          <Select style={{ width: 150 }} allowClear={!forNew} placeholder={placeholder} options={opts(t, 'disability', DISABILITY)} />
        </Form.Item>
      </Space>
      <Form.Item name="healthNote" label={t('monitoring.member.healthNote')}>
        <Input maxLength={200} placeholder={placeholder} />
      </Form.Item>
    </>
  );
}

/** 修改成员: relation, schooling, work (pre-filled), health and disability (empty = unchanged). */
export function EditMemberButton({ member, revealed, onDone }: { member: PublicMember; revealed?: MemberReveal; onDone(): void }) {
  const { t } = useTranslation();
  const initial: Values = { name: member.name, relation: member.relation, schooling: member.schooling, work: member.work };
  return (
    <FormButton
      small
      label={t('monitoring.member.edit')}
      title={`${t('monitoring.member.edit')} · ${member.name}`}
      testId={`edit-member-${member.id}`}
      initial={initial}
      send={(v) => {
        const body = changed(v, initial);
        // the health fields are sent only when chosen or typed: nothing known to compare them with
        for (const k of ['health', 'disability', 'healthNote']) if (v[k] === undefined || v[k] === null || v[k] === '') delete body[k];
        return Object.keys(body).length ? call(monitoringApi.updateMember, { params: { id: member.id }, body }) : null;
      }}
      onDone={onDone}
    >
      {() => (
        <>
          <Form.Item name="name" label={t('monitoring.member.name')} rules={required(t)}>
            <Input maxLength={50} />
          </Form.Item>
          <Space wrap align="start">
            {situationFields(t)}
          </Space>
          <HealthFields revealed={revealed} />
        </>
      )}
    </FormButton>
  );
}

/** 与户主关系、在校情况、务工情况: the same three selects when adding and when editing a member. */
function situationFields(t: T) {
  return (
    <>
      <Form.Item name="relation" label={t('monitoring.member.relation')}>
        <Select style={{ width: 150 }} options={opts(t, 'relations', RELATIONS)} />
      </Form.Item>
      <Form.Item name="schooling" label={t('monitoring.member.schooling')}>
        <Select style={{ width: 150 }} options={opts(t, 'schooling', SCHOOLING)} />
      </Form.Item>
      <Form.Item name="work" label={t('monitoring.member.work')}>
        <Select style={{ width: 150 }} options={opts(t, 'work', WORK)} />
      </Form.Item>
    </>
  );
}

/** Birth date and gender as the ID number gives them (no check here: the server checks, under the field). */
function fromIdNumber(raw: string): { birthDate?: string; gender?: string } {
  const v = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return {};
  return { birthDate: `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`, gender: Number(v[16]) % 2 ? 'male' : 'female' };
}

/** 添加成员: a new member of the household, the ID number checked by the server (GB 11643, one household per person). */
export function AddMemberButton({ householdId, onDone }: { householdId: number; onDone(next: HouseholdDetail): void }) {
  const { t } = useTranslation();
  return (
    <FormButton
      label={t('monitoring.member.add')}
      testId="add-member"
      initial={{ relation: 'child', gender: 'male', health: 'healthy', disability: 'none', schooling: 'not_in_school', work: 'farming' }}
      send={(v) =>
        call(monitoringApi.addMember, {
          params: { id: householdId },
          body: Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')) as BodyOf<
            typeof monitoringApi.addMember
          >,
        })
      }
      onDone={(next) => onDone(next as HouseholdDetail)}
    >
      {(form) => (
        <>
          <Form.Item name="name" label={t('monitoring.member.name')} rules={required(t)}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="idNumber" label={t('monitoring.member.idNumber')} rules={required(t)} extra={t('monitoring.member.idHint')}>
            <Input maxLength={18} autoComplete="off" onChange={(e) => form.setFieldsValue(fromIdNumber(e.target.value))} />
          </Form.Item>
          <Space wrap align="start">
            <Form.Item name="birthDate" label={t('monitoring.member.birthDate')} rules={required(t)}>
              <Input type="date" style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="gender" label={t('monitoring.member.gender')}>
              <Select style={{ width: 100 }} options={opts(t, 'genders', GENDERS)} />
            </Form.Item>
            {situationFields(t)}
          </Space>
          <HealthFields forNew />
        </>
      )}
    </FormButton>
  );
}

/** 迁出/注销: the member leaves the household (moved out, deceased, other), with a note. */
export function MemberLeaveButton({ member, onDone }: { member: PublicMember; onDone(): void }) {
  const { t } = useTranslation();
  return (
    <FormButton
      small
      label={t('monitoring.member.leave')}
      title={t('monitoring.member.leaveTitle', { name: member.name })}
      testId={`leave-member-${member.id}`}
      send={(v) =>
        call(monitoringApi.memberLeaves, {
          params: { id: member.id },
          body: { reason: v.reason as BodyOf<typeof monitoringApi.memberLeaves>['reason'], ...(v.note ? { note: v.note as string } : {}) },
        })
      }
      onDone={onDone}
    >
      {() => (
        <>
          <Form.Item name="reason" label={t('monitoring.member.leaveReason')} rules={required(t)}>
            <Select options={opts(t, 'leftReasons', ['moved_out', 'deceased', 'other'])} />
          </Form.Item>
          <Form.Item name="note" label={t('monitoring.member.leaveNote')}>
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        </>
      )}
    </FormButton>
  );
}
