/**
 * msw handlers for the team lead's reads (commands go over the socket, mocked in each test): one
 * open queue alert, one open escalation from Rina, one announcement read by nobody yet; on the
 * desk, one announcement to acknowledge and no escalation.
 */
import { http, HttpResponse } from 'msw';
import type {
  Announcement,
  AnnouncementReadership,
  Escalation,
  LeadAlert,
  LeadOverview,
} from '../../shared/schemas/team-lead';
import { aLeadAlert, anAnnouncement, anEscalation } from '../../client/testing/team-lead-fixtures';

interface TeamLeadMockState {
  alerts: LeadAlert[];
  escalations: Escalation[];
  readership: AnnouncementReadership[];
  desk: (Announcement & { acknowledgedAt: number | null })[];
}

function initialState(): TeamLeadMockState {
  return {
    alerts: [aLeadAlert()],
    escalations: [anEscalation()],
    readership: [
      {
        ...anAnnouncement(),
        readers: [
          { agentId: 'u-agent1', displayName: 'Rina Wulandari', acknowledgedAt: null },
          { agentId: 'u-agent2', displayName: 'Budi Santoso', acknowledgedAt: null },
        ],
      },
    ],
    desk: [{ ...anAnnouncement(), acknowledgedAt: null }],
  };
}

let state = initialState();

export function resetTeamLeadMocks(): void {
  state = initialState();
}

const overview: LeadOverview = {
  teams: [{ id: 'team-1', name: 'Tim Layanan 1', queueIds: ['q-bansos'] }],
  thresholds: [
    {
      queueId: 'q-bansos',
      maxWaiting: 5,
      maxWaitMs: 180_000,
      updatedByName: null,
      updatedAt: null,
    },
  ],
  nearingBreach: [],
};

export const teamLeadHandlers = [
  http.get('*/api/lead/overview', () => HttpResponse.json(overview)),
  http.get('*/api/lead/alerts', () => HttpResponse.json({ alerts: state.alerts })),
  http.get('*/api/lead/escalations', () => HttpResponse.json({ escalations: state.escalations })),
  http.get('*/api/lead/announcements', () =>
    HttpResponse.json({ announcements: state.readership }),
  ),
  http.get('*/api/desk/announcements', () => HttpResponse.json({ announcements: state.desk })),
  http.get('*/api/desk/escalations', () => HttpResponse.json({ escalations: [] })),
  http.get('*/api/desk/status-change', () => HttpResponse.json({ change: null })),
];
