// The module's entry forms on the platform's SaveModal, each for a new record or to edit one: a donation, a social
// fund (with the projects it paid for), a meeting with its attendees and the decisions taken (owner team, due date;
// decisions are added and edited on their own once the meeting exists), a high-level visit and a publicity report.
// The fields every record shares — a day, a choice from a list, the place, the team — are written once here.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { AnyEndpoint } from '@xiezuo/shared/contracts/endpoint';
import { fundsApi } from '@xiezuo/shared/contracts/funds';
import { monitoringApi } from '@xiezuo/shared/contracts/monitoring';
import { registryApi } from '@xiezuo/shared/contracts/registry';
import {
  DONOR_KINDS,
  FUND_PURPOSES,
  MEDIA_LEVELS,
  MEETING_KINDS,
  MEETING_LEVELS,
  PUBLICITY_KINDS,
  RECIPIENT_KINDS,
  socialApi,
  VISIT_DIRECTIONS,
  VISITOR_LEVELS,
} from '@xiezuo/shared/contracts/social';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { useAuth } from '../../app/auth';
import { day, required, SaveModal, type Values } from '../../platform/SaveModal';
import { DivisionPicker } from '../registry/Options';
import { teamOptions, useTeams } from '../teams/data';
import type { DonationRow, FundRow, MeetingRow, PublicityRow, VisitRow } from './data';

type FormProps = { open: boolean; onClose: () => void; onSaved: () => void };

function useField() {
  const { t } = useTranslation();
  return (k: string) => t(`social.fields.${k}`);
}

/** A date field (required unless said otherwise). */
export function DateItem({ name, label, optional }: { name: string | (string | number)[]; label: string; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label} rules={optional ? undefined : required(t)}>
      <DatePicker style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** A choice from one of the contract's lists, labelled from the catalogue (social.<labels>.<value>). */
export function EnumItem({
  name,
  label,
  values,
  labels,
  initial,
}: {
  name: string;
  label: string;
  values: readonly string[];
  labels: string;
  initial?: string;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label} rules={required(t)} initialValue={initial}>
      <Select options={values.map((k) => ({ value: k, label: t(`social.${labels}.${k}`) }))} />
    </Form.Item>
  );
}

/** Where it happened, searched by name. */
export function PlaceItem({ name = 'divisionCode', label }: { name?: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label ?? t('social.fields.place')} rules={required(t)}>
      <DivisionPicker placeholder={t('registry.fields.divisionSearch')} style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** A team the user sees; empty = the user's own team. */
export function TeamItem({ name = 'teamId', label }: { name?: string | (string | number)[]; label?: string }) {
  const { t } = useTranslation();
  const teams = useTeams();
  return (
    <Form.Item name={name} label={label ?? t('social.fields.team')}>
      <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={teamOptions(teams)} />
    </Form.Item>
  );
}

/** Empty text → null, as the contracts take an optional text. */
const orNull = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);

/** Where a record's form saves: a new record, or the open one by its id (PATCH). */
const target = (row: { id: number } | undefined, create: AnyEndpoint, update: AnyEndpoint) =>
  row ? { endpoint: update, params: { id: row.id } } : { endpoint: create };

/** An open record as the form's initial values, its dates as the DatePicker takes them. */
function initialOf<R extends object>(row: R | undefined, dates: (keyof R & string)[]): Values | undefined {
  if (!row) return undefined;
  const v: Values = { ...(row as Values) };
  for (const k of dates) v[k] = row[k] ? dayjs(row[k] as string) : undefined;
  return v;
}

type PickProps<T> = {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
  onPick: (picked: T) => void;
  /** the linked record as the record names it, shown until a search finds it */
  current?: string;
};

/** A record searched on the server by what is typed; picking one also hands it to `onPick`. */
function SearchSelect<T extends { id: number }>({
  id,
  value,
  onChange,
  onPick,
  current,
  queryKey,
  search,
  label,
  placeholder,
}: PickProps<T> & {
  queryKey: string[];
  search: (q: string | undefined) => Promise<{ items: T[] }>;
  label: (x: T) => string;
  placeholder: string;
}) {
  const [q, setQ] = useState('');
  const found = useQuery({ queryKey: [...queryKey, q], queryFn: () => search(q || undefined) });
  const items = found.data?.items ?? [];
  const options = items.map((x) => ({ value: x.id, label: label(x) }));
  if (value != null && !options.some((o) => o.value === value)) options.push({ value, label: current ?? `#${value}` });
  return (
    <Select
      id={id}
      allowClear
      value={value ?? undefined}
      placeholder={placeholder}
      showSearch={{ onSearch: setQ, filterOption: false }}
      options={options}
      onChange={(v: number | undefined) => {
        onChange?.(v ?? null);
        const x = items.find((i) => i.id === v);
        if (x) onPick(x);
      }}
    />
  );
}

