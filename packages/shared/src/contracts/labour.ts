// 劳务协作 (labour): the 脱贫人口名册 (roster of people lifted out of poverty), employment records of people
// (务工就业) and order classes (订单班) with their students. Every figure is counted from these people records.
import { z } from 'zod';
import { Amount, DivisionCode, IdNumber, IdParam, IsoDate, Paging, pageOf } from './common';
import { endpoint } from './endpoint';

/** Where a job is, seen from the worker's home village: 就地就近 (same county) | 省内 | 跨省. Computed, never typed. */
export const DESTINATION_KINDS = ['local', 'in_province', 'out_province'] as const;
/** 组织化输出 (through a station or programme) | 自主就业. */
export const EMPLOYMENT_CHANNELS = ['organised', 'self'] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];
export type EmploymentChannel = (typeof EMPLOYMENT_CHANNELS)[number];

/** 就地就近 / 省内 / 跨省 from the home village and the place of work (12-digit codes). */
export function destinationKindOf(home: string, work: string): DestinationKind {
  if (home.slice(0, 6) === work.slice(0, 6)) return 'local';
  if (home.slice(0, 2) === work.slice(0, 2)) return 'in_province';
  return 'out_province';
}

/**
 * 稳岗: employed without a break for six months or more up to `asOf` — the period end a figure is asked for
 * (a record's end if earlier). Six months counts both ends: a job from 1 January is 稳岗 on 30 June. The
 * indicators judge it so at each period's end (labour.stable); a list row judges it as of today.
 */
export function stableFrom(start: string): string {
  const [y, m, d] = start.split('-').map(Number);
  // six months on, the day clamped to the month's last as PostgreSQL's `+ interval '6 months'` does (31 Aug → 28 Feb)
  const last = new Date(Date.UTC(y, m + 6, 0)).getUTCDate();
  const six = new Date(Date.UTC(y, m + 5, Math.min(d, last)));
  six.setUTCDate(six.getUTCDate() - 1);
  return six.toISOString().slice(0, 10);
}

export function isStable(start: string, end: string | null, asOf: string): boolean {
  const until = end && end < asOf ? end : asOf;
  return until >= stableFrom(start);
}

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);
const note = z.string().max(1000).nullable().optional();
const Wage = Amount.refine((v) => v <= 1_000_000, 'validation.amount');

