import { http, HttpResponse } from 'msw';
import type {
  CoachingSettings,
  PendingApproval,
  TraineePlan,
  Whisper,
} from '../../shared/schemas/coaching';
import { decideFormSave } from '../../shared/domain/evaluation-form-versions';
import type {
  ConversationHandler,
  Evaluation,
  EvaluationForm,
  EvaluationFormBody,
} from '../../shared/schemas/evaluation';
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
  forms: EvaluationForm[];
  handlers: ConversationHandler[];
} = {
  approvals: [aPendingApproval()],
  whispers: [aWhisper()],
  plan: initialPlan(),
  evaluations: [],
  settings: initialSettings(),
  forms: initialForms(),
  handlers: initialHandlers(),
};

function initialForms(): EvaluationForm[] {
  return [
    {
      id: DEFAULT_EVALUATION_FORM.id,
      title: DEFAULT_EVALUATION_FORM.title,
      passPercent: DEFAULT_EVALUATION_FORM.passPercent,
      sections: DEFAULT_EVALUATION_FORM.sections.map((section) => ({
        ...section,
        questions: section.questions.map((question) => ({ ...question })),
      })),
      version: 1,
      currentVersionEvaluations: 3,
      isArchived: false,
      updatedAt: T0,
    },
  ];
}

/** A conversation a trainee took and a lead moved to a regular agent. */
function initialHandlers(): ConversationHandler[] {
  return [
    { agentId: 'u-trainee', name: 'Dewi Lestari', isTrainee: true, mayEvaluate: true },
    { agentId: 'u-agent', name: 'Budi Santoso', isTrainee: false, mayEvaluate: false },
  ];
}

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
  coaching.forms = initialForms();
  coaching.handlers = initialHandlers();
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
  http.get('*/api/evaluation-forms', () => HttpResponse.json({ forms: coaching.forms })),
  // The same versioning rule as the server, so the editor's "new version" notice can be seen.
  http.put('*/api/evaluation-forms/:id', async ({ params, request }) => {
    const body = (await request.json()) as EvaluationFormBody;
    const current = coaching.forms.find((form) => form.id === params.id);
    const decision = decideFormSave(
      current
        ? {
            version: current.version,
            body: current,
            evaluations: current.currentVersionEvaluations,
          }
        : null,
      body,
    );
    const saved: EvaluationForm = {
      id: String(params.id),
      ...body,
      version: decision.version,
      currentVersionEvaluations:
        decision.kind === 'new-version' || decision.kind === 'create'
          ? 0
          : (current?.currentVersionEvaluations ?? 0),
      isArchived: current?.isArchived ?? false,
      updatedAt: T0 + 3_600_000,
    };
    coaching.forms = [...coaching.forms.filter((form) => form.id !== saved.id), saved];
    return HttpResponse.json(saved);
  }),
  http.put('*/api/evaluation-forms/:id/archived', async ({ params, request }) => {
    const { isArchived } = (await request.json()) as { isArchived: boolean };
    const current = coaching.forms.find((form) => form.id === params.id);
    if (!current) {
      return HttpResponse.json({ error: { code: 'not_found', message: 'x' } }, { status: 404 });
    }
    const saved = { ...current, isArchived };
    coaching.forms = coaching.forms.map((form) => (form.id === saved.id ? saved : form));
    return HttpResponse.json(saved);
  }),
  http.get('*/api/agents/:agentId/handled-conversations', () =>
    HttpResponse.json({
      conversations: [
        { contactId: 'c-9', reference: 'TGP-20260311-00042', takenAt: T0 - 86_400_000 },
      ],
    }),
  ),
  http.get('*/api/contacts/:contactId/handlers', () =>
    HttpResponse.json({ handlers: coaching.handlers }),
  ),
  http.get('*/api/evaluations', () => HttpResponse.json({ evaluations: coaching.evaluations })),
];
