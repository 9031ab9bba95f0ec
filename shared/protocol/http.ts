/**
 * REST endpoints: path, body and response schemas, shared by the Fastify routes and the client's
 * api-client. Reads serve TanStack Query; live changes arrive as socket facts (events.ts).
 */
import { coachingEndpoints } from './coaching-http';
import { z } from 'zod';
import { AgentViewSchema } from '../schemas/agent';
import {
  CallbackListSchema,
  CallbackRequestSchema,
  QueueHoursSchema,
  QueueHoursSettingsSchema,
} from '../schemas/business-hours';
import { VoiceEventBodySchema, VoiceEventResultSchema } from '../schemas/call';
import {
  CannedResponseBodySchema,
  CannedResponseListQuerySchema,
  CannedResponseListSchema,
  CannedResponseSchema,
} from '../schemas/canned-response';
import { AgentCapacitySchema, AgentCapsSchema, CentreCapacitySchema } from '../schemas/capacity';
import {
  CitizenProfileSchema,
  CitizenSearchQuerySchema,
  CitizenSearchResultSchema,
  MergeCitizensBodySchema,
  ProfileAccessLogSchema,
  ProfileQuerySchema,
  RevealNikBodySchema,
  RevealNikResultSchema,
  UpdateCitizenBodySchema,
} from '../schemas/citizen';
import { HolidayYearSchema, ReplaceHolidaysBodySchema, UnitSchema } from '../schemas/calendar';
import {
  DeadlineRulesViewSchema,
  ReplaceDeadlineRulesBodySchema,
  UnitCalendarBodySchema,
} from '../schemas/calendar-settings';
import {
  AnnualReportQuerySchema,
  AnnualReportSchema,
  AuditVerificationSchema,
  CaseBoardQuerySchema,
  CaseDetailSchema,
  CaseListSchema,
  CreateCaseBodySchema,
  RegisterQuerySchema,
} from '../schemas/case';
import { IdSchema } from '../schemas/common';
import { ConversationDetailSchema, DeliveryStatusSchema } from '../schemas/contact';
import { DeadlinePreviewQuerySchema, DeadlinePreviewSchema } from '../schemas/deadlines';
import {
  AnswerDetailSchema,
  CreateAnswerBodySchema,
  KnowledgeListQuerySchema,
  KnowledgeListSchema,
  KnowledgeSearchQuerySchema,
  KnowledgeSearchResultSchema,
  PublishBodySchema,
  TransitionBodySchema,
  VersionBodySchema,
} from '../schemas/knowledge';
import { InboundContactBodySchema, InboundContactResultSchema } from '../schemas/inbound';
import {
  MustReadBodySchema,
  MyNoticeSchema,
  MyNoticesSchema,
  PublicationNoticeSchema,
  ReadershipListSchema,
} from '../schemas/publication';
import {
  CampaignBodySchema,
  CampaignListSchema,
  CampaignSchema,
  PolicyBodySchema,
  PolicyDigestListSchema,
  PolicyListSchema,
  PolicyPromptListSchema,
  PolicyReportQuerySchema,
  PolicyReportSchema,
  PolicySchema,
  PublicQuestionBodySchema,
} from '../schemas/policy';
import { QueueRoutingSchema, QueueRoutingSettingsSchema } from '../schemas/queue-routing';
import { QueueMetricsStateSchema } from '../schemas/queue-metrics';
import { QueueStateSchema } from '../schemas/queue-state';
import { ReferenceDataSchema } from '../schemas/reference-data';
import {
  CreateScriptBodySchema,
  ScriptDraftBodySchema,
  ScriptListQuerySchema,
  ScriptListSchema,
  ScriptVersionViewSchema,
} from '../schemas/script';
import { LoginBodySchema, MeResponseSchema } from '../schemas/user';
import { DeskSnapshotSchema, SupervisionBoardSchema } from '../schemas/views';

export const HealthResponseSchema = z.object({ status: z.literal('ok') });

/**
 * Whether this node should be sent traffic: 200 `ready` while its database (and Redis, when
 * configured) answer and it is not shutting down; 503 `not_ready` with the same body otherwise.
 */
export const ReadinessResponseSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  nodeId: z.string(),
  database: z.enum(['up', 'down']),
  /** `unused` on a single node without REDIS_URL. */
  redis: z.enum(['up', 'down', 'unused']),
  isDraining: z.boolean(),
});

