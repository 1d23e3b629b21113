// 考核指标体系: the framework versions (cards on a phone) and one version's page — aspects → items with their kind,
// points, rule, scoring guide and evidence expected; groups and grade cut-offs; locked once a cycle uses it. HQ
// creates one, edits one no cycle uses yet, or copies last year's to a new year and edits the copy.
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { assessmentApi, type Framework, type FrameworkItemT } from '@xiezuo/shared/contracts/assessment';
import { indicatorsApi } from '@xiezuo/shared/contracts/indicators';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { ApiError, call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { ListPage } from '../../platform/ListPage';
import { useWholeList } from '../../platform/usePagedQuery';
import { FrameworkForm } from './FrameworkForm';
import { ruleText } from './words';

type FrameworkT = z.infer<typeof Framework>;

function StateTags({ f }: { f: FrameworkT }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={4}>
      <Tag>{t('assessment.framework.version', { n: f.version })}</Tag>
      {f.illustrative && <Tag color="purple">{t('assessment.framework.illustrative')}</Tag>}
      <Tag color={f.lockedAt ? 'red' : 'green'}>{f.lockedAt ? t('assessment.framework.locked') : t('assessment.framework.editable')}</Tag>
    </Space>
  );
}

/**
 * The framework form and what opens it: 编辑 (a version no cycle uses) and 复制为新年度并修改 (the server copies the
 * version to the next year — a new, unlocked version — and the form opens on the copy). HQ only.
 */
function useFrameworkEditing(onSaved: (f: FrameworkT) => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [editing, setEditing] = useState<FrameworkT | 'new'>();
  const copy = async (f: FrameworkT) => {
    try {
      const copied = await call(assessmentApi.copyFramework, { params: { id: f.id }, body: { year: f.year + 1 } });
      message.success(t('assessment.framework.copied', { year: copied.year }));
      void client.invalidateQueries({ queryKey: ['assessment', 'frameworks'] });
      setEditing(copied);
    } catch (e) {
      message.error(e instanceof ApiError ? e.body.message : String(e));
    }
  };
  const form = (
    <FrameworkForm
      open={!!editing}
      framework={editing === 'new' ? undefined : editing}
      onClose={() => setEditing(undefined)}
      onSaved={(saved) => {
        setEditing(undefined);
        message.success(t('assessment.framework.saved'));
        void client.invalidateQueries({ queryKey: ['assessment', 'frameworks'] });
        onSaved(saved);
      }}
    />
  );
  return { form, create: () => setEditing('new'), edit: (f: FrameworkT) => setEditing(f), copy };
}

/** 编辑 and 复制为新年度并修改, for HQ (assessment.manage); nothing for anyone else. */
function FrameworkActions({ f, edit, copy }: { f: FrameworkT; edit: (f: FrameworkT) => void; copy: (f: FrameworkT) => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  if (!can('assessment.manage')) return null;
  return (
    <Space wrap size={4}>
      {!f.lockedAt && (
        <Button size="small" onClick={() => edit(f)} aria-label={`${t('common.edit')} ${f.name}`}>
          {t('common.edit')}
        </Button>
      )}
      <Button size="small" onClick={() => copy(f)} aria-label={`${t('assessment.framework.copyEdit')} ${f.name}`}>
        {t('assessment.framework.copyEdit')}
      </Button>
    </Space>
  );
}

export function FrameworksPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const list = useWholeList(useQuery({ queryKey: ['assessment', 'frameworks'], queryFn: () => call(assessmentApi.frameworks) }));
  const editing = useFrameworkEditing((saved) => navigate(`/assessment/frameworks/${saved.id}`));
  return (
    <ListPage<FrameworkT>
      title={t('assessment.framework.title')}
      list={list}
      rowKey="id"
      scroll={{ x: true }}
      actions={
        can('assessment.manage') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={editing.create} data-testid="new-framework">
            {t('assessment.framework.new')}
          </Button>
        )
      }
      columns={[
        { title: t('assessment.framework.name'), render: (_, f) => <Link to={`/assessment/frameworks/${f.id}`}>{f.name}</Link> },
        { title: t('assessment.framework.year'), dataIndex: 'year', width: 70 },
        { title: t('assessment.framework.programme'), render: (_, f) => t(`assessment.programmes.${f.programme}`) },
        { title: t('assessment.framework.status'), render: (_, f) => <StateTags f={f} /> },
        { title: t('assessment.framework.fullMarks'), align: 'right', render: (_, f) => f.maxTotal },
        { title: '', key: 'actions', render: (_, f) => <FrameworkActions f={f} edit={editing.edit} copy={editing.copy} /> },
      ]}
    >
      {editing.form}
    </ListPage>
  );
}

export function FrameworkPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { data: f } = useQuery({
    queryKey: ['assessment', 'frameworks', id],
    queryFn: () => call(assessmentApi.framework, { params: { id } }),
  });
  const { data: catalogue } = useQuery({ queryKey: ['indicators', 'catalogue'], queryFn: () => call(indicatorsApi.catalogue) });
  const nameOf = (indicator: string) => {
    const [code, key] = indicator.split('|');
    const c = catalogue?.find((x) => x.code === code);
    return c && (key ? `${c.name} · ${c.breakdowns.find((b) => b.key === key)?.name ?? key}` : c.name);
  };
  const editing = useFrameworkEditing((saved) => navigate(`/assessment/frameworks/${saved.id}`));
  if (!f) return <Card loading />;
  return (
    <Card
      title={
        <Space wrap>
          <span>{f.name}</span>
          <Tag>{t(`assessment.programmes.${f.programme}`)}</Tag>
        </Space>
      }
      extra={<FrameworkActions f={f} edit={editing.edit} copy={editing.copy} />}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <StateTags f={f} />
        <Typography.Text>
          {t('assessment.framework.groups')}：{f.groups.map((g) => g.name).join('、')}；{t('assessment.framework.cutoffs')}：
          {t('assessment.framework.cutoffText', f.cutoffs)}；{t('assessment.framework.maxTotal', { n: f.maxTotal })}
        </Typography.Text>
        <Table
          rowKey={(r) => r.code}
          size="small"
          pagination={false}
          scroll={{ x: 900 }}
          dataSource={f.aspects.flatMap((a) => a.items.map((i) => ({ ...i, aspect: a.name })))}
          columns={[
            { title: t('assessment.framework.aspect'), dataIndex: 'aspect' },
            { title: t('assessment.framework.item'), dataIndex: 'name' },
            { title: t('assessment.framework.kind'), dataIndex: 'kind', render: (k: string) => t(`assessment.kinds.${k}`) },
            { title: t('assessment.framework.maxPoints'), dataIndex: 'maxPoints', align: 'right' },
            { title: t('assessment.framework.rule'), render: (_, i: FrameworkItemT) => ruleText(i, t, nameOf) },
            {
              title: t('assessment.framework.evidence'),
              render: (_, i: FrameworkItemT) => [i.guide, i.evidence].filter(Boolean).join('；'),
            },
          ]}
        />
      </Space>
      {editing.form}
    </Card>
  );
}
