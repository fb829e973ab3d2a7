import { type i18n as I18n, createInstance } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../lib/format';
import { en } from './en';
import { fr } from './fr';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}

export const LANGUAGES: readonly UiLanguage[] = ['fr', 'en'];
export const LANGUAGE_STORAGE_KEY = 'amiable.language';

function storedLanguage(): UiLanguage | null {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return value === 'fr' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

export function persistLanguage(language: UiLanguage): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

export function toUiLanguage(value: string | undefined): UiLanguage {
  return value?.startsWith('en') ? 'en' : 'fr';
}

/** A ready i18next instance, French unless the user chose English before. */
export function createI18n(language: UiLanguage = storedLanguage() ?? 'fr'): I18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: language,
    fallbackLng: 'fr',
    supportedLngs: ['fr', 'en'],
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
    instance.on('languageChanged', (next) => {
      document.documentElement.lang = next;
    });
  }
  return instance;
}
