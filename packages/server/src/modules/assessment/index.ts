// 考核评价 (assessment): annual agreements of pairings, frameworks as versioned data, cycles scored from live figures
// with a trace, the official calendar as a workflow, field-check samples and what-if replays.
import { defineModule } from '../../platform/module';
import { assessmentAttachments } from './attachments';
import { assessmentSeed } from './demo';
import { assessmentRoutes } from './routes';
import * as tables from './tables';

export const assessmentModule = defineModule({
  key: 'assessment',
  tables,
  routes: assessmentRoutes,
  attachments: assessmentAttachments,
  demoSeed: assessmentSeed,
});
