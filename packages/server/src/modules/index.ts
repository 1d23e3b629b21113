// Every domain module, in order: routes are registered and demo data seeded in this order (teams after
// registry: it looks up the registry's programmes and units). Adding a module is one line here.
import type { ModuleDefinition } from '../platform/module';
import { assessmentModule } from './assessment';
import { consumptionModule } from './consumption';
import { fundsModule } from './funds';
import { indicatorsModule } from './indicators';
import { industryModule } from './industry';
import { labourModule } from './labour';
import { monitoringModule } from './monitoring';
import { registryModule } from './registry';
import { socialModule } from './social';
import { teamsModule } from './teams';

export const modules: readonly ModuleDefinition[] = [
  registryModule,
  teamsModule,
  monitoringModule,
  fundsModule,
  industryModule,
  labourModule,
  consumptionModule,
  socialModule,
  indicatorsModule,
  assessmentModule, // after indicators: it scores the figures the indicators module computes
];
