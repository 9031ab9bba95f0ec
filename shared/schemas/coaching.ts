import { z } from 'zod';
import { CAPACITY_LIMITS } from '../domain/capacity';
import { EpochMsSchema, IdSchema, SegmentCodeSchema } from './common';
import { MessageSchema } from './contact';

/**
 * A trainer's or lead's note to the agent only, shown beside the conversation on the desk and
 * to the others following that agent. Never part of the transcript, never sent to the channel.
 */
export const WhisperSchema = z.object({
  id: IdSchema,
  agentId: IdSchema,
  contactId: IdSchema,
  text: z.string(),
  fromId: IdSchema,
  fromName: z.string(),
  at: EpochMsSchema,
});
export type Whisper = z.infer<typeof WhisperSchema>;

/** `whisper:send`. */
export const SendWhisperSchema = z.object({
  commandId: z.uuid(),
  agentId: IdSchema,
  contactId: IdSchema,
  text: z.string().trim().min(1, 'whisper is empty').max(1000),
});

/** How an approver answers a held reply. */
export const ApprovalDecisionSchema = z.enum(['approve', 'reject']);
export type ApprovalDecision = z.infer<typeof ApprovalDecisionSchema>;

/**
 * `approval:decide`. Approve sends the reply as written, or as `text` when the approver edited
 * it; reject returns it to the agent with `reason` (required) and nothing reaches the citizen.
 */
export const DecideApprovalSchema = z
  .object({
    commandId: z.uuid(),
    messageId: IdSchema,
    decision: ApprovalDecisionSchema,
    text: z.string().trim().min(1, 'message is empty').max(4000).optional(),
    reason: z.string().trim().max(300).optional(),
  })
  .refine((p) => p.decision === 'approve' || (p.reason ?? '') !== '', {
    message: 'a rejection needs a reason for the agent',
    path: ['reason'],
  })
  .refine((p) => p.decision === 'approve' || p.text === undefined, {
    message: 'only an approval may carry an edited text',
    path: ['text'],
  });

/** A reply waiting for approval, as approvers see it in their list. */
export const PendingApprovalSchema = z.object({
  messageId: IdSchema,
  contactId: IdSchema,
  reference: z.string(),
  segment: SegmentCodeSchema,
  agentId: IdSchema,
  agentName: z.string(),
  isTrainee: z.boolean(),
  text: z.string(),
  at: EpochMsSchema,
  /** Why it waits: the agent is a trainee, or the caller's segment asks for approval. */
  because: z.enum(['trainee', 'segment']),
});
export type PendingApproval = z.infer<typeof PendingApprovalSchema>;

/** `approval:decided`: a held reply was approved (maybe edited) or rejected. */
export const ApprovalDecidedSchema = z.object({
  messageId: IdSchema,
  contactId: IdSchema,
  agentId: IdSchema,
  decision: ApprovalDecisionSchema,
  isEdited: z.boolean(),
  byName: z.string(),
  reason: z.string().nullable(),
  /** The message as it now stands (queued for delivery, or rejected). */
  message: MessageSchema,
});
export type ApprovalDecided = z.infer<typeof ApprovalDecidedSchema>;

/** Administrators' settings for coaching (`PUT /api/coaching/settings`). */
export const CoachingSettingsSchema = z.object({
  /** Replies to callers of these segments wait for a lead's approval, whoever writes them. */
  approvalSegments: z.array(SegmentCodeSchema).max(5),
  /** A trainee's outcomes stay `pending_review` until a trainer or lead reviews them. */
  traineeOutcomesNeedReview: z.boolean(),
});
export type CoachingSettings = z.infer<typeof CoachingSettingsSchema>;

/**
 * A trainee's plan, set by their trainer and raised as they progress: how many chats and e-mails
 * at once, which topics (queues) they are offered, and whether their replies wait for approval.
 */
export const TraineePlanSchema = z.object({
  chatCap: z.number().int().min(0).max(CAPACITY_LIMITS.chat),
  emailCap: z.number().int().min(0).max(CAPACITY_LIMITS.email),
  topics: z.array(z.string().min(1).max(64)).max(50),
  requiresApproval: z.boolean(),
});
export type TraineePlan = z.infer<typeof TraineePlanSchema>;

export const TraineePlanViewSchema = TraineePlanSchema.extend({
  agentId: IdSchema,
  updatedAt: EpochMsSchema.nullable(),
  updatedByName: z.string().nullable(),
});
export type TraineePlanView = z.infer<typeof TraineePlanViewSchema>;

export const PendingApprovalListSchema = z.object({ approvals: z.array(PendingApprovalSchema) });

export const WhisperListSchema = z.object({ whispers: z.array(WhisperSchema) });
