// 考核指标体系: each framework version — aspects → items with their kind, points, rule, scoring guide and evidence
// expected; groups and grade cut-offs; locked once a cycle uses it; HQ copies one to a new year.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { assessmentApi, type FrameworkItemT } from '@xiezuo/shared/contracts/assessment';
import { App, Button, Card, Collapse, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { ruleText } from './words';

export function FrameworksPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [years, setYears] = useState<Record<number, number>>({});
  const { data, isLoading } = useQuery({ queryKey: ['assessment', 'frameworks'], queryFn: () => call(assessmentApi.frameworks) });
  const copy = async (id: number, year: number) => {
    try {
      await call(assessmentApi.copyFramework, { params: { id }, body: { year } });
      message.success(t('assessment.framework.copied', { year }));
      void client.invalidateQueries({ queryKey: ['assessment', 'frameworks'] });
    } catch (e) {
      message.error(e instanceof ApiError ? e.body.message : String(e));
    }
  };
  return (
    <Card title={t('assessment.framework.title')} loading={isLoading}>
      <Collapse
        items={data?.map((f) => ({
          key: f.id,
          label: (
            <Space wrap>
              <span>{f.name}</span>
              <Tag>{t(`assessment.programmes.${f.programme}`)}</Tag>
              <Tag>{t('assessment.framework.version', { n: f.version })}</Tag>
              {f.illustrative && <Tag color="purple">{t('assessment.framework.illustrative')}</Tag>}
              <Tag color={f.lockedAt ? 'red' : 'green'}>
                {f.lockedAt ? t('assessment.framework.locked') : t('assessment.framework.editable')}
              </Tag>
            </Space>
          ),
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text>
                {t('assessment.framework.groups')}：{f.groups.map((g) => g.name).join('、')}；{t('assessment.framework.cutoffs')}：
                {t('assessment.framework.cutoffText', f.cutoffs)}；{t('assessment.framework.maxTotal', { n: f.maxTotal })}
              </Typography.Text>
              <Table
                rowKey={(r) => r.code}
                size="small"
                pagination={false}
                scroll={{ x: true }}
                dataSource={f.aspects.flatMap((a) => a.items.map((i) => ({ ...i, aspect: a.name })))}
                columns={[
                  { title: t('assessment.framework.aspect'), dataIndex: 'aspect' },
                  { title: t('assessment.framework.item'), dataIndex: 'name' },
                  { title: t('assessment.framework.kind'), dataIndex: 'kind', render: (k: string) => t(`assessment.kinds.${k}`) },
                  { title: t('assessment.framework.maxPoints'), dataIndex: 'maxPoints', align: 'right' },
                  { title: t('assessment.framework.rule'), render: (_, i: FrameworkItemT) => ruleText(i, t) },
                  {
                    title: t('assessment.framework.evidence'),
                    render: (_, i: FrameworkItemT) => [i.guide, i.evidence].filter(Boolean).join('；'),
                  },
                ]}
              />
              {can('assessment.manage') && (
                <Space>
                  <InputNumber
                    min={2000}
                    max={2100}
                    value={years[f.id] ?? f.year + 1}
                    onChange={(v) => setYears({ ...years, [f.id]: Number(v) })}
                    aria-label={t('assessment.framework.copyYear')}
                  />
                  <Button onClick={() => copy(f.id, years[f.id] ?? f.year + 1)}>{t('assessment.framework.copy')}</Button>
                </Space>
              )}
            </Space>
          ),
        }))}
      />
    </Card>
  );
}
