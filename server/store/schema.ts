import type { Generated } from 'kysely';

/**
 * Row types as stored. Times are epoch milliseconds (BIGINT in PostgreSQL, read back as numbers),
 * booleans are 0/1 integers, lists are JSON text: one representation on both dialects.
 */
export interface TeamTable {
  id: string;
  name: string;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  is_trainee: number;
  team_id: string | null;
  password_hash: string;
  created_at: number;
}

export interface SessionTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: string;
  created_at: number;
  expires_at: number;
}

export interface SegmentTable {
  code: string;
  priority: number;
  target_answer_ms: number;
}

export interface TopicTable {
  code: string;
  label_id: string;
  label_en: string;
}

export interface QueueTable {
  id: string;
  name: string;
  topic: string;
  /** JSON array of channel codes. */
  channels: string;
  sort: number;
  /** Wrap-up time after a contact of this queue closes; 0 for none. */
  after_contact_work_ms: Generated<number>;
  /** After this wait a contact may go to agents with one of `overflow_topics`; null: never. */
  overflow_after_ms: number | null;
  /** JSON array of topic codes whose skill also serves this queue after the overflow wait. */
  overflow_topics: Generated<string>;
}

/** A queue's own priority and target answer time for a segment (migration 0008). */
export interface QueueSegmentTable {
  queue_id: string;
  segment: string;
  priority: number;
  target_answer_ms: number;
}

export interface AgentSkillTable {
  user_id: string;
  topic: string;
  level: number;
}

export interface AgentStateTable {
  user_id: string;
  presence: string;
  presence_since: number;
  /** Since when the agent has had no work; the longest idle is offered first. */
  idle_since: number;
  missed_offers: number;
  version: number;
  /** When a timed presence (after-contact work) ends by itself. */
  presence_until: number | null;
  /** The agent's own lower cap per kind of work; null: the centre's limit (migration 0008). */
  cap_voice: Generated<number | null>;
  cap_chat: Generated<number | null>;
  cap_email: Generated<number | null>;
  /**
   * Migration 0023, kept by triggers: active conversations held per kind of work. Never written
   * by the application.
   */
  held_voice: Generated<number>;
  held_chat: Generated<number>;
  held_email: Generated<number>;
}

export interface CentreCapacityTable {
  /** voice, chat or email (shared/domain/capacity.ts). */
  work_class: string;
  max_concurrent: number;
}

export interface CitizenTable {
  id: string;
  name: string;
  /** Normalised phone number, e-mail address or handle. */
  address: string;
  segment: string;
  created_at: number;
  organisation: Generated<string | null>;
  /** National ID number (NIK), 16 digits; shown masked, revealed with a logged reason. */
  nik: Generated<string | null>;
  /** 1 once staff confirmed the segment (an accredited journalist, a confirmed official). */
  is_segment_verified: Generated<number>;
  preferred_language: Generated<string>;
  /** 1 when the citizen agreed to be contacted back (follow-ups, callbacks). */
  may_contact: Generated<number>;
  /** Set when this profile was merged into another: its history lives there now. */
  merged_into: Generated<string | null>;
}

/** Every address a citizen reached us from, pointing at their one profile (migration 0008). */
export interface CitizenAddressTable {
  address: string;
  citizen_id: string;
  /** phone, email or handle. */
  kind: string;
  created_at: number;
}

/** Who looked at or changed a citizen's personal data, when, and why (UU 27/2022). */
export interface ProfileViewTable {
  id: string;
  citizen_id: string;
  viewer_id: string;
  at: number;
  action: string;
  reason: string;
  /** The conversation whose caller panel was shown (`caller_panel` only; once per viewer). */
  contact_id: Generated<string | null>;
}

/** Each word of a citizen's name (`nameTerms`), for the search by word beginnings. */
export interface CitizenNameTermTable {
  term: string;
  citizen_id: string;
}

