/**
 * The one socket contract. Commands travel client → server and are acknowledged with
 * `Ack<result>`; facts travel server → client. Both sides derive their types from here, and the
 * server validates every command payload against `payload` before acting on it.
 */
import { z } from 'zod';
import { AgentViewSchema } from '../schemas/agent';
import { CallStateSchema } from '../schemas/call';
import {
  AcknowledgeHandOffBodySchema,
  CaseDetailSchema,
  CaseDraftSchema,
  CaseEscalationSchema,
  CaseSummarySchema,
  CaseWarningSchema,
  CreateCaseBodySchema,
  ExtendClockBodySchema,
  HandOffBodySchema,
  LinkContactBodySchema,
  PauseClockBodySchema,
  ResumeClockBodySchema,
  ReturnHandOffBodySchema,
  TransitionCaseBodySchema,
} from '../schemas/case';
import { IdSchema, SelectableAgentStatusSchema } from '../schemas/common';
import {
  ContactSummarySchema,
  ConversationDetailSchema,
  DeliveryStatusSchema,
  MessageSchema,
  ScriptStateSchema,
  SeenPlaceSchema,
} from '../schemas/contact';
import { OfferSchema, OfferWithdrawnReasonSchema, TransferModeSchema } from '../schemas/offer';
import { FollowUpInputSchema, OutcomeRecordSchema } from '../schemas/outcome';
import { MAX_USED_ANSWERS, UsedAnswerRefSchema } from '../schemas/provenance';
import { PolicyFeedbackListSchema, PolicyPromptSchema, ShareMarkSchema } from '../schemas/policy';
import { NoticeAcknowledgedSchema, PublicationNoticeSchema } from '../schemas/publication';
import { QueueMetricsStateSchema } from '../schemas/queue-metrics';
import { QueueStateChangeSchema, QueueStateSchema } from '../schemas/queue-state';
import { MonitorSnapshotSchema } from '../schemas/views';
import {
  ApprovalDecidedSchema,
  DecideApprovalSchema,
  PendingApprovalSchema,
  SendWhisperSchema,
  WhisperSchema,
} from '../schemas/coaching';
import {
  AcknowledgeEvaluationSchema,
  EvaluationFormSchema,
  EvaluationSchema,
  SubmitEvaluationSchema,
} from '../schemas/evaluation';
import type { RoleSchema } from '../schemas/common';
import type { Ack } from './ack';
import { teamLeadCommands, teamLeadFacts } from './team-lead-events';

type Role = z.infer<typeof RoleSchema>;

interface CommandDefinition<P extends z.ZodType, R extends z.ZodType> {
  payload: P;
  result: R;
  /** Roles allowed to send it; the server checks ownership on top. */
  roles: readonly Role[];
}

function command<P extends z.ZodType, R extends z.ZodType>(
  definition: CommandDefinition<P, R>,
): CommandDefinition<P, R> {
  return definition;
}

/** A client-generated id that makes a resend return the first result instead of acting twice. */
export const CommandIdSchema = z.uuid();

