/**
 * msw handlers for client tests. They follow shared/protocol/http.ts and pick a scenario from
 * the request itself, so tests steer them by what they type instead of reaching into the server:
 *
 * - login with a demo user (`agent1`, `trainee1`, `lead1`, `trainer1`, `admin`) and `demo1234`
 *   succeeds; username `flood` is rate limited (429); username `offline` fails at the network;
 *   anything else is refused (401).
 * - `GET /api/me` answers the signed-in user, or 401 before login.
 * - `GET /api/contacts/:id`: `c-1` is a conversation, `malformed` breaks the schema, `explode`
 *   is a 500 without a JSON body, anything else is a 404 with an error body.
 * - `GET /api/queues/:id/hours`: office hours with a callback after hours, for any queue; `PUT`
 *   answers the body as saved.
 * - `GET /api/queues/:id/routing`: defaults for every segment, 30 s wrap-up, overflow to `umum`
 *   after 2 minutes; `PUT` answers the body as saved, with the effective segments recomputed.
 * - `POST /api/citizens/:id/reveal-nik` answers the NIK `3171234567890123`.
 * - `GET /api/knowledge/search?q=` finds the two fixture answers whose title, summary or body
 *   holds every word of `q` (case-insensitive); `q=rusak` fails with a 500.
 * - `/api/scripts…`: the script editor over an in-memory store (script-handlers.ts).
 * - `GET /api/callbacks` lists one open request (`cb-1`) until `POST /api/callbacks/cb-1/done`;
 *   any other id is a 404.
 */
import { http, HttpResponse } from 'msw';
import type { QueueRoutingSettings } from '../../shared/schemas/queue-routing';
import type { LoginBody, User } from '../../shared/schemas/user';
import {
  aConversation,
  anAgentView,
  anOutcomeRecord,
  aQueueRouting,
  aQueueState,
  aUser,
  referenceData,
} from '../../client/testing/fixtures';
import { aCallbackRequest, aQueueHours } from '../../client/testing/hours-fixtures';
import { aQueueMetricsState } from '../../client/testing/metrics-fixtures';
import {
  aCaseBoard,
  aCaseDetail,
  aCaseSummary,
  aPendingHandOffCase,
} from '../../client/testing/case-fixtures';
import type { KnowledgeHit } from '../../shared/schemas/knowledge';
import { resetScriptMocks, scriptHandlers } from './script-handlers';

const knowledgeHits: KnowledgeHit[] = [
  {
    answerId: 'kb-jkn-reaktivasi',
    version: 2,
    topic: 'kesehatan',
    title: 'Mengaktifkan kembali KIS atau kartu JKN yang nonaktif',
    summary: 'Minta rekomendasi dinas sosial, lalu bawa ke BPJS Kesehatan.',
    source: 'Permensos 21/2019 Pasal 18',
    snippet: '«KIS» «nonaktif» dapat diaktifkan kembali',
    body: 'KIS PBI yang nonaktif dapat diaktifkan kembali melalui dinas sosial.',
  },
  {
    answerId: 'kb-jkn-denda',
    version: 1,
    topic: 'kesehatan',
    title: 'Denda pelayanan JKN setelah menunggak iuran',
    summary: 'Rawat inap dalam 45 hari setelah aktif kembali kena denda.',
    source: 'Perpres 64/2020 Pasal 42',
    snippet: 'kartu «KIS» aktif kembali',
    body: 'Denda pelayanan 5 persen berlaku untuk rawat inap KIS dalam 45 hari.',
  },
];

const demoUsers: Record<string, User> = {
  agent1: aUser(),
  trainee1: aUser({
    id: 'u-trainee1',
    username: 'trainee1',
    displayName: 'Tono Trainee',
    isTrainee: true,
  }),
  lead1: aUser({ id: 'u-lead1', username: 'lead1', displayName: 'Rina Lead', role: 'lead' }),
  trainer1: aUser({
    id: 'u-trainer1',
    username: 'trainer1',
    displayName: 'Bambang Pelatih',
    role: 'trainer',
  }),
  admin: aUser({ id: 'u-admin', username: 'admin', displayName: 'Admin', role: 'admin' }),
};

const state: { user: User | null; isCallbackDone: boolean } = {
  user: null,
  isCallbackDone: false,
};

export function resetMockState(): void {
  state.user = null;
  state.isCallbackDone = false;
  resetScriptMocks();
}

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

