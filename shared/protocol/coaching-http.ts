/** HTTP endpoints of coaching and evaluations (docs/training.md); spread into `endpoints`. */
import { z } from 'zod';
import {
  CoachingSettingsSchema,
  PendingApprovalListSchema,
  TraineePlanSchema,
  TraineePlanViewSchema,
  WhisperListSchema,
} from '../schemas/coaching';
import {
  ArchiveEvaluationFormSchema,
  ConversationHandlerListSchema,
  EvaluationFormBodySchema,
  EvaluationFormVersionSchema,
  HandledConversationListSchema,
  EvaluationFormListSchema,
  EvaluationFormSchema,
  EvaluationListSchema,
} from '../schemas/evaluation';

export const coachingEndpoints = {
  coachingSettings: {
    method: 'GET',
    path: '/api/coaching/settings',
    response: CoachingSettingsSchema,
  },
  /** Administrators: which segments' replies wait for approval; trainee outcomes reviewed. */
  replaceCoachingSettings: {
    method: 'PUT',
    path: '/api/coaching/settings',
    body: CoachingSettingsSchema,
    response: CoachingSettingsSchema,
  },
  /** Replies waiting for approval that the caller may decide on, oldest first. */
  pendingApprovals: {
    method: 'GET',
    path: '/api/coaching/approvals',
    response: PendingApprovalListSchema,
  },
  /** `:contactId`: whispers about one conversation (its holder and those coaching them). */
  conversationWhispers: {
    method: 'GET',
    path: '/api/contacts/:contactId/whispers',
    response: WhisperListSchema,
  },
  /** `:agentId`: a trainee's caps, topics and approval rule. */
  traineePlan: {
    method: 'GET',
    path: '/api/trainer/trainees/:agentId/plan',
    response: TraineePlanViewSchema,
  },
  replaceTraineePlan: {
    method: 'PUT',
    path: '/api/trainer/trainees/:agentId/plan',
    body: TraineePlanSchema,
    response: TraineePlanViewSchema,
  },
  evaluationForms: {
    method: 'GET',
    path: '/api/evaluation-forms',
    response: EvaluationFormListSchema,
  },
  /**
   * `:id`: creates the form or changes it. A change to a version evaluations used makes a new
   * version; an unused version is changed in place (trainers, administrators).
   */
  replaceEvaluationForm: {
    method: 'PUT',
    path: '/api/evaluation-forms/:id',
    body: EvaluationFormBodySchema,
    response: EvaluationFormSchema,
  },
  /** `:id`: archive the form (no new evaluations with it) or restore it. */
  archiveEvaluationForm: {
    method: 'PUT',
    path: '/api/evaluation-forms/:id/archived',
    body: ArchiveEvaluationFormSchema,
    response: EvaluationFormSchema,
  },
  /** `:id`, `:version`: the form as that version was saved (what old evaluations were scored on). */
  evaluationFormVersion: {
    method: 'GET',
    path: '/api/evaluation-forms/:id/versions/:version',
    response: EvaluationFormVersionSchema,
  },
  /**
   * `:agentId`: the conversations the agent took lately, held now or passed on, to evaluate
   * afterwards (their coaches only).
   */
  handledConversations: {
    method: 'GET',
    path: '/api/agents/:agentId/handled-conversations',
    response: HandledConversationListSchema,
  },
  /** `:contactId`: the agents who held the conversation, and whom the caller may evaluate. */
  conversationHandlers: {
    method: 'GET',
    path: '/api/contacts/:contactId/handlers',
    response: ConversationHandlerListSchema,
  },
  /** Agents get their own; `?agentId=` narrows for trainers, leads and administrators. */
  evaluations: {
    method: 'GET',
    path: '/api/evaluations',
    response: EvaluationListSchema,
  },
} as const;

export const EvaluationListQuerySchema = z.object({ agentId: z.string().max(64).optional() });
