/** Team lead fixtures shared by client tests and the msw handlers. */
import type { Announcement, Escalation, LeadAlert } from '../../shared/schemas/team-lead';

const AT = Date.UTC(2026, 10, 28, 2, 0);

export function aLeadAlert(overrides: Partial<LeadAlert> = {}): LeadAlert {
  return {
    id: 'alert-1',
    kind: 'queue_over_threshold',
    teamId: 'team-1',
    subjectId: 'q-bansos',
    subjectName: 'Bansos · Digital',
    detail: { waiting: 7, longestWaitMs: 200_000, maxWaiting: 5, maxWaitMs: 180_000 },
    raisedAt: AT,
    clearedAt: null,
    acknowledgedAt: null,
    acknowledgedByName: null,
    ...overrides,
  };
}

export function anEscalation(overrides: Partial<Escalation> = {}): Escalation {
  return {
    id: 'esc-1',
    teamId: 'team-1',
    agentId: 'u-agent1',
    agentName: 'Rina Wulandari',
    contactId: 'c-1',
    contactReference: 'TGP-20261128-00001',
    text: 'Penelepon mengancam melapor ke media',
    status: 'open',
    raisedAt: AT,
    answer: null,
    handledByName: null,
    handledAt: null,
    closedAt: null,
    version: 0,
    ...overrides,
  };
}

export function anAnnouncement(overrides: Partial<Announcement> = {}): Announcement {
  return {
    id: 'ann-1',
    teamId: 'team-1',
    teamName: 'Tim Layanan 1',
    text: 'Mulai pukul 13.00 antrean Bansos dibantu dua petugas tambahan.',
    authorName: 'Agus Prasetyo',
    publishedAt: AT,
    ...overrides,
  };
}
