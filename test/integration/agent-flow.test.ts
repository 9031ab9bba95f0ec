import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  STORAGE_MODES,
  getJson,
  inboundContact,
  postInbound,
  signIn,
  startServer,
  userId,
  sleep,
  type StorageMode,
  type TestServer,
  clientsPerTest,
} from './harness';

describe.each(STORAGE_MODES)('agent flow on %s', (mode: StorageMode) => {
  let server: TestServer;
  const { connect } = clientsPerTest(() => server);

  it('offers a contact to an available agent, who accepts, logs an outcome and a follow-up that the lead sees at once', async () => {
    server = await startServer(mode);
    const agent = await connect('agent1');
    const lead = await connect('lead1');
    const status = await agent.sendOk('agent:set-status', { status: 'available' });
    expect(status.status).toBe('available');
    await lead.next(
      'agent:status-changed',
      (view) => view.displayName === 'Rina Wulandari' && view.status === 'available',
    );

    // A returning caller: the first contact is closed beforehand to give them history.
    const earlier = await postInbound(server.url, inboundContact({ text: 'Pertanyaan pertama' }));
    expect(earlier.status).toBe(201);
    const firstOffer = await agent.next(
      'offer:created',
      (offer) => offer.contact.id === earlier.body.contactId,
    );
    await agent.sendOk('offer:accept', { offerId: firstOffer.id });
    await agent.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId: String(earlier.body.contactId),
      wrapupCode: 'answered',
      notes: 'Dijelaskan jadwal penyaluran tahap 4.',
    });
    // The queue's wrap-up time follows; the agent ends it early to take the next contact.
    const wrapUp = await agent.next(
      'agent:status-changed',
      (view) => view.status === 'after_contact_work',
    );
    expect(wrapUp.statusUntil! - wrapUp.statusSince).toBe(15_000);
    await agent.sendOk('agent:set-status', { status: 'available' });

    const created = await postInbound(server.url, inboundContact({ from: '+62 812 3456 7890' }));
    expect(created.status).toBe(201);
    expect(created.body.reference).toMatch(/^TGP-\d{8}-\d{5}$/);
    const queueState = await agent.next('queue:state-changed', (state) =>
      state.queues.some((queue) => queue.queueId === 'q-bansos-digital' && queue.waiting === 1),
    );
    expect(queueState.version).toBeGreaterThan(0);

    const offer = await agent.next('offer:created', (o) => o.contact.id === created.body.contactId);
    expect(offer.expiresAt - offer.createdAt).toBe(20_000);
    expect(offer.contact.segment).toBe('public');

    const detail = await agent.sendOk('offer:accept', { offerId: offer.id });
    expect(detail.contact.status).toBe('active');
    expect(detail.caller.name).toBe('Siti Rahayu');
    expect(detail.caller.address).toBe('6281234567890');
    expect(detail.caller.previousContacts).toHaveLength(1);
    expect(detail.caller.previousContacts[0]?.outcome?.wrapupCode).toBe('answered');
    expect(detail.messages[0]?.text).toContain('PKH');
    expect(detail.script?.title).toBe('Pertanyaan bantuan sosial');
    const scriptText = detail.script!.steps.map((step) => step.text).join('\n');
    expect(scriptText).toContain('Siti Rahayu');
    expect(scriptText).toContain(String(created.body.reference));
    expect(scriptText).toContain('Rina Wulandari');
    expect(scriptText).not.toMatch(/\{caller\.name\}|\{reference\}/);
    await agent.next(
      'conversation:assigned',
      (fact) => fact.conversation.contact.id === created.body.contactId,
    );
    await lead.next(
      'conversation:updated',
      (c) => c.id === created.body.contactId && c.status === 'active',
    );

    const leadId = await userId(server, 'lead1');
    const dueAt = Date.now() + 86_400_000;
    const commandId = randomUUID();
    const record = await agent.sendOk('outcome:log', {
      commandId,
      contactId: String(created.body.contactId),
      wrapupCode: 'follow-up',
      notes: 'Nama ibu tidak muncul di data penerima; perlu dicek ke Dinsos.',
      followUp: { title: 'Cek data DTKS ibu pelapor', dueAt, ownerId: leadId },
    });
    expect(record.outcome.wrapupCode).toBe('follow-up');
    expect(record.followUp).toMatchObject({
      title: 'Cek data DTKS ibu pelapor',
      dueAt,
      ownerId: leadId,
      ownerName: 'Agus Prasetyo',
    });
    expect(record.contact.status).toBe('closed');

    const seenByLead = await lead.next('outcome:logged', (r) => r.outcome.id === record.outcome.id);
    expect(seenByLead.followUp?.title).toBe('Cek data DTKS ibu pelapor');
    expect(seenByLead.agentName).toBe('Rina Wulandari');
    await lead.next(
      'conversation:updated',
      (c) => c.id === created.body.contactId && c.status === 'closed',
    );

    // A resend after a lost ack returns the first result and writes nothing twice.
    const resent = await agent.sendOk('outcome:log', {
      commandId,
      contactId: String(created.body.contactId),
      wrapupCode: 'follow-up',
      notes: 'Nama ibu tidak muncul di data penerima; perlu dicek ke Dinsos.',
      followUp: { title: 'Cek data DTKS ibu pelapor', dueAt, ownerId: leadId },
    });
    expect(resent.outcome.id).toBe(record.outcome.id);
    const db = server.app.store.db;
    const outcomes = await db
      .selectFrom('outcomes')
      .selectAll()
      .where('contact_id', '=', String(created.body.contactId))
      .execute();
    const followUps = await db
      .selectFrom('follow_ups')
      .selectAll()
      .where('contact_id', '=', String(created.body.contactId))
      .execute();
    expect(outcomes).toHaveLength(1);
    expect(followUps).toHaveLength(1);

    // The lead's board (REST snapshot) agrees with what was pushed.
    const board = await getJson(
      `${server.url}/api/supervision/board`,
      await signIn(server.url, 'lead1'),
    );
    expect(board.status).toBe(200);
    expect(JSON.stringify(board.body)).toContain('Cek data DTKS ibu pelapor');

    // During the wrap-up time no contact is offered; once it is over, the next one is.
    const next = await postInbound(
      server.url,
      inboundContact({ from: '081111111111', name: 'Ahmad Hidayat' }),
    );
    await sleep(300);
    expect(agent.has('offer:created', (o) => o.contact.id === next.body.contactId)).toBe(false);
    await agent.sendOk('agent:set-status', { status: 'available' });
    await agent.next('offer:created', (o) => o.contact.id === next.body.contactId);
  });

  it('ends after-contact work by itself when its time is up', async () => {
    server = await startServer(mode);
    await server.app.store.db.updateTable('queues').set({ after_contact_work_ms: 700 }).execute();
    const agent = await connect('agent1');
    await agent.sendOk('agent:set-status', { status: 'available' });
    const first = await postInbound(server.url, inboundContact());
    const offer = await agent.next('offer:created', (o) => o.contact.id === first.body.contactId);
    await agent.sendOk('offer:accept', { offerId: offer.id });
    const queued = await postInbound(server.url, inboundContact({ from: '081377778888' }));
    await agent.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId: offer.contact.id,
      wrapupCode: 'answered',
      notes: '',
    });
    await agent.next('agent:status-changed', (view) => view.status === 'after_contact_work');
    await agent.next('agent:status-changed', (view) => view.status === 'available', 3000);
    await agent.next('offer:created', (o) => o.contact.id === queued.body.contactId, 3000);
  });

  it('moves a rejected offer to another eligible agent, and a timed-out one too', async () => {
    server = await startServer(mode, { env: { OFFER_TIMEOUT_MS: '1000' } });
    const agent1 = await connect('agent1');
    const agent2 = await connect('agent2');
    await agent1.sendOk('agent:set-status', { status: 'available' });
    await agent2.sendOk('agent:set-status', { status: 'available' });

    const rejected = await postInbound(server.url, inboundContact());
    // agent1 has the better bansos skill, so is offered first.
    const first = await agent1.next(
      'offer:created',
      (o) => o.contact.id === rejected.body.contactId,
    );
    expect(agent2.has('offer:created', (o) => o.contact.id === rejected.body.contactId)).toBe(
      false,
    );
    const ack = await agent1.sendOk('offer:reject', {
      offerId: first.id,
      reason: 'Sedang menulis catatan',
    });
    expect(ack.offerId).toBe(first.id);
    await agent1.next('offer:withdrawn', (w) => w.offerId === first.id && w.reason === 'rejected');
    const second = await agent2.next(
      'offer:created',
      (o) => o.contact.id === rejected.body.contactId,
    );
    await agent2.sendOk('offer:accept', { offerId: second.id });

    // agent1 lets the next one time out. The only other skilled agent is busy, so the contact
    // waits until agent2 is free, and agent1 can no longer accept the expired offer.
    const timedOut = await postInbound(server.url, inboundContact({ from: '081222222222' }));
    const missed = await agent1.next(
      'offer:created',
      (o) => o.contact.id === timedOut.body.contactId,
    );
    await agent1.next(
      'offer:withdrawn',
      (w) => w.offerId === missed.id && w.reason === 'expired',
      4000,
    );
    const late = await agent1.send('offer:accept', { offerId: missed.id });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await agent2.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId: second.contact.id,
      wrapupCode: 'answered',
      notes: '',
    });
    await agent2.sendOk('agent:set-status', { status: 'available' });
    const reoffered = await agent2.next(
      'offer:created',
      (o) => o.contact.id === timedOut.body.contactId,
      5000,
    );
    expect(reoffered.agentId).not.toBe(missed.agentId);

    const offers = await server.app.store.db
      .selectFrom('offers')
      .select(['status'])
      .where('contact_id', '=', String(timedOut.body.contactId))
      .orderBy('created_at')
      .execute();
    expect(offers.map((o) => o.status)).toEqual(['expired', 'pending']);
  });

  it('marks an agent Not responding after missed offers in a row, and offers them nothing more', async () => {
    server = await startServer(mode, {
      env: { OFFER_TIMEOUT_MS: '1000', MISSED_OFFERS_LIMIT: '2', DECLINE_COOLDOWN_MS: '0' },
    });
    const agent = await connect('agent1');
    await agent.sendOk('agent:set-status', { status: 'available' });
    const contact = await postInbound(server.url, inboundContact());
    for (let i = 0; i < 2; i++) {
      const offer = await agent.next(
        'offer:created',
        (o) => o.contact.id === contact.body.contactId,
        5000,
      );
      await agent.next('offer:withdrawn', (w) => w.offerId === offer.id, 5000);
    }
    await agent.next('agent:status-changed', (view) => view.status === 'not_responding', 5000);
    const view = await agent.sendOk('agent:set-status', { status: 'available' });
    expect(view.status).toBe('available');
    await agent.next('offer:created', (o) => o.contact.id === contact.body.contactId, 5000);
  });

  it('keeps an acknowledged outcome across a restart', async () => {
    server = await startServer(mode);
    const agent = await connect('agent1');
    await agent.sendOk('agent:set-status', { status: 'available' });
    const body = inboundContact();
    const created = await postInbound(server.url, body);
    const offer = await agent.next('offer:created', (o) => o.contact.id === created.body.contactId);
    await agent.sendOk('offer:accept', { offerId: offer.id });
    const record = await agent.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId: offer.contact.id,
      wrapupCode: 'info-sent',
      notes: 'Tautan cek bansos dikirim lewat WhatsApp.',
    });
    agent.close();
    await server.stop();

    server = await startServer(mode, { storageOf: server });
    const desk = await getJson(`${server.url}/api/desk`, await signIn(server.url, 'agent1'));
    expect(desk.status).toBe(200);
    const snapshot = desk.body as { recentOutcomes: { outcome: { id: string } }[] };
    expect(snapshot.recentOutcomes.map((r) => r.outcome.id)).toContain(record.outcome.id);
    // The channel retrying the same contact after the restart still creates nothing.
    const again = await postInbound(server.url, body);
    expect(again).toEqual({ status: 200, body: created.body });
  });
});
