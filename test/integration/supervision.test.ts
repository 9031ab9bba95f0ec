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

describe.each(STORAGE_MODES)('lead and trainer on %s', (mode: StorageMode) => {
  let server: TestServer;
  const { connect } = clientsPerTest(() => server);

  /** agent1 takes one bansos contact; returns its id. */
  async function agentHolding(agent: TestClient): Promise<string> {
    await agent.sendOk('agent:set-status', { status: 'available' });
    const created = await postInbound(server.url, inboundContact());
    const offer = await agent.next('offer:created', (o) => o.contact.id === created.body.contactId);
    await agent.sendOk('offer:accept', { offerId: offer.id });
    return offer.contact.id;
  }

  it('reassigns an active conversation: the new holder gets it at once, the previous one loses it, both see why', async () => {
    server = await startServer(mode);
    const agent1 = await connect('agent1');
    const agent2 = await connect('agent2');
    const lead = await connect('lead1');
    await agent2.sendOk('agent:set-status', { status: 'break' });
    const contactId = await agentHolding(agent1);
    const agent2Id = await userId(server, 'agent2');

    const moved = await lead.sendOk('conversation:reassign', {
      commandId: randomUUID(),
      contactId,
      toAgentId: agent2Id,
      reason: 'Penanya meminta petugas yang menangani pajak',
    });
    expect(moved).toMatchObject({
      id: contactId,
      status: 'active',
      assignedAgentId: agent2Id,
      assignedAgentName: 'Budi Santoso',
    });

    const assigned = await agent2.next(
      'conversation:assigned',
      (f) => f.conversation.contact.id === contactId,
    );
    expect(assigned).toMatchObject({
      reason: 'reassigned',
      byName: 'Agus Prasetyo',
      note: 'Penanya meminta petugas yang menangani pajak',
    });
    expect(assigned.conversation.caller.name).toBe('Siti Rahayu');
    const revoked = await agent1.next('conversation:revoked', (f) => f.contactId === contactId);
    expect(revoked).toMatchObject({
      byName: 'Agus Prasetyo',
      toAgentName: 'Budi Santoso',
      reason: 'Penanya meminta petugas yang menangani pajak',
    });
    await lead.next(
      'conversation:updated',
      (c) => c.id === contactId && c.assignedAgentId === agent2Id,
    );

    // The previous holder can no longer wrap it up; the new one can.
    const stale = await agent1.send('outcome:log', {
      commandId: randomUUID(),
      contactId,
      wrapupCode: 'answered',
      notes: '',
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await agent2.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId,
      wrapupCode: 'answered',
      notes: 'Dijawab.',
    });

    const events = await server.app.store.db
      .selectFrom('contact_events')
      .selectAll()
      .where('contact_id', '=', contactId)
      .where('kind', '=', 'reassigned')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]?.note).toBe('Penanya meminta petugas yang menangani pajak');
  });

  it('reassigns a waiting contact and refuses impossible moves with a clear error', async () => {
    server = await startServer(mode);
    const agent1 = await connect('agent1');
    const lead = await connect('lead1');
    await agent1.sendOk('agent:set-status', { status: 'break' });
    // A call: exclusive, so agent1 has no room for the next conversation.
    const waiting = await postInbound(
      server.url,
      inboundContact({ topic: 'pajak', channel: 'voice', text: '' }),
    );
    const agent1Id = await userId(server, 'agent1');
    const moved = await lead.sendOk('conversation:reassign', {
      commandId: randomUUID(),
      contactId: String(waiting.body.contactId),
      toAgentId: agent1Id,
      reason: 'Penanya media, segera dilayani',
    });
    expect(moved.assignedAgentId).toBe(agent1Id);
    await agent1.next(
      'conversation:assigned',
      (f) => f.conversation.contact.id === waiting.body.contactId,
    );

    const other = await postInbound(server.url, inboundContact({ from: '085700000000' }));
    const busy = await lead.send('conversation:reassign', {
      commandId: randomUUID(),
      contactId: String(other.body.contactId),
      toAgentId: agent1Id,
      reason: 'coba',
    });
    expect(busy).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('as many conversations') },
    });
    const offline = await lead.send('conversation:reassign', {
      commandId: randomUUID(),
      contactId: String(other.body.contactId),
      toAgentId: await userId(server, 'trainee1'),
      reason: 'coba',
    });
    expect(offline).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('offline') },
    });
    const notAgent = await lead.send('conversation:reassign', {
      commandId: randomUUID(),
      contactId: String(other.body.contactId),
      toAgentId: await userId(server, 'trainer1'),
      reason: 'coba',
    });
    expect(notAgent).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const noReason = await lead.sendRaw('conversation:reassign', {
      commandId: randomUUID(),
      contactId: String(other.body.contactId),
      toAgentId: agent1Id,
      reason: '  ',
    });
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', fields: [{ path: 'reason' }] },
    });
  });

  it('never exceeds capacity, however many reassignments race: one call at a time', async () => {
    server = await startServer(mode);
    const agent1 = await connect('agent1');
    const leads = await Promise.all([
      connect('lead1'),
      connect('lead1'),
      connect('admin'),
      connect('admin'),
    ]);
    await agent1.sendOk('agent:set-status', { status: 'break' });
    const agent1Id = await userId(server, 'agent1');
    for (let round = 0; round < 5; round++) {
      const contactIds: string[] = [];
      for (let i = 0; i < leads.length; i++) {
        const created = await postInbound(
          server.url,
          inboundContact({
            topic: 'pajak',
            channel: 'voice',
            text: '',
            from: `0813000${round}${i}000`,
          }),
        );
        contactIds.push(String(created.body.contactId));
      }
      const acks = await Promise.all(
        leads.map((lead, i) =>
          lead.send('conversation:reassign', {
            commandId: randomUUID(),
            contactId: contactIds[i]!,
            toAgentId: agent1Id,
            reason: `ronde ${round}`,
          }),
        ),
      );
      expect(acks.filter((ack) => ack.ok)).toHaveLength(1);
      for (const ack of acks.filter((a) => !a.ok))
        expect(ack).toMatchObject({ ok: false, error: { code: 'conflict' } });
      const active = await server.app.store.db
        .selectFrom('contacts')
        .select('id')
        .where('assigned_agent_id', '=', agent1Id)
        .where('status', '=', 'active')
        .execute();
      expect(active).toHaveLength(1);
      await agent1.sendOk('outcome:log', {
        commandId: randomUUID(),
        contactId: active[0]!.id,
        wrapupCode: 'answered',
        notes: '',
      });
    }
  });

  it('lets a trainer follow a trainee live and read-only', async () => {
    server = await startServer(mode);
    const trainee = await connect('trainee1');
    const trainer = await connect('trainer1');
    const traineeId = await userId(server, 'trainee1');

    const snapshot = await trainer.sendOk('monitor:start', { agentId: traineeId });
    expect(snapshot.agent.isTrainee).toBe(true);
    expect(snapshot.conversations).toEqual([]);

    await trainee.sendOk('agent:set-status', { status: 'available' });
    const created = await postInbound(server.url, inboundContact({ topic: 'umum' }));
    const offer = await trainee.next(
      'offer:created',
      (o) => o.contact.id === created.body.contactId,
    );
    // Trainers see work, not offers meant for the agent's hands.
    expect(trainer.has('offer:created')).toBe(false);
    await trainee.sendOk('offer:accept', { offerId: offer.id });
    const mirrored = await trainer.next('conversation:assigned', (f) => f.agentId === traineeId);
    expect(mirrored.conversation.contact.id).toBe(created.body.contactId);
    expect(mirrored.conversation.script?.steps.length).toBeGreaterThan(0);

    const record = await trainee.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId: offer.contact.id,
      wrapupCode: 'answered',
      notes: 'Dijawab dengan skrip umum.',
    });
    const seen = await trainer.next('outcome:logged', (r) => r.outcome.id === record.outcome.id);
    expect(seen.outcome.notes).toBe('Dijawab dengan skrip umum.');

    // Watching changed nothing: the contact and its offers are exactly as the trainee left them.
    const contact = await server.app.store.db
      .selectFrom('contacts')
      .selectAll()
      .where('id', '=', offer.contact.id)
      .executeTakeFirstOrThrow();
    expect(contact.assigned_agent_id).toBe(traineeId);

    await trainer.sendOk('monitor:stop', { agentId: traineeId });
    const next = await postInbound(
      server.url,
      inboundContact({ topic: 'umum', from: '089900000000' }),
    );
    const nextOffer = await trainee.next(
      'offer:created',
      (o) => o.contact.id === next.body.contactId,
    );
    await trainee.sendOk('offer:accept', { offerId: nextOffer.id });
    await trainee.next(
      'conversation:assigned',
      (f) => f.conversation.contact.id === next.body.contactId,
    );
    expect(
      trainer.has(
        'conversation:assigned',
        (f) => f.conversation.contact.id === next.body.contactId,
      ),
    ).toBe(false);
  });
});
