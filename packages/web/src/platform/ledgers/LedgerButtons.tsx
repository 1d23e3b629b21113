// Buttons a module's list page puts in its toolbar: import (opens the dialog) and export (the current
// filters and scope, in the template layout). Both hide themselves when the role may not use them.
import { DownloadOutlined, DownOutlined, EyeOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { ImportStatus } from '@xiezuo/shared/contracts/ledgers';
import type { Permission } from '@xiezuo/shared/roles';
import { App, Button, Dropdown, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { exportLedger, type LedgerFilters, ledgerList } from './api';
import { LedgerImportDialog } from './LedgerImportDialog';

export function LedgerImportButton(props: {
  ledgerKey: string;
  title?: string;
  /** The button's label (by default 导入): a page with two ledgers names which one. */
  label?: ReactNode;
  permission?: Permission;
  onCommitted?(s: ImportStatus): void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [open, setOpen] = useState(false);
  if (!can(props.permission ?? 'ledgers.import')) return null;
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        {props.label ?? t('ledgers.dialog.import')}
      </Button>
      <LedgerImportDialog
        ledgerKey={props.ledgerKey}
        title={props.title}
        open={open}
        onClose={() => setOpen(false)}
        onCommitted={props.onCommitted}
      />
    </>
  );
}

/**
 * Export of the list as filtered. Sensitive columns come masked; whoever may reveal them also gets
 * "export with sensitive data" — needed to edit and re-import such a ledger — which the server audits.
 */
export function LedgerExportButton(props: { ledgerKey: string; filters?: LedgerFilters; permission?: Permission; label?: ReactNode }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const mayReveal = can('sensitive.reveal');
  const { data } = useQuery({ queryKey: ['ledgers'], queryFn: ledgerList, enabled: mayReveal });
  if (!can(props.permission ?? 'ledgers.export')) return null;
  const sensitive = !!data?.items.find((l) => l.key === props.ledgerKey)?.columns.some((c) => c.sensitive);
  const run = async (reveal: boolean) => {
    setBusy(true);
    try {
      await exportLedger(props.ledgerKey, props.filters, reveal);
    } catch (e) {
      message.error((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  if (!mayReveal || !sensitive) {
    return (
      <Button icon={<DownloadOutlined />} loading={busy} onClick={() => run(false)}>
        {props.label ?? t('ledgers.dialog.export')}
      </Button>
    );
  }
  return (
    <Space.Compact>
      <Button icon={<DownloadOutlined />} loading={busy} onClick={() => run(false)}>
        {props.label ?? t('ledgers.dialog.export')}
      </Button>
      <Dropdown
        menu={{ items: [{ key: 'reveal', icon: <EyeOutlined />, label: t('ledgers.dialog.exportRevealed') }], onClick: () => run(true) }}
      >
        <Button icon={<DownOutlined />} disabled={busy} aria-label={t('ledgers.dialog.exportRevealed')} />
      </Dropdown>
    </Space.Compact>
  );
}
