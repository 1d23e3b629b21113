// 新建年度帮扶协议: the pairing, the year, the targets as rows (indicator, target value in its unit — money in 万元 —,
// optionally a helped county), and the sign-offs of the sides that have signed (date and signer). The agreement is
// saved first; each filled sign-off is then the side's own signature (the server checks the user's scope covers it),
// so the form offers only the sides in the user's scope.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { type AgreementDetail, assessmentApi } from '@xiezuo/shared/contracts/assessment';
import { indicatorsApi } from '@xiezuo/shared/contracts/indicators';
import { registryApi } from '@xiezuo/shared/contracts/registry';
import { App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError, call } from '../../app/api';
import { day, required, SaveModal, type Values } from '../../platform/SaveModal';
import { DivisionPicker, PairingSelect } from '../registry/Options';
import { type Side, useOwnSides } from './agreementParts';

type Detail = z.infer<typeof AgreementDetail>;
const wide = { style: { width: '100%' } };

export function AgreementForm({ open, onClose, onSaved }: { open: boolean; onClose(): void; onSaved(saved: Detail): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const values = useRef<Values>({});
  const pairingId = Form.useWatch('pairingId', form) as number | undefined;
  const year = Form.useWatch('year', form) as number | undefined;
  const { data: catalogue } = useQuery({ queryKey: ['indicators', 'catalogue'], queryFn: () => call(indicatorsApi.catalogue) });
  const { data: pairing } = useQuery({
    queryKey: ['registry', 'pairings', pairingId],
    queryFn: () => call(registryApi.pairing, { params: { id: pairingId! } }),
    enabled: pairingId != null,
  });
  const byCode = new Map(catalogue?.map((c) => [c.code, c]));
  // the sides this user may sign for (the server refuses the others)
  const mine = useOwnSides()(pairing?.helper.divisionCode, pairing?.helped.divisionCode);
  const sideName = (s: Side) => t(`assessment.sides.${s}`);

  const toBody = (v: Values) => {
    values.current = v;
    const targets = (v.targets as { indicator: string; target: number; divisionCode?: string }[] | undefined) ?? [];
    return {
      pairingId: v.pairingId,
      year: v.year,
      title: (v.title as string | undefined)?.trim() || undefined,
      targets: targets.map((r) => ({
        indicator: r.indicator,
        // money is typed in 万元 and kept in 元
        target: byCode.get(r.indicator)?.money ? Math.round(Number(r.target) * 10_000 * 100) / 100 : Number(r.target),
        divisionCode: r.divisionCode || undefined,
      })),
    };
  };
  const saved = async (created: Detail) => {
    let last = created;
    for (const side of mine) {
      const signedOn = day(values.current[`${side}SignedOn`]);
      const signer = (values.current[`${side}Signer`] as string | undefined)?.trim();
      if (!signedOn || !signer) continue;
      try {
        last = await call(assessmentApi.signAgreement, { params: { id: created.id }, body: { side, signedOn, signer } });
      } catch (e) {
        message.error(
          t('assessment.agreement.signFailed', { side: sideName(side), message: e instanceof ApiError ? e.body.message : String(e) }),
        );
      }
    }
    message.success(t('assessment.agreement.created'));
    onSaved(last);
  };
  // a sign-off is its date and its signer together
  const both = (side: Side, other: 'SignedOn' | 'Signer') => [
    ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
      validator: (_: unknown, v: unknown) =>
        !v && getFieldValue(`${side}${other}`) ? Promise.reject(new Error(t('validation.required'))) : Promise.resolve(),
    }),
  ];

  return (
    <SaveModal
      open={open}
      title={t('assessment.agreement.new')}
      endpoint={assessmentApi.createAgreement}
      initial={{ year: dayjs().year(), targets: [{}] }}
      toBody={toBody}
      onClose={onClose}
      onSaved={(s) => void saved(s as Detail)}
      form={form}
      width={760}
    >
      <Form.Item name="pairingId" label={t('assessment.agreement.pairing')} rules={required(t)}>
        <PairingSelect {...wide} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="year" label={t('assessment.agreement.year')} rules={required(t)}>
            <InputNumber min={2000} max={2100} precision={0} {...wide} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name="title" label={t('assessment.agreement.name')}>
            <Input maxLength={100} placeholder={t('assessment.agreement.namePlaceholder', { year: year ?? '' })} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('assessment.agreement.targets')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('assessment.agreement.moneyHint')}
      </Typography.Paragraph>
      <Form.List name="targets">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, i) => (
              <TargetRow
                key={row.key}
                name={row.name}
                index={i}
                helped={pairing?.helped.divisionCode}
                unitOf={(code) => {
                  const c = byCode.get(code);
                  return c ? (c.money ? t('assessment.agreement.tenThousandYuan') : c.unit) : '';
                }}
                options={(catalogue ?? []).map((c) => ({ value: c.code, label: c.name }))}
                onRemove={rows.length > 1 ? () => remove(row.name) : undefined}
              />
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
              {t('assessment.agreement.addTarget')}
            </Button>
          </>
        )}
      </Form.List>
      {mine.length > 0 && (
        <>
          <Typography.Title level={5}>{t('assessment.agreement.signatures')}</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('assessment.agreement.signingHint')}
          </Typography.Paragraph>
          <Row gutter={12}>
            {mine.map((side) => (
              <Col key={side} xs={24} sm={12}>
                <Form.Item
                  name={`${side}SignedOn`}
                  label={t('assessment.agreement.signedOnOf', { side: sideName(side) })}
                  dependencies={[`${side}Signer`]}
                  rules={both(side, 'Signer')}
                >
                  <DatePicker {...wide} />
                </Form.Item>
                <Form.Item
                  name={`${side}Signer`}
                  label={t('assessment.agreement.signerOf', { side: sideName(side) })}
                  dependencies={[`${side}SignedOn`]}
                  rules={both(side, 'SignedOn')}
                >
                  <Input maxLength={100} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </>
      )}
    </SaveModal>
  );
}

/** One target: indicator, target value with the indicator's unit beside it, and optionally the helped county it is for. */
function TargetRow({
  name,
  index,
  helped,
  unitOf,
  options,
  onRemove,
}: {
  name: number;
  index: number;
  helped?: string;
  unitOf: (code: string) => string;
  options: { value: string; label: string }[];
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const indicator = Form.useWatch(['targets', name, 'indicator'], form) as string | undefined;
  return (
    <Card
      size="small"
      style={{ marginBottom: 8 }}
      title={t('assessment.agreement.targetN', { n: index + 1 })}
      extra={
        onRemove && (
          <Button
            type="text"
            size="small"
            icon={<MinusCircleOutlined />}
            onClick={onRemove}
            aria-label={`${t('common.delete')} ${index + 1}`}
          />
        )
      }
      data-testid={`target-row-${index}`}
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'indicator']} label={t('assessment.agreement.indicator')} rules={required(t)}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={options} {...wide} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'target']} label={t('assessment.agreement.target')} rules={required(t)}>
            <InputNumber min={0} {...wide} suffix={unitOf(indicator ?? '') || t('assessment.agreement.unit')} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name={[name, 'divisionCode']} label={t('assessment.agreement.targetPlace')} style={{ marginBottom: 0 }}>
            <DivisionPicker within={helped} placeholder={t('registry.fields.divisionSearch')} {...wide} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
