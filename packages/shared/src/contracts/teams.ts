// Teams (指挥部/工作组/工作队), their members by round, dispatched cadres and professionals (援派干部/专业技术人才)
// and the talent exchange ledger (人才交流).
import { z } from 'zod';
import { DivisionCode, IdNumber, IdParam, IsoDate, Paging, Phone, pageOf } from './common';
import { endpoint } from './endpoint';

export const TEAM_KINDS = ['hq', 'group', 'team'] as const; // 指挥部 | 工作组 | 工作队
export const MEMBER_ROLES = ['leader', 'deputy', 'member', 'liaison'] as const; // 队长 | 副队长 | 队员 | 联络员
export const CADRE_KINDS = ['cadre', 'teacher', 'doctor', 'agronomist', 'other'] as const; // 党政干部 | 支教 | 支医 | 农技 | 其他
export const GENDERS = ['male', 'female'] as const;
export const EXCHANGE_KINDS = ['cadre', 'teacher', 'doctor', 'technician', 'other_professional', 'training'] as const;
/** 党政干部 | 专业技术人才 | 培训: how the reports add exchange kinds up. */
export const EXCHANGE_GROUPS = ['cadre', 'professional', 'training'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];
export type MemberRole = (typeof MEMBER_ROLES)[number];
export type CadreKind = (typeof CADRE_KINDS)[number];
export type Gender = (typeof GENDERS)[number];
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];
export type ExchangeGroup = (typeof EXCHANGE_GROUPS)[number];
export function exchangeGroupOf(kind: ExchangeKind): ExchangeGroup {
  return kind === 'cadre' || kind === 'training' ? kind : 'professional';
}
/** 教育 | 医疗 | 农业 | 其他: a named professional's field. */
export const PROFESSIONAL_FIELDS = ['education', 'health', 'agriculture', 'other'] as const;
export type ProfessionalField = (typeof PROFESSIONAL_FIELDS)[number];
/** The field a named person of an exchange kind has unless given (a cadre has none). */
export function defaultFieldOf(kind: ExchangeKind): ProfessionalField | null {
  return (
    ({ teacher: 'education', doctor: 'health', technician: 'agriculture', other_professional: 'other' } as const)[kind as 'teacher'] ?? null
  );
}
/**
 * The minimum stay (days, arrival to departure inclusive) for a named trip to count as 交流人次 in the
 * assessment, by kind; the server's settings (TEAMS_MIN_STAY_DAYS_<KIND>) may change them. Training is never named.
 */
export const MIN_STAY_DEFAULTS: Record<Exclude<ExchangeKind, 'training'>, number> = {
  cadre: 180, // 挂职半年
  teacher: 30,
  doctor: 30,
  technician: 30,
  other_professional: 30,
};

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);

// ---- teams ----
export const TeamInput = z.strictObject({
  parentId: id.nullable().optional(),
  name: text(100),
  kind: z.enum(TEAM_KINDS),
  divisionCode: DivisionCode,
  programmeId: id.nullable().optional(),
  leadUnitId: id.nullable().optional(),
  memberUnitIds: z.array(id).max(100).optional(),
  startDate: IsoDate.nullable().optional(),
  endDate: IsoDate.nullable().optional(),
  note: z.string().max(1000).nullable().optional(),
});
export const TeamPatch = TeamInput.partial();

const Named = z.object({ id: z.number().int(), name: z.string() });

export const TeamRow = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  kind: z.enum(TEAM_KINDS),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  programmeId: z.number().int().nullable(),
  programmeName: z.string().nullable(),
  leadUnitId: z.number().int().nullable(),
  leadUnitName: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  note: z.string().nullable(),
  membersNow: z.number().int(), // members whose membership covers today
});

