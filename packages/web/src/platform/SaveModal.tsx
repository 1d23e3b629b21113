// Entry forms in a modal: save the values to an endpoint and show the server's field errors under the fields
// they name (body.idNumber → 身份证号); any other error (scope, a field the form does not show) in a dialog.
// The server checks the body against the shared contract; the form only asks for what is missing.
import type { AnyEndpoint } from '@xiezuo/shared/contracts/endpoint';
import { Form, type FormInstance, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, callAny, fieldErrors } from '../app/api';

export type Values = Record<string, unknown>;
/** A DatePicker's value → 'YYYY-MM-DD' (undefined when empty). */
export const day = (d: unknown) => (d ? (d as Dayjs).format('YYYY-MM-DD') : undefined);
export const required = (t: (k: string) => string) => [{ required: true, message: t('validation.required') }];

/** A refused save: errors naming a field of this form go under it, the rest in a dialog. Rethrows anything else. */
export function showServerErrors(form: FormInstance, e: unknown): void {
  if (!(e instanceof ApiError)) throw e;
  const shown = new Set(Object.keys(form.getFieldsValue()));
  const fields = fieldErrors(e.body.details);
  form.setFields(fields.filter((f) => shown.has(f.name)) as never);
  // an error inside a list (body.decisions.1.dueOn) also goes under that item's own field
  const nested = e.body.details.flatMap((d) => {
    const path = d.path.replace(/^body\./, '').split('.');
    return path.length > 1 && shown.has(path[0]) ? [{ name: path.map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [d.message] }] : [];
  });
  if (nested.length) form.setFields(nested as never);
  const rest = fields.filter((f) => !shown.has(f.name));
  if (rest.length || !fields.length) Modal.error({ title: e.body.message, content: rest.flatMap((f) => f.errors).join('；') || undefined });
}

/** A modal form that saves to `endpoint` (create, or edit pre-filled with `initial`). */
export function SaveModal(props: {
  open: boolean;
  title: string;
  endpoint: AnyEndpoint;
  params?: { id: number };
  initial?: Values;
  toBody: (v: Values) => Values;
  onClose: () => void;
  /** Given what the endpoint answered (the saved record), e.g. to open it. */
  onSaved: (saved: unknown) => void;
  form: FormInstance;
  children: ReactNode;
  width?: number;
}) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const { form } = props;
  const save = async () => {
    const values = await form.validateFields().catch(() => null); // the form shows what is missing under its fields
    if (!values) return;
    setSaving(true);
    try {
      const saved = await callAny(props.endpoint, { params: props.params, body: props.toBody(values) });
      form.resetFields();
      props.onSaved(saved);
    } catch (e) {
      showServerErrors(form, e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      onOk={save}
      confirmLoading={saving}
      onCancel={props.onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      width={props.width}
      destroyOnHidden
    >
      {/* destroyed when hidden, its values cleared with it (the form instance outlives the modal), so each opening
          starts again from `initial`: an edit after a new entry shows the row's values, not the new form's blanks */}
      <Form form={form} layout="vertical" initialValues={props.initial} clearOnDestroy>
        {props.children}
      </Form>
    </Modal>
  );
}
