// Every web module, in menu order. A module adds its import and one entry between home and admin.
import type { WebModule } from '../app/modules';
import { adminModule, homeModule } from '../platform';

export const webModules: WebModule[] = [homeModule, adminModule];
