// One step of the review chain: the fields that step needs (authorisation, notice dates, comment,
// a reason when going past the rule warnings) and evidence files; errors land on their fields.

import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { type Action, type FileMeta, type HouseholdDetail, monitoringApi, NOTICE_MIN_DAYS } from '@xiezuo/shared/contracts/monitoring';
import { Alert, App, Button, Checkbox, Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../app/api';
import { fileBase64, today } from './data';

export function StepDialog(props: { detail: HouseholdDetail; action: Action | null; onClose(): void; onDone(d: HouseholdDetail): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [files, setFiles] = useState<FileMeta[]>([]);
  const [busy, setBusy] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const { action, detail } = props;
  const h = detail.household;
  const failed = detail.checks.filter((c) => !c.ok);
  const forward = action !== 'return' && action !== 'reject';
  const needsReason = forward && failed.length > 0 && (h.status === 'eliminating' || action === 'propose_elimination');

  const upload = async (list: FileList | null) => {
    for (const file of Array.from(list ?? [])) {
      try {
        const meta = await call(monitoringApi.uploadAttachment, {
          params: { id: h.id },
          body: { fileName: file.name, mimeType: file.type as FileMeta['mimeType'], contentBase64: await fileBase64(file) },
        });
        setFiles((f) => [...f, meta]);
      } catch (e) {
        message.error(e instanceof ApiError ? (e.body.details[0]?.message ?? e.message) : String(e));
      }
    }
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null); // the form shows what is missing under its fields
    if (!v) return;
    setBusy(true);
    try {
      const body = {
        action: action!,
        ...Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')),
        attachmentIds: files.map((f) => f.id),
      };
      const d = await call(monitoringApi.transition, { params: { id: h.id }, body });
      message.success(t('monitoring.review.done'));
      form.resetFields();
      setFiles([]);
      props.onDone(d);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const fields = e.body.details.filter((d) => d.path.startsWith('body.') && d.path !== 'body.action');
      if (fields.length) form.setFields(fields.map((d) => ({ name: d.path.slice(5).split('.')[0], errors: [d.message] })));
      else message.error(e.body.details[0]?.message ?? e.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!action}
      title={action ? `${t(`monitoring.actions.${action}`)} · ${h.headName}` : ''}
      onCancel={props.onClose}
      onOk={submit}
      confirmLoading={busy}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          authorisationDate: today(),
          noticeFrom: today(),
          noticeTo: dayjs(today())
            .add(NOTICE_MIN_DAYS - 1, 'day')
            .format('YYYY-MM-DD'),
        }}
      >
        {action === 'verify' && h.status === 'identifying' && (
          <>
            <Form.Item
              name="authorisationSigned"
              valuePropName="checked"
              extra={t('monitoring.review.authorisationRule')}
              rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('monitoring.refused.authorisation')))) }]}
            >
              <Checkbox>{t('monitoring.review.authorisation')}</Checkbox>
            </Form.Item>
            <Form.Item name="authorisationDate" label={t('monitoring.review.authorisationDate')}>
              <Input type="date" />
            </Form.Item>
          </>
        )}
        {action === 'publicise' && (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              message={t('monitoring.review.noticeRule', { min: NOTICE_MIN_DAYS })}
              data-testid="notice-rule"
            />
            <Form.Item
              name="noticeFrom"
              label={t('monitoring.review.noticeFrom')}
              rules={[
                { required: true, message: t('validation.required') },
                {
                  validator: (_, v) =>
                    !v || v <= today() ? Promise.resolve() : Promise.reject(new Error(t('monitoring.refused.noticeFuture'))),
                },
              ]}
            >
              <Input type="date" />
            </Form.Item>
            <Form.Item
              name="noticeTo"
              label={t('monitoring.review.noticeTo')}
              dependencies={['noticeFrom']}
              rules={[
                { required: true, message: t('validation.required') },
                ({ getFieldValue }) => ({
                  validator: (_, v) => {
                    const from = getFieldValue('noticeFrom');
                    if (!v || !from) return Promise.resolve();
                    const days = dayjs(v).diff(dayjs(from), 'day') + 1;
                    return days >= NOTICE_MIN_DAYS
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('monitoring.refused.noticeShort', { min: NOTICE_MIN_DAYS, days })));
                  },
                }),
              ]}
            >
              <Input type="date" />
            </Form.Item>
          </>
        )}
        {needsReason && (
          <>
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              message={failed.map((c) => t(`monitoring.rules.${c.rule}`)).join('；')}
            />
            <Form.Item name="overrideReason" label={t('monitoring.review.override')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
        <Form.Item name="comment" label={t('monitoring.review.comment')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label={t('monitoring.review.evidence')}>
          <input
            ref={picker}
            type="file"
            style={{ display: 'none' }}
            accept="image/jpeg,image/png,application/pdf"
            multiple
            onChange={(e) => upload(e.target.files)}
          />
          <Button icon={<UploadOutlined />} onClick={() => picker.current?.click()}>
            {t('monitoring.review.attach')}
          </Button>
          {files.map((f) => (
            <div key={f.id}>
              <PaperClipOutlined /> {f.fileName}
            </div>
          ))}
        </Form.Item>
      </Form>
    </Modal>
  );
}
