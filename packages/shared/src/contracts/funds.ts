// 财政援助资金与协作项目 (funds): fund allocations (资金下达) and their transfers down the levels, projects
// (协作项目) from the reserve to the handed-over asset, their money flows (下达/拨付/支出) and beneficiaries.
import { z } from 'zod';
import { Amount, DivisionCode, IdNumber, IdParam, IsoDate, Paging, pageOf } from './common';
import { endpoint } from './endpoint';

/** 财政援助资金 | 社会帮扶资金 | 地方配套 | 企业投入: kinds of money, never added into one another's figures. */
export const FUND_KINDS = ['fiscal', 'social', 'local', 'enterprise'] as const;
/** 产业发展 | 基础设施 | 民生实事 | 教育 | 医疗卫生 | 就业 | 乡村建设 | 其他 */
export const PROJECT_TYPES = ['industry', 'infrastructure', 'livelihood', 'education', 'health', 'employment', 'rural', 'other'] as const;
/** 储备入库 → 立项批复 → 开工 → 完工 → 验收 → 资产移交 */
export const PROJECT_STATUSES = ['reserve', 'approved', 'started', 'completed', 'accepted', 'handed_over'] as const;
/** 下达到项目 | 拨付 | 支出 (IATI commitment / disbursement / expenditure); the budget is the project's by source. */
export const FLOW_TYPES = ['commitment', 'disbursement', 'expenditure'] as const;
/** 就业务工 | 分红 | 订单收购 | 土地流转租金 | 公益岗位 | 其他 */
export const BENEFIT_MECHANISMS = ['wages', 'dividend', 'purchase', 'land_rent', 'public_post', 'other'] as const;

export type FundKind = (typeof FUND_KINDS)[number];
export type ProjectType = (typeof PROJECT_TYPES)[number];
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type FlowType = (typeof FLOW_TYPES)[number];
export type BenefitMechanism = (typeof BENEFIT_MECHANISMS)[number];

/** The date column of each lifecycle step (a project's row carries one per step). */
export const STEP_DATE = {
  reserve: 'reservedOn',
  approved: 'approvedOn',
  started: 'startedOn',
  completed: 'completedOn',
  accepted: 'acceptedOn',
  handed_over: 'handedOverOn',
} as const satisfies Record<ProjectStatus, string>;

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);
const note = z.string().max(1000).nullable().optional();
const money = z.string(); // numeric(18,2) as the database gives it: "167750000.00"

// ---- fund allocations (资金下达) ----
export const AllocationInput = z.strictObject({
  kind: z.enum(FUND_KINDS),
  /** The batch this one passes on down a level (province → city → county); null for a batch from the payer. */
  parentId: id.nullable().optional(),
  payerDivisionCode: DivisionCode,
  divisionCode: DivisionCode, // the receiver
  programmeId: id.nullable().optional(),
  pairingId: id.nullable().optional(), // 结对关系 the money serves
  teamId: id.nullable().optional(),
  budgetYear: z.number().int().min(2000).max(2100),
  docNo: text(100), // 文号
  allocatedOn: IsoDate,
  amount: Amount,
  note,
});
export const AllocationPatch = AllocationInput.partial();

