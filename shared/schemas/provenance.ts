import { z } from 'zod';
import { IdSchema } from './common';

/** A knowledge answer version the agent used in a conversation (inserted or read out). */
export const UsedAnswerRefSchema = z.object({
  answerId: IdSchema,
  version: z.number().int().positive(),
});
export type UsedAnswerRef = z.infer<typeof UsedAnswerRefSchema>;

/** The answer versions an outcome may cite: enough for any real conversation, bounded. */
export const MAX_USED_ANSWERS = 20;

export const CitedAnswerSchema = z.object({
  answerId: IdSchema,
  version: z.number().int().positive(),
  title: z.string(),
  /** `Permensos 1/2018`. */
  sourceDocument: z.string(),
  /** `Pasal 5`, when the source names one. */
  sourceArticle: z.string().nullable(),
});
export type CitedAnswer = z.infer<typeof CitedAnswerSchema>;

export const ScriptStepTakenSchema = z.object({
  stepId: z.string(),
  /** The step's title in the pinned version (the id when the version no longer has it). */
  title: z.string(),
  /** The citizen's answer at this step, as its label; null for a step without answers. */
  answer: z.string().nullable(),
});

/**
 * What an outcome rests on: the answer versions the agent used (in the order they were used) and
 * the script version pinned to the conversation, with the steps taken. Recorded by the server with
 * the outcome; the script is read from the conversation, never taken from the client.
 */
export const OutcomeProvenanceSchema = z.object({
  answers: z.array(CitedAnswerSchema),
  script: z
    .object({
      scriptId: IdSchema,
      version: z.number().int().positive(),
      title: z.string(),
      steps: z.array(ScriptStepTakenSchema),
    })
    .nullable(),
});
export type OutcomeProvenance = z.infer<typeof OutcomeProvenanceSchema>;
