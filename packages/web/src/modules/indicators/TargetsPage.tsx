// 目标任务: targets per unit, indicator and period, with progress; split a target among the children.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { indicatorsApi, type TargetRowT } from '@xiezuo/shared/contracts/indicators';
import { formatPercent } from '@xiezuo/shared/format';
import { periodLabel } from '@xiezuo/shared/indicators/periods';
import { App, Button, Card, Form, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { NodeSelect, useNodeOptions } from './NodeSelect';
import { defaultPeriod, PeriodPicker } from './PeriodPicker';

function SplitModal({ target, onClose }: { target: TargetRowT; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { data } = useNodeOptions(target.node, target.period);
  const [values, setValues] = useState<Record<string, number>>({});
  const sum = Object.values(values).reduce((s, v) => s + (v ?? 0), 0);
  const save = useMutation({
    mutationFn: () =>
      call(indicatorsApi.splitTarget, {
        body: {
          node: target.node,
          indicator: target.indicator,
          period: target.period,
          children: Object.entries(values).map(([node, value]) => ({ node, value })),
        },
      }),
    onSuccess: () => {
      message.success(t('indicators.targets.saved'));
      void client.invalidateQueries({ queryKey: ['indicators'] });
      onClose();
    },
    onError: (e) => message.error(e instanceof ApiError ? (e.body.details[0]?.message ?? e.message) : String(e)),
  });
  return (
    <Modal
      open
      title={t('indicators.targets.splitTitle', { name: `${target.nodeName} · ${target.indicatorName}` })}
      onCancel={onClose}
      onOk={() => save.mutate()}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {data?.children.map((c) => (
          <Space key={c.node} style={{ width: '100%', justifyContent: 'space-between' }}>
            <span>{c.name}</span>
            <InputNumber min={0} value={values[c.node]} onChange={(v) => setValues({ ...values, [c.node]: Number(v ?? 0) })} />
          </Space>
        ))}
        <Typography.Text type={sum > target.value ? 'danger' : 'secondary'}>
          {sum > target.value
            ? t('indicators.targets.over', { n: sum - target.value })
            : t('indicators.targets.remainder', { n: target.value - sum })}
        </Typography.Text>
      </Space>
    </Modal>
  );
}

export function TargetsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const client = useQueryClient();
  const [period, setPeriod] = useState(defaultPeriod());
  const [node, setNode] = useState<string>();
  const [splitting, setSplitting] = useState<TargetRowT>();
  const [form] = Form.useForm<{ indicator: string; value: number }>();
  const { data: catalogue } = useQuery({ queryKey: ['indicators', 'catalogue'], queryFn: () => call(indicatorsApi.catalogue) });
  const { data: opening } = useNodeOptions(node, period);
  const current = node ?? opening?.node.node;
  const query = { period, node: current };
  const { data: rows, isLoading } = useQuery({
    queryKey: ['indicators', 'targets', query],
    queryFn: () => call(indicatorsApi.targets, { query }),
    enabled: !!current,
  });
  const save = useMutation({
    mutationFn: (v: { indicator: string; value: number }) => call(indicatorsApi.putTarget, { body: { node: current!, period, ...v } }),
    onSuccess: () => {
      message.success(t('indicators.targets.saved'));
      form.resetFields();
      void client.invalidateQueries({ queryKey: ['indicators'] });
    },
    onError: (e) => message.error(e instanceof ApiError ? (e.body.details[0]?.message ?? e.message) : String(e)),
  });
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';

  return (
    <Card title={t('indicators.targets.title')} extra={<PeriodPicker value={period} onChange={setPeriod} />}>
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        <Space wrap>
          <NodeSelect value={current} onChange={setNode} period={period} />
          {can('targets.write') && (
            <Form form={form} layout="inline" onFinish={(v) => save.mutate(v)}>
              <Form.Item name="indicator" rules={[{ required: true, message: t('validation.required') }]}>
                <Select
                  style={{ width: 200 }}
                  placeholder={t('indicators.indicator')}
                  options={catalogue?.filter((c) => c.measure !== 'ratio').map((c) => ({ value: c.code, label: c.name }))}
                />
              </Form.Item>
              <Form.Item name="value" rules={[{ required: true, message: t('validation.required') }]}>
                <InputNumber min={0} placeholder={t('indicators.target')} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {t('indicators.targets.add')}
              </Button>
            </Form>
          )}
        </Space>
        <Table
          rowKey="id"
          size="small"
          loading={isLoading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('indicators.node'), dataIndex: 'nodeName' },
            { title: t('indicators.indicator'), dataIndex: 'indicatorName' },
            { title: t('indicators.period'), dataIndex: 'period', render: (p: string) => periodLabel(p, lang) },
            { title: t('indicators.target'), dataIndex: 'value', align: 'right' },
            { title: t('indicators.value'), dataIndex: 'actual', align: 'right', render: (v: number | null) => v ?? '—' },
            {
              title: t('indicators.progress'),
              render: (_, r) =>
                r.progress == null ? (
                  '—'
                ) : (
                  <Tag
                    color={r.behind ? 'orange' : 'green'}
                  >{`${formatPercent(r.progress)} ${r.behind ? t('indicators.behind') : t('indicators.onTrack')}`}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              render: (_, r) =>
                can('targets.write') && r.node === current ? (
                  <Button size="small" onClick={() => setSplitting(r)}>
                    {t('indicators.targets.split')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Space>
      {splitting && <SplitModal target={splitting} onClose={() => setSplitting(undefined)} />}
    </Card>
  );
}
