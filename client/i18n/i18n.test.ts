import { describe, expect, it } from 'vitest';
import { en } from './en';
import { id } from './id';
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
