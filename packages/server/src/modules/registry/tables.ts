// Registry tables: divisions (with history), units, programmes and pairings. (`teams` lives in modules/teams.)
import type { DivisionChangeKind, DivisionLevel, PairingType, ProgrammeKind, UnitKind } from '@xiezuo/shared/contracts/registry';
import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

// 行政区划: 12-digit statistical codes; one row per code ever used, holding its current version.
// `since`: the day the current name/parent took effect (null = as far back as we know);
// `abolishedOn`: the day the code stopped existing (merged away). Earlier versions: divisionVersions.
export const divisions = pgTable(
  'divisions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level').$type<DivisionLevel>().notNull(), // province | city | county | town | village
    parentCode: text('parent_code'),
    since: date('since'),
    abolishedOn: date('abolished_on'),
  },
  (t) => [index('divisions_parent_idx').on(t.parentCode), index('divisions_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`)],
);

// 区划沿革: an earlier version of a division, valid in [validFrom, validTo) (validFrom null = always before).
export const divisionVersions = pgTable(
  'division_versions',
  {
    id: serial('id').primaryKey(),
    code: text('code')
      .notNull()
      .references(() => divisions.code),
    name: text('name').notNull(),
    parentCode: text('parent_code'),
    validFrom: date('valid_from'),
    validTo: date('valid_to').notNull(),
  },
  (t) => [index('division_versions_code_idx').on(t.code), index('division_versions_parent_idx').on(t.parentCode)],
);

// 区划变更: the event log (rename | merge | split | move | create), for people to read.
export const divisionChanges = pgTable('division_changes', {
  id: serial('id').primaryKey(),
  kind: text('kind').$type<DivisionChangeKind>().notNull(),
  effectiveOn: date('effective_on').notNull(),
  codes: text('codes').array().notNull(), // the divisions involved, the changed one first
  note: text('note'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// 单位: government office, command HQ, cooperation office, school, hospital, enterprise, social
// organisation, cooperative, village committee. creditCode: GB 32100 统一社会信用代码, where it has one.
export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').$type<UnitKind>().notNull(), // see UNIT_KINDS in shared/contracts/registry.ts
    divisionCode: text('division_code').notNull(),
    creditCode: text('credit_code'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_credit_code_uq').on(t.creditCode),
    index('units_division_idx').on(t.divisionCode),
    index('units_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

// 协作项目: a named cooperation with a period, e.g. 粤桂东西部协作 2021–2025.
export const programmes = pgTable('programmes', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(), // short stable key, e.g. yue-gui-2021
  name: text('name').notNull(),
  kind: text('kind').$type<ProgrammeKind>().notNull(), // east_west | town_assist | other
  startDate: date('start_date').notNull(),
  endDate: date('end_date'),
  description: text('description'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// 阶段: a programme's phases and their focus ("第一年民生为先").
export const programmePhases = pgTable(
  'programme_phases',
  {
    id: serial('id').primaryKey(),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    focus: text('focus'),
  },
  (t) => [uniqueIndex('programme_phases_seq_uq').on(t.programmeId, t.seq)],
);

// 结对: helper party → helped party (each a division or a unit), of a type, in a programme, for a period.
// helperDivisionCode/helpedDivisionCode are always filled (a unit's own division) so scope and the map
// need no join.
export const pairings = pgTable(
  'pairings',
  {
    id: serial('id').primaryKey(),
    type: text('type').$type<PairingType>().notNull(), // see PAIRING_TYPES
    programmeId: integer('programme_id').references(() => programmes.id),
    helperDivisionCode: text('helper_division_code').notNull(),
    helperUnitId: integer('helper_unit_id').references(() => units.id),
    helpedDivisionCode: text('helped_division_code').notNull(),
    helpedUnitId: integer('helped_unit_id').references(() => units.id),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'), // last day, inclusive; null = open. Status (planned/active/ended) is derived from the dates.
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('pairings_helper_div_idx').on(t.helperDivisionCode),
    index('pairings_helped_div_idx').on(t.helpedDivisionCode),
    index('pairings_helper_unit_idx').on(t.helperUnitId),
    index('pairings_helped_unit_idx').on(t.helpedUnitId),
    index('pairings_programme_idx').on(t.programmeId),
  ],
);
