import { z } from 'zod';
import { EpochMsSchema, IdSchema } from './common';

/**
 * One question of an evaluation form. `scale` is answered 0..`scaleMax` (a yes/no question is a
 * scale of 1). `weight` is the points a full answer earns. A critical question answered below
 * its full mark fails the whole evaluation, whatever the score.
 */
export const EvaluationQuestionSchema = z.object({
  id: z.string().min(1).max(64),
  text: z.string().trim().min(1).max(300),
  weight: z.number().int().min(0).max(100),
  scaleMax: z.number().int().min(1).max(10),
  isCritical: z.boolean(),
  /** May be answered "not applicable", which takes it out of the maximum. */
  allowsNotApplicable: z.boolean(),
});
export type EvaluationQuestion = z.infer<typeof EvaluationQuestionSchema>;

export const EvaluationSectionSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string().trim().min(1).max(200),
  questions: z.array(EvaluationQuestionSchema).min(1).max(50),
});
export type EvaluationSection = z.infer<typeof EvaluationSectionSchema>;

/** The editable part of a form (`PUT /api/evaluation-forms/:id`). */
export const EvaluationFormBodySchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    /** The percentage (0–100) an evaluation must reach to pass. */
    passPercent: z.number().int().min(0).max(100),
    sections: z.array(EvaluationSectionSchema).min(1).max(20),
  })
  .superRefine((form, context) => {
    const seen = new Set<string>();
    form.sections.forEach((section, s) =>
      section.questions.forEach((question, q) => {
        if (seen.has(question.id)) {
          context.addIssue({
            code: 'custom',
            message: `question id "${question.id}" is used twice`,
            path: ['sections', s, 'questions', q, 'id'],
          });
        }
        seen.add(question.id);
      }),
    );
  });
export type EvaluationFormBody = z.infer<typeof EvaluationFormBodySchema>;

export const EvaluationFormSchema = z.object({
  id: IdSchema,
  title: z.string(),
  passPercent: z.number().int().min(0).max(100),
  sections: z.array(EvaluationSectionSchema),
  /** Grows with each change; an evaluation keeps the form as it was scored. */
  version: z.number().int().positive(),
  updatedAt: EpochMsSchema,
});
export type EvaluationForm = z.infer<typeof EvaluationFormSchema>;

/** One answer: a mark 0..scaleMax, or `null` for "not applicable". */
export const EvaluationAnswerSchema = z.object({
  questionId: z.string().min(1).max(64),
  value: z.number().int().min(0).max(10).nullable(),
});
export type EvaluationAnswer = z.infer<typeof EvaluationAnswerSchema>;

export const EvaluationScoreSchema = z.object({
  points: z.number().nonnegative(),
  maxPoints: z.number().nonnegative(),
  /** 0–100, one decimal; 100 when nothing applicable was asked. */
  percent: z.number().min(0).max(100),
  failedCriticalIds: z.array(z.string()),
  isPassed: z.boolean(),
  sections: z.array(
    z.object({ id: z.string(), points: z.number().nonnegative(), maxPoints: z.number() }),
  ),
});
export type EvaluationScore = z.infer<typeof EvaluationScoreSchema>;

/** `evaluation:submit`: a trainer or lead scores a conversation, live or afterwards. */
export const SubmitEvaluationSchema = z.object({
  commandId: z.uuid(),
  formId: IdSchema,
  contactId: IdSchema,
  answers: z.array(EvaluationAnswerSchema).max(500),
  comment: z.string().trim().max(2000),
});

/** `evaluation:acknowledge`: the evaluated agent has read the result. */
export const AcknowledgeEvaluationSchema = z.object({
  commandId: z.uuid(),
  evaluationId: IdSchema,
  note: z.string().trim().max(1000).optional(),
});

export const EvaluationSchema = z.object({
  id: IdSchema,
  formId: IdSchema,
  formTitle: z.string(),
  formVersion: z.number().int().positive(),
  contactId: IdSchema,
  reference: z.string(),
  agentId: IdSchema,
  agentName: z.string(),
  evaluatorId: IdSchema,
  evaluatorName: z.string(),
  answers: z.array(EvaluationAnswerSchema),
  score: EvaluationScoreSchema,
  comment: z.string(),
  createdAt: EpochMsSchema,
  acknowledgedAt: EpochMsSchema.nullable(),
  acknowledgementNote: z.string().nullable(),
});
export type Evaluation = z.infer<typeof EvaluationSchema>;

export const EvaluationListSchema = z.object({ evaluations: z.array(EvaluationSchema) });
export const EvaluationFormListSchema = z.object({ forms: z.array(EvaluationFormSchema) });
