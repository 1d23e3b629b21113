// Every module's shared parts — its messages and its indicator definitions — in the order dashboards and
// menus show them. Adding a module is one line here (plus its import); its contracts are imported by name.
import { monitoringIndicators } from './indicators/monitoring';
import { registryIndicators } from './indicators/registry';
import { reportedIndicators } from './indicators/reported';
import { teamsIndicators } from './indicators/teams';
import type { IndicatorDef } from './indicators/types';
import * as indicators from './i18n/indicators';
import * as monitoring from './i18n/monitoring';
import * as registry from './i18n/registry';
import * as teams from './i18n/teams';

export interface SharedModule {
  key: string;
  messages: { zhCN: object; en: object };
  indicators: IndicatorDef[];
}

export const sharedModules = [
  { key: 'monitoring', messages: monitoring, indicators: monitoringIndicators },
  { key: 'teams', messages: teams, indicators: teamsIndicators },
  { key: 'registry', messages: registry, indicators: registryIndicators },
  { key: 'indicators', messages: indicators, indicators: reportedIndicators },
] as const satisfies readonly SharedModule[];
