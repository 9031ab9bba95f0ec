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

/** A form's id, chosen when it is created (`PUT /api/evaluation-forms/:id`). */
export const EvaluationFormIdSchema = z
  .string()
  .regex(/^[a-z0-9-]{1,64}$/, 'lowercase letters, digits and -, at most 64');

export const EvaluationFormSchema = z.object({
  id: IdSchema,
  title: z.string(),
  passPercent: z.number().int().min(0).max(100),
  sections: z.array(EvaluationSectionSchema),
  /**
   * The current version. It grows when the form is changed after an evaluation used it; the
   * evaluations made before keep the version they were scored on (migration 0019).
   */
  version: z.number().int().positive(),
  /** How many evaluations used the current version: saving a change then makes a new one. */
  currentVersionEvaluations: z.number().int().nonnegative(),
  /** Archived: kept for its evaluations, offered for no new one. */
  isArchived: z.boolean(),
  updatedAt: EpochMsSchema,
});
export type EvaluationForm = z.infer<typeof EvaluationFormSchema>;

/** One version of a form as it was saved (`GET /api/evaluation-forms/:id/versions/:version`). */
export const EvaluationFormVersionSchema = z.object({
  formId: IdSchema,
  version: z.number().int().positive(),
  title: z.string(),
  passPercent: z.number().int().min(0).max(100),
  sections: z.array(EvaluationSectionSchema),
  savedAt: EpochMsSchema,
});
export type EvaluationFormVersion = z.infer<typeof EvaluationFormVersionSchema>;

/** `PUT /api/evaluation-forms/:id/archived`: archive a form, or bring it back. */
export const ArchiveEvaluationFormSchema = z.object({ isArchived: z.boolean() });

/** An agent who held a conversation, in the order they took it, for choosing whom to evaluate. */
export const ConversationHandlerSchema = z.object({
  agentId: IdSchema,
  name: z.string(),
  isTrainee: z.boolean(),
  /** Whether the caller may evaluate this agent (shared/domain/approval-policy.ts). */
  mayEvaluate: z.boolean(),
});
export type ConversationHandler = z.infer<typeof ConversationHandlerSchema>;
/** A conversation an agent took (accepted, received by transfer or by reassignment), newest first. */
export const HandledConversationSchema = z.object({
  contactId: IdSchema,
  reference: z.string(),
  /** When the agent last took it. */
  takenAt: EpochMsSchema,
});
export type HandledConversation = z.infer<typeof HandledConversationSchema>;
export const HandledConversationListSchema = z.object({
  conversations: z.array(HandledConversationSchema),
});

export const ConversationHandlerListSchema = z.object({
  handlers: z.array(ConversationHandlerSchema),
});

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

/**
 * `evaluation:submit`: a trainer or lead scores a conversation, live or afterwards, for one of
 * the agents who handled it (`agentId`; a conversation reassigned or transferred had several).
 */
export const SubmitEvaluationSchema = z.object({
  commandId: z.uuid(),
  formId: IdSchema,
  contactId: IdSchema,
  agentId: IdSchema,
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
