import { normalizeAddress } from './address';

/**
 * What staff typed into the citizen search, read as one kind of identifier. Identifiers match
 * whole (after the same normalisation inbound addresses get); names match by word beginnings.
 * A NIK matches only when all 16 digits are given: a fragment of someone's national ID number
 * never finds them, so the search cannot be used to guess numbers.
 */
export type CitizenQuery =
  | { kind: 'nik'; nik: string }
  | { kind: 'phone' | 'email'; address: string }
  /** A social handle, with and without the leading `@` (channels send either). */
  | { kind: 'handle'; addresses: [string, string] }
  | { kind: 'name'; terms: string[] };

export type CitizenQueryReading =
  | { isReadable: true; query: CitizenQuery }
  | { isReadable: false; problem: 'number_length' | 'no_words' };

const NIK_DIGITS = 16;
const MIN_PHONE_DIGITS = 6;
const MAX_PHONE_DIGITS = 15;
/** Separators people type inside numbers: `0812-7777 0001`, `3171.2345.…`, `(021) 500…`. */
const NUMBER_SEPARATORS = /[\s.\-()/]/g;

/**
 * The words of a name as the search index holds them: lower case, accents dropped
 * (`Ñoman Sukmawatí` → `noman`, `sukmawati`), split at anything not a letter or digit, each
 * once. The same function reads the query, so both sides agree.
 */
export function nameTerms(name: string): string[] {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  return [...new Set(words)];
}

export function readCitizenQuery(text: string): CitizenQueryReading {
  const trimmed = text.trim();
  if (trimmed.startsWith('@')) {
    const bare = trimmed.slice(1).toLowerCase();
    return { isReadable: true, query: { kind: 'handle', addresses: [`@${bare}`, bare] } };
  }
  if (trimmed.includes('@')) {
    return {
      isReadable: true,
      query: { kind: 'email', address: normalizeAddress('email', trimmed) },
    };
  }
  const compact = trimmed.replace(NUMBER_SEPARATORS, '');
  if (/^\+?\d+$/.test(compact)) {
    const digits = compact.replace(/^\+/, '');
    if (digits.length === NIK_DIGITS && !compact.startsWith('+')) {
      return { isReadable: true, query: { kind: 'nik', nik: digits } };
    }
    if (digits.length >= MIN_PHONE_DIGITS && digits.length <= MAX_PHONE_DIGITS) {
      return {
        isReadable: true,
        query: { kind: 'phone', address: normalizeAddress('voice', compact) },
      };
    }
    return { isReadable: false, problem: 'number_length' };
  }
  const terms = nameTerms(trimmed);
  if (terms.length === 0) return { isReadable: false, problem: 'no_words' };
  return { isReadable: true, query: { kind: 'name', terms } };
}

/**
 * The smallest string after every string that starts with `prefix`, in code point order (the
 * order of SQLite's BINARY and PostgreSQL's "C" collation): `term >= prefix and term < bound`
 * is a prefix match an ordinary B-tree index answers on both databases. Null when no string
 * follows them all (a prefix of nothing but U+10FFFF), so only the lower bound applies.
 */
export function prefixUpperBound(prefix: string): string | null {
  const points = [...prefix];
  while (points.length > 0) {
    const last = points.pop()!.codePointAt(0)!;
    if (last < 0x10ffff) {
      // Surrogates are not characters: the code point after U+D7FF is U+E000.
      const next = last === 0xd7ff ? 0xe000 : last + 1;
      return points.join('') + String.fromCodePoint(next);
    }
  }
  return null;
}
