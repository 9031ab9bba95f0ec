import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameTerms, prefixUpperBound, readCitizenQuery } from './citizen-search';

/** Code point order: what SQLite's BINARY and PostgreSQL's "C" collation compare by. */
function compareCodePoints(a: string, b: string): number {
  const left = [...a].map((c) => c.codePointAt(0)!);
  const right = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] !== right[i]) return left[i]! - right[i]!;
  }
  return left.length - right.length;
}

describe('reading what staff typed into the citizen search', () => {
  it('takes 16 digits as a NIK, separators and all', () => {
    expect(readCitizenQuery(' 3171.2345.6789.0123 ')).toEqual({
      isReadable: true,
      query: { kind: 'nik', nik: '3171234567890123' },
    });
  });

  it('never reads a fragment of a NIK as one: short numbers are phones or refused', () => {
    expect(readCitizenQuery('317123456789')).toEqual({
      isReadable: true,
      query: { kind: 'phone', address: '317123456789' },
    });
    expect(readCitizenQuery('3171')).toEqual({ isReadable: false, problem: 'number_length' });
    expect(readCitizenQuery('31712345678901234')).toEqual({
      isReadable: false,
      problem: 'number_length',
    });
  });

  it('normalises phone numbers the way inbound addresses are', () => {
    for (const typed of ['0812-7777-0001', '+62 812 7777 0001', '6281277770001']) {
      expect(readCitizenQuery(typed)).toEqual({
        isReadable: true,
        query: { kind: 'phone', address: '6281277770001' },
      });
    }
  });

  it('reads e-mail addresses and handles whole, in lower case', () => {
    expect(readCitizenQuery('Siti.Rahayu@Example.ID')).toEqual({
      isReadable: true,
      query: { kind: 'email', address: 'siti.rahayu@example.id' },
    });
    expect(readCitizenQuery('@Siti_Rahayu')).toEqual({
      isReadable: true,
      query: { kind: 'handle', addresses: ['@siti_rahayu', 'siti_rahayu'] },
    });
  });

  it('reads anything else as the beginnings of name words', () => {
    expect(readCitizenQuery('siti RAH')).toEqual({
      isReadable: true,
      query: { kind: 'name', terms: ['siti', 'rah'] },
    });
    expect(readCitizenQuery('—')).toEqual({ isReadable: false, problem: 'no_words' });
  });
});

describe('name terms', () => {
  it('drop case and accents and split at punctuation, each word once', () => {
    expect(nameTerms('I Ñoman Sukmawatí-Putri, S.H. putri')).toEqual([
      'i',
      'noman',
      'sukmawati',
      'putri',
      's',
      'h',
    ]);
  });

  it('read a name and its query the same way (typing a word finds the name)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (name) => {
        for (const term of nameTerms(name)) {
          const reading = readCitizenQuery(term);
          if (reading.isReadable && reading.query.kind === 'name') {
            expect(reading.query.terms).toEqual([term]);
          }
        }
      }),
    );
  });
});

describe('prefix upper bound', () => {
  const text = fc.string({
    unit: fc.constantFrom('a', 'z', 'é', '0', '\u{d7ff}', '\u{e000}', '\u{10ffff}', '\u{1f600}'),
    maxLength: 6,
  });

  it('makes a range holding exactly the strings with the prefix', () => {
    fc.assert(
      fc.property(text, text, (prefix, candidate) => {
        const bound = prefixUpperBound(prefix);
        const inRange =
          compareCodePoints(candidate, prefix) >= 0 &&
          (bound === null || compareCodePoints(candidate, bound) < 0);
        expect(inRange).toBe(candidate.startsWith(prefix));
      }),
      { numRuns: 2000 },
    );
  });

  it('steps over the surrogates and has no bound after the last code point', () => {
    expect(prefixUpperBound('si')).toBe('sj');
    expect(prefixUpperBound('a\u{d7ff}')).toBe('a\u{e000}');
    expect(prefixUpperBound('b\u{10ffff}')).toBe('c');
    expect(prefixUpperBound('\u{10ffff}')).toBeNull();
  });
});