export const commands = {
  /** An agent chooses Available or Break. */
  'agent:set-status': command({
    payload: z.object({ status: SelectableAgentStatusSchema }),
    result: AgentViewSchema,
    roles: ['agent'],
  }),
  /**
   * Take the offered contact. Fails with `conflict` once the offer expired or was withdrawn.
   * Idempotent on the offer id: a resend after this agent's accept answers the conversation again.
   */
  'offer:accept': command({
    payload: z.object({ offerId: IdSchema }),
    result: ConversationDetailSchema,
    roles: ['agent'],
  }),
  /** Decline an offer; the contact goes to another eligible agent. Idempotent on the offer id. */
  'offer:reject': command({
    payload: z.object({ offerId: IdSchema, reason: z.string().trim().max(200).optional() }),
    result: z.object({ offerId: IdSchema }),
    roles: ['agent'],
  }),
  /** Close the held conversation with a wrap-up code, notes and an optional follow-up task. */
  'outcome:log': command({
    payload: z.object({
      commandId: CommandIdSchema,
      contactId: IdSchema,
      wrapupCode: z.string().trim().min(1, 'wrap-up code is required').max(64),
      notes: z.string().max(5000),
      followUp: FollowUpInputSchema.optional(),
      /** Opens a case from this contact in the same transaction (the agent picked a type). */
      case: CaseDraftSchema.optional(),
      /**
       * Knowledge answer versions the agent used (inserted into a reply or read out), recorded
       * with the outcome; each must be published or have been. The script version is not sent:
       * the server reads the one pinned to the conversation.
       */
      usedAnswers: z
        .array(UsedAnswerRefSchema)
        .max(MAX_USED_ANSWERS, `at most ${MAX_USED_ANSWERS} answers`)
        .optional(),
      /**
       * Per policy shared or discussed: how well the citizen understood it and their question,
       * written in the same transaction as the outcome (docs/policies.md).
       */
      policyFeedback: PolicyFeedbackListSchema.optional(),
    }),
    result: OutcomeRecordSchema,
    roles: ['agent'],
  }),
  /** Reply to the citizen on a text channel; delivered through the channel's outbound webhook. */
  'message:send': command({
    payload: z.object({
      commandId: CommandIdSchema,
      contactId: IdSchema,
      text: z.string().trim().min(1, 'message is empty').max(4000),
    }),
    result: MessageSchema,
    roles: ['agent'],
  }),
  /**
   * The holder passes the conversation on: cold to a queue or a named agent (they let go at once),
   * or warm to a named agent (they keep it until the receiver accepts). The note is shown to the
   * receiver before they accept.
   */
  'conversation:transfer': command({
    payload: z
      .object({
        commandId: CommandIdSchema,
        contactId: IdSchema,
        to: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('queue'), queueId: IdSchema }),
          z.object({ kind: z.literal('agent'), agentId: IdSchema }),
        ]),
        mode: TransferModeSchema,
        note: z.string().trim().max(500).optional(),
      })
      .refine((p) => p.mode === 'cold' || p.to.kind === 'agent', {
        message: 'a warm transfer goes to a named agent',
        path: ['mode'],
      })
      .refine((p) => p.mode === 'cold' || (p.note ?? '') !== '', {
        message: 'a warm transfer needs a note for the receiver',
        path: ['note'],
      }),
    result: ContactSummarySchema,
    roles: ['agent'],
  }),
  /**
   * A lead moves a waiting, offered or active conversation to a named agent. With `seen`, it is
   * refused (conflict) when the conversation has moved since the lead looked (another lead won).
   */
  'conversation:reassign': command({
    payload: z.object({
      commandId: CommandIdSchema,
      contactId: IdSchema,
      toAgentId: IdSchema,
      reason: z.string().trim().min(1, 'reason is required').max(300),
      seen: SeenPlaceSchema.optional(),
    }),
    result: ContactSummarySchema,
    roles: ['lead', 'admin'],
  }),
  /**
   * A lead hands a waiting, offered or active conversation they oversee to another queue (any
   * queue taking its channel, another team's too). Its holder lets go at once and is told why; it
   * waits there keeping its place by arrival and is routed at once. With `seen`, it is refused
   * (conflict) when the conversation has moved since the lead looked.
   */
  'conversation:transfer-to-queue': command({
    payload: z.object({
      commandId: CommandIdSchema,
      contactId: IdSchema,
      toQueueId: IdSchema,
      reason: z.string().trim().min(1, 'reason is required').max(300),
      seen: SeenPlaceSchema.optional(),
    }),
    result: ContactSummarySchema,
    roles: ['lead', 'admin'],
  }),
  /**
   * Opens a case with a reference number to tell the citizen at once; linked to `contactId` when
   * given (an agent may link only a contact they hold or held).
   */
  'case:create': command({
    payload: CreateCaseBodySchema,
    result: CaseDetailSchema,
    roles: ['agent', 'lead', 'admin'],
  }),
  /** Moves a case along its type's lifecycle; the fields the step needs are checked. */
  'case:transition': command({
    payload: TransitionCaseBodySchema,
    result: CaseDetailSchema,
    roles: ['agent', 'lead', 'admin', 'unit'],
  }),
  /** The one extension of a clock that allows it, before its due, with a written reason. */
  'case:extend': command({
    payload: ExtendClockBodySchema,
    result: CaseDetailSchema,
    roles: ['agent', 'lead', 'admin', 'unit'],
  }),
  /** Pauses a clock while waiting on the citizen; the reason is logged. */
  'case:pause': command({
    payload: PauseClockBodySchema,
    result: CaseDetailSchema,
    roles: ['agent', 'lead', 'admin', 'unit'],
  }),
  'case:resume': command({
    payload: ResumeClockBodySchema,
    result: CaseDetailSchema,
    roles: ['agent', 'lead', 'admin', 'unit'],
  }),
  /** Hands the case to an owning unit with an agreed due; the unit must acknowledge it. */
  'case:hand-off': command({
    payload: HandOffBodySchema,
    result: CaseDetailSchema,
    roles: ['agent', 'lead', 'admin'],
  }),
  /** A unit takes a hand-off. */
  'case:acknowledge-hand-off': command({
    payload: AcknowledgeHandOffBodySchema,
    result: CaseDetailSchema,
    roles: ['unit', 'admin'],
  }),
  /** A unit sends a hand-off back to the contact center, saying why. */
  'case:return-hand-off': command({
    payload: ReturnHandOffBodySchema,
    result: CaseDetailSchema,
    roles: ['unit', 'admin'],
  }),
  /** Links another contact (the citizen calling again) to a case. */
  'case:link-contact': command({
    payload: LinkContactBodySchema,
    result: CaseDetailSchema,
    roles: ['agent', 'lead', 'admin'],
  }),
  /** Follow an agent's work live, read-only. */
  /** The holder goes on from the current step `atStepId`, with the citizen's answer if it asks one. */
  'script:answer': command({
    payload: z.object({
      contactId: IdSchema,
      atStepId: z.string().min(1).max(64),
      optionId: z.string().min(1).max(64).nullable(),
    }),
    result: ScriptStateSchema,
    roles: ['agent'],
  }),
  /** The holder goes one step back from `atStepId`. */
  'script:back': command({
    payload: z.object({ contactId: IdSchema, atStepId: z.string().min(1).max(64) }),
    result: ScriptStateSchema,
    roles: ['agent'],
  }),
  /**
   * The holder says whether they shared a policy the desk prompted in this conversation (told,
   * or appended to a text reply), or why not. The latest mark per contact and policy counts.
   */
  'policy:mark-shared': command({
    payload: z.object({
      commandId: CommandIdSchema,
      contactId: IdSchema,
      campaignId: IdSchema,
      mark: ShareMarkSchema,
    }),
    result: PolicyPromptSchema,
    roles: ['agent'],
  }),
  /**
   * The viewer's whole queue state, as the node holding this socket last pushed it: read again
   * when a `queue:state-changed` does not build on what the client holds.
   */
  'queue:state-get': command({
    payload: z.object({}),
    result: QueueStateSchema,
    roles: ['agent', 'trainer', 'lead', 'admin'],
  }),
  'monitor:start': command({
    payload: z.object({ agentId: IdSchema }),
    result: MonitorSnapshotSchema,
    roles: ['trainer', 'lead', 'admin'],
  }),
  'monitor:stop': command({
    payload: z.object({ agentId: IdSchema }),
    result: z.object({ agentId: IdSchema }),
    roles: ['trainer', 'lead', 'admin'],
  }),
  /**
   * A trainer (for a trainee) or a lead tells the agent something about a conversation they
   * hold; only the agent and those following them see it, never the citizen.
   */
  'whisper:send': command({
    payload: SendWhisperSchema,
    result: WhisperSchema,
    roles: ['trainer', 'lead', 'admin'],
  }),
  /**
   * Approve (possibly edited) or reject a reply held for approval. Exactly one decision wins;
   * a second approver gets `conflict`. Trainers decide on trainees' replies only.
   */
  'approval:decide': command({
    payload: DecideApprovalSchema,
    result: ApprovalDecidedSchema,
    roles: ['trainer', 'lead', 'admin'],
  }),
  /**
   * Score one agent's handling of a conversation on an evaluation form, live or afterwards
   * (`agentId`: one who held it; trainers: trainees only, leads: their own team).
   */
  'evaluation:submit': command({
    payload: SubmitEvaluationSchema,
    result: EvaluationSchema,
    roles: ['trainer', 'lead', 'admin'],
  }),
  /** The evaluated agent acknowledges the result. */
  'evaluation:acknowledge': command({
    payload: AcknowledgeEvaluationSchema,
    result: EvaluationSchema,
    roles: ['agent'],
  }),
  ...teamLeadCommands,
} as const;

