import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAvailableAgents } from '../../server/modules/routing/repository';
import * as agentLoadCounters from '../../server/store/migrations/0023-agent-load-counters';
import type { StorageMode, TestClient, TestServer } from './harness';
import {
  STORAGE_MODES,
  clientsPerTest,
  inboundContact,
  postInbound,
  startServer,
  userId,
} from './harness';

interface Counters {
  user_id: string;
  held_voice: number;
  held_chat: number;
  held_email: number;
}

/**
 * The held-work counters on agent_states (migration 0023) are kept by triggers; routing and the
 * capacity checks trust them instead of counting. Here every step of a contact's life is followed
 * by comparing them, for every agent, with a count of the rows they summarise.
 */
describe.each(STORAGE_MODES)('agent load counters on %s', (mode: StorageMode) => {
  let server: TestServer;
  const { connect } = clientsPerTest(() => server);

  async function kept(): Promise<Counters[]> {
    return server.app.store.db
      .selectFrom('agent_states')
      .select(['user_id', 'held_voice', 'held_chat', 'held_email'])
      .orderBy('user_id')
      .execute();
  }

  async function counted(): Promise<Counters[]> {
    const { rows } = await sql<Counters>`
      select s.user_id,
        (select count(*) from contacts c where c.assigned_agent_id = s.user_id
          and c.status = 'active' and c.channel = 'voice') as held_voice,
        (select count(*) from contacts c where c.assigned_agent_id = s.user_id
          and c.status = 'active' and c.channel not in ('voice', 'email')) as held_chat,
        (select count(*) from contacts c where c.assigned_agent_id = s.user_id
          and c.status = 'active' and c.channel = 'email') as held_email
      from agent_states s order by s.user_id`.execute(server.app.store.db);
    return rows.map((row) => ({
      user_id: row.user_id,
      held_voice: Number(row.held_voice),
      held_chat: Number(row.held_chat),
      held_email: Number(row.held_email),
    }));
  }

  async function expectCountersTrue(): Promise<void> {
    expect(await kept()).toEqual(await counted());
  }

  async function countersOf(agentId: string) {
    const row = (await kept()).find((r) => r.user_id === agentId);
    const { user_id: _, ...counters } = row!;
    return counters;
  }

  async function offered(agent: TestClient, overrides = {}) {
    const created = await postInbound(server.url, inboundContact(overrides));
    expect(created.status).toBe(201);
    return agent.next('offer:created', (o) => o.contact.id === created.body.contactId);
  }

  it('stay equal to counting through accept, warm transfer, reassign, reject and close', async () => {
    server = await startServer(mode);
    const agent1 = await connect('agent1');
    const agent2 = await connect('agent2');
    const lead = await connect('lead1');
    const agent1Id = await userId(server, 'agent1');
    const agent2Id = await userId(server, 'agent2');
    await expectCountersTrue();

    await agent1.sendOk('agent:set-status', { status: 'available' });
    const first = await offered(agent1);
    expect(await countersOf(agent1Id)).toMatchObject({ held_chat: 0 });
    await expectCountersTrue();

    await agent1.sendOk('offer:accept', { offerId: first.id });
    expect(await countersOf(agent1Id)).toMatchObject({ held_chat: 1 });
    await expectCountersTrue();

    // Warm transfer: the sender holds it until the receiver accepts.
    await agent2.sendOk('agent:set-status', { status: 'available' });
    await agent1.sendOk('conversation:transfer', {
      commandId: randomUUID(),
      contactId: first.contact.id,
      to: { kind: 'agent', agentId: agent2Id },
      mode: 'warm',
      note: 'Mohon dibantu.',
    });
    const transfer = await agent2.next('offer:created', (o) => o.contact.id === first.contact.id);
    expect(await countersOf(agent2Id)).toMatchObject({ held_chat: 0 });
    await expectCountersTrue();
    await agent2.sendOk('offer:accept', { offerId: transfer.id });
    expect(await countersOf(agent1Id)).toMatchObject({ held_chat: 0 });
    expect(await countersOf(agent2Id)).toMatchObject({ held_chat: 1 });
    await expectCountersTrue();

    // The lead moves it back.
    await lead.sendOk('conversation:reassign', {
      commandId: randomUUID(),
      contactId: first.contact.id,
      toAgentId: agent1Id,
      reason: 'Kembali ke petugas pertama',
    });
    await agent1.next(
      'conversation:assigned',
      (f) => f.conversation.contact.id === first.contact.id,
    );
    expect(await countersOf(agent1Id)).toMatchObject({ held_chat: 1 });
    expect(await countersOf(agent2Id)).toMatchObject({ held_chat: 0 });
    await expectCountersTrue();

    // A rejected offer changes nothing held.
    await agent1.sendOk('agent:set-status', { status: 'break' });
    const second = await offered(agent2, { from: '081299990001' });
    await agent2.sendOk('offer:reject', { offerId: second.id, reason: 'Sedang istirahat' });
    expect(await countersOf(agent2Id)).toMatchObject({ held_chat: 0 });
    await expectCountersTrue();

    // Closing with an outcome lets go of it.
    await agent1.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId: first.contact.id,
      wrapupCode: 'answered',
      notes: '',
    });
    expect(await countersOf(agent1Id)).toMatchObject({ held_chat: 0 });
    await expectCountersTrue();
  });

  it('follow writes made by hand, a state row made late, and a fresh backfill', async () => {
    server = await startServer(mode);
    const db = server.app.store.db;
    const agent1 = await connect('agent1');
    const agent1Id = await userId(server, 'agent1');
    await agent1.sendOk('agent:set-status', { status: 'available' });
    const offer = await offered(agent1);
    await agent1.sendOk('offer:accept', { offerId: offer.id });
    const contactId = offer.contact.id;

    await db
      .updateTable('contacts')
      .set({ channel: 'email' })
      .where('id', '=', contactId)
      .execute();
    expect(await countersOf(agent1Id)).toMatchObject({ held_chat: 0, held_email: 1 });
    await db
      .updateTable('contacts')
      .set({ channel: 'voice' })
      .where('id', '=', contactId)
      .execute();
    expect(await countersOf(agent1Id)).toMatchObject({ held_email: 0, held_voice: 1 });
    await expectCountersTrue();

    // A state row made while the agent already holds work starts from the count.
    const state = await db
      .selectFrom('agent_states')
      .selectAll()
      .where('user_id', '=', agent1Id)
      .executeTakeFirstOrThrow();
    await db.deleteFrom('agent_states').where('user_id', '=', agent1Id).execute();
    await db
      .insertInto('agent_states')
      .values({
        user_id: state.user_id,
        presence: state.presence,
        presence_since: state.presence_since,
        idle_since: state.idle_since,
        missed_offers: state.missed_offers,
        version: state.version,
        presence_until: state.presence_until,
      })
      .execute();
    expect(await countersOf(agent1Id)).toMatchObject({ held_voice: 1 });
    await expectCountersTrue();

    // The migration's backfill counts what is there when it runs.
    await agentLoadCounters.down(db);
    await agentLoadCounters.up(db);
    expect(await countersOf(agent1Id)).toMatchObject({ held_voice: 1 });
    await expectCountersTrue();

    await db
      .updateTable('contacts')
      .set({ status: 'closed' })
      .where('id', '=', contactId)
      .execute();
    expect(await countersOf(agent1Id)).toMatchObject({ held_voice: 0 });
    await expectCountersTrue();
  });
});

