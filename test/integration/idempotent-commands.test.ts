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
 * A resend after a lost acknowledgement: the same command again, as the client's outbox or a retry
 * sends it. Each must answer as the first time did and change nothing more.
 */
describe.each(STORAGE_MODES)('resent commands on %s', (mode: StorageMode) => {
  let server: TestServer;
  const { connect } = clientsPerTest(() => server);

  async function offeredTo(agent: TestClient) {
    await agent.sendOk('agent:set-status', { status: 'available' });
    const created = await postInbound(server.url, inboundContact());
    return agent.next('offer:created', (o) => o.contact.id === created.body.contactId);
  }

  async function holding(agent: TestClient) {
    const offer = await offeredTo(agent);
    return agent.sendOk('offer:accept', { offerId: offer.id });
  }

  async function eventsOf(contactId: string, kind: string) {
    return server.app.store.db
      .selectFrom('contact_events')
      .selectAll()
      .where('contact_id', '=', contactId)
      .where('kind', '=', kind)
      .execute();
  }

  async function agentVersion(username: string): Promise<number> {
    const row = await server.app.store.db
      .selectFrom('agent_states')
      .select('version')
      .where('user_id', '=', await userId(server, username))
      .executeTakeFirstOrThrow();
    return Number(row.version);
  }

  /** Lets facts of the first attempt arrive, so a second set would be seen. */
  const settle = () => sleep(150);

  it('conversation:transfer (cold to a queue): the resend answers the first summary and moves nothing again', async () => {
    server = await startServer(mode);
    const agent1 = await connect('agent1');
    const agent2 = await connect('agent2');
    await agent2.sendOk('agent:set-status', { status: 'break' });
    const held = await holding(agent1);
    const payload = {
      commandId: randomUUID(),
      contactId: held.contact.id,
      to: { kind: 'queue' as const, queueId: 'q-pajak-digital' },
      mode: 'cold' as const,
      note: 'Soal pajak penghasilan',
    };
    const first = await agent1.sendOk('conversation:transfer', payload);
    await agent1.next('conversation:revoked', (f) => f.contactId === held.contact.id);
    const versionAfterFirst = await agentVersion('agent1');
    await settle();

    const resent = await agent1.sendOk('conversation:transfer', payload);
    await settle();
    expect(resent).toEqual(first);
    expect(await eventsOf(held.contact.id, 'transfer_cold')).toHaveLength(1);
    expect(await agentVersion('agent1')).toBe(versionAfterFirst);
    // No second announcement: the sender was told once.
    expect(agent1.has('conversation:revoked', (f) => f.contactId === held.contact.id)).toBe(false);
  });

  it('conversation:transfer (warm): the resend answers the first summary and offers the receiver once', async () => {
    server = await startServer(mode);
    const agent1 = await connect('agent1');
    const agent2 = await connect('agent2');
    await agent2.sendOk('agent:set-status', { status: 'available' });
    const held = await holding(agent1);
    const payload = {
      commandId: randomUUID(),
      contactId: held.contact.id,
      to: { kind: 'agent' as const, agentId: await userId(server, 'agent2') },
      mode: 'warm' as const,
      note: 'Sudah diverifikasi, tinggal cek status KKS',
    };
    const first = await agent1.sendOk('conversation:transfer', payload);
    await agent2.next('offer:created', (o) => o.contact.id === held.contact.id);
    await settle();

    const resent = await agent1.send('conversation:transfer', payload);
    await settle();
    expect(resent).toEqual({ ok: true, data: first });
    const offers = await server.app.store.db
      .selectFrom('offers')
      .select(['status'])
      .where('contact_id', '=', held.contact.id)
      .where('kind', '=', 'transfer_warm')
      .execute();
    expect(offers).toEqual([{ status: 'pending' }]);
    expect(agent2.has('offer:created', (o) => o.contact.id === held.contact.id)).toBe(false);
    // A new command id is a new transfer, refused while the first waits for its answer.
    const another = await agent1.send('conversation:transfer', {
      ...payload,
      commandId: randomUUID(),
    });
    expect(another).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('conversation:reassign: the resend answers the first summary and moves the conversation once', async () => {
    server = await startServer(mode);
    const agent1 = await connect('agent1');
    const agent2 = await connect('agent2');
    const lead = await connect('lead1');
    await agent2.sendOk('agent:set-status', { status: 'break' });
    const held = await holding(agent1);
    const payload = {
      commandId: randomUUID(),
      contactId: held.contact.id,
      toAgentId: await userId(server, 'agent2'),
      reason: 'Penanya meminta petugas pajak',
    };
    const first = await lead.sendOk('conversation:reassign', payload);
    await agent2.next(
      'conversation:assigned',
      (f) => f.conversation.contact.id === held.contact.id,
    );
    const versions = [await agentVersion('agent1'), await agentVersion('agent2')];
    await settle();

    const resent = await lead.sendOk('conversation:reassign', payload);
    await settle();
    expect(resent).toEqual(first);
    expect(await eventsOf(held.contact.id, 'reassigned')).toHaveLength(1);
    expect([await agentVersion('agent1'), await agentVersion('agent2')]).toEqual(versions);
    expect(
      agent2.has('conversation:assigned', (f) => f.conversation.contact.id === held.contact.id),
    ).toBe(false);

    // The id is the lead's: another user sending it is refused, not answered with the lead's result.
    const lead2 = await connect('admin');
    const stolen = await lead2.send('conversation:reassign', payload);
    expect(stolen).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('offer:accept: the resend answers the conversation still held and accepts nothing again', async () => {
    server = await startServer(mode);
    const agent1 = await connect('agent1');
    const offer = await offeredTo(agent1);
    const first = await agent1.sendOk('offer:accept', { offerId: offer.id });
    await agent1.next(
      'conversation:assigned',
      (f) => f.conversation.contact.id === offer.contact.id,
    );
    const version = await agentVersion('agent1');
    await settle();

    const resent = await agent1.sendOk('offer:accept', { offerId: offer.id });
    await settle();
    expect(resent).toEqual(first);
    expect(await eventsOf(offer.contact.id, 'accepted')).toHaveLength(1);
    expect(await agentVersion('agent1')).toBe(version);
    expect(
      agent1.has('conversation:assigned', (f) => f.conversation.contact.id === offer.contact.id),
    ).toBe(false);

    // Once the conversation is closed, the old offer is nothing to hold on to.
    await agent1.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId: offer.contact.id,
      wrapupCode: 'answered',
      notes: '',
    });
    const late = await agent1.send('offer:accept', { offerId: offer.id });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('offer:accept of an offer another agent got stays forbidden', async () => {
    server = await startServer(mode);
    const agent1 = await connect('agent1');
    const agent2 = await connect('agent2');
    await agent2.sendOk('agent:set-status', { status: 'break' });
    const offer = await offeredTo(agent1);
    await agent1.sendOk('offer:accept', { offerId: offer.id });
    const other = await agent2.send('offer:accept', { offerId: offer.id });
    expect(other).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('offer:reject: the resend answers the same and rejects nothing again', async () => {
    server = await startServer(mode);
    const agent1 = await connect('agent1');
    const offer = await offeredTo(agent1);
    const first = await agent1.sendOk('offer:reject', { offerId: offer.id, reason: 'sibuk' });
    await agent1.next('offer:withdrawn', (f) => f.offerId === offer.id);
    await settle();

    const resent = await agent1.sendOk('offer:reject', { offerId: offer.id, reason: 'sibuk' });
    await settle();
    expect(resent).toEqual(first);
    expect(await eventsOf(offer.contact.id, 'rejected')).toHaveLength(1);
    expect(agent1.has('offer:withdrawn', (f) => f.offerId === offer.id)).toBe(false);
    // A reject never turns into an accept of the same offer.
    const accept = await agent1.send('offer:accept', { offerId: offer.id });
    expect(accept).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
