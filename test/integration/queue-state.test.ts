import { describe, expect, it } from 'vitest';
import { applyQueueStateChange, EVERY_QUEUE_SCOPE } from '../../shared/domain/queue-state-change';
import type { QueueState, QueueStateChange } from '../../shared/schemas/queue-state';
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
  type TestClient,
  type TestServer,
  userId,
} from './harness';

/** Every queue-state change a client receives, in order. */
function recordChanges(client: TestClient): QueueStateChange[] {
  const changes: QueueStateChange[] = [];
  client.socket.on('queue:state-changed', (change) => changes.push(change));
  return changes;
}

/** What a client shows after folding `changes` into `start`; fails on a gap. */
function fold(start: QueueState, changes: readonly QueueStateChange[]): QueueState {
  let held: QueueState | null = start;
  for (const change of changes) {
    const applied = applyQueueStateChange(held, change);
    expect(applied.isGap).toBe(false);
    held = applied.state;
  }
  return held!;
}

const waitingIn = (state: QueueState, queueId: string) =>
  state.queues.find((queue) => queue.queueId === queueId)?.waiting;

describe.each(STORAGE_MODES)('queue state pushes on %s', (mode: StorageMode) => {
  let server: TestServer;
  const { connect } = clientsPerTest(() => server);

  it('pushes each viewer only what changed in their view, building on what they read', async () => {
    server = await startServer(mode);
    // Bansos only (the demo's agents also know `umum`, which every queue overflows to).
    const agentId = await userId(server, 'agent1');
    const { db } = server.app.store;
    await db.deleteFrom('agent_skills').where('user_id', '=', agentId).execute();
    await db
      .insertInto('agent_skills')
      .values({ user_id: agentId, topic: 'bansos', level: 3 })
      .execute();
    // The server's first publication is a whole view to every view; it happens on first use, so
    // it is made here, before anyone listens, or it could land amid the changes recorded below.
    const { queueState } = server.app.services;
    await queueState.current();
    await queueState.settled();
    const agent = await connect('agent1');
    const lead = await connect('lead1');
    const agentChanges = recordChanges(agent);
    const leadChanges = recordChanges(lead);
    const agentStart = await agent.sendOk('queue:state-get', {});
    const leadStart = await lead.sendOk('queue:state-get', {});

    expect(agentStart.scope).not.toBe(EVERY_QUEUE_SCOPE);
    expect(agentStart.agentsByStatus).toBeUndefined();
    const agentQueues = agentStart.queues.map((queue) => queue.queueId);
    expect(agentQueues).toEqual(['q-bansos-suara', 'q-bansos-digital']);
    expect(leadStart.scope).toBe(EVERY_QUEUE_SCOPE);
    expect(leadStart.queues.map((queue) => queue.queueId)).toEqual(
      expect.arrayContaining(['q-pajak-digital', 'q-pendidikan', ...agentQueues]),
    );
    expect(leadStart.agentsByStatus).toBeDefined();
    // The HTTP read gives the same view the pushes build on.
    const agentCookie = await signIn(server.url, 'agent1');
    const { body } = await getJson(`${server.url}/api/queue-state`, agentCookie);
    expect((body as QueueState).scope).toBe(agentStart.scope);

    // A tax contact changes the lead's view only; an education one too; then a bansos one both.
    await postInbound(server.url, inboundContact({ topic: 'pajak', from: '081200000011' }));
    await lead.next('queue:state-changed', (change) =>
      change.queues.some((queue) => queue.queueId === 'q-pajak-digital' && queue.waiting === 1),
    );
    expect(agentChanges).toEqual([]);
    await postInbound(server.url, inboundContact({ topic: 'bansos', from: '081200000012' }));
    await agent.next('queue:state-changed', (change) =>
      change.queues.some((queue) => queue.queueId === 'q-bansos-digital' && queue.waiting === 1),
    );
    await sleep(300);

    const [agentChange] = agentChanges;
    expect(agentChanges).toHaveLength(1);
    // It builds on the last version pushed to this view, which the read gave or passed (a change
    // of the lead's view only, like the agent signing in, moves the version without a push here).
    expect(agentChange).toMatchObject({ scope: agentStart.scope });
    expect(agentChange!.since).toBeLessThanOrEqual(agentStart.version);
    expect(agentChange!.queues.map((queue) => queue.queueId)).toEqual(['q-bansos-digital']);
    expect(agentChange).not.toHaveProperty('agentsByStatus');
    for (const change of leadChanges) {
      expect(change.queues.length).toBeLessThan(leadStart.queues.length);
    }

    const agentNow = fold(agentStart, agentChanges);
    const leadNow = fold(leadStart, leadChanges);
    expect(waitingIn(agentNow, 'q-bansos-digital')).toBe(1);
    expect(waitingIn(leadNow, 'q-bansos-digital')).toBe(1);
    expect(waitingIn(leadNow, 'q-pajak-digital')).toBe(1);
    // What the client folded is what a fresh read gives.
    const { version: _v, at: _a, ...agentRead } = await agent.sendOk('queue:state-get', {});
    expect(agentNow).toMatchObject(agentRead);
    const { version: _lv, at: _la, ...leadRead } = await lead.sendOk('queue:state-get', {});
    expect(leadNow).toMatchObject(leadRead);
  });

  it('moves a trainee to the view of their new queues when a trainer changes their topics', async () => {
    server = await startServer(mode);
    const trainee = await connect('trainee1');
    const before = await trainee.sendOk('queue:state-get', {});
    expect(before.queues.length).toBeGreaterThan(1);
    const trainerCookie = await signIn(server.url, 'trainer1');
    const traineeId = await userId(server, 'trainee1');
    const planUrl = `${server.url}/api/trainer/trainees/${traineeId}/plan`;
    const plan = (await getJson(planUrl, trainerCookie)).body as Record<string, unknown>;
    const response = await fetch(planUrl, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie: trainerCookie },
      body: JSON.stringify({
        chatCap: plan.chatCap,
        emailCap: plan.emailCap,
        requiresApproval: plan.requiresApproval,
        topics: ['pendidikan'],
      }),
    });
    expect(response.status).toBe(200);
    const after = await trainee.sendOk('queue:state-get', {});
    expect(after.queues.map((queue) => queue.queueId)).toEqual(['q-pendidikan']);
    expect(after.scope).not.toBe(before.scope);
  });
});
