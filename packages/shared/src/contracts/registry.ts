// Registry API contracts: divisions (行政区划), units (单位), programmes (协作项目), pairings (结对).
import { z } from 'zod';
import { isValidCreditCode } from '../codes/creditCode';
import type { DivisionLevel } from '../codes/division';
import { DivisionCode, IdParam, IsoDate, pageOf } from './common';
import { endpoint } from './endpoint';

export const UNIT_KINDS = [
  'government', // 党政机关
  'command_hq', // 指挥部
  'cooperation_office', // 协作办
  'school',
  'hospital',
  'enterprise',
  'social_org', // 社会组织
  'cooperative', // 合作社
  'village_committee', // 村（居）委会
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const PAIRING_TYPES = [
  'city_city',
  'city_county',
  'county_county',
  'district_county',
  'city_town',
  'district_town',
  'town_town',
  'school_school',
  'hospital_hospital',
  'enterprise_village',
  'social_org_village',
  'other',
] as const;
export type PairingType = (typeof PAIRING_TYPES)[number];

/** Derived from the dates relative to the day asked about. */
export const PAIRING_STATUSES = ['planned', 'active', 'ended'] as const;
export type PairingStatus = (typeof PAIRING_STATUSES)[number];
export const PROGRAMME_KINDS = ['east_west', 'town_assist', 'other'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
export const DIVISION_CHANGE_KINDS = ['rename', 'move', 'merge', 'create'] as const;
export type DivisionChangeKind = (typeof DIVISION_CHANGE_KINDS)[number];
/** province → village, as the code's significant digits say (codes/division.ts). */
export const DIVISION_LEVELS = ['province', 'city', 'county', 'town', 'village'] as const satisfies readonly DivisionLevel[];
export type { DivisionLevel };

export const CreditCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isValidCreditCode, { message: 'validation.creditCode' });

// ── divisions ───────────────────────────────────────────────────────────────
export const DivisionRow = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(DIVISION_LEVELS),
  parentCode: z.string().nullable(),
  hasChildren: z.boolean(),
});
export const DivisionListQuery = z.strictObject({
  parent: DivisionCode.optional(), // none: the provinces
  asOf: IsoDate.optional(),
});
export const DivisionSearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(50),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** only divisions of this level (a household's 村) */
  level: z.enum(DIVISION_LEVELS).optional(),
  /** 'scope': only divisions inside the user's own scope (where they may register a household); a division's
   *  code: only divisions below it (a project's villages inside its town) */
  within: z.union([z.literal('scope'), DivisionCode]).optional(),
});
export const DivisionSearchHit = DivisionRow.extend({ path: z.string() });
export const DivisionDetail = DivisionRow.extend({
  ancestors: z.array(z.object({ code: z.string(), name: z.string() })),
  abolishedOn: z.string().nullable(),
  since: z.string().nullable(),
  versions: z.array(
    z.object({ name: z.string(), parentCode: z.string().nullable(), validFrom: z.string().nullable(), validTo: z.string() }),
  ),
  changes: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(DIVISION_CHANGE_KINDS),
      effectiveOn: z.string(),
      codes: z.array(z.string()),
      note: z.string().nullable(),
    }),
  ),
});
export const DivisionCodeParam = z.strictObject({ code: DivisionCode });
export const DivisionAsOfQuery = z.strictObject({ asOf: IsoDate.optional() });

/** rename: new name; move: new parent; merge: abolished into `into` (its children move there); create: a new code under parent. */
export const DivisionChangeRequest = z.strictObject({
  kind: z.enum(DIVISION_CHANGE_KINDS),
  effectiveOn: IsoDate,
  name: z.string().trim().min(1).max(100).optional(),
  parentCode: DivisionCode.optional(),
  into: DivisionCode.optional(),
  note: z.string().trim().max(500).optional(),
});

// ── units ───────────────────────────────────────────────────────────────────
export const UnitBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(UNIT_KINDS),
  divisionCode: DivisionCode,
  creditCode: CreditCode.nullish(),
  note: z.string().trim().max(500).nullish(),
});
export const UnitPatch = UnitBody.partial();
export const UnitRow = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  creditCode: z.string().nullable(),
  note: z.string().nullable(),
});
export const UnitListQuery = z.strictObject({
  q: z.string().trim().max(50).optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  division: DivisionCode.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
export const UnitPage = pageOf(UnitRow);

// ── programmes ──────────────────────────────────────────────────────────────
export const PhaseBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  startDate: IsoDate,
  endDate: IsoDate.nullish(),
  focus: z.string().trim().max(500).nullish(),
});
/** A programme's short stable key: lower-case letters, digits and dashes (yue-gui-2021). */
export const PROGRAMME_CODE = /^[a-z0-9-]{2,40}$/;
export const ProgrammeBody = z.strictObject({
  code: z.string().trim().regex(PROGRAMME_CODE),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(PROGRAMME_KINDS),
  startDate: IsoDate,
  endDate: IsoDate.nullish(),
  description: z.string().trim().max(2000).nullish(),
  phases: z.array(PhaseBody).max(20).default([]),
});
export const ProgrammeRow = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(PROGRAMME_KINDS),
  startDate: z.string(),
  endDate: z.string().nullable(),
  description: z.string().nullable(),
  phases: z.array(
    z.object({ seq: z.number(), name: z.string(), startDate: z.string(), endDate: z.string().nullable(), focus: z.string().nullable() }),
  ),
  pairingCount: z.number().int(),
});

