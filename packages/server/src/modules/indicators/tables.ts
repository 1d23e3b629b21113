// Indicator aggregates, targets, reported figures and report jobs. Dashboards read only
// indicator_rollups; the refresher keeps leaves and rollups current from the modules' tables.
import {
  bigserial,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

// 叶子汇总: one source slice's figures — (indicator, breakdown, stored period) at a town-level division
// code (9 significant digits, or a coarser code for county-level events) and the recording team (0 = none).
export const indicatorLeaves = pgTable(
  'indicator_leaves',
  {
    indicator: text('indicator').notNull(),
    breakdown: text('breakdown').notNull().default(''),
    period: text('period').notNull(),
    slice: text('slice').notNull(), // 12-digit code of the slice (town, or county for county-level events)
    teamId: integer('team_id').notNull().default(0),
    value: doublePrecision('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.slice, t.period, t.indicator, t.breakdown, t.teamId] }),
    index('indicator_leaves_team_idx').on(t.teamId, t.period), // teams without sub-teams are read from here
  ],
);

// 汇总: every node of both trees (all, d:<prefix>, t:<id>) × indicator × breakdown × stored period.
// Division nodes use the tree as of the period (last year's figures roll up last year's tree).
export const indicatorRollups = pgTable(
  'indicator_rollups',
  {
    node: text('node').notNull(),
    period: text('period').notNull(),
    indicator: text('indicator').notNull(),
    breakdown: text('breakdown').notNull().default(''),
    value: doublePrecision('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.node, t.period, t.indicator, t.breakdown] })],
);

// 待汇总: slices to recompute (source, slice code, year); written by triggers on the modules' tables.
// year 0 = every year the slice has data in; slice '*' = the whole source.
export const indicatorDirty = pgTable(
  'indicator_dirty',
  {
    source: text('source').notNull(),
    slice: text('slice').notNull(),
    year: integer('year').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.source, t.slice, t.year] })],
);

// Refresher state: last refresh time and the catalogue fingerprint the aggregates were built with.
export const indicatorState = pgTable('indicator_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// 目标任务: a target for a node, indicator and period; children of a split point at their parent.
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    id: serial('id').primaryKey(),
    node: text('node').notNull(),
    divisionCode: text('division_code'), // for scope: the division node's code, or the team's station
    teamId: integer('team_id'),
    indicator: text('indicator').notNull(),
    period: text('period').notNull(),
    value: doublePrecision('value').notNull(),
    parentId: integer('parent_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicator_targets_uq').on(t.node, t.indicator, t.period), index('indicator_targets_parent_idx').on(t.parentId)],
);

// 指标填报: figures entered or imported for indicators no module holds yet (source indicators.reported).
export const indicatorReported = pgTable(
  'indicator_reported',
  {
    id: serial('id').primaryKey(),
    indicator: text('indicator').notNull(),
    divisionCode: text('division_code').notNull(),
    teamId: integer('team_id'),
    day: date('day').notNull(),
    value: doublePrecision('value').notNull(),
    tags: text('tags').array().notNull().default([]),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('indicator_reported_div_idx').on(t.divisionCode),
    uniqueIndex('indicator_reported_uq').on(t.indicator, t.divisionCode, t.teamId, t.day),
  ],
);

// 报告任务: a background report (docx/xlsx) with its progress and, when done, the file.
export const reportJobs = pgTable('report_jobs', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  node: text('node').notNull(),
  period: text('period').notNull(),
  format: text('format').notNull(), // docx | xlsx
  lang: text('lang').notNull().default('zh-CN'),
  status: text('status').notNull().default('queued'), // queued | running | done | failed
  progress: integer('progress').notNull().default(0),
  fileName: text('file_name'),
  file: bytea('file'),
  error: text('error'),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});
