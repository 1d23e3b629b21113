// 协作档案 (registry): the division tree, units, programmes and pairings — the shared kernel other modules
// reach through this file (never through its tables.ts).
import { inArray } from 'drizzle-orm';
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
      db.select({ code: tables.divisions.code, name: tables.divisions.name }).from(tables.divisions).where(inArray(tables.divisions.code, codes)),
  },
  referenceSeed: divisionsSeed,
  demoSeed: registrySeed,
});

// The shared kernel other modules may use: the division tree, units and programmes (foreign keys, names).
export { divisions, programmes, units } from './tables';
