// Admin: users, their roles and scope; a new user gets a one-time password shown once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminApi } from '@xiezuo/shared/contracts/auth';
import type { BodyOf } from '@xiezuo/shared/contracts/endpoint';
import { ROLES } from '@xiezuo/shared/roles';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, fieldErrors } from '../app/api';
import { formatDateTime } from '../app/format';

type UserPatch = BodyOf<typeof adminApi.updateUser>;

export function UsersPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ username: string; password: string } | null>(null);
  const { data, isLoading } = useQuery({ queryKey: ['admin', 'users'], queryFn: () => call(adminApi.users) });
  const refresh = () => client.invalidateQueries({ queryKey: ['admin', 'users'] });
  const backup = useQuery({ queryKey: ['admin', 'backup'], queryFn: () => call(adminApi.backup) });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: number; body: UserPatch }) => call(adminApi.updateUser, { params: { id }, body }),
    onSuccess: refresh,
  });

  const create = async () => {
    const v = await form.validateFields().catch(() => null); // the form shows what is missing under its fields
    if (!v) return;
    const body = {
      username: v.username,
      displayName: v.displayName,
      role: v.role,
      scopeAll: !!v.scopeAll,
      scopeDivisions: (v.scopeDivisions ?? '').split(/[\s,，、]+/).filter(Boolean),
      scopeTeams: (v.scopeTeams ?? '')
        .split(/[\s,，、]+/)
        .filter(Boolean)
        .map(Number),
    };
    try {
      const res = await call(adminApi.createUser, { body });
      setCreated({ username: body.username, password: res.initialPassword });
      setOpen(false);
      form.resetFields();
      refresh();
    } catch (e) {
      if (e instanceof ApiError) form.setFields(fieldErrors(e.body.details));
    }
  };

  return (
    <Card
      title={t('admin.users')}
      extra={
        <Button type="primary" onClick={() => setOpen(true)}>
          {t('admin.newUser')}
        </Button>
      }
    >
      {backup.data?.stale && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="backup-warning"
          message={
            backup.data.last
              ? t('admin.backupStale', { last: formatDateTime(backup.data.last.at), dir: backup.data.dir ?? '' })
              : t('admin.backupNever', { dir: backup.data.dir ?? '' })
          }
        />
      )}
      {created && (
        <Alert
          type="success"
          closable
          onClose={() => setCreated(null)}
          style={{ marginBottom: 12 }}
          message={
            <span>
              {created.username} · {t('admin.initialPassword')}:{' '}
              <Typography.Text code copyable>
                {created.password}
              </Typography.Text>
            </span>
          }
        />
      )}
      <Table
        rowKey="id"
        loading={isLoading}
        dataSource={data}
        scroll={{ x: 800 }}
        columns={[
          { title: t('auth.username'), dataIndex: 'username' },
          { title: t('admin.displayName'), dataIndex: 'displayName' },
          {
            title: t('admin.role'),
            render: (_, r) => (
              <Select
                size="small"
                value={r.role}
                style={{ width: 150 }}
                onChange={(role) => update.mutate({ id: r.id, body: { role } })}
                options={ROLES.map((x) => ({ value: x, label: t(`roles.${x}`) }))}
              />
            ),
          },
          {
            title: t('admin.scope'),
            render: (_, r) =>
              r.scopeAll
                ? t('shell.allScope')
                : (r.scopeNames ?? [...r.scopeDivisions, ...r.scopeTeams.map((id) => `#${id}`)]).join('、') || '—',
          },
          {
            title: t('common.status'),
            render: (_, r) => (
              <Space>
                {r.disabled ? (
                  <Tag>{t('admin.disabled')}</Tag>
                ) : r.locked ? (
                  <Tag color="red">{t('admin.locked')}</Tag>
                ) : (
                  <Tag color="green">{t('admin.active')}</Tag>
                )}
                {r.locked && (
                  <Button size="small" onClick={() => update.mutate({ id: r.id, body: { unlock: true } })}>
                    {t('admin.unlock')}
                  </Button>
                )}
              </Space>
            ),
          },
          {
            title: t('admin.disabled'),
            render: (_, r) => (
              <Switch size="small" checked={r.disabled} onChange={(disabled) => update.mutate({ id: r.id, body: { disabled } })} />
            ),
          },
          { title: t('admin.createdAt'), render: (_, r) => formatDateTime(r.createdAt) },
        ]}
      />
      <Modal
        open={open}
        title={t('admin.newUser')}
        onOk={create}
        onCancel={() => setOpen(false)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
      >
        <Form form={form} layout="vertical" initialValues={{ role: 'team_member' }}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="displayName" label={t('admin.displayName')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('admin.role')}>
            <Select options={ROLES.map((x) => ({ value: x, label: t(`roles.${x}`) }))} />
          </Form.Item>
          <Form.Item name="scopeAll" label={t('shell.allScope')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="scopeDivisions" label={t('admin.scopeDivisions')}>
            <Input placeholder="441481102000" />
          </Form.Item>
          <Form.Item name="scopeTeams" label={t('admin.scopeTeams')}>
            <Input placeholder="3, 5" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
