import { z } from 'zod';
import { EpochMsSchema, IdSchema } from './common';
import { ContactSummarySchema } from './contact';
import { RequestTypeSchema } from './deadlines';
import { OutcomeProvenanceSchema } from './provenance';

export const FollowUpInputSchema = z.object({
  title: z.string().trim().min(1, 'title is required').max(300),
  dueAt: EpochMsSchema,
  ownerId: IdSchema,
});
export type FollowUpInput = z.infer<typeof FollowUpInputSchema>;

export const FollowUpSchema = z.object({
  id: IdSchema,
  contactId: IdSchema,
  title: z.string(),
  dueAt: EpochMsSchema,
  ownerId: IdSchema,
  ownerName: z.string(),
  status: z.enum(['open', 'done']),
  createdAt: EpochMsSchema,
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

export const OutcomeSchema = z.object({
  id: IdSchema,
  contactId: IdSchema,
  agentId: IdSchema,
  wrapupCode: z.string(),
  notes: z.string(),
  createdAt: EpochMsSchema,
  /**
   * A trainee's outcome when the coaching settings ask for review (docs/training.md): it counts
   * in figures only once `reviewed`. Absent: it counts at once.
   */
  reviewStatus: z.enum(['pending_review', 'reviewed']).optional(),
});
export type Outcome = z.infer<typeof OutcomeSchema>;

/** An outcome as supervisors see it: with its contact, agent and follow-up. */
export const OutcomeRecordSchema = z.object({
  outcome: OutcomeSchema,
  followUp: FollowUpSchema.nullable(),
  contact: ContactSummarySchema,
  agentName: z.string(),
  /** Cases linked to the contact (absent from records stored before cases existed). */
  cases: z
    .array(z.object({ id: IdSchema, reference: z.string(), type: RequestTypeSchema }))
    .optional(),
  /** The answer and script versions the outcome rests on (absent from older records). */
  provenance: OutcomeProvenanceSchema.optional(),
});
export type OutcomeRecord = z.infer<typeof OutcomeRecordSchema>;