const searchHouseholds = (q: string | undefined) => call(monitoringApi.households, { query: { q, pageSize: 20 } });
const searchSchools = (q: string | undefined) => call(registryApi.units, { query: { q, kind: 'school', pageSize: 20 } });
type Found<F extends (q: string | undefined) => Promise<{ items: unknown[] }>> = Awaited<ReturnType<F>>['items'][number];

/**
 * The monitored household (防返贫监测户) a gift went to, searched by the head's name among the user's: picking one
 * fills the recipient and the place (its village) — so 其中脱贫户 and 其中监测户 are read from the registers.
 */
function HouseholdSelect({ current, ...props }: PickProps<Found<typeof searchHouseholds>>) {
  const { t } = useTranslation();
  return (
    <SearchSelect<Found<typeof searchHouseholds>>
      {...props}
      current={current ? `${current}户` : undefined}
      queryKey={['monitoring', 'households', 'pick']}
      search={searchHouseholds}
      label={(h) => `${h.headName}户 · ${h.village ?? h.divisionCode}`}
      placeholder={t('social.donations.householdHint')}
    />
  );
}

/** A school of the registry (协作档案·单位), searched by name: picking one fills the recipient and the place. */
function SchoolSelect(props: PickProps<Found<typeof searchSchools>>) {
  const { t } = useTranslation();
  return (
    <SearchSelect<Found<typeof searchSchools>>
      {...props}
      queryKey={['registry', 'units', 'school']}
      search={searchSchools}
      label={(u) => u.name}
      placeholder={t('social.donations.schoolHint')}
    />
  );
}

export function DonationForm({ open, onClose, onSaved, row }: FormProps & { row?: DonationRow }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const f = useField();
  const [form] = Form.useForm();
  const recipientKind = Form.useWatch('recipientKind', form);
  const toBody = (v: Values) => ({
    ...v,
    donatedOn: day(v.donatedOn),
    teamId: v.teamId ?? null,
    householdId: v.recipientKind === 'household' ? (v.householdId ?? null) : null,
    unitId: v.recipientKind === 'school' ? (v.unitId ?? null) : null,
    households: v.households ?? null,
    cashAmount: v.cashAmount ?? 0,
    goodsItem: orNull(v.goodsItem),
    goodsUnit: orNull(v.goodsUnit),
    goodsQuantity: v.goodsQuantity ?? null,
    goodsValue: v.goodsValue ?? null,
    note: orNull(v.note),
  });
  return (
    <SaveModal
      open={open}
      title={row ? t('social.donations.edit') : t('social.donations.new')}
      {...target(row, socialApi.createDonation, socialApi.updateDonation)}
      initial={initialOf(row, ['donatedOn'])}
      toBody={toBody}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
    >
      <DateItem name="donatedOn" label={f('date')} />
      <Form.Item name="donorName" label={f('donor')} rules={required(t)}>
        <Input />
      </Form.Item>
      <EnumItem name="donorKind" label={f('donorKind')} values={DONOR_KINDS} labels="donorKinds" initial="unit" />
      <Form.Item name="recipientName" label={f('recipient')} rules={required(t)}>
        <Input />
      </Form.Item>
      <EnumItem name="recipientKind" label={f('recipientKind')} values={RECIPIENT_KINDS} labels="recipientKinds" initial="household" />
      {recipientKind === 'household' && can('monitoring.read') && (
        <Form.Item name="householdId" label={t('social.donations.household')}>
          <HouseholdSelect
            current={row?.recipientName}
            onPick={(h) => form.setFieldsValue({ recipientName: h.headName, divisionCode: h.divisionCode })}
          />
        </Form.Item>
      )}
      {recipientKind === 'school' && can('registry.read') && (
        <Form.Item name="unitId" label={t('social.donations.school')}>
          <SchoolSelect
            current={row?.recipientName}
            onPick={(u) => form.setFieldsValue({ recipientName: u.name, divisionCode: u.divisionCode })}
          />
        </Form.Item>
      )}
      <PlaceItem />
      <TeamItem />
      <Form.Item name="households" label={f('households')}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="cashAmount" label={f('cash')}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="goodsItem" label={f('goodsItem')}>
        <Input />
      </Form.Item>
      <Form.Item name="goodsQuantity" label={f('goodsQuantity')}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="goodsUnit" label={f('goodsUnit')}>
        <Input maxLength={10} />
      </Form.Item>
      <Form.Item name="goodsValue" label={f('goodsValue')}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={f('note')}>
        <Input />
      </Form.Item>
    </SaveModal>
  );
}

