// 防返贫监测 contracts: households and members, the review chain, risks, measures, visits, figures.
import { z } from 'zod';
import { Amount, DivisionCode, IdNumber, IdParam, IsoDate, Ok, Phone, pageOf } from './common';
import { endpoint } from './endpoint';

// 监测对象类别: 脱贫不稳定户 / 边缘易致贫户 / 突发严重困难户
export const CATEGORIES = ['unstable', 'marginal', 'sudden'] as const;
// 纳入途径: 农户自主申报 / 干部排查 / 部门筛查预警
export const ENTRY_DOORS = ['self_apply', 'cadre_check', 'dept_alert'] as const;
// 状态: 认定中 / 监测中 / 风险消除中 / 已消除风险 / 不予纳入
/** Minimum length of the village public notice (公示), in calendar days, both ends included. */
export const NOTICE_MIN_DAYS = 5;
export const STATUSES = ['identifying', 'monitored', 'eliminating', 'eliminated', 'rejected'] as const;
// 审核环节: 入户核实 → 村级评议公示 → 乡镇审核 → 县级确定
export const STAGES = ['verify', 'village', 'town', 'county'] as const;
export const PROCEDURES = ['identify', 'eliminate'] as const;
export const ACTIONS = ['verify', 'publicise', 'town_approve', 'county_approve', 'return', 'reject', 'propose_elimination'] as const;
// 风险类型
export const RISK_KINDS = [
  'illness',
  'schooling',
  'disability',
  'disaster',
  'accident',
  'industry_failure',
  'unstable_work',
  'no_labour',
  'other',
] as const;
// 帮扶措施
export const MEASURE_KINDS = [
  'industry',
  'employment',
  'public_job',
  'education',
  'health',
  'housing',
  'social_assistance',
  'microcredit',
  'social_help',
  'other',
] as const;
export const RELATIONS = ['head', 'spouse', 'child', 'child_in_law', 'grandchild', 'parent', 'grandparent', 'sibling', 'other'] as const;
export const GENDERS = ['male', 'female'] as const;
export const HEALTH = ['healthy', 'chronic', 'serious', 'disabled', 'unknown'] as const; // disabled, unknown: as the national roster writes 残疾 / leaves it unsaid
export const DISABILITY = ['none', 'grade1', 'grade2', 'grade3', 'grade4'] as const;
export const SCHOOLING = [
  'preschool',
  'primary',
  'junior',
  'senior',
  'vocational',
  'college',
  'not_in_school',
  'dropped_out',
  'unknown',
] as const;
/** Members in school (在校生): what "households with students" counts. */
export const IN_SCHOOL: readonly (typeof SCHOOLING)[number][] = ['primary', 'junior', 'senior', 'vocational', 'college'];
export const WORK = [
  'farming',
  'local_work',
  'migrant_in_province',
  'migrant_out_province',
  'public_job',
  'self_employed',
  'unemployed',
  'unable',
  'none',
  'unknown',
] as const;
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;

export type Category = (typeof CATEGORIES)[number];
export type Status = (typeof STATUSES)[number];
export type Stage = (typeof STAGES)[number];
export type Procedure = (typeof PROCEDURES)[number];
export type Action = (typeof ACTIONS)[number];
export type RiskKind = (typeof RISK_KINDS)[number];
export type EntryDoor = (typeof ENTRY_DOORS)[number];
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export type Relation = (typeof RELATIONS)[number];
export type Gender = (typeof GENDERS)[number];
export type Schooling = (typeof SCHOOLING)[number];
export type Work = (typeof WORK)[number];
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

// dates, division codes, ID numbers, amounts and phone numbers: the shared vocabulary (contracts/common.ts)
const text = (max: number) => z.string().trim().max(max);
/** A household's phone: a phone number, or empty (the form clears it). */
const householdPhone = z
  .string()
  .trim()
  .max(30)
  .refine((v) => v === '' || Phone.safeParse(v).success, 'validation.phone');

