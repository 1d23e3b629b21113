// Every domain module: its routes (registered in this order) and its demo data (seeded in this order).
import type { App } from '../platform/http/app';
import type { ModuleSeed } from '../platform/seed';
import { indicatorsSeed } from './indicators/demo';
import { indicatorsRoutes } from './indicators/routes';
import { monitoringSeed } from './monitoring/demo';
import { monitoringRoutes } from './monitoring/routes';
import { divisionsSeed, registrySeed } from './registry/demo';
import { registryRoutes } from './registry/routes';
import { teamsSeed } from './teams/demo';
import { teamsRoutes } from './teams/routes';

export const moduleRoutes: ((app: App) => Promise<void>)[] = [registryRoutes, teamsRoutes, monitoringRoutes, indicatorsRoutes];

// teams after registry: it looks up the registry's programmes and units
export const moduleSeeds: ModuleSeed[] = [registrySeed, teamsSeed, monitoringSeed, indicatorsSeed];

// Reference data every installation needs, demo or not (the division tree); loaded at start until present.
export const referenceSeeds: ModuleSeed[] = [divisionsSeed];
