// Admin: 节假日与调休 — the weekdays off and the weekend days worked instead, year by year; the
// monitoring procedure clocks count working days with it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { calendarApi } from '@xiezuo/shared/contracts/calendar';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, fieldErrors } from '../app/api';
import { formatDate } from '../app/format';

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

export function CalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const [form] = Form.useForm<{ day: Dayjs; work: boolean; name: string }>();
  const key = ['calendar', year];
  const { data, isLoading } = useQuery({ queryKey: key, queryFn: () => call(calendarApi.days, { query: { year } }) });
  const refresh = () => client.invalidateQueries({ queryKey: ['calendar'] });
  const remove = useMutation({ mutationFn: (day: string) => call(calendarApi.removeDay, { params: { day } }), onSuccess: refresh });
  const weekdays = t('calendar.weekdays', { returnObjects: true }) as string[];

  const add = async () => {
    const v = await form.validateFields().catch(() => null); // the form shows what is missing under its fields
    if (!v) return;
    const day = v.day.format('YYYY-MM-DD');
    try {
      await call(calendarApi.putDay, { params: { day }, body: { work: v.work, name: v.name } });
      message.success(t('calendar.saved'));
      form.resetFields(['day', 'name']);
      setYear(Number(day.slice(0, 4)));
      await refresh();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.body.details.length === 0) message.error(e.message);
      else form.setFields(fieldErrors(e.body.details) as never); // params.day / body.name under their fields
    }
  };

  return (
    <Card
      title={t('calendar.title')}
      extra={<InputNumber aria-label={t('calendar.year')} value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} />}
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="info" showIcon message={t('calendar.hint')} />
        <Form form={form} layout="inline" initialValues={{ work: false }} data-testid="calendar-form">
          <Form.Item name="day" label={t('calendar.day')} rules={[{ required: true, message: t('validation.required') }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="work" label={t('calendar.kind')}>
            <Select
              style={{ width: 150 }}
              options={[
                { value: false, label: t('calendar.off') },
                { value: true, label: t('calendar.work') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('calendar.name')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input style={{ width: 160 }} placeholder={t('calendar.namePlaceholder')} />
          </Form.Item>
          <Button type="primary" onClick={add}>
            {t('calendar.add')}
          </Button>
        </Form>
        <Table
          rowKey="day"
          size="small"
          loading={isLoading}
          dataSource={data}
          pagination={false}
          scroll={{ x: 600 }}
          columns={[
            { title: t('calendar.day'), dataIndex: 'day', render: (d: string) => formatDate(d) },
            { title: t('calendar.weekday'), dataIndex: 'day', render: (d: string) => weekdays[weekday(d)] },
            {
              title: t('calendar.kind'),
              dataIndex: 'work',
              render: (w: boolean) => (w ? <Tag color="blue">{t('calendar.work')}</Tag> : <Tag color="red">{t('calendar.off')}</Tag>),
            },
            { title: t('calendar.name'), dataIndex: 'name' },
            {
              title: t('common.actions'),
              render: (_, r) => (
                <Popconfirm title={t('calendar.removeConfirm')} onConfirm={() => remove.mutate(r.day)}>
                  <Button size="small" danger>
                    {t('calendar.remove')}
                  </Button>
                </Popconfirm>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
