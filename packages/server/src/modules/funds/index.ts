// 财政援助资金与协作项目 (funds): fund allocations (资金下达) and their transfers down the levels, projects (协作项目)
// from the reserve to the handed-over asset, their money flows and beneficiaries. Other modules (the social
// module linking the funds it raised to a project) reach projects through this file.
import { defineModule } from '../../platform/module';
import { fundsAttachments } from './attachments';
import { fundsSeed } from './demo';
import { fundsFacts } from './facts';
import { fundsLedgers } from './ledgers';
import { fundsReport } from './report';
import { fundsRoutes } from './routes';
import * as tables from './tables';

export const fundsModule = defineModule({
  key: 'funds',
  tables,
  routes: fundsRoutes,
  attachments: fundsAttachments,
  ledgers: fundsLedgers,
  facts: fundsFacts,
  report: fundsReport,
  demoSeed: fundsSeed,
});

/** Projects by code within the caller's scope ({ id, code, name, divisionCode, teamId }): how another module names a project. */
export { projectsByCode } from './projects';