export const AllocationRow = z.object({
  id: z.number().int(),
  kind: z.enum(FUND_KINDS),
  parentId: z.number().int().nullable(),
  parentDocNo: z.string().nullable(),
  payerDivisionCode: z.string(),
  payerDivisionName: z.string().nullable(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  programmeId: z.number().int().nullable(),
  programmeName: z.string().nullable(),
  pairingId: z.number().int().nullable(),
  pairingLabel: z.string().nullable(), // 帮扶方 → 受帮扶方
  teamId: z.number().int().nullable(),
  budgetYear: z.number().int(),
  docNo: z.string(),
  allocatedOn: z.string(),
  amount: money,
  passedOn: money, // what transfers below it passed on
  note: z.string().nullable(),
});

export const AllocationListQuery = Paging.extend({
  kind: z.enum(FUND_KINDS).optional(),
  divisionCode: DivisionCode.optional(), // receiver under
  payerDivisionCode: DivisionCode.optional(),
  programmeId: z.coerce.number().int().positive().optional(),
  budgetYear: z.coerce.number().int().optional(),
  topOnly: z.enum(['true', 'false']).optional(), // only batches from the payer (no transfers)
});
export const AllocationPage = pageOf(AllocationRow).extend({ totalAmount: money });

// ---- projects (协作项目) ----
const Budget = z.strictObject({ kind: z.enum(FUND_KINDS), amount: Amount });

export const ProjectInput = z.strictObject({
  code: text(50),
  name: text(200),
  type: z.enum(PROJECT_TYPES),
  programmeId: id.nullable().optional(),
  pairingId: id.nullable().optional(),
  teamId: id.nullable().optional(), // 责任工作队
  divisionCode: DivisionCode, // the town or village where it is built
  /** The villages it serves (several allowed), each inside the place. */
  villageCodes: z.array(DivisionCode).max(100).optional(),
  implementingUnit: z.string().trim().max(200).nullable().optional(),
  plannedStart: IsoDate.nullable().optional(),
  plannedFinish: IsoDate.nullable().optional(),
  reservedOn: IsoDate,
  budgets: z.array(Budget).max(FUND_KINDS.length).optional(),
  jobsCreated: z.number().int().min(0).max(1_000_000).nullable().optional(),
  assetType: z.string().trim().max(100).nullable().optional(),
  assetValue: Amount.nullable().optional(),
  assetOwner: z.string().trim().max(200).nullable().optional(),
  note,
});
export const ProjectPatch = ProjectInput.partial();

/**
 * Moves a project to a step of its lifecycle (default: the next one), dated (default: today); steps follow one
 * another and dates never go back.
 */
export const ProjectStepInput = z.strictObject({ status: z.enum(PROJECT_STATUSES).optional(), date: IsoDate.optional(), note });

const Money = z.object({ budget: money, commitment: money, disbursement: money, expenditure: money });

export const ProjectRow = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  type: z.enum(PROJECT_TYPES),
  status: z.enum(PROJECT_STATUSES),
  programmeId: z.number().int().nullable(),
  programmeName: z.string().nullable(),
  pairingId: z.number().int().nullable(),
  pairingLabel: z.string().nullable(),
  teamId: z.number().int().nullable(),
  teamName: z.string().nullable(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  villageCodes: z.array(z.string()),
  villageNames: z.array(z.string()),
  implementingUnit: z.string().nullable(),
  plannedStart: z.string().nullable(),
  plannedFinish: z.string().nullable(),
  reservedOn: z.string(),
  approvedOn: z.string().nullable(),
  startedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  handedOverOn: z.string().nullable(),
  jobsCreated: z.number().int().nullable(),
  assetType: z.string().nullable(),
  assetValue: money.nullable(),
  assetOwner: z.string().nullable(),
  note: z.string().nullable(),
  late: z.boolean(), // not started by its planned start, or not completed by its planned finish
  money: Money,
  beneficiaries: z.number().int(),
});

export const FlowRow = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectCode: z.string(),
  projectName: z.string(),
  type: z.enum(FLOW_TYPES),
  kind: z.enum(FUND_KINDS),
  occurredOn: z.string(),
  amount: money,
  voucherNo: z.string().nullable(),
  note: z.string().nullable(),
});

export const BeneficiaryRow = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  name: z.string(),
  idNumberMasked: z.string(),
  mechanism: z.enum(BENEFIT_MECHANISMS),
  since: z.string(),
  lifted: z.boolean(), // 脱贫人口 (from lifted_persons, never typed)
  note: z.string().nullable(),
});

export const ProjectDetail = ProjectRow.extend({
  budgets: z.array(z.object({ kind: z.enum(FUND_KINDS), budget: money, commitment: money, disbursement: money, expenditure: money })),
  flows: z.array(FlowRow),
  beneficiaryList: z.array(BeneficiaryRow),
  liftedBeneficiaries: z.number().int(),
});

