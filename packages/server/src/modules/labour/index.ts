// 劳务协作 (labour): the 脱贫人口名册 (its people join the view lifted_persons, the 其中脱贫人口 of every
// module), employment records of people and order classes, with their facts, indicators and report chapter.
import { defineModule } from '../../platform/module';
import { labourSeed } from './demo';
import { labourFacts } from './facts';
import { labourLedgers } from './ledgers';
import { labourReport } from './report';
import { labourRoutes } from './routes';
import * as tables from './tables';

export const labourModule = defineModule({
  key: 'labour',
  tables,
  routes: labourRoutes,
  ledgers: labourLedgers,
  facts: labourFacts,
  // who is 脱贫人口 (lifted_persons, declared in tables.ts) changes with the roster and with monitoring's 脱贫户:
  // a write to these re-queues, in every module's sources joining the view, the rows of the people written
  personViews: [
    {
      view: 'lifted_persons',
      feeds: [
        { table: 'labour_roster', hash: 'F.id_hash' },
        { table: 'monitoring_members', hash: 'F.id_hash' },
        {
          table: 'monitoring_households',
          hash: 'm.id_hash',
          join: 'join monitoring_members m on m.household_id = F.id',
          where: 'F.is_lifted',
        },
      ],
    },
  ],
  report: labourReport,
  demoSeed: labourSeed,
});

/** Puts a person on the 脱贫人口名册 (or updates them): other modules' demo seeds add the 脱贫人口 of their places. */
export { saveRosterPerson } from './roster';
