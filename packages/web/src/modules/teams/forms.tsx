// Entry forms of the teams pages: a new person (援派干部/专业技术人才), a team member for a round, an exchange
// record, each in the platform's SaveModal (the server's errors land under the field they name).
import { registryApi } from '@xiezuo/shared/contracts/registry';
import {
  CADRE_KINDS,
  EXCHANGE_KINDS,
  GENDERS,
  MEMBER_ROLES,
  PROFESSIONAL_FIELDS,
  TEAM_KINDS,
  teamsApi,
} from '@xiezuo/shared/contracts/teams';
import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { day, required, SaveModal, type Values } from '../../platform/SaveModal';
import { useProgrammes } from '../registry/data';
import { DivisionPicker } from '../registry/Options';
import { type CadreRow, type ExchangePersonRow, type ExchangeRow, type TeamDetail, teamOptions, useTeams } from './data';

/** 'YYYY-MM-DD' (or null) → the DatePicker's value. */
const dateValue = (s: string | null | undefined) => (s ? dayjs(s) : undefined);

/** A new person, or (given `cadre`) an edit of one; the ID number is entered only when creating (the list shows it masked). */
export function CadreForm({
  cadre,
  open,
  onClose,
  onSaved,
}: {
  cadre?: CadreRow;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const teams = useTeams();
  const initial = useMemo(
    () =>
      cadre && {
        name: cadre.name,
        gender: cadre.gender,
        phone: cadre.phone,
        kind: cadre.kind,
        sendingUnit: cadre.sendingUnit,
        localPost: cadre.localPost,
        teamId: cadre.teamId,
        dispatchStart: dateValue(cadre.dispatchStart),
        dispatchEnd: dateValue(cadre.dispatchEnd),
      },
    [cadre],
  );
  const toBody = (v: Values) => ({
    ...v,
    phone: v.phone || null,
    localPost: v.localPost || null,
    teamId: v.teamId ?? null,
    divisionCode: v.divisionCode || undefined,
    dispatchStart: day(v.dispatchStart),
    dispatchEnd: day(v.dispatchEnd) ?? null,
  });
  return (
    <SaveModal
      open={open}
      title={cadre ? `${t('teams.cadres.edit')} · ${cadre.name}` : t('teams.cadres.new')}
      endpoint={cadre ? teamsApi.updateCadre : teamsApi.createCadre}
      params={cadre && { id: cadre.id }}
      initial={initial}
      toBody={toBody}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
    >
      <Form.Item name="name" label={t('teams.fields.personName')} rules={required(t)}>
        <Input />
      </Form.Item>
      <Form.Item name="gender" label={t('teams.fields.gender')} rules={required(t)}>
        <Select options={GENDERS.map((g) => ({ value: g, label: t(`teams.genders.${g}`) }))} />
      </Form.Item>
      {!cadre && (
        <Form.Item name="idNumber" label={t('teams.fields.idNumber')} rules={required(t)}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item name="phone" label={t('teams.fields.phone')}>
        <Input />
      </Form.Item>
      <Form.Item name="kind" label={t('teams.fields.cadreKind')} rules={required(t)}>
        <Select options={CADRE_KINDS.map((k) => ({ value: k, label: t(`teams.cadreKinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="sendingUnit" label={t('teams.fields.sendingUnit')} rules={required(t)}>
        <Input />
      </Form.Item>
      <Form.Item name="localPost" label={t('teams.fields.localPost')}>
        <Input />
      </Form.Item>
      <Form.Item name="teamId" label={t('teams.fields.team')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={teamOptions(teams)} />
      </Form.Item>
      <Form.Item name="dispatchStart" label={t('teams.fields.startDate')} rules={required(t)}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="dispatchEnd" label={t('teams.fields.endDate')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </SaveModal>
  );
}

/** Adds a member: the round defaults to the team's current one (`round`), the server says so when the person is already in the team. */
export function MemberForm({
  team,
  round,
  open,
  onClose,
  onSaved,
}: {
  team: number;
  round?: number;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [people, setPeople] = useState<CadreRow[]>([]);
  const search = async (q: string) => setPeople((await call(teamsApi.cadres, { query: { pageSize: 50, q } })).items);
  const toBody = (v: Values) => ({ ...v, startDate: day(v.startDate), endDate: day(v.endDate) ?? null });
  return (
    <SaveModal
      open={open}
      title={t('teams.tree.addMember')}
      endpoint={teamsApi.addMember}
      params={{ id: team }}
      toBody={toBody}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
    >
      <Form.Item name="cadreId" label={t('teams.fields.personName')} rules={required(t)}>
        <Select
          showSearch={{ filterOption: false, onSearch: search }}
          onFocus={() => search('')}
          options={people.map((p) => ({ value: p.id, label: `${p.name}（${p.sendingUnit}）` }))}
        />
      </Form.Item>
      <Form.Item name="role" label={t('teams.fields.role')} rules={required(t)}>
        <Select options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`teams.roles.${r}`) }))} />
      </Form.Item>
      <Form.Item name="round" label={t('teams.fields.round')} initialValue={round ?? 1} rules={required(t)}>
        <InputNumber min={1} max={20} data-testid="member-round" />
      </Form.Item>
      <Form.Item name="startDate" label={t('teams.fields.startDate')} rules={required(t)}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="endDate" label={t('teams.fields.endDate')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
    </SaveModal>
  );
}

export function ExchangeForm({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const teams = useTeams();
  const toBody = (v: Values) => ({
    ...v,
    teamId: v.teamId ?? null,
    note: v.note || null,
    startDate: day(v.startDate),
    endDate: day(v.endDate) ?? null,
  });
  return (
    <SaveModal
      open={open}
      title={t('teams.exchanges.new')}
      endpoint={teamsApi.createExchange}
      toBody={toBody}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
    >
      <Form.Item name="kind" label={t('teams.fields.exchangeKind')} rules={required(t)}>
        <Select options={EXCHANGE_KINDS.map((k) => ({ value: k, label: t(`teams.exchangeKinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="personTimes" label={t('teams.fields.personTimes')} rules={required(t)}>
        <InputNumber min={1} style={{ width: '100%' }} />
      </Form.Item>
      {/* places by name (荔湾区 → 广东省 / 广州市 / 荔湾区), not 12-digit codes */}
      <Form.Item name="fromDivisionCode" label={t('teams.fields.from')} rules={required(t)}>
        <DivisionPicker placeholder={t('teams.fields.from')} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="toDivisionCode" label={t('teams.fields.to')} rules={required(t)}>
        <DivisionPicker placeholder={t('teams.fields.to')} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="teamId" label={t('teams.fields.team')} extra={t('teams.exchanges.teamHint')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={teamOptions(teams)} />
      </Form.Item>
      <Form.Item name="startDate" label={t('teams.fields.startDate')} rules={required(t)}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="endDate" label={t('teams.fields.endDate')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('teams.fields.note')}>
        <Input />
      </Form.Item>
    </SaveModal>
  );
}

/**
 * A named person's trip on an exchange (人才交流人员), or (given `person`) an edit of one: the ID number is entered only
 * when creating (gender and birth date are read from it); the places default to the exchange's sides.
 */
export function ExchangePersonForm({
  exchange,
  person,
  open,
  onClose,
  onSaved,
}: {
  exchange: ExchangeRow;
  person?: ExchangePersonRow;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const initial = useMemo(
    () =>
      person && {
        name: person.name,
        field: person.field,
        unit: person.unit,
        fromDivisionCode: person.fromDivisionCode,
        toDivisionCode: person.toDivisionCode,
        arrivalDate: dateValue(person.arrivalDate),
        departureDate: dateValue(person.departureDate),
        note: person.note,
      },
    [person],
  );
  const toBody = (v: Values) => ({
    ...v,
    unit: v.unit || null,
    note: v.note || null,
    field: v.field ?? (person ? null : undefined),
    fromDivisionCode: v.fromDivisionCode || undefined,
    toDivisionCode: v.toDivisionCode || undefined,
    arrivalDate: day(v.arrivalDate),
    departureDate: day(v.departureDate),
  });
  return (
    <SaveModal
      open={open}
      title={person ? `${t('teams.exchanges.editPerson')} · ${person.name}` : t('teams.exchanges.addPerson')}
      endpoint={person ? teamsApi.updateExchangePerson : teamsApi.addExchangePerson}
      params={{ id: person ? person.id : exchange.id }}
      initial={initial}
      toBody={toBody}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
    >
      <Form.Item name="name" label={t('teams.fields.personName')} rules={required(t)}>
        <Input maxLength={50} />
      </Form.Item>
      {!person && (
        <Form.Item name="idNumber" label={t('teams.fields.idNumber')} rules={required(t)}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
      )}
      {exchange.kind !== 'cadre' && (
        <Form.Item name="field" label={t('teams.exchanges.field')} extra={t('teams.exchanges.fieldHint')}>
          <Select allowClear options={PROFESSIONAL_FIELDS.map((f) => ({ value: f, label: t(`teams.professionalFields.${f}`) }))} />
        </Form.Item>
      )}
      <Form.Item name="unit" label={t('teams.exchanges.workUnit')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="fromDivisionCode"
        label={t('teams.exchanges.fromPlace')}
        extra={t('teams.exchanges.placeHint', { what: exchange.fromDivisionName ?? exchange.fromDivisionCode })}
      >
        <DivisionPicker placeholder={exchange.fromDivisionName ?? t('teams.exchanges.fromPlace')} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="toDivisionCode"
        label={t('teams.exchanges.toPlace')}
        extra={t('teams.exchanges.placeHint', { what: exchange.toDivisionName ?? exchange.toDivisionCode })}
      >
        <DivisionPicker placeholder={exchange.toDivisionName ?? t('teams.exchanges.toPlace')} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="arrivalDate" label={t('teams.exchanges.arrival')} rules={required(t)}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="departureDate" label={t('teams.exchanges.departure')} rules={required(t)}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('teams.fields.note')}>
        <Input maxLength={1000} />
      </Form.Item>
    </SaveModal>
  );
}

/** Edits a team: its name, kind, parent, station, programme, lead unit and period (member units stay as they are). */
export function TeamForm({ team, open, onClose, onSaved }: { team: TeamDetail; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const teams = useTeams();
  const programmes = useProgrammes();
  const [units, setUnits] = useState<{ id: number; name: string }[]>([]);
  const searchUnits = async (q: string) => setUnits((await call(registryApi.units, { query: { pageSize: 50, q } })).items);
  const initial = useMemo(
    () => ({
      name: team.name,
      kind: team.kind,
      parentId: team.parentId,
      divisionCode: team.divisionCode,
      programmeId: team.programmeId,
      leadUnitId: team.leadUnitId,
      startDate: dateValue(team.startDate),
      endDate: dateValue(team.endDate),
      note: team.note,
    }),
    [team],
  );
  const unitOptions = [
    ...(team.leadUnitId ? [{ id: team.leadUnitId, name: team.leadUnitName ?? '' }] : []),
    ...units.filter((u) => u.id !== team.leadUnitId),
  ];
  const toBody = (v: Values) => ({
    ...v,
    parentId: v.parentId ?? null,
    programmeId: v.programmeId ?? null,
    leadUnitId: v.leadUnitId ?? null,
    note: v.note || null,
    startDate: day(v.startDate) ?? null,
    endDate: day(v.endDate) ?? null,
  });
  return (
    <SaveModal
      open={open}
      title={`${t('teams.tree.editTeam')} · ${team.name}`}
      endpoint={teamsApi.updateTeam}
      params={{ id: team.id }}
      initial={initial}
      toBody={toBody}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
    >
      <Form.Item name="name" label={t('teams.fields.name')} rules={required(t)}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label={t('teams.fields.kind')} rules={required(t)}>
        <Select options={TEAM_KINDS.map((k) => ({ value: k, label: t(`teams.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item name="parentId" label={t('teams.fields.parent')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={(teams.data ?? []).filter((r) => r.id !== team.id).map((r) => ({ value: r.id, label: r.name }))}
        />
      </Form.Item>
      <Form.Item name="divisionCode" label={t('teams.fields.division')} rules={required(t)}>
        <DivisionPicker placeholder={t('teams.fields.division')} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="programmeId" label={t('teams.fields.programme')}>
        <Select allowClear options={(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
      </Form.Item>
      <Form.Item name="leadUnitId" label={t('teams.fields.leadUnit')}>
        <Select
          allowClear
          showSearch={{ filterOption: false, onSearch: searchUnits }}
          onFocus={() => searchUnits('')}
          options={unitOptions.map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Form.Item name="startDate" label={t('teams.fields.startDate')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="endDate" label={t('teams.fields.endDate')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('teams.fields.note')}>
        <Input maxLength={1000} />
      </Form.Item>
    </SaveModal>
  );
}
