import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestClient, StorageMode, TestServer } from './harness';
import { STORAGE_MODES, inboundContact, postInbound, startServer, clientsPerTest } from './harness';

const SECRET = 'rahasia-webhook-uji-123';

interface ReceivedHook {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A channel provider's webhook: answers with the given statuses in turn, then 200. */
async function channelProvider(
  statuses: number[],
): Promise<{ url: string; hooks: ReceivedHook[]; close(): void }> {
  const hooks: ReceivedHook[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      hooks.push({ headers: req.headers, body });
      res.statusCode = statuses.shift() ?? 200;
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

async function postReceipt(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}/api/inbound/receipts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': 'demo-inbound-key-tanggap' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe.each(STORAGE_MODES)('two-way text messaging on %s', (mode: StorageMode) => {
  let server: TestServer;
  let provider: Awaited<ReturnType<typeof channelProvider>> | undefined;
  const { connect } = clientsPerTest(() => server);

  afterEach(() => {
    provider?.close();
  });

  async function activeConversation(agent: TestClient, overrides = {}) {
    await agent.sendOk('agent:set-status', { status: 'available' });
    const created = await postInbound(server.url, inboundContact(overrides));
    const offer = await agent.next('offer:created', (o) => o.contact.id === created.body.contactId);
    return agent.sendOk('offer:accept', { offerId: offer.id });
  }

  it("appends the citizen's next message to the open conversation, once, and pushes it to the agent", async () => {
    server = await startServer(mode);
    const agent = await connect('agent1');
    const conversation = await activeConversation(agent);
    const followUp = inboundContact({ text: 'Ini nomor KKS ibu saya, mohon dicek.' });
    const appended = await postInbound(server.url, followUp);
    expect(appended).toEqual({
      status: 201,
      body: { contactId: conversation.contact.id, reference: conversation.contact.reference },
    });
    const added = await agent.next(
      'conversation:message-added',
      (f) => f.contactId === conversation.contact.id,
    );
    expect(added.message).toMatchObject({
      direction: 'inbound',
      text: 'Ini nomor KKS ibu saya, mohon dicek.',
      deliveryStatus: null,
    });

    // The channel retrying the same message appends nothing.
    expect(await postInbound(server.url, followUp)).toEqual({ status: 200, body: appended.body });
    const messages = await server.app.store.db
      .selectFrom('messages')
      .selectAll()
      .where('contact_id', '=', conversation.contact.id)
      .execute();
    expect(messages.map((m) => m.text)).toEqual([
      'Bantuan PKH ibu saya belum cair bulan ini.',
      'Ini nomor KKS ibu saya, mohon dicek.',
    ]);

    // Another channel or a voice call from the same citizen is a new contact.
    const call = await postInbound(
      server.url,
      inboundContact({ channel: 'voice', text: 'Panggilan' }),
    );
    expect(call.body.contactId).not.toBe(conversation.contact.id);
  });

  it('delivers a reply through the signed webhook, retrying failures, and shows sent then delivered', async () => {
    provider = await channelProvider([503, 500]);
    server = await startServer(mode, {
      env: {
        OUTBOUND_WEBHOOK_URL: provider.url,
        OUTBOUND_WEBHOOK_SECRET: SECRET,
        OUTBOUND_RETRY_BASE_MS: '50',
      },
    });
    const agent = await connect('agent1');
    const conversation = await activeConversation(agent);
    const commandId = randomUUID();
    const reply = {
      commandId,
      contactId: conversation.contact.id,
      text: 'Status penerima dapat dicek di laman cekbansos dengan NIK.',
    };
    const message = await agent.sendOk('message:send', reply);
    expect(message).toMatchObject({
      direction: 'outbound',
      deliveryStatus: 'queued',
      authorName: 'Rina Wulandari',
    });
    await agent.next('conversation:message-added', (f) => f.message.id === message.id);

    const retrying = await agent.next(
      'message:status-changed',
      (f) => f.messageId === message.id && f.failureReason !== null,
    );
    expect(retrying).toMatchObject({
      deliveryStatus: 'queued',
      failureReason: expect.stringContaining('HTTP 503'),
    });
    await agent.next(
      'message:status-changed',
      (f) => f.messageId === message.id && f.deliveryStatus === 'sent',
      8000,
    );
    expect(provider.hooks).toHaveLength(3);
    for (const hook of provider.hooks) {
      const timestamp = String(hook.headers['x-tanggap-timestamp']);
      const expected = createHmac('sha256', SECRET)
        .update(`${timestamp}.${hook.body}`)
        .digest('hex');
      expect(hook.headers['x-tanggap-signature']).toBe(`sha256=${expected}`);
      expect(hook.headers['x-tanggap-delivery-id']).toBe(message.id);
      expect(JSON.parse(hook.body)).toMatchObject({
        channel: 'whatsapp',
        to: '6281234567890',
        text: reply.text,
        reference: conversation.contact.reference,
      });
    }

    const receipt = await postReceipt(server.url, { messageId: message.id, status: 'delivered' });
    expect(receipt).toEqual({
      status: 200,
      body: { messageId: message.id, deliveryStatus: 'delivered' },
    });
    await agent.next(
      'message:status-changed',
      (f) => f.messageId === message.id && f.deliveryStatus === 'delivered',
    );
    // A late "failed" receipt does not undo a delivery.
    expect(
      (await postReceipt(server.url, { messageId: message.id, status: 'failed' })).body,
    ).toMatchObject({ deliveryStatus: 'delivered' });
    expect(
      (await postReceipt(server.url, { messageId: randomUUID(), status: 'delivered' })).status,
    ).toBe(404);
    expect((await postReceipt(server.url, { messageId: message.id, status: 'read' })).status).toBe(
      400,
    );

    // A resend after a lost ack returns the first message and sends nothing twice.
    expect((await agent.sendOk('message:send', reply)).id).toBe(message.id);
    const stored = await server.app.store.db
      .selectFrom('messages')
      .selectAll()
      .where('direction', '=', 'outbound')
      .execute();
    expect(stored).toHaveLength(1);
    expect(provider.hooks).toHaveLength(3);
  });

  it('marks a reply failed with the reason once the retries run out, or at once for a client error', async () => {
    provider = await channelProvider([500, 500, 500, 400]);
    server = await startServer(mode, {
      env: {
        OUTBOUND_WEBHOOK_URL: provider.url,
        OUTBOUND_WEBHOOK_SECRET: SECRET,
        OUTBOUND_RETRY_BASE_MS: '50',
        OUTBOUND_MAX_ATTEMPTS: '3',
      },
    });
    const agent = await connect('agent1');
    const conversation = await activeConversation(agent);
    const first = await agent.sendOk('message:send', {
      commandId: randomUUID(),
      contactId: conversation.contact.id,
      text: 'Pesan pertama',
    });
    const failed = await agent.next(
      'message:status-changed',
      (f) => f.messageId === first.id && f.deliveryStatus === 'failed',
      8000,
    );
    expect(failed.failureReason).toBe('the channel answered HTTP 500');
    const second = await agent.sendOk('message:send', {
      commandId: randomUUID(),
      contactId: conversation.contact.id,
      text: 'Pesan kedua',
    });
    const refused = await agent.next(
      'message:status-changed',
      (f) => f.messageId === second.id && f.deliveryStatus === 'failed',
      8000,
    );
    expect(refused.failureReason).toBe('the channel answered HTTP 400');
    expect(provider.hooks).toHaveLength(4);
  });

  it('refuses replies on a voice call, on a conversation held by someone else, and empty ones', async () => {
    server = await startServer(mode);
    const agent1 = await connect('agent1');
    const agent2 = await connect('agent2');
    const call = await activeConversation(agent1, { channel: 'voice', text: 'Panggilan masuk' });
    expect(
      await agent1.send('message:send', {
        commandId: randomUUID(),
        contactId: call.contact.id,
        text: 'Halo',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(
      await agent2.send('message:send', {
        commandId: randomUUID(),
        contactId: call.contact.id,
        text: 'Halo',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await agent1.sendRaw('message:send', {
        commandId: randomUUID(),
        contactId: call.contact.id,
        text: '   ',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', fields: [{ path: 'text' }] },
    });
  });

  it('fails a reply with a clear reason when no outbound webhook is configured and no simulator runs', async () => {
    server = await startServer(mode);
    const agent = await connect('agent1');
    const conversation = await activeConversation(agent);
    const message = await agent.sendOk('message:send', {
      commandId: randomUUID(),
      contactId: conversation.contact.id,
      text: 'Halo',
    });
    const failed = await agent.next(
      'message:status-changed',
      (f) => f.messageId === message.id && f.deliveryStatus === 'failed',
    );
    expect(failed.failureReason).toBe('no outbound webhook is configured for whatsapp');
  });

  it('lets a trainer follow the messages of a trainee live', async () => {
    server = await startServer(mode);
    const trainee = await connect('trainee1');
    const trainer = await connect('trainer1');
    const traineeId = (
      await server.app.store.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'trainee1')
        .executeTakeFirstOrThrow()
    ).id;
    await trainer.sendOk('monitor:start', { agentId: traineeId });
    const conversation = await activeConversation(trainee, { topic: 'umum' });
    await postInbound(server.url, inboundContact({ topic: 'umum', text: 'Halo, masih di sana?' }));
    const mirrored = await trainer.next(
      'conversation:message-added',
      (f) => f.contactId === conversation.contact.id,
    );
    expect(mirrored.message.text).toBe('Halo, masih di sana?');
  });
});
