// 工作报告: generate a unit's half-year or annual report (.docx) or statistical tables (.xlsx) in the
// background, watch the progress, download.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { indicatorsApi } from '@xiezuo/shared/contracts/indicators';
import { periodLabel } from '@xiezuo/shared/indicators/periods';
import { Button, Card, Progress, Segmented, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, download } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatDateTime } from '../../app/format';
import { NodeSelect } from './NodeSelect';
import { defaultPeriod, PeriodPicker } from './PeriodPicker';

const STATUS_COLOR = { queued: 'default', running: 'processing', done: 'success', failed: 'error' } as const;

export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const client = useQueryClient();
  const [period, setPeriod] = useState(defaultPeriod());
  const [node, setNode] = useState<string>();
  const [format, setFormat] = useState<'docx' | 'xlsx'>('docx');
  const { data: jobs } = useQuery({
    queryKey: ['indicators', 'reports'],
    queryFn: () => call(indicatorsApi.reports),
    refetchInterval: (q) => (q.state.data?.some((j) => j.status === 'queued' || j.status === 'running') ? 800 : false),
  });
  const make = useMutation({
    mutationFn: (target: string) => call(indicatorsApi.createReport, { body: { node: target, period, format } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['indicators', 'reports'] }),
  });
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <Card title={t('indicators.reports.title')}>
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        <Space wrap>
          <NodeSelect value={node} onChange={setNode} period={period} />
          <PeriodPicker value={period} onChange={setPeriod} />
          <Segmented
            value={format}
            onChange={(v) => setFormat(v as 'docx' | 'xlsx')}
            options={[
              { value: 'docx', label: t('indicators.reports.docx') },
              { value: 'xlsx', label: t('indicators.reports.xlsx') },
            ]}
          />
          {can('reports.generate') && (
            <Button
              type="primary"
              loading={make.isPending}
              onClick={async () => make.mutate(node ?? (await call(indicatorsApi.dashboard, { query: { period } })).node.node)}
            >
              {t('indicators.reports.generate')}
            </Button>
          )}
        </Space>
        <Table
          rowKey="id"
          size="small"
          dataSource={jobs}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: t('common.name'), render: (_, j) => j.fileName ?? `${j.node} · ${periodLabel(j.period, lang)}` },
            {
              title: t('common.status'),
              render: (_, j) => <Tag color={STATUS_COLOR[j.status]}>{t(`indicators.reports.status.${j.status}`)}</Tag>,
            },
            {
              title: t('indicators.progress'),
              render: (_, j) => (
                <Progress
                  percent={j.progress}
                  size="small"
                  style={{ width: 120 }}
                  status={j.status === 'failed' ? 'exception' : undefined}
                />
              ),
            },
            { title: t('common.date'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
            {
              title: t('common.actions'),
              render: (_, j) =>
                j.status === 'done' ? (
                  <Button
                    size="small"
                    onClick={() => download(indicatorsApi.reportFile, { params: { id: j.id } }, j.fileName ?? `report.${j.format}`)}
                  >
                    {t('indicators.reports.download')}
                  </Button>
                ) : (
                  j.error
                ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
