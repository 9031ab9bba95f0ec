import type { TFunction } from 'i18next';
import type { z } from 'zod';
import {
  EvaluationFormBodySchema,
  EvaluationFormIdSchema,
  type EvaluationFormBody,
} from '../../../../shared/schemas/evaluation';

export interface FormProblem {
  /** The dotted path, as the server names it in a 400 (`sections.0.questions.1.weight`). */
  path: string;
  /** Where, in words: "Bagian 1 › Pertanyaan 2 › Bobot". */
  field: string;
  message: string;
}

/**
 * Checks a draft with the schema the server validates with (shared/schemas/evaluation.ts), and
 * the id of a new form with the id rule of its route: what the editor flags is what the server
 * would refuse, by the same field path.
 */
export function formProblems(
  draft: { id: string; isNew: boolean; body: EvaluationFormBody },
  t: TFunction,
): FormProblem[] {
  const issues: z.core.$ZodIssue[] = [];
  if (draft.isNew) {
    const id = EvaluationFormIdSchema.safeParse(draft.id);
    if (!id.success) issues.push(...id.error.issues.map((issue) => ({ ...issue, path: ['id'] })));
  }
  const body = EvaluationFormBodySchema.safeParse(draft.body);
  if (!body.success) issues.push(...body.error.issues);
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    field: fieldName(issue.path, t),
    message:
      draft.isNew && draft.id === '' && issue.path[0] === 'id'
        ? t('evaluationForms.problem.required')
        : problemMessage(issue, t),
  }));
}

function fieldName(path: readonly PropertyKey[], t: TFunction): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i += 1) {
    const key = path[i];
    const next = path[i + 1];
    if (key === 'sections' && typeof next === 'number') {
      parts.push(t('evaluationForms.section', { number: next + 1 }));
      i += 1;
    } else if (key === 'questions' && typeof next === 'number') {
      parts.push(t('evaluationForms.question', { number: next + 1 }));
      i += 1;
    } else if (typeof key === 'string' && isFieldKey(key)) {
      parts.push(t(`evaluationForms.field.${key}`));
    }
  }
  return parts.join(' › ');
}

const FIELD_KEYS = [
  'id',
  'title',
  'passPercent',
  'sections',
  'questions',
  'text',
  'weight',
  'scaleMax',
] as const;

function isFieldKey(key: string): key is (typeof FIELD_KEYS)[number] {
  return (FIELD_KEYS as readonly string[]).includes(key);
}

function problemMessage(issue: z.core.$ZodIssue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') {
        return minimum <= 1
          ? t('evaluationForms.problem.required')
          : t('evaluationForms.problem.tooSmall', { minimum });
      }
      if (issue.origin === 'array') return t('evaluationForms.problem.tooFew', { minimum });
      return t('evaluationForms.problem.tooSmall', { minimum });
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return t('evaluationForms.problem.tooLong', { maximum });
      if (issue.origin === 'array') return t('evaluationForms.problem.tooMany', { maximum });
      return t('evaluationForms.problem.tooBig', { maximum });
    }
    case 'invalid_type':
      return t('evaluationForms.problem.wholeNumber');
    case 'invalid_format':
      return t('evaluationForms.problem.format');
    case 'custom':
      return t('evaluationForms.problem.duplicate');
    default:
      return t('evaluationForms.problem.invalid');
  }
}
