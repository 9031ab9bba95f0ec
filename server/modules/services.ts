import type { PresenceService } from './agents/service';
import type { AuthService } from './auth/service';
import type { CampaignService } from './campaigns/service';
import type { CapacityService } from './capacity/service';
import type { CaseService } from './cases/service';
import type { CoachingService } from './coaching/service';
import type { EvaluationService } from './evaluations/service';
import type { ClusterService } from './cluster/service';
import type { ServiceContext } from './context';
import type { InboundService } from './inbound/service';
import type { MessagingService } from './messaging/service';
import type { OutcomeService } from './outcomes/service';
import type { PolicyReportService } from './reports/service';
import type { QueueMetricsService } from './queue-state/metrics-service';
import type { QueueStateService } from './queue-state/service';
import type { RoutingService } from './routing/service';
import type { ScriptEditorService } from './scripts/editor-service';
import type { ScriptService } from './scripts/service';
import type { SupervisionService } from './supervision/service';
import type { TeamLeadService } from './team-lead/service';
import type { TransferService } from './transfers/service';
import type { VoiceService } from './voice/service';

export interface Services {
  ctx: ServiceContext;
  auth: AuthService;
  capacity: CapacityService;
  inbound: InboundService;
  messaging: MessagingService;
  routing: RoutingService;
  scripts: ScriptService;
  /** Drafting and publishing scripts; `onPublished` tells other modules of a publication. */
  scriptEditor: ScriptEditorService;
  presence: PresenceService;
  outcomes: OutcomeService;
  supervision: SupervisionService;
  transfers: TransferService;
  queueState: QueueStateService;
  queueMetrics: QueueMetricsService;
  voice: VoiceService;
  cases: CaseService;
  /** Policy campaigns: desk prompts and share marks (docs/policies.md). */
  campaigns: CampaignService;
  policyReports: PolicyReportService;
  coaching: CoachingService;
  evaluations: EvaluationService;
  /** Team boundary actions: forced status, alerts, escalations, announcements. */
  teamLead: TeamLeadService;
  /** This node among the others: heartbeat, agents' sockets, dead-node clean-up. */
  cluster: ClusterService;
}