export const endpoints = {
  health: { method: 'GET', path: '/api/health', response: HealthResponseSchema },
  ready: { method: 'GET', path: '/api/ready', response: ReadinessResponseSchema },
  login: {
    method: 'POST',
    path: '/api/auth/login',
    body: LoginBodySchema,
    response: MeResponseSchema,
  },
  logout: { method: 'POST', path: '/api/auth/logout', response: z.object({ ok: z.literal(true) }) },
  me: { method: 'GET', path: '/api/me', response: MeResponseSchema },
  inbound: {
    method: 'POST',
    path: '/api/inbound',
    body: InboundContactBodySchema,
    response: InboundContactResultSchema,
  },
  deliveryReceipt: {
    method: 'POST',
    path: '/api/inbound/receipts',
    body: z.object({
      /** Tanggap's message id, sent to the channel as `messageId` and `x-tanggap-delivery-id`. */
      messageId: IdSchema,
      status: z.enum(['delivered', 'failed']),
      reason: z.string().trim().max(500).optional(),
    }),
    response: z.object({ messageId: IdSchema, deliveryStatus: DeliveryStatusSchema }),
  },
  /** A call event from the telephony system (CTI); idempotent on `eventId`. */
  voiceEvent: {
    method: 'POST',
    path: '/api/inbound/voice-events',
    body: VoiceEventBodySchema,
    response: VoiceEventResultSchema,
  },
  referenceData: { method: 'GET', path: '/api/reference', response: ReferenceDataSchema },
  queueState: { method: 'GET', path: '/api/queue-state', response: QueueStateSchema },
  /** The last pushed `queue:metrics-changed`; agents get the totals only. */
  queueMetrics: { method: 'GET', path: '/api/queue-metrics', response: QueueMetricsStateSchema },
  desk: { method: 'GET', path: '/api/desk', response: DeskSnapshotSchema },
  supervisionBoard: {
    method: 'GET',
    path: '/api/supervision/board',
    response: SupervisionBoardSchema,
  },
  trainees: {
    method: 'GET',
    path: '/api/trainer/trainees',
    response: z.object({ trainees: z.array(AgentViewSchema) }),
  },
  /** `:contactId` is replaced by the contact's id. */
  conversation: {
    method: 'GET',
    path: '/api/contacts/:contactId',
    response: ConversationDetailSchema,
  },
  /** Internal target and legal due of a request type received at a moment, on a unit's calendar. */
  deadlinePreview: {
    method: 'GET',
    path: '/api/deadlines/preview',
    query: DeadlinePreviewQuerySchema,
    response: DeadlinePreviewSchema,
  },
  /** `:year` is replaced by the year, e.g. 2027. */
  holidays: { method: 'GET', path: '/api/calendar/holidays/:year', response: HolidayYearSchema },
  replaceHolidays: {
    method: 'PUT',
    path: '/api/calendar/holidays/:year',
    body: ReplaceHolidaysBodySchema,
    response: HolidayYearSchema,
  },
  /** `:id` is the unit's id. */
  replaceUnitCalendar: {
    method: 'PUT',
    path: '/api/units/:id/calendar',
    body: UnitCalendarBodySchema,
    response: UnitSchema,
  },
  /** `:type` is a request type, e.g. `information_request`. */
  deadlineRules: {
    method: 'GET',
    path: '/api/deadline-rules/:type',
    response: DeadlineRulesViewSchema,
  },
  replaceDeadlineRules: {
    method: 'PUT',
    path: '/api/deadline-rules/:type',
    body: ReplaceDeadlineRulesBodySchema,
    response: DeadlineRulesViewSchema,
  },
  centreCapacity: { method: 'GET', path: '/api/capacity', response: CentreCapacitySchema },
  replaceCentreCapacity: {
    method: 'PUT',
    path: '/api/capacity',
    body: CentreCapacitySchema,
    response: CentreCapacitySchema,
  },
  /** `:agentId` is replaced by the agent's id. */
  agentCapacity: {
    method: 'GET',
    path: '/api/agents/:agentId/capacity',
    response: AgentCapacitySchema,
  },
  replaceAgentCaps: {
    method: 'PUT',
    path: '/api/agents/:agentId/capacity',
    body: AgentCapsSchema,
    response: AgentCapacitySchema,
  },
  /** `:id` is replaced by the queue's id. A queue nobody configured answers its 24/7 default. */
  queueHours: { method: 'GET', path: '/api/queues/:id/hours', response: QueueHoursSchema },
  replaceQueueHours: {
    method: 'PUT',
    path: '/api/queues/:id/hours',
    body: QueueHoursSettingsSchema,
    response: QueueHoursSchema,
  },
  /** `:id` is replaced by the queue's id. */
  queueRouting: { method: 'GET', path: '/api/queues/:id/routing', response: QueueRoutingSchema },
  replaceQueueRouting: {
    method: 'PUT',
    path: '/api/queues/:id/routing',
    body: QueueRoutingSettingsSchema,
    response: QueueRoutingSchema,
  },
  /** Leads and administrators find citizens (`?q=&reason=`); every profile shown is logged. */
  citizenSearch: {
    method: 'GET',
    path: '/api/citizens',
    query: CitizenSearchQuerySchema,
    response: CitizenSearchResultSchema,
  },
  /** `:id` is the citizen's id; staff other than the serving agent pass `?reason=`. */
  citizenProfile: {
    method: 'GET',
    path: '/api/citizens/:id',
    query: ProfileQuerySchema,
    response: CitizenProfileSchema,
  },
  /** Staff other than the serving agent pass `?reason=`, as for the read. */
  updateCitizen: {
    method: 'PATCH',
    path: '/api/citizens/:id',
    query: ProfileQuerySchema,
    body: UpdateCitizenBodySchema,
    response: CitizenProfileSchema,
  },
  revealNik: {
    method: 'POST',
    path: '/api/citizens/:id/reveal-nik',
    body: RevealNikBodySchema,
    response: RevealNikResultSchema,
  },
  mergeCitizens: {
    method: 'POST',
    path: '/api/citizens/:id/merge',
    body: MergeCitizensBodySchema,
    response: CitizenProfileSchema,
  },
  citizenAccessLog: {
    method: 'GET',
    path: '/api/citizens/:id/access-log',
    response: ProfileAccessLogSchema,
  },
  /** Open callback requests left after hours, the longest due first. */
  callbacks: { method: 'GET', path: '/api/callbacks', response: CallbackListSchema },
  /** `:id` is the request's id. Marking a request done twice answers it as it is. */
  completeCallback: {
    method: 'POST',
    path: '/api/callbacks/:id/done',
    response: CallbackRequestSchema,
  },
  /** Units cases can be handed to, with their calendars. */
  units: { method: 'GET', path: '/api/units', response: z.object({ units: z.array(UnitSchema) }) },
  /** Opens a case (staff); the same as the `case:create` command. */
  createCase: {
    method: 'POST',
    path: '/api/cases',
    body: CreateCaseBodySchema,
    response: CaseDetailSchema,
  },
  /** Open cases, soonest breach first: `scope=mine|unit|all`. */
  caseBoard: {
    method: 'GET',
    path: '/api/cases',
    query: CaseBoardQuerySchema,
    response: CaseListSchema,
  },
  /** `:caseId` is replaced by the case's id. Viewing a personal-data request is audited. */
  caseDetail: { method: 'GET', path: '/api/cases/:caseId', response: CaseDetailSchema },
  /** Cases linked to a contact. */
  contactCases: {
    method: 'GET',
    path: '/api/contacts/:contactId/cases',
    response: CaseListSchema,
  },
  /** The request register as CSV (leads, administrators). */
  caseRegister: {
    method: 'GET',
    path: '/api/cases/register.csv',
    query: RegisterQuerySchema,
    response: z.string(),
  },
  /** KIP Ps 12 annual report numbers, as JSON or CSV (leads, administrators). */
  annualReport: {
    method: 'GET',
    path: '/api/reports/public-information',
    query: AnnualReportQuerySchema,
    response: AnnualReportSchema,
  },
  /** Checks the audit log's hash chain (administrators). */
  auditVerify: {
    method: 'GET',
    path: '/api/admin/audit/verify',
    response: AuditVerificationSchema,
  },
  /** Published answers in force now, a title match above a body match; at most 10. */
  knowledgeSearch: {
    method: 'GET',
    path: '/api/knowledge/search',
    query: KnowledgeSearchQuerySchema,
    response: KnowledgeSearchResultSchema,
  },
  /** Answers for the authoring screen, filtered and paged; agents list published ones only. */
  knowledgeList: {
    method: 'GET',
    path: '/api/knowledge',
    query: KnowledgeListQuerySchema,
    response: KnowledgeListSchema,
  },
  /** `:id` is the answer's id; agents see its published and retired versions only. */
  knowledgeAnswer: { method: 'GET', path: '/api/knowledge/:id', response: AnswerDetailSchema },
  /** A new answer; its first version is a draft. Trainers, leads, administrators. */
  createKnowledgeAnswer: {
    method: 'POST',
    path: '/api/knowledge',
    body: CreateAnswerBodySchema,
    response: AnswerDetailSchema,
  },
  /** A new draft version of an answer with no draft or version in review. */
  createKnowledgeVersion: {
    method: 'POST',
    path: '/api/knowledge/:id/versions',
    body: VersionBodySchema,
    response: AnswerDetailSchema,
  },
  editKnowledgeDraft: {
    method: 'PUT',
    path: '/api/knowledge/:id/versions/:version',
    body: VersionBodySchema,
    response: AnswerDetailSchema,
  },
  /** draft → review. */
  submitKnowledgeVersion: {
    method: 'POST',
    path: '/api/knowledge/:id/versions/:version/submit',
    body: TransitionBodySchema,
    response: AnswerDetailSchema,
  },
  /** review → draft, with a note saying why. Leads and administrators. */
  sendBackKnowledgeVersion: {
    method: 'POST',
    path: '/api/knowledge/:id/versions/:version/send-back',
    body: TransitionBodySchema,
    response: AnswerDetailSchema,
  },
  /**
   * review → published by someone other than the author; retires the published version and
   * announces the change to everyone online (`notice:published`); `mustRead` administrators only.
   */
  publishKnowledgeVersion: {
    method: 'POST',
    path: '/api/knowledge/:id/versions/:version/publish',
    body: PublishBodySchema,
    response: AnswerDetailSchema,
  },
  /** published → retired. Leads and administrators. */
  retireKnowledgeVersion: {
    method: 'POST',
    path: '/api/knowledge/:id/versions/:version/retire',
    body: TransitionBodySchema,
    response: AnswerDetailSchema,
  },
  /** Canned responses: every signed-in user lists the active ones (docs/canned-responses.md). */
  cannedResponses: {
    method: 'GET',
    path: '/api/canned-responses',
    query: CannedResponseListQuerySchema,
    response: CannedResponseListSchema,
  },
  /** Administrators and trainers. The code is unique among active responses (409). */
  createCannedResponse: {
    method: 'POST',
    path: '/api/canned-responses',
    body: CannedResponseBodySchema,
    response: CannedResponseSchema,
  },
  updateCannedResponse: {
    method: 'PUT',
    path: '/api/canned-responses/:id',
    body: CannedResponseBodySchema,
    response: CannedResponseSchema,
  },
  /** Agents no longer see it; it can be restored. */
  retireCannedResponse: {
    method: 'POST',
    path: '/api/canned-responses/:id/retire',
    response: CannedResponseSchema,
  },
  restoreCannedResponse: {
    method: 'POST',
    path: '/api/canned-responses/:id/restore',
    response: CannedResponseSchema,
  },
  /** Agents: must-read notices not yet acknowledged, and the others of the last twelve hours. */
  myNotices: { method: 'GET', path: '/api/notices/mine', response: MyNoticesSchema },
  /** `:id` is the notice's id. Agents; idempotent (the first moment counts). */
  acknowledgeNotice: {
    method: 'POST',
    path: '/api/notices/:id/acknowledge',
    response: MyNoticeSchema,
  },
  /** Administrators mark a published change must-read, or take the mark off. */
  markNoticeMustRead: {
    method: 'PUT',
    path: '/api/notices/:id/must-read',
    body: MustReadBodySchema,
    response: PublicationNoticeSchema,
  },
  /** Leads and administrators: the latest notices with who of their agents has read each. */
  noticeReadership: {
    method: 'GET',
    path: '/api/notices/readership',
    response: ReadershipListSchema,
  },
  /** Guided scripts (docs/scripts.md), per topic; readers see published and retired versions. */
  scripts: {
    method: 'GET',
    path: '/api/scripts',
    query: ScriptListQuerySchema,
    response: ScriptListSchema,
  },
  scriptVersion: {
    method: 'GET',
    path: '/api/scripts/:id/versions/:version',
    response: ScriptVersionViewSchema,
  },
  /** A topic's script; its first version is a draft. Trainers and administrators. */
  createScript: {
    method: 'POST',
    path: '/api/scripts',
    body: CreateScriptBodySchema,
    response: ScriptVersionViewSchema,
  },
  /** A new draft, a copy of the published version; one draft at a time. */
  startScriptDraft: {
    method: 'POST',
    path: '/api/scripts/:id/versions',
    response: ScriptVersionViewSchema,
  },
  /** A draft's title and definition, checked with `checkScript`. */
  editScriptDraft: {
    method: 'PUT',
    path: '/api/scripts/:id/versions/:version',
    body: ScriptDraftBodySchema,
    response: ScriptVersionViewSchema,
  },
  /** draft → published; the version published before is retired in the same transaction. */
  publishScriptVersion: {
    method: 'POST',
    path: '/api/scripts/:id/versions/:version/publish',
    response: ScriptVersionViewSchema,
  },
  /** published → retired: new conversations of the topic get no script. */
  retireScriptVersion: {
    method: 'POST',
    path: '/api/scripts/:id/versions/:version/retire',
    response: ScriptVersionViewSchema,
  },
  /** The policy catalog (docs/policies.md): all for admins and leads, own unit's for unit staff,
   * published ones without internal notes for agents and trainers. */
  policies: { method: 'GET', path: '/api/policies', response: PolicyListSchema },
  /** Administrators; the policy starts as a draft. */
  createPolicy: {
    method: 'POST',
    path: '/api/policies',
    body: PolicyBodySchema,
    response: PolicySchema,
  },
  updatePolicy: {
    method: 'PUT',
    path: '/api/policies/:id',
    body: PolicyBodySchema,
    response: PolicySchema,
  },
  publishPolicy: { method: 'POST', path: '/api/policies/:id/publish', response: PolicySchema },
  retirePolicy: { method: 'POST', path: '/api/policies/:id/retire', response: PolicySchema },
  /** Shares, understanding and questions of one policy in [from, to), per day or week. */
  policyReport: {
    method: 'GET',
    path: '/api/policies/:id/report',
    query: PolicyReportQuerySchema,
    response: PolicyReportSchema,
  },
  /** The same report as CSV. */
  policyReportCsv: {
    method: 'GET',
    path: '/api/policies/:id/report/csv',
    query: PolicyReportQuerySchema,
  },
  /** Administrators publish a question, in an editor's words, on the public FAQ. */
  approvePublicQuestion: {
    method: 'POST',
    path: '/api/policies/:id/public-questions',
    body: PublicQuestionBodySchema,
    response: z.object({ id: IdSchema, text: z.string() }),
  },
  campaigns: { method: 'GET', path: '/api/campaigns', response: CampaignListSchema },
  createCampaign: {
    method: 'POST',
    path: '/api/campaigns',
    body: CampaignBodySchema,
    response: CampaignSchema,
  },
  stopCampaign: { method: 'POST', path: '/api/campaigns/:id/stop', response: CampaignSchema },
  /** The policies the desk prompts in a conversation; for the agent holding it. */
  policyPrompts: {
    method: 'GET',
    path: '/api/contacts/:contactId/policy-prompts',
    response: PolicyPromptListSchema,
  },
  /** Weekly digests per owning unit, kept for download. */
  policyDigests: { method: 'GET', path: '/api/policy-digests', response: PolicyDigestListSchema },
  policyDigestCsv: { method: 'GET', path: '/api/policy-digests/:id/csv' },
  /** Public, no sign-in: the FAQ page (HTML, `?q=` searches) and its feeds. */
  publicFaq: {
    method: 'GET',
    path: '/faq',
    query: z.object({ q: z.string().trim().max(200).optional() }),
  },
  publicFaqFeedJson: { method: 'GET', path: '/faq/feed.json' },
  publicFaqFeedRss: { method: 'GET', path: '/faq/feed.xml' },
  ...coachingEndpoints,
} as const;