/** The user's projects (资金项目模块), searched by code or name; the value is a list of codes. */
function ProjectCodes({ id, value, onChange }: { id?: string; value?: string[]; onChange?: (v: string[]) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['funds', 'projects', 'search', q],
    queryFn: () => call(fundsApi.projects, { query: { q: q || undefined, pageSize: 20 } }),
  });
  const options = (found.data?.items ?? []).map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }));
  for (const code of value ?? []) if (!options.some((o) => o.value === code)) options.push({ value: code, label: code });
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      placeholder={t('social.funds.projectsHint')}
      showSearch={{ onSearch: setQ, filterOption: false }}
      options={options}
    />
  );
}

export function FundForm({ open, onClose, onSaved, row }: FormProps & { row?: FundRow }) {
  const { t } = useTranslation();
  const f = useField();
  const [form] = Form.useForm();
  const toBody = (v: Values) => ({
    ...v,
    pledgedOn: day(v.pledgedOn),
    receivedOn: day(v.receivedOn) ?? null,
    receivedAmount: v.receivedAmount ?? 0,
    teamId: v.teamId ?? null,
    purposeNote: orNull(v.purposeNote),
    note: orNull(v.note),
    projectCodes: v.projectCodes ?? [],
  });
  const initial = row && { ...initialOf(row, ['pledgedOn', 'receivedOn']), projectCodes: row.projects.map((p) => p.code) };
  return (
    <SaveModal
      open={open}
      title={row ? t('social.funds.edit') : t('social.funds.new')}
      {...target(row, socialApi.createFund, socialApi.updateFund)}
      initial={initial}
      toBody={toBody}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
    >
      <Form.Item name="donorName" label={t('social.fields.donor')} rules={required(t)}>
        <Input />
      </Form.Item>
      <EnumItem name="donorKind" label={f('donorKind')} values={DONOR_KINDS} labels="donorKinds" initial="unit" />
      <EnumItem name="purpose" label={f('purpose')} values={FUND_PURPOSES} labels="purposes" />
      <Form.Item name="purposeNote" label={f('purposeNote')}>
        <Input />
      </Form.Item>
      <PlaceItem />
      <TeamItem />
      <DateItem name="pledgedOn" label={f('pledgedOn')} />
      <Form.Item name="pledgedAmount" label={`${f('pledged')}（元）`} rules={required(t)}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="receivedAmount" label={`${f('received')}（元）`}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
      <DateItem name="receivedOn" label={f('receivedOn')} optional />
      <Form.Item name="projectCodes" label={t('social.funds.projects')}>
        <ProjectCodes />
      </Form.Item>
      <Form.Item name="note" label={f('note')}>
        <Input />
      </Form.Item>
    </SaveModal>
  );
}

