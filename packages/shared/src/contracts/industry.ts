// Industry cooperation (产业协作): introduced enterprises (经营主体) with their investment signed and in place as
// dated increments, co-built parks (共建产业园区), assistance workshops (帮扶车间) and the people working in them.
// Jobs are counted from the workers (其中脱贫人口 computed, never typed); an enterprise that only reports a
// headcount files a dated headcount report, shown as "reported".
import { z } from 'zod';
import { Amount, DivisionCode, IdNumber, IdParam, IsoDate, Paging, Phone, pageOf } from './common';
import { endpoint } from './endpoint';
import { CreditCode } from './registry';

export const ENTERPRISE_STATUSES = ['signed', 'landed', 'producing', 'exited'] as const; // 签约 | 落地 | 投产 | 停产/退出
export const INVESTMENT_KINDS = ['signed', 'in_place'] as const; // 协议投资 | 实际到位投资
export const WORKSHOP_STATUSES = ['operating', 'stopped'] as const; // 运营 | 停产
/** GB/T 4754-2017 门类 (sections A–T). */
export const INDUSTRY_SECTIONS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
] as const;
export type EnterpriseStatus = (typeof ENTERPRISE_STATUSES)[number];
export type InvestmentKind = (typeof INVESTMENT_KINDS)[number];
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];
export type IndustrySection = (typeof INDUSTRY_SECTIONS)[number];

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);
const note = z.string().max(1000).nullable().optional();
const qId = z.coerce.number().int().positive().optional();

