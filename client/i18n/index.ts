/**
 * i18next set up once, synchronously, with Bahasa Indonesia bundled; English is fetched the first
 * time it is chosen (it is a tenth of the first load, and most users never switch). The user's
 * choice is kept in localStorage.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { id, type ScreenStrings, type Translation } from './id';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'id';
export const LANGUAGE_STORAGE_KEY = 'tanggap.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Translation };
  }
}

export function isLanguage(value: unknown): value is Language {
  return value === 'id' || value === 'en';
}

export function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  // A copy: screens' strings are merged into the store, never into the module's constant.
  resources: { id: { translation: structuredClone(id) } },
  // A stored English choice applies as soon as its strings arrive (below).
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  defaultNS: 'translation',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

i18n.on('languageChanged', (language) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});
if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

/**
 * Adds a screen's own Bahasa Indonesia strings; called by the screen's module when its code loads,
 * so they never weigh on the first load. English arrives whole with `loadLanguage('en')`.
 */
export function addScreenStrings(strings: Partial<ScreenStrings>): void {
  i18n.addResourceBundle(DEFAULT_LANGUAGE, 'translation', strings, true, false);
}

/** Makes a language's strings available; Bahasa Indonesia always is. */
export async function loadLanguage(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  if (language === 'en') {
    const { en } = await import('./en');
    i18n.addResourceBundle('en', 'translation', en);
  }
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode or full storage: the switch still applies for this session.
  }
  await loadLanguage(language);
  await i18n.changeLanguage(language);
}

const storedLanguage = readStoredLanguage();
if (storedLanguage !== DEFAULT_LANGUAGE) void setLanguage(storedLanguage);

/** BCP 47 locale for Intl formatting of dates and numbers. */
export function localeFor(language: string): string {
  return language === 'en' ? 'en-GB' : 'id-ID';
}