export const MemberRow = z.object({
  id: z.number().int(),
  teamId: z.number().int(),
  teamName: z.string(),
  cadreId: z.number().int(),
  name: z.string(),
  gender: z.enum(GENDERS),
  kind: z.enum(CADRE_KINDS),
  sendingUnit: z.string(),
  localPost: z.string().nullable(),
  role: z.enum(MEMBER_ROLES),
  round: z.number().int(),
  startDate: z.string(),
  endDate: z.string().nullable(),
});

export const TeamDetail = TeamRow.extend({
  memberUnits: z.array(Named),
  children: z.array(TeamRow),
  rounds: z.array(z.number().int()),
  members: z.array(MemberRow), // on the asked date (default today), or of the asked round
});

export const TeamDetailQuery = z.strictObject({ on: IsoDate.optional(), round: z.coerce.number().int().positive().optional() });
export const TeamListQuery = z.strictObject({
  programmeId: z.coerce.number().int().positive().optional(),
  q: z.string().max(50).optional(),
});

export const MemberInput = z.strictObject({
  cadreId: id,
  role: z.enum(MEMBER_ROLES),
  round: z.number().int().positive().max(20).optional(), // default: the team's current round
  startDate: IsoDate,
  endDate: IsoDate.nullable().optional(),
});
export const MemberPatch = z.strictObject({
  role: z.enum(MEMBER_ROLES).optional(),
  startDate: IsoDate.optional(),
  endDate: IsoDate.nullable().optional(),
});

// ---- cadres and professionals ----
export const CadreInput = z.strictObject({
  name: text(50),
  gender: z.enum(GENDERS),
  phone: Phone.nullable().optional(),
  idNumber: IdNumber,
  kind: z.enum(CADRE_KINDS),
  sendingUnit: text(100),
  sendingUnitId: id.nullable().optional(),
  localPost: z.string().trim().max(100).nullable().optional(),
  teamId: id.nullable().optional(),
  divisionCode: DivisionCode.optional(), // defaults to the team's station
  dispatchStart: IsoDate,
  dispatchEnd: IsoDate.nullable().optional(),
  note: z.string().max(1000).nullable().optional(),
});
export const CadrePatch = CadreInput.partial();

