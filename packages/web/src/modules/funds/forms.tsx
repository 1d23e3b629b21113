// The funds entry forms, on the platform's SaveModal (the server's errors go under their fields, the rest in a
// dialog): a project (new or edited: type, programme, pairing, place and the villages it serves, implementing
// unit, responsible team, plan and budget by kind of money) and a fund allocation (资金下达: a batch from a
// payer, or a transfer passing part of a batch one level down inside its receiver).
import { FUND_KINDS, type FundKind, fundsApi, PROJECT_TYPES } from '@xiezuo/shared/contracts/funds';
import { DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { call } from '../../app/api';
import { day, required, SaveModal, type Values } from '../../platform/SaveModal';
import { DivisionPicker, DivisionsPicker, PairingSelect, ProgrammeSelect } from '../registry/Options';
import { teamOptions, useTeams } from '../teams/data';
import { yuan } from './money';

type Project = Awaited<ReturnType<typeof call<typeof fundsApi.project>>>;
type Allocation = Awaited<ReturnType<typeof call<typeof fundsApi.createAllocation>>>;

const wide = { style: { width: '100%' } };
const orNull = <T,>(v: T | undefined | '') => (v === undefined || v === '' ? null : v);

/** New project (`project` absent) or an edit of `project`; saved → the project as the server answered. */
export function ProjectForm({
  project,
  open,
  onClose,
  onSaved,
}: {
  project?: Project;
  open: boolean;
  onClose(): void;
  onSaved(saved: Project): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const teams = useTeams();
  const place = Form.useWatch('divisionCode', form) as string | undefined;
  const f = (k: string) => t(`funds.fields.${k}`);
  const initial: Values = project
    ? {
        ...project,
        reservedOn: dayjs(project.reservedOn),
        plannedStart: project.plannedStart ? dayjs(project.plannedStart) : undefined,
        plannedFinish: project.plannedFinish ? dayjs(project.plannedFinish) : undefined,
        ...Object.fromEntries(project.budgets.map((b) => [`budget_${b.kind}`, Number(b.budget)])),
      }
    : { type: 'livelihood', reservedOn: dayjs(), villageCodes: [] };
  const toBody = (v: Values) => ({
    code: v.code,
    name: v.name,
    type: v.type,
    programmeId: orNull(v.programmeId),
    pairingId: orNull(v.pairingId),
    teamId: orNull(v.teamId),
    divisionCode: v.divisionCode,
    villageCodes: v.villageCodes ?? [],
    implementingUnit: orNull(v.implementingUnit),
    reservedOn: day(v.reservedOn),
    plannedStart: day(v.plannedStart) ?? null,
    plannedFinish: day(v.plannedFinish) ?? null,
    budgets: FUND_KINDS.filter((k) => v[`budget_${k}`] != null).map((k) => ({ kind: k, amount: Number(v[`budget_${k}`]) })),
  });
  return (
    <SaveModal
      open={open}
      title={project ? t('funds.projects.edit') : t('funds.projects.new')}
      endpoint={project ? fundsApi.updateProject : fundsApi.createProject}
      params={project ? { id: project.id } : undefined}
      initial={initial}
      toBody={toBody}
      onClose={onClose}
      onSaved={(saved) => onSaved(saved as Project)}
      form={form}
      width={720}
    >
      <Form.Item name="code" label={f('code')} rules={required(t)}>
        <Input />
      </Form.Item>
      <Form.Item name="name" label={f('name')} rules={required(t)}>
        <Input />
      </Form.Item>
      <Form.Item name="type" label={f('type')} rules={required(t)}>
        <Select options={PROJECT_TYPES.map((k) => ({ value: k, label: t(`funds.types.${k}`) }))} />
      </Form.Item>
      <Form.Item name="programmeId" label={f('programme')}>
        <ProgrammeSelect {...wide} />
      </Form.Item>
      <Form.Item name="pairingId" label={f('pairing')}>
        <PairingSelect {...wide} />
      </Form.Item>
      <Form.Item name="divisionCode" label={f('division')} rules={required(t)}>
        <DivisionPicker placeholder={t('registry.fields.divisionSearch')} {...wide} />
      </Form.Item>
      <Form.Item name="villageCodes" label={f('villages')} extra={t('funds.projects.villagesHint')}>
        <DivisionsPicker level="village" within={place} placeholder={t('registry.fields.divisionSearch')} {...wide} />
      </Form.Item>
      <Form.Item name="implementingUnit" label={f('implementingUnit')}>
        <Input />
      </Form.Item>
      <Form.Item name="teamId" label={f('team')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={teamOptions(teams)} />
      </Form.Item>
      <Form.Item name="reservedOn" label={f('reservedOn')} rules={required(t)}>
        <DatePicker {...wide} />
      </Form.Item>
      <Form.Item name="plannedStart" label={f('plannedStart')}>
        <DatePicker {...wide} />
      </Form.Item>
      <Form.Item name="plannedFinish" label={f('plannedFinish')}>
        <DatePicker {...wide} />
      </Form.Item>
      <Typography.Text type="secondary">{t('funds.projects.budgetHint')}</Typography.Text>
      {FUND_KINDS.map((k) => (
        <Form.Item key={k} name={`budget_${k}`} label={`${t(`funds.kinds.${k}`)}${f('budget')}`}>
          <InputNumber min={0} precision={2} {...wide} />
        </Form.Item>
      ))}
    </SaveModal>
  );
}

/**
 * 资金下达: a new batch from a payer (`parent` and `allocation` absent), an edit of `allocation`, or a transfer
 * of part of `parent` down a level: same kind, paid by the parent's receiver, to a division below it, at most
 * what is left of it (the server refuses more, naming what is left).
 */
export function AllocationForm({
  allocation,
  parent,
  open,
  onClose,
  onSaved,
}: {
  allocation?: Allocation;
  parent?: Allocation;
  open: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const teams = useTeams();
  const f = (k: string) => t(`funds.fields.${k}`);
  const thisYear = dayjs().year();
  const left = parent ? Number(parent.amount) - Number(parent.passedOn) : 0;
  const initial: Values = allocation
    ? { ...allocation, amount: Number(allocation.amount), allocatedOn: dayjs(allocation.allocatedOn) }
    : parent
      ? {
          kind: parent.kind,
          payerDivisionCode: parent.divisionCode,
          programmeId: parent.programmeId,
          pairingId: parent.pairingId,
          budgetYear: parent.budgetYear,
          allocatedOn: dayjs(),
        }
      : { kind: 'fiscal' satisfies FundKind, budgetYear: thisYear, allocatedOn: dayjs() };
  const toBody = (v: Values) => ({
    kind: v.kind,
    ...(allocation ? {} : { parentId: parent?.id ?? null }),
    payerDivisionCode: v.payerDivisionCode,
    divisionCode: v.divisionCode,
    programmeId: orNull(v.programmeId),
    pairingId: orNull(v.pairingId),
    teamId: orNull(v.teamId),
    budgetYear: v.budgetYear,
    docNo: v.docNo,
    allocatedOn: day(v.allocatedOn),
    amount: v.amount,
    note: orNull(v.note),
  });
  const transfer = !!parent || !!allocation?.parentId;
  return (
    <SaveModal
      open={open}
      title={
        parent
          ? t('funds.allocations.passOnTitle', { docNo: parent.docNo, left: yuan(left) })
          : allocation
            ? `${t('funds.allocations.edit')} ${allocation.docNo}`
            : t('funds.allocations.new')
      }
      endpoint={allocation ? fundsApi.updateAllocation : fundsApi.createAllocation}
      params={allocation ? { id: allocation.id } : undefined}
      initial={initial}
      toBody={toBody}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
      width={640}
    >
      <Form.Item name="kind" label={f('kind')} rules={required(t)}>
        <Select disabled={transfer} options={FUND_KINDS.map((k) => ({ value: k, label: t(`funds.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="payerDivisionCode" label={f('payer')} rules={required(t)}>
        <DivisionPicker placeholder={t('registry.fields.divisionSearch')} {...wide} />
      </Form.Item>
      <Form.Item name="divisionCode" label={f('receiver')} rules={required(t)}>
        <DivisionPicker
          placeholder={t('registry.fields.divisionSearch')}
          within={parent?.divisionCode ?? (allocation?.parentId ? allocation.payerDivisionCode : undefined)}
          {...wide}
        />
      </Form.Item>
      <Form.Item name="docNo" label={f('docNo')} rules={required(t)}>
        <Input placeholder="粤财协〔2025〕12号" />
      </Form.Item>
      <Form.Item name="amount" label={t('funds.allocations.amountYuan')} rules={required(t)}>
        <InputNumber min={0} precision={2} {...wide} />
      </Form.Item>
      <Form.Item name="allocatedOn" label={f('allocatedOn')} rules={required(t)}>
        <DatePicker {...wide} />
      </Form.Item>
      <Form.Item name="budgetYear" label={f('budgetYear')} rules={required(t)}>
        <InputNumber min={2000} max={2100} {...wide} />
      </Form.Item>
      <Form.Item name="programmeId" label={f('programme')}>
        <ProgrammeSelect {...wide} />
      </Form.Item>
      <Form.Item name="pairingId" label={f('pairing')}>
        <PairingSelect {...wide} />
      </Form.Item>
      <Form.Item name="teamId" label={f('team')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={teamOptions(teams)} />
      </Form.Item>
      <Form.Item name="note" label={f('note')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </SaveModal>
  );
}
