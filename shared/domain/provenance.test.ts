import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScriptDefinition } from './guided-script';
import {
  citeAnswer,
  citeScript,
  describeStepsTaken,
  distinctUsedAnswers,
  usedAnswerRefusal,
} from './provenance';

describe('distinctUsedAnswers', () => {
  it('keeps each version once, in the order first used', () => {
    expect(
      distinctUsedAnswers([
        { answerId: 'pkh-syarat', version: 3 },
        { answerId: 'kis', version: 1 },
        { answerId: 'pkh-syarat', version: 3 },
        { answerId: 'pkh-syarat', version: 2 },
      ]),
    ).toEqual([
      { answerId: 'pkh-syarat', version: 3 },
      { answerId: 'kis', version: 1 },
      { answerId: 'pkh-syarat', version: 2 },
    ]);
  });

  it('never loses a version and never repeats one', () => {
    const ref = fc.record({
      answerId: fc.constantFrom('a', 'b', 'c'),
      version: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(ref, { maxLength: 20 }), (refs) => {
        const distinct = distinctUsedAnswers(refs);
        const keys = distinct.map((r) => `${r.answerId}/${r.version}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect(new Set(keys)).toEqual(new Set(refs.map((r) => `${r.answerId}/${r.version}`)));
      }),
    );
  });
});

describe('usedAnswerRefusal', () => {
  it('accepts a version in force, and one retired or expired after its publication', () => {
    expect(usedAnswerRefusal({ status: 'published', publishedAt: 10 })).toBeNull();
    expect(usedAnswerRefusal({ status: 'retired', publishedAt: 10 })).toBeNull();
  });

  it('refuses an unknown version and one never published', () => {
    expect(usedAnswerRefusal(undefined)).toBe('unknown');
    expect(usedAnswerRefusal({ status: 'draft', publishedAt: null })).toBe('never_published');
    expect(usedAnswerRefusal({ status: 'review', publishedAt: null })).toBe('never_published');
    expect(usedAnswerRefusal({ status: 'retired', publishedAt: null })).toBe('never_published');
  });
});

describe('citations', () => {
  it('names the answer with its version and source', () => {
    const answer = {
      answerId: 'pkh-syarat',
      version: 3,
      title: 'Syarat PKH',
      sourceDocument: 'Permensos 1/2018',
      sourceArticle: 'Pasal 5',
    };
    expect(citeAnswer(answer)).toBe('Syarat PKH v3 (Permensos 1/2018 Pasal 5)');
    expect(citeAnswer({ ...answer, sourceArticle: null })).toBe('Syarat PKH v3 (Permensos 1/2018)');
    expect(citeScript({ title: 'Bansos', version: 2 })).toBe('Bansos v2');
  });
});

describe('describeStepsTaken', () => {
  const definition: ScriptDefinition = {
    startStepId: 'salam',
    steps: [
      { id: 'salam', title: 'Salam', text: 'Halo', next: 'terdaftar' },
      {
        id: 'terdaftar',
        title: 'Sudah terdaftar?',
        text: '…',
        options: [
          { id: 'sudah', label: 'Sudah', next: null },
          { id: 'belum', label: 'Belum', next: null },
        ],
      },
    ],
  };

  it('gives each step its title and the answer its label', () => {
    expect(
      describeStepsTaken(definition, [
        { stepId: 'salam', optionId: null },
        { stepId: 'terdaftar', optionId: 'belum' },
      ]),
    ).toEqual([
      { stepId: 'salam', title: 'Salam', answer: null },
      { stepId: 'terdaftar', title: 'Sudah terdaftar?', answer: 'Belum' },
    ]);
  });

  it('falls back to the ids for a step or answer the definition lacks', () => {
    expect(describeStepsTaken(definition, [{ stepId: 'hilang', optionId: 'x' }])).toEqual([
      { stepId: 'hilang', title: 'hilang', answer: 'x' },
    ]);
  });
});
