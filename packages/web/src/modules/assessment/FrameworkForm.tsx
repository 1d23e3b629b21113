// 考核指标体系 form (HQ only, assessment.manage): year, programme, name, the evaluation groups, the grade cut-offs and the
// tree of aspects → items (code, name, kind, max points, the live indicator and its scoring rule, the scoring guide and
// the evidence expected). New, or an edit of a version no cycle uses yet (a copy to a new year is edited the same way).
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  assessmentApi,
  type Framework,
  type FrameworkInputT,
  type FrameworkItemT,
  ITEM_KINDS,
  PROGRAMME_KINDS,
  RULE_TYPES,
} from '@xiezuo/shared/contracts/assessment';
import { indicatorsApi } from '@xiezuo/shared/contracts/indicators';
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { call } from '../../app/api';
import { required, SaveModal, type Values } from '../../platform/SaveModal';

type FrameworkT = z.infer<typeof Framework>;
const wide = { style: { width: '100%' } };
const pct = (x: number) => Math.round(x * 1000) / 10;

/** An item as the form holds it: the rule spread into its type, points per unit and bands in percent. */
type ItemValues = Omit<FrameworkItemT, 'rule'> & {
  ruleType?: (typeof RULE_TYPES)[number] | 'none';
  perUnit?: number;
  bands?: { atLeast: number; fraction: number }[];
};

const itemToForm = (i: FrameworkItemT): ItemValues => {
  const { rule, ...rest } = i;
  return {
    ...rest,
    ruleType: rule?.type ?? 'none',
    perUnit: rule?.type === 'capped' ? rule.perUnit : undefined,
    bands: rule?.type === 'bands' ? rule.bands.map((b) => ({ atLeast: pct(b.atLeast), fraction: pct(b.fraction) })) : [],
  };
};

/** Only a live item (indicator, innovation) names an indicator and a rule; the form may still hold one from before its kind changed. */
const isLive = (kind?: string) => kind === 'indicator' || kind === 'innovation';

const itemFromForm = ({ ruleType, perUnit, bands, ...i }: ItemValues): FrameworkItemT => {
  const rule = !isLive(i.kind)
    ? undefined
    : ruleType === 'linear'
      ? { type: 'linear' as const }
      : ruleType === 'capped'
        ? { type: 'capped' as const, perUnit: Number(perUnit) }
        : ruleType === 'bands'
          ? { type: 'bands' as const, bands: (bands ?? []).map((b) => ({ atLeast: b.atLeast / 100, fraction: b.fraction / 100 })) }
          : undefined;
  const text = (s?: string) => s?.trim() || undefined;
  return {
    code: i.code,
    name: i.name,
    kind: i.kind,
    maxPoints: Number(i.maxPoints),
    indicator: isLive(i.kind) ? text(i.indicator) : undefined,
    rule,
    guide: text(i.guide),
    evidence: text(i.evidence),
  };
};

const blankItem = (): ItemValues => ({ code: '', name: '', kind: 'indicator', maxPoints: 5, ruleType: 'linear', bands: [] });

