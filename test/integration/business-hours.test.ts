import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseIsoInstant } from '../../shared/domain/zoned-time';
import type { QueueHoursSettings, WeeklyHours } from '../../shared/schemas/business-hours';
import type { QueueState } from '../../shared/schemas/queue-state';
import type { QueueMetricsState } from '../../shared/schemas/queue-metrics';
import { DEMO_INBOUND_API_KEY } from '../../server/config/config';
import {
  STORAGE_MODES,
  clientsPerTest,
  getJson,
  inboundContact,
  postInbound,
  signIn,
  sleep,
  startServer,
  type StorageMode,
  type TestServer,
} from './harness';

const SECRET = 'rahasia-webhook-uji-123';

function at(iso: string): number {
  const instant = parseIsoInstant(iso);
  if (instant === undefined) throw new Error(`bad instant in test: ${iso}`);
  return instant;
}

/** Real time, shifted so that "now" starts at a chosen moment and then runs on. */
function shiftedClock(startIso: string) {
  let offset = at(startIso) - Date.now();
  return {
    now: () => Date.now() + offset,
    set(iso: string) {
      offset = at(iso) - Date.now();
    },
  };
}

const OFFICE_DAY = [{ from: '08:00', to: '16:00' }];
const MON_TO_FRI: WeeklyHours = {
  mon: OFFICE_DAY,
  tue: OFFICE_DAY,
  wed: OFFICE_DAY,
  thu: OFFICE_DAY,
  fri: OFFICE_DAY,
  sat: [],
  sun: [],
};

function officeHours(overrides: Partial<QueueHoursSettings> = {}): QueueHoursSettings {
  return {
    timeZone: 'Asia/Jakarta',
    isAlwaysOpen: false,
    weekly: MON_TO_FRI,
    isClosedOnHolidays: true,
    isClosedOnCollectiveLeave: false,
    afterHours: { action: 'message', message: 'Layanan tutup. Buka lagi {opensAt}.' },
    ...overrides,
  };
}

interface ReceivedHook {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A channel provider's outbound webhook that accepts everything. */
async function channelProvider(): Promise<{ url: string; hooks: ReceivedHook[]; close(): void }> {
  const hooks: ReceivedHook[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      hooks.push({ headers: req.headers, body });
      res.statusCode = 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tanggap`,
    hooks,
    close: () => server.close(),
  };
}

async function until<T>(read: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

describe.each(STORAGE_MODES)('business hours on %s', (mode: StorageMode) => {
  let server: TestServer;
  let provider: Awaited<ReturnType<typeof channelProvider>> | undefined;
  const { connect } = clientsPerTest(() => server);

  afterEach(() => {
    provider?.close();
    provider = undefined;
  });

  async function putHours(queueId: string, body: unknown, cookie?: string) {
    const response = await fetch(`${server.url}/api/queues/${queueId}/hours`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        cookie: cookie ?? (await signIn(server.url, 'admin')),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function contactRow(contactId: string) {
    return server.app.store.db
      .selectFrom('contacts')
      .selectAll()
      .where('id', '=', contactId)
      .executeTakeFirstOrThrow();
  }

  async function queueFigures(queueId: string, cookie: string) {
    const { body } = await getJson(`${server.url}/api/queue-state`, cookie);
    return (body as QueueState).queues.find((q) => q.queueId === queueId)!;
  }

  it('answers a text contact to a closed queue with the auto-reply through the signed outbound webhook; nobody is offered it and it counts nowhere', async () => {
    provider = await channelProvider();
    // Saturday 14 March 2026, 10:00 WIB: the office queue is closed until Monday 08:00.
    const clock = shiftedClock('2026-03-14T10:00:00+07:00');
    server = await startServer(mode, {
      clock,
      env: { OUTBOUND_WEBHOOK_URL: provider.url, OUTBOUND_WEBHOOK_SECRET: SECRET },
    });
    expect((await putHours('q-bansos-digital', officeHours())).status).toBe(200);
    const agent = await connect('agent1');
    await agent.sendOk('agent:set-status', { status: 'available' });

    const body = inboundContact({ channel: 'whatsapp', topic: 'bansos' });
    const created = await postInbound(server.url, body);
    const monday8 = at('2026-03-16T08:00:00+07:00');
    const message = 'Layanan tutup. Buka lagi Senin, 16 Maret 2026 pukul 08.00 WIB.';
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      afterHours: { action: 'message', opensAt: monday8, message },
    });
    const contactId = created.body.contactId as string;
    expect(await contactRow(contactId)).toMatchObject({
      queue_id: 'q-bansos-digital',
      status: 'closed',
      closed_reason: 'after_hours',
      assigned_agent_id: null,
    });

    // The auto-reply leaves like an agent's reply: queued, signed, sent.
    const hook = await until(() => provider!.hooks[0], 'the auto-reply webhook');
    const timestamp = String(hook.headers['x-tanggap-timestamp']);
    const signature = createHmac('sha256', SECRET)
      .update(`${timestamp}.${hook.body}`)
      .digest('hex');
    expect(hook.headers['x-tanggap-signature']).toBe(`sha256=${signature}`);
    expect(JSON.parse(hook.body)).toMatchObject({
      channel: 'whatsapp',
      to: '6281234567890',
      text: message,
      reference: created.body.reference,
    });
    const messageId = String(hook.headers['x-tanggap-delivery-id']);
    const receipt = await fetch(`${server.url}/api/inbound/receipts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': DEMO_INBOUND_API_KEY },
      body: JSON.stringify({ messageId, status: 'delivered' }),
    });
    expect(await receipt.json()).toEqual({ messageId, deliveryStatus: 'delivered' });
    const messages = await server.app.store.db
      .selectFrom('messages')
      .select(['direction', 'text', 'delivery_status', 'author_id'])
      .where('contact_id', '=', contactId)
      .orderBy('at')
      .orderBy('direction')
      .execute();
    expect(messages).toEqual([
      {
        direction: 'inbound',
        text: body.text,
        delivery_status: null,
        author_id: null,
      },
      { direction: 'outbound', text: message, delivery_status: 'delivered', author_id: null },
    ]);

