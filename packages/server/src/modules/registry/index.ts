// 协作档案 (registry): the division tree, units, programmes and pairings — the shared kernel other modules
// reach through this file (never through its tables.ts).

import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { defineModule } from '../../platform/module';
import { divisionsSeed, registrySeed } from './demo';
import { registryFacts } from './facts';
import { registryLedgers } from './ledgers';
import { registryRoutes } from './routes';
import * as tables from './tables';

export const registryModule = defineModule({
  key: 'registry',
  tables,
  routes: registryRoutes,
  ledgers: registryLedgers,
  facts: registryFacts,
  directory: {
    divisionNames: (db, codes) =>
      db
        .select({ code: tables.divisions.code, name: tables.divisions.name })
        .from(tables.divisions)
        .where(inArray(tables.divisions.code, codes)),
    divisionsNamed: (db, stems, level) => {
      const d = tables.divisions;
      const parent = alias(d, 'parent');
      const patterns = stems.map((s) => `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      return db
        .select({ code: d.code, name: d.name, parentName: parent.name })
        .from(d)
        .leftJoin(parent, eq(parent.code, d.parentCode))
        .where(
          and(
            eq(d.level, level as never),
            isNull(d.abolishedOn),
            sql`${d.name} like any(array[${sql.join(
              patterns.map((p) => sql`${p}`),
              sql`, `,
            )}]::text[])`,
          ),
        )
        .limit(2000);
    },
  },
  referenceSeed: divisionsSeed,
  demoSeed: registrySeed,
});

export { helperDivisionOf, helperOfPairing, PAIRING_COLUMNS, pairingBetween } from './pairingSql';
// The shared kernel other modules may use: the division tree, units, programmes and pairings (foreign keys, names).
export { divisions, pairings, programmes, units } from './tables';
