// 社会帮扶、会议、互访、宣传 (social): donations and condolence visits (捐赠/慰问), social funds raised (社会帮扶资金),
// meetings with their decisions followed to done (会议/议定事项), high-level visits (互访调研) and publicity (宣传报道).
// Every record carries the division where it happened (the helped side) and the team that recorded it.
import { z } from 'zod';
import { Amount, DivisionCode, IdParam, IsoDate, Paging, pageOf } from './common';
import { endpoint } from './endpoint';

export const DONOR_KINDS = ['unit', 'enterprise', 'social_org', 'individual'] as const; // 单位 | 企业 | 社会组织 | 个人
export const RECIPIENT_KINDS = ['household', 'village', 'school', 'other'] as const; // 农户 | 村 | 学校 | 其他
export const FUND_PURPOSES = ['infrastructure', 'industry', 'education', 'health', 'livelihood', 'other'] as const;
/** 党政联席会议 | 座谈会 | 工作推进会 | 队长例会 | 组团单位联席会议 | 其他 */
export const MEETING_KINDS = ['joint', 'symposium', 'progress', 'team_leaders', 'unit_joint', 'other'] as const;
export const MEETING_LEVELS = ['province', 'city', 'county', 'town'] as const; // 省 | 市 | 县（区） | 镇
/** 党政主要负责同志 | 党政班子成员 | 部门负责同志 | 其他 */
export const VISITOR_LEVELS = ['main_leader', 'leader', 'department', 'other'] as const;
/** 帮扶方赴受帮扶地 | 受帮扶方赴帮扶地 */
export const VISIT_DIRECTIONS = ['to_helped', 'to_helper'] as const;
export const MEDIA_LEVELS = ['central', 'provincial', 'city', 'county'] as const; // 中央 | 省级 | 市级 | 县级
export const PUBLICITY_KINDS = ['report', 'typical_case', 'experience'] as const; // 报道 | 典型案例 | 经验做法
export const DECISION_STATES = ['open', 'overdue', 'done'] as const;

export type DonorKind = (typeof DONOR_KINDS)[number];
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export type FundPurpose = (typeof FUND_PURPOSES)[number];
export type MeetingKind = (typeof MEETING_KINDS)[number];
export type MeetingLevel = (typeof MEETING_LEVELS)[number];
export type VisitorLevel = (typeof VISITOR_LEVELS)[number];
export type VisitDirection = (typeof VISIT_DIRECTIONS)[number];
export type MediaLevel = (typeof MEDIA_LEVELS)[number];
export type PublicityKind = (typeof PUBLICITY_KINDS)[number];
export type DecisionState = (typeof DECISION_STATES)[number];

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).nullable().optional();
const Quantity = z.number().positive().max(1e9);

