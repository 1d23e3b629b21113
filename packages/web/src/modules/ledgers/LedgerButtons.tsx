// Buttons a module's list page puts in its toolbar: import (opens the dialog) and export (the current
// filters and scope, in the template layout). Both hide themselves when the role may not use them.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { ImportStatus } from '@xiezuo/shared/contracts/ledgers';
import type { Permission } from '@xiezuo/shared/roles';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { exportLedger } from './api';
import { LedgerImportDialog } from './LedgerImportDialog';

export function LedgerImportButton(props: { ledgerKey: string; title?: string; permission?: Permission; onCommitted?(s: ImportStatus): void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [open, setOpen] = useState(false);
  if (!can(props.permission ?? 'ledgers.import')) return null;
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        {t('ledgers.dialog.import')}
      </Button>
      <LedgerImportDialog ledgerKey={props.ledgerKey} title={props.title} open={open} onClose={() => setOpen(false)} onCommitted={props.onCommitted} />
    </>
  );
}

export function LedgerExportButton(props: { ledgerKey: string; filters?: Record<string, string | number | boolean | undefined | null>; reveal?: boolean; permission?: Permission }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (!can(props.permission ?? 'ledgers.export')) return null;
  const run = async () => {
    setBusy(true);
    try {
      await exportLedger(props.ledgerKey, props.filters, props.reveal);
    } catch (e) {
      message.error((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={run}>
      {t('ledgers.dialog.export')}
    </Button>
  );
}
