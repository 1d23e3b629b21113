// Teams module tables: teams, their units and members (by round), dispatched people, talent exchanges.
// The platform's scope resolver queries `teams` (id, parent_id, division_code) with raw SQL, so those
// column names are part of its contract.
import type { CadreKind, ExchangeKind, Gender, MemberRole, ProfessionalField, TeamKind } from '@xiezuo/shared/contracts/teams';
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, check, date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { programmes, units } from '../registry';

// 指挥部/工作组/工作队: nested teams (HQ → group → team) stationed in a division.
export const teams = pgTable(
  'teams',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id').references((): AnyPgColumn => teams.id),
    name: text('name').notNull(),
    kind: text('kind').$type<TeamKind>().notNull(), // hq | group | team
    divisionCode: text('division_code').notNull(),
    programmeId: integer('programme_id').references(() => programmes.id),
    leadUnitId: integer('lead_unit_id').references(() => units.id), // 牵头单位
    startDate: date('start_date'),
    endDate: date('end_date'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('teams_parent_idx').on(t.parentId), index('teams_division_idx').on(t.divisionCode)],
);

// 组团单位: the helper-side units that back a team.
export const teamUnits = pgTable(
  'team_units',
  {
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [uniqueIndex('team_units_uq').on(t.teamId, t.unitId)],
);

// 援派干部 / 专业技术人才: a dispatched person. The ID number is held only as ciphertext plus a keyed hash.
export const cadres = pgTable(
  'cadres',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    gender: text('gender').$type<Gender>().notNull(), // male | female
    phone: text('phone'),
    idNumberCipher: text('id_number_cipher').notNull(),
    idNumberHash: text('id_number_hash').notNull(),
    kind: text('kind').$type<CadreKind>().notNull(), // cadre | teacher | doctor | agronomist | other
    sendingUnit: text('sending_unit').notNull(), // 派出单位, as written
    sendingUnitId: integer('sending_unit_id').references(() => units.id),
    localPost: text('local_post'), // 挂职
    teamId: integer('team_id').references(() => teams.id),
    divisionCode: text('division_code').notNull(), // where the person serves
    dispatchStart: date('dispatch_start').notNull(),
    dispatchEnd: date('dispatch_end'), // last day, inclusive; null = open
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cadres_id_number_hash_uq').on(t.idNumberHash),
    index('cadres_team_idx').on(t.teamId),
    index('cadres_division_idx').on(t.divisionCode),
    check('cadres_dispatch_ck', sql`${t.dispatchEnd} is null or ${t.dispatchEnd} >= ${t.dispatchStart}`),
  ],
);

// 队员: a person's membership of a team in one round (轮次), with a role and dates; rotation = new rows.
export const teamMembers = pgTable(
  'team_members',
  {
    id: serial('id').primaryKey(),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    cadreId: integer('cadre_id')
      .notNull()
      .references(() => cadres.id),
    role: text('role').$type<MemberRole>().notNull(), // leader | deputy | member | liaison
    round: integer('round').notNull().default(1),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'), // last day, inclusive; null = open
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('team_members_team_idx').on(t.teamId),
    index('team_members_cadre_idx').on(t.cadreId),
    uniqueIndex('team_members_round_uq').on(t.teamId, t.cadreId, t.round),
    check('team_members_dates_ck', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

// 人才交流: person-times (人次) sent from one side to the other, by kind, over a period. A row is counted
// once, where it happened; "sent" and "received" are the same rows seen from either side.
export const talentExchanges = pgTable(
  'talent_exchanges',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').$type<ExchangeKind>().notNull(), // cadre | teacher | doctor | technician | other_professional | training
    personTimes: integer('person_times').notNull(),
    fromDivisionCode: text('from_division_code').notNull(),
    toDivisionCode: text('to_division_code').notNull(),
    programmeId: integer('programme_id').references(() => programmes.id),
    teamId: integer('team_id').references(() => teams.id),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('talent_exchanges_from_idx').on(t.fromDivisionCode),
    index('talent_exchanges_to_idx').on(t.toDivisionCode),
    index('talent_exchanges_start_idx').on(t.startDate),
    check('talent_exchanges_positive_ck', sql`${t.personTimes} > 0`),
  ],
);

// 人才交流人员: the named persons of an exchange, one row per trip (人次) — a person's repeated trips are several
// rows of one id_number_hash. An exchange with any named row counts its rows, never its typed person_times
// (facts.ts); rows without persons are the aggregate records of years before the app.
export const talentExchangePersons = pgTable(
  'talent_exchange_persons',
  {
    id: serial('id').primaryKey(),
    exchangeId: integer('exchange_id')
      .notNull()
      .references(() => talentExchanges.id),
    name: text('name').notNull(),
    gender: text('gender').$type<Gender>().notNull(), // from the ID number
    birthDate: date('birth_date').notNull(), // from the ID number
    idNumberCipher: text('id_number_cipher').notNull(),
    idNumberHash: text('id_number_hash').notNull(),
    field: text('field').$type<ProfessionalField>(), // education | health | agriculture | other; null for cadres
    unit: text('unit'), // 工作单位, as written
    fromDivisionCode: text('from_division_code').notNull(), // within the exchange's sending side
    toDivisionCode: text('to_division_code').notNull(), // within its receiving side: where the person serves
    arrivalDate: date('arrival_date').notNull(),
    departureDate: date('departure_date').notNull(), // last day, inclusive: planned or actual
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('talent_exchange_persons_exchange_idx').on(t.exchangeId),
    index('talent_exchange_persons_hash_idx').on(t.idNumberHash),
    index('talent_exchange_persons_to_idx').on(t.toDivisionCode),
    uniqueIndex('talent_exchange_persons_trip_uq').on(t.exchangeId, t.idNumberHash, t.arrivalDate),
    check('talent_exchange_persons_stay_ck', sql`${t.departureDate} >= ${t.arrivalDate}`),
  ],
);
