// 社会帮扶、会议、互访、宣传 (social): donations and condolence visits, social funds raised, meetings and their
// decisions followed to done, high-level visits and publicity — the rest of what teams report.
import { defineModule } from '../../platform/module';
import { socialAttachments } from './attachments';
import { socialSeed } from './demo';
import { socialFacts } from './facts';
import { socialLedgers } from './ledgers';
import { socialReport } from './report';
import { socialRoutes } from './routes';
import * as tables from './tables';

export const socialModule = defineModule({
  key: 'social',
  tables,
  routes: socialRoutes,
  attachments: socialAttachments,
  ledgers: socialLedgers,
  facts: socialFacts,
  report: socialReport,
  demoSeed: socialSeed,
});
