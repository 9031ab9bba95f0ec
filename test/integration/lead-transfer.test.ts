import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { StorageMode, TestClient, TestServer } from './harness';
import {
  STORAGE_MODES,
  clientsPerTest,
  inboundContact,
  postInbound,
  sleep,
  startServer,
  userId,
} from './harness';

/**
 * A lead hands a conversation to another queue (`conversation:transfer-to-queue`), on the demo
 * organisation: Tim Layanan 1 (lead1; agent1, agent2, trainee1) serves every queue but education;
 * Tim Layanan 2 (lead2; agent3, agent4, skilled in education only) serves education
 * (q-pendidikan).
 */
describe.each(STORAGE_MODES)('lead transfers to a queue on %s', (mode: StorageMode) => {
  let server: TestServer | undefined;
  const { connect } = clientsPerTest(() => server);

  const db = () => server!.app.store.db;

  async function contactRow(contactId: string) {
    return db()
      .selectFrom('contacts')
      .select(['status', 'queue_id', 'topic', 'assigned_agent_id', 'arrived_at', 'version'])
      .where('id', '=', contactId)
      .executeTakeFirstOrThrow();
  }

  async function auditRows() {
    return db()
      .selectFrom('audit_log')
      .select(['actor_id', 'data'])
      .where('action', '=', 'conversation.transferred_to_queue')
      .execute();
  }

  /** A contact arriving from its own number (one citizen's second contact would join the first). */
  async function arrive(topic = 'bansos', channel: 'whatsapp' | 'voice' = 'whatsapp') {
    const created = await postInbound(
      server!.url,
      inboundContact({
        topic,
        channel,
        ...(channel === 'voice' ? { text: '' } : {}),
        from: `0812${String(Math.random()).slice(2, 10)}`,
      }),
    );
    expect(created.status).toBe(201);
    return String(created.body.contactId);
  }

  /** The agent takes one contact of the topic; returns its id. */
  async function holding(agent: TestClient, topic = 'bansos'): Promise<string> {
    await agent.sendOk('agent:set-status', { status: 'available' });
    const contactId = await arrive(topic);
    const offer = await agent.next('offer:created', (o) => o.contact.id === contactId);
    await agent.sendOk('offer:accept', { offerId: offer.id });
    return contactId;
  }

  it("hands an active conversation to another team's queue: the holder lets go and is told why, a skilled agent there is offered it", async () => {
    server = await startServer(mode);
    const [agent1, agent3, lead1, lead2] = await Promise.all([
      connect('agent1'),
      connect('agent3'),
      connect('lead1'),
      connect('lead2'),
    ]);
    const contactId = await holding(agent1);
    const before = await contactRow(contactId);
    await agent3.sendOk('agent:set-status', { status: 'available' });

    const reason = 'Pertanyaan soal beasiswa sekolah, bukan bansos';
    const moved = await lead1.sendOk('conversation:transfer-to-queue', {
      commandId: randomUUID(),
      contactId,
      toQueueId: 'q-pendidikan',
      reason,
    });
    expect(moved).toMatchObject({
      id: contactId,
      status: 'waiting',
      queueId: 'q-pendidikan',
      topic: 'pendidikan',
      assignedAgentId: null,
      // It keeps its place by arrival, as after an agent's transfer to a queue.
      arrivedAt: before.arrived_at,
    });

    const revoked = await agent1.next('conversation:revoked', (f) => f.contactId === contactId);
    expect(revoked).toMatchObject({
      byName: 'Agus Prasetyo',
      toAgentName: 'Pendidikan · Semua kanal',
      reason,
    });
    // Routing offers it at once to the skilled agent of the receiving team, who sees who and why.
    const offer = await agent3.next('offer:created', (o) => o.contact.id === contactId);
    expect(offer.transfer).toMatchObject({ fromName: 'Agus Prasetyo', mode: 'cold', note: reason });
    // The receiving team's lead sees it arrive; the sending lead is told it left their board.
    await lead2.next(
      'conversation:updated',
      (s) => s.id === contactId && s.queueId === 'q-pendidikan',
    );
    await lead1.next('conversation:left-team', (f) => f.contactId === contactId);

    // The holder's capacity is free again.
    const agent1Id = await userId(server, 'agent1');
    const agentView = await agent1.next(
      'agent:status-changed',
      (a) => a.id === agent1Id && a.activeContactIds.length === 0,
    );
    expect(agentView.load.chat).toBe(0);

    const audit = await auditRows();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(await userId(server, 'lead1'));
    expect(JSON.parse(audit[0]!.data)).toMatchObject({
      contactId,
      fromQueueId: 'q-bansos-digital',
      toQueueId: 'q-pendidikan',
      fromAgentId: agent1Id,
      reason,
    });

    await agent3.sendOk('offer:accept', { offerId: offer.id });
    expect(await contactRow(contactId)).toMatchObject({
      status: 'active',
      assigned_agent_id: await userId(server, 'agent3'),
    });
  });

  it('hands a waiting conversation to a queue where a skilled agent is free', async () => {
    server = await startServer(mode);
    const [agent3, lead1, lead2] = await Promise.all([
      connect('agent3'),
      connect('lead1'),
      connect('lead2'),
    ]);
    // agent3 has no bansos skill: the bansos contact waits.
    await agent3.sendOk('agent:set-status', { status: 'available' });
    const contactId = await arrive('bansos');
    await lead1.next('conversation:updated', (s) => s.id === contactId && s.status === 'waiting');
    await sleep(200);
    expect(agent3.has('offer:created', (o) => o.contact.id === contactId)).toBe(false);

    await lead1.sendOk('conversation:transfer-to-queue', {
      commandId: randomUUID(),
      contactId,
      toQueueId: 'q-pendidikan',
      reason: 'Salah pilih menu, ini soal sekolah',
    });
    await agent3.next('offer:created', (o) => o.contact.id === contactId);
    await lead2.next('conversation:updated', (s) => s.id === contactId);
    await lead1.next('conversation:left-team', (f) => f.contactId === contactId);
  });

  it("keeps the team boundary and the roles: another team's lead, an agent, a trainer are refused and nothing changes", async () => {
    server = await startServer(mode);
    const [agent1, agent2, lead2, trainer] = await Promise.all([
      connect('agent1'),
      connect('agent2'),
      connect('lead2'),
      connect('trainer1'),
    ]);
    const contactId = await holding(agent1);
    const before = await contactRow(contactId);
    const payload = {
      commandId: randomUUID(),
      contactId,
      toQueueId: 'q-pendidikan',
      reason: 'Coba pindah',
    };
    expect(await lead2.send('conversation:transfer-to-queue', payload)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    for (const client of [agent2, trainer, agent1]) {
      expect(
        await client.send('conversation:transfer-to-queue', {
          ...payload,
          commandId: randomUUID(),
        }),
      ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await contactRow(contactId)).toEqual(before);
    expect(await auditRows()).toEqual([]);
    const stored = await db()
      .selectFrom('command_results')
      .select('command_id')
      .where('name', '=', 'conversation:transfer-to-queue')
      .execute();
    expect(stored).toEqual([]);
    expect(agent1.has('conversation:revoked')).toBe(false);
  });

  it('refuses bad input naming the field, and closed conversations, writing nothing', async () => {
    server = await startServer(mode);
    const [agent1, lead1] = await Promise.all([connect('agent1'), connect('lead1')]);
    const contactId = await holding(agent1);
    const before = await contactRow(contactId);
    const send = (payload: Record<string, unknown>) =>
      lead1.sendRaw('conversation:transfer-to-queue', {
        commandId: randomUUID(),
        contactId,
        toQueueId: 'q-pendidikan',
        reason: 'Pindah antrean',
        ...payload,
      });
    const fieldOf = (ack: unknown) =>
      (ack as { error: { fields?: { path: string }[] } }).error.fields?.map((f) => f.path);

    const noReason = await send({ reason: '   ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(fieldOf(noReason)).toEqual(['reason']);
    const noQueue = await send({ toQueueId: undefined, commandId: 'not-a-uuid' });
    expect(fieldOf(noQueue)?.sort()).toEqual(['commandId', 'toQueueId']);
    const unknownQueue = await send({ toQueueId: 'q-tidak-ada' });
    expect(unknownQueue).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(fieldOf(unknownQueue)).toEqual(['toQueueId']);
    const sameQueue = await send({ toQueueId: 'q-bansos-digital' });
    expect(fieldOf(sameQueue)).toEqual(['toQueueId']);
    // A WhatsApp chat cannot wait in a telephone-only queue.
    const wrongChannel = await send({ toQueueId: 'q-bansos-suara' });
    expect(wrongChannel).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(fieldOf(wrongChannel)).toEqual(['toQueueId']);
    const unknownContact = await send({ contactId: 'no-such-contact' });
    expect(unknownContact).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await contactRow(contactId)).toEqual(before);
    expect(await auditRows()).toEqual([]);

    await agent1.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId,
      wrapupCode: 'answered',
      notes: '',
    });
    expect(await send({})).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await contactRow(contactId)).status).toBe('closed');
  });

  it('runs a resent command once: the same answer, one audit row, the holder told once', async () => {
    server = await startServer(mode);
    const [agent1, lead1] = await Promise.all([connect('agent1'), connect('lead1')]);
    const contactId = await holding(agent1);
    const payload = {
      commandId: randomUUID(),
      contactId,
      toQueueId: 'q-kesehatan',
      reason: 'Soal kartu JKN',
    };
    const first = await lead1.sendOk('conversation:transfer-to-queue', payload);
    const resent = await lead1.sendOk('conversation:transfer-to-queue', payload);
    expect(resent).toEqual(first);
    expect(await auditRows()).toHaveLength(1);
    await agent1.next('conversation:revoked', (f) => f.contactId === contactId);
    await sleep(300);
    expect(agent1.has('conversation:revoked', (f) => f.contactId === contactId)).toBe(false);
    // The same id is one command: sent again by another lead it is refused, not run.
    const admin = await connect('admin');
    expect(await admin.send('conversation:transfer-to-queue', payload)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await auditRows()).toHaveLength(1);
  });

  it('lets one of two racing leads win: transfer against reassign, and against another transfer', async () => {
    server = await startServer(mode);
    const [agent1, agent2, lead1, admin] = await Promise.all([
      connect('agent1'),
      connect('agent2'),
      connect('lead1'),
      connect('admin'),
    ]);
    const agent2Id = await userId(server, 'agent2');
    await agent2.sendOk('agent:set-status', { status: 'break' });
    for (let round = 0; round < 4; round++) {
      // Waiting (nobody available) on even rounds, held by agent1 on odd ones.
      await agent1.sendOk('agent:set-status', { status: round % 2 === 0 ? 'break' : 'available' });
      const contactId = round % 2 === 0 ? await arrive('bansos') : await holding(agent1);
      // Both leads saw it in the same place; each sends what they saw.
      const seen = {
        queueId: 'q-bansos-digital',
        holderId: round % 2 === 0 ? null : await userId(server, 'agent1'),
      };
      const [transfer, other] = await Promise.all([
        lead1.send('conversation:transfer-to-queue', {
          commandId: randomUUID(),
          contactId,
          toQueueId: 'q-pendidikan',
          reason: `ronde ${round}`,
          seen,
        }),
        round < 2
          ? admin.send('conversation:reassign', {
              commandId: randomUUID(),
              contactId,
              toAgentId: agent2Id,
              reason: `ronde ${round}`,
              seen,
            })
          : admin.send('conversation:transfer-to-queue', {
              commandId: randomUUID(),
              contactId,
              // A queue nobody connected serves: the loser's contact does not reach agent1.
              toQueueId: 'q-pajak-digital',
              reason: `ronde ${round}`,
              seen,
            }),
      ]);
      const acks = [transfer, other];
      expect(
        acks.filter((ack) => ack.ok),
        `round ${round}`,
      ).toHaveLength(1);
      const refused = acks.find((ack) => !ack.ok);
      expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
      const row = await contactRow(contactId);
      if (transfer.ok) {
        expect(row).toMatchObject({ queue_id: 'q-pendidikan', assigned_agent_id: null });
      } else if (round < 2) {
        expect(row).toMatchObject({ status: 'active', assigned_agent_id: agent2Id });
      } else {
        expect(row).toMatchObject({ queue_id: 'q-pajak-digital', assigned_agent_id: null });
      }
      // Nobody holds more than they may: agent2 holds at most what the winner gave them.
      const held = await db()
        .selectFrom('contacts')
        .select('id')
        .where('status', '=', 'active')
        .where('id', '=', contactId)
        .execute();
      expect(held.length).toBeLessThanOrEqual(1);
      await agent1.sendOk('agent:set-status', { status: 'break' });
    }
  });

  it('lets one of a transfer and an accept of the same offer win, never both', async () => {
    server = await startServer(mode);
    const [agent1, lead1] = await Promise.all([connect('agent1'), connect('lead1')]);
    await agent1.sendOk('agent:set-status', { status: 'available' });
    const agent1Id = await userId(server, 'agent1');
    for (let round = 0; round < 4; round++) {
      const contactId = await arrive('bansos');
      const offer = await agent1.next('offer:created', (o) => o.contact.id === contactId);
      const [transfer, accept] = await Promise.all([
        lead1.send('conversation:transfer-to-queue', {
          commandId: randomUUID(),
          contactId,
          toQueueId: 'q-pendidikan',
          reason: `ronde ${round}`,
          // What the console sends: without it, a transfer after the accept rightly moves the
          // now-held conversation, and both would succeed one after the other.
          seen: { queueId: offer.contact.queueId, holderId: null },
        }),
        agent1.send('offer:accept', { offerId: offer.id }),
      ]);
      expect([transfer.ok, accept.ok].filter(Boolean), `round ${round}`).toHaveLength(1);
      const row = await contactRow(contactId);
      if (accept.ok) {
        expect(transfer).toMatchObject({ ok: false, error: { code: 'conflict' } });
        expect(row).toMatchObject({ status: 'active', assigned_agent_id: agent1Id });
        await agent1.sendOk('outcome:log', {
          commandId: randomUUID(),
          contactId,
          wrapupCode: 'answered',
          notes: '',
        });
        await agent1.sendOk('agent:set-status', { status: 'available' });
      } else {
        expect(accept).toMatchObject({ ok: false, error: { code: 'conflict' } });
        expect(row).toMatchObject({ queue_id: 'q-pendidikan', assigned_agent_id: null });
      }
    }
  });
});
