// Admin: sessions still open, with a button to end one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminApi } from '@xiezuo/shared/contracts/auth';
import { Button, Card, Popconfirm, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../app/api';
import { formatDateTime } from '../app/format';

export function SessionsPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { data, isLoading } = useQuery({ queryKey: ['admin', 'sessions'], queryFn: () => call(adminApi.sessions) });
  const end = useMutation({
    mutationFn: (id: string) => call(adminApi.endSession, { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin', 'sessions'] }),
  });
  return (
    <Card title={t('admin.sessions')}>
      <Table
        rowKey="id"
        loading={isLoading}
        dataSource={data}
        scroll={{ x: 800 }}
        columns={[
          { title: t('admin.displayName'), render: (_, r) => `${r.displayName}（${r.username}）` },
          { title: t('admin.ip'), dataIndex: 'ip' },
          { title: t('admin.createdAt'), render: (_, r) => formatDateTime(r.createdAt) },
          { title: t('admin.lastSeen'), render: (_, r) => formatDateTime(r.lastSeenAt) },
          { title: t('admin.userAgent'), dataIndex: 'userAgent', ellipsis: true },
          {
            title: t('common.actions'),
            render: (_, r) =>
              r.current ? (
                <Tag color="green">{t('admin.current')}</Tag>
              ) : (
                <Popconfirm title={t('admin.endSessionConfirm')} onConfirm={() => end.mutate(r.id)}>
                  <Button danger size="small">
                    {t('admin.endSession')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