export function MeetingForm({ open, onClose, onSaved, row }: FormProps & { row?: MeetingRow }) {
  const { t } = useTranslation();
  const f = useField();
  const [form] = Form.useForm();
  const toBody = (v: Values) => ({
    ...v,
    heldOn: day(v.heldOn),
    teamId: v.teamId ?? null,
    place: orNull(v.place),
    helperAttendees: orNull(v.helperAttendees),
    helpedAttendees: orNull(v.helpedAttendees),
    topics: orNull(v.topics),
    note: orNull(v.note),
    // an open meeting's decisions are edited on their own (MeetingPatch takes none; undefined is not sent)
    decisions: row
      ? undefined
      : ((v.decisions as Values[] | undefined) ?? []).map((d) => ({
          content: d.content,
          ownerTeamId: d.ownerTeamId ?? null,
          ownerName: orNull(d.ownerName),
          dueOn: day(d.dueOn),
        })),
  });
  return (
    <SaveModal
      open={open}
      title={row ? t('social.meetings.edit') : t('social.meetings.new')}
      {...target(row, socialApi.createMeeting, socialApi.updateMeeting)}
      initial={initialOf(row, ['heldOn'])}
      toBody={toBody}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
    >
      <DateItem name="heldOn" label={f('date')} />
      <EnumItem name="kind" label={f('kind')} values={MEETING_KINDS} labels="meetingKinds" />
      <EnumItem name="level" label={f('level')} values={MEETING_LEVELS} labels="levels" />
      <Form.Item name="title" label={f('title')} rules={required(t)}>
        <Input />
      </Form.Item>
      <PlaceItem />
      <Form.Item name="place" label={f('meetingPlace')}>
        <Input />
      </Form.Item>
      <TeamItem />
      <Form.Item name="helperAttendees" label={f('helperAttendees')}>
        <Input placeholder={t('social.meetings.attendeesHint')} />
      </Form.Item>
      <Form.Item name="helpedAttendees" label={f('helpedAttendees')}>
        <Input placeholder={t('social.meetings.attendeesHint')} />
      </Form.Item>
      <Form.Item name="topics" label={f('topics')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      {!row && <MeetingDecisions />}
    </SaveModal>
  );
}

/** The decisions taken, entered with a new meeting. */
function MeetingDecisions() {
  const { t } = useTranslation();
  const f = useField();
  return (
    <Form.List name="decisions">
      {(items, { add, remove }) => (
        <>
          {items.map(({ key, name }) => (
            <Card
              key={key}
              size="small"
              style={{ marginBottom: 8 }}
              title={`${f('decisions')} ${name + 1}`}
              extra={<Button type="text" aria-label={t('common.delete')} icon={<MinusCircleOutlined />} onClick={() => remove(name)} />}
            >
              <Form.Item name={[name, 'content']} label={f('content')} rules={required(t)}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <TeamItem name={[name, 'ownerTeamId']} label={f('owner')} />
              <Form.Item name={[name, 'ownerName']} label={f('ownerName')}>
                <Input />
              </Form.Item>
              <DateItem name={[name, 'dueOn']} label={f('dueOn')} />
            </Card>
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add()}>
            {t('social.meetings.addDecision')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function VisitForm({ open, onClose, onSaved, row }: FormProps & { row?: VisitRow }) {
  const { t } = useTranslation();
  const f = useField();
  const [form] = Form.useForm();
  const toBody = (v: Values) => ({
    ...v,
    startedOn: day(v.startedOn),
    endedOn: day(v.endedOn) ?? null,
    teamId: v.teamId ?? null,
    purpose: orNull(v.purpose),
    note: orNull(v.note),
  });
  return (
    <SaveModal
      open={open}
      title={row ? t('social.visits.edit') : t('social.visits.new')}
      {...target(row, socialApi.createVisit, socialApi.updateVisit)}
      initial={initialOf(row, ['startedOn', 'endedOn'])}
      toBody={toBody}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
    >
      <DateItem name="startedOn" label={f('startedOn')} />
      <DateItem name="endedOn" label={f('endedOn')} optional />
      <EnumItem name="visitorLevel" label={f('visitorLevel')} values={VISITOR_LEVELS} labels="visitorLevels" initial="main_leader" />
      <Form.Item name="visitors" label={f('visitors')} rules={required(t)}>
        <Input placeholder={t('social.visits.visitorsHint')} />
      </Form.Item>
      <EnumItem name="direction" label={f('direction')} values={VISIT_DIRECTIONS} labels="directions" initial="to_helped" />
      <PlaceItem name="fromDivisionCode" label={f('from')} />
      <PlaceItem label={f('visited')} />
      <TeamItem />
      <Form.Item name="purpose" label={f('visitPurpose')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </SaveModal>
  );
}

export function PublicityForm({ open, onClose, onSaved, row }: FormProps & { row?: PublicityRow }) {
  const { t } = useTranslation();
  const f = useField();
  const [form] = Form.useForm();
  const toBody = (v: Values) => ({
    ...v,
    publishedOn: day(v.publishedOn),
    teamId: v.teamId ?? null,
    link: orNull(v.link),
    note: orNull(v.note),
  });
  return (
    <SaveModal
      open={open}
      title={row ? t('social.publicity.edit') : t('social.publicity.new')}
      {...target(row, socialApi.createPublicity, socialApi.updatePublicity)}
      initial={initialOf(row, ['publishedOn'])}
      toBody={toBody}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
    >
      <DateItem name="publishedOn" label={f('date')} />
      <Form.Item name="title" label={f('title')} rules={required(t)}>
        <Input />
      </Form.Item>
      <Form.Item name="medium" label={f('medium')} rules={required(t)}>
        <Input placeholder="新华网、南方日报 …" />
      </Form.Item>
      <EnumItem name="mediaLevel" label={f('mediaLevel')} values={MEDIA_LEVELS} labels="mediaLevels" />
      <EnumItem name="kind" label={f('kind')} values={PUBLICITY_KINDS} labels="publicityKinds" initial="report" />
      <Form.Item name="link" label={f('link')}>
        <Input placeholder="https://" />
      </Form.Item>
      <PlaceItem />
      <TeamItem />
    </SaveModal>
  );
}
