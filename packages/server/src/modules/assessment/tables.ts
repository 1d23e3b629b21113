// Assessment tables: agreements and their targets, frameworks (versioned, the tree as data), cycles with their
// parties, the calendar's step log, reviewers' entries, settlements and field-check samples.
import type { CycleStep, FrameworkInputT, PartyScoreT } from '@xiezuo/shared/contracts/assessment';
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

type Signature = { signedOn: string; signer: string; role: string };

// 年度帮扶协议: a pairing's targets for a year, signed by both sides. Scope: either side's division.
export const assessmentAgreements = pgTable(
  'assessment_agreements',
  {
    id: serial('id').primaryKey(),
    pairingId: integer('pairing_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    programmeKind: text('programme_kind').notNull(), // the pairing's programme: east_west | town_assist | other
    helperDivisionCode: text('helper_division_code').notNull(),
    helpedDivisionCode: text('helped_division_code').notNull(),
    helperSigned: jsonb('helper_signed').$type<Signature>(),
    helpedSigned: jsonb('helped_signed').$type<Signature>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assessment_agreements_uq').on(t.pairingId, t.year)],
);

export const assessmentAgreementTargets = pgTable(
  'assessment_agreement_targets',
  {
    id: serial('id').primaryKey(),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => assessmentAgreements.id, { onDelete: 'cascade' }),
    indicator: text('indicator').notNull(),
    target: doublePrecision('target').notNull(),
    divisionCode: text('division_code'), // a helped county/town, null = the helped side
  },
  (t) => [index('assessment_agreement_targets_agreement_idx').on(t.agreementId)],
);

// 考核指标体系: one version of a framework; locked once a cycle uses it (then edits need a copy).
export const assessmentFrameworks = pgTable('assessment_frameworks', {
  id: serial('id').primaryKey(),
  year: integer('year').notNull(),
  programme: text('programme').$type<FrameworkInputT['programme']>().notNull(),
  name: text('name').notNull(),
  version: integer('version').notNull().default(1),
  illustrative: boolean('illustrative').notNull().default(false),
  aspects: jsonb('aspects').$type<FrameworkInputT['aspects']>().notNull(),
  groups: jsonb('groups').$type<FrameworkInputT['groups']>().notNull(),
  cutoffs: jsonb('cutoffs').$type<FrameworkInputT['cutoffs']>().notNull(),
  lockedAt: timestamp('locked_at', { withTimezone: true }),
  copiedFrom: integer('copied_from'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// 考核周期: one year's assessment under a framework, at a step of the calendar; locked at final.
export const assessmentCycles = pgTable('assessment_cycles', {
  id: serial('id').primaryKey(),
  frameworkId: integer('framework_id')
    .notNull()
    .references(() => assessmentFrameworks.id),
  name: text('name').notNull(),
  step: text('step').$type<CycleStep>().notNull().default('self'),
  recheckShare: doublePrecision('recheck_share').notNull().default(0.1),
  lockedAt: timestamp('locked_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// 被考核对象: a node (d:<division prefix> or t:<team>) in an evaluation group; its scope columns; the locked result.
export const assessmentParties = pgTable(
  'assessment_parties',
  {
    id: serial('id').primaryKey(),
    cycleId: integer('cycle_id')
      .notNull()
      .references(() => assessmentCycles.id, { onDelete: 'cascade' }),
    node: text('node').notNull(),
    name: text('name').notNull(),
    group: text('group_key').notNull(),
    divisionCode: text('division_code'),
    teamId: integer('team_id'),
    locked: jsonb('locked').$type<PartyScoreT>(),
  },
  (t) => [uniqueIndex('assessment_parties_uq').on(t.cycleId, t.node)],
);

// 流程记录: a step done (for the cycle, or one party's part of it: self-assessment, opinion, appeal), by whom.
export const assessmentSteps = pgTable(
  'assessment_steps',
  {
    id: serial('id').primaryKey(),
    cycleId: integer('cycle_id')
      .notNull()
      .references(() => assessmentCycles.id, { onDelete: 'cascade' }),
    partyId: integer('party_id'),
    step: text('step').$type<CycleStep>().notNull(),
    doneOn: date('done_on').notNull(),
    role: text('role').notNull(),
    byName: text('by_name').notNull(),
    note: text('note'),
    snapshot: jsonb('snapshot'), // the self-assessment's scores as submitted
  },
  (t) => [index('assessment_steps_cycle_idx').on(t.cycleId)],
);

// 评审打分: one reviewer's entry for a party's item (rubric points, mandatory met, veto found, bonus).
export const assessmentReviews = pgTable(
  'assessment_reviews',
  {
    id: serial('id').primaryKey(),
    partyId: integer('party_id')
      .notNull()
      .references(() => assessmentParties.id, { onDelete: 'cascade' }),
    item: text('item').notNull(),
    reviewerId: integer('reviewer_id'),
    reviewer: text('reviewer').notNull(),
    points: doublePrecision('points').notNull(),
    flag: boolean('flag'),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assessment_reviews_uq').on(t.partyId, t.item, t.reviewerId)],
);

// 分歧协调: how reviewers' differing scores were settled.
export const assessmentSettlements = pgTable(
  'assessment_settlements',
  {
    id: serial('id').primaryKey(),
    partyId: integer('party_id')
      .notNull()
      .references(() => assessmentParties.id, { onDelete: 'cascade' }),
    item: text('item').notNull(),
    points: doublePrecision('points').notNull(),
    reason: text('reason').notNull(),
    byName: text('by_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assessment_settlements_uq').on(t.partyId, t.item)],
);

// 实地核查抽样: a record behind an item's figure drawn for checking (round 2+ = re-check), verified or not; or a household
// drawn for a satisfaction visit (item = SATISFACTION_ITEM).
export const assessmentSamples = pgTable(
  'assessment_samples',
  {
    id: serial('id').primaryKey(),
    partyId: integer('party_id')
      .notNull()
      .references(() => assessmentParties.id, { onDelete: 'cascade' }),
    item: text('item').notNull(),
    round: integer('round').notNull().default(1),
    record: text('record').notNull(), // the fact source's subject (e.g. 'p12', an allocation's id)
    label: text('label'), // what a checker needs to find it (FactSource.describe) and its place, as drawn; never personal data in the clear
    day: date('day'),
    qty: doublePrecision('qty').notNull(),
    verified: boolean('verified'),
  },
  (t) => [index('assessment_samples_party_idx').on(t.partyId, t.item)],
);
