// Every module's shared parts — its messages, its indicator definitions and the permissions it grants to
// roles — in the order dashboards and menus show them. Adding a module is one line here (plus its import);
// its contracts are imported by name.

import * as assessment from './i18n/assessment';
import * as consumption from './i18n/consumption';
import * as funds from './i18n/funds';
import * as indicators from './i18n/indicators';
import * as industry from './i18n/industry';
import * as labour from './i18n/labour';
import * as monitoring from './i18n/monitoring';
import * as registry from './i18n/registry';
import * as social from './i18n/social';
import * as teams from './i18n/teams';
import { consumptionIndicators } from './indicators/consumption';
import { fundsIndicators } from './indicators/funds';
import { industryIndicators } from './indicators/industry';
import { labourIndicators } from './indicators/labour';
import { monitoringIndicators } from './indicators/monitoring';
import { registryIndicators } from './indicators/registry';
import { reportedIndicators } from './indicators/reported';
import { socialIndicators } from './indicators/social';
import { teamsIndicators } from './indicators/teams';
import type { IndicatorDef } from './indicators/types';
import { READERS, type Role } from './roleNames';

export interface SharedModule {
  key: string;
  messages: { zhCN: object; en: object };
  indicators: IndicatorDef[];
  /** The permissions the module checks, each with the roles granted it (an admin holds all). */
  permissions: Record<string, readonly Role[]>;
}

export const sharedModules = [
  {
    key: 'monitoring',
    messages: monitoring,
    indicators: monitoringIndicators,
    permissions: {
      'monitoring.read': READERS,
      'monitoring.write': ['hq', 'team_leader', 'team_member', 'town_staff'],
      'monitoring.review': ['hq', 'team_leader', 'town_staff'], // village/town/county steps of the review chain
    },
  },
  { key: 'teams', messages: teams, indicators: teamsIndicators, permissions: {} }, // checks the registry's
  {
    key: 'registry',
    messages: registry,
    indicators: registryIndicators,
    permissions: {
      'registry.read': READERS,
      'registry.write': ['hq', 'team_leader', 'team_member'],
      'registry.reference': ['hq'], // reference data every scope shares: division history, programmes
    },
  },
  {
    key: 'funds',
    messages: funds,
    indicators: fundsIndicators,
    permissions: {
      'funds.read': READERS,
      'funds.write': ['hq', 'team_leader', 'team_member', 'town_staff'],
    },
  },
  {
    key: 'industry',
    messages: industry,
    indicators: industryIndicators,
    permissions: {
      'industry.read': READERS,
      'industry.write': ['hq', 'team_leader', 'team_member', 'town_staff'],
    },
  },
  {
    key: 'labour',
    messages: labour,
    indicators: labourIndicators,
    permissions: { 'labour.read': READERS, 'labour.write': ['hq', 'team_leader', 'team_member', 'town_staff'] },
  },
  {
    key: 'consumption',
    messages: consumption,
    indicators: consumptionIndicators,
    permissions: {
      'consumption.read': READERS,
      'consumption.write': ['hq', 'team_leader', 'team_member', 'town_staff'],
    },
  },
  {
    key: 'social',
    messages: social,
    indicators: socialIndicators,
    permissions: {
      'social.read': READERS,
      'social.write': ['hq', 'team_leader', 'team_member', 'town_staff'],
    },
  },
  {
    key: 'indicators',
    messages: indicators,
    indicators: reportedIndicators,
    permissions: {
      'indicators.read': READERS,
      'targets.write': ['hq', 'team_leader'],
      'reports.generate': ['hq', 'team_leader', 'team_member'],
    },
  },
  {
    key: 'assessment',
    messages: assessment,
    indicators: [],
    permissions: {
      'assessment.read': READERS,
      'assessment.agree': ['hq', 'team_leader'], // draw up and sign a pairing's annual agreement
      'assessment.submit': ['hq', 'team_leader', 'team_member', 'town_staff'], // a party's self-assessment, opinion, appeal
      'assessment.review': ['hq'], // reviewers: score, settle, field-check
      'assessment.manage': ['hq'], // frameworks, cycles, the calendar's steps, what-if
    },
  },
] as const satisfies readonly SharedModule[];
