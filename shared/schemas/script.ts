/**
 * The script editor's contract (docs/scripts.md): a definition as authors write it, checked for
 * shape here and for routes by `checkScript`, and the versions with who made and published them.
 */
import { z } from 'zod';
import {
  checkScript,
  describeScriptProblem,
  scriptProblemPath,
  type ScriptDefinition,
} from '../domain/guided-script';
import { SCRIPT_STATUSES } from '../domain/script-versions';
import { EpochMsSchema, IdSchema, SegmentCodeSchema } from './common';

/** Step and answer ids: short, stable, readable in a URL or a log (`cek-status`). */
export const ScriptPartIdSchema = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes');

/**
 * The definition's shape. Written definitions are held to the limits; read ones only to their
 * types, so a version stored under older rules still opens (and can be fixed in a new draft).
 */
function definitionShape(isWritten: boolean) {
  const id = isWritten ? ScriptPartIdSchema : z.string();
  const text = (max: number) =>
    isWritten ? z.string().trim().min(1, 'is required').max(max) : z.string();
  const option = z.object({
    id,
    label: text(120),
    /** null ends the script. */
    next: id.nullable(),
  });
  const step = z.object({
    id,
    title: text(120),
    text: text(2000),
    plainText: z.partialRecord(SegmentCodeSchema, text(2000)).optional(),
    isRequired: z.boolean().optional(),
    options: (isWritten
      ? z.array(option).min(1, 'needs an answer').max(12)
      : z.array(option)
    ).optional(),
    next: id.nullable().optional(),
  });
  return z.object({
    startStepId: id,
    steps: isWritten ? z.array(step).min(1, 'needs a step').max(100) : z.array(step),
  }) satisfies z.ZodType<ScriptDefinition>;
}

/**
 * A whole definition: its shape, then its routes (`checkScript`), each problem reported at the
 * field it lies in (`steps.2.options.0.next`) with the step's id in the message.
 */
export const ScriptDefinitionSchema = definitionShape(true).superRefine((definition, ctx) => {
  for (const problem of checkScript(definition)) {
    ctx.addIssue({
      code: 'custom',
      path: scriptProblemPath(definition, problem),
      message: describeScriptProblem(problem),
    });
  }
});

const ScriptTitleSchema = z.string().trim().min(3, 'at least 3 characters').max(120);

/** `POST /api/scripts`: a topic's script, its first version a draft. */
export const CreateScriptBodySchema = z.object({
  topic: z.string().trim().min(1, 'is required').max(64),
  title: ScriptTitleSchema,
  definition: ScriptDefinitionSchema,
});
export type CreateScriptBody = z.output<typeof CreateScriptBodySchema>;

/** `PUT /api/scripts/:id/versions/:version`: the draft's title and definition. */
export const ScriptDraftBodySchema = z.object({
  title: ScriptTitleSchema,
  definition: ScriptDefinitionSchema,
  /**
   * The draft's `updatedAt` the editor started from: a save by someone else since then makes
   * this one a 409 instead of silently replacing theirs.
   */
  baseUpdatedAt: EpochMsSchema,
});
export type ScriptDraftBody = z.output<typeof ScriptDraftBodySchema>;

export const ScriptStatusSchema = z.enum(SCRIPT_STATUSES);

/** One version as the list shows it: its status and its audit trail. */
export const ScriptVersionSummarySchema = z.object({
  version: z.number().int().positive(),
  status: ScriptStatusSchema,
  title: z.string(),
  /** null for versions written by the seed or a migration. */
  authorName: z.string().nullable(),
  createdAt: EpochMsSchema,
  updatedAt: EpochMsSchema,
  publishedAt: EpochMsSchema.nullable(),
  publishedByName: z.string().nullable(),
  retiredAt: EpochMsSchema.nullable(),
  retiredByName: z.string().nullable(),
});
export type ScriptVersionSummary = z.infer<typeof ScriptVersionSummarySchema>;

/** A topic's script with its versions, newest first (readers: published and retired only). */
export const ScriptSummarySchema = z.object({
  id: IdSchema,
  topic: z.string(),
  /** The queues of the topic: where agents meet this script. */
  queueIds: z.array(IdSchema),
  versions: z.array(ScriptVersionSummarySchema),
});
export type ScriptSummary = z.infer<typeof ScriptSummarySchema>;

export const ScriptListQuerySchema = z.object({
  topic: z.string().trim().min(1).max(64).optional(),
  queueId: IdSchema.optional(),
});

/** `GET /api/scripts`: every script the user may see, in topic order. */
export const ScriptListSchema = z.object({ scripts: z.array(ScriptSummarySchema) });
export type ScriptList = z.infer<typeof ScriptListSchema>;

/** One version with its definition, and its script (for the versions beside it). */
export const ScriptVersionViewSchema = z.object({
  script: ScriptSummarySchema,
  version: ScriptVersionSummarySchema.extend({ definition: definitionShape(false) }),
});
export type ScriptVersionView = z.infer<typeof ScriptVersionViewSchema>;
