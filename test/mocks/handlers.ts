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
 * - `GET /api/knowledge/search?q=` finds the three fixture answers whose title, summary or body
 * - `POST /api/citizens/:id/reveal-nik` answers the NIK `3171234567890123`; the citizens of
 *   `citizen-handlers.ts` (searched, read, changed, merged, with an access log) come first.
 * - `GET /api/knowledge/search?q=` finds the two fixture answers whose title, summary or body
 *   holds every word of `q` (case-insensitive); `q=rusak` fails with a 500.
 * - `GET /api/canned-responses` lists the four fixture responses (client/testing/reply-tools-fixtures);
 *   `POST` answers the body as saved, except code `salam` (taken: 409 naming `body.code`).
 * - `/api/scripts…`: the script editor over an in-memory store (script-handlers.ts).
 * - `GET /api/callbacks` lists one open request (`cb-1`) until `POST /api/callbacks/cb-1/done`;
 *   any other id is a 404.
 * - Knowledge authoring works on the three answers of `knowledgeAnswers()` (kept until the test
 *   ends): `GET /api/knowledge` filters them by status, topic, unit and words; drafts save,
 *   versions move through the workflow, and publishing your own version is a 403. Creating an
 *   answer whose source document is `Perda 99/2099` is refused with a 400 naming
 *   `body.sourceDocument`.
 * - `GET /api/notices/mine` holds a must-read notice (`n-must`) and an ordinary one (`n-info`);
 *   `POST /api/notices/:id/acknowledge` records it (once). `GET /api/notices/readership` holds one
 *   must-read notice read by nobody yet; `PUT /api/notices/:id/must-read` answers it changed.
 */
