/**
 * The team lead's REST reads (docs/supervision.md); changes go through socket commands
 * (team-lead-events.ts), except the queue alert thresholds, which are settings.
 */
import {
  AnnouncementReadershipListSchema,
  EscalationListSchema,
  LeadAlertListSchema,
  LeadOverviewSchema,
  MyAnnouncementsSchema,
  MyStatusChangeSchema,
  QueueAlertThresholdBodySchema,
  QueueAlertThresholdSchema,
} from '../schemas/team-lead';

export const teamLeadEndpoints = {
  /** Leads and administrators: the teams they lead, queue thresholds, follow-ups near breach. */
  leadOverview: { method: 'GET', path: '/api/lead/overview', response: LeadOverviewSchema },
  /** Open alerts and those of the last twelve hours, of the viewer's teams. */
  leadAlerts: { method: 'GET', path: '/api/lead/alerts', response: LeadAlertListSchema },
  /** Escalations not closed, and those closed in the last twelve hours, of the viewer's teams. */
  leadEscalations: {
    method: 'GET',
    path: '/api/lead/escalations',
    response: EscalationListSchema,
  },
  /** The latest announcements the viewer may see, with who of their agents has acknowledged. */
  leadAnnouncements: {
    method: 'GET',
    path: '/api/lead/announcements',
    response: AnnouncementReadershipListSchema,
  },
  /** `:id` is the queue's id. Leads of a team serving it, administrators. */
  replaceQueueAlertThreshold: {
    method: 'PUT',
    path: '/api/lead/queues/:id/alert-threshold',
    body: QueueAlertThresholdBodySchema,
    response: QueueAlertThresholdSchema,
  },
  /** Agents: their escalations not closed, and those closed in the last twelve hours. */
  myEscalations: { method: 'GET', path: '/api/desk/escalations', response: EscalationListSchema },
  /** Agents: announcements not yet acknowledged, and the others of the last twelve hours. */
  myAnnouncements: {
    method: 'GET',
    path: '/api/desk/announcements',
    response: MyAnnouncementsSchema,
  },
  /** Agents: who put them in their current status, if a lead did. */
  myStatusChange: {
    method: 'GET',
    path: '/api/desk/status-change',
    response: MyStatusChangeSchema,
  },
} as const;
