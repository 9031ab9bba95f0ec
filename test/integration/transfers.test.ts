import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TestClient, StorageMode, TestServer } from './harness';
import {
  STORAGE_MODES,
  inboundContact,
  postInbound,
  startServer,
  userId,
  clientsPerTest,
} from './harness';

describe.each(STORAGE_MODES)('transfers on %s', (mode: StorageMode) => {
  let server: TestServer;
  const { connect } = clientsPerTest(() => server);

  /** agent1 holds a bansos contact; agent2 is on break unless told otherwise. */
  async function agent1Holding(agent1: TestClient, overrides = {}) {
    await agent1.sendOk('agent:set-status', { status: 'available' });
    const created = await postInbound(server.url, inboundContact(overrides));
    const offer = await agent1.next(
      'offer:created',
      (o) => o.contact.id === created.body.contactId,
    );
    return agent1.sendOk('offer:accept', { offerId: offer.id });
  }

  it('cold to a queue: the sender lets go at once and the contact is offered to someone else with the note', async () => {
    server = await startServer(mode);
    const agent1 = await connect('agent1');
    const agent2 = await connect('agent2');
    await agent2.sendOk('agent:set-status', { status: 'break' });
    const held = await agent1Holding(agent1);
    const moved = await agent1.sendOk('conversation:transfer', {
      commandId: randomUUID(),
      contactId: held.contact.id,
      to: { kind: 'queue', queueId: 'q-pajak-digital' },
      mode: 'cold',
      note: 'Pertanyaan soal pajak penghasilan penerima bansos',
    });
    expect(moved).toMatchObject({
      status: 'waiting',
      queueId: 'q-pajak-digital',
      topic: 'pajak',
      assignedAgentId: null,
    });
    await agent1.next('conversation:revoked', (f) => f.contactId === held.contact.id);
    // The sender, free again, is not offered back what they just passed on.
    await agent2.sendOk('agent:set-status', { status: 'available' });
    const offer = await agent2.next('offer:created', (o) => o.contact.id === held.contact.id);
    expect(offer.transfer).toMatchObject({
      fromName: 'Rina Wulandari',
      mode: 'cold',
      note: 'Pertanyaan soal pajak penghasilan penerima bansos',
    });
    expect(agent1.has('offer:created', (o) => o.contact.id === held.contact.id)).toBe(false);
    const detail = await agent2.sendOk('offer:accept', { offerId: offer.id });
    expect(detail.contact.assignedAgentId).toBe(await userId(server, 'agent2'));
  });

  it('warm to an agent: the sender keeps it until the receiver accepts, then both see the move', async () => {
    server = await startServer(mode);
    const agent1 = await connect('agent1');
    const agent2 = await connect('agent2');
    await agent2.sendOk('agent:set-status', { status: 'available' });
    const held = await agent1Holding(agent1);
    const agent2Id = await userId(server, 'agent2');
    await agent1.sendOk('conversation:transfer', {
      commandId: randomUUID(),
      contactId: held.contact.id,
      to: { kind: 'agent', agentId: agent2Id },
      mode: 'warm',
      note: 'Ibu Siti sudah diverifikasi; tinggal cek status KKS.',
    });
    const offer = await agent2.next('offer:created', (o) => o.contact.id === held.contact.id);
    expect(offer.transfer).toMatchObject({
      mode: 'warm',
      fromName: 'Rina Wulandari',
      note: 'Ibu Siti sudah diverifikasi; tinggal cek status KKS.',
    });
    // Until the receiver accepts, the sender still holds it and can still reply.
    const stillHeld = await server.app.store.db
      .selectFrom('contacts')
      .select(['status', 'assigned_agent_id'])
      .where('id', '=', held.contact.id)
      .executeTakeFirstOrThrow();
    expect(stillHeld).toEqual({
      status: 'active',
      assigned_agent_id: held.contact.assignedAgentId,
    });
    await agent1.sendOk('message:send', {
      commandId: randomUUID(),
      contactId: held.contact.id,
      text: 'Mohon tunggu sebentar, Bu.',
    });

    await agent2.sendOk('offer:accept', { offerId: offer.id });
    const assigned = await agent2.next(
      'conversation:assigned',
      (f) => f.conversation.contact.id === held.contact.id,
    );
    expect(assigned).toMatchObject({
      reason: 'transferred',
      byName: 'Rina Wulandari',
      note: 'Ibu Siti sudah diverifikasi; tinggal cek status KKS.',
    });
    expect(assigned.conversation.messages.map((m) => m.text)).toContain(
      'Mohon tunggu sebentar, Bu.',
    );
    await agent1.next(
      'conversation:revoked',
      (f) => f.contactId === held.contact.id && f.toAgentName === 'Budi Santoso',
    );
    expect(
      await agent1.send('outcome:log', {
        commandId: randomUUID(),
        contactId: held.contact.id,
        wrapupCode: 'answered',
        notes: '',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('warm to an agent who declines: the sender keeps the conversation and is told', async () => {
    server = await startServer(mode);
    const agent1 = await connect('agent1');
    const agent2 = await connect('agent2');
    await agent2.sendOk('agent:set-status', { status: 'available' });
    const held = await agent1Holding(agent1);
    await agent1.sendOk('conversation:transfer', {
      commandId: randomUUID(),
      contactId: held.contact.id,
      to: { kind: 'agent', agentId: await userId(server, 'agent2') },
      mode: 'warm',
      note: 'Tolong bantu soal JKN.',
    });
    const offer = await agent2.next('offer:created', (o) => o.contact.id === held.contact.id);
    await agent2.sendOk('offer:reject', { offerId: offer.id, reason: 'Sedang menulis catatan' });
    const declined = await agent1.next('transfer:declined', (f) => f.contactId === held.contact.id);
    expect(declined).toMatchObject({ toAgentName: 'Budi Santoso', reason: 'rejected' });
    const contact = await server.app.store.db
      .selectFrom('contacts')
      .select(['status', 'assigned_agent_id'])
      .where('id', '=', held.contact.id)
      .executeTakeFirstOrThrow();
    expect(contact).toEqual({ status: 'active', assigned_agent_id: held.contact.assignedAgentId });
    await agent1.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId: held.contact.id,
      wrapupCode: 'answered',
      notes: '',
    });
  });

  it('withdraws a warm transfer when the caller hangs up before the receiver accepts', async () => {
    server = await startServer(mode);
    const agent1 = await connect('agent1');
    const agent2 = await connect('agent2');
    await agent2.sendOk('agent:set-status', { status: 'available' });
    const call = inboundContact({ channel: 'voice', text: 'Panggilan masuk' });
    const held = await agent1Holding(agent1, call);
    const voiceEvent = (event: string) =>
      fetch(`${server.url}/api/inbound/voice-events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': 'demo-inbound-key-tanggap' },
        body: JSON.stringify({
          callId: call.externalId,
          event,
          eventId: `${call.externalId}-${event}`,
        }),
      });
    expect((await voiceEvent('answered')).status).toBe(200);
    await agent1.sendOk('conversation:transfer', {
      commandId: randomUUID(),
      contactId: held.contact.id,
      to: { kind: 'agent', agentId: await userId(server, 'agent2') },
      mode: 'warm',
      note: 'Mohon bantu soal KIS.',
    });
    const offer = await agent2.next('offer:created', (o) => o.contact.id === held.contact.id);
    expect((await voiceEvent('ended')).status).toBe(200);
    await agent2.next('offer:withdrawn', (w) => w.offerId === offer.id && w.reason === 'rescinded');
    const declined = await agent1.next('transfer:declined', (f) => f.contactId === held.contact.id);
    expect(declined.reason).toBe('rescinded');
    // The sender still holds the (ended) call and wraps it up.
    await agent1.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId: held.contact.id,
      wrapupCode: 'answered',
      notes: '',
    });
  });

  it('refuses transfers that cannot work, with a clear error, changing nothing', async () => {
    server = await startServer(mode);
    const agent1 = await connect('agent1');
    const agent2 = await connect('agent2');
    const held = await agent1Holding(agent1);
    const agent2Id = await userId(server, 'agent2');
    const attempt = (payload: unknown) => agent1.sendRaw('conversation:transfer', payload);
    expect(
      await attempt({
        commandId: randomUUID(),
        contactId: held.contact.id,
        to: { kind: 'queue', queueId: 'q-umum' },
        mode: 'warm',
        note: 'x',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', fields: [{ path: 'mode' }] },
    });
    expect(
      await attempt({
        commandId: randomUUID(),
        contactId: held.contact.id,
        to: { kind: 'agent', agentId: agent2Id },
        mode: 'warm',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', fields: [{ path: 'note' }] },
    });
    expect(
      await attempt({
        commandId: randomUUID(),
        contactId: held.contact.id,
        to: { kind: 'queue', queueId: 'no-such-queue' },
        mode: 'cold',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', fields: [{ path: 'to.queueId' }] },
    });
    // agent2 is signed in but not ready.
    expect(
      await attempt({
        commandId: randomUUID(),
        contactId: held.contact.id,
        to: { kind: 'agent', agentId: agent2Id },
        mode: 'cold',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('Budi Santoso') },
    });
    expect(
      await agent2.sendRaw('conversation:transfer', {
        commandId: randomUUID(),
        contactId: held.contact.id,
        to: { kind: 'queue', queueId: 'q-umum' },
        mode: 'cold',
      }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const contact = await server.app.store.db
      .selectFrom('contacts')
      .select(['status', 'queue_id'])
      .where('id', '=', held.contact.id)
      .executeTakeFirstOrThrow();
    expect(contact).toEqual({ status: 'active', queue_id: 'q-bansos-digital' });
  });
});
