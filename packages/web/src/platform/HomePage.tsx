// The landing page after sign-in. (The indicators module replaces its body with the dashboard.)
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth';
import { Dashboard } from '../modules/indicators';

export function HomePage() {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  if (can('indicators.read')) return <Dashboard />;
  return (
    <Card>
      <Typography.Title level={4}>{t('home.greeting', { name: me?.displayName })}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.hint')}</Typography.Paragraph>
    </Card>
  );
}
