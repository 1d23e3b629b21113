// 防返贫监测 (monitoring): households and members, the review chain, risks, measures, visits — the
// template every module's shape follows.
import { defineModule } from '../../platform/module';
import { sealPlainContacts } from './contact';
import { monitoringSeed } from './demo';
import { monitoringFacts } from './facts';
import { monitoringLedgers } from './ledgers';
import { monitoringReport } from './report';
import { monitoringRoutes } from './routes';
import * as tables from './tables';

export const monitoringModule = defineModule({
  key: 'monitoring',
  tables,
  routes: monitoringRoutes,
  ledgers: monitoringLedgers,
  facts: monitoringFacts,
  // who is a 监测对象 (monitored_persons, declared in tables.ts) changes with the members and the households'
  // status: a write to these re-queues, in every module's sources joining the view, the rows of the people written
  personViews: [
    {
      view: 'monitored_persons',
      feeds: [
        { table: 'monitoring_members', hash: 'F.id_hash' },
        { table: 'monitoring_households', hash: 'm.id_hash', join: 'join monitoring_members m on m.household_id = F.id' },
      ],
    },
  ],
  report: monitoringReport,
  demoSeed: monitoringSeed,
  // at every start: phones and addresses written before they were encrypted get encrypted (none left: one query)
  referenceSeed: { name: 'monitoring-seal-contacts', run: async (services) => void (await sealPlainContacts({ services })) },
});

// What other modules may use: monitored households, to link a record to one (social: donations to a household).
export { monitoringHouseholds } from './tables';