export const MemberInput = z.strictObject({
  name: text(50).min(1),
  relation: z.enum(RELATIONS),
  gender: z.enum(GENDERS),
  birthDate: IsoDate,
  idNumber: IdNumber,
  health: z.enum(HEALTH),
  healthNote: text(200).optional(),
  disability: z.enum(DISABILITY).default('none'),
  schooling: z.enum(SCHOOLING),
  work: z.enum(WORK),
});
export type MemberInput = z.infer<typeof MemberInput>;

/** Only the fields sent change: the creation default of `disability` must not apply here, or correcting
 *  someone's work would silently reset their (encrypted, unseen) disability to 'none'. */
export const MemberUpdate = MemberInput.extend({ disability: z.enum(DISABILITY) }).partial();
export const MemberLeave = z.strictObject({ reason: z.enum(['moved_out', 'deceased', 'other']), note: text(200).optional() });

const householdFields = {
  category: z.enum(CATEGORIES),
  isLifted: z.boolean().default(false), // 脱贫户
  dibao: z.boolean().default(false), // 低保
  tekun: z.boolean().default(false), // 特困
  incomePerHead: Amount.nullable().optional(), // 人均年纯收入, 元
  incomeYear: z.number().int().min(2000).max(2100).nullable().optional(),
  address: text(200).optional(),
  phone: householdPhone.optional(),
  note: text(1000).optional(),
};

export const HouseholdCreate = z.strictObject({
  divisionCode: DivisionCode,
  entryDoor: z.enum(ENTRY_DOORS),
  ...householdFields,
  members: z.array(MemberInput).min(1).max(30),
});
export type HouseholdCreate = z.infer<typeof HouseholdCreate>;

export const HouseholdUpdate = z.strictObject({
  category: householdFields.category.optional(),
  isLifted: z.boolean().optional(),
  dibao: z.boolean().optional(),
  tekun: z.boolean().optional(),
  incomePerHead: householdFields.incomePerHead,
  incomeYear: householdFields.incomeYear,
  address: householdFields.address,
  phone: householdFields.phone,
  note: householdFields.note,
});

export const HouseholdQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  division: DivisionCode.optional(),
  status: z.enum(STATUSES).optional(),
  category: z.enum(CATEGORIES).optional(),
  risk: z.enum(RISK_KINDS).optional(),
  q: text(50).optional(), // head's or a member's name
  idNumber: z.string().max(30).optional(), // exact lookup through the keyed hash
  overdue: z.enum(['true', 'false']).optional(),
});

export const TransitionRequest = z.strictObject({
  action: z.enum(ACTIONS),
  comment: text(1000).optional(),
  authorisationSigned: z.boolean().optional(), // 授权承诺书已签字
  authorisationDate: IsoDate.optional(),
  noticeFrom: IsoDate.optional(), // 公示开始
  noticeTo: IsoDate.optional(), // 公示结束 (inclusive)
  overrideReason: text(500).optional(), // why a warning is overridden
  attachmentIds: z.array(z.number().int().positive()).max(20).default([]),
});
export type TransitionRequest = z.infer<typeof TransitionRequest>;

// ---- offline uploads (离线走访): idempotent ids, what the cadre saw, evidence ----

