import { z } from 'zod';
import { CallStateSchema } from './call';
import { ChannelSchema, EpochMsSchema, IdSchema, SegmentCodeSchema } from './common';
import { OutcomeProvenanceSchema } from './provenance';

export const ContactStatusSchema = z.enum(['waiting', 'offered', 'active', 'closed']);
export type ContactStatus = z.infer<typeof ContactStatusSchema>;

/** A contact as lists show it. `version` grows with every change; older facts are stale. */
export const ContactSummarySchema = z.object({
  id: IdSchema,
  reference: z.string(),
  channel: ChannelSchema,
  topic: z.string(),
  queueId: IdSchema,
  segment: SegmentCodeSchema,
  citizenName: z.string(),
  /** First words of what the citizen said, for lists. */
  preview: z.string(),
  status: ContactStatusSchema,
  arrivedAt: EpochMsSchema,
  assignedAgentId: IdSchema.nullable(),
  assignedAgentName: z.string().nullable(),
  acceptedAt: EpochMsSchema.nullable(),
  closedAt: EpochMsSchema.nullable(),
  version: z.number().int().nonnegative(),
  /**
   * True for a `closed` contact whose caller hung up before an agent answered (a voice call that
   * ended while waiting or offered). Absent or false otherwise.
   */
  isAbandoned: z.boolean().optional(),
});
export type ContactSummary = z.infer<typeof ContactSummarySchema>;

/**
 * Where a lead saw a conversation when they chose to move it: its queue and who held it (`null`
 * while nobody did: waiting or offered). A move sent with it is refused once either changed.
 */
export const SeenPlaceSchema = z.object({
  queueId: IdSchema,
  holderId: IdSchema.nullable(),
});
export type SeenPlace = z.infer<typeof SeenPlaceSchema>;

/**
 * Where an agent's reply is on its way to the citizen: `queued` until the channel's webhook takes
 * it (`sent`), `delivered` when the channel confirms, `failed` after the retries ran out.
 * A reply that needs approval (docs/training.md) is `awaiting_approval` first: approved it
 * becomes `queued`, rejected it stays `rejected` and never leaves.
 */
export const DeliveryStatusSchema = z.enum([
  'awaiting_approval',
  'rejected',
  'queued',
  'sent',
  'delivered',
  'failed',
]);
export type DeliveryStatus = z.infer<typeof DeliveryStatusSchema>;

export const MessageSchema = z.object({
  id: IdSchema,
  direction: z.enum(['inbound', 'outbound', 'system']),
  text: z.string(),
  at: EpochMsSchema,
  /** Outbound messages only; null for the citizen's messages. */
  deliveryStatus: DeliveryStatusSchema.nullable(),
  /** Why delivery failed, in words an agent can act on. */
  failureReason: z.string().nullable(),
  /** Who wrote an outbound message. */
  authorName: z.string().nullable(),
  /**
   * For a reply that waited for approval: who decided, how, and the agent's own words when the
   * approver edited them. Absent for replies that needed none.
   */
  review: z
    .object({
      state: z.enum(['pending', 'approved', 'edited', 'rejected']),
      byName: z.string().nullable(),
      reason: z.string().nullable(),
      originalText: z.string().nullable(),
    })
    .optional(),
});
export type Message = z.infer<typeof MessageSchema>;

export const PreviousContactSchema = z.object({
  id: IdSchema,
  reference: z.string(),
  channel: ChannelSchema,
  topic: z.string(),
  arrivedAt: EpochMsSchema,
  status: ContactStatusSchema,
  agentName: z.string().nullable(),
  /** The caller hung up before an answer (see ContactSummary.isAbandoned). */
  isAbandoned: z.boolean().optional(),
  /** It arrived while its queue was closed and got the after-hours answer, not an agent. */
  isAfterHours: z.boolean().optional(),
  outcome: z
    .object({
      wrapupCode: z.string(),
      notes: z.string(),
      createdAt: EpochMsSchema,
      /** The answer and script versions it rests on (absent from older records). */
      provenance: OutcomeProvenanceSchema.optional(),
    })
    .nullable(),
});
export type PreviousContact = z.infer<typeof PreviousContactSchema>;

/**
 * Who is calling: the citizen's profile and history, from the database. The agent holding the
 * conversation sees it all, and that look is logged as a view of the profile; those watching
 * the conversation get it withheld (docs/caller-context.md).
 */
export const CallerContextSchema = z.object({
  citizenId: IdSchema,
  name: z.string(),
  /** Phone number, e-mail address or handle they reached us from; null when withheld. */
  address: z.string().nullable(),
  segment: SegmentCodeSchema,
  /** Staff confirmed the segment (an accredited journalist, a confirmed official). */
  isSegmentVerified: z.boolean(),
  organisation: z.string().nullable(),
  /** The national ID number masked (`************3456`), or null when not on file. */
  nikMasked: z.string().nullable(),
  previousContacts: z.array(PreviousContactSchema),
  /**
   * True for those watching the conversation rather than serving it (a trainer or a lead
   * monitoring an agent): they get the name and segment the conversation itself shows, not
   * the profile (address, organisation, NIK and history are null or empty). Absent or false:
   * the whole panel.
   */
  isProfileWithheld: z.boolean().optional(),
});
export type CallerContext = z.infer<typeof CallerContextSchema>;

export const ScriptProgressSchema = z.object({
  /** The steps taken, with the answer given at each; the last is the current step. */
  path: z.array(z.object({ stepId: z.string(), optionId: z.string().nullable() })),
  isFinished: z.boolean(),
});
export type ScriptProgressView = z.infer<typeof ScriptProgressSchema>;

/** A conversation's place in its script, pushed as `script:progress-changed`. */
export const ScriptStateSchema = z.object({
  contactId: IdSchema,
  progress: ScriptProgressSchema,
  /** Required steps still ahead (docs/scripts.md); the wrap-up shows them. */
  pendingRequired: z.array(z.string()),
  /** Grows with every move; an older state is stale. */
  revision: z.number().int().nonnegative(),
});
export type ScriptState = z.infer<typeof ScriptStateSchema>;

export const ScriptStepSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** Text with the caller's variables already filled in (the segment's plain words if any). */
  text: z.string(),
  /** The text is the plain-language variant for the caller's segment. */
  isPlain: z.boolean(),
  isRequired: z.boolean(),
  /** The citizen's possible answers; empty: the step goes on by itself. */
  options: z.array(z.object({ id: z.string(), label: z.string() })),
});
export type ScriptStep = z.infer<typeof ScriptStepSchema>;

/** The script version pinned to a conversation, rendered for its caller, with the progress. */
export const ScriptSchema = z.object({
  id: IdSchema,
  topic: z.string(),
  title: z.string(),
  version: z.number().int().positive(),
  steps: z.array(ScriptStepSchema),
  state: ScriptStateSchema,
});
export type Script = z.infer<typeof ScriptSchema>;

/** Everything the agent workspace shows for one conversation. */
export const ConversationDetailSchema = z.object({
  contact: ContactSummarySchema,
  messages: z.array(MessageSchema),
  caller: CallerContextSchema,
  script: ScriptSchema.nullable(),
  /** The call and its timers, for a voice contact; null or absent for text channels. */
  call: CallStateSchema.nullable().optional(),
});
export type ConversationDetail = z.infer<typeof ConversationDetailSchema>;
