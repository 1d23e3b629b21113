// Every web module, in menu order. A module adds its import and one entry between home and admin.
import type { WebModule } from '../app/modules';
import { adminModule, homeModule } from '../platform';
import { ledgersModule } from '../platform/ledgers';
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

export const webModules: WebModule[] = [
  homeModule,
  indicatorsModule,
  registryModule,
  teamsModule,
  monitoringModule,
  fundsModule,
  industryModule,
  labourModule,
  consumptionModule,
  socialModule,
  assessmentModule,
  ledgersModule,
  adminModule,
];
