/**
 * The team lead's commands and facts (docs/supervision.md), spread into the one contract in
 * events.ts. Every command carries a `commandId` and runs once.
 */
import { z } from 'zod';
import { AgentViewSchema } from '../schemas/agent';
import { IdSchema } from '../schemas/common';
import {
  AnnouncementSchema,
  EscalationSchema,
  ForcedStatusSchema,
  LeadAlertSchema,
  MyAnnouncementSchema,
} from '../schemas/team-lead';
import type { RoleSchema } from '../schemas/common';

type Role = z.infer<typeof RoleSchema>;

const CommandId = z.uuid();
const Reason = z.string().trim().min(1, 'reason is required').max(300);

function command<P extends z.ZodType, R extends z.ZodType>(definition: {
  payload: P;
  result: R;
  roles: readonly Role[];
}) {
  return definition;
}

export const teamLeadCommands = {
  /**
   * A lead puts an agent of their team in a status (e.g. Break), with a reason the agent sees;
   * `available` also lifts Not responding. Audited.
   */
  'agent:force-status': command({
    payload: z.object({
      commandId: CommandId,
      agentId: IdSchema,
      status: z.enum(['available', 'break', 'training']),
      reason: Reason,
    }),
    result: AgentViewSchema,
    roles: ['lead', 'admin'],
  }),
  /** A lead has seen an alert; the first acknowledgement counts, a repeat returns it. */
  'alert:acknowledge': command({
    payload: z.object({ commandId: CommandId, alertId: IdSchema }),
    result: LeadAlertSchema,
    roles: ['lead', 'admin'],
  }),
  /** An agent asks their lead for help, optionally about a conversation they hold. */
  'escalation:raise': command({
    payload: z.object({
      commandId: CommandId,
      text: z.string().trim().min(1, 'say what the problem is').max(500),
      contactId: IdSchema.nullable(),
    }),
    result: EscalationSchema,
    roles: ['agent'],
  }),
  /** The lead answers; the text shows on the agent's desk. */
  'escalation:answer': command({
    payload: z.object({
      commandId: CommandId,
      escalationId: IdSchema,
      text: z.string().trim().min(1, 'answer is empty').max(500),
    }),
    result: EscalationSchema,
    roles: ['lead', 'admin'],
  }),
  /** The lead joins: they watch the conversation (the client then starts `monitor:start`). */
  'escalation:join': command({
    payload: z.object({ commandId: CommandId, escalationId: IdSchema }),
    result: EscalationSchema,
    roles: ['lead', 'admin'],
  }),
  /** The lead or the agent who raised it closes it. */
  'escalation:close': command({
    payload: z.object({ commandId: CommandId, escalationId: IdSchema }),
    result: EscalationSchema,
    roles: ['agent', 'lead', 'admin'],
  }),
  /** A lead writes to their team; an administrator to any team or every team (`teamId` null). */
  'announcement:publish': command({
    payload: z.object({
      commandId: CommandId,
      teamId: IdSchema.nullable(),
      text: z.string().trim().min(1, 'announcement is empty').max(1000),
    }),
    result: AnnouncementSchema,
    roles: ['lead', 'admin'],
  }),
  /** An agent has read an announcement; the first moment counts. */
  'announcement:acknowledge': command({
    payload: z.object({ commandId: CommandId, announcementId: IdSchema }),
    result: MyAnnouncementSchema,
    roles: ['agent'],
  }),
} as const;

export const teamLeadFacts = {
  /**
   * A contact this lead's board showed is now held by another team's agent; to the leads of its
   * queue's teams who no longer oversee it. The board drops it.
   */
  'conversation:left-team': z.object({ contactId: IdSchema }),
  /** A lead changed this agent's status; to the agent and the leads answering for them. */
  'agent:status-forced': ForcedStatusSchema,
  /** An alert was raised, acknowledged or cleared; to the leads of its team and administrators. */
  'alert:changed': LeadAlertSchema,
  /** An escalation was raised or changed; to the agent and the leads of their team. */
  'escalation:changed': EscalationSchema,
  /** A new announcement; to the agents it reaches and the leads of the team. */
  'announcement:published': AnnouncementSchema,
  /** An agent acknowledged an announcement; to their tabs, their leads and administrators. */
  'announcement:acknowledged': z.object({
    announcementId: IdSchema,
    agentId: IdSchema,
    agentName: z.string(),
    acknowledgedAt: z.number().int().nonnegative(),
  }),
} as const;