export interface ContactTable {
  id: string;
  reference: string;
  channel: string;
  external_id: string;
  citizen_id: string;
  queue_id: string;
  topic: string;
  segment: string;
  preview: string;
  status: string;
  arrived_at: number;
  assigned_agent_id: string | null;
  accepted_at: number | null;
  closed_at: number | null;
  version: number;
  /** The note of the last transfer, shown to whoever receives the contact next. */
  transfer_note: string | null;
  transferred_by: string | null;
  /** When the caller hung up while the contact waited or was offered (migration 0004). */
  abandoned_at: Generated<number | null>;
  /** The first time an agent took the contact; transfers and reassignments keep it. */
  answered_at: Generated<number | null>;
  /** Why it closed without an agent: `after_hours` (its queue was closed; migration 0007). */
  closed_reason: Generated<string | null>;
  /** JSON AfterHoursAnswer: what an after-hours contact was told (migration 0007). */
  after_hours_answer: Generated<string | null>;
}

export interface MessageTable {
  id: string;
  contact_id: string;
  direction: string;
  text: string;
  at: number;
  /** `channel:externalId` of a citizen's message; unique, so a channel retry appends nothing. */
  external_key: string | null;
  author_id: string | null;
  /** Outbound only: queued → sent → delivered, or failed. */
  delivery_status: string | null;
  failure_reason: string | null;
  attempts: Generated<number>;
  /** When the next delivery attempt is due (outbound, while queued). */
  next_attempt_at: number | null;
  /** Migration 0016: a reply held for approval (pending → approved | edited | rejected). */
  approval_state: Generated<string | null>;
  approval_because: Generated<string | null>;
  approval_by: Generated<string | null>;
  approval_reason: Generated<string | null>;
  approval_original_text: Generated<string | null>;
  approval_decided_at: Generated<number | null>;
}

export interface OfferTable {
  id: string;
  contact_id: string;
  agent_id: string;
  status: string;
  reason: string | null;
  created_at: number;
  expires_at: number;
  resolved_at: number | null;
  /** `route` (a routing pass), `transfer_cold` or `transfer_warm` (an agent passed it on). */
  kind: Generated<string>;
  /** For a transfer: who passed it on, and their note for the receiver. */
  from_agent_id: string | null;
  note: string | null;
}

export interface OutcomeTable {
  id: string;
  contact_id: string;
  agent_id: string;
  wrapup_code: string;
  notes: string;
  created_at: number;
  /** The script version pinned to the conversation at wrap-up (migration 0011). */
  script_id: string | null;
  script_version: number | null;
  /** JSON `ScriptMove[]`: the steps taken. */
  script_path: string | null;
  /** Migration 0016: null counts at once; a trainee's may be `pending_review` → `reviewed`. */
  review_status: Generated<string | null>;
  reviewed_by: Generated<string | null>;
  reviewed_at: Generated<number | null>;
}

/** A knowledge answer version an outcome rests on (migration 0011). */
export interface OutcomeSourceTable {
  outcome_id: string;
  answer_id: string;
  version: number;
  /** The order the agent used them in. */
  position: number;
}

/** A short reusable reply with variables (migration 0011). */
export interface CannedResponseTable {
  id: string;
  code: string;
  title: string;
  text: string;
  topic: string | null;
  /** `active` or `retired`. */
  status: string;
  created_by: string;
  created_at: number;
  updated_by: string;
  updated_at: number;
  retired_at: number | null;
}

export interface FollowUpTable {
  id: string;
  contact_id: string;
  outcome_id: string;
  title: string;
  due_at: number;
  owner_id: string;
  status: string;
  created_by: string;
  created_at: number;
}

export interface WrapupCodeTable {
  code: string;
  label_id: string;
  label_en: string;
  needs_follow_up: number;
  sort: number;
}

export interface ScriptTable {
  id: string;
  topic: string;
  title: string;
  /** JSON array of {id, title, text} with `{caller.name}`-style variables. */
  steps: string;
}

