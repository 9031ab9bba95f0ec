import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EvaluationAnswer, EvaluationQuestion } from '../schemas/evaluation';
import { checkAnswers, scoreEvaluation } from './evaluation-scoring';

const question = (id: string, overrides: Partial<EvaluationQuestion> = {}): EvaluationQuestion => ({
  id,
  text: id,
  weight: 10,
  scaleMax: 1,
  isCritical: false,
  allowsNotApplicable: false,
  ...overrides,
});

const form = {
  passPercent: 75,
  sections: [
    {
      id: 'opening',
      title: 'Opening',
      questions: [
        question('greeting'),
        question('verify', { weight: 20, isCritical: true, allowsNotApplicable: true }),
      ],
    },
    {
      id: 'answer',
      title: 'Answer',
      questions: [
        question('accuracy', { weight: 40, scaleMax: 4, isCritical: true }),
        question('plain', { weight: 20, scaleMax: 4 }),
      ],
    },
  ],
};

const answers = (values: Record<string, number | null>): EvaluationAnswer[] =>
  Object.entries(values).map(([questionId, value]) => ({ questionId, value }));

describe('scoreEvaluation', () => {
  it('given full marks everywhere, when scored, then 100 % and passed', () => {
    const result = scoreEvaluation(
      form,
      answers({ greeting: 1, verify: 1, accuracy: 4, plain: 4 }),
    );
    expect(result).toEqual({
      ok: true,
      score: {
        points: 90,
        maxPoints: 90,
        percent: 100,
        failedCriticalIds: [],
        isPassed: true,
        sections: [
          { id: 'opening', points: 30, maxPoints: 30 },
          { id: 'answer', points: 60, maxPoints: 60 },
        ],
      },
    });
  });

  it('weights a scale answer by its share of the scale', () => {
    const result = scoreEvaluation(
      form,
      answers({ greeting: 1, verify: 1, accuracy: 4, plain: 1 }),
    );
    // plain: 20 × 1/4 = 5 of 20.
    expect(result.ok && result.score).toMatchObject({ points: 75, maxPoints: 90, percent: 83.3 });
  });

  it('takes "not applicable" out of the maximum', () => {
    const result = scoreEvaluation(
      form,
      answers({ greeting: 1, verify: null, accuracy: 4, plain: 4 }),
    );
    expect(result.ok && result.score).toMatchObject({ points: 70, maxPoints: 70, percent: 100 });
  });

  it('fails the evaluation on a critical question below full marks, whatever the score', () => {
    const result = scoreEvaluation(
      form,
      answers({ greeting: 1, verify: 1, accuracy: 3, plain: 4 }),
    );
    expect(result.ok && result.score).toMatchObject({
      points: 80,
      percent: 88.9,
      failedCriticalIds: ['accuracy'],
      isPassed: false,
    });
  });

  it('fails below the pass mark even with every critical question met', () => {
    const result = scoreEvaluation(
      form,
      answers({ greeting: 0, verify: 1, accuracy: 4, plain: 0 }),
    );
    expect(result.ok && result.score).toMatchObject({ percent: 66.7, isPassed: false });
  });

  it('passes exactly at the pass mark', () => {
    const exact = {
      passPercent: 50,
      sections: [{ id: 's', title: 's', questions: [question('a'), question('b')] }],
    };
    const result = scoreEvaluation(exact, answers({ a: 1, b: 0 }));
    expect(result.ok && result.score).toMatchObject({ percent: 50, isPassed: true });
  });

  it('counts 100 % when nothing applicable was asked', () => {
    const onlyOptional = {
      passPercent: 75,
      sections: [
        { id: 's', title: 's', questions: [question('a', { allowsNotApplicable: true })] },
      ],
    };
    const result = scoreEvaluation(onlyOptional, answers({ a: null }));
    expect(result.ok && result.score).toMatchObject({
      points: 0,
      maxPoints: 0,
      percent: 100,
      isPassed: true,
    });
  });

  it('refuses answers that do not fit the form, naming each question', () => {
    const result = scoreEvaluation(form, [
      { questionId: 'greeting', value: 2 },
      { questionId: 'greeting', value: 1 },
      { questionId: 'accuracy', value: null },
      { questionId: 'mystery', value: 1 },
    ]);
    expect(result).toEqual({
      ok: false,
      problems: [
        { questionId: 'greeting', message: 'the mark goes up to 1' },
        { questionId: 'greeting', message: 'answered twice' },
        { questionId: 'accuracy', message: 'cannot be "not applicable"' },
        { questionId: 'mystery', message: 'no such question on this form' },
        { questionId: 'verify', message: 'not answered' },
        { questionId: 'plain', message: 'not answered' },
      ],
    });
  });
});

