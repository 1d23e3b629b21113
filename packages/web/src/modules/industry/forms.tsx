// Entry forms of the industry pages, each in the platform's SaveModal (the server's errors land under the field
// they name: a bad credit code, in place above signed, a worker already counted elsewhere, a place outside scope).
import { useQuery } from '@tanstack/react-query';
import { isInDivisionSubtree } from '@xiezuo/shared/codes/division';
import {
  ENTERPRISE_STATUSES,
  INDUSTRY_SECTIONS,
  INVESTMENT_KINDS,
  industryApi,
  WORKSHOP_STATUSES,
} from '@xiezuo/shared/contracts/industry';
import { Alert, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { formatAmount } from '../../app/format';
import { day, required, SaveModal, type Values } from '../../platform/SaveModal';
import { DivisionPicker, ProgrammeSelect } from '../registry/Options';
import type { EnterpriseRow, ParkRow, WorkerRow, WorkshopRow } from './data';

/** 'YYYY-MM-DD' (or null) → the DatePicker's value. */
const dateValue = (s: string | null | undefined) => (s ? dayjs(s) : undefined);
/** An optional text field: empty → null (so an edit can clear it). */
const orNull = (v: unknown) => (v === '' || v === undefined ? null : v);

interface FormProps<R> {
  row?: R;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}

const fullWidth = { style: { width: '100%' } };

function useParkOptions(enabled: boolean) {
  const { data } = useQuery({
    queryKey: ['industry', 'parks'],
    queryFn: () => call(industryApi.parks, { query: {} }),
    enabled,
  });
  return (data ?? []).map((p) => ({ value: p.id, label: p.name, divisionCode: p.divisionCode }));
}

/** A park holds an enterprise landed in its place (or the place holds the park): the server's rule, so the list offers only those. */
const parkHolds = (park: string, landed: string) => isInDivisionSubtree(landed, park) || isInDivisionSubtree(park, landed);

/** The introduced enterprises the user sees, as a workshop's possible operators. */
function useEnterpriseOptions(enabled: boolean) {
  const { data } = useQuery({
    queryKey: ['industry', 'enterprises', 'options'],
    queryFn: () => call(industryApi.enterprises, { query: { page: 1, pageSize: 500 } }),
    enabled,
  });
  return (data?.items ?? []).map((e) => ({ value: e.id, label: e.name }));
}

/** 经营主体: a new introduced enterprise, or (given `row`) an edit of one. */
export function EnterpriseForm({ row, open, onClose, onSaved }: FormProps<EnterpriseRow>) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const landed = Form.useWatch('divisionCode', form) as string | undefined;
  const parks = useParkOptions(open).filter((p) => !landed || parkHolds(p.divisionCode, landed));
  const initial = useMemo(
    () =>
      row
        ? {
            ...row,
            introducedOn: dateValue(row.introducedOn),
            exitedOn: dateValue(row.exitedOn),
          }
        : { status: 'signed', introducedOn: dayjs() },
    [row],
  );
  const toBody = (v: Values) => ({
    name: v.name,
    creditCode: orNull(v.creditCode),
    originDivisionCode: v.originDivisionCode,
    divisionCode: v.divisionCode,
    parkId: v.parkId ?? null,
    industry: v.industry ?? null,
    programmeId: v.programmeId ?? null,
    status: v.status,
    introducedOn: day(v.introducedOn),
    exitedOn: day(v.exitedOn) ?? null,
    contact: orNull(v.contact),
    phone: orNull(v.phone),
    note: orNull(v.note),
  });
  return (
    <SaveModal
      open={open}
      title={row ? `${t('industry.enterprises.edit')} · ${row.name}` : t('industry.enterprises.new')}
      endpoint={row ? industryApi.updateEnterprise : industryApi.createEnterprise}
      params={row && { id: row.id }}
      initial={initial}
      toBody={toBody}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
    >
      <Form.Item name="name" label={t('industry.fields.enterprise')} rules={required(t)}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="creditCode" label={t('industry.fields.creditCode')} extra={t('industry.hints.creditCode')}>
        <Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item name="originDivisionCode" label={t('industry.fields.origin')} rules={required(t)} extra={t('industry.hints.origin')}>
        <DivisionPicker {...fullWidth} />
      </Form.Item>
      <Form.Item name="divisionCode" label={t('industry.fields.landed')} rules={required(t)} extra={t('industry.hints.landed')}>
        <DivisionPicker inScope {...fullWidth} />
      </Form.Item>
      <Form.Item name="parkId" label={t('industry.fields.park')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={parks} />
      </Form.Item>
      <Form.Item name="industry" label={t('industry.fields.industry')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={INDUSTRY_SECTIONS.map((s) => ({ value: s, label: t(`industry.sections.${s}`) }))}
        />
      </Form.Item>
      <Form.Item name="programmeId" label={t('industry.fields.programme')}>
        <ProgrammeSelect {...fullWidth} />
      </Form.Item>
      <Form.Item name="status" label={t('industry.fields.status')} rules={required(t)}>
        <Select options={ENTERPRISE_STATUSES.map((s) => ({ value: s, label: t(`industry.statuses.${s}`) }))} />
      </Form.Item>
      <Form.Item name="introducedOn" label={t('industry.fields.introducedOn')} rules={required(t)}>
        <DatePicker {...fullWidth} />
      </Form.Item>
      <Form.Item name="exitedOn" label={t('industry.fields.exitedOn')}>
        <DatePicker {...fullWidth} />
      </Form.Item>
      <Form.Item name="contact" label={t('industry.fields.contact')}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="phone" label={t('industry.fields.phone')}>
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="note" label={t('industry.fields.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </SaveModal>
  );
}

/** 投资到位: a dated increment of signed or in-place investment, in 万元; warns before in place runs above signed. */
export function InvestmentForm({ enterprise, open, onClose, onSaved }: { enterprise: EnterpriseRow } & Omit<FormProps<never>, 'row'>) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form);
  const wan = Form.useWatch('amount', form) as number | undefined;
  const signed = Number(enterprise.signed) + (kind === 'signed' && wan ? wan * 10_000 : 0);
  const inPlace = Number(enterprise.inPlace) + (kind === 'in_place' && wan ? wan * 10_000 : 0);
  const over = inPlace > signed + 0.005;
  const toBody = (v: Values) => ({
    enterpriseId: enterprise.id,
    kind: v.kind,
    amount: Math.round(Number(v.amount) * 10_000 * 100) / 100,
    day: day(v.day),
    note: orNull(v.note),
  });
  return (
    <SaveModal
      open={open}
      title={`${t('industry.enterprises.addInvestment')} · ${enterprise.name}`}
      endpoint={industryApi.addInvestment}
      initial={{ kind: 'in_place', day: dayjs() }}
      toBody={toBody}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
    >
      <Alert
        type="info"
        style={{ marginBottom: 12 }}
        message={t('industry.enterprises.totals', {
          signed: formatAmount(Number(enterprise.signed)),
          inPlace: formatAmount(Number(enterprise.inPlace)),
        })}
      />
      <Form.Item name="kind" label={t('industry.fields.kind')} rules={required(t)}>
        <Select options={INVESTMENT_KINDS.map((k) => ({ value: k, label: t(`industry.investmentKinds.${k}`) }))} />
      </Form.Item>
      {/* in 万元 here, sent in 元; named as the body's field so the server's error on body.amount lands under it */}
      <Form.Item name="amount" label={`${t('industry.fields.amount')}（万元）`} rules={required(t)}>
        <InputNumber min={0.01} precision={2} {...fullWidth} />
      </Form.Item>
      <Form.Item name="day" label={t('industry.fields.day')} rules={required(t)}>
        <DatePicker {...fullWidth} />
      </Form.Item>
      <Form.Item name="note" label={t('industry.fields.note')}>
        <Input maxLength={1000} />
      </Form.Item>
      {over && (
        <Alert
          type="warning"
          showIcon
          data-testid="over-signed"
          message={t('industry.validation.overSigned', { inPlace: formatAmount(inPlace), signed: formatAmount(signed) })}
        />
      )}
    </SaveModal>
  );
}

/** 用工人数（企业报送）: where only a count is known, the enterprise's dated headcount (a second one of the same day replaces it). */
export function HeadcountForm({ enterprise, open, onClose, onSaved }: { enterprise: EnterpriseRow } & Omit<FormProps<never>, 'row'>) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const toBody = (v: Values) => ({ enterpriseId: enterprise.id, reportedOn: day(v.reportedOn), jobs: v.jobs, note: orNull(v.note) });
  return (
    <SaveModal
      open={open}
      title={`${t('industry.enterprises.addHeadcount')} · ${enterprise.name}`}
      endpoint={industryApi.addHeadcount}
      initial={{ reportedOn: dayjs() }}
      toBody={toBody}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
    >
      <Form.Item name="reportedOn" label={t('industry.fields.reportedOn')} rules={required(t)}>
        <DatePicker {...fullWidth} />
      </Form.Item>
      <Form.Item name="jobs" label={t('industry.fields.reportedJobs')} rules={required(t)}>
        <InputNumber min={0} precision={0} {...fullWidth} />
      </Form.Item>
      <Form.Item name="note" label={t('industry.fields.note')}>
        <Input maxLength={1000} />
      </Form.Item>
    </SaveModal>
  );
}

/** 共建产业园区: a new park, or (given `row`) an edit of one. */
export function ParkForm({ row, open, onClose, onSaved }: FormProps<ParkRow>) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const initial = useMemo(
    () =>
      row
        ? {
            ...row,
            outputValue: row.outputValue == null ? undefined : Number(row.outputValue) / 10_000,
            establishedOn: dateValue(row.establishedOn),
          }
        : { establishedOn: dayjs() },
    [row],
  );
  const toBody = (v: Values) => ({
    name: v.name,
    divisionCode: v.divisionCode,
    helperDivisionCode: v.helperDivisionCode,
    programmeId: v.programmeId ?? null,
    areaMu: v.areaMu ?? null,
    outputValue: v.outputValue == null ? null : Math.round(Number(v.outputValue) * 10_000 * 100) / 100,
    establishedOn: day(v.establishedOn),
    note: orNull(v.note),
  });
  return (
    <SaveModal
      open={open}
      title={row ? `${t('industry.parks.edit')} · ${row.name}` : t('industry.parks.new')}
      endpoint={row ? industryApi.updatePark : industryApi.createPark}
      params={row && { id: row.id }}
      initial={initial}
      toBody={toBody}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
    >
      <Form.Item name="name" label={t('industry.fields.name')} rules={required(t)}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="divisionCode" label={t('industry.fields.landed')} rules={required(t)}>
        <DivisionPicker inScope {...fullWidth} />
      </Form.Item>
      <Form.Item name="helperDivisionCode" label={t('industry.fields.helper')} rules={required(t)}>
        <DivisionPicker {...fullWidth} />
      </Form.Item>
      <Form.Item name="programmeId" label={t('industry.fields.programme')}>
        <ProgrammeSelect {...fullWidth} />
      </Form.Item>
      <Form.Item name="areaMu" label={t('industry.fields.area')}>
        <InputNumber min={0} {...fullWidth} />
      </Form.Item>
      <Form.Item name="outputValue" label={`${t('industry.fields.outputValue')}（万元）`}>
        <InputNumber min={0} precision={2} {...fullWidth} />
      </Form.Item>
      <Form.Item name="establishedOn" label={t('industry.fields.establishedOn')} rules={required(t)}>
        <DatePicker {...fullWidth} />
      </Form.Item>
      <Form.Item name="note" label={t('industry.fields.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </SaveModal>
  );
}

/** 帮扶车间: a new workshop in one of the user's villages, or (given `row`) an edit of one. */
export function WorkshopForm({ row, open, onClose, onSaved }: FormProps<WorkshopRow>) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const status = Form.useWatch('status', form);
  const operatorEnterprise = Form.useWatch('enterpriseId', form);
  const enterprises = useEnterpriseOptions(open);
  const initial = useMemo(
    () =>
      row
        ? {
            ...row,
            operatorName: row.enterpriseId == null ? row.operatorName : undefined,
            recognizedOn: dateValue(row.recognizedOn),
            stoppedOn: dateValue(row.stoppedOn),
            subsidy: row.subsidy == null ? undefined : Number(row.subsidy) / 10_000,
          }
        : { status: 'operating', recognizedOn: dayjs() },
    [row],
  );
  const toBody = (v: Values) => ({
    name: v.name,
    enterpriseId: v.enterpriseId ?? null,
    operatorName: v.enterpriseId == null ? orNull(v.operatorName) : null,
    divisionCode: v.divisionCode,
    recognizedOn: day(v.recognizedOn),
    recognitionDoc: orNull(v.recognitionDoc),
    status: v.status,
    stoppedOn: day(v.stoppedOn) ?? null,
    subsidy: v.subsidy == null ? null : Math.round(Number(v.subsidy) * 10_000 * 100) / 100,
    note: orNull(v.note),
  });
  return (
    <SaveModal
      open={open}
      title={row ? `${t('industry.workshops.edit')} · ${row.name}` : t('industry.workshops.new')}
      endpoint={row ? industryApi.updateWorkshop : industryApi.createWorkshop}
      params={row && { id: row.id }}
      initial={initial}
      toBody={toBody}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
    >
      <Form.Item name="name" label={t('industry.fields.name')} rules={required(t)}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="divisionCode" label={t('industry.fields.village')} rules={required(t)}>
        <DivisionPicker level="village" inScope {...fullWidth} />
      </Form.Item>
      <Form.Item name="enterpriseId" label={t('industry.fields.operatorEnterprise')} extra={t('industry.hints.operatorEnterprise')}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={enterprises} />
      </Form.Item>
      {operatorEnterprise == null && (
        <Form.Item name="operatorName" label={t('industry.fields.operator')}>
          <Input maxLength={200} />
        </Form.Item>
      )}
      <Form.Item name="recognizedOn" label={t('industry.fields.recognizedOn')} rules={required(t)}>
        <DatePicker {...fullWidth} />
      </Form.Item>
      <Form.Item name="recognitionDoc" label={t('industry.fields.recognitionDoc')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="status" label={t('industry.fields.status')} rules={required(t)}>
        <Select options={WORKSHOP_STATUSES.map((s) => ({ value: s, label: t(`industry.workshopStatuses.${s}`) }))} />
      </Form.Item>
      {status === 'stopped' && (
        <Form.Item name="stoppedOn" label={t('industry.fields.stoppedOn')} rules={required(t)}>
          <DatePicker {...fullWidth} />
        </Form.Item>
      )}
      <Form.Item name="subsidy" label={`${t('industry.fields.subsidy')}（万元）`}>
        <InputNumber min={0} precision={2} {...fullWidth} />
      </Form.Item>
      <Form.Item name="note" label={t('industry.fields.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </SaveModal>
  );
}

/** 务工人员: a person at work in a workshop or an enterprise from a date; the ID number is entered once and shown masked. */
export function WorkerForm({
  place,
  open,
  onClose,
  onSaved,
  row,
}: { place: { workshopId: number } | { enterpriseId: number } } & FormProps<WorkerRow>) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const toBody = (v: Values) => {
    const typed = String(v.idNumber ?? '')
      .trim()
      .toUpperCase();
    return {
      ...(row ? {} : place), // an edit keeps the person where they work
      name: v.name,
      // an edit leaves the ID number as it is unless one is typed: the stored one is only shown masked
      idNumber: row && !typed ? undefined : typed,
      homeDivisionCode: v.homeDivisionCode ?? null,
      startDate: day(v.startDate),
      endDate: day(v.endDate) ?? null,
      note: orNull(v.note),
    };
  };
  const initial = row
    ? { ...row, idNumber: undefined, startDate: dayjs(row.startDate), endDate: row.endDate ? dayjs(row.endDate) : undefined }
    : { startDate: dayjs() };
  return (
    <SaveModal
      open={open}
      title={row ? t('industry.workshops.editWorker') : t('industry.workshops.addWorker')}
      endpoint={row ? industryApi.updateWorker : industryApi.createWorker}
      params={row ? { id: row.id } : undefined}
      initial={initial}
      toBody={toBody}
      onClose={onClose}
      onSaved={onSaved}
      form={form}
    >
      <Form.Item name="name" label={t('industry.fields.personName')} rules={required(t)}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="idNumber" label={t('industry.fields.idNumber')} rules={row ? undefined : required(t)}>
        <Input
          maxLength={18}
          autoComplete="off"
          placeholder={row ? t('industry.workshops.idUnchanged', { masked: row.idNumberMasked }) : undefined}
        />
      </Form.Item>
      <Form.Item name="homeDivisionCode" label={t('industry.fields.home')}>
        <DivisionPicker level="village" {...fullWidth} />
      </Form.Item>
      <Form.Item name="startDate" label={t('industry.fields.startDate')} rules={required(t)}>
        <DatePicker {...fullWidth} />
      </Form.Item>
      <Form.Item name="endDate" label={t('industry.fields.endDate')}>
        <DatePicker {...fullWidth} />
      </Form.Item>
      <Form.Item name="note" label={t('industry.fields.note')}>
        <Input maxLength={1000} />
      </Form.Item>
    </SaveModal>
  );
}
