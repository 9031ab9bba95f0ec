import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWords, type DiffPart } from './word-diff';

const side = (parts: DiffPart[], kind: 'added' | 'removed') =>
  parts
    .filter((p) => p.kind !== kind)
    .map((p) => p.text)
    .join('');

describe('diffWords', () => {
  it('marks the words taken out and put in, keeping the rest', () => {
    expect(diffWords('Bawa KTP dan KK asli.', 'Bawa KTP-el dan KK asli.')).toEqual([
      { kind: 'same', text: 'Bawa ' },
      { kind: 'removed', text: 'KTP' },
      { kind: 'added', text: 'KTP-el' },
      { kind: 'same', text: ' dan KK asli.' },
    ]);
  });

  it('handles empty and equal texts', () => {
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('sama', 'sama')).toEqual([{ kind: 'same', text: 'sama' }]);
    expect(diffWords('', 'baru')).toEqual([{ kind: 'added', text: 'baru' }]);
    expect(diffWords('lama', '')).toEqual([{ kind: 'removed', text: 'lama' }]);
  });

  it('always gives both texts back', () => {
    const words = fc.constantFrom('KTP', 'KK', 'dan', 'asli', ' ', '\n', 'Pasal 5');
    const text = fc.array(words, { maxLength: 30 }).map((w) => w.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = diffWords(before, after);
        expect(side(parts, 'added')).toBe(before);
        expect(side(parts, 'removed')).toBe(after);
      }),
    );
  });
});
