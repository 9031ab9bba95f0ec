/**
 * Builders of contract-shaped data for tests (client tests and the msw handlers in test/mocks).
 * Never imported by product code.
 */
import type { AgentView } from '../../shared/schemas/agent';
import type { ContactSummary, ConversationDetail } from '../../shared/schemas/contact';
import type { Offer } from '../../shared/schemas/offer';
import type { OutcomeRecord } from '../../shared/schemas/outcome';
import type { QueueRouting, QueueRoutingSettings } from '../../shared/schemas/queue-routing';
import type { QueueState, QueueStateChange } from '../../shared/schemas/queue-state';
import type { ReferenceData } from '../../shared/schemas/reference-data';
import type { User } from '../../shared/schemas/user';

export const T0 = Date.UTC(2026, 2, 12, 2, 0, 0);

export function aUser(overrides: Partial<User> = {}): User {
  return {
    id: 'u-agent1',
    username: 'agent1',
    displayName: 'Sari Agen',
    role: 'agent',
    isTrainee: false,
    teamId: 'team-1',
    ...overrides,
  };
}

export function anAgentView(overrides: Partial<AgentView> = {}): AgentView {
  return {
    id: 'u-agent1',
    displayName: 'Sari Agen',
    isTrainee: false,
    teamId: 'team-1',
    status: 'available',
    statusSince: T0,
    statusUntil: null,
    activeContactIds: [],
    capacity: { voice: 1, chat: 3, email: 5 },
    load: { voice: 0, chat: 0, email: 0 },
    skills: [{ topic: 'bansos', level: 3 }],
    version: 1,
    ...overrides,
    // The chosen presence follows the status unless a test sets it (on contact: Available).
    presence:
      overrides.presence ??
      (overrides.status === undefined || overrides.status === 'on_contact'
        ? 'available'
        : overrides.status),
  };
}

export function aContact(overrides: Partial<ContactSummary> = {}): ContactSummary {
  return {
    id: 'c-1',
    reference: 'TGP-0001',
    channel: 'whatsapp',
    topic: 'bansos',
    queueId: 'q-bansos',
    segment: 'public',
    citizenName: 'Budi Santoso',
    preview: 'Bagaimana cara mendaftar bansos?',
    status: 'waiting',
    arrivedAt: T0,
    assignedAgentId: null,
    assignedAgentName: null,
    acceptedAt: null,
    closedAt: null,
    version: 1,
    ...overrides,
  };
}

export function anOffer(overrides: Partial<Offer> = {}): Offer {
  const contact = overrides.contact ?? aContact({ status: 'offered' });
  return {
    id: 'o-1',
    agentId: 'u-agent1',
    createdAt: T0,
    expiresAt: T0 + 20_000,
    transfer: null,
    ...overrides,
    contact,
  };
}

export function aConversation(contact: Partial<ContactSummary> = {}): ConversationDetail {
  const summary = aContact({
    status: 'active',
    assignedAgentId: 'u-agent1',
    assignedAgentName: 'Sari Agen',
    acceptedAt: T0 + 5_000,
    version: 3,
    ...contact,
  });
  return {
    contact: summary,
    messages: [
      {
        id: 'm-1',
        direction: 'inbound',
        text: summary.preview,
        at: summary.arrivedAt,
        deliveryStatus: null,
        failureReason: null,
        authorName: null,
      },
      {
        id: 'm-2',
        direction: 'system',
        text: 'Percakapan diterima agen.',
        at: T0 + 5_000,
        deliveryStatus: null,
        failureReason: null,
        authorName: null,
      },
    ],
    caller: {
      citizenId: 'cz-1',
      name: summary.citizenName,
      address: '+62 812 0000 1111',
      segment: summary.segment,
      isSegmentVerified: false,
      organisation: null,
      nikMasked: null,
      previousContacts: [
        {
          id: 'c-old',
          reference: 'TGP-0000',
          channel: 'voice',
          topic: 'bansos',
          arrivedAt: T0 - 86_400_000,
          status: 'closed',
          agentName: 'Dewi',
          outcome: {
            wrapupCode: 'answered',
            notes: 'Dijelaskan syarat.',
            createdAt: T0 - 86_000_000,
          },
        },
      ],
    },
    script: {
      id: 's-1',
      topic: 'bansos',
      title: 'Pertanyaan bansos',
      version: 1,
      steps: [
        {
          id: 'st-1',
          title: 'Sapa',
          text: `Selamat pagi Bapak ${summary.citizenName}.`,
          isPlain: false,
          isRequired: false,
          options: [],
        },
        {
          id: 'st-2',
          title: 'Sudah terdaftar?',
          text: 'Apakah sudah terdaftar di DTKS?',
          isPlain: false,
          isRequired: false,
          options: [
            { id: 'sudah', label: 'Sudah terdaftar' },
            { id: 'belum', label: 'Belum terdaftar' },
          ],
        },
        {
          id: 'st-3',
          title: 'Referensi',
          text: `Nomor referensi Anda ${summary.reference}.`,
          isPlain: false,
          isRequired: true,
          options: [],
        },
      ],
      state: {
        contactId: summary.id,
        progress: { path: [{ stepId: 'st-1', optionId: null }], isFinished: false },
        pendingRequired: ['st-3'],
        revision: 0,
      },
    },
  };
}

