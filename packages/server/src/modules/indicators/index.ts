// 数据看板 (indicators): the engine that aggregates every module's facts, dashboards, targets and reports.
import { defineModule } from '../../platform/module';
import { indicatorsSeed } from './demo';
import { indicatorFacts } from './facts';
import { indicatorLedgers } from './ledgers';
import { indicatorsRoutes } from './routes';
import * as tables from './tables';

export const indicatorsModule = defineModule({
  key: 'indicators',
  tables,
  routes: indicatorsRoutes,
  ledgers: indicatorLedgers,
  facts: indicatorFacts,
  demoSeed: indicatorsSeed,
});

export { loadTargets } from './dashboard';
// What other modules may use (assessment): live figures of nodes, the records behind a figure, the node
// directory's scope check and the report writer's 公文 layout.
export { nodeInScope } from './nodes';
export { figureRecords, liveFigures, recordLabels, refresherOf } from './service';
