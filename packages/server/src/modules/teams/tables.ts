// Teams module tables. The platform's scope resolver queries `teams` (id, parent_id, division_code) with
// raw SQL, so those column names are part of its contract.
import { type AnyPgColumn, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';

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