import { coachingHandlers, resetCoachingMocks } from './coaching-handlers';
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
import { aCannedResponse, cannedResponses } from '../../client/testing/reply-tools-fixtures';
import type { CannedResponseBody } from '../../shared/schemas/canned-response';
import type { AnswerStatus } from '../../shared/domain/knowledge';
import type { AnswerDetail, KnowledgeHit, VersionBody } from '../../shared/schemas/knowledge';
import type { MyNotice, MustReadBody } from '../../shared/schemas/publication';
import {
  aNotice,
  aReadership,
  aVersion,
  knowledgeAnswers,
} from '../../client/testing/knowledge-fixtures';
import { citizenHandlers, resetCitizenMockState } from './citizen-handlers';
import { policyHandlers } from './policy-handlers';
import { resetScriptMocks, scriptHandlers } from './script-handlers';
import { resetTeamLeadMocks, teamLeadHandlers } from './team-lead-handlers';

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
  {
    answerId: 'kb-pkh-cair',
    version: 4,
    topic: 'bansos',
    title: 'Jadwal pencairan PKH',
    summary: 'Bantuan PKH dicairkan per tahap.',
    source: 'Permensos 1/2018 Pasal 5',
    snippet: '«PKH» «cair»',
    // A variable only the agent knows: the desk asks for it before inserting.
    body: 'Yth. {caller.name}, bantuan PKH Anda cair pada {tanggal.cair}.',
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

function deskNotices(): MyNotice[] {
  return [
    aNotice({
      id: 'n-must',
      title: 'Syarat menerima PKH',
      mustRead: true,
      revision: 1,
      whatChanged: 'Ditambah: lolos verifikasi.',
    }),
    aNotice({
      id: 'n-info',
      itemId: 'kb-ktp-hilang',
      version: 1,
      title: 'KTP-el hilang',
      whatChanged: null,
    }),
  ];
}

const state: {
  user: User | null;
  isCallbackDone: boolean;
  answers: AnswerDetail[];
  notices: MyNotice[];
} = {
  user: null,
  isCallbackDone: false,
  answers: knowledgeAnswers(),
  notices: deskNotices(),
};

export function resetMockState(): void {
  state.user = null;
  state.isCallbackDone = false;
  state.answers = knowledgeAnswers();
  state.notices = deskNotices();
  resetCitizenMockState();
  resetScriptMocks();
  resetCoachingMocks();
  resetTeamLeadMocks();
}

function findAnswer(id: unknown): AnswerDetail | undefined {
  return state.answers.find((answer) => answer.id === id);
}

/** Applies a change to one version of a stored answer and answers the whole answer. */
function changeVersion(
  params: Record<string, unknown>,
  change: (version: AnswerDetail['versions'][number]) => void,
) {
  const answer = findAnswer(params.id);
  const version = answer?.versions.find((v) => v.version === Number(params.version));
  if (answer === undefined || version === undefined) {
    return HttpResponse.json(errorBody('not_found', 'no such answer'), { status: 404 });
  }
  change(version);
  return HttpResponse.json(answer);
}

const TRANSITIONS: Record<string, { from: AnswerStatus; to: AnswerStatus }> = {
  submit: { from: 'draft', to: 'review' },
  'send-back': { from: 'review', to: 'draft' },
  publish: { from: 'review', to: 'published' },
  retire: { from: 'published', to: 'retired' },
};

function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

export const handlers = [
  ...citizenHandlers,
  ...policyHandlers,
  ...coachingHandlers,
  ...teamLeadHandlers,
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
  http.get('*/api/canned-responses', () => HttpResponse.json({ responses: cannedResponses })),
  http.post('*/api/canned-responses', async ({ request }) => {
    const body = (await request.json()) as CannedResponseBody;
    if (body.code === 'salam') {
      return HttpResponse.json(
        {
          error: {
            ...errorBody('conflict', 'The code is taken.').error,
            fields: [{ path: 'body.code', message: 'already used by an active response' }],
          },
        },
        { status: 409 },
      );
    }
    return HttpResponse.json(aCannedResponse(body.code, body.title, body.text, body.topic));
  }),
  http.get('*/api/knowledge', ({ request }) => {
    const params = new URL(request.url).searchParams;
    const status = params.get('status');
    const words = (params.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const items = state.answers.flatMap((answer) => {
      const version = answer.versions.find((v) => status === null || v.status === status);
      if (version === undefined) return [];
      if (params.get('topic') !== null && answer.topic !== params.get('topic')) return [];
      if (params.get('unitId') !== null && answer.unitId !== params.get('unitId')) return [];
      const text = `${version.title} ${version.summary} ${version.sourceDocument}`.toLowerCase();
      if (!words.every((word) => text.includes(word))) return [];
      return [
        {
          answerId: answer.id,
          topic: answer.topic,
          unitId: answer.unitId,
          version: version.version,
          status: version.status,
          title: version.title,
          summary: version.summary,
          authorName: version.authorName,
          updatedAt: version.updatedAt,
          versions: answer.versions.map((v) => ({ version: v.version, status: v.status })),
        },
      ];
    });
    return HttpResponse.json({ items, total: items.length });
  }),
  http.get('*/api/knowledge/:id', ({ params }) => {
    const answer = findAnswer(params.id);
    return answer === undefined
      ? HttpResponse.json(errorBody('not_found', 'no such answer'), { status: 404 })
      : HttpResponse.json(answer);
  }),
  http.post('*/api/knowledge', async ({ request }) => {
    const body = (await request.json()) as VersionBody & { topic: string; unitId: string };
    if (body.sourceDocument === 'Perda 99/2099') {
      return HttpResponse.json(
        {
          error: {
            ...errorBody('invalid_payload', 'Invalid body.sourceDocument').error,
            fields: [{ path: 'body.sourceDocument', message: 'unknown regulation' }],
          },
        },
        { status: 400 },
      );
    }
    const answer: AnswerDetail = {
      id: `kb-new-${state.answers.length}`,
      topic: body.topic,
      unitId: body.unitId,
      versions: [
        aVersion({
          ...body,
          status: 'draft',
          authorId: state.user?.id ?? 'u-trainer1',
          authorName: state.user?.displayName ?? 'Bambang Pelatih',
          reviewerName: null,
          publishedAt: null,
          updatedAt: Date.now(),
        }),
      ],
    };
    state.answers = [answer, ...state.answers];
    return HttpResponse.json(answer);
  }),
  http.post('*/api/knowledge/:id/versions', async ({ params, request }) => {
    const body = (await request.json()) as VersionBody;
    const answer = findAnswer(params.id);
    if (answer === undefined) {
      return HttpResponse.json(errorBody('not_found', 'no such answer'), { status: 404 });
    }
    if (answer.versions.some((v) => v.status === 'draft' || v.status === 'review')) {
      return HttpResponse.json(errorBody('conflict', 'already open'), { status: 409 });
    }
    answer.versions.unshift(
      aVersion({
        ...body,
        version: (answer.versions[0]?.version ?? 0) + 1,
        status: 'draft',
        authorId: state.user?.id ?? 'u-trainer1',
        authorName: state.user?.displayName ?? 'Bambang Pelatih',
        reviewerName: null,
        publishedAt: null,
        updatedAt: Date.now(),
      }),
    );
    return HttpResponse.json(answer);
  }),
  http.put('*/api/knowledge/:id/versions/:version', async ({ params, request }) => {
    const body = (await request.json()) as VersionBody;
    return changeVersion(params, (version) => {
      Object.assign(version, body, { updatedAt: Date.now() });
    });
  }),
  http.post('*/api/knowledge/:id/versions/:version/:action', async ({ params, request }) => {
    const transition = TRANSITIONS[String(params.action)];
    const answer = findAnswer(params.id);
    const version = answer?.versions.find((v) => v.version === Number(params.version));
    if (transition === undefined || answer === undefined || version === undefined) {
      return HttpResponse.json(errorBody('not_found', 'no such answer'), { status: 404 });
    }
    if (params.action === 'publish' && version.authorId === state.user?.id) {
      return HttpResponse.json(errorBody('forbidden', 'another reviewer must publish'), {
        status: 403,
      });
    }
    if (version.status !== transition.from) {
      return HttpResponse.json(errorBody('conflict', 'wrong state'), { status: 409 });
    }
    const body = (await request.json()) as { note?: string };
    return changeVersion(params, (changed) => {
      changed.status = transition.to;
      changed.note = body.note ?? changed.note;
      if (transition.to === 'published') {
        changed.publishedAt = Date.now();
        changed.reviewerName = state.user?.displayName ?? null;
        for (const other of answer.versions) {
          if (other !== changed && other.status === 'published') other.status = 'retired';
        }
      }
    });
  }),
  http.get('*/api/notices/mine', () => HttpResponse.json({ notices: state.notices })),
  http.post('*/api/notices/:id/acknowledge', ({ params }) => {
    const notice = state.notices.find((n) => n.id === params.id);
    if (notice === undefined) {
      return HttpResponse.json(errorBody('not_found', 'no such notice'), { status: 404 });
    }
    notice.acknowledgedAt ??= Date.now();
    return HttpResponse.json(notice);
  }),
  http.get('*/api/notices/readership', () => HttpResponse.json({ notices: [aReadership()] })),
  http.put('*/api/notices/:id/must-read', async ({ params, request }) => {
    const body = (await request.json()) as MustReadBody;
    const { readers: _readers, ...notice } = aReadership({ id: String(params.id) });
    return HttpResponse.json({ ...notice, mustRead: body.mustRead, revision: notice.revision + 1 });
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
