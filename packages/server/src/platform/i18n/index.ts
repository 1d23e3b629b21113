// Server-side translation from the shared catalogues; the request's language picks the catalogue.
import { catalogues, DEFAULT_LANGUAGE, type Language, pickLanguage } from '@xiezuo/shared/i18n/index';
import i18next, { type TFunction } from 'i18next';

const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(Object.entries(catalogues).map(([lng, c]) => [lng, { translation: c }])),
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false },
  initImmediate: false,
  showSupportNotice: false,
} as Parameters<typeof instance.init>[0]);

export type Translate = TFunction;

export function translator(lang: Language): Translate {
  return instance.getFixedT(lang);
}

/** Language of a request: the `lang` cookie set by the switch, else Accept-Language, else zh-CN. */
export function requestLanguage(req: { cookies?: Record<string, string | undefined>; headers: Record<string, unknown> }): Language {
  const cookie = req.cookies?.lang;
  if (cookie === 'en' || cookie === 'zh-CN') return cookie;
  return pickLanguage(req.headers['accept-language'] as string | undefined);
}

export type { Language };
