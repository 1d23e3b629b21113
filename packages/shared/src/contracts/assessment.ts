// 考核评价 (assessment): annual assistance agreements (年度帮扶协议) owned by a pairing, frameworks as versioned data
// (aspects → items with max points, evaluation groups, grade cut-offs), cycles that score each assessed party from
// live figures with a trace, the official calendar as a workflow (self-assessment → … → final), field-check samples
// of the records behind a figure, reviewers' scores with their spread and settlement, and what-if replays.
import { z } from 'zod';
import { IdParam, INT4_MAX, IsoDate } from './common';
import { endpoint } from './endpoint';

export const ITEM_KINDS = ['indicator', 'rubric', 'mandatory', 'veto', 'bonus', 'innovation', 'imported'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const RULE_TYPES = ['bands', 'linear', 'capped'] as const;
export const GRADES = ['good', 'fairlyGood', 'average', 'poor'] as const; // 好 | 较好 | 一般 | 差
export type Grade = (typeof GRADES)[number];
export const PROGRAMME_KINDS = ['east_west', 'town'] as const; // 东西部协作 | 驻镇帮镇扶村
/** The official calendar, in order. */
export const CYCLE_STEPS = ['self', 'paired', 'cross', 'field', 'panel', 'appeal', 'final'] as const;
export type CycleStep = (typeof CYCLE_STEPS)[number];
export const SIDES = ['helper', 'helped'] as const;
/** The field check's households drawn for satisfaction visits (满意度回访): a sample whose `item` is this, not a framework item's code. */
export const SATISFACTION_ITEM = '@satisfaction';

const Code = z.string().min(1).max(60);
const Name = z.string().trim().min(1).max(100);
const Year = z.coerce.number().int().min(2000).max(2100);

// ---- agreements ----
export const AgreementTargetInput = z.strictObject({
  indicator: z.string().min(1).max(80),
  target: z.number().positive(),
  /** The helped county (or town) the target is for; absent = the pairing's helped side as a whole. */
  divisionCode: z
    .string()
    .regex(/^\d{12}$/, 'validation.divisionCode')
    .nullish(),
});
export const AgreementInput = z.strictObject({
  pairingId: z.number().int().positive(),
  year: Year,
  title: Name.optional(),
  targets: z.array(AgreementTargetInput).min(1).max(100),
});
export const SignInput = z.strictObject({ side: z.enum(SIDES), signedOn: IsoDate, signer: Name });
export const AgreementTargetRow = z.object({
  id: z.number().int(),
  indicator: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  money: z.boolean(),
  divisionCode: z.string().nullable(),
  divisionName: z.string().nullable(),
  node: z.string(),
  target: z.number(),
  actual: z.number().nullable(),
  progress: z.number().nullable(),
});
const Signature = z.object({ signedOn: z.string(), signer: z.string(), role: z.string() }).nullable();
export const AgreementRow = z.object({
  id: z.number().int(),
  pairingId: z.number().int(),
  year: z.number().int(),
  title: z.string(),
  helperName: z.string(),
  helpedName: z.string(),
  helperDivisionCode: z.string(),
  helpedDivisionCode: z.string(),
  helperSigned: Signature,
  helpedSigned: Signature,
  targetCount: z.number().int(),
  progress: z.number().nullable(), // mean of the targets' progress, each capped at 100 %
});
export const AgreementDetail = AgreementRow.extend({ targets: z.array(AgreementTargetRow) });
export const AgreementListQuery = z.strictObject({ year: Year.optional(), division: z.string().max(12).optional() });

// ---- frameworks ----
export const ScoreRule = z.discriminatedUnion('type', [
  // threshold bands: the highest band reached by the completion share gives its fraction of the max points
  z.strictObject({
    type: z.literal('bands'),
    bands: z.array(z.strictObject({ atLeast: z.number().min(0), fraction: z.number().min(0).max(1) })).min(1),
  }),
  // linear: the share of the target completed, times the max points, never above them
  z.strictObject({ type: z.literal('linear') }),
  // capped: points per unit of the figure, up to the max points (innovation: per typical case)
  z.strictObject({ type: z.literal('capped'), perUnit: z.number().positive() }),
]);
export type ScoreRuleT = z.infer<typeof ScoreRule>;
export const FrameworkItem = z.strictObject({
  code: Code,
  name: Name,
  kind: z.enum(ITEM_KINDS),
  maxPoints: z.number().min(0).max(100),
  indicator: z.string().max(80).optional(), // 'funds.received' or 'social.publicity|typicalCase'
  rule: ScoreRule.optional(),
  guide: z.string().max(500).optional(), // the scoring guide (rubric)
  evidence: z.string().max(500).optional(), // the evidence expected
});
export type FrameworkItemT = z.infer<typeof FrameworkItem>;
export const FrameworkAspect = z.strictObject({ code: Code, name: Name, items: z.array(FrameworkItem).min(1) });
export const Cutoffs = z.strictObject({ good: z.number(), fairlyGood: z.number(), average: z.number() });
export type CutoffsT = z.infer<typeof Cutoffs>;
export const FrameworkGroup = z.strictObject({ key: Code, name: Name });
export const FrameworkInput = z.strictObject({
  year: Year,
  programme: z.enum(PROGRAMME_KINDS),
  name: Name,
  illustrative: z.boolean().default(false),
  aspects: z.array(FrameworkAspect).min(1).max(20),
  groups: z.array(FrameworkGroup).min(1).max(20),
  cutoffs: Cutoffs,
});
export type FrameworkInputT = z.infer<typeof FrameworkInput>;
export const Framework = FrameworkInput.extend({
  id: z.number().int(),
  version: z.number().int(),
  lockedAt: z.string().nullable(),
  copiedFrom: z.number().int().nullable(),
  maxTotal: z.number(),
});
export const CopyFrameworkInput = z.strictObject({ year: Year });

// ---- cycles and scores ----
export const CycleInput = z.strictObject({
  frameworkId: z.number().int().positive(),
  name: Name,
  parties: z
    .array(z.strictObject({ node: z.string().regex(/^(d:\d{2,12}|t:\d+)$/), group: Code, name: Name.optional() }))
    .min(1)
    .max(200),
  recheckShare: z.number().min(0).max(1).default(0.1),
});
export const ItemTrace = z.object({
  code: z.string(),
  aspect: z.string(),
  name: z.string(),
  kind: z.enum(ITEM_KINDS),
  maxPoints: z.number(),
  points: z.number(),
  rule: z.string(), // how the points follow from the inputs, in words
  inputs: z.record(z.string(), z.unknown()),
  veto: z.boolean(),
});
export type ItemTraceT = z.infer<typeof ItemTrace>;
export const PartyScore = z.object({
  partyId: z.number().int(),
  node: z.string(),
  name: z.string(),
  group: z.string(),
  total: z.number(),
  grade: z.enum(GRADES),
  rank: z.number().int(),
  vetoed: z.boolean(),
  items: z.array(ItemTrace),
});
export type PartyScoreT = z.infer<typeof PartyScore>;
export const StepRow = z.object({
  step: z.enum(CYCLE_STEPS),
  partyId: z.number().int().nullable(),
  doneOn: z.string(),
  role: z.string(),
  by: z.string(),
  note: z.string().nullable(),
});
export const ReviewRow = z.object({
  partyId: z.number().int(),
  item: z.string(),
  reviewer: z.string(),
  reviewerId: z.number().int().nullable(),
  points: z.number(),
  flag: z.boolean().nullable(),
  note: z.string().nullable(),
});
export const SettlementRow = z.object({
  partyId: z.number().int(),
  item: z.string(),
  points: z.number(),
  reason: z.string(),
  by: z.string(),
});
export const SampleRow = z.object({
  id: z.number().int(),
  partyId: z.number().int(),
  item: z.string(), // a framework item's code, or SATISFACTION_ITEM
  round: z.number().int(),
  record: z.string(), // the fact source's subject: an identifier, not for people to read
  /** what a checker needs to find the record: a project's document number, an enterprise, a household head's masked name; and its place */
  label: z.string().nullable(),
  day: z.string().nullable(),
  qty: z.number(),
  verified: z.boolean().nullable(),
});
export const FieldCheck = z.object({
  partyId: z.number().int(),
  item: z.string(),
  round: z.number().int(),
  reported: z.number(), // the sample's qty as self-reported
  verified: z.number().nullable(), // the verified qty (null until every record is checked)
  difference: z.number().nullable(), // |reported − verified| ÷ reported
  recheckRequired: z.boolean(), // never for satisfaction visits: they check people's views, not a figure
});
export const Cycle = z.object({
  id: z.number().int(),
  frameworkId: z.number().int(),
  frameworkName: z.string(),
  year: z.number().int(),
  name: z.string(),
  step: z.enum(CYCLE_STEPS),
  lockedAt: z.string().nullable(),
  recheckShare: z.number(),
  groups: z.array(FrameworkGroup),
  /** live scores (projected until final); after final the locked ones */
  scores: z.array(PartyScore),
  /** after final: the live score of each party beside the locked one (drift), else empty */
  drift: z.array(
    z.object({ partyId: z.number().int(), locked: z.number(), live: z.number(), lockedGrade: z.enum(GRADES), liveGrade: z.enum(GRADES) }),
  ),
  steps: z.array(StepRow),
  reviews: z.array(ReviewRow),
  settlements: z.array(SettlementRow),
  checks: z.array(FieldCheck),
  /** what this user may do: write reviewers' scores (HQ), submit its own party's self-assessment */
  canReview: z.boolean(),
  ownParties: z.array(z.number().int()),
});
export type CycleT = z.infer<typeof Cycle>;
export const CycleRow = z.object({
  id: z.number().int(),
  name: z.string(),
  year: z.number().int(),
  frameworkName: z.string(),
  step: z.enum(CYCLE_STEPS),
  lockedAt: z.string().nullable(),
  parties: z.number().int(),
});
export const AdvanceInput = z.strictObject({ note: z.string().max(500).optional() });
export const PartyStepInput = z.strictObject({ partyId: z.number().int().positive(), note: z.string().trim().min(1).max(1000) });
export const ReviewInput = z.strictObject({
  partyId: z.number().int().positive(),
  item: Code,
  points: z.number().min(-100).max(100),
  flag: z.boolean().optional(), // mandatory met / veto found
  note: z.string().max(500).optional(),
});
export const SettleInput = z.strictObject({
  partyId: z.number().int().positive(),
  item: Code,
  points: z.number().min(-100).max(100),
  reason: z.string().trim().min(1).max(500),
});
export const SampleInput = z.strictObject({
  partyId: z.number().int().positive(),
  item: Code, // an indicator item's code, or SATISFACTION_ITEM for households to visit
  size: z.number().int().min(1).max(50).default(5),
});
export const VerifyInput = z.strictObject({ verified: z.boolean() });
export const SampleList = z.array(SampleRow);
export const WhatIfInput = z.strictObject({
  maxPoints: z.record(z.string(), z.number().min(0).max(100)).default({}),
  cutoffs: Cutoffs.optional(),
});
export const WhatIfResult = z.object({
  parties: z.array(
    z.object({
      partyId: z.number().int(),
      name: z.string(),
      group: z.string(),
      total: z.number(),
      grade: z.enum(GRADES),
      whatIfTotal: z.number(),
      whatIfGrade: z.enum(GRADES),
      changed: z.boolean(),
    }),
  ),
  /** items by how far their change alone moves parties' totals, the largest first */
  items: z.array(z.object({ item: z.string(), name: z.string(), moved: z.number(), gradeChanges: z.number().int() })),
});

export const PartyParams = z.strictObject({
  id: z.coerce.number().int().positive().max(INT4_MAX),
  partyId: z.coerce.number().int().positive().max(INT4_MAX),
});

// ---- endpoints ----
export const assessmentApi = {
  // each with its targets' live progress (the list computes them anyway): what the dashboards' panel shows
  agreements: endpoint('GET', '/api/assessment/agreements', { query: AgreementListQuery, response: z.array(AgreementDetail) }),
  agreement: endpoint('GET', '/api/assessment/agreements/:id', { params: IdParam, response: AgreementDetail }),
  createAgreement: endpoint('POST', '/api/assessment/agreements', { body: AgreementInput, response: AgreementDetail }),
  signAgreement: endpoint('POST', '/api/assessment/agreements/:id/sign', { params: IdParam, body: SignInput, response: AgreementDetail }),
  frameworks: endpoint('GET', '/api/assessment/frameworks', { response: z.array(Framework) }),
  framework: endpoint('GET', '/api/assessment/frameworks/:id', { params: IdParam, response: Framework }),
  createFramework: endpoint('POST', '/api/assessment/frameworks', { body: FrameworkInput, response: Framework }),
  updateFramework: endpoint('PUT', '/api/assessment/frameworks/:id', { params: IdParam, body: FrameworkInput, response: Framework }),
  copyFramework: endpoint('POST', '/api/assessment/frameworks/:id/copy', {
    params: IdParam,
    body: CopyFrameworkInput,
    response: Framework,
  }),
  cycles: endpoint('GET', '/api/assessment/cycles', { response: z.array(CycleRow) }),
  cycle: endpoint('GET', '/api/assessment/cycles/:id', { params: IdParam, response: Cycle }),
  createCycle: endpoint('POST', '/api/assessment/cycles', { body: CycleInput, response: Cycle }),
  advance: endpoint('POST', '/api/assessment/cycles/:id/advance', { params: IdParam, body: AdvanceInput, response: Cycle }),
  partyStep: endpoint('POST', '/api/assessment/cycles/:id/party-step', { params: IdParam, body: PartyStepInput, response: Cycle }),
  review: endpoint('PUT', '/api/assessment/cycles/:id/reviews', { params: IdParam, body: ReviewInput, response: Cycle }),
  settle: endpoint('PUT', '/api/assessment/cycles/:id/settlements', { params: IdParam, body: SettleInput, response: Cycle }),
  samples: endpoint('GET', '/api/assessment/cycles/:id/samples', { params: IdParam, response: SampleList }),
  drawSample: endpoint('POST', '/api/assessment/cycles/:id/samples', { params: IdParam, body: SampleInput, response: SampleList }),
  verify: endpoint('PUT', '/api/assessment/samples/:id', { params: IdParam, body: VerifyInput, response: SampleList }),
  whatIf: endpoint('POST', '/api/assessment/cycles/:id/what-if', { params: IdParam, body: WhatIfInput, response: WhatIfResult }),
  /** 评分表 (.xlsx): every visible party's items with inputs, rule, points and reviewers' scores; totals, grades, ranks */
  scoreTable: endpoint('GET', '/api/assessment/cycles/:id/score-table', { params: IdParam, file: true }),
  /** 自评报告 (.docx, 公文): one party's self-assessment written from its scores and the records behind them */
  selfReport: endpoint('GET', '/api/assessment/cycles/:id/parties/:partyId/self-report', { params: PartyParams, file: true }),
} as const;