/** A client-generated id (uuid) that makes an upload idempotent: a repeat answers the first result, never a second row. */
export const ClientId = z.uuid();
/** An optional GPS stamp of a visit (shown to reviewers only). */
export const GpsStamp = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracy: z.number().min(0).max(100_000).optional(), // metres
  at: z.iso.datetime().optional(),
});
export type GpsStamp = z.infer<typeof GpsStamp>;
/** What the cadre saw of the household when typing offline, so the server can say what changed meanwhile. */
export const VisitBasis = z.strictObject({
  status: z.enum(STATUSES),
  activeMemberIds: z.array(z.number().int().positive()).max(30),
});
// What an upload reconciled with a household that changed meanwhile: risk closed already, risk of that kind
// open already, a newer follow-up kept, income of an older visit not applied, a member left, the status moved on.
export const RECONCILE_KINDS = [
  'riskAlreadyClosed',
  'riskAlreadyOpen',
  'newerFollowUp',
  'incomeNotApplied',
  'memberLeft',
  'statusChanged',
] as const;
export type ReconcileKind = (typeof RECONCILE_KINDS)[number];
export const Reconciled = z.object({
  kind: z.enum(RECONCILE_KINDS),
  id: z.number().int().nullable(), // the risk, measure or member concerned
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type Reconciled = z.infer<typeof Reconciled>;

export const AttachmentUpload = z.strictObject({
  fileName: text(200).min(1),
  mimeType: z.enum(ATTACHMENT_TYPES),
  contentBase64: z.string().min(4).max(8_000_000),
  clientId: ClientId.optional(),
  takenAt: z.iso.datetime().optional(), // when the photo was taken (the phone's clock)
});

export const RiskCreate = z.strictObject({
  kind: z.enum(RISK_KINDS),
  note: text(500).optional(),
  identifiedOn: IsoDate,
  clientId: ClientId.optional(),
});
export const RiskClose = z.strictObject({ closedOn: IsoDate, note: text(500).optional() });

export const MeasureCreate = z.strictObject({
  kind: z.enum(MEASURE_KINDS),
  description: text(500).min(1),
  providerTeamId: z.number().int().positive().nullable().optional(),
  providerUnitId: z.number().int().positive().nullable().optional(),
  amount: Amount.nullable().optional(),
  startOn: IsoDate,
  endOn: IsoDate.nullable().optional(),
});
export const MeasureFollowUp = z.strictObject({ on: IsoDate, note: text(500).optional(), clientId: ClientId.optional() });

export const VisitCreate = z.strictObject({
  visitedOn: IsoDate,
  visitors: text(200).min(1),
  findings: text(2000).min(1),
  incomePerHead: Amount.nullable().optional(),
  incomeYear: z.number().int().min(2000).max(2100).nullable().optional(),
  openRisks: z
    .array(z.strictObject({ kind: z.enum(RISK_KINDS), note: text(500).optional() }))
    .max(9)
    .default([]),
  closeRiskIds: z.array(z.number().int().positive()).max(20).default([]),
  followedMeasureIds: z.array(z.number().int().positive()).max(50).default([]),
  photoIds: z.array(z.number().int().positive()).max(10).default([]),
  clientId: ClientId.optional(),
  basis: VisitBasis.optional(),
  gps: GpsStamp.optional(),
});
export type VisitCreate = z.infer<typeof VisitCreate>;

export const LineUpsert = z.strictObject({
  provinceCode: z.string().regex(/^\d{2}$/),
  year: z.number().int().min(2000).max(2100),
  amount: Amount,
  demo: z.boolean().default(false),
  note: text(200).optional(),
});

export const FiguresQuery = z.strictObject({
  division: DivisionCode.optional(),
  team: z.coerce.number().int().positive().optional(),
  from: IsoDate,
  to: IsoDate,
  children: z.enum(['true', 'false']).optional(), // one row per child division of `division`
});

/** One elimination rule as checked for reviewers. */
export const RuleCheck = z.object({
  rule: z.enum(['monitoredSixMonths', 'hasMeasure', 'incomeAboveLine', 'noOpenRisk', 'hasLabour']),
  ok: z.boolean(),
  params: z.record(z.string(), z.unknown()),
});
export type RuleCheck = z.infer<typeof RuleCheck>;

const Count = z.object({ households: z.number().int(), persons: z.number().int() });
export const Figures = z.object({
  unit: z.object({ divisionCode: z.string().nullable(), teamId: z.number().int().nullable(), name: z.string().nullable() }),
  period: z.object({ from: z.string(), to: z.string() }),
  monitored: Count, // 监测对象 (status monitored or eliminating)
  byCategory: z.record(z.string(), Count),
  byStatus: z.record(z.string(), Count),
  byRisk: z.record(z.string(), Count), // open risks
  newlyIdentified: Count,
  eliminated: Count,
  visits: z.object({
    made: z.number().int(),
    households: z.number().int(),
    persons: z.number().int(),
    overdueHouseholds: z.number().int(),
  }),
  householdsWithStudents: z.number().int(),
  villages: z.number().int(), // villages with at least one monitored household
});
export type Figures = z.infer<typeof Figures>;

// ---- responses: what the monitoring API answers (validated on the way out, documented in OpenAPI) ----

export const LEFT_REASONS = ['moved_out', 'deceased', 'other', 'household_closed'] as const;
/** Steps in the review history: the actions above plus the registration that opens the record. */
export const STEP_ACTIONS = ['create', ...ACTIONS] as const;
export type LeftReason = (typeof LEFT_REASONS)[number];
export type StepAction = (typeof STEP_ACTIONS)[number];

/** One household in a list: the head, the village, the state, the clock and the visit reminder. */
export const HouseholdSummary = z.object({
  id: z.number().int(),
  divisionCode: z.string(),
  village: z.string().nullable(),
  headName: z.string(),
  category: z.enum(CATEGORIES),
  entryDoor: z.enum(ENTRY_DOORS),
  isLifted: z.boolean(),
  dibao: z.boolean(),
  tekun: z.boolean(),
  incomePerHead: z.number().nullable(),
  incomeYear: z.number().int().nullable(),
  status: z.enum(STATUSES),
  stage: z.enum(STAGES).nullable(),
  persons: z.number().int(), // active members
  openRisks: z.array(z.enum(RISK_KINDS)),
  lastVisitOn: z.string().nullable(),
  visitDue: z.boolean(),
  procedureWorkDays: z.number().int().nullable(),
  procedureOverdue: z.boolean(),
  identifiedOn: z.string().nullable(),
  eliminatedOn: z.string().nullable(),
  demo: z.boolean(),
});
export type HouseholdSummary = z.infer<typeof HouseholdSummary>;

export const HouseholdPage = pageOf(HouseholdSummary);
export type HouseholdPage = z.infer<typeof HouseholdPage>;

/** A member as screens and exports see them: the ID number masked, no health data. */
export const PublicMember = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  name: z.string(),
  relation: z.enum(RELATIONS),
  gender: z.enum(GENDERS),
  birthDate: z.string(),
  idMasked: z.string(), // 4412**********123X
  schooling: z.enum(SCHOOLING),
  work: z.enum(WORK),
  active: z.boolean(),
  leftReason: z.enum(LEFT_REASONS).nullable(),
});
export type PublicMember = z.infer<typeof PublicMember>;

