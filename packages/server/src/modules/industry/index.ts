// 产业协作 (industry): introduced enterprises and their investment, co-built parks, assistance workshops and
// the people working in them.
import { defineModule } from '../../platform/module';
import { industrySeed } from './demo';
import { industryFacts } from './facts';
import { industryLedgers } from './ledgers';
import { industryReport } from './report';
import { industryRoutes } from './routes';
import * as tables from './tables';

export const industryModule = defineModule({
  key: 'industry',
  tables,
  routes: industryRoutes,
  ledgers: industryLedgers,
  facts: industryFacts,
  report: industryReport,
  demoSeed: industrySeed,
});