describe.each(STORAGE_MODES)('routing’s copy of agent skills on two nodes, %s', (mode) => {
  let first: TestServer | undefined;
  let second: TestServer | undefined;
  afterEach(async () => {
    await second?.stop();
    await first?.destroy();
    second = first = undefined;
  });

  async function skillsSeenBy(node: TestServer, agentId: string) {
    const agents = await loadAvailableAgents(node.app.store.db, ['bansos', 'pajak', 'umum']);
    return agents.find((agent) => agent.id === agentId)?.skills;
  }

  it('is read again on every node after a change on any of them, and never keeps a rolled-back one', async () => {
    first = await startServer(mode, { env: { NODE_ID: 'node-a' } });
    second = await startServer(mode, { storageOf: first, env: { NODE_ID: 'node-b' } });
    const onFirst = first.app.store.db;
    const agent1Id = await userId(first, 'agent1');
    await onFirst
      .updateTable('agent_states')
      .set({ presence: 'available' })
      .where('user_id', '=', agent1Id)
      .execute();
    expect(await skillsSeenBy(first, agent1Id)).toMatchObject({ bansos: 4, umum: 3 });
    expect(await skillsSeenBy(second, agent1Id)).toMatchObject({ bansos: 4, umum: 3 });

    await second.app.store.db
      .updateTable('agent_skills')
      .set({ level: 1 })
      .where('user_id', '=', agent1Id)
      .where('topic', '=', 'bansos')
      .execute();
    await onFirst
      .insertInto('agent_skills')
      .values({ user_id: agent1Id, topic: 'pajak', level: 5 })
      .execute();
    for (const node of [first, second]) {
      expect(await skillsSeenBy(node, agent1Id)).toMatchObject({ bansos: 1, pajak: 5, umum: 3 });
    }

    const rolledBack = new Error('rolled back on purpose');
    await expect(
      onFirst.transaction().execute(async (trx) => {
        await trx.deleteFrom('agent_skills').where('user_id', '=', agent1Id).execute();
        expect(await loadAvailableAgents(trx, ['bansos', 'pajak', 'umum'])).not.toContainEqual(
          expect.objectContaining({ id: agent1Id }),
        );
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(await skillsSeenBy(first, agent1Id)).toMatchObject({ bansos: 1, pajak: 5, umum: 3 });

    await onFirst.deleteFrom('agent_skills').where('user_id', '=', agent1Id).execute();
    expect(await skillsSeenBy(second, agent1Id)).toBeUndefined();
  });
});