export const CadreRow = z.object({
  id: z.number().int(),
  name: z.string(),
  gender: z.enum(GENDERS),
  phone: z.string().nullable(),
  idNumberMasked: z.string(),
  kind: z.enum(CADRE_KINDS),
  sendingUnit: z.string(),
  sendingUnitId: z.number().int().nullable(),
  localPost: z.string().nullable(),
  teamId: z.number().int().nullable(),
  teamName: z.string().nullable(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  dispatchStart: z.string(),
  dispatchEnd: z.string().nullable(),
  onDuty: z.boolean(),
  note: z.string().nullable(),
});

export const CadreListQuery = Paging.extend({
  teamId: z.coerce.number().int().positive().optional(),
  divisionCode: DivisionCode.optional(),
  kind: z.enum(CADRE_KINDS).optional(),
  onDuty: z.enum(['true', 'false']).optional(),
  q: z.string().max(50).optional(),
});
export const CadrePage = pageOf(CadreRow);
export const RevealResponse = z.object({ idNumber: z.string() });

export const OnDutyQuery = z.strictObject({
  on: IsoDate.optional(),
  teamId: z.coerce.number().int().positive().optional(),
  divisionCode: DivisionCode.optional(),
});
const OnDutyCount = z.object({ total: z.number().int(), byKind: z.record(z.string(), z.number().int()) });
export const OnDutyResponse = z.object({
  on: z.string(),
  total: z.number().int(),
  byTeam: z.array(OnDutyCount.extend({ teamId: z.number().int().nullable(), teamName: z.string().nullable() })),
  byDivision: z.array(OnDutyCount.extend({ divisionCode: z.string(), divisionName: z.string().nullable() })),
  people: z.array(CadreRow),
});

// ---- talent exchanges ----
export const ExchangeInput = z.strictObject({
  kind: z.enum(EXCHANGE_KINDS),
  personTimes: z.number().int().positive().max(1_000_000),
  fromDivisionCode: DivisionCode,
  toDivisionCode: DivisionCode,
  programmeId: id.nullable().optional(),
  teamId: id.nullable().optional(),
  startDate: IsoDate,
  endDate: IsoDate.nullable().optional(),
  note: z.string().max(1000).nullable().optional(),
});
export const ExchangePatch = ExchangeInput.partial();

export const ExchangeRow = z.object({
  id: z.number().int(),
  kind: z.enum(EXCHANGE_KINDS),
  personTimes: z.number().int(),
  fromDivisionCode: z.string(),
  fromDivisionName: z.string().nullable(),
  toDivisionCode: z.string(),
  toDivisionName: z.string().nullable(),
  programmeId: z.number().int().nullable(),
  programmeName: z.string().nullable(),
  teamId: z.number().int().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  note: z.string().nullable(),
  /** Named trips (人次 of named persons) and distinct persons; with any, they replace personTimes in every count. */
  namedTrips: z.number().int(),
  namedPersons: z.number().int(),
  /** What the exchange counts for: namedTrips when it has named persons, else the typed personTimes (never both). */
  countedPersonTimes: z.number().int(),
});

export const ExchangeListQuery = Paging.extend({
  kind: z.enum(EXCHANGE_KINDS).optional(),
  fromDivisionCode: DivisionCode.optional(),
  toDivisionCode: DivisionCode.optional(),
  programmeId: z.coerce.number().int().positive().optional(),
  from: IsoDate.optional(), // exchanges starting on or after
  to: IsoDate.optional(), // … and on or before
});
export const ExchangePage = pageOf(ExchangeRow);

/** "Guangdong sent … to Guangxi since 2021": side = 440000000000, other = 450000000000, from = 2021-01-01. */
export const ExchangeSummaryQuery = z.strictObject({
  side: DivisionCode,
  other: DivisionCode.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  programmeId: z.coerce.number().int().positive().optional(),
});
const Tally = z.object({
  total: z.number().int(),
  byGroup: z.object({ cadre: z.number().int(), professional: z.number().int(), training: z.number().int() }),
  byKind: z.object(Object.fromEntries(EXCHANGE_KINDS.map((k) => [k, z.number().int()])) as Record<ExchangeKind, z.ZodNumber>),
});
export const ExchangeSummary = z.object({
  side: z.object({ code: z.string(), name: z.string().nullable() }),
  other: z.object({ code: z.string(), name: z.string().nullable() }).nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  sent: Tally,
  received: Tally,
  byYear: z.array(z.object({ year: z.number().int(), sent: z.number().int(), received: z.number().int() })),
});

// ---- named persons of an exchange (人才交流人员): one row is one trip (人次) of one person ----
export const ExchangePersonInput = z.strictObject({
  name: text(50),
  idNumber: IdNumber, // gender and birth date are read from it
  field: z.enum(PROFESSIONAL_FIELDS).nullable().optional(), // default: from the exchange's kind
  unit: z.string().trim().max(100).nullable().optional(), // 工作单位
  fromDivisionCode: DivisionCode.optional(), // default: the exchange's sending side; must lie within it
  toDivisionCode: DivisionCode.optional(), // default: the exchange's receiving side; must lie within it
  arrivalDate: IsoDate,
  departureDate: IsoDate, // planned or actual: the stay is decided at dispatch (挂职任期, 一学期 …)
  note: z.string().max(1000).nullable().optional(),
});
export const ExchangePersonPatch = ExchangePersonInput.partial();

export const ExchangePersonRow = z.object({
  id: z.number().int(),
  exchangeId: z.number().int(),
  name: z.string(),
  gender: z.enum(GENDERS),
  birthDate: z.string(),
  idNumberMasked: z.string(),
  field: z.enum(PROFESSIONAL_FIELDS).nullable(),
  unit: z.string().nullable(),
  fromDivisionCode: z.string(),
  fromDivisionName: z.string().nullable(),
  toDivisionCode: z.string(),
  toDivisionName: z.string().nullable(),
  arrivalDate: z.string(),
  departureDate: z.string(),
  stayDays: z.number().int(), // departure − arrival + 1
  minStayDays: z.number().int(), // the rule for the exchange's kind
  meetsMinStay: z.boolean(), // counted as 交流人次 in the assessment
  trips: z.number().int(), // this person's trips (人次) in every exchange the user sees
  note: z.string().nullable(),
});
export const ExchangePersonList = z.object({ items: z.array(ExchangePersonRow) });

/** The module's ledgers (台账): keys of /api/ledgers/<key>, used by server and web alike. */
export const TEAMS_LEDGERS = {
  cadres: 'cadres',
  members: 'team-members',
  exchanges: 'talent-exchanges',
  exchangePersons: 'talent-exchange-persons',
  teams: 'teams',
} as const;

// ---- endpoints: what the web may call (checked against the server's routes by endpoints.test.ts) ----

export const teamsApi = {
  teams: endpoint('GET', '/api/teams', { query: TeamListQuery, response: z.array(TeamRow) }),
  team: endpoint('GET', '/api/teams/:id', { params: IdParam, query: TeamDetailQuery, response: TeamDetail }),
  createTeam: endpoint('POST', '/api/teams', { body: TeamInput, response: TeamDetail }),
  updateTeam: endpoint('PATCH', '/api/teams/:id', { params: IdParam, body: TeamPatch, response: TeamDetail }),
  addMember: endpoint('POST', '/api/teams/:id/members', {
    params: IdParam,
    body: MemberInput,
    response: z.object({ id: z.number().int() }),
  }),
  updateMember: endpoint('PATCH', '/api/teams/members/:id', {
    params: IdParam,
    body: MemberPatch,
    response: z.object({ id: z.number().int() }),
  }),
  cadres: endpoint('GET', '/api/teams/cadres', { query: CadreListQuery, response: CadrePage }),
  onDuty: endpoint('GET', '/api/teams/cadres/on-duty', { query: OnDutyQuery, response: OnDutyResponse }),
  cadre: endpoint('GET', '/api/teams/cadres/:id', { params: IdParam, response: CadreRow }),
  revealCadre: endpoint('POST', '/api/teams/cadres/:id/reveal', { params: IdParam, response: RevealResponse }),
  createCadre: endpoint('POST', '/api/teams/cadres', { body: CadreInput, response: CadreRow }),
  updateCadre: endpoint('PATCH', '/api/teams/cadres/:id', { params: IdParam, body: CadrePatch, response: CadreRow }),
  exchanges: endpoint('GET', '/api/teams/exchanges', { query: ExchangeListQuery, response: ExchangePage }),
  exchangeSummary: endpoint('GET', '/api/teams/exchanges/summary', { query: ExchangeSummaryQuery, response: ExchangeSummary }),
  createExchange: endpoint('POST', '/api/teams/exchanges', { body: ExchangeInput, response: ExchangeRow }),
  updateExchange: endpoint('PATCH', '/api/teams/exchanges/:id', { params: IdParam, body: ExchangePatch, response: ExchangeRow }),
  exchangePersons: endpoint('GET', '/api/teams/exchanges/:id/persons', { params: IdParam, response: ExchangePersonList }),
  addExchangePerson: endpoint('POST', '/api/teams/exchanges/:id/persons', {
    params: IdParam,
    body: ExchangePersonInput,
    response: ExchangePersonRow,
  }),
  updateExchangePerson: endpoint('PATCH', '/api/teams/exchange-persons/:id', {
    params: IdParam,
    body: ExchangePersonPatch,
    response: ExchangePersonRow,
  }),
  deleteExchangePerson: endpoint('DELETE', '/api/teams/exchange-persons/:id', {
    params: IdParam,
    response: z.object({ id: z.number().int() }),
  }),
  revealExchangePerson: endpoint('POST', '/api/teams/exchange-persons/:id/reveal', { params: IdParam, response: RevealResponse }),
} as const;