/** 查看完整身份证号与健康信息: the answer to a reveal (audited). */
export const MemberReveal = z.object({
  idNumber: z.string(),
  health: z.enum(HEALTH),
  healthNote: z.string().nullable(),
  disability: z.enum(DISABILITY),
});
export type MemberReveal = z.infer<typeof MemberReveal>;

/** 查看户联系电话与住址: the answer to a reveal (audited); the household page shows them masked. */
export const HouseholdContact = z.object({ phone: z.string().nullable(), address: z.string().nullable() });
export type HouseholdContact = z.infer<typeof HouseholdContact>;

/** An uploaded file (佐证材料 or visit photo), without its content. */
export const FileMeta = z.object({
  id: z.number().int(),
  fileName: z.string(),
  mimeType: z.enum(ATTACHMENT_TYPES),
  size: z.number().int(),
  takenAt: z.string().nullable().optional(), // ISO timestamp, photos taken on the phone
});
export type FileMeta = z.infer<typeof FileMeta>;
export const AttachmentMeta = FileMeta.extend({ stepId: z.number().int().nullable(), visitId: z.number().int().nullable() });
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

export const Risk = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  kind: z.enum(RISK_KINDS),
  note: z.string().nullable(),
  identifiedOn: z.string(),
  closedOn: z.string().nullable(),
  closeNote: z.string().nullable(),
  reconciled: z.array(Reconciled).optional(), // an offline upload: what changed meanwhile
});
export type Risk = z.infer<typeof Risk>;