export function FrameworkForm({
  framework,
  open,
  onClose,
  onSaved,
}: {
  /** the version edited (a copy just made is one); absent: a new framework */
  framework?: FrameworkT;
  open: boolean;
  onClose(): void;
  onSaved(saved: FrameworkT): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const { data: catalogue } = useQuery({ queryKey: ['indicators', 'catalogue'], queryFn: () => call(indicatorsApi.catalogue) });
  // an item names an indicator, or one of its breakdowns ('social.publicity|typicalCase')
  const indicators = (catalogue ?? []).flatMap((c) => [
    { value: c.code, label: c.name },
    ...c.breakdowns.map((b) => ({ value: `${c.code}|${b.key}`, label: `${c.name} · ${b.name}` })),
  ]);
  const initial: Values = framework
    ? {
        year: framework.year,
        programme: framework.programme,
        name: framework.name,
        illustrative: framework.illustrative,
        groups: framework.groups,
        ...framework.cutoffs,
        aspects: framework.aspects.map((a) => ({ ...a, items: a.items.map(itemToForm) })),
      }
    : {
        year: dayjs().year(),
        programme: 'east_west',
        illustrative: false,
        groups: [{ key: '', name: '' }],
        good: 90,
        fairlyGood: 80,
        average: 60,
        aspects: [{ code: '', name: '', items: [blankItem()] }],
      };
  const toBody = (v: Values): FrameworkInputT => ({
    year: Number(v.year),
    programme: v.programme as FrameworkInputT['programme'],
    name: v.name as string,
    illustrative: !!v.illustrative,
    groups: v.groups as FrameworkInputT['groups'],
    // the cut-offs are fields of their own: the server's error on body.cutoffs shows in the dialog
    cutoffs: { good: Number(v.good), fairlyGood: Number(v.fairlyGood), average: Number(v.average) },
    aspects: (v.aspects as { code: string; name: string; items: ItemValues[] }[]).map((a) => ({
      code: a.code,
      name: a.name,
      items: a.items.map(itemFromForm),
    })),
  });
  // good > fairly good > average, checked here before the server says so
  const above = (lower: string) => [
    ...required(t),
    ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
      validator: (_: unknown, v: unknown) =>
        v == null || getFieldValue(lower) == null || Number(v) > Number(getFieldValue(lower))
          ? Promise.resolve()
          : Promise.reject(new Error(t('assessment.validation.cutoffs'))),
    }),
  ];

  return (
    <SaveModal
      open={open}
      title={framework ? `${t('assessment.framework.edit')} · ${framework.name}` : t('assessment.framework.new')}
      endpoint={framework ? assessmentApi.updateFramework : assessmentApi.createFramework}
      params={framework ? { id: framework.id } : undefined}
      initial={initial}
      toBody={toBody}
      onClose={onClose}
      onSaved={(s) => onSaved(s as FrameworkT)}
      form={form}
      width={980}
    >
      <Row gutter={12}>
        <Col xs={12} md={4}>
          <Form.Item name="year" label={t('assessment.framework.year')} rules={required(t)}>
            <InputNumber min={2000} max={2100} precision={0} {...wide} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="programme" label={t('assessment.framework.programme')} rules={required(t)}>
            <Select options={PROGRAMME_KINDS.map((k) => ({ value: k, label: t(`assessment.programmes.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="name" label={t('assessment.framework.name')} rules={required(t)}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={4}>
          <Form.Item name="illustrative" label=" " valuePropName="checked">
            <Checkbox>{t('assessment.framework.illustrativeField')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('assessment.framework.cutoffs')}
      </Typography.Title>
      <Row gutter={12}>
        <Col xs={8} md={4}>
          <Form.Item name="good" label={t('assessment.grades.good')} dependencies={['fairlyGood']} rules={above('fairlyGood')}>
            <InputNumber min={0} {...wide} />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          <Form.Item name="fairlyGood" label={t('assessment.grades.fairlyGood')} dependencies={['average']} rules={above('average')}>
            <InputNumber min={0} {...wide} />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          <Form.Item name="average" label={t('assessment.grades.average')} rules={required(t)}>
            <InputNumber min={0} {...wide} />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('assessment.framework.groups')}
      </Typography.Title>
      <Form.List name="groups">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row) => (
              <Row key={row.key} gutter={8} wrap={false} align="top">
                <Col flex="120px">
                  <Form.Item name={[row.name, 'key']} rules={required(t)}>
                    <Input placeholder={t('assessment.framework.groupKey')} aria-label={t('assessment.framework.groupKey')} />
                  </Form.Item>
                </Col>
                <Col flex="auto">
                  <Form.Item name={[row.name, 'name']} rules={required(t)}>
                    <Input placeholder={t('assessment.framework.groupName')} aria-label={t('assessment.framework.groupName')} />
                  </Form.Item>
                </Col>
                <Col flex="32px">
                  {rows.length > 1 && (
                    <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(row.name)} aria-label={t('common.delete')} />
                  )}
                </Col>
              </Row>
            ))}
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => add({ key: '', name: '' })}
              style={{ marginBottom: 16 }}
            >
              {t('assessment.framework.addGroup')}
            </Button>
          </>
        )}
      </Form.List>

      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('assessment.framework.aspects')}
      </Typography.Title>
      <Form.List name="aspects">
        {(aspects, { add, remove }) => (
          <>
            {aspects.map((aspect, ai) => (
              <Card
                key={aspect.key}
                size="small"
                style={{ marginBottom: 12 }}
                data-testid={`aspect-${ai}`}
                title={
                  <Row gutter={8} wrap={false} style={{ paddingTop: 8 }}>
                    <Col flex="110px">
                      <Form.Item name={[aspect.name, 'code']} rules={required(t)}>
                        <Input placeholder={t('assessment.framework.aspectCode')} aria-label={t('assessment.framework.aspectCode')} />
                      </Form.Item>
                    </Col>
                    <Col flex="auto">
                      <Form.Item name={[aspect.name, 'name']} rules={required(t)}>
                        <Input placeholder={t('assessment.framework.aspectName')} aria-label={t('assessment.framework.aspectName')} />
                      </Form.Item>
                    </Col>
                  </Row>
                }
                extra={
                  aspects.length > 1 && (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      onClick={() => remove(aspect.name)}
                      aria-label={t('assessment.framework.removeAspect')}
                    />
                  )
                }
              >
                <Form.List name={[aspect.name, 'items']}>
                  {(items, itemOps) => (
                    <>
                      {items.map((item, ii) => (
                        <ItemFields
                          key={item.key}
                          path={['aspects', aspect.name, 'items', item.name]}
                          name={item.name}
                          index={ii}
                          indicators={indicators}
                          onRemove={items.length > 1 ? () => itemOps.remove(item.name) : undefined}
                        />
                      ))}
                      <Button type="dashed" size="small" block icon={<PlusOutlined />} onClick={() => itemOps.add(blankItem())}>
                        {t('assessment.framework.addItem')}
                      </Button>
                    </>
                  )}
                </Form.List>
              </Card>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ code: '', name: '', items: [blankItem()] })}>
              {t('assessment.framework.addAspect')}
            </Button>
          </>
        )}
      </Form.List>
    </SaveModal>
  );
}

/** One item of an aspect: what it is, its points, and (for a live indicator) how its completion scores. */
function ItemFields({
  path,
  name,
  index,
  indicators,
  onRemove,
}: {
  path: (string | number)[];
  name: number;
  index: number;
  indicators: { value: string; label: string }[];
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const kind = Form.useWatch([...path, 'kind'], form) as FrameworkItemT['kind'] | undefined;
  const ruleType = Form.useWatch([...path, 'ruleType'], form) as string | undefined;
  const live = isLive(kind);
  return (
    <div
      style={{ borderBottom: '1px dashed #e5e5e5', marginBottom: 12, paddingBottom: 4, position: 'relative' }}
      data-testid={`item-${path[1]}-${index}`}
    >
      <Row gutter={8}>
        <Col xs={10} md={4}>
          <Form.Item name={[name, 'code']} label={t('assessment.framework.itemCode')} rules={required(t)}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={14} md={8}>
          <Form.Item name={[name, 'name']} label={t('assessment.framework.itemName')} rules={required(t)}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={14} md={6}>
          <Form.Item name={[name, 'kind']} label={t('assessment.framework.kind')} rules={required(t)}>
            <Select options={ITEM_KINDS.map((k) => ({ value: k, label: t(`assessment.kinds.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={10} md={onRemove ? 5 : 6}>
          <Form.Item name={[name, 'maxPoints']} label={t('assessment.framework.maxPoints')} rules={required(t)}>
            <InputNumber min={0} max={100} {...wide} />
          </Form.Item>
        </Col>
        {onRemove && (
          <Col xs={24} md={1} style={{ textAlign: 'right' }}>
            <Button
              type="text"
              icon={<MinusCircleOutlined />}
              onClick={onRemove}
              aria-label={`${t('common.delete')} ${index + 1}`}
              style={{ marginTop: 30 }}
            />
          </Col>
        )}
      </Row>
      {live && (
        <Row gutter={8}>
          <Col xs={24} md={10}>
            <Form.Item name={[name, 'indicator']} label={t('assessment.framework.indicator')} rules={required(t)}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={indicators} />
            </Form.Item>
          </Col>
          <Col xs={14} md={7}>
            <Form.Item name={[name, 'ruleType']} label={t('assessment.framework.ruleType')}>
              <Select options={['none', ...RULE_TYPES].map((k) => ({ value: k, label: t(`assessment.framework.ruleTypes.${k}`) }))} />
            </Form.Item>
          </Col>
          {ruleType === 'capped' && (
            <Col xs={10} md={7}>
              <Form.Item name={[name, 'perUnit']} label={t('assessment.framework.perUnit')} rules={required(t)}>
                <InputNumber min={0.01} {...wide} />
              </Form.Item>
            </Col>
          )}
        </Row>
      )}
      {live && ruleType === 'bands' && (
        <Form.List name={[name, 'bands']}>
          {(bands, ops) => (
            <Space direction="vertical" size={0} style={{ width: '100%', marginBottom: 8 }}>
              {bands.map((b) => (
                <Space key={b.key} wrap align="start">
                  <Form.Item name={[b.name, 'atLeast']} rules={required(t)} style={{ marginBottom: 8 }}>
                    <InputNumber min={0} prefix="≥" suffix="%" aria-label={t('assessment.framework.atLeast')} />
                  </Form.Item>
                  <Form.Item name={[b.name, 'fraction']} rules={required(t)} style={{ marginBottom: 8 }}>
                    <InputNumber min={0} max={100} prefix="→" suffix="%" aria-label={t('assessment.framework.fraction')} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => ops.remove(b.name)} aria-label={t('common.delete')} />
                </Space>
              ))}
              <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => ops.add({})}>
                {t('assessment.framework.addBand')}
              </Button>
            </Space>
          )}
        </Form.List>
      )}
      <Row gutter={8}>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'guide']} label={t('assessment.framework.guide')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'evidence']} label={t('assessment.framework.evidence')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
}
