// Registry tables: divisions. (Extended by the registry module; teams live in modules/teams.)
import { sql } from 'drizzle-orm';
import { index, pgTable, text } from 'drizzle-orm/pg-core';

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