export const Measure = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  kind: z.enum(MEASURE_KINDS),
  description: z.string(),
  providerTeamId: z.number().int().nullable(),
  providerUnitId: z.number().int().nullable(),
  amount: z.number().nullable(), // 元
  startOn: z.string(),
  endOn: z.string().nullable(),
  lastFollowUpOn: z.string().nullable(),
  followUpNote: z.string().nullable(),
  reconciled: z.array(Reconciled).optional(),
});
export type Measure = z.infer<typeof Measure>;

/** What a visit changed: risks opened (id, kind), risks closed and measures followed up (ids). */
export const RiskChanges = z.object({
  opened: z.array(z.object({ id: z.number().int(), kind: z.enum(RISK_KINDS) })),
  closed: z.array(z.number().int()),
  followed: z.array(z.number().int()).optional(),
});
export type RiskChanges = z.infer<typeof RiskChanges>;

/** A visit as recorded (the answer to POST …/visits). */
export const Visit = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  visitedOn: z.string(),
  visitors: z.string(),
  findings: z.string(),
  incomePerHead: z.number().nullable(),
  incomeYear: z.number().int().nullable(),
  riskChanges: RiskChanges.nullable(),
  createdAt: z.string(), // ISO timestamp
  reconciled: z.array(Reconciled).optional(),
});
export type Visit = z.infer<typeof Visit>;

/** A visit on the household's page, with its photos. */
export const VisitWithPhotos = Visit.omit({ householdId: true, createdAt: true, reconciled: true }).extend({
  photos: z.array(AttachmentMeta),
  gps: GpsStamp.nullable().optional(), // reviewers (town and county) only
});
export type VisitWithPhotos = z.infer<typeof VisitWithPhotos>;

/** What a step recorded besides its comment: authorisation, notice dates, the rule checks, why a warning was overridden. */
export const StepDetails = z.looseObject({
  entryDoor: z.enum(ENTRY_DOORS).optional(),
  authorisationSigned: z.boolean().optional(),
  authorisationDate: z.string().optional(),
  noticeFrom: z.string().nullable().optional(),
  noticeTo: z.string().nullable().optional(),
  checks: z.array(RuleCheck).optional(),
  overrideReason: z.string().optional(),
});
export type StepDetails = z.infer<typeof StepDetails>;

/** One step of the review history (审核记录) with its evidence. */
export const Step = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  procedure: z.enum(PROCEDURES),
  action: z.enum(STEP_ACTIONS),
  fromStatus: z.enum(STATUSES).nullable(),
  fromStage: z.enum(STAGES).nullable(),
  toStatus: z.enum(STATUSES),
  toStage: z.enum(STAGES).nullable(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  at: z.string(), // ISO timestamp
  comment: z.string().nullable(),
  stageWorkDays: z.number().int().nullable(),
  details: StepDetails.nullable(),
  attachments: z.array(AttachmentMeta),
});
export type Step = z.infer<typeof Step>;

