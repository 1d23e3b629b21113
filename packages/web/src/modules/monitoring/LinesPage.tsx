// 监测收入标准: the monitoring line by province and year (used by the elimination check); admins keep it.
import { useQuery } from '@tanstack/react-query';
import { type Line, monitoringApi } from '@xiezuo/shared/contracts/monitoring';
import { App, Button, Card, Form, Input, InputNumber, Space, Switch, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatAmount } from '../../app/format';

export function LinesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { data, isLoading, refetch } = useQuery({ queryKey: ['monitoring', 'lines'], queryFn: () => call(monitoringApi.lines) });
  const save = async () => {
    const v = await form.validateFields().catch(() => null); // the form shows what is missing under its fields
    if (!v) return;
    try {
      await call(monitoringApi.putLine, { body: { ...v, demo: !!v.demo, note: v.note || undefined } });
      message.success(t('monitoring.review.done'));
      refetch();
    } catch (e) {
      if (e instanceof ApiError) form.setFields(e.body.details.map((d) => ({ name: d.path.slice(5).split('.')[0], errors: [d.message] })));
    }
  };
  return (
    <Card title={t('monitoring.lines.title')}>
      {can('admin.users') && (
        <Form form={form} layout="inline" style={{ marginBottom: 12, rowGap: 8 }} initialValues={{ year: new Date().getFullYear() }}>
          <Form.Item
            name="provinceCode"
            label={t('monitoring.lines.province')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input style={{ width: 70 }} placeholder="44" maxLength={2} />
          </Form.Item>
          <Form.Item name="year" label={t('monitoring.lines.year')} rules={[{ required: true, message: t('validation.required') }]}>
            <InputNumber style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="amount" label={t('monitoring.lines.amount')} rules={[{ required: true, message: t('validation.required') }]}>
            <InputNumber min={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="demo" label={t('monitoring.lines.demo')} valuePropName="checked">
            <Switch size="small" />
          </Form.Item>
          <Form.Item name="note">
            <Input placeholder={t('common.remark')} />
          </Form.Item>
          <Space>
            <Button type="primary" onClick={save}>
              {t('common.save')}
            </Button>
          </Space>
        </Form>
      )}
      <Table<Line>
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={data}
        pagination={false}
        columns={[
          { title: t('monitoring.lines.province'), dataIndex: 'provinceCode' },
          { title: t('monitoring.lines.year'), dataIndex: 'year' },
          { title: t('monitoring.lines.amount'), render: (_, l) => formatAmount(l.amount, '元') },
          {
            title: t('common.remark'),
            render: (_, l) => (
              <Space>
                {l.demo && <Tag color="cyan">{t('monitoring.lines.demo')}</Tag>}
                {l.note}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}