export function anOutcomeRecord(
  overrides: {
    id?: string;
    agentId?: string;
    createdAt?: number;
    contact?: Partial<ContactSummary>;
  } = {},
): OutcomeRecord {
  const createdAt = overrides.createdAt ?? T0 + 60_000;
  const contact = aContact({
    status: 'closed',
    closedAt: createdAt,
    assignedAgentId: overrides.agentId ?? 'u-agent1',
    assignedAgentName: 'Sari Agen',
    version: 5,
    ...overrides.contact,
  });
  return {
    outcome: {
      id: overrides.id ?? 'out-1',
      contactId: contact.id,
      agentId: overrides.agentId ?? 'u-agent1',
      wrapupCode: 'answered',
      notes: 'Dijelaskan cara mendaftar.',
      createdAt,
    },
    followUp: null,
    contact,
    agentName: 'Sari Agen',
  };
}

export function aQueueState(overrides: Partial<QueueState> = {}): QueueState {
  return {
    stream: 'node-a',
    scope: 'all',
    version: 1,
    at: T0,
    queues: [
      {
        queueId: 'q-bansos',
        waiting: 2,
        oldestArrivedAt: T0 - 200_000,
        isOpen: true,
        opensAt: null,
        closesAt: null,
        timeZone: 'Asia/Jakarta',
      },
    ],
    agentsByStatus: {
      available: 2,
      away: 0,
      on_contact: 1,
      after_contact_work: 0,
      break: 0,
      training: 0,
      offline: 1,
      not_responding: 0,
    },
    ...overrides,
  };
}

/** A pushed queue-state change: the whole view unless `since` says what it builds on. */
export function aQueueStateChange(overrides: Partial<QueueStateChange> = {}): QueueStateChange {
  return { ...aQueueState(), since: null, ...overrides };
}

export function referenceData(): ReferenceData {
  return {
    segments: [
      { code: 'official', priority: 5, targetAnswerMs: 30_000 },
      { code: 'media', priority: 4, targetAnswerMs: 60_000 },
      { code: 'public', priority: 1, targetAnswerMs: 300_000 },
    ],
    queues: [{ id: 'q-bansos', name: 'Bantuan sosial', topic: 'bansos', channels: ['whatsapp'] }],
    topics: [
      { code: 'bansos', labelId: 'Bantuan sosial', labelEn: 'Social assistance' },
      { code: 'umum', labelId: 'Informasi umum', labelEn: 'General information' },
    ],
    wrapupCodes: [
      { code: 'answered', labelId: 'Terjawab', labelEn: 'Answered', needsFollowUp: false },
      {
        code: 'escalated',
        labelId: 'Perlu tindak lanjut',
        labelEn: 'Needs follow-up',
        needsFollowUp: true,
      },
    ],
    staff: [
      { id: 'u-agent1', displayName: 'Sari Agen', role: 'agent', isTrainee: false },
      { id: 'u-agent2', displayName: 'Joko Agen', role: 'agent', isTrainee: false },
      { id: 'u-lead1', displayName: 'Rina Lead', role: 'lead', isTrainee: false },
    ],
  };
}

const SEGMENT_DEFAULTS = [
  { segment: 'official', priority: 5, targetAnswerMs: 30_000 },
  { segment: 'media', priority: 4, targetAnswerMs: 45_000 },
  { segment: 'observer', priority: 3, targetAnswerMs: 90_000 },
  { segment: 'academia', priority: 3, targetAnswerMs: 120_000 },
  { segment: 'public', priority: 2, targetAnswerMs: 120_000 },
] as const;

/** A queue's routing as the server answers it: defaults unless `settings` sets segments. */
export function aQueueRouting(
  queueId = 'q-bansos',
  settings: QueueRoutingSettings = {
    afterContactWorkMs: 30_000,
    overflowAfterMs: 120_000,
    overflowTopics: ['umum'],
    segments: [],
  },
): QueueRouting {
  return {
    queueId,
    ...settings,
    effective: SEGMENT_DEFAULTS.map((fallback) => {
      const own = settings.segments.find((s) => s.segment === fallback.segment);
      return { ...(own ?? fallback), isQueueSetting: own !== undefined };
    }),
  };
}