// ---- parks 共建产业园区 ----
export const ParkInput = z.strictObject({
  name: text(100),
  divisionCode: DivisionCode, // where it lies (helped side)
  helperDivisionCode: DivisionCode, // the helper side that co-builds it
  teamId: id.nullable().optional(),
  programmeId: id.nullable().optional(),
  areaMu: z.number().min(0).max(1e7).nullable().optional(), // 占地面积（亩）
  outputValue: Amount.nullable().optional(), // 产值（元）
  establishedOn: IsoDate,
  note,
});
export const ParkPatch = ParkInput.partial();
export const ParkRow = z.object({
  id: z.number().int(),
  name: z.string(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  helperDivisionCode: z.string(),
  helperDivisionName: z.string().nullable(),
  teamId: z.number().int().nullable(),
  programmeId: z.number().int().nullable(),
  areaMu: z.number().nullable(),
  outputValue: z.string().nullable(),
  establishedOn: z.string(),
  note: z.string().nullable(),
  enterprises: z.number().int(),
  workers: z.number().int(), // at work today
});
export const ParkListQuery = z.strictObject({ divisionCode: DivisionCode.optional(), q: z.string().max(50).optional() });

// ---- enterprises 经营主体 ----
export const EnterpriseInput = z.strictObject({
  name: text(200),
  creditCode: CreditCode.nullable().optional(),
  originDivisionCode: DivisionCode, // where it comes from (helper-side city/district)
  divisionCode: DivisionCode, // where it landed (helped county/town)
  parkId: id.nullable().optional(),
  industry: z.enum(INDUSTRY_SECTIONS).nullable().optional(),
  programmeId: id.nullable().optional(),
  teamId: id.nullable().optional(),
  status: z.enum(ENTERPRISE_STATUSES),
  introducedOn: IsoDate, // 引进（签约）日期
  exitedOn: IsoDate.nullable().optional(), // 停产/退出日期
  contact: z.string().trim().max(50).nullable().optional(),
  phone: Phone.nullable().optional(),
  note,
});
export const EnterprisePatch = EnterpriseInput.partial();
export const EnterpriseRow = z.object({
  id: z.number().int(),
  name: z.string(),
  creditCode: z.string().nullable(),
  originDivisionCode: z.string(),
  originDivisionName: z.string().nullable(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  parkId: z.number().int().nullable(),
  parkName: z.string().nullable(),
  industry: z.enum(INDUSTRY_SECTIONS).nullable(),
  programmeId: z.number().int().nullable(),
  programmeName: z.string().nullable(),
  /** The pairing it is credited to: the one in force when it was introduced between where it came from and where it landed. */
  pairingId: z.number().int().nullable(),
  pairingName: z.string().nullable(), // 中山市 → 六盘水市
  teamId: z.number().int().nullable(),
  teamName: z.string().nullable(),
  status: z.enum(ENTERPRISE_STATUSES),
  introducedOn: z.string(),
  exitedOn: z.string().nullable(),
  contact: z.string().nullable(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  signed: z.string(), // 协议投资 to date, 元
  inPlace: z.string(), // 实际到位投资 to date, 元
  reportedJobs: z.number().int().nullable(), // the latest headcount report
  reportedOn: z.string().nullable(),
  workers: z.number().int(), // worker records at work today
});
export const EnterpriseListQuery = Paging.extend({
  divisionCode: DivisionCode.optional(),
  originDivisionCode: DivisionCode.optional(),
  parkId: qId,
  status: z.enum(ENTERPRISE_STATUSES).optional(),
  q: z.string().max(50).optional(),
});
export const EnterprisePage = pageOf(EnterpriseRow);

// ---- investment increments 投资到位 ----
export const InvestmentInput = z.strictObject({
  enterpriseId: id,
  kind: z.enum(INVESTMENT_KINDS),
  amount: Amount.refine((v) => v > 0, 'validation.amount'),
  day: IsoDate,
  note,
});
export const InvestmentRow = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  enterpriseName: z.string(),
  kind: z.enum(INVESTMENT_KINDS),
  amount: z.string(),
  day: z.string(),
  note: z.string().nullable(),
});
export const InvestmentListQuery = z.strictObject({
  enterpriseId: qId,
  kind: z.enum(INVESTMENT_KINDS).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

// ---- headcount reports 用工人数（企业报送） ----
export const HeadcountInput = z.strictObject({ enterpriseId: id, reportedOn: IsoDate, jobs: z.number().int().min(0).max(1_000_000), note });
export const HeadcountRow = z.object({
  id: z.number().int(),
  enterpriseId: z.number().int(),
  reportedOn: z.string(),
  jobs: z.number().int(),
  note: z.string().nullable(),
});

// ---- workshops 帮扶车间 ----
export const WorkshopInput = z.strictObject({
  name: text(200),
  enterpriseId: id.nullable().optional(), // the operator, when an introduced enterprise
  operatorName: z.string().trim().max(200).nullable().optional(), // 经营主体, as written
  divisionCode: DivisionCode, // the village
  teamId: id.nullable().optional(),
  recognizedOn: IsoDate, // 认定日期
  recognitionDoc: z.string().trim().max(200).nullable().optional(), // 认定文件
  status: z.enum(WORKSHOP_STATUSES),
  stoppedOn: IsoDate.nullable().optional(),
  subsidy: Amount.nullable().optional(), // 累计获得补贴（元）
  note,
});
export const WorkshopPatch = WorkshopInput.partial();
export const WorkshopRow = z.object({
  id: z.number().int(),
  name: z.string(),
  enterpriseId: z.number().int().nullable(),
  operatorName: z.string().nullable(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  teamId: z.number().int().nullable(),
  recognizedOn: z.string(),
  recognitionDoc: z.string().nullable(),
  status: z.enum(WORKSHOP_STATUSES),
  stoppedOn: z.string().nullable(),
  subsidy: z.string().nullable(),
  note: z.string().nullable(),
  workers: z.number().int(), // at work today
  liftedWorkers: z.number().int(), // of whom 脱贫人口 (from the roster, never typed)
});
export const WorkshopListQuery = Paging.extend({
  divisionCode: DivisionCode.optional(),
  status: z.enum(WORKSHOP_STATUSES).optional(),
  q: z.string().max(50).optional(),
});
export const WorkshopPage = pageOf(WorkshopRow);

// ---- workers 务工人员 (of a workshop or of an enterprise) ----
export const WorkerInput = z.strictObject({
  workshopId: id.nullable().optional(),
  enterpriseId: id.nullable().optional(), // exactly one of the two
  name: text(50),
  idNumber: IdNumber,
  homeDivisionCode: DivisionCode.nullable().optional(), // 户籍所在村
  startDate: IsoDate,
  endDate: IsoDate.nullable().optional(),
  note,
});
export const WorkerPatch = WorkerInput.partial();
export const WorkerRow = z.object({
  id: z.number().int(),
  workshopId: z.number().int().nullable(),
  workshopName: z.string().nullable(),
  enterpriseId: z.number().int().nullable(),
  enterpriseName: z.string().nullable(),
  name: z.string(),
  idNumberMasked: z.string(),
  homeDivisionCode: z.string().nullable(),
  homeDivisionName: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  lifted: z.boolean(), // in the 脱贫人口 roster
  note: z.string().nullable(),
});
export const WorkerListQuery = Paging.extend({ workshopId: qId, enterpriseId: qId, q: z.string().max(50).optional() });
export const WorkerPage = pageOf(WorkerRow);
export const RevealResponse = z.object({ idNumber: z.string() });

// ---- overview: the HQ ranking of helper cities, the map's places ----
export const RankingQuery = z.strictObject({ from: IsoDate.optional(), to: IsoDate.optional() });
/** A helper city (the enterprises' origin, rolled up to its city) with what its enterprises put in place in the period. */
export const RankingRow = z.object({
  divisionCode: z.string(), // the city, 12 digits
  divisionName: z.string().nullable(),
  enterprises: z.number().int(), // introduced from it, in scope
  signed: z.string(), // 元, in the period
  inPlace: z.string(), // 元, in the period
});
/** A helped county on the map: its enterprises (with investment in place to date) and workshops (with people at work today). */
export const PlaceRow = z.object({
  divisionCode: z.string(), // the county, 12 digits
  divisionName: z.string().nullable(),
  enterprises: z.number().int(),
  inPlace: z.string(),
  workshops: z.number().int(),
  workers: z.number().int(),
});

/** The module's ledgers (台账): keys of /api/ledgers/<key>. */
export const INDUSTRY_LEDGERS = {
  parks: 'industry-parks',
  enterprises: 'industry-enterprises',
  headcounts: 'industry-headcounts',
  investments: 'industry-investments',
  workshops: 'industry-workshops',
  workers: 'industry-workers',
} as const;

const IdOnly = z.object({ id: z.number().int() });

export const industryApi = {
  parks: endpoint('GET', '/api/industry/parks', { query: ParkListQuery, response: z.array(ParkRow) }),
  createPark: endpoint('POST', '/api/industry/parks', { body: ParkInput, response: IdOnly }),
  updatePark: endpoint('PATCH', '/api/industry/parks/:id', { params: IdParam, body: ParkPatch, response: IdOnly }),
  enterprises: endpoint('GET', '/api/industry/enterprises', { query: EnterpriseListQuery, response: EnterprisePage }),
  enterprise: endpoint('GET', '/api/industry/enterprises/:id', { params: IdParam, response: EnterpriseRow }),
  createEnterprise: endpoint('POST', '/api/industry/enterprises', { body: EnterpriseInput, response: EnterpriseRow }),
  updateEnterprise: endpoint('PATCH', '/api/industry/enterprises/:id', { params: IdParam, body: EnterprisePatch, response: EnterpriseRow }),
  investments: endpoint('GET', '/api/industry/investments', { query: InvestmentListQuery, response: z.array(InvestmentRow) }),
  addInvestment: endpoint('POST', '/api/industry/investments', { body: InvestmentInput, response: IdOnly }),
  headcounts: endpoint('GET', '/api/industry/enterprises/:id/headcounts', { params: IdParam, response: z.array(HeadcountRow) }),
  addHeadcount: endpoint('POST', '/api/industry/headcounts', { body: HeadcountInput, response: IdOnly }),
  workshops: endpoint('GET', '/api/industry/workshops', { query: WorkshopListQuery, response: WorkshopPage }),
  workshop: endpoint('GET', '/api/industry/workshops/:id', { params: IdParam, response: WorkshopRow }),
  createWorkshop: endpoint('POST', '/api/industry/workshops', { body: WorkshopInput, response: WorkshopRow }),
  updateWorkshop: endpoint('PATCH', '/api/industry/workshops/:id', { params: IdParam, body: WorkshopPatch, response: WorkshopRow }),
  workers: endpoint('GET', '/api/industry/workers', { query: WorkerListQuery, response: WorkerPage }),
  createWorker: endpoint('POST', '/api/industry/workers', { body: WorkerInput, response: IdOnly }),
  updateWorker: endpoint('PATCH', '/api/industry/workers/:id', { params: IdParam, body: WorkerPatch, response: IdOnly }),
  revealWorker: endpoint('POST', '/api/industry/workers/:id/reveal', { params: IdParam, response: RevealResponse }),
  ranking: endpoint('GET', '/api/industry/ranking', { query: RankingQuery, response: z.array(RankingRow) }),
  places: endpoint('GET', '/api/industry/places', { response: z.array(PlaceRow) }),
} as const;
