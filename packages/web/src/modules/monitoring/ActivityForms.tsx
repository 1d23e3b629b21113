// Small forms on the household page: register a risk (登记风险), close one, add an assistance measure
// (添加措施) and record a follow-up. Each posts, then hands the page a fresh household.
import type { AnyEndpoint } from '@xiezuo/shared/contracts/endpoint';
import { MEASURE_KINDS, monitoringApi, RISK_KINDS } from '@xiezuo/shared/contracts/monitoring';
import { App, Button, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, callAny } from '../../app/api';
import { today } from './data';

type Kind = 'risk' | 'measure' | 'closeRisk' | 'followUp';

/** A button that opens a one-purpose form; `target` is the household id (risk, measure) or the row id. */
export function ActivityButton(props: { kind: Kind; target: number; onDone(): void; small?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const { kind, target } = props;
  const endpoint: AnyEndpoint = {
    risk: monitoringApi.addRisk,
    measure: monitoringApi.addMeasure,
    closeRisk: monitoringApi.closeRisk,
    followUp: monitoringApi.followUpMeasure,
  }[kind];
  const label = {
    risk: t('monitoring.risk.add'),
    measure: t('monitoring.measure.add'),
    closeRisk: t('monitoring.risk.close'),
    followUp: t('monitoring.measure.followUp'),
  }[kind];
  const submit = async () => {
    const v = await form.validateFields().catch(() => null); // the form shows what is missing under its fields
    if (!v) return;
    try {
      const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '' && x !== null));
      await callAny(endpoint, { params: { id: target }, body });
      setOpen(false);
      form.resetFields();
      props.onDone();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const fields = e.body.details.filter((d) => d.path.startsWith('body.'));
      if (fields.length) form.setFields(fields.map((d) => ({ name: d.path.slice(5).split('.')[0], errors: [d.message] })));
      else message.error(e.message);
    }
  };
  const date = (name: string, labelKey: string) => (
    <Form.Item name={name} label={t(labelKey)} rules={[{ required: true, message: t('validation.required') }]}>
      <Input type="date" />
    </Form.Item>
  );
  return (
    <>
      <Button size={props.small ? 'small' : 'middle'} type={props.small ? 'link' : 'default'} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        open={open}
        title={label}
        onOk={submit}
        onCancel={() => setOpen(false)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ identifiedOn: today(), closedOn: today(), startOn: today(), on: today() }}>
          {kind === 'risk' && (
            <>
              <Form.Item name="kind" label={t('monitoring.risk.kind')} rules={[{ required: true, message: t('validation.required') }]}>
                <Select options={RISK_KINDS.map((k) => ({ value: k, label: t(`monitoring.risks.${k}`) }))} />
              </Form.Item>
              {date('identifiedOn', 'monitoring.risk.identifiedOn')}
            </>
          )}
          {kind === 'closeRisk' && date('closedOn', 'monitoring.risk.closedOn')}
          {kind === 'measure' && (
            <>
              <Form.Item name="kind" label={t('monitoring.measure.kind')} rules={[{ required: true, message: t('validation.required') }]}>
                <Select options={MEASURE_KINDS.map((k) => ({ value: k, label: t(`monitoring.measures.${k}`) }))} />
              </Form.Item>
              <Form.Item
                name="description"
                label={t('monitoring.measure.description')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Input />
              </Form.Item>
              <Form.Item name="amount" label={t('monitoring.measure.amount')}>
                <InputNumber min={0} style={{ width: '100%' }} suffix={t('common.yuan')} />
              </Form.Item>
              <Form.Item name="providerTeamId" label={t('monitoring.measure.provider')}>
                <InputNumber min={1} style={{ width: '100%' }} placeholder="#" />
              </Form.Item>
              {date('startOn', 'monitoring.measure.startOn')}
            </>
          )}
          {kind === 'followUp' && date('on', 'monitoring.measure.followUp')}
          <Form.Item name="note" label={t('common.remark')} hidden={kind === 'measure'}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
