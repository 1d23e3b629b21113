// The import dialog (台账导入) any list page can open: choose a file → the server checks it in the
// background (progress shown) → preview with counts and every problem → import all, or only the valid
// rows and download the rejected ones to fix.
import { InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Progress, Space, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../app/api';
import { commitImport, downloadErrors, downloadTemplate, type ImportStatus, importStatus, isBusy, uploadLedger } from './api';

export interface LedgerImportDialogProps {
  ledgerKey: string;
  title?: string;
  open: boolean;
  onClose(): void;
  /** Called once rows were written, e.g. to refresh the list behind the dialog. */
  onCommitted?(status: ImportStatus): void;
}

export function LedgerImportDialog({ ledgerKey, title, open, onClose, onCommitted }: LedgerImportDialogProps) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [id, setId] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [sending, setSending] = useState(false);
  const { data: status } = useQuery({
    queryKey: ['ledger-import', id],
    queryFn: async () => {
      const s = await importStatus(id!);
      if (s.status === 'committed') onCommitted?.(s);
      return s;
    },
    enabled: !!id,
    refetchInterval: (q) => (isBusy(q.state.data) || !q.state.data ? 500 : false),
  });

  const reset = () => {
    setId(null);
    setError(null);
  };
  const close = () => {
    reset();
    onClose();
  };
  const start = async (file: File) => {
    reset();
    setSending(true);
    try {
      setId((await uploadLedger(ledgerKey, file)).id);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setSending(false);
    }
    return false;
  };
  const commit = async (mode: 'all-or-nothing' | 'valid-rows') => {
    try {
      setError(null);
      const s = await commitImport(id!, mode);
      qc.setQueryData(['ledger-import', id], s);
    } catch (e) {
      setError(e as ApiError);
    }
  };

  const fileError = status?.error && status.status === 'failed' ? status.error : null;
  const commitError = status?.error && status.status === 'ready' ? status.error : null;
  return (
    <Modal
      open={open}
      onCancel={close}
      title={title ?? t('ledgers.dialog.import')}
      footer={null}
      width={860}
      destroyOnHidden
      data-testid="ledger-import-dialog"
    >
      {!id && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Upload.Dragger accept=".xlsx,.csv" showUploadList={false} beforeUpload={start} disabled={sending}>
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('ledgers.dialog.choose')}</p>
            <p className="ant-upload-hint">{t('ledgers.dialog.hint')}</p>
          </Upload.Dragger>
          <Button type="link" onClick={() => downloadTemplate(ledgerKey)} style={{ padding: 0 }}>
            {t('ledgers.dialog.template')}
          </Button>
        </Space>
      )}
      {error && <ErrorAlert error={error.body} />}
      {fileError && <ErrorAlert error={fileError} />}
      {status && !fileError && <ImportPreview status={status} />}
      {commitError && <ErrorAlert error={commitError} />}
      {status && (
        <Flex gap={8} wrap justify="flex-end" style={{ marginTop: 16 }}>
          {status.rejected > 0 && status.status !== 'reading' && (
            <Button onClick={() => downloadErrors(status.id)}>{t('ledgers.dialog.downloadErrors')}</Button>
          )}
          {status.status === 'ready' && (
            <>
              <Button onClick={() => commit('valid-rows')} disabled={status.valid === 0} title={t('ledgers.dialog.commitValidHint')}>
                {t('ledgers.dialog.commitValid')}
              </Button>
              <Button
                type="primary"
                onClick={() => commit('all-or-nothing')}
                disabled={status.rejected > 0}
                title={t('ledgers.dialog.commitAllHint')}
              >
                {t('ledgers.dialog.commitAll')}
              </Button>
            </>
          )}
          {(status.status === 'committed' || status.status === 'failed') && <Button onClick={reset}>{t('ledgers.dialog.again')}</Button>}
        </Flex>
      )}
    </Modal>
  );
}

function ErrorAlert({ error }: { error: { message: string; details: { message: string }[] } }) {
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginTop: 12 }}
      message={error.message}
      description={error.details.length ? error.details.map((d) => <div key={d.message}>{d.message}</div>) : undefined}
    />
  );
}

function ImportPreview({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  const busy = isBusy(status);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Text type="secondary">
        {status.fileName} · {t(`ledgers.status.${status.status}`)}
      </Typography.Text>
      {busy && <Progress percent={100} status="active" showInfo={false} />}
      {busy && !!status.queuePosition && (
        <Alert
          type="info"
          showIcon
          data-testid="ledger-import-queued"
          message={t('ledgers.dialog.queued', { count: status.queuePosition })}
        />
      )}
      <Typography.Text data-testid="ledger-import-progress">
        {t('ledgers.dialog.progress', { read: status.rowsRead, valid: status.valid, rejected: status.rejected })}
      </Typography.Text>
      {status.status === 'committed' ? (
        <Alert
          type="success"
          showIcon
          message={
            status.inserted || status.updated
              ? t('ledgers.dialog.committed', { inserted: status.inserted, updated: status.updated })
              : t('ledgers.dialog.nothingToDo')
          }
        />
      ) : (
        <Flex gap={24} wrap>
          <Statistic title={t('ledgers.dialog.toInsert')} value={status.toInsert} />
          <Statistic title={t('ledgers.dialog.toUpdate')} value={status.toUpdate} />
          <Statistic title={t('ledgers.dialog.unchanged')} value={status.unchanged} />
          <Statistic title={t('ledgers.dialog.skipped')} value={status.skipped} />
          <Statistic
            title={t('ledgers.dialog.rejected')}
            value={status.rejected}
            valueStyle={status.rejected ? { color: '#cf1322' } : undefined}
          />
        </Flex>
      )}
      {status.status === 'ready' && <ColumnsSaid status={status} />}
      {status.problems.length > 0 && status.status !== 'committed' && (
        <>
          <Typography.Text strong>{t('ledgers.dialog.problems', { count: status.problemCount })}</Typography.Text>
          <Table
            size="small"
            rowKey={(p, i) => `${p.row}-${p.col}-${i}`}
            dataSource={status.problems}
            pagination={{ pageSize: 10, showSizeChanger: false, hideOnSinglePage: true }}
            scroll={{ x: 500 }}
            columns={[{ title: t('ledgers.dialog.problemColumn'), dataIndex: 'message' }]}
          />
          {status.problemCount > status.problems.length && (
            <Typography.Text type="secondary">{t('ledgers.dialog.moreProblems', { shown: status.problems.length })}</Typography.Text>
          )}
        </>
      )}
    </Space>
  );
}

/** What the check did with the columns: those it ignored, those the file lacked, and the defaults new records get. */
function ColumnsSaid({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  const ignored = status.ignoredColumns ?? [];
  const missing = status.missingColumns ?? [];
  const defaults = status.defaults ?? [];
  if (!ignored.length && !missing.length) return null;
  return (
    <Alert
      type="info"
      data-testid="ledger-import-columns"
      message={
        <Space direction="vertical" size={2}>
          {ignored.length > 0 && <span>{t('ledgers.dialog.ignoredColumns', { columns: ignored.join('、') })}</span>}
          {missing.length > 0 && <span>{t('ledgers.dialog.missingColumns', { columns: missing.join('、') })}</span>}
          {defaults.map((d) => (
            <span key={d.header}>{t('ledgers.dialog.defaults', d)}</span>
          ))}
        </Space>
      }
    />
  );
}