    // The channel retrying gets the same answer; the citizen writing again in the same closed
    // spell adds to the contact and gets no second auto-reply.
    expect(await postInbound(server.url, body)).toEqual({ status: 200, body: created.body });
    const again = await postInbound(
      server.url,
      inboundContact({ channel: 'whatsapp', topic: 'bansos', text: 'Halo, ada yang bisa bantu?' }),
    );
    expect(again.body).toEqual(created.body);
    await sleep(700);
    expect(provider.hooks).toHaveLength(1);
    expect(agent.has('offer:created')).toBe(false);

    // The queue list says it is closed and when it opens; the metrics count nothing.
    const lead = await signIn(server.url, 'lead1');
    expect(await queueFigures('q-bansos-digital', lead)).toMatchObject({
      waiting: 0,
      isOpen: false,
      opensAt: monday8,
      closesAt: null,
      timeZone: 'Asia/Jakarta',
    });
    const metrics = (await getJson(`${server.url}/api/queue-metrics`, lead))
      .body as QueueMetricsState;
    const day = metrics.queues.find((q) => q.queueId === 'q-bansos-digital')?.day.total;
    expect(day).toMatchObject({ offered: 0, abandoned: 0, answered: 0 });
  });

  it('gives a voice caller to a closed voicemail queue the prompt to record; the call ending is not an abandon', async () => {
    const clock = shiftedClock('2026-03-13T19:00:00+07:00');
    server = await startServer(mode, { clock });
    const settings = officeHours({
      afterHours: {
        action: 'voicemail',
        message: 'Kami buka lagi {opensAt}. Silakan tinggalkan pesan setelah nada berikut.',
      },
    });
    expect((await putHours('q-bansos-suara', settings)).status).toBe(200);
    const call = inboundContact({ channel: 'voice', text: '', topic: 'bansos' });
    const created = await postInbound(server.url, call);
    expect(created.status).toBe(201);
    expect(created.body.afterHours).toEqual({
      action: 'voicemail',
      opensAt: at('2026-03-16T08:00:00+07:00'),
      message:
        'Kami buka lagi Senin, 16 Maret 2026 pukul 08.00 WIB. Silakan tinggalkan pesan setelah nada berikut.',
    });
    const contactId = created.body.contactId as string;
    const events = await server.app.store.db
      .selectFrom('contact_events')
      .select(['kind', 'note'])
      .where('contact_id', '=', contactId)
      .orderBy('kind')
      .execute();
    expect(events).toEqual([
      { kind: 'arrived', note: null },
      { kind: 'closed_after_hours', note: 'voicemail' },
    ]);

    // The telephony records, then reports the call ended: it ends, and is not an abandon.
    const ended = await fetch(`${server.url}/api/inbound/voice-events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': DEMO_INBOUND_API_KEY },
      body: JSON.stringify({ callId: call.externalId, event: 'ended', eventId: randomUUID() }),
    });
    expect(ended.status).toBe(200);
    expect(await ended.json()).toMatchObject({ isAbandoned: false, call: { state: 'ended' } });
    expect(await contactRow(contactId)).toMatchObject({
      status: 'closed',
      closed_reason: 'after_hours',
      abandoned_at: null,
    });
    const messages = await server.app.store.db
      .selectFrom('messages')
      .select('id')
      .where('direction', '=', 'outbound')
      .execute();
    expect(messages).toEqual([]);
  });

  it('records a callback request due at the opening, one per citizen while it is open, and closes on a national holiday', async () => {
    // Friday 25 December 2026 (Christmas), 10:00 WIB: a weekday, but a national holiday.
    const clock = shiftedClock('2026-12-25T10:00:00+07:00');
    server = await startServer(mode, { clock });
    const settings = officeHours({
      afterHours: { action: 'callback', message: 'Kami akan menelepon Anda {opensAt}.' },
    });
    expect((await putHours('q-adminduk', settings)).status).toBe(200);
    const monday8 = at('2026-12-28T08:00:00+07:00');

    const first = await postInbound(
      server.url,
      inboundContact({ channel: 'voice', text: '', topic: 'adminduk', from: '081311112222' }),
    );
    expect(first.body.afterHours).toMatchObject({ action: 'callback', opensAt: monday8 });
    const second = await postInbound(
      server.url,
      inboundContact({ channel: 'voice', text: '', topic: 'adminduk', from: '081311112222' }),
    );
    expect(second.body.contactId).not.toBe(first.body.contactId);
    expect(second.body.afterHours).toMatchObject({ action: 'callback' });
    const requests = await server.app.store.db
      .selectFrom('callback_requests')
      .selectAll()
      .execute();
    expect(requests).toEqual([
      expect.objectContaining({
        contact_id: first.body.contactId,
        queue_id: 'q-adminduk',
        due_at: monday8,
        status: 'open',
      }),
    ]);

    // Staff see it in the list, and mark it done once they have called.
    const agent = await signIn(server.url, 'agent1');
    const listed = await getJson(`${server.url}/api/callbacks`, agent);
    expect(listed).toEqual({
      status: 200,
      body: {
        callbacks: [
          expect.objectContaining({
            id: requests[0]!.id,
            contactId: first.body.contactId,
            reference: first.body.reference,
            queueId: 'q-adminduk',
            channel: 'voice',
            address: '6281311112222',
            dueAt: monday8,
            status: 'open',
            doneByName: null,
          }),
        ],
      },
    });
    const complete = async (id: string, cookie: string) => {
      const response = await fetch(`${server.url}/api/callbacks/${id}/done`, {
        method: 'POST',
        headers: { cookie },
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const done = await complete(requests[0]!.id, agent);
    expect(done).toMatchObject({
      status: 200,
      body: { status: 'done', doneByName: 'Rina Wulandari', doneAt: expect.any(Number) },
    });
    // Done twice is done once, by the first.
    expect((await complete(requests[0]!.id, await signIn(server.url, 'lead1'))).body).toEqual(
      done.body,
    );
    expect((await complete(randomUUID(), agent)).status).toBe(404);
    expect((await getJson(`${server.url}/api/callbacks`, agent)).body).toEqual({ callbacks: [] });
    expect((await fetch(`${server.url}/api/callbacks`)).status).toBe(401);

    // Holidays may be left open: then Christmas is an ordinary Friday.
    expect((await putHours('q-adminduk', { ...settings, isClosedOnHolidays: false })).status).toBe(
      200,
    );
    const open = await postInbound(
      server.url,
      inboundContact({ channel: 'sms', topic: 'adminduk', from: '081399998888' }),
    );
    expect(open.body.afterHours).toBeUndefined();
    expect((await contactRow(open.body.contactId as string)).status).toBe('waiting');
  });

  it('leaves a 24/7 queue unaffected at any hour, and clean defaults read 24/7', async () => {
    const clock = shiftedClock('2026-03-15T03:00:00+07:00');
    server = await startServer(mode, { clock });
    const agent = await connect('agent1');
    await agent.sendOk('agent:set-status', { status: 'available' });
    const created = await postInbound(
      server.url,
      inboundContact({ channel: 'webchat', topic: 'kesehatan' }),
    );
    expect(created.status).toBe(201);
    expect(created.body.afterHours).toBeUndefined();
    const offer = await agent.next('offer:created', (o) => o.contact.id === created.body.contactId);
    expect(offer.contact.queueId).toBe('q-kesehatan');

    const cookie = await signIn(server.url, 'agent1');
    const hours = await getJson(`${server.url}/api/queues/q-kesehatan/hours`, cookie);
    expect(hours).toMatchObject({
      status: 200,
      body: {
        queueId: 'q-kesehatan',
        isAlwaysOpen: true,
        timeZone: 'Asia/Jakarta',
        afterHours: { action: 'message' },
        updatedAt: null,
        updatedBy: null,
      },
    });
    expect(await queueFigures('q-kesehatan', cookie)).toMatchObject({
      isOpen: true,
      opensAt: null,
      closesAt: null,
    });
  });

  it('defaults a clean instance (DEMO=off) to 24/7 in the zone of TIME_ZONE, taking contacts on a Sunday night', async () => {
    const clock = shiftedClock('2026-03-15T23:30:00+08:00');
    server = await startServer(mode, {
      clock,
      env: {
        DEMO: 'off',
        ADMIN_USERNAME: 'kepala',
        ADMIN_PASSWORD: 'rahasia-panjang-sekali',
        INBOUND_API_KEY: 'kunci-webhook-produksi-123',
        TIME_ZONE: 'Asia/Makassar',
      },
    });
    const cookie = await signIn(server.url, 'kepala', 'rahasia-panjang-sekali');
    expect((await getJson(`${server.url}/api/queues/q-umum/hours`, cookie)).body).toMatchObject({
      isAlwaysOpen: true,
      timeZone: 'Asia/Makassar',
      updatedAt: null,
    });
    const created = await postInbound(server.url, inboundContact(), 'kunci-webhook-produksi-123');
    expect(created.status).toBe(201);
    expect(created.body.afterHours).toBeUndefined();
    expect((await contactRow(created.body.contactId as string)).status).toBe('waiting');
  });

  it('keeps contacts already waiting when the queue closes, and tells every screen when it closes', async () => {
    // Friday 13 March 2026: the server starts well inside the day; the clock moves to a few
    // seconds before closing only once it is up, so a slow start cannot eat the margin.
    const clock = shiftedClock('2026-03-13T15:00:00+07:00');
    server = await startServer(mode, { clock });
    const lead = await connect('lead1');
    clock.set('2026-03-13T15:59:56+07:00');
    // Saving the hours recomputes the queue state, which schedules the flip at 16:00.
    expect((await putHours('q-bansos-digital', officeHours())).status).toBe(200);
    const waiting = await postInbound(server.url, inboundContact({ topic: 'bansos' }));
    expect(waiting.body.afterHours).toBeUndefined();
    const opened = await lead.next('queue:state-changed', (s) =>
      s.queues.some((q) => q.queueId === 'q-bansos-digital' && q.isOpen && q.waiting === 1),
    );
    expect(opened.queues.find((q) => q.queueId === 'q-bansos-digital')?.closesAt).toBe(
      at('2026-03-13T16:00:00+07:00'),
    );
    // At 16:00 the timer pushes the closed state with nothing else happening.
    const closed = await lead.next(
      'queue:state-changed',
      (s) => s.queues.some((q) => q.queueId === 'q-bansos-digital' && !q.isOpen),
      10_000,
    );
    expect(closed.queues.find((q) => q.queueId === 'q-bansos-digital')).toMatchObject({
      waiting: 1,
      opensAt: at('2026-03-16T08:00:00+07:00'),
    });
    // The waiting contact is still served: an agent becoming free is offered it.
    const agent = await connect('agent1');
    await agent.sendOk('agent:set-status', { status: 'available' });
    const offer = await agent.next('offer:created', (o) => o.contact.id === waiting.body.contactId);
    expect(offer.contact.status).toBe('offered');
    // A new contact now gets the after-hours answer.
    const late = await postInbound(
      server.url,
      inboundContact({ topic: 'bansos', from: '0812999' }),
    );
    expect(late.body.afterHours).toMatchObject({ action: 'message' });
    // With no outbound webhook for the channel (and no simulator), the auto-reply fails visibly.
    const autoReply = async () =>
      server.app.store.db
        .selectFrom('messages')
        .select(['delivery_status', 'failure_reason'])
        .where('contact_id', '=', late.body.contactId as string)
        .where('direction', '=', 'outbound')
        .executeTakeFirstOrThrow();
    for (let i = 0; i < 40 && (await autoReply()).delivery_status === 'queued'; i += 1) {
      await sleep(50);
    }
    expect(await autoReply()).toEqual({
      delivery_status: 'failed',
      failure_reason: 'no outbound webhook is configured for whatsapp',
    });
  });

  it('refuses bad hours naming each field, unknown queues, and anyone but an administrator', async () => {
    server = await startServer(mode);
    const bad = await putHours('q-bansos-digital', {
      ...officeHours(),
      timeZone: 'Asia/Singapore',
      weekly: {
        ...MON_TO_FRI,
        mon: [
          { from: '08:00', to: '12:00' },
          { from: '11:00', to: '13:00' },
        ],
        tue: [{ from: '16:00', to: '08:00' }],
      },
      afterHours: { action: 'sms-blast', message: '' },
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body.error as { fields: { path: string }[] }).fields.map((f) => f.path);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.timeZone',
        'body.weekly.mon.1.from',
        'body.weekly.tue.0.to',
        'body.afterHours.action',
        'body.afterHours.message',
      ]),
    );
    const closedWeek = await putHours('q-bansos-digital', {
      ...officeHours(),
      weekly: { ...MON_TO_FRI, mon: [], tue: [], wed: [], thu: [], fri: [] },
    });
    expect(closedWeek.status).toBe(400);
    expect(closedWeek.body.error).toMatchObject({ fields: [{ path: 'body.weekly' }] });

    expect((await putHours('q-nope', officeHours())).status).toBe(404);
    const admin = await signIn(server.url, 'admin');
    expect((await getJson(`${server.url}/api/queues/q-nope/hours`, admin)).status).toBe(404);

    for (const username of ['lead1', 'agent1']) {
      const forbidden = await putHours(
        'q-bansos-digital',
        officeHours(),
        await signIn(server.url, username),
      );
      expect(forbidden.status).toBe(403);
    }
    const anonymous = await fetch(`${server.url}/api/queues/q-bansos-digital/hours`);
    expect(anonymous.status).toBe(401);

    // Nothing was stored by the refused requests; the accepted one names its author.
    expect(
      (await getJson(`${server.url}/api/queues/q-bansos-digital/hours`, admin)).body,
    ).toMatchObject({
      isAlwaysOpen: true,
      updatedBy: null,
    });
    expect((await putHours('q-bansos-digital', officeHours(), admin)).body).toMatchObject({
      queueId: 'q-bansos-digital',
      isAlwaysOpen: false,
      weekly: MON_TO_FRI,
      updatedBy: 'Administrator',
    });
  });
});
