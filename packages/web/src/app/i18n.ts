// UI strings come from the shared catalogues; the choice of language is kept in a cookie the server reads too.
import { catalogues, DEFAULT_LANGUAGE, type Language } from '@xiezuo/shared/i18n/index';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

function savedLanguage(): Language {
  const m = /(?:^|; )lang=([^;]+)/.exec(document.cookie);
  return m?.[1] === 'en' ? 'en' : DEFAULT_LANGUAGE;
}

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(Object.entries(catalogues).map(([lng, c]) => [lng, { translation: c }])),
  lng: savedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false },
});

export function switchLanguage(lang: Language) {
  // biome-ignore lint/suspicious/noDocumentCookie: the server reads the language from this cookie (Cookie Store API is not in every browser we serve)
  document.cookie = `lang=${lang}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export default i18n;