/** A household with everything its page shows, and what this user may do with it now. */
export const HouseholdDetail = z.object({
  household: HouseholdSummary.extend({
    address: z.string().nullable(), // masked (兴义村******): revealHouseholdContact shows it, audited
    phone: z.string().nullable(), // masked (138****8000)
    note: z.string().nullable(),
    noticeFrom: z.string().nullable(),
    noticeTo: z.string().nullable(),
  }),
  clock: z.object({
    running: z.boolean(),
    workDays: z.number().int().nullable(),
    limit: z.number().int(),
    overdue: z.boolean(),
    startedOn: z.string().nullable(),
    stageEnteredAt: z.string().nullable(), // ISO timestamp
  }),
  members: z.array(PublicMember),
  risks: z.array(Risk.omit({ householdId: true })),
  measures: z.array(Measure),
  visits: z.array(VisitWithPhotos),
  steps: z.array(Step),
  pendingAttachments: z.array(AttachmentMeta), // uploaded, not yet part of a step or visit
  checks: z.array(RuleCheck), // elimination rules, while monitored or eliminating
  actions: z.array(z.enum(ACTIONS)),
  canReveal: z.boolean(),
});
export type HouseholdDetail = z.infer<typeof HouseholdDetail>;

const WorkItem = z.object({
  id: z.number().int(),
  headName: z.string(),
  divisionCode: z.string(),
  village: z.string().nullable(),
  status: z.enum(STATUSES),
  stage: z.enum(STAGES).nullable(),
  noticeTo: z.string().nullable(),
  lastVisitOn: z.string().nullable(),
  procedureStartedOn: z.string().nullable(),
});
/** 我的待办: households due for a visit, steps this user may take, measures nobody followed up. */
export const Worklist = z.object({
  intervalDays: z.number().int(),
  dueVisits: z.array(WorkItem),
  reviews: z.array(WorkItem.extend({ actions: z.array(z.enum(ACTIONS)) })),
  measures: z.array(
    z.object({
      id: z.number().int(),
      householdId: z.number().int(),
      headName: z.string(),
      village: z.string().nullable(),
      kind: z.enum(MEASURE_KINDS),
      description: z.string(),
      startOn: z.string(),
      lastFollowUpOn: z.string().nullable(),
    }),
  ),
});
export type Worklist = z.infer<typeof Worklist>;

export const FiguresResponse = z.object({ rows: z.array(Figures) });

/** A household card for the offline pack: only what the visit form needs (masked IDs, open risks and measures). */
export const OfflineCard = z.object({
  id: z.number().int(),
  headName: z.string(),
  village: z.string().nullable(),
  status: z.enum(STATUSES),
  lastVisitOn: z.string().nullable(),
  visitDue: z.boolean(),
  members: z.array(z.object({ id: z.number().int(), name: z.string(), relation: z.enum(RELATIONS), idMasked: z.string() })),
  risks: z.array(z.object({ id: z.number().int(), kind: z.enum(RISK_KINDS), note: z.string().nullable() })),
  measures: z.array(
    z.object({ id: z.number().int(), kind: z.enum(MEASURE_KINDS), description: z.string(), lastFollowUpOn: z.string().nullable() }),
  ),
});
export type OfflineCard = z.infer<typeof OfflineCard>;
/** 离线资料包: the cadre's watched households in scope, good until `validUntil` (30 days). */
export const OfflinePack = z.object({ issuedOn: z.string(), validUntil: z.string(), households: z.array(OfflineCard) });
export type OfflinePack = z.infer<typeof OfflinePack>;
/** The secret the phone derives its queue key from (HKDF): the same for the same user, so a queue left by an
 *  expired session opens again when that user signs in, and never for anyone else. */
export const OfflineKey = z.object({
  userId: z.number().int(),
  secret: z.string(),
  sessionEndsAt: z.string(), // ISO timestamp: the session's absolute timeout; offline work stops there too
  idleMinutes: z.number().int(), // offline work stops after this long without a touch, as the session would
});

export const Village = z.object({ code: z.string(), name: z.string(), parentCode: z.string().nullable() });
export type Village = z.infer<typeof Village>;

