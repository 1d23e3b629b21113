// One project: its facts, the lifecycle as a timeline (each step dated; 推进 moves it on), the money by kind
// (budget vs committed vs disbursed vs spent, the rate computed), the money flows and the beneficiaries
// (ID numbers masked, 脱贫人口 marked from the registry). Writers edit the project, record money and move it on
// a step at a time, dated (each step audited on the server); each step reached has its place for evidence.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { FLOW_TYPES, type FlowType, fundsApi, PROJECT_STATUSES, STEP_DATE } from '@xiezuo/shared/contracts/funds';
import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  InputNumber,
  Modal,
  Progress,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { formatDate } from '../../app/format';
import { Attachments } from '../../platform/Attachments';
import { showServerErrors } from '../../platform/SaveModal';
import { ProjectFunds } from '../social/ProjectFunds';
import { ProjectForm } from './forms';
import { rateOf, yuan } from './money';

type Detail = Awaited<ReturnType<typeof call<typeof fundsApi.project>>>;

function StepButton({ d, onDone }: { d: Detail; onDone(next: Detail): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const next = PROJECT_STATUSES[PROJECT_STATUSES.indexOf(d.status) + 1];
  if (!next) return null;
  const submit = async (v: { status: (typeof PROJECT_STATUSES)[number]; date: dayjs.Dayjs }) => {
    try {
      onDone(await call(fundsApi.stepProject, { params: { id: d.id }, body: { status: v.status, date: v.date.format('YYYY-MM-DD') } }));
      setOpen(false);
    } catch (e) {
      showServerErrors(form, e);
    }
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)}>
        {t('funds.projects.stepNext', { step: t(`funds.statuses.${next}`) })}
      </Button>
      <Modal open={open} title={t('funds.projects.step')} onCancel={() => setOpen(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ status: next, date: dayjs() }} onFinish={submit}>
          <Form.Item name="status" label={t('funds.projects.stepTo')} rules={[{ required: true }]}>
            <Select
              options={PROJECT_STATUSES.slice(PROJECT_STATUSES.indexOf(next)).map((s) => ({ value: s, label: t(`funds.statuses.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="date" label={t('funds.projects.stepDate')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/**
 * The evidence of a step reached (批复文件, 开工照片, 验收报告): the place where the platform's attachments
 * (another change) list and take the step's files — entity fund_project, the project's id, the step as the slot.
 */
function FlowButton({ d, onDone }: { d: Detail; onDone(next: Detail): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const kinds = d.budgets.map((b) => b.kind);
  const submit = async (v: { type: FlowType; kind: (typeof kinds)[number]; amount: number; occurredOn: dayjs.Dayjs }) => {
    const body = { projectId: d.id, type: v.type, kind: v.kind, amount: v.amount, occurredOn: v.occurredOn.format('YYYY-MM-DD') };
    try {
      onDone(await call(fundsApi.createFlow, { body }));
      setOpen(false);
    } catch (e) {
      showServerErrors(form, e);
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} disabled={!kinds.length}>
        {t('funds.projects.addFlow')}
      </Button>
      <Modal open={open} title={t('funds.projects.addFlow')} onCancel={() => setOpen(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ type: 'disbursement', kind: kinds[0], occurredOn: dayjs() }} onFinish={submit}>
          <Form.Item name="type" label={t('funds.fields.flowType')} rules={[{ required: true }]}>
            <Select options={FLOW_TYPES.map((f) => ({ value: f, label: t(`funds.flowTypes.${f}`) }))} />
          </Form.Item>
          <Form.Item name="kind" label={t('funds.fields.kind')} rules={[{ required: true }]}>
            <Select options={kinds.map((k) => ({ value: k, label: t(`funds.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="amount" label={`${t('funds.fields.amount')}（元）`} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="occurredOn" label={t('funds.projects.date')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function ProjectDetailPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const [editing, setEditing] = useState(false);
  const client = useQueryClient();
  const key = ['funds', 'project', id];
  const { data: d } = useQuery({ queryKey: key, queryFn: () => call(fundsApi.project, { params: { id } }) });
  if (!d) return <Spin />;
  const show = (next: Detail) => {
    client.setQueryData(key, next);
    void client.invalidateQueries({ queryKey: ['funds', 'projects'] });
  };
  const reached = PROJECT_STATUSES.indexOf(d.status);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Card
        title={
          <Space wrap>
            {d.name}
            <Tag color="blue" data-testid="project-status">
              {t(`funds.statuses.${d.status}`)}
            </Tag>
            {d.late && <Tag color="red">{t('funds.projects.lateTag')}</Tag>}
          </Space>
        }
        extra={
          can('funds.write') && (
            <Space wrap>
              <Button onClick={() => setEditing(true)}>{t('funds.projects.edit')}</Button>
              <StepButton d={d} onDone={show} />
            </Space>
          )
        }
      >
        <ProjectForm
          project={d}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false);
            show(next);
          }}
        />
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('funds.fields.code')}>{d.code}</Descriptions.Item>
          <Descriptions.Item label={t('funds.fields.type')}>{t(`funds.types.${d.type}`)}</Descriptions.Item>
          <Descriptions.Item label={t('funds.fields.division')}>{d.divisionName ?? d.divisionCode}</Descriptions.Item>
          <Descriptions.Item label={t('funds.fields.villages')}>{d.villageNames.join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('funds.fields.programme')}>{d.programmeName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('funds.fields.pairing')}>{d.pairingLabel ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('funds.fields.implementingUnit')}>{d.implementingUnit ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('funds.fields.team')}>{d.teamName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('funds.fields.plannedStart')}>{formatDate(d.plannedStart) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('funds.fields.plannedFinish')}>{formatDate(d.plannedFinish) || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('funds.fields.jobsCreated')}>{d.jobsCreated ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('funds.fields.asset')}>
            {d.assetType ? `${d.assetType} ${yuan(d.assetValue)}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('funds.fields.assetOwner')}>{d.assetOwner ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('funds.projects.timeline')}>
        <Timeline
          items={PROJECT_STATUSES.map((s, i) => ({
            color: i <= reached ? 'green' : 'gray',
            children: (
              <div data-testid={`step-${s}`}>
                <Typography.Text strong={i === reached}>{t(`funds.statuses.${s}`)}</Typography.Text>
                {'　'}
                {formatDate(d[STEP_DATE[s]]) || ''}
                {/* the step's evidence (佐证材料): added once the step is reached */}
                <Attachments
                  module="funds"
                  kind="project"
                  ownerId={d.id}
                  purpose={s}
                  accept={s === 'started' || s === 'completed' ? 'photo' : 'any'}
                  readOnly={i > reached}
                  empty={null}
                  hint={false}
                  uploadLabel={t('attachments.uploadWhat', { what: t(`funds.evidence.${s}`) })}
                />
              </div>
            ),
          }))}
        />
      </Card>
      <Card size="small" title={t('attachments.photos')}>
        <Attachments module="funds" kind="project" ownerId={d.id} imagesOnly purposeLabel={(p) => t(`funds.statuses.${p}`)} />
      </Card>
      <Card
        size="small"
        title={`${t('funds.projects.money')}（${t('funds.fields.rate')} ${rateOf(d.money)}）`}
        extra={can('funds.write') && <FlowButton d={d} onDone={show} />}
      >
        <Table
          rowKey="kind"
          size="small"
          pagination={false}
          scroll={{ x: 600 }}
          dataSource={d.budgets}
          columns={[
            { title: t('funds.fields.kind'), render: (_, b) => t(`funds.kinds.${b.kind}`) },
            { title: t('funds.fields.budget'), align: 'right', render: (_, b) => yuan(b.budget) },
            { title: t('funds.fields.commitment'), align: 'right', render: (_, b) => yuan(b.commitment) },
            { title: t('funds.fields.disbursement'), align: 'right', render: (_, b) => yuan(b.disbursement) },
            { title: t('funds.fields.expenditure'), align: 'right', render: (_, b) => yuan(b.expenditure) },
            {
              title: t('funds.fields.rate'),
              width: 160,
              render: (_, b) => (
                <Progress
                  size="small"
                  percent={Number(b.commitment) > 0 ? Math.round((Number(b.disbursement) / Number(b.commitment)) * 1000) / 10 : 0}
                />
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('funds.projects.flows')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 500 }}
          dataSource={d.flows}
          columns={[
            { title: t('funds.projects.date'), render: (_, f) => formatDate(f.occurredOn) },
            { title: t('funds.fields.flowType'), render: (_, f) => t(`funds.flowTypes.${f.type}`) },
            { title: t('funds.fields.kind'), render: (_, f) => t(`funds.kinds.${f.kind}`) },
            { title: t('funds.fields.amount'), align: 'right', render: (_, f) => yuan(f.amount) },
            { title: t('funds.projects.voucher'), render: (_, f) => f.voucherNo ?? '—' },
          ]}
        />
      </Card>
      <ProjectFunds code={d.code} />
      <Card
        size="small"
        title={`${t('funds.projects.people')}（${d.beneficiaryList.length}，${t('funds.projects.lifted')} ${d.liftedBeneficiaries}）`}
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={d.beneficiaryList}
          locale={{ emptyText: t('funds.projects.none') }}
          columns={[
            { title: t('funds.fields.personName'), dataIndex: 'name' },
            { title: t('funds.fields.idNumber'), dataIndex: 'idNumberMasked' },
            { title: t('funds.fields.mechanism'), render: (_, p) => t(`funds.mechanisms.${p.mechanism}`) },
            { title: '', render: (_, p) => p.lifted && <Tag color="orange">{t('funds.projects.lifted')}</Tag> },
          ]}
        />
      </Card>
    </Space>
  );
}
