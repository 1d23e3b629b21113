// 待上传 at a glance: no-signal banner, 「3 条待上传」, uploads refused with the server's reason, and what the
// server reconciled (a member left, a risk closed meanwhile …) until the cadre dismisses it.
import { CloudUploadOutlined, DisconnectOutlined } from '@ant-design/icons';
import type { Reconciled } from '@xiezuo/shared/contracts/monitoring';
import { Alert, Button, Space, Spin, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { dismissNotices, retryRefused } from './queue';
import { useOnline, useQueue } from './useOffline';

/** One reconciliation in words: enum values in params (risk kinds, statuses, reasons) translated. */
export function reconciledText(t: TFunction, r: Reconciled): string {
  const p = { ...r.params };
  if (r.kind === 'riskAlreadyClosed' || r.kind === 'riskAlreadyOpen') p.kind = t(`monitoring.risks.${p.kind}`);
  if (r.kind === 'statusChanged') Object.assign(p, { from: t(`monitoring.statuses.${p.from}`), to: t(`monitoring.statuses.${p.to}`) });
  if (r.kind === 'memberLeft') p.reason = t(`monitoring.leftReasons.${p.reason}`);
  return t(`monitoring.offline.kinds.${r.kind}`, p);
}

export function QueueBar() {
  const { t } = useTranslation();
  const online = useOnline();
  const q = useQueue();
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }} data-testid="queue-bar">
      {!online && <Alert type="warning" showIcon icon={<DisconnectOutlined />} message={t('monitoring.offline.offlineNow')} />}
      {q.pending > 0 && (
        <Tag icon={q.uploading ? <Spin size="small" /> : <CloudUploadOutlined />} color="orange" data-testid="queue-pending">
          {q.uploading ? t('monitoring.offline.uploading') : t('monitoring.offline.pending', { count: q.pending })}
        </Tag>
      )}
      {q.otherUser > 0 && <Alert type="info" message={t('monitoring.offline.otherUser', { n: q.otherUser })} />}
      {q.failed.length > 0 && (
        <Alert
          type="error"
          message={t('monitoring.offline.failed', {
            n: q.failed.length,
            reason: q.failed.map((f) => `${f.label}：${f.reason}`).join('；'),
          })}
          action={
            <Button size="small" onClick={() => void retryRefused()}>
              {t('monitoring.offline.retry')}
            </Button>
          }
        />
      )}
      {q.notices.length > 0 && (
        <Alert
          type="info"
          data-testid="reconciled"
          message={t('monitoring.offline.reconciled')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {q.notices.flatMap((n) =>
                n.reconciled.map((r) => (
                  <li key={`${n.clientId}-${r.kind}-${r.id}`}>
                    {n.label}：{reconciledText(t, r)}
                  </li>
                )),
              )}
            </ul>
          }
          action={
            <Button size="small" onClick={() => void dismissNotices()}>
              {t('monitoring.offline.dismiss')}
            </Button>
          }
        />
      )}
    </Space>
  );
}