export const ProjectListQuery = Paging.extend({
  status: z.enum(PROJECT_STATUSES).optional(),
  type: z.enum(PROJECT_TYPES).optional(),
  programmeId: z.coerce.number().int().positive().optional(),
  divisionCode: DivisionCode.optional(),
  late: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(), // code or name
});
export const ProjectPage = pageOf(ProjectRow).extend({ totals: Money });

// ---- money flows (资金拨付) ----
export const FlowInput = z.strictObject({
  projectId: id,
  type: z.enum(FLOW_TYPES),
  kind: z.enum(FUND_KINDS),
  occurredOn: IsoDate,
  amount: Amount.refine((v) => v > 0, 'validation.amount'),
  voucherNo: z.string().trim().max(100).nullable().optional(),
  note,
});

// ---- beneficiaries (受益户) ----
export const BeneficiaryInput = z.strictObject({
  projectId: id,
  name: text(50),
  idNumber: IdNumber,
  mechanism: z.enum(BENEFIT_MECHANISMS),
  since: IsoDate,
  note,
});

/** 资金流向（按县）: money that reached each county, its projects and the disbursement rate (sums, then the ratio). */
export const CountyFlowQuery = z.strictObject({
  kind: z.enum(FUND_KINDS).optional(),
  budgetYear: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const CountyFlowRow = z.object({
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  received: money,
  /** where the money that reached it came from: the payer of each batch at the top of its transfers */
  payers: z.array(z.object({ divisionCode: z.string(), divisionName: z.string().nullable(), amount: money })),
  projects: z.number().int(),
  committed: money,
  disbursed: money,
  rate: z.number().nullable(),
  /** committed to its projects, by type of project (the flow's last step: county → projects by type) */
  byType: z.array(z.object({ type: z.enum(PROJECT_TYPES), committed: money })),
});

/** A project as other modules see it (the social module links the funds it raised to a project). */
export const ProjectRef = z.object({ id: z.number().int(), code: z.string(), name: z.string(), divisionCode: z.string() });

/** The module's ledgers (台账): keys of /api/ledgers/<key>. */
export const FUNDS_LEDGERS = {
  allocations: 'funds-allocations',
  projects: 'funds-projects',
  flows: 'funds-flows',
  beneficiaries: 'funds-beneficiaries',
} as const;

// ---- endpoints ----
export const fundsApi = {
  allocations: endpoint('GET', '/api/funds/allocations', { query: AllocationListQuery, response: AllocationPage }),
  createAllocation: endpoint('POST', '/api/funds/allocations', { body: AllocationInput, response: AllocationRow }),
  updateAllocation: endpoint('PATCH', '/api/funds/allocations/:id', { params: IdParam, body: AllocationPatch, response: AllocationRow }),
  counties: endpoint('GET', '/api/funds/counties', { query: CountyFlowQuery, response: z.array(CountyFlowRow) }),
  projects: endpoint('GET', '/api/funds/projects', { query: ProjectListQuery, response: ProjectPage }),
  project: endpoint('GET', '/api/funds/projects/:id', { params: IdParam, response: ProjectDetail }),
  createProject: endpoint('POST', '/api/funds/projects', { body: ProjectInput, response: ProjectDetail }),
  updateProject: endpoint('PATCH', '/api/funds/projects/:id', { params: IdParam, body: ProjectPatch, response: ProjectDetail }),
  stepProject: endpoint('POST', '/api/funds/projects/:id/step', { params: IdParam, body: ProjectStepInput, response: ProjectDetail }),
  createFlow: endpoint('POST', '/api/funds/flows', { body: FlowInput, response: ProjectDetail }),
  createBeneficiary: endpoint('POST', '/api/funds/beneficiaries', { body: BeneficiaryInput, response: ProjectDetail }),
} as const;