// ── pairings ────────────────────────────────────────────────────────────────
/** A party is a division or a unit; give exactly one of each pair of fields. */
export const PairingBody = z.strictObject({
  type: z.enum(PAIRING_TYPES),
  programmeId: z.number().int().positive().nullish(),
  helperDivisionCode: DivisionCode.nullish(),
  helperUnitId: z.number().int().positive().nullish(),
  helpedDivisionCode: DivisionCode.nullish(),
  helpedUnitId: z.number().int().positive().nullish(),
  startDate: IsoDate,
  endDate: IsoDate.nullish(),
  note: z.string().trim().max(500).nullish(),
});
export const PairingPatch = z.strictObject({
  type: z.enum(PAIRING_TYPES).optional(),
  programmeId: z.number().int().positive().nullish(),
  startDate: IsoDate.optional(),
  endDate: IsoDate.nullish(),
  note: z.string().trim().max(500).nullish(),
});
export const Party = z.object({
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  /** What people call it: the unit's name, else the division's. */
  label: z.string(),
});
export const PairingRow = z.object({
  id: z.number().int(),
  type: z.enum(PAIRING_TYPES),
  programmeId: z.number().int().nullable(),
  programmeName: z.string().nullable(),
  helper: Party,
  helped: Party,
  startDate: z.string(),
  endDate: z.string().nullable(),
  status: z.enum(PAIRING_STATUSES),
  note: z.string().nullable(),
});
export const PairingListQuery = z.strictObject({
  type: z.enum(PAIRING_TYPES).optional(),
  programmeId: z.coerce.number().int().positive().optional(),
  /** Either party lies in this division's subtree. */
  division: DivisionCode.optional(),
  unitId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(50).optional(),
  /** Only pairings in force on this day (default: all, with status as of today). */
  asOf: IsoDate.optional(),
  status: z.enum(PAIRING_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
});
export const PairingPage = pageOf(PairingRow);
export const PartnersQuery = z.strictObject({
  division: DivisionCode.optional(),
  unitId: z.coerce.number().int().positive().optional(),
  asOf: IsoDate.optional(),
});
export const PartnerRow = z.object({
  pairingId: z.number().int(),
  type: z.enum(PAIRING_TYPES),
  role: z.enum(['helper', 'helped']), // the role of the party asked about
  self: Party,
  partner: Party,
  programmeName: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
});
/** The list's filters (counts follow the list); with neither asOf nor status: pairings in force today. */
export const CountsQuery = PairingListQuery.omit({ page: true, pageSize: true });
export const PairingCount = z.object({
  type: z.enum(PAIRING_TYPES),
  pairings: z.number().int(),
  helpers: z.number().int(),
  helped: z.number().int(),
});
export const FlowsQuery = z.strictObject({
  asOf: IsoDate.optional(),
  programmeId: z.coerce.number().int().positive().optional(),
  type: z.enum(PAIRING_TYPES).optional(),
});
export const Flow = z.object({
  from: z.object({ code: z.string(), name: z.string() }),
  to: z.object({ code: z.string(), name: z.string() }),
  pairings: z.number().int(),
  types: z.array(z.enum(PAIRING_TYPES)),
});

/** The module's ledgers (台账): keys of /api/ledgers/<key>, used by server and web alike. */
export const REGISTRY_LEDGERS = { units: 'units', pairings: 'pairings', programmes: 'programmes' } as const;

// ---- endpoints: what the web may call (checked against the server's routes by endpoints.test.ts) ----

export const registryApi = {
  divisions: endpoint('GET', '/api/registry/divisions', { query: DivisionListQuery, response: z.array(DivisionRow) }),
  searchDivisions: endpoint('GET', '/api/registry/divisions/search', { query: DivisionSearchQuery, response: z.array(DivisionSearchHit) }),
  division: endpoint('GET', '/api/registry/divisions/:code', {
    params: DivisionCodeParam,
    query: DivisionAsOfQuery,
    response: DivisionDetail,
  }),
  changeDivision: endpoint('POST', '/api/registry/divisions/:code/changes', {
    params: DivisionCodeParam,
    body: DivisionChangeRequest,
    response: z.object({ id: z.number() }),
  }),
  units: endpoint('GET', '/api/registry/units', { query: UnitListQuery, response: UnitPage }),
  unit: endpoint('GET', '/api/registry/units/:id', { params: IdParam, response: UnitRow }),
  createUnit: endpoint('POST', '/api/registry/units', { body: UnitBody, response: UnitRow }),
  updateUnit: endpoint('PATCH', '/api/registry/units/:id', { params: IdParam, body: UnitPatch, response: UnitRow }),
  programmes: endpoint('GET', '/api/registry/programmes', { response: z.array(ProgrammeRow) }),
  createProgramme: endpoint('POST', '/api/registry/programmes', { body: ProgrammeBody, response: z.object({ id: z.number() }) }),
  pairings: endpoint('GET', '/api/registry/pairings', { query: PairingListQuery, response: PairingPage }),
  partners: endpoint('GET', '/api/registry/pairings/partners', { query: PartnersQuery, response: z.array(PartnerRow) }),
  pairingCounts: endpoint('GET', '/api/registry/pairings/counts', { query: CountsQuery, response: z.array(PairingCount) }),
  flows: endpoint('GET', '/api/registry/pairings/flows', { query: FlowsQuery, response: z.array(Flow) }),
  pairing: endpoint('GET', '/api/registry/pairings/:id', { params: IdParam, response: PairingRow }),
  createPairing: endpoint('POST', '/api/registry/pairings', { body: PairingBody, response: PairingRow }),
  updatePairing: endpoint('PATCH', '/api/registry/pairings/:id', { params: IdParam, body: PairingPatch, response: PairingRow }),
} as const;
