import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { VoiceEventBody } from '../../shared/schemas/call';
import { DEMO_INBOUND_API_KEY } from '../../server/config/config';
import {
  STORAGE_MODES,
  getJson,
  inboundContact,
  postInbound,
  signIn,
  sleep,
  startServer,
  type StorageMode,
  type TestServer,
  clientsPerTest,
} from './harness';

async function postVoiceEvent(
  url: string,
  body: Partial<VoiceEventBody> | Record<string, unknown>,
  apiKey: string | null = DEMO_INBOUND_API_KEY,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/api/inbound/voice-events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(apiKey ? { 'x-api-key': apiKey } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe.each(STORAGE_MODES)('voice call events on %s', (mode: StorageMode) => {
  let server: TestServer;
  const { connect } = clientsPerTest(() => server);

  /** A call announced by the CTI as a voice contact; returns its call id and contact id. */
  async function incomingCall(overrides = {}) {
    const body = inboundContact({ channel: 'voice', text: '', topic: 'bansos', ...overrides });
    const created = await postInbound(server.url, body);
    expect(created.status).toBe(201);
    return { callId: body.externalId, contactId: created.body.contactId as string };
  }

  /** Sends one event with a fresh id and expects it applied. */
  async function event(callId: string, kind: VoiceEventBody['event'], at?: number) {
    const answer = await postVoiceEvent(server.url, {
      callId,
      event: kind,
      eventId: randomUUID(),
      ...(at === undefined ? {} : { at }),
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body as { call: Record<string, unknown>; isAbandoned: boolean };
  }

  it('drives the call through answer, two holds and the end: timers from the CTI times, pushed to the agent and a monitoring lead, and in the snapshot', async () => {
    server = await startServer(mode);
    const agent = await connect('agent1');
    const lead = await connect('lead1');
    await agent.sendOk('agent:set-status', { status: 'available' });
    const { callId, contactId } = await incomingCall();
    const offer = await agent.next('offer:created', (o) => o.contact.id === contactId);
    const accepted = await agent.sendOk('offer:accept', { offerId: offer.id });
    const arrivedAt = accepted.contact.arrivedAt;
    expect(accepted.call).toMatchObject({
      contactId,
      state: 'ringing',
      ringingAt: arrivedAt,
      answeredAt: null,
      holdMs: 0,
      version: 1,
    });
    await lead.sendOk('monitor:start', { agentId: offer.agentId });
    // The CTI reports times; they must not lie ahead of the server's clock.
    await sleep(150);

    // A ringing the CTI sends after announcing the call changes nothing.
    expect((await event(callId, 'ringing', arrivedAt + 5)).call).toMatchObject({ version: 1 });
    expect((await event(callId, 'answered', arrivedAt + 10)).call).toMatchObject({
      state: 'connected',
      answeredAt: arrivedAt + 10,
      version: 2,
    });
    const onHold = await event(callId, 'hold', arrivedAt + 20);
    expect(onHold.call).toMatchObject({
      state: 'on_hold',
      holdStartedAt: arrivedAt + 20,
      holdMs: 0,
    });
    await event(callId, 'resume', arrivedAt + 50);
    await event(callId, 'hold', arrivedAt + 60);
    const ended = await event(callId, 'ended', arrivedAt + 90);
    expect(ended).toMatchObject({
      isAbandoned: false,
      call: {
        state: 'ended',
        answeredAt: arrivedAt + 10,
        holdStartedAt: null,
        holdMs: 30 + 30,
        endedAt: arrivedAt + 90,
        version: 6,
      },
    });

    for (const watcher of [agent, lead]) {
      const seen: string[] = [];
      for (let version = 2; version <= 6; version += 1) {
        const fact = await watcher.next(
          'call:state-changed',
          (f) => f.contactId === contactId && f.version === version,
        );
        seen.push(fact.state);
      }
      expect(seen).toEqual(['connected', 'on_hold', 'connected', 'on_hold', 'ended']);
    }

    // A reload shows the ended call; the conversation stays open for the wrap-up.
    const cookie = await signIn(server.url, 'agent1');
    const detail = await getJson(`${server.url}/api/contacts/${contactId}`, cookie);
    expect(detail.body).toMatchObject({
      contact: { status: 'active', isAbandoned: false },
      call: { state: 'ended', holdMs: 60, endedAt: arrivedAt + 90 },
    });
    const desk = await getJson(`${server.url}/api/desk`, cookie);
    expect(desk.body).toMatchObject({ conversations: [{ call: { state: 'ended' } }] });
    const logged = await agent.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId,
      wrapupCode: 'answered',
      notes: 'Dijawab lewat telepon',
    });
    expect(logged.contact.status).toBe('closed');
  });

  it('refuses what the call cannot do in its state with 409 and changes nothing; 404 for an unknown call; 401 without the key; 400 for a bad body', async () => {
    server = await startServer(mode);
    const { callId, contactId } = await incomingCall();
    const refused = async (kind: VoiceEventBody['event'], message: RegExp) => {
      const answer = await postVoiceEvent(server.url, {
        callId,
        event: kind,
        eventId: randomUUID(),
      });
      expect(answer).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
      expect((answer.body.error as { message: string }).message).toMatch(message);
    };
    await refused('hold', /before it is answered/);
    await refused('resume', /not on hold/);
    await event(callId, 'answered');
    await refused('answered', /already answered/);
    await refused('resume', /not on hold/);
    await event(callId, 'hold');
    await refused('hold', /already on hold/);
    await event(callId, 'ended');
    for (const kind of ['ringing', 'answered', 'hold', 'resume', 'ended'] as const) {
      await refused(kind, /already ended/);
    }
    const call = await server.app.store.db
      .selectFrom('calls')
      .selectAll()
      .where('contact_id', '=', contactId)
      .executeTakeFirstOrThrow();
    expect(call).toMatchObject({ state: 'ended', version: 4 });
    // Only the three applied events were recorded.
    const recorded = await server.app.store.db
      .selectFrom('call_events')
      .select('kind')
      .where('contact_id', '=', contactId)
      .execute();
    expect(recorded.map((r) => r.kind).sort()).toEqual(['answered', 'ended', 'hold']);

    expect(
      await postVoiceEvent(server.url, { callId: 'no-such-call', event: 'answered', eventId: 'x' }),
    ).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
    // A text contact's external id is not a call.
    const chat = inboundContact();
    await postInbound(server.url, chat);
    expect(
      await postVoiceEvent(server.url, { callId: chat.externalId, event: 'ended', eventId: 'y' }),
    ).toMatchObject({ status: 404 });
    expect(
      await postVoiceEvent(server.url, { callId, event: 'ended', eventId: 'z' }, null),
    ).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    const bad = await postVoiceEvent(server.url, { callId, event: 'transfer', eventId: '' });
    expect(bad.status).toBe(400);
    expect((bad.body.error as { fields: { path: string }[] }).fields.map((f) => f.path)).toEqual(
      expect.arrayContaining(['body.event', 'body.eventId']),
    );
  });

  it('a repeated eventId answers with the first result and changes nothing; reused for another call it is refused', async () => {
    server = await startServer(mode);
    const { callId } = await incomingCall();
    await event(callId, 'answered');
    const hold = { callId, event: 'hold', eventId: 'cti-evt-0001' } as const;
    const first = await postVoiceEvent(server.url, hold);
    expect(first).toMatchObject({ status: 200, body: { call: { state: 'on_hold', version: 3 } } });
    // Not "already on hold": the same event again is a retry, answered as the first time.
    const again = await postVoiceEvent(server.url, { ...hold, at: 1 });
    expect(again).toEqual(first);
    // Several deliveries at once: one applies, all get the same answer.
    const resume = { callId, event: 'resume', eventId: 'cti-evt-0002' } as const;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => postVoiceEvent(server.url, resume)),
    );
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({
      status: 200,
      body: { call: { state: 'connected', version: 4 } },
    });

    const other = await incomingCall({ from: '081299990000' });
    expect(await postVoiceEvent(server.url, { ...hold, callId: other.callId })).toMatchObject({
      status: 409,
      body: { error: { code: 'conflict' } },
    });
  });

  it('a call ending while it waits is abandoned: closed, flagged, out of the queue, and the queue state says so', async () => {
    server = await startServer(mode);
    const lead = await connect('lead1');
    const { callId, contactId } = await incomingCall();
    await lead.next('conversation:updated', (c) => c.id === contactId && c.status === 'waiting');
    await lead.next('queue:state-changed', (s) =>
      s.queues.some((q) => q.queueId === 'q-bansos-suara' && q.waiting === 1),
    );

    const ended = await event(callId, 'ended');
    expect(ended).toMatchObject({ isAbandoned: true, call: { state: 'ended' } });
    const closed = await lead.next(
      'conversation:updated',
      (c) => c.id === contactId && c.status === 'closed',
    );
    expect(closed).toMatchObject({ isAbandoned: true, assignedAgentId: null });
    expect(closed.closedAt).toBe((ended.call as { endedAt: number }).endedAt);
    await lead.next('queue:state-changed', (s) =>
      s.queues.some((q) => q.queueId === 'q-bansos-suara' && q.waiting === 0),
    );
    const cookie = await signIn(server.url, 'lead1');
    const board = await getJson(`${server.url}/api/supervision/board`, cookie);
    expect(
      (board.body as { conversations: { id: string }[] }).conversations.map((c) => c.id),
    ).not.toContain(contactId);
    const events = await server.app.store.db
      .selectFrom('contact_events')
      .select('kind')
      .where('contact_id', '=', contactId)
      .execute();
    expect(events.map((e) => e.kind)).toEqual(['arrived', 'abandoned']);

    // When the citizen calls again, their history says they hung up last time.
    const again = await incomingCall();
    const detail = await getJson(`${server.url}/api/contacts/${again.contactId}`, cookie);
    expect(detail.body).toMatchObject({
      contact: { isAbandoned: false },
      call: { state: 'ringing' },
      caller: { previousContacts: [{ id: contactId, status: 'closed', isAbandoned: true }] },
    });
  });

  it('a call ending while offered withdraws the offer, and the agent can no longer accept it', async () => {
    server = await startServer(mode);
    const agent = await connect('agent1');
    await agent.sendOk('agent:set-status', { status: 'available' });
    const { callId, contactId } = await incomingCall();
    const offer = await agent.next('offer:created', (o) => o.contact.id === contactId);

    expect(await event(callId, 'ended')).toMatchObject({ isAbandoned: true });
    expect(await agent.next('offer:withdrawn', (f) => f.offerId === offer.id)).toEqual({
      offerId: offer.id,
      contactId,
      reason: 'rescinded',
    });
    const late = await agent.send('offer:accept', { offerId: offer.id });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const row = await server.app.store.db
      .selectFrom('offers')
      .select(['status', 'reason'])
      .where('id', '=', offer.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'rescinded', reason: 'abandoned' });

    // The agent is free again: the next call is offered to them.
    const next = await incomingCall({ from: '081233334444' });
    await agent.next('offer:created', (o) => o.contact.id === next.contactId);
  });
});