export type CommandName = keyof typeof commands;
export type CommandPayload<N extends CommandName> = z.input<(typeof commands)[N]['payload']>;
export type CommandResult<N extends CommandName> = z.output<(typeof commands)[N]['result']>;

export const facts = {
  /**
   * What changed in the viewer's queue state (see `QueueStateChangeSchema`): to leads and trainers
   * every queue and the agents by status, to each agent the queues they serve. Pushed by the node
   * the socket is connected to, only when something in that view changed.
   */
  'queue:state-changed': QueueStateChangeSchema,
  /**
   * Service level, answer speed and abandons per queue, for the interval and the day; at most once
   * a second. Leads and trainers get every segment, agents the totals.
   */
  'queue:metrics-changed': QueueMetricsStateSchema,
  /** An agent's status or work changed; to that agent, leads and trainers. */
  'agent:status-changed': AgentViewSchema,
  /** A contact is reserved for this agent until `expiresAt`. */
  'offer:created': OfferSchema,
  /** An offer this agent held is gone. */
  'offer:withdrawn': z.object({
    offerId: IdSchema,
    contactId: IdSchema,
    reason: OfferWithdrawnReasonSchema,
  }),
  /** This agent now holds the conversation (accepted, or moved to them by a lead). */
  'conversation:assigned': z.object({
    agentId: IdSchema,
    conversation: ConversationDetailSchema,
    reason: z.enum(['accepted', 'reassigned', 'transferred']),
    /** For reassignment: who moved it and why. */
    byName: z.string().nullable(),
    note: z.string().nullable(),
  }),
  /** This agent no longer holds the conversation, and why. */
  'conversation:revoked': z.object({
    agentId: IdSchema,
    contactId: IdSchema,
    reference: z.string(),
    byName: z.string(),
    toAgentName: z.string(),
    reason: z.string(),
  }),
  /** The receiver of a warm transfer declined or let it expire; the sender keeps the contact. */
  'transfer:declined': z.object({
    contactId: IdSchema,
    reference: z.string(),
    toAgentName: z.string(),
    reason: z.enum(['rejected', 'expired', 'rescinded']),
  }),
  /** A contact changed state; to leads. */
  'conversation:updated': ContactSummarySchema,
  /** A message joined a conversation (the citizen's or the agent's); to the holder and monitors. */
  'conversation:message-added': z.object({
    contactId: IdSchema,
    message: MessageSchema,
  }),
  /** An outbound message's delivery state changed; to the holder and monitors. */
  'message:status-changed': z.object({
    contactId: IdSchema,
    messageId: IdSchema,
    deliveryStatus: DeliveryStatusSchema,
    failureReason: z.string().nullable(),
  }),
  /** A voice call's state or timers changed; to the agent holding it and their monitors. */
  'call:state-changed': CallStateSchema,
  /** The holder moved in the conversation's script (to the holder's other tabs and monitors). */
  'script:progress-changed': ScriptStateSchema,
  /** An outcome was recorded; to leads, trainers following the agent, and the agent. */
  'outcome:logged': OutcomeRecordSchema,
  /** A case changed; to its owner, leads and admins, and the staff of the unit it is with. */
  'case:changed': CaseSummarySchema,
  /** A clock reached 50, 80 or 100 % of its due; to the owner, their leads, and the unit. */
  'case:warned': CaseWarningSchema,
  /** A breached case reached the next link of the escalation chain; to that link. */
  'case:escalated': CaseEscalationSchema,
  /** A unit let a hand-off's acknowledgement time pass; to the owner and leads. */
  'case:hand-off-bounced': z.object({
    caseId: IdSchema,
    reference: z.string(),
    handOffId: IdSchema,
    unitName: z.string(),
  }),
  /** An answer or script was published; to every agent, lead and trainer online. */
  'notice:published': PublicationNoticeSchema,
  /** A notice was marked must-read or the mark taken off (higher `revision` wins); same rooms. */
  'notice:changed': PublicationNoticeSchema,
  /** An agent acknowledged a notice; to their own tabs, their leads and administrators. */
  'notice:acknowledged': NoticeAcknowledgedSchema,
  /**
   * Shares or feedback were recorded for these policies; to leads, administrators and the staff
   * of the owning units, whose open reports refetch.
   */
  'policy:activity': z.object({ policyIds: z.array(IdSchema), at: z.number().int() }),
  /** A whisper about a held conversation; to that agent and whoever follows them. */
  'whisper:received': WhisperSchema,
  /** A reply waits for approval; to those who may decide (trainers for trainees, leads). */
  'approval:requested': PendingApprovalSchema,
  /** A held reply was decided; to the approvers, the agent and whoever follows them. */
  'approval:decided': ApprovalDecidedSchema,
  /**
   * An evaluation was recorded or acknowledged; to the evaluated agent (no other handler of the
   * conversation), the evaluator and whoever follows the evaluated agent.
   */
  'evaluation:changed': EvaluationSchema,
  /** A form was created, changed, archived or restored; to trainers, leads and administrators. */
  'evaluation-form:changed': EvaluationFormSchema,
  ...teamLeadFacts,
} as const;

export type FactName = keyof typeof facts;
export type Fact<N extends FactName> = z.output<(typeof facts)[N]>;

/** Socket.IO typing for both ends, derived from the schemas above. */
export type ClientToServerEvents = {
  [N in CommandName]: (
    payload: CommandPayload<N>,
    ack: (result: Ack<CommandResult<N>>) => void,
  ) => void;
};
export type ServerToClientEvents = {
  [N in FactName]: (fact: Fact<N>) => void;
};