export const handlers = [
  http.post('*/api/auth/login', async ({ request }) => {
    const body = (await request.json()) as LoginBody;
    if (body.username === 'offline') return HttpResponse.error();
    if (body.username === 'flood') {
      return HttpResponse.json(errorBody('rate_limited', 'too many attempts'), { status: 429 });
    }
    const user = demoUsers[body.username];
    if (user !== undefined && body.password === 'demo1234') {
      state.user = user;
      return HttpResponse.json({ user });
    }
    return HttpResponse.json(errorBody('unauthenticated', 'invalid credentials'), {
      status: 401,
    });
  }),
  http.post('*/api/auth/logout', () => {
    state.user = null;
    return HttpResponse.json({ ok: true });
  }),
  http.get('*/api/me', () =>
    state.user !== null
      ? HttpResponse.json({ user: state.user })
      : HttpResponse.json(errorBody('unauthenticated', 'no session'), { status: 401 }),
  ),
  http.get('*/api/reference', () => HttpResponse.json(referenceData())),
  http.get('*/api/queue-state', () => HttpResponse.json(aQueueState())),
  http.get('*/api/queue-metrics', () =>
    HttpResponse.json(aQueueMetricsState({ forAgent: state.user?.role === 'agent' })),
  ),
  http.get('*/api/desk', () =>
    HttpResponse.json({
      agent: anAgentView(),
      offers: [],
      conversations: [],
      recentOutcomes: [anOutcomeRecord()],
    }),
  ),
  http.get('*/api/supervision/board', () =>
    HttpResponse.json({
      agents: [anAgentView(), anAgentView({ id: 'u-agent2', displayName: 'Joko Agen' })],
      conversations: [],
      recentOutcomes: [anOutcomeRecord()],
    }),
  ),
  http.get('*/api/trainer/trainees', () =>
    HttpResponse.json({
      trainees: [anAgentView({ id: 'u-trainee1', displayName: 'Tono Trainee', isTrainee: true })],
    }),
  ),
  http.get('*/api/queues/:id/hours', ({ params }) =>
    HttpResponse.json(aQueueHours({ queueId: String(params.id) })),
  ),
  http.put('*/api/queues/:id/hours', async ({ params, request }) =>
    HttpResponse.json({
      ...aQueueHours(),
      ...((await request.json()) as object),
      queueId: String(params.id),
      updatedAt: Date.now(),
      updatedBy: 'Admin',
    }),
  ),
  http.get('*/api/queues/:id/routing', ({ params }) =>
    HttpResponse.json(aQueueRouting(String(params.id))),
  ),
  http.put('*/api/queues/:id/routing', async ({ params, request }) => {
    const body = (await request.json()) as QueueRoutingSettings;
    return HttpResponse.json(aQueueRouting(String(params.id), body));
  }),
  http.post('*/api/citizens/:id/reveal-nik', () => HttpResponse.json({ nik: '3171234567890123' })),
  http.get('*/api/knowledge/search', ({ request }) => {
    const q = new URL(request.url).searchParams.get('q') ?? '';
    if (q === 'rusak') return new HttpResponse('boom', { status: 500 });
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    const hits = knowledgeHits.filter((hit) =>
      words.every((word) => `${hit.title} ${hit.summary} ${hit.body}`.toLowerCase().includes(word)),
    );
    return HttpResponse.json({ hits });
  }),
  ...scriptHandlers(() => state.user?.role),
  http.get('*/api/callbacks', () =>
    HttpResponse.json({ callbacks: state.isCallbackDone ? [] : [aCallbackRequest()] }),
  ),
  http.post('*/api/callbacks/:id/done', ({ params }) => {
    if (params.id !== 'cb-1') {
      return HttpResponse.json(errorBody('not_found', 'no such request'), { status: 404 });
    }
    state.isCallbackDone = true;
    return HttpResponse.json(
      aCallbackRequest({ status: 'done', doneAt: Date.now(), doneByName: 'Rina Lead' }),
    );
  }),
  // Cases. Board by scope: `all` three cases (breached, amber, green), `unit` one case with a
  // pending hand-off, `mine` none. Contact `c-with-case` has one case, others none. Case
  // `case-pending-handoff` is with a unit awaiting acknowledgement; any other id is a fresh one.
  http.get('*/api/cases', ({ request }) => {
    const scope = new URL(request.url).searchParams.get('scope');
    if (scope === 'all') return HttpResponse.json({ cases: aCaseBoard() });
    if (scope === 'unit') return HttpResponse.json({ cases: [aPendingHandOffCase().case] });
    return HttpResponse.json({ cases: [] });
  }),
  http.get('*/api/contacts/:contactId/cases', ({ params }) =>
    HttpResponse.json({ cases: params.contactId === 'c-with-case' ? [aCaseSummary()] : [] }),
  ),
  http.get('*/api/cases/:caseId', ({ params }) =>
    HttpResponse.json(
      params.caseId === 'case-pending-handoff' ? aPendingHandOffCase() : aCaseDetail(),
    ),
  ),
  http.get('*/api/units', () =>
    HttpResponse.json({
      units: [
        {
          id: 'pusat-kontak',
          name: 'Pusat Kontak',
          timeZone: 'Asia/Jakarta',
          workingWeekdays: [1, 2, 3, 4, 5],
          officeHours: { opensAt: '07:30', closesAt: '16:00' },
          isClosedOnCollectiveLeave: false,
        },
        {
          id: 'kanwil-sulsel',
          name: 'Kantor Wilayah Sulawesi Selatan',
          timeZone: 'Asia/Makassar',
          workingWeekdays: [1, 2, 3, 4, 5],
          officeHours: { opensAt: '07:30', closesAt: '16:00' },
          isClosedOnCollectiveLeave: true,
        },
      ],
    }),
  ),
  http.get('*/api/contacts/:contactId', ({ params }) => {
    const { contactId } = params;
    if (contactId === 'c-1') return HttpResponse.json(aConversation());
    if (contactId === 'malformed') return HttpResponse.json({ contact: { id: 'c-1' } });
    if (contactId === 'explode') return new HttpResponse('boom', { status: 500 });
    return HttpResponse.json(errorBody('not_found', 'no such contact'), { status: 404 });
  }),
];