/** One version of a guided script (migration 0008). */
export interface ScriptVersionTable {
  script_id: string;
  version: number;
  /** draft, published or retired; at most one published per script. */
  status: string;
  title: string;
  definition: string;
  /** The author of the version (null for versions from the seed or a migration). */
  created_by: string | null;
  created_at: number;
  /** The last change to the draft, or to the status (migration 0012). */
  updated_at: number;
  published_at: number | null;
  published_by: string | null;
  retired_at: number | null;
  retired_by: string | null;
}

/** The script version a conversation follows, and where it is. */
export interface ConversationScriptTable {
  contact_id: string;
  script_id: string;
  version: number;
  progress: string;
  revision: number;
  updated_at: number;
}

export interface ContactEventTable {
  id: string;
  contact_id: string;
  kind: string;
  actor_id: string | null;
  from_agent_id: string | null;
  to_agent_id: string | null;
  note: string | null;
  at: number;
}

export interface CommandResultTable {
  command_id: string;
  user_id: string;
  name: string;
  result: string;
  created_at: number;
}

export interface CounterTable {
  name: string;
  value: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** The call behind a voice contact (migration 0004-voice). */
export interface CallTable {
  contact_id: string;
  /** ringing, connected, on_hold or ended. */
  state: string;
  ringing_at: number;
  answered_at: number | null;
  hold_started_at: number | null;
  hold_ms: number;
  ended_at: number | null;
  changed_at: number;
  version: number;
}

/** Each CTI event applied, by the CTI's event id, with the answer it got (JSON). */
export interface CallEventTable {
  event_id: string;
  call_id: string;
  contact_id: string;
  kind: string;
  at: number;
  result: string;
  created_at: number;
}

// Calendar and deadline tables (migration 0002-calendar).

export interface UnitTable {
  id: string;
  name: string;
  /** IANA zone: Asia/Jakarta, Asia/Makassar or Asia/Jayapura. */
  time_zone: string;
  /** JSON array of ISO weekdays (1 = Monday). */
  working_weekdays: string;
  /** Local minutes after midnight. */
  opens_at_minute: number;
  closes_at_minute: number;
  is_closed_on_collective_leave: number;
  created_at: number;
}

/** A year whose holiday list has been loaded; its absence means "no data", never "no holidays". */
export interface HolidayYearTable {
  year: number;
  source: string | null;
  loaded_by: string | null;
  loaded_at: number;
}

export interface HolidayTable {
  /** `YYYY-MM-DD`; one entry per date. */
  date: string;
  year: number;
  name: string;
  /** `holiday` or `collective_leave`. */
  kind: string;
}

/** Per-type overrides of the shipped deadline rules (JSON of RequestTypeRules). */
export interface DeadlineRuleTable {
  request_type: string;
  rules: string;
  updated_by: string | null;
  updated_at: number;
}

// Business hours (migration 0007-business-hours).

/** A queue's business hours; a queue without a row is open 24/7. */
export interface QueueHoursTable {
  queue_id: string;
  /** IANA zone: Asia/Jakarta, Asia/Makassar or Asia/Jayapura. */
  time_zone: string;
  is_always_open: number;
  /** JSON WeeklyHours: `{mon: [{from: 'HH:MM', to: 'HH:MM'}], …, sun: []}`. */
  weekly: string;
  is_closed_on_holidays: number;
  is_closed_on_collective_leave: number;
  /** `message`, `voicemail` or `callback`. */
  after_hours_action: string;
  after_hours_message: string;
  updated_by: string | null;
  updated_at: number;
}

/** A citizen to call back when their queue opens, left by an after-hours contact. */
export interface CallbackRequestTable {
  id: string;
  contact_id: string;
  queue_id: string;
  citizen_id: string;
  /** The queue's next opening when the request was made; null if none was scheduled. */
  due_at: number | null;
  /** `open` or `done`. */
  status: string;
  created_at: number;
  done_by: string | null;
  done_at: number | null;
}

// Cases, clocks, hand-offs and the audit log (migration 0009-cases).

/** Which unit a user works in; unit staff see and answer the hand-offs to their unit. */
export interface UnitMemberTable {
  user_id: string;
  unit_id: string;
  /** The unit head: the last link of the breach escalation chain inside the unit. */
  is_head: number;
}

export interface CaseTable {
  id: string;
  reference: string;
  type: string;
  status: string;
  subject: string;
  /** JSON of Requester. */
  requester: string;
  confidentiality: string;
  /** JSON: the type's register fields at receipt. */
  details: string;
  /** JSON: register fields recorded by later steps (decision, reasons). */
  outcome: Generated<string>;
  channel: string | null;
  /** The unit whose calendar the clocks count on. */
  unit_id: string;
  owner_id: string;
  /** The unit the case is handed to (pending or acknowledged), if any. */
  with_unit_id: string | null;
  service_class: string | null;
  custom_working_days: number | null;
  received_at: number;
  is_breached: Generated<number>;
  breached_at: number | null;
  /** The last escalation step fired (-1: none). */
  escalation_step: Generated<number>;
  next_escalation_at: number | null;
  created_by: string;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
  version: Generated<number>;
}

export interface CaseContactTable {
  case_id: string;
  contact_id: string;
  linked_by: string;
  linked_at: number;
}

export interface CaseClockTable {
  id: string;
  case_id: string;
  clock: string;
  /** JSON of the ClockRule in force when the case opened. */
  rule: string;
  status: string;
  starts_at: number | null;
  legal_due_at: number | null;
  internal_due_at: number | null;
  original_legal_due_at: number | null;
  extensions_used: Generated<number>;
  extension_reason: string | null;
  paused_at: number | null;
  pause_reason: string | null;
  paused_total_ms: Generated<number>;
  met_at: number | null;
  breached_at: number | null;
  warned_level: Generated<number>;
  /** When the scanner looks again; null when nothing more can fire. */
  next_warning_at: number | null;
}

export interface CaseHandoffTable {
  id: string;
  case_id: string;
  unit_id: string;
  status: string;
  note: string;
  agreed_due_at: number;
  acknowledge_by: number;
  sent_by: string;
  sent_at: number;
  responded_by: string | null;
  responded_at: number | null;
  reason: string | null;
}

export interface CaseWarningTable {
  id: string;
  case_id: string;
  clock_id: string;
  level: number;
  basis: string;
  due_at: number;
  fired_at: number;
}

export interface CaseEscalationTable {
  id: string;
  case_id: string;
  step: number;
  target: string;
  fired_at: number;
}

/** Append-only; each row's hash covers its content and the previous row's hash. */
export interface AuditLogTable {
  seq: number;
  at: number;
  actor_id: string | null;
  case_id: string | null;
  action: string;
  /** JSON. */
  data: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface KnowledgeAnswerTable {
  id: string;
  topic: string;
  /** `units.id`: the unit answerable for the policy. */
  unit_id: string;
  created_at: number;
}

export interface KnowledgeVersionTable {
  id: string;
  answer_id: string;
  version: number;
  /** `draft`, `review`, `published`, `retired`. */
  status: string;
  title: string;
  body: string;
  summary: string;
  source_document: string;
  source_article: string | null;
  effective_from: number;
  /** Exclusive. */
  expires_at: number | null;
  author_id: string;
  reviewer_id: string | null;
  note: string | null;
  created_at: number;
  updated_at: number;
  published_at: number | null;
  retired_at: number | null;
}

/** SQLite only: the FTS5 index of `knowledge_versions`, kept in step by the knowledge service. */
export interface KnowledgeFtsTable {
  version_id: string;
  title: string;
  summary: string;
  body: string;
}

/** One per published version of an answer or script; see migration 0013. */
export interface PublicationNoticeTable {
  id: string;
  /** `answer` or `script`. */
  kind: string;
  item_id: string;
  version: number;
  title: string;
  topic: string;
  what_changed: string | null;
  published_at: number;
  published_by: string;
  must_read: number;
  must_read_by: string | null;
  must_read_at: number | null;
  revision: number;
}

export interface NoticeAcknowledgementTable {
  notice_id: string;
  agent_id: string;
  acknowledged_at: number;
}

/** The policy catalog (migration 0018): draft → published → retired. */
export interface PolicyTable {
  id: string;
  title: string;
  plain_summary: string;
  effective_from: number;
  unit_id: string;
  status: string;
  published_at: number | null;
  retired_at: number | null;
  internal_note: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export interface PolicyLinkTable {
  policy_id: string;
  /** `answer` or `script`. */
  kind: string;
  item_id: string;
  position: number;
}

export interface PolicyCampaignTable {
  id: string;
  policy_id: string;
  message: string;
  /** JSON arrays; empty means every. */
  segments: string;
  topics: string;
  channels: string;
  starts_at: number;
  ends_at: number | null;
  stopped_at: number | null;
  created_by: string;
  created_at: number;
}

/** One per contact and policy: the latest mark wins. */
export interface PolicyShareTable {
  contact_id: string;
  policy_id: string;
  campaign_id: string;
  agent_id: string;
  is_shared: number;
  method: string | null;
  reason: string | null;
  note: string | null;
  segment: string;
  channel: string;
  at: number;
}

export interface PolicyFeedbackTable {
  id: string;
  outcome_id: string;
  contact_id: string;
  policy_id: string;
  agent_id: string;
  understanding: string;
  question: string | null;
  tag: string | null;
  segment: string;
  channel: string;
  at: number;
}

export interface PolicyPublicQuestionTable {
  id: string;
  policy_id: string;
  text: string;
  answer_id: string | null;
  approved_by: string;
  approved_at: number;
}

export interface PolicyDigestTable {
  id: string;
  unit_id: string;
  week_start: string;
  generated_at: number;
  content: string;
}

/** Migration 0016. */
export interface WhisperTable {
  id: string;
  agent_id: string;
  contact_id: string;
  from_id: string;
  text: string;
  at: number;
}

export interface CoachingSettingsTable {
  id: number;
  /** JSON array of segment codes. */
  approval_segments: string;
  trainee_outcomes_need_review: number;
  updated_by: string | null;
  updated_at: number | null;
}

export interface TraineePlanTable {
  user_id: string;
  requires_approval: number;
  updated_by: string;
  updated_at: number;
}

export interface EvaluationFormTable {
  id: string;
  title: string;
  pass_percent: number;
  /** JSON: EvaluationSection[]. */
  sections: string;
  version: number;
  updated_by: string | null;
  updated_at: number;
  /** Migration 0019: an archived form is offered for no new evaluation. */
  archived_at: Generated<number | null>;
  archived_by: Generated<string | null>;
}

/** Migration 0019: every version of a form; evaluations name theirs by (form_id, form_version). */
export interface EvaluationFormVersionTable {
  form_id: string;
  version: number;
  title: string;
  pass_percent: number;
  /** JSON: EvaluationSection[]. */
  sections: string;
  saved_by: string | null;
  saved_at: number;
}

export interface EvaluationTable {
  id: string;
  form_id: string;
  form_version: number;
  form_title: string;
  contact_id: string;
  agent_id: string;
  evaluator_id: string;
  /** JSON: EvaluationAnswer[]. */
  answers: string;
  /** JSON: EvaluationScore. */
  score: string;
  comment: string;
  created_at: number;
  acknowledged_at: number | null;
  acknowledgement_note: string | null;
}

export interface TeamQueueTable {
  team_id: string;
  queue_id: string;
}

export interface QueueAlertThresholdTable {
  queue_id: string;
  max_waiting: number | null;
  max_wait_ms: number | null;
  updated_by: string | null;
  updated_at: number;
}

export interface LeadAlertTable {
  id: string;
  condition_key: string;
  open_key: string | null;
  kind: string;
  team_id: string | null;
  subject_id: string;
  subject_name: string;
  /** JSON of the alert's figures when raised. */
  detail: string;
  raised_at: number;
  cleared_at: number | null;
  acknowledged_by: string | null;
  acknowledged_at: number | null;
}

export interface AgentStatusChangeTable {
  id: string;
  agent_id: string;
  changed_by: string;
  from_presence: string;
  to_presence: string;
  reason: string;
  changed_at: number;
}

export interface EscalationTable {
  id: string;
  team_id: string | null;
  agent_id: string;
  contact_id: string | null;
  text: string;
  status: string;
  raised_at: number;
  answer: string | null;
  handled_by: string | null;
  handled_at: number | null;
  closed_at: number | null;
  version: Generated<number>;
}

export interface AnnouncementTable {
  id: string;
  team_id: string | null;
  text: string;
  author_id: string;
  published_at: number;
}

export interface AnnouncementAcknowledgementTable {
  announcement_id: string;
  agent_id: string;
  acknowledged_at: number;
}

export interface ClusterNodeTable {
  id: string;
  started_at: number;
  heartbeat_at: number;
  is_draining: number;
}

export interface AgentConnectionTable {
  node_id: string;
  user_id: string;
  sockets: number;
  updated_at: number;
}

export interface Database {
  teams: TeamTable;
  users: UserTable;
  sessions: SessionTable;
  segments: SegmentTable;
  topics: TopicTable;
  queues: QueueTable;
  queue_segments: QueueSegmentTable;
  agent_skills: AgentSkillTable;
  agent_states: AgentStateTable;
  centre_capacity: CentreCapacityTable;
  citizens: CitizenTable;
  citizen_addresses: CitizenAddressTable;
  profile_views: ProfileViewTable;
  citizen_name_terms: CitizenNameTermTable;
  contacts: ContactTable;
  messages: MessageTable;
  offers: OfferTable;
  outcomes: OutcomeTable;
  outcome_sources: OutcomeSourceTable;
  canned_responses: CannedResponseTable;
  follow_ups: FollowUpTable;
  wrapup_codes: WrapupCodeTable;
  scripts: ScriptTable;
  script_versions: ScriptVersionTable;
  conversation_scripts: ConversationScriptTable;
  contact_events: ContactEventTable;
  command_results: CommandResultTable;
  counters: CounterTable;
  meta: MetaTable;
  units: UnitTable;
  holiday_years: HolidayYearTable;
  holidays: HolidayTable;
  deadline_rules: DeadlineRuleTable;
  calls: CallTable;
  call_events: CallEventTable;
  queue_hours: QueueHoursTable;
  callback_requests: CallbackRequestTable;
  unit_members: UnitMemberTable;
  cases: CaseTable;
  case_contacts: CaseContactTable;
  case_clocks: CaseClockTable;
  case_handoffs: CaseHandoffTable;
  case_warnings: CaseWarningTable;
  case_escalations: CaseEscalationTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  knowledge_answers: KnowledgeAnswerTable;
  knowledge_versions: KnowledgeVersionTable;
  knowledge_fts: KnowledgeFtsTable;
  publication_notices: PublicationNoticeTable;
  notice_acknowledgements: NoticeAcknowledgementTable;
  policies: PolicyTable;
  policy_links: PolicyLinkTable;
  policy_campaigns: PolicyCampaignTable;
  policy_shares: PolicyShareTable;
  policy_feedback: PolicyFeedbackTable;
  policy_public_questions: PolicyPublicQuestionTable;
  policy_digests: PolicyDigestTable;
  whispers: WhisperTable;
  coaching_settings: CoachingSettingsTable;
  trainee_plans: TraineePlanTable;
  evaluation_forms: EvaluationFormTable;
  evaluation_form_versions: EvaluationFormVersionTable;
  evaluations: EvaluationTable;
  team_queues: TeamQueueTable;
  queue_alert_thresholds: QueueAlertThresholdTable;
  lead_alerts: LeadAlertTable;
  agent_status_changes: AgentStatusChangeTable;
  escalations: EscalationTable;
  announcements: AnnouncementTable;
  announcement_acknowledgements: AnnouncementAcknowledgementTable;
  cluster_nodes: ClusterNodeTable;
  agent_connections: AgentConnectionTable;
}
