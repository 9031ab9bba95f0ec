import { z } from 'zod';
import { ESCALATION_STATUSES } from '../domain/escalations';
import { EpochMsSchema, IdSchema } from './common';
import { ReaderSchema } from './publication';

/** A team and the queues it serves. */
export const TeamSchema = z.object({
  id: IdSchema,
  name: z.string(),
  queueIds: z.array(IdSchema),
});
export type Team = z.infer<typeof TeamSchema>;

/**
 * A queue's alert threshold: more than `maxWaiting` waiting, or the longest wait over `maxWaitMs`,
 * raises an alert to the leads of the teams serving it. Null turns that limit off.
 */
export const QueueAlertThresholdSchema = z.object({
  queueId: IdSchema,
  maxWaiting: z.number().int().nonnegative().nullable(),
  maxWaitMs: z.number().int().positive().nullable(),
  updatedByName: z.string().nullable(),
  updatedAt: EpochMsSchema.nullable(),
});
export type QueueAlertThreshold = z.infer<typeof QueueAlertThresholdSchema>;

/** `PUT /api/lead/queues/:id/alert-threshold` (leads of a team serving it, administrators). */
export const QueueAlertThresholdBodySchema = z.object({
  maxWaiting: z.number().int().nonnegative().max(1000).nullable(),
  maxWaitMs: z
    .number()
    .int()
    .min(10_000, 'at least ten seconds')
    .max(24 * 60 * 60 * 1000)
    .nullable(),
});
export type QueueAlertThresholdBody = z.infer<typeof QueueAlertThresholdBodySchema>;

/** A case clock at 80 % of its due or more, not breached: a follow-up about to breach. */
export const NearingBreachSchema = z.object({
  caseId: IdSchema,
  reference: z.string(),
  subject: z.string(),
  ownerName: z.string(),
  dueAt: EpochMsSchema.nullable(),
  warnedLevel: z.number().int(),
});
export type NearingBreach = z.infer<typeof NearingBreachSchema>;

/** `GET /api/lead/overview`: the teams the viewer leads (all, for administrators) and more. */
export const LeadOverviewSchema = z.object({
  teams: z.array(TeamSchema),
  thresholds: z.array(QueueAlertThresholdSchema),
  nearingBreach: z.array(NearingBreachSchema),
});
export type LeadOverview = z.infer<typeof LeadOverviewSchema>;

export const AlertKindSchema = z.enum([
  'queue_over_threshold',
  'agent_not_responding',
  'deadline_near_breach',
]);
export type AlertKindName = z.infer<typeof AlertKindSchema>;

/** Raised by the server when a condition begins; cleared when it ends; acknowledged by a lead. */
export const LeadAlertSchema = z.object({
  id: IdSchema,
  kind: AlertKindSchema,
  /** Whose leads are told; null: every lead's. */
  teamId: IdSchema.nullable(),
  /** The queue, agent or case the alert is about. */
  subjectId: IdSchema,
  subjectName: z.string(),
  detail: z.object({
    waiting: z.number().int().optional(),
    longestWaitMs: z.number().int().optional(),
    maxWaiting: z.number().int().nullable().optional(),
    maxWaitMs: z.number().int().nullable().optional(),
    reference: z.string().optional(),
    dueAt: EpochMsSchema.nullable().optional(),
  }),
  raisedAt: EpochMsSchema,
  /** When the condition ended; null while it holds. */
  clearedAt: EpochMsSchema.nullable(),
  acknowledgedAt: EpochMsSchema.nullable(),
  acknowledgedByName: z.string().nullable(),
});
export type LeadAlert = z.infer<typeof LeadAlertSchema>;

export const LeadAlertListSchema = z.object({ alerts: z.array(LeadAlertSchema) });
export type LeadAlertList = z.infer<typeof LeadAlertListSchema>;

export const EscalationStatusSchema = z.enum(ESCALATION_STATUSES);

/** An agent asked their lead for help. */
export const EscalationSchema = z.object({
  id: IdSchema,
  teamId: IdSchema.nullable(),
  agentId: IdSchema,
  agentName: z.string(),
  /** The conversation it is about, if any. */
  contactId: IdSchema.nullable(),
  contactReference: z.string().nullable(),
  text: z.string(),
  status: EscalationStatusSchema,
  raisedAt: EpochMsSchema,
  /** The lead's latest answer, shown on the agent's desk. */
  answer: z.string().nullable(),
  handledByName: z.string().nullable(),
  handledAt: EpochMsSchema.nullable(),
  closedAt: EpochMsSchema.nullable(),
  version: z.number().int().nonnegative(),
});
export type Escalation = z.infer<typeof EscalationSchema>;

export const EscalationListSchema = z.object({ escalations: z.array(EscalationSchema) });
export type EscalationList = z.infer<typeof EscalationListSchema>;

/** A lead's or an administrator's message to a team (or every team: `teamId` null). */
export const AnnouncementSchema = z.object({
  id: IdSchema,
  teamId: IdSchema.nullable(),
  teamName: z.string().nullable(),
  text: z.string(),
  authorName: z.string(),
  publishedAt: EpochMsSchema,
});
export type Announcement = z.infer<typeof AnnouncementSchema>;

export const MyAnnouncementSchema = AnnouncementSchema.extend({
  acknowledgedAt: EpochMsSchema.nullable(),
});
export type MyAnnouncement = z.infer<typeof MyAnnouncementSchema>;

export const MyAnnouncementsSchema = z.object({ announcements: z.array(MyAnnouncementSchema) });

/** An announcement with the agents it reached that the viewer answers for; readers first. */
export const AnnouncementReadershipSchema = AnnouncementSchema.extend({
  readers: z.array(ReaderSchema),
});
export type AnnouncementReadership = z.infer<typeof AnnouncementReadershipSchema>;

export const AnnouncementReadershipListSchema = z.object({
  announcements: z.array(AnnouncementReadershipSchema),
});
export type AnnouncementReadershipList = z.infer<typeof AnnouncementReadershipListSchema>;

/** A lead or administrator put an agent in a status; shown on the agent's desk. */
export const ForcedStatusSchema = z.object({
  agentId: IdSchema,
  status: z.enum(['available', 'break', 'training']),
  fromStatus: z.string(),
  byName: z.string(),
  reason: z.string(),
  at: EpochMsSchema,
});
export type ForcedStatus = z.infer<typeof ForcedStatusSchema>;

/** `GET /api/desk/status-change`: the change that set the agent's current status, if a lead's. */
export const MyStatusChangeSchema = z.object({ change: ForcedStatusSchema.nullable() });
