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
  report: monitoringReport,
  demoSeed: monitoringSeed,
  // at every start: phones and addresses written before they were encrypted get encrypted (none left: one query)
  referenceSeed: { name: 'monitoring-seal-contacts', run: async (services) => void (await sealPlainContacts({ services })) },
});

// What other modules may use: monitored households, to link a record to one (social: donations to a household).
export { monitoringHouseholds } from './tables';
