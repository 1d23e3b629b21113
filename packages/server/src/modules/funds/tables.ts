// Funds module tables: fund allocations and their transfers down the levels, projects with their budget by
// source, money flows and beneficiaries. Team ids are the teams module's (checked through the directory).
import type { BenefitMechanism, FlowType, FundKind, ProjectStatus, ProjectType } from '@xiezuo/shared/contracts/funds';
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, date, index, integer, numeric, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { pairings, programmes } from '../registry';

const money = (name: string) => numeric(name, { precision: 18, scale: 2 });
const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

// 资金下达: a batch of money from a payer to a receiver (division_code). A transfer (parent_id) passes part of
// its parent batch one level down inside the parent's receiver: counted at the lower receiver, not again above.
export const fundAllocations = pgTable(
  'funds_allocations',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id').references((): AnyPgColumn => fundAllocations.id),
    kind: text('kind').$type<FundKind>().notNull(),
    payerDivisionCode: text('payer_division_code').notNull(),
    divisionCode: text('division_code').notNull(), // the receiver (helped side)
    programmeId: integer('programme_id').references(() => programmes.id),
    pairingId: integer('pairing_id').references(() => pairings.id),
    teamId: integer('team_id'),
    budgetYear: integer('budget_year').notNull(),
    docNo: text('doc_no').notNull(), // 文号
    allocatedOn: date('allocated_on').notNull(),
    amount: money('amount').notNull(),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('funds_allocations_doc_uq').on(t.docNo, t.divisionCode, t.kind),
    index('funds_allocations_division_idx').on(t.divisionCode),
    index('funds_allocations_payer_idx').on(t.payerDivisionCode),
    index('funds_allocations_parent_idx').on(t.parentId),
    check('funds_allocations_amount_ck', sql`${t.amount} >= 0`),
  ],
);

// 协作项目: one row per project; each lifecycle step has its date column (null until reached).
export const fundProjects = pgTable(
  'funds_projects',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type').$type<ProjectType>().notNull(),
    status: text('status').$type<ProjectStatus>().notNull().default('reserve'),
    programmeId: integer('programme_id').references(() => programmes.id),
    pairingId: integer('pairing_id').references(() => pairings.id),
    teamId: integer('team_id'),
    divisionCode: text('division_code').notNull(), // the place (town or village): where scope finds it
    villageCodes: text('village_codes').array().notNull().default(sql`'{}'::text[]`), // the villages it serves, inside the place
    implementingUnit: text('implementing_unit'),
    plannedStart: date('planned_start'),
    plannedFinish: date('planned_finish'),
    reservedOn: date('reserved_on').notNull(),
    approvedOn: date('approved_on'),
    startedOn: date('started_on'),
    completedOn: date('completed_on'),
    acceptedOn: date('accepted_on'),
    handedOverOn: date('handed_over_on'),
    jobsCreated: integer('jobs_created'),
    assetType: text('asset_type'),
    assetValue: money('asset_value'),
    assetOwner: text('asset_owner'),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('funds_projects_code_uq').on(t.code),
    index('funds_projects_division_idx').on(t.divisionCode),
    index('funds_projects_team_idx').on(t.teamId),
    // the county's prefix: its statistics let the planner see a few hundred counties when 资金流向 groups by it
    index('funds_projects_county_idx').on(sql`substr(${t.divisionCode}, 1, 6)`),
    check(
      'funds_projects_plan_ck',
      sql`${t.plannedFinish} is null or ${t.plannedStart} is null or ${t.plannedFinish} >= ${t.plannedStart}`,
    ),
  ],
);

// A project's budget by source (计划安排): what commitments, disbursements and expenditure of that kind may reach.
export const fundProjectBudgets = pgTable(
  'funds_project_budgets',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => fundProjects.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<FundKind>().notNull(),
    amount: money('amount').notNull(),
  },
  (t) => [uniqueIndex('funds_project_budgets_uq').on(t.projectId, t.kind), check('funds_project_budgets_ck', sql`${t.amount} >= 0`)],
);

// 资金拨付: typed money flows of a project (下达到项目 / 拨付 / 支出), each with its voucher.
export const fundFlows = pgTable(
  'funds_flows',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => fundProjects.id),
    type: text('type').$type<FlowType>().notNull(),
    kind: text('kind').$type<FundKind>().notNull(),
    occurredOn: date('occurred_on').notNull(),
    amount: money('amount').notNull(),
    voucherNo: text('voucher_no'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('funds_flows_project_idx').on(t.projectId), check('funds_flows_amount_ck', sql`${t.amount} > 0`)],
);

// 项目受益户: a person who benefits from a project, ID number encrypted + keyed hash (其中脱贫人口 via lifted_persons).
export const fundBeneficiaries = pgTable(
  'funds_beneficiaries',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => fundProjects.id),
    name: text('name').notNull(),
    idNumberCipher: text('id_number_cipher').notNull(),
    idHash: text('id_hash').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    mechanism: text('mechanism').$type<BenefitMechanism>().notNull(),
    since: date('since').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('funds_beneficiaries_uq').on(t.projectId, t.idHash), index('funds_beneficiaries_hash_idx').on(t.idHash)],
);
