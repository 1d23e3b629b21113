// Message catalogues: one file per module, merged here. zh-CN is the default language.
import * as core from './core';
import * as indicators from './indicators';
import * as ledgers from './ledgers';
import * as monitoring from './monitoring';
import * as registry from './registry';
import * as teams from './teams';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

// Each module adds `import * as <module> from './<module>'` and one entry per language below.
export const catalogues = {
  'zh-CN': { ...core.zhCN, teams: teams.zhCN, ledgers: ledgers.zhCN, monitoring: monitoring.zhCN, registry: registry.zhCN, indicators: indicators.zhCN },
  en: { ...core.en, teams: teams.en, ledgers: ledgers.en, monitoring: monitoring.en, registry: registry.en, indicators: indicators.en },
} as const;

export function pickLanguage(header: string | undefined | null): Language {
  if (!header) return DEFAULT_LANGUAGE;
  const first = header.split(',')[0].trim().toLowerCase();
  return first.startsWith('en') ? 'en' : DEFAULT_LANGUAGE;
}