/** 监测收入标准 of one province and year. */
export const Line = z.object({
  id: z.number().int(),
  provinceCode: z.string(),
  year: z.number().int(),
  amount: z.number(),
  demo: z.boolean(),
  note: z.string().nullable(),
});
export type Line = z.infer<typeof Line>;

/** The module's ledgers (台账): keys of /api/ledgers/<key>, used by server and web alike. */
export const MONITORING_LEDGERS = {
  roster: 'monitoring-roster',
  households: 'monitoring-households',
  members: 'monitoring-members',
  visits: 'monitoring-visits',
  measures: 'monitoring-measures',
} as const;

// ---- endpoints: what the web may call (checked against the server's routes by endpoints.test.ts) ----

export const monitoringApi = {
  households: endpoint('GET', '/api/monitoring/households', { query: HouseholdQuery, response: HouseholdPage }),
  createHousehold: endpoint('POST', '/api/monitoring/households', { body: HouseholdCreate, response: HouseholdDetail }),
  household: endpoint('GET', '/api/monitoring/households/:id', { params: IdParam, response: HouseholdDetail }),
  updateHousehold: endpoint('PATCH', '/api/monitoring/households/:id', {
    params: IdParam,
    body: HouseholdUpdate,
    response: HouseholdDetail,
  }),
  addMember: endpoint('POST', '/api/monitoring/households/:id/members', { params: IdParam, body: MemberInput, response: HouseholdDetail }),
  updateMember: endpoint('PATCH', '/api/monitoring/members/:id', { params: IdParam, body: MemberUpdate, response: Ok }),
  memberLeaves: endpoint('POST', '/api/monitoring/members/:id/leave', { params: IdParam, body: MemberLeave, response: Ok }),
  revealMember: endpoint('POST', '/api/monitoring/members/:id/reveal', { params: IdParam, response: MemberReveal }),
  revealHouseholdContact: endpoint('POST', '/api/monitoring/households/:id/reveal', { params: IdParam, response: HouseholdContact }),
  transition: endpoint('POST', '/api/monitoring/households/:id/transitions', {
    params: IdParam,
    body: TransitionRequest,
    response: HouseholdDetail,
  }),
  uploadAttachment: endpoint('POST', '/api/monitoring/households/:id/attachments', {
    params: IdParam,
    body: AttachmentUpload,
    response: FileMeta,
  }),
  attachment: endpoint('GET', '/api/monitoring/attachments/:id', { params: IdParam, file: true }),
  addRisk: endpoint('POST', '/api/monitoring/households/:id/risks', { params: IdParam, body: RiskCreate, response: Risk }),
  closeRisk: endpoint('POST', '/api/monitoring/risks/:id/close', { params: IdParam, body: RiskClose, response: Risk }),
  addMeasure: endpoint('POST', '/api/monitoring/households/:id/measures', { params: IdParam, body: MeasureCreate, response: Measure }),
  followUpMeasure: endpoint('POST', '/api/monitoring/measures/:id/follow-up', {
    params: IdParam,
    body: MeasureFollowUp,
    response: Measure,
  }),
  recordVisit: endpoint('POST', '/api/monitoring/households/:id/visits', { params: IdParam, body: VisitCreate, response: Visit }),
  worklist: endpoint('GET', '/api/monitoring/worklist', { response: Worklist }),
  offlinePack: endpoint('GET', '/api/monitoring/offline/pack', { response: OfflinePack }),
  offlineKey: endpoint('GET', '/api/monitoring/offline/key', { response: OfflineKey }),
  figures: endpoint('GET', '/api/monitoring/figures', { query: FiguresQuery, response: FiguresResponse }),
  villages: endpoint('GET', '/api/monitoring/villages', { response: z.array(Village) }),
  lines: endpoint('GET', '/api/monitoring/lines', { response: z.array(Line) }),
  putLine: endpoint('PUT', '/api/monitoring/lines', { body: LineUpsert, response: Ok }),
} as const;
