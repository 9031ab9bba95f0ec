import { http, HttpResponse } from 'msw';
import type {
  CoachingSettings,
  PendingApproval,
  TraineePlan,
  Whisper,
} from '../../shared/schemas/coaching';
import type { Evaluation } from '../../shared/schemas/evaluation';
import { DEFAULT_EVALUATION_FORM } from '../../server/store/migrations/0016-coaching';

const T0 = Date.UTC(2026, 2, 12, 2, 0, 0);

export function aPendingApproval(overrides: Partial<PendingApproval> = {}): PendingApproval {
  return {
    messageId: 'm-held-1',
    contactId: 'c-1',
    reference: 'TGP-20260312-00001',
    segment: 'public',
    agentId: 'u-trainee',
    agentName: 'Dewi Lestari',
    isTrainee: true,
    text: 'Bisa diurus besok di kantor.',
    at: T0,
    because: 'trainee',
    ...overrides,
  };
}

export function aWhisper(overrides: Partial<Whisper> = {}): Whisper {
  return {
    id: 'w-1',
    agentId: 'u-trainee',
    contactId: 'c-1',
    text: 'Tanyakan nomor KK-nya dulu.',
    fromId: 'u-trainer',
    fromName: 'Maria Simanjuntak',
    at: T0 + 60_000,
    ...overrides,
  };
}

const coaching: {
  approvals: PendingApproval[];
  whispers: Whisper[];
  plan: TraineePlan & { updatedAt: number | null; updatedByName: string | null };
  evaluations: Evaluation[];
  settings: CoachingSettings;
} = {
  approvals: [aPendingApproval()],
  whispers: [aWhisper()],
  plan: initialPlan(),
  evaluations: [],
  settings: initialSettings(),
};

function initialPlan() {
  return {
    chatCap: 1,
    emailCap: 2,
    topics: ['bansos'],
    requiresApproval: true,
    updatedAt: null,
    updatedByName: null,
  };
}

export function resetCoachingMocks(): void {
  coaching.approvals = [aPendingApproval()];
  coaching.whispers = [aWhisper()];
  coaching.plan = initialPlan();
  coaching.evaluations = [];
  coaching.settings = initialSettings();
}

function initialSettings(): CoachingSettings {
  return { approvalSegments: ['media'], traineeOutcomesNeedReview: false };
}

export const coachingHandlers = [
  http.get('*/api/coaching/settings', () => HttpResponse.json(coaching.settings)),
  http.put('*/api/coaching/settings', async ({ request }) => {
    coaching.settings = (await request.json()) as CoachingSettings;
    return HttpResponse.json(coaching.settings);
  }),
  http.get('*/api/coaching/approvals', () => HttpResponse.json({ approvals: coaching.approvals })),
  http.get('*/api/contacts/:contactId/whispers', ({ params }) =>
    HttpResponse.json({
      whispers: coaching.whispers.filter((whisper) => whisper.contactId === params.contactId),
    }),
  ),
  http.get('*/api/trainer/trainees/:agentId/plan', ({ params }) =>
    HttpResponse.json({ agentId: params.agentId, ...coaching.plan }),
  ),
  http.put('*/api/trainer/trainees/:agentId/plan', async ({ params, request }) => {
    coaching.plan = {
      ...((await request.json()) as TraineePlan),
      updatedAt: T0,
      updatedByName: 'Maria Simanjuntak',
    };
    return HttpResponse.json({ agentId: params.agentId, ...coaching.plan });
  }),
  http.get('*/api/evaluation-forms', () =>
    HttpResponse.json({
      forms: [
        {
          id: DEFAULT_EVALUATION_FORM.id,
          title: DEFAULT_EVALUATION_FORM.title,
          passPercent: DEFAULT_EVALUATION_FORM.passPercent,
          sections: DEFAULT_EVALUATION_FORM.sections,
          version: 1,
          updatedAt: T0,
        },
      ],
    }),
  ),
  http.get('*/api/evaluations', () => HttpResponse.json({ evaluations: coaching.evaluations })),
];