/** What every record answers besides its own fields: where, which team. */
const Placed = {
  id: z.number().int(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  teamId: z.number().int().nullable(),
  note: z.string().nullable(),
};

/** Filters every list takes: a place (and everything under it), a team, a period. */
const ListFilters = Paging.extend({
  divisionCode: DivisionCode.optional(),
  teamId: z.coerce.number().int().positive().optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

// ---- 捐赠/慰问: cash and goods; goods without a value count as items, never as money ----
export const DonationInput = z.strictObject({
  donatedOn: IsoDate,
  donorName: text(100),
  donorKind: z.enum(DONOR_KINDS),
  recipientKind: z.enum(RECIPIENT_KINDS),
  recipientName: text(100),
  divisionCode: DivisionCode, // the village (or town) the recipients live in
  householdId: id.nullable().optional(), // a monitored household (防返贫监测), when the recipient is one
  unitId: id.nullable().optional(), // a school (or other unit) of the registry (协作档案·单位), when the recipient is one
  households: z.number().int().min(0).max(1_000_000).nullable().optional(), // 受益户数
  teamId: id.nullable().optional(),
  cashAmount: Amount.optional(), // 慰问金, 元
  goodsItem: optText(100), // 衣物, 大米 …
  goodsQuantity: Quantity.nullable().optional(),
  goodsUnit: optText(10), // 件, 袋, 台
  goodsValue: Amount.nullable().optional(), // estimated, 元; null = not valued (counted as items)
  note: optText(1000),
});
export const DonationPatch = DonationInput.partial();
export const DonationRow = z.object({
  ...Placed,
  donatedOn: z.string(),
  donorName: z.string(),
  donorKind: z.enum(DONOR_KINDS),
  recipientKind: z.enum(RECIPIENT_KINDS),
  recipientName: z.string(),
  householdId: z.number().int().nullable(),
  unitId: z.number().int().nullable(),
  households: z.number().int().nullable(),
  cashAmount: z.number(),
  goodsItem: z.string().nullable(),
  goodsQuantity: z.number().nullable(),
  goodsUnit: z.string().nullable(),
  goodsValue: z.number().nullable(),
});
export const DonationListQuery = ListFilters.extend({ donorKind: z.enum(DONOR_KINDS).optional(), q: z.string().max(50).optional() });
/** Totals of the list's rows (all pages): money = cash + valued goods; items = quantities of goods without a value. */
export const DonationTotals = z.object({ cash: z.number(), goodsValue: z.number(), money: z.number(), items: z.number() });
export const DonationPage = pageOf(DonationRow).extend({ totals: DonationTotals });

// ---- 社会帮扶资金: pledged and received, by donor and purpose ----
export const FundInput = z.strictObject({
  donorName: text(100),
  donorKind: z.enum(DONOR_KINDS),
  purpose: z.enum(FUND_PURPOSES),
  purposeNote: optText(200), // 南口镇道路亮化工程 …
  divisionCode: DivisionCode,
  teamId: id.nullable().optional(),
  pledgedOn: IsoDate,
  pledgedAmount: Amount,
  receivedAmount: Amount.optional(),
  receivedOn: IsoDate.nullable().optional(),
  /** 资助项目: codes of the projects (协作项目) the money paid for, each one the user's */
  projectCodes: z.array(z.string().trim().min(1).max(50)).max(20).optional(),
  note: optText(1000),
});
export const FundPatch = FundInput.partial();
export const FundRow = z.object({
  ...Placed,
  donorName: z.string(),
  donorKind: z.enum(DONOR_KINDS),
  purpose: z.enum(FUND_PURPOSES),
  purposeNote: z.string().nullable(),
  pledgedOn: z.string(),
  pledgedAmount: z.number(),
  receivedAmount: z.number(),
  receivedOn: z.string().nullable(),
  /** the projects it paid for: code, and the name when the project is in the user's scope */
  projects: z.array(z.object({ code: z.string(), name: z.string().nullable() })),
});
export const FundListQuery = ListFilters.extend({
  purpose: z.enum(FUND_PURPOSES).optional(),
  q: z.string().max(50).optional(),
  projectCode: z.string().trim().min(1).max(50).optional(), // the funds that paid for this project
});
export const FundTotals = z.object({ pledged: z.number(), received: z.number() });
export const FundPage = pageOf(FundRow).extend({ totals: FundTotals });

// ---- 会议 and 议定事项 ----
export const DecisionInput = z.strictObject({
  content: text(1000),
  ownerTeamId: id.nullable().optional(), // default: the meeting's team
  ownerName: optText(100), // 责任单位/责任人 as written
  dueOn: IsoDate,
  note: optText(1000),
});
export const MeetingInput = z.strictObject({
  heldOn: IsoDate,
  kind: z.enum(MEETING_KINDS),
  level: z.enum(MEETING_LEVELS),
  title: text(200),
  place: optText(200),
  divisionCode: DivisionCode,
  teamId: id.nullable().optional(),
  helperAttendees: optText(500), // 帮扶方参会领导（职务）
  helpedAttendees: optText(500), // 受帮扶方参会领导（职务）
  topics: optText(2000),
  note: optText(1000),
  /** 议定事项 recorded with the meeting (more are added to it later) */
  decisions: z.array(DecisionInput).max(50).optional(),
});
export const MeetingPatch = MeetingInput.omit({ decisions: true }).partial();
export const MeetingRow = z.object({
  ...Placed,
  heldOn: z.string(),
  kind: z.enum(MEETING_KINDS),
  level: z.enum(MEETING_LEVELS),
  title: z.string(),
  place: z.string().nullable(),
  helperAttendees: z.string().nullable(),
  helpedAttendees: z.string().nullable(),
  topics: z.string().nullable(),
  decisionsOpen: z.number().int(),
  decisionsOverdue: z.number().int(),
});
export const MeetingListQuery = ListFilters.extend({ kind: z.enum(MEETING_KINDS).optional(), level: z.enum(MEETING_LEVELS).optional() });
export const MeetingPage = pageOf(MeetingRow).extend({
  totals: z.object({ byKind: z.record(z.string(), z.number().int()), byLevel: z.record(z.string(), z.number().int()) }),
});

export const DecisionPatch = z.strictObject({
  content: text(1000).optional(),
  ownerTeamId: id.nullable().optional(),
  ownerName: optText(100),
  dueOn: IsoDate.optional(),
  doneOn: IsoDate.nullable().optional(), // set = 已办结
  doneNote: optText(1000),
});
export const DecisionRow = z.object({
  id: z.number().int(),
  meetingId: z.number().int(),
  meetingTitle: z.string(),
  heldOn: z.string(),
  divisionCode: z.string(), // the meeting's
  divisionName: z.string().nullable(),
  teamId: z.number().int().nullable(), // the meeting's team
  owner: z.object({ teamId: z.number().int().nullable(), name: z.string().nullable() }),
  content: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  doneNote: z.string().nullable(),
  note: z.string().nullable(),
  state: z.enum(DECISION_STATES),
  daysOverdue: z.number().int(), // 0 unless overdue
});
export const DecisionListQuery = Paging.extend({
  state: z.enum(DECISION_STATES).optional(),
  meetingId: z.coerce.number().int().positive().optional(),
  teamId: z.coerce.number().int().positive().optional(),
});
export const DecisionPage = pageOf(DecisionRow);
export const MeetingDetail = MeetingRow.extend({ decisions: z.array(DecisionRow) });

// ---- 互访调研 ----
export const VisitInput = z.strictObject({
  startedOn: IsoDate,
  endedOn: IsoDate.nullable().optional(),
  visitorLevel: z.enum(VISITOR_LEVELS),
  visitors: text(300), // 荔湾区委书记刘震辉 …
  direction: z.enum(VISIT_DIRECTIONS),
  fromDivisionCode: DivisionCode, // the visitors' side
  divisionCode: DivisionCode, // the place visited
  teamId: id.nullable().optional(),
  purpose: optText(1000),
  note: optText(1000),
});
export const VisitPatch = VisitInput.partial();
export const VisitRow = z.object({
  ...Placed,
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  visitorLevel: z.enum(VISITOR_LEVELS),
  visitors: z.string(),
  direction: z.enum(VISIT_DIRECTIONS),
  fromDivisionCode: z.string(),
  fromDivisionName: z.string().nullable(),
  purpose: z.string().nullable(),
});
export const VisitListQuery = ListFilters.extend({ visitorLevel: z.enum(VISITOR_LEVELS).optional() });
export const VisitPage = pageOf(VisitRow);

// ---- 宣传报道 ----
export const PublicityInput = z.strictObject({
  publishedOn: IsoDate,
  title: text(300),
  medium: text(100), // 新华网, 南方日报 …
  mediaLevel: z.enum(MEDIA_LEVELS),
  kind: z.enum(PUBLICITY_KINDS),
  link: z.string().trim().url('validation.invalidFormat').max(1000).nullable().optional(),
  divisionCode: DivisionCode,
  teamId: id.nullable().optional(),
  note: optText(1000),
});
export const PublicityPatch = PublicityInput.partial();
export const PublicityRow = z.object({
  ...Placed,
  publishedOn: z.string(),
  title: z.string(),
  medium: z.string(),
  mediaLevel: z.enum(MEDIA_LEVELS),
  kind: z.enum(PUBLICITY_KINDS),
  link: z.string().nullable(),
});
export const PublicityListQuery = ListFilters.extend({
  mediaLevel: z.enum(MEDIA_LEVELS).optional(),
  kind: z.enum(PUBLICITY_KINDS).optional(),
  q: z.string().max(50).optional(),
});
export const PublicityPage = pageOf(PublicityRow).extend({ totals: z.object({ byLevel: z.record(z.string(), z.number().int()) }) });

/** The module's ledgers (台账): keys of /api/ledgers/<key>. */
export const SOCIAL_LEDGERS = {
  donations: 'social-donations',
  funds: 'social-funds',
  meetings: 'social-meetings',
  decisions: 'social-decisions',
  visits: 'social-visits',
  publicity: 'social-publicity',
} as const;

// ---- endpoints ----
export const socialApi = {
  donations: endpoint('GET', '/api/social/donations', { query: DonationListQuery, response: DonationPage }),
  createDonation: endpoint('POST', '/api/social/donations', { body: DonationInput, response: DonationRow }),
  updateDonation: endpoint('PATCH', '/api/social/donations/:id', { params: IdParam, body: DonationPatch, response: DonationRow }),
  funds: endpoint('GET', '/api/social/funds', { query: FundListQuery, response: FundPage }),
  createFund: endpoint('POST', '/api/social/funds', { body: FundInput, response: FundRow }),
  updateFund: endpoint('PATCH', '/api/social/funds/:id', { params: IdParam, body: FundPatch, response: FundRow }),
  meetings: endpoint('GET', '/api/social/meetings', { query: MeetingListQuery, response: MeetingPage }),
  meeting: endpoint('GET', '/api/social/meetings/:id', { params: IdParam, response: MeetingDetail }),
  createMeeting: endpoint('POST', '/api/social/meetings', { body: MeetingInput, response: MeetingDetail }),
  updateMeeting: endpoint('PATCH', '/api/social/meetings/:id', { params: IdParam, body: MeetingPatch, response: MeetingDetail }),
  addDecision: endpoint('POST', '/api/social/meetings/:id/decisions', { params: IdParam, body: DecisionInput, response: DecisionRow }),
  decisions: endpoint('GET', '/api/social/decisions', { query: DecisionListQuery, response: DecisionPage }),
  updateDecision: endpoint('PATCH', '/api/social/decisions/:id', { params: IdParam, body: DecisionPatch, response: DecisionRow }),
  visits: endpoint('GET', '/api/social/visits', { query: VisitListQuery, response: VisitPage }),
  createVisit: endpoint('POST', '/api/social/visits', { body: VisitInput, response: VisitRow }),
  updateVisit: endpoint('PATCH', '/api/social/visits/:id', { params: IdParam, body: VisitPatch, response: VisitRow }),
  publicity: endpoint('GET', '/api/social/publicity', { query: PublicityListQuery, response: PublicityPage }),
  createPublicity: endpoint('POST', '/api/social/publicity', { body: PublicityInput, response: PublicityRow }),
  updatePublicity: endpoint('PATCH', '/api/social/publicity/:id', { params: IdParam, body: PublicityPatch, response: PublicityRow }),
} as const;
