// Message catalogues: one file per module, merged here. zh-CN is the default language.
import { sharedModules } from '../modules';
import * as attachments from './attachments';
import * as core from './core';
import * as ledgers from './ledgers';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

type Modules = typeof sharedModules;
type Messages<L extends 'zhCN' | 'en'> = { [M in Modules[number] as M['key']]: M['messages'][L] };

/** Each module's messages under its key (modules.ts lists the modules). */
function moduleMessages<L extends 'zhCN' | 'en'>(lang: L): Messages<L> {
  return Object.fromEntries(sharedModules.map((m) => [m.key, m.messages[lang]])) as Messages<L>;
}

export const catalogues = {
  'zh-CN': { ...core.zhCN, ledgers: ledgers.zhCN, attachments: attachments.zhCN, ...moduleMessages('zhCN') },
  en: { ...core.en, ledgers: ledgers.en, attachments: attachments.en, ...moduleMessages('en') },
} as const;

export function pickLanguage(header: string | undefined | null): Language {
  if (!header) return DEFAULT_LANGUAGE;
  const first = header.split(',')[0].trim().toLowerCase();
  return first.startsWith('en') ? 'en' : DEFAULT_LANGUAGE;
}
