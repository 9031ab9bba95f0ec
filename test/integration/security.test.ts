import { randomUUID } from 'node:crypto';
import { io as connectSocket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import {
  STORAGE_MODES,
  TestClient,
  getJson,
  inboundContact,
  postInbound,
  signIn,
  startServer,
  userId,
  type StorageMode,
  type TestServer,
  clientsPerTest,
} from './harness';

describe.each(STORAGE_MODES)('boundaries on %s', (mode: StorageMode) => {
  let server: TestServer;
  const { connect } = clientsPerTest(() => server);

  it('answers health while the database answers, and 503 once it does not', async () => {
    server = await startServer(mode);
    expect(await getJson(`${server.url}/api/health`)).toEqual({
      status: 200,
      body: { status: 'ok' },
    });
    await server.app.store.close();
    const down = await getJson(`${server.url}/api/health`);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ error: { code: 'unavailable' } });
  });

  it('signs in with a cookie, refuses bad credentials clearly, and rate-limits guessing', async () => {
    server = await startServer(mode, { env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    const ok = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'agent1', password: 'demo1234' }),
    });
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/tanggap_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await getJson(`${server.url}/api/me`, cookie.split(';')[0]);
    expect(me).toMatchObject({
      status: 200,
      body: { user: { username: 'agent1', role: 'agent' } },
    });

    const attempt = (password: string) =>
      fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'lead1', password }),
      });
    const wrong = await attempt('salah');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      error: { code: 'unauthenticated', message: 'Wrong username or password.' },
    });
    const unknown = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'x' }),
    });
    expect(unknown.status).toBe(401);
    await attempt('salah');
    await attempt('salah');
    const limited = await attempt('demo1234');
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });

    const missing = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: '' }),
    });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      error: {
        code: 'invalid_payload',
        fields: [{ path: 'body.username' }, { path: 'body.password' }],
      },
    });

    const logout = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(logout.status).toBe(200);
    expect((await getJson(`${server.url}/api/me`, cookie.split(';')[0])).status).toBe(401);
  });

  it('refuses a socket without a valid session', async () => {
    server = await startServer(mode);
    const attempts: Record<string, string>[] = [{}, { cookie: 'tanggap_session=forged' }];
    for (const headers of attempts) {
      const socket = connectSocket(server.url, {
        transports: ['websocket'],
        extraHeaders: headers,
        reconnection: false,
        forceNew: true,
      });
      const error = await new Promise<Error>((resolve, reject) => {
        socket.once('connect_error', resolve);
        socket.once('connect', () => reject(new Error('connected without a session')));
      });
      expect(error.message).toBe('unauthenticated');
      socket.close();
    }
  });

  it('ends the sockets of a signed-out session', async () => {
    server = await startServer(mode);
    const cookie = await signIn(server.url, 'agent1');
    const agent = await TestClient.connect(server.url, 'agent1', cookie);
    const closed = new Promise<void>((resolve) => agent.socket.once('disconnect', () => resolve()));
    await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers: { cookie } });
    await closed;
    agent.close();
  });

  it('validates inbound contacts: 201, idempotent 200, 400 naming bad fields, 401 without the key', async () => {
    server = await startServer(mode);
    const body = inboundContact();
    const first = await postInbound(server.url, body);
    expect(first.status).toBe(201);
    const again = await postInbound(server.url, body);
    expect(again).toEqual({ status: 200, body: first.body });
    const count = await server.app.store.db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);

    const bad = await postInbound(server.url, {
      channel: 'fax',
      externalId: '',
      from: 'x',
      segment: 'aliens',
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body.error as { fields: { path: string }[] }).fields.map((f) => f.path);
    expect(fields).toEqual(
      expect.arrayContaining(['body.channel', 'body.externalId', 'body.from', 'body.segment']),
    );
    const notJson = await fetch(`${server.url}/api/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'demo-inbound-key-tanggap' },
      body: '{"channel":',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: 'invalid_payload' } });

    expect((await postInbound(server.url, inboundContact(), null)).status).toBe(401);
    expect((await postInbound(server.url, inboundContact(), 'wrong-key-wrong-key')).status).toBe(
      401,
    );
    const unknownTopic = await postInbound(
      server.url,
      inboundContact({ topic: 'tidak-ada', from: '085711112222' }),
    );
    expect(unknownTopic.status).toBe(201);
    const routed = await server.app.store.db
      .selectFrom('contacts')
      .select('queue_id')
      .where('id', '=', String(unknownTopic.body.contactId))
      .executeTakeFirstOrThrow();
    expect(routed.queue_id).toBe('q-umum');
  });

  it('refuses invalid payloads and changes nothing', async () => {
    server = await startServer(mode);
    const agent = await connect('agent1');
    await agent.sendOk('agent:set-status', { status: 'available' });
    const created = await postInbound(server.url, inboundContact());
    const offer = await agent.next('offer:created', (o) => o.contact.id === created.body.contactId);

    expect(await agent.sendRaw('offer:accept', { offerId: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', fields: [{ path: 'offerId' }] },
    });
    expect(await agent.sendRaw('offer:accept', null)).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await agent.sendRaw('agent:set-status', { status: 'on_contact' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await agent.send('offer:accept', { offerId: 'no-such-offer' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    await agent.sendOk('offer:accept', { offerId: offer.id });
    const missingCode = await agent.sendRaw('outcome:log', {
      commandId: randomUUID(),
      contactId: offer.contact.id,
      notes: 'x',
    });
    expect(missingCode).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', fields: [{ path: 'wrapupCode' }] },
    });
    const unknownCode = await agent.send('outcome:log', {
      commandId: randomUUID(),
      contactId: offer.contact.id,
      wrapupCode: 'made-up',
      notes: '',
    });
    expect(unknownCode).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', fields: [{ path: 'wrapupCode' }] },
    });
    const needsFollowUp = await agent.send('outcome:log', {
      commandId: randomUUID(),
      contactId: offer.contact.id,
      wrapupCode: 'follow-up',
      notes: '',
    });
    expect(needsFollowUp).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', fields: [{ path: 'followUp' }] },
    });
    const pastDue = await agent.send('outcome:log', {
      commandId: randomUUID(),
      contactId: offer.contact.id,
      wrapupCode: 'follow-up',
      notes: '',
      followUp: {
        title: 'Telepon balik',
        dueAt: Date.now() - 1000,
        ownerId: await userId(server, 'agent1'),
      },
    });
    expect(pastDue).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', fields: [{ path: 'followUp.dueAt' }] },
    });
    const notUuid = await agent.sendRaw('outcome:log', {
      commandId: 'abc',
      contactId: offer.contact.id,
      wrapupCode: 'answered',
      notes: '',
    });
    expect(notUuid).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', fields: [{ path: 'commandId' }] },
    });

    const db = server.app.store.db;
    expect(await db.selectFrom('outcomes').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('follow_ups').selectAll().execute()).toEqual([]);
    const contact = await db
      .selectFrom('contacts')
      .select('status')
      .where('id', '=', offer.contact.id)
      .executeTakeFirstOrThrow();
    expect(contact.status).toBe('active');
  });

  it('checks the sender role and ownership for every action', async () => {
    server = await startServer(mode);
    const agent1 = await connect('agent1');
    const agent2 = await connect('agent2');
    const lead = await connect('lead1');
    const trainer = await connect('trainer1');
    await agent1.sendOk('agent:set-status', { status: 'available' });
    const created = await postInbound(server.url, inboundContact());
    const offer = await agent1.next(
      'offer:created',
      (o) => o.contact.id === created.body.contactId,
    );

    expect(await agent2.send('offer:accept', { offerId: offer.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await lead.send('offer:accept', { offerId: offer.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await trainer.sendRaw('agent:set-status', { status: 'available' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await agent2.send('conversation:reassign', {
        commandId: randomUUID(),
        contactId: offer.contact.id,
        toAgentId: await userId(server, 'agent2'),
        reason: 'ambil sendiri',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await agent1.send('monitor:start', { agentId: await userId(server, 'agent2') }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(
      await trainer.send('monitor:start', { agentId: await userId(server, 'agent1') }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Trainers follow trainees only.' },
    });
    await agent1.sendOk('offer:accept', { offerId: offer.id });
    expect(
      await agent2.send('outcome:log', {
        commandId: randomUUID(),
        contactId: offer.contact.id,
        wrapupCode: 'answered',
        notes: '',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const agentCookie = await signIn(server.url, 'agent2');
    expect((await getJson(`${server.url}/api/supervision/board`, agentCookie)).status).toBe(403);
    expect(
      (await getJson(`${server.url}/api/contacts/${offer.contact.id}`, agentCookie)).status,
    ).toBe(403);
    expect(
      (await getJson(`${server.url}/api/desk`, await signIn(server.url, 'lead1'))).status,
    ).toBe(403);
    expect((await getJson(`${server.url}/api/desk`)).status).toBe(401);
    expect(
      (
        await getJson(
          `${server.url}/api/contacts/${offer.contact.id}`,
          await signIn(server.url, 'lead1'),
        )
      ).status,
    ).toBe(200);
  });
});