// ---- 脱贫人口名册 ----
export const RosterInput = z.strictObject({
  name: text(50),
  idNumber: IdNumber,
  divisionCode: DivisionCode, // the home village
  householdHead: z.string().trim().max(50).nullable().optional(), // 户主
  liftedYear: z.number().int().min(2013).max(2030),
  note,
});
export const RosterRow = z.object({
  id: z.number().int(),
  name: z.string(),
  idNumberMasked: z.string(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  householdHead: z.string().nullable(),
  liftedYear: z.number().int(),
  note: z.string().nullable(),
});
export const RosterListQuery = Paging.extend({ divisionCode: DivisionCode.optional(), q: z.string().max(50).optional() });
export const RosterPage = pageOf(RosterRow);

// ---- 务工就业 ----
export const EmploymentInput = z.strictObject({
  name: text(50),
  idNumber: IdNumber,
  divisionCode: DivisionCode, // home village (the helped side)
  teamId: id.nullable().optional(),
  employer: text(100),
  workDivisionCode: DivisionCode, // where the job is
  startDate: IsoDate,
  endDate: IsoDate.nullable().optional(),
  monthlyWage: Wage.nullable().optional(),
  channel: z.enum(EMPLOYMENT_CHANNELS),
  station: z.string().trim().max(100).nullable().optional(), // 劳务工作站
  brand: z.string().trim().max(100).nullable().optional(), // 劳务品牌
  note,
});
export const EmploymentRow = z.object({
  id: z.number().int(),
  name: z.string(),
  idNumberMasked: z.string(),
  lifted: z.boolean(), // 脱贫人口: in lifted_persons
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  teamId: z.number().int().nullable(),
  employer: z.string(),
  workDivisionCode: z.string(),
  workDivisionName: z.string().nullable(),
  destination: z.enum(DESTINATION_KINDS),
  toGuangdong: z.boolean(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  stable: z.boolean(), // 稳岗 (≥ 6 months)
  monthlyWage: z.number().nullable(),
  channel: z.enum(EMPLOYMENT_CHANNELS),
  station: z.string().nullable(),
  brand: z.string().nullable(),
  note: z.string().nullable(),
});
export const EmploymentListQuery = Paging.extend({
  divisionCode: DivisionCode.optional(),
  destination: z.enum(DESTINATION_KINDS).optional(),
  q: z.string().max(50).optional(),
});
export const EmploymentPage = pageOf(EmploymentRow);

// ---- 订单班 ----
export const OrderClassInput = z.strictObject({
  name: text(100), // 3D打印订单班
  school: text(100),
  enterprise: text(100),
  major: z.string().trim().max(100).nullable().optional(),
  divisionCode: DivisionCode, // the helped county the students come from
  teamId: id.nullable().optional(),
  cohort: z.number().int().min(2000).max(2100),
  graduationDate: IsoDate,
  note,
});
export const OrderClassRow = z.object({
  id: z.number().int(),
  name: z.string(),
  school: z.string(),
  enterprise: z.string(),
  major: z.string().nullable(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  teamId: z.number().int().nullable(),
  cohort: z.number().int(),
  graduationDate: z.string(),
  note: z.string().nullable(),
  // computed from the class roster
  students: z.number().int(),
  graduates: z.number().int(),
  employed: z.number().int(),
  lifted: z.number().int(), // 其中脱贫人口 among the students
  rate: z.number().nullable(), // employed ÷ graduates
  averageWage: z.number().nullable(), // 元/月 of the employed
});
export const OrderClassListQuery = Paging.extend({ divisionCode: DivisionCode.optional(), q: z.string().max(50).optional() });
export const OrderClassPage = pageOf(OrderClassRow);

// ---- 技能培训 ----
/** 职业技能 | 创业 | 引导性 (岗前/政策) | 其他. */
export const TRAINING_KINDS = ['skills', 'entrepreneurship', 'orientation', 'other'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const TrainingRow = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(TRAINING_KINDS),
  organiser: z.string(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  teamId: z.number().int().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  brand: z.string().nullable(), // 劳务品牌 the session trains for
  // computed from the trainees
  trainees: z.number().int(),
  lifted: z.number().int(), // 其中脱贫人口
  certified: z.number().int(),
});
export const TrainingListQuery = Paging.extend({ divisionCode: DivisionCode.optional(), q: z.string().max(50).optional() });
export const TrainingPage = pageOf(TrainingRow);

// ---- 劳务工作站 / 劳务品牌 ----
export const StationInput = z.strictObject({
  name: text(100), // 富川驻佛山劳务工作站
  divisionCode: DivisionCode, // where the station is
  servedCodes: z.array(DivisionCode).min(1).max(50), // the counties it serves
  teamId: id.nullable().optional(),
  establishedOn: IsoDate.nullable().optional(),
  note,
});
export const StationPatch = StationInput.partial();
export const StationRow = z.object({
  id: z.number().int(),
  name: z.string(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  servedCodes: z.array(z.string()),
  servedNames: z.array(z.string()),
  teamId: z.number().int().nullable(),
  establishedOn: z.string().nullable(),
  note: z.string().nullable(),
  // counted from the employment records naming the station (distinct persons, within the user's scope)
  placed: z.number().int(),
  placedNow: z.number().int(), // at work today
  lifted: z.number().int(), // 其中脱贫人口
});
export const StationListQuery = Paging.extend({ divisionCode: DivisionCode.optional(), q: z.string().max(50).optional() });
export const StationPage = pageOf(StationRow);

export const BrandInput = z.strictObject({
  name: text(100), // 富川药膳师傅
  divisionCode: DivisionCode, // the county of the brand
  teamId: id.nullable().optional(),
  note,
});
export const BrandPatch = BrandInput.partial();
export const BrandRow = z.object({
  id: z.number().int(),
  name: z.string(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  teamId: z.number().int().nullable(),
  note: z.string().nullable(),
  // counted from the training sessions and employment records naming the brand (within the user's scope)
  trainees: z.number().int(), // 人次
  traineesLifted: z.number().int(),
  employed: z.number().int(), // distinct persons
  employedNow: z.number().int(),
  employedLifted: z.number().int(),
});
export const BrandListQuery = Paging.extend({ divisionCode: DivisionCode.optional(), q: z.string().max(50).optional() });
export const BrandPage = pageOf(BrandRow);

export const RevealResponse = z.object({ idNumber: z.string() });

/** The module's ledgers (台账): keys of /api/ledgers/<key>. */
export const LABOUR_LEDGERS = {
  roster: 'labour-roster',
  employments: 'labour-employments',
  classMembers: 'labour-class-members',
  trainees: 'labour-trainees',
  stations: 'labour-stations',
} as const;

export const labourApi = {
  roster: endpoint('GET', '/api/labour/roster', { query: RosterListQuery, response: RosterPage }),
  createRosterPerson: endpoint('POST', '/api/labour/roster', { body: RosterInput, response: RosterRow }),
  revealRosterPerson: endpoint('POST', '/api/labour/roster/:id/reveal', { params: IdParam, response: RevealResponse }),
  employments: endpoint('GET', '/api/labour/employments', { query: EmploymentListQuery, response: EmploymentPage }),
  createEmployment: endpoint('POST', '/api/labour/employments', { body: EmploymentInput, response: EmploymentRow }),
  revealEmployment: endpoint('POST', '/api/labour/employments/:id/reveal', { params: IdParam, response: RevealResponse }),
  orderClasses: endpoint('GET', '/api/labour/order-classes', { query: OrderClassListQuery, response: OrderClassPage }),
  createOrderClass: endpoint('POST', '/api/labour/order-classes', { body: OrderClassInput, response: OrderClassRow }),
  trainings: endpoint('GET', '/api/labour/trainings', { query: TrainingListQuery, response: TrainingPage }),
  stations: endpoint('GET', '/api/labour/stations', { query: StationListQuery, response: StationPage }),
  createStation: endpoint('POST', '/api/labour/stations', { body: StationInput, response: StationRow }),
  updateStation: endpoint('PATCH', '/api/labour/stations/:id', { params: IdParam, body: StationPatch, response: StationRow }),
  brands: endpoint('GET', '/api/labour/brands', { query: BrandListQuery, response: BrandPage }),
  createBrand: endpoint('POST', '/api/labour/brands', { body: BrandInput, response: BrandRow }),
  updateBrand: endpoint('PATCH', '/api/labour/brands/:id', { params: IdParam, body: BrandPatch, response: BrandRow }),
} as const;
