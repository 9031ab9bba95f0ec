import { describe, expect, it } from 'vitest';
import { en } from './en';
import { id as appStrings } from './id';
import { idComplete as id, screenStringsId } from './id-complete';
import { i18n, LANGUAGE_STORAGE_KEY, readStoredLanguage, setLanguage } from '.';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') result.set(path, value);
    else for (const [k, v] of leaves(value, path)) result.set(k, v);
  }
  return result;
}

function variables(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '').sort();
}

const idLeaves = leaves(id);
const enLeaves = leaves(en);

describe('translations', () => {
  it('have exactly the same keys in Bahasa Indonesia and English', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...idLeaves.keys()].sort());
  });

  it('have no empty strings', () => {
    for (const [key, value] of [...idLeaves, ...enLeaves]) {
      expect(value.trim(), key).not.toBe('');
    }
  });

  it('use the same interpolation variables in both languages', () => {
    for (const [key, value] of idLeaves) {
      expect(variables(enLeaves.get(key) ?? ''), key).toEqual(variables(value));
    }
  });

  it('name every caller segment as the article does', () => {
    expect(id.segment).toEqual({
      academia: 'Akademisi',
      observer: 'Pengamat',
      official: 'Penyelenggara negara',
      media: 'Media massa',
      public: 'Masyarakat umum',
    });
  });
});

describe('language choice', () => {
  it('defaults to Bahasa Indonesia and remembers a switch', async () => {
    expect(readStoredLanguage()).toBe('id');
    await setLanguage('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(readStoredLanguage()).toBe('en');
    expect(i18n.t('auth.submit')).toBe('Sign in');
    await setLanguage('id');
    expect(i18n.t('auth.submit')).toBe('Masuk');
  });
});

/** Where each screen's own strings may be used: only code that loads with (after) that screen. */
const SCREEN_FOLDERS: Record<keyof typeof screenStringsId, string> = {
  citizens: 'client/features/citizens/',
  scripts: 'client/features/scripts/',
  authoring: 'client/features/knowledge/',
  policies: 'client/features/policies/',
  evaluationForms: 'client/features/evaluation-forms/',
};

// Every client source file but the tests and the strings themselves, as text.
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!./**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('strings of screens loaded on demand', () => {
  it('are not in the strings loaded with the app', () => {
    for (const [key, strings] of Object.entries(screenStringsId)) {
      const loaded = appStrings[key as keyof typeof screenStringsId] as Record<string, unknown>;
      for (const screenKey of Object.keys(strings)) {
        expect(loaded, `${key}.${screenKey}`).not.toHaveProperty(screenKey);
      }
    }
  });

  it('are used only by the screen that adds them, so nothing shows a bare key', () => {
    const misuses: string[] = [];
    expect(Object.keys(sources).length).toBeGreaterThan(100);
    for (const [relative, text] of Object.entries(sources)) {
      const file = relative.replace(/^\.\.\//, 'client/');
      for (const [key, strings] of Object.entries(screenStringsId)) {
        if (file.startsWith(SCREEN_FOLDERS[key as keyof typeof SCREEN_FOLDERS])) continue;
        for (const screenKey of Object.keys(strings)) {
          if (text.includes(`${key}.${screenKey}`)) misuses.push(`${file}: ${key}.${screenKey}`);
        }
      }
    }
    expect(misuses).toEqual([]);
  });

  it('arrive with the screen', async () => {
    i18n.removeResourceBundle('id', 'translation');
    i18n.addResourceBundle('id', 'translation', structuredClone(appStrings));
    expect(i18n.exists('citizens.search.label', { lng: 'id' })).toBe(false);
    await import('../features/citizens/components/citizens-screen');
    expect(i18n.t('citizens.search.label', { lng: 'id' })).toBe(id.citizens.search.label);
    expect(i18n.t('citizens.nav', { lng: 'id' })).toBe(id.citizens.nav);
  });
});
