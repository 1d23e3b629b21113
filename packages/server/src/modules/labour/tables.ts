// 劳务协作 tables. People are held like monitoring members: the ID number only as ciphertext (services.cipher)
// plus a keyed hash for lookup and a masked form to show; 其中脱贫人口 joins id_hash to the view lifted_persons.
import type { EmploymentChannel, TrainingKind } from '@xiezuo/shared/contracts/labour';
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, numeric, pgTable, pgView, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { teams } from '../teams';

// 脱贫人口名册: the national list of people lifted out of poverty, one row per person.
export const labourRoster = pgTable(
  'labour_roster',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    idCipher: text('id_cipher').notNull(),
    idHash: text('id_hash').notNull(),
    idMasked: text('id_masked').notNull(),
    divisionCode: text('division_code').notNull(), // home village
    householdHead: text('household_head'), // 户主
    liftedYear: integer('lifted_year').notNull(), // 脱贫年度
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('labour_roster_hash_uq').on(t.idHash), index('labour_roster_division_idx').on(t.divisionCode)],
);

// 务工就业: one job of one person; a person with two jobs has two rows (and is one employed person).
export const labourEmployments = pgTable(
  'labour_employments',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    idCipher: text('id_cipher').notNull(),
    idHash: text('id_hash').notNull(),
    idMasked: text('id_masked').notNull(),
    divisionCode: text('division_code').notNull(), // home village (the helped side)
    teamId: integer('team_id').references(() => teams.id),
    employer: text('employer').notNull(),
    workDivisionCode: text('work_division_code').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'), // last day, inclusive; null = still employed
    monthlyWage: numeric('monthly_wage', { precision: 18, scale: 2 }),
    channel: text('channel').$type<EmploymentChannel>().notNull(), // organised | self
    station: text('station'), // 劳务工作站 that placed the person, as named (organised output)
    brand: text('brand'), // 劳务品牌 the job falls under (富川药膳师傅), as named
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('labour_employments_job_uq').on(t.idHash, t.employer, t.startDate),
    index('labour_employments_hash_idx').on(t.idHash),
    index('labour_employments_division_idx').on(t.divisionCode),
    check('labour_employments_dates_ck', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

// 订单班: a class a school trains for an enterprise, for students of a helped county.
export const labourOrderClasses = pgTable(
  'labour_order_classes',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    school: text('school').notNull(),
    enterprise: text('enterprise').notNull(),
    major: text('major'),
    divisionCode: text('division_code').notNull(), // the helped county
    teamId: integer('team_id').references(() => teams.id),
    cohort: integer('cohort').notNull(), // 届
    graduationDate: date('graduation_date').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('labour_order_classes_name_uq').on(t.name, t.cohort), index('labour_order_classes_division_idx').on(t.divisionCode)],
);

// 订单班学员: the class roster; graduates, employed and wages are counted from it.
export const labourClassMembers = pgTable(
  'labour_class_members',
  {
    id: serial('id').primaryKey(),
    classId: integer('class_id')
      .notNull()
      .references(() => labourOrderClasses.id),
    name: text('name').notNull(),
    idCipher: text('id_cipher').notNull(),
    idHash: text('id_hash').notNull(),
    idMasked: text('id_masked').notNull(),
    graduated: boolean('graduated').notNull().default(false),
    employed: boolean('employed').notNull().default(false),
    employer: text('employer'),
    monthlyWage: numeric('monthly_wage', { precision: 18, scale: 2 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('labour_class_members_uq').on(t.classId, t.idHash),
    index('labour_class_members_hash_idx').on(t.idHash),
    check('labour_class_members_employed_ck', sql`not ${t.employed} or ${t.graduated}`),
  ],
);

// 技能培训: a session (type, dates, organiser, where), and its trainees (人次: one row per person per session).
export const labourTrainings = pgTable(
  'labour_trainings',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').$type<TrainingKind>().notNull(), // skills | entrepreneurship | orientation | other
    organiser: text('organiser').notNull(), // 组织单位
    divisionCode: text('division_code').notNull(), // where it was held (the helped side)
    teamId: integer('team_id').references(() => teams.id),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    brand: text('brand'), // 劳务品牌 the session trains for (a labour_brands name), if any
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('labour_trainings_uq').on(t.name, t.startDate, t.divisionCode),
    index('labour_trainings_division_idx').on(t.divisionCode),
    check('labour_trainings_dates_ck', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

export const labourTrainees = pgTable(
  'labour_trainees',
  {
    id: serial('id').primaryKey(),
    trainingId: integer('training_id')
      .notNull()
      .references(() => labourTrainings.id),
    name: text('name').notNull(),
    idCipher: text('id_cipher').notNull(),
    idHash: text('id_hash').notNull(),
    idMasked: text('id_masked').notNull(),
    certified: boolean('certified').notNull().default(false), // 取得证书
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('labour_trainees_uq').on(t.trainingId, t.idHash), index('labour_trainees_hash_idx').on(t.idHash)],
);

// 劳务工作站: a station at a place (often in the helper province: 富川驻佛山劳务工作站) serving helped counties;
// employment records name it (labour_employments.station = name), so the people placed through it are counted
// from their jobs. Its name is its key in the ledgers; a rename carries over to the records naming it.
export const labourStations = pgTable(
  'labour_stations',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    divisionCode: text('division_code').notNull(), // where the station is
    servedCodes: text('served_codes').array().notNull(), // the counties it serves (12-digit codes)
    teamId: integer('team_id').references(() => teams.id),
    establishedOn: date('established_on'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('labour_stations_name_uq').on(t.name), index('labour_stations_division_idx').on(t.divisionCode)],
);

// 劳务品牌: a named skill people of a county are trained and employed under (富川药膳师傅); training sessions and
// employment records name it (brand = name), so its trained and employed people are counted from them.
export const labourBrands = pgTable(
  'labour_brands',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    divisionCode: text('division_code').notNull(), // the county of the brand
    teamId: integer('team_id').references(() => teams.id),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('labour_brands_name_uq').on(t.name), index('labour_brands_division_idx').on(t.divisionCode)],
);

// 脱贫人口 as every module counts "其中脱贫人口": the ID hashes of people lifted out of poverty, each once — the
// roster's people and the members of 脱贫户 monitored households (leavers included: being lifted is the
// person's, not the household's, status). `union` (not union all) makes a person in both one person.
export const liftedPersons = pgView('lifted_persons', { idHash: text('id_hash').notNull() }).as(
  sql`select r.id_hash from labour_roster r
      union
      select m.id_hash from monitoring_members m join monitoring_households h on h.id = m.household_id where h.is_lifted`,
);