/** A random form and a complete, valid set of answers to it. */
const formWithAnswers = fc
  .array(
    fc.record({
      weight: fc.integer({ min: 0, max: 100 }),
      scaleMax: fc.integer({ min: 1, max: 10 }),
      isCritical: fc.boolean(),
      allowsNotApplicable: fc.boolean(),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .chain((specs) =>
    fc
      .tuple(
        fc.integer({ min: 0, max: 100 }),
        fc.tuple(
          ...specs.map((spec) =>
            spec.allowsNotApplicable
              ? fc.option(fc.integer({ min: 0, max: spec.scaleMax }), { nil: null })
              : fc.integer({ min: 0, max: spec.scaleMax }),
          ),
        ),
      )
      .map(([passPercent, values]) => ({
        form: {
          passPercent,
          sections: [
            {
              id: 's',
              title: 's',
              questions: specs.map((spec, index) => question(`q${index}`, spec)),
            },
          ],
        },
        answers: values.map((value, index) => ({ questionId: `q${index}`, value })),
      })),
  );

describe('scoreEvaluation invariants', () => {
  it('always scores a complete, valid set: 0 ≤ points ≤ max, 0–100 %', () => {
    fc.assert(
      fc.property(formWithAnswers, ({ form: generated, answers: given }) => {
        const result = scoreEvaluation(generated, given);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.score.points).toBeGreaterThanOrEqual(0);
        expect(result.score.points).toBeLessThanOrEqual(result.score.maxPoints + 0.05);
        expect(result.score.percent).toBeGreaterThanOrEqual(0);
        expect(result.score.percent).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('never passes with a failed critical question', () => {
    fc.assert(
      fc.property(formWithAnswers, ({ form: generated, answers: given }) => {
        const result = scoreEvaluation(generated, given);
        if (result.ok && result.score.failedCriticalIds.length > 0) {
          expect(result.score.isPassed).toBe(false);
        }
      }),
    );
  });

  it('raising any one answer never lowers the score', () => {
    fc.assert(
      fc.property(formWithAnswers, fc.nat(), ({ form: generated, answers: given }, pick) => {
        const index = pick % given.length;
        const target = given[index]!;
        const max = generated.sections[0]!.questions[index]!.scaleMax;
        if (target.value === null || target.value === max) return;
        const raised = given.map((answer, i) =>
          i === index ? { ...answer, value: (answer.value ?? 0) + 1 } : answer,
        );
        const before = scoreEvaluation(generated, given);
        const after = scoreEvaluation(generated, raised);
        if (!before.ok || !after.ok) throw new Error('both are valid');
        expect(after.score.points).toBeGreaterThanOrEqual(before.score.points);
      }),
    );
  });

  it('finds every question missing from a partial set', () => {
    fc.assert(
      fc.property(formWithAnswers, fc.nat(), ({ form: generated, answers: given }, pick) => {
        const dropped = given[pick % given.length]!;
        const problems = checkAnswers(
          generated,
          given.filter((answer) => answer !== dropped),
        );
        expect(problems).toEqual([{ questionId: dropped.questionId, message: 'not answered' }]);
      }),
    );
  });
});
