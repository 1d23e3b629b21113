// Registry tables: divisions and teams. (Extended by the registry module.)
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';

// 行政区划: 12-digit statistical codes.
export const divisions = pgTable(
  'divisions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: text('level').notNull(), // province | city | county | town | village
    parentCode: text('parent_code'),
  },
  (t) => [index('divisions_parent_idx').on(t.parentCode), index('divisions_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`)],
);

// 指挥部/工作组/工作队: nested teams stationed in a division.
export const teams = pgTable(
  'teams',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id').references((): AnyPgColumn => teams.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(), // hq | group | team
    divisionCode: text('division_code').notNull(),
  },
  (t) => [index('teams_parent_idx').on(t.parentId)],
);
