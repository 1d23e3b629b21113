// Every domain module: its routes (registered in this order) and its demo data (seeded in this order).
import type { App } from '../platform/http/app';
import type { ModuleSeed } from '../platform/seed';

export const moduleRoutes: ((app: App) => Promise<void>)[] = [];

export const moduleSeeds: ModuleSeed[] = [];
