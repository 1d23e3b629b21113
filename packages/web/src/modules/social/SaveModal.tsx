// A modal form that posts its values to an endpoint and shows the server's field errors under the fields they
// name (body.goodsQuantity → 数量); any other error (scope …) in a dialog.
import type { AnyEndpoint } from '@xiezuo/shared/contracts/endpoint';
import { Form, type FormInstance, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, callAny, fieldErrors } from '../../app/api';

export type Values = Record<string, unknown>;
export const day = (d: unknown) => (d ? (d as Dayjs).format('YYYY-MM-DD') : undefined);
export const required = (t: (k: string) => string) => [{ required: true, message: t('validation.required') }];

export function SaveModal(props: {
  open: boolean;
  title: string;
  endpoint: AnyEndpoint;
  params?: { id: number };
  toBody: (v: Values) => Values;
  onClose: () => void;
  onSaved: () => void;
  form: FormInstance;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const { form } = props;
  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    try {
      await callAny(props.endpoint, { params: props.params, body: props.toBody(values) });
      form.resetFields();
      props.onSaved();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const shown = new Set(Object.keys(form.getFieldsValue()));
      const fields = fieldErrors(e.body.details);
      form.setFields(fields.filter((f) => shown.has(f.name)));
      const rest = fields.filter((f) => !shown.has(f.name));
      if (rest.length || !fields.length)
        Modal.error({ title: e.body.message, content: rest.flatMap((f) => f.errors).join('；') || undefined });
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
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        {props.children}
      </Form>
    </Modal>
  );
}
