// A masked ID number with a 查看 button for roles that may reveal it; the server audits each reveal.
import { Alert, Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';

export function MaskedId({ name, masked, reveal }: { name: string; masked: string; reveal: () => Promise<{ idNumber: string }> }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [shown, setShown] = useState<string | null>(null);
  return (
    <Space size={4} style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text code>{masked}</Typography.Text>
      {can('sensitive.reveal') && (
        <Button size="small" type="link" onClick={async () => setShown((await reveal()).idNumber)}>
          {t('labour.reveal')}
        </Button>
      )}
      <Modal open={!!shown} title={`${t('labour.revealTitle')} · ${name}`} onCancel={() => setShown(null)} footer={null}>
        <Typography.Title level={4} copyable>
          {shown}
        </Typography.Title>
        <Alert type="info" showIcon message={t('labour.revealHint')} />
      </Modal>
    </Space>
  );
}
