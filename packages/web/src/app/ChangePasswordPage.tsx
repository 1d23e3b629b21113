// Password change; forced after sign-in with an initial password or when the MLPS profile says it is due.

import { authApi } from '@xiezuo/shared/contracts/auth';
import { Alert, Button, Card, Form, Input, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, call, fieldErrors } from './api';
import { useAuth } from './auth';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { me, refresh } = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);

  const submit = async (v: { currentPassword: string; newPassword: string }) => {
    setError(null);
    try {
      await call(authApi.changePassword, { body: { currentPassword: v.currentPassword, newPassword: v.newPassword } });
      message.success(t('auth.changed'));
      await refresh();
      navigate('/');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e.message);
      form.setFields(fieldErrors(e.body.details));
    }
  };

  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 12 }}>
      <Card title={t('auth.changePassword')} style={{ width: 420, maxWidth: '100%' }}>
        {me?.mustChangePassword && <Alert type="warning" showIcon message={t('auth.mustChange')} style={{ marginBottom: 16 }} />}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="currentPassword"
            label={t('auth.currentPassword')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('auth.newPassword')}
            extra={t('password.minLength', { min: me?.passwordRules.minLength ?? 12 })}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('auth.confirmPassword')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('validation.required') },
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('auth.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
