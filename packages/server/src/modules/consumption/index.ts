// 消费帮扶 (consumption assistance): suppliers and certified products of the helped areas, sales by channel
// credited once to each side of the pairing (a sale reported twice counted once), and matching fairs.
import { defineModule } from '../../platform/module';
import { consumptionSeed } from './demo';
import { consumptionFacts } from './facts';
import { consumptionLedgers } from './ledgers';
import { consumptionReport } from './report';
import { consumptionRoutes } from './routes';
import * as tables from './tables';

export const consumptionModule = defineModule({
  key: 'consumption',
  tables,
  routes: consumptionRoutes,
  ledgers: consumptionLedgers,
  facts: consumptionFacts,
  report: consumptionReport,
  demoSeed: consumptionSeed,
});
