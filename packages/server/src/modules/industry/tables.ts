// Industry cooperation (产业协作) tables: co-built parks, introduced enterprises, their investment increments and
// headcount reports, assistance workshops and the people working in workshops or enterprises. Every row scope
// filters carries its division (the helped side: where it landed / lies) and, where a team records it, team_id.
import type { EnterpriseStatus, IndustrySection, InvestmentKind, WorkshopStatus } from '@xiezuo/shared/contracts/industry';
import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, index, integer, numeric, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { programmes } from '../registry';

const stamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

// 共建产业园区: a park the two sides build together.
export const industryParks = pgTable(
  'industry_parks',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    divisionCode: text('division_code').notNull(), // where it lies (helped side)
    helperDivisionCode: text('helper_division_code').notNull(),
    teamId: integer('team_id'),
    programmeId: integer('programme_id').references(() => programmes.id),
    areaMu: doublePrecision('area_mu'), // 亩
    outputValue: numeric('output_value', { precision: 18, scale: 2 }), // 元
    establishedOn: date('established_on').notNull(),
    note: text('note'),
    ...stamps,
  },
  (t) => [index('industry_parks_division_idx').on(t.divisionCode), uniqueIndex('industry_parks_name_uq').on(t.name)],
);

// 引进企业 (经营主体): an enterprise introduced by a pairing, from the helper side to the helped side.
export const industryEnterprises = pgTable(
  'industry_enterprises',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    creditCode: text('credit_code'), // GB 32100, checked by the contract
    originDivisionCode: text('origin_division_code').notNull(), // where it comes from
    divisionCode: text('division_code').notNull(), // where it landed
    parkId: integer('park_id').references(() => industryParks.id),
    industry: text('industry').$type<IndustrySection>(), // GB/T 4754 门类
    programmeId: integer('programme_id').references(() => programmes.id),
    teamId: integer('team_id'),
    status: text('status').$type<EnterpriseStatus>().notNull(),
    introducedOn: date('introduced_on').notNull(),
    exitedOn: date('exited_on'),
    contact: text('contact'),
    phone: text('phone'),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('industry_enterprises_credit_code_uq').on(t.creditCode),
    index('industry_enterprises_division_idx').on(t.divisionCode),
    index('industry_enterprises_origin_idx').on(t.originDivisionCode),
    index('industry_enterprises_park_idx').on(t.parkId),
    check('industry_enterprises_exit_ck', sql`${t.exitedOn} is null or ${t.exitedOn} >= ${t.introducedOn}`),
  ],
);

// 协议投资 / 实际到位投资: dated increments, so "in place in 2025-H1" is a sum over days.
export const industryInvestments = pgTable(
  'industry_investments',
  {
    id: serial('id').primaryKey(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => industryEnterprises.id),
    kind: text('kind').$type<InvestmentKind>().notNull(),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
    day: date('day').notNull(),
    note: text('note'),
    createdAt: stamps.createdAt,
  },
  (t) => [
    index('industry_investments_enterprise_idx').on(t.enterpriseId),
    uniqueIndex('industry_investments_uq').on(t.enterpriseId, t.kind, t.day),
    check('industry_investments_positive_ck', sql`${t.amount} > 0`),
  ],
);

// 用工人数（企业报送）: where only a count is known, a dated report; it holds until the next one.
export const industryHeadcounts = pgTable(
  'industry_headcounts',
  {
    id: serial('id').primaryKey(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => industryEnterprises.id),
    reportedOn: date('reported_on').notNull(),
    jobs: integer('jobs').notNull(),
    note: text('note'),
    createdAt: stamps.createdAt,
  },
  (t) => [uniqueIndex('industry_headcounts_uq').on(t.enterpriseId, t.reportedOn), check('industry_headcounts_ck', sql`${t.jobs} >= 0`)],
);

// 帮扶车间 (就业帮扶车间): a small factory in a village, recognised by a document.
export const industryWorkshops = pgTable(
  'industry_workshops',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    enterpriseId: integer('enterprise_id').references(() => industryEnterprises.id),
    operatorName: text('operator_name'),
    divisionCode: text('division_code').notNull(), // the village
    teamId: integer('team_id'),
    recognizedOn: date('recognized_on').notNull(),
    recognitionDoc: text('recognition_doc'),
    status: text('status').$type<WorkshopStatus>().notNull(),
    stoppedOn: date('stopped_on'),
    subsidy: numeric('subsidy', { precision: 18, scale: 2 }),
    note: text('note'),
    ...stamps,
  },
  (t) => [
    uniqueIndex('industry_workshops_name_uq').on(t.name, t.divisionCode),
    index('industry_workshops_division_idx').on(t.divisionCode),
    check('industry_workshops_stop_ck', sql`${t.stoppedOn} is null or ${t.stoppedOn} >= ${t.recognizedOn}`),
  ],
);

// 务工人员: a person working in a workshop or an enterprise over dates. The ID number is held only as
// ciphertext, keyed hash (joins lifted_persons for 其中脱贫人口) and masked form. One person is not at work in
// two places on the same day: the service and the ledger refuse overlaps, so a stock counts each person once.
export const industryWorkers = pgTable(
  'industry_workers',
  {
    id: serial('id').primaryKey(),
    workshopId: integer('workshop_id').references(() => industryWorkshops.id),
    enterpriseId: integer('enterprise_id').references(() => industryEnterprises.id),
    name: text('name').notNull(),
    idCipher: text('id_cipher').notNull(),
    idHash: text('id_hash').notNull(),
    idMasked: text('id_masked').notNull(),
    homeDivisionCode: text('home_division_code'), // 户籍所在村
    startDate: date('start_date').notNull(),
    endDate: date('end_date'), // last day, inclusive; null = at work
    note: text('note'),
    ...stamps,
  },
  (t) => [
    index('industry_workers_workshop_idx').on(t.workshopId),
    index('industry_workers_enterprise_idx').on(t.enterpriseId),
    index('industry_workers_hash_idx').on(t.idHash),
    check('industry_workers_place_ck', sql`(${t.workshopId} is null) <> (${t.enterpriseId} is null)`),
    check('industry_workers_dates_ck', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);
