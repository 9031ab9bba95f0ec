import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EvaluationFormBodySchema, type EvaluationFormBody } from '../schemas/evaluation';
import {
  decideFormSave,
  mayEditEvaluationForms,
  mayReadEvaluationForms,
  moveItem,
  sameForm,
} from './evaluation-form-versions';

function aForm(): EvaluationFormBody {
  return {
    title: 'Evaluasi',
    passPercent: 75,
    sections: [
      {
        id: 's1',
        title: 'Pembukaan',
        questions: [
          {
            id: 'q1',
            text: 'Menyapa',
            weight: 10,
            scaleMax: 1,
            isCritical: false,
            allowsNotApplicable: false,
          },
          {
            id: 'q2',
            text: 'Verifikasi',
            weight: 20,
            scaleMax: 1,
            isCritical: true,
            allowsNotApplicable: true,
          },
        ],
      },
    ],
  };
}

describe('who edits evaluation forms', () => {
  it('lets trainers and administrators write, leads read, agents and units neither', () => {
    expect(mayEditEvaluationForms('trainer')).toBe(true);
    expect(mayEditEvaluationForms('admin')).toBe(true);
    expect(mayEditEvaluationForms('lead')).toBe(false);
    expect(mayEditEvaluationForms('agent')).toBe(false);
    expect(mayReadEvaluationForms('lead')).toBe(true);
    expect(mayReadEvaluationForms('agent')).toBe(false);
    expect(mayReadEvaluationForms('unit')).toBe(false);
  });
});

describe('saving a form', () => {
  it('creates version 1 when there is no form yet', () => {
    expect(decideFormSave(null, aForm())).toEqual({ kind: 'create', version: 1 });
  });

  it('changes nothing when the form is the same', () => {
    const current = { version: 3, body: aForm(), evaluations: 5 };
    expect(decideFormSave(current, aForm())).toEqual({ kind: 'unchanged', version: 3 });
  });

  it('changes a version nobody evaluated with in place', () => {
    const next = { ...aForm(), title: 'Evaluasi baru' };
    expect(decideFormSave({ version: 2, body: aForm(), evaluations: 0 }, next)).toEqual({
      kind: 'replace',
      version: 2,
    });
  });

  it('makes a new version once an evaluation used the current one', () => {
    const next = aForm();
    next.sections[0]!.questions[0]!.isCritical = true;
    expect(decideFormSave({ version: 2, body: aForm(), evaluations: 1 }, next)).toEqual({
      kind: 'new-version',
      version: 3,
    });
  });

  it('counts reordering questions as a change', () => {
    const reordered = aForm();
    reordered.sections[0]!.questions = moveItem(reordered.sections[0]!.questions, 1, 0);
    expect(sameForm(aForm(), reordered)).toBe(false);
    expect(decideFormSave({ version: 1, body: aForm(), evaluations: 1 }, reordered).kind).toBe(
      'new-version',
    );
  });

  it('never keeps the version of a used form when anything changed', () => {
    const change = fc.record({
      title: fc.string({ minLength: 1, maxLength: 20 }),
      passPercent: fc.integer({ min: 0, max: 100 }),
      weight: fc.integer({ min: 0, max: 100 }),
      isCritical: fc.boolean(),
      evaluations: fc.nat(5),
    });
    fc.assert(
      fc.property(change, ({ title, passPercent, weight, isCritical, evaluations }) => {
        const next = aForm();
        next.title = title;
        next.passPercent = passPercent;
        next.sections[0]!.questions[0]!.weight = weight;
        next.sections[0]!.questions[0]!.isCritical = isCritical;
        const decision = decideFormSave({ version: 4, body: aForm(), evaluations }, next);
        if (sameForm(aForm(), next)) return decision.kind === 'unchanged' && decision.version === 4;
        return evaluations > 0
          ? decision.kind === 'new-version' && decision.version === 5
          : decision.kind === 'replace' && decision.version === 4;
      }),
    );
  });
});

describe('moving an item', () => {
  it('moves up and down and clamps to the list', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 9)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 5, 0)).toEqual(['a', 'b', 'c']);
  });

  it('keeps every item exactly once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 10 }),
        fc.integer({ min: -2, max: 12 }),
        fc.integer({ min: -2, max: 12 }),
        (items, from, to) =>
          JSON.stringify([...moveItem(items, from, to)].sort()) ===
          JSON.stringify([...items].sort()),
      ),
    );
  });
});

describe('the form schema the editor and the server share', () => {
  it('names the field of every problem', () => {
    const form = aForm();
    form.sections[0]!.questions[1]!.id = 'q1';
    form.sections[0]!.questions[0]!.weight = 101;
    form.sections[0]!.title = '';
    const parsed = EvaluationFormBodySchema.safeParse(form);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'sections.0.questions.0.weight',
      'sections.0.questions.1.id',
      'sections.0.title',
    ]);
  });
});
