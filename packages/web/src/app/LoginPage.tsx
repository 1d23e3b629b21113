// Sign-in: username and password; errors in the words the server chose (wrong password, locked …).
import { useQueryClient } from '@tanstack/react-query';
import { authApi } from '@xiezuo/shared/contracts/auth';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, call } from './api';
import { switchLanguage } from './i18n';

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await call(authApi.login, { body: values });
      await client.refetchQueries({ queryKey: ['me'] });
      navigate('/');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.INTERNAL'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg,#e6f4ff,#fff7e6)',
        padding: 12,
      }}
    >
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Segmented
            size="small"
            value={i18n.language}
            onChange={(v) => switchLanguage(v as 'zh-CN' | 'en')}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'EN', value: 'en' },
            ]}
          />
        </div>
        <Typography.Paragraph type="secondary">{t('app.fullName')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
          {t('auth.demoHint')}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
