import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyQueueStateChange } from '../../shared/domain/queue-state-change';
import type { QueueState, QueueStateChange } from '../../shared/schemas/queue-state';
import {
  STORAGE_MODES,
  TestClient,
  inboundContact,
  postInbound,
  signIn,
  sleep,
  startServer,
  userId,
  type StorageMode,
  type TestServer,
} from './harness';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function presenceOf(server: TestServer, username: string): Promise<string> {
  const id = await userId(server, username);
  const row = await server.app.store.db
    .selectFrom('agent_states')
    .select('presence')
    .where('user_id', '=', id)
    .executeTakeFirstOrThrow();
  return row.presence;
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** One node: readiness, metrics, and the clean-up of a node that died without a word. */
describe.each(STORAGE_MODES)('node operations on %s', (mode: StorageMode) => {
  let server: TestServer | undefined;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await server?.destroy();
    server = undefined;
  });

  it('is ready while the database answers, and not ready once it drains', async () => {
    server = await startServer(mode, {
      env: { NODE_ID: 'node-a', NODE_HEARTBEAT_MS: '100', NODE_EXPIRY_MS: '1000' },
    });
    const ready = await fetch(`${server.url}/api/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      nodeId: 'node-a',
      database: 'up',
      redis: 'unused',
      isDraining: false,
    });
    await server.app.services.cluster.drain();
    const draining = await fetch(`${server.url}/api/ready`);
    expect(draining.status).toBe(503);
    expect(await draining.json()).toMatchObject({ status: 'not_ready', isDraining: true });
    // Keep-alive clients are told to leave, so the node's HTTP server can close.
    expect(draining.headers.get('connection')).toBe('close');
    // A draining node refuses new sockets: the client tries another node.
    await expect(TestClient.connect(server.url, 'agent1')).rejects.toThrow(/draining/);
  });

  it('serves Prometheus metrics to loopback, counting commands and facts', async () => {
    server = await startServer(mode, { env: { NODE_ID: 'node-m' } });
    const agent = await TestClient.connect(server.url, 'agent1');
    clients.push(agent);
    await agent.sendOk('agent:set-status', { status: 'available' });
    const bad = await agent.sendRaw('agent:set-status', { status: 'sleeping' });
    expect(bad.ok).toBe(false);
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(
      /tanggap_commands_total\{command="agent:set-status",outcome="ok",node="node-m"\} 1/,
    );
    expect(text).toMatch(
      /tanggap_commands_total\{command="agent:set-status",outcome="invalid_payload",node="node-m"\} 1/,
    );
    expect(text).toMatch(
      /tanggap_command_ack_seconds_count\{node="node-m",command="agent:set-status"\} 2/,
    );
    expect(text).toMatch(/tanggap_connected_agents\{node="node-m"\} 1/);
    expect(text).toMatch(
      /tanggap_facts_published_total\{fact="agent:status-changed",node="node-m"\} \d+/,
    );
    expect(text).toMatch(/tanggap_queue_waiting\{queue="[^"]+",node="node-m"\} 0/);
    if (mode === 'postgres') expect(text).toMatch(/tanggap_db_pool_connections\{state="total"/);
  });

  it('sets the agents of a dead node offline and withdraws their offers for others', async () => {
    server = await startServer(mode, {
      env: { NODE_HEARTBEAT_MS: '100', NODE_EXPIRY_MS: '1000', OFFER_TIMEOUT_MS: '60000' },
    });
    const db = server.app.store.db;
    const agent1 = await userId(server, 'agent1');
    // agent1 is on another node (alive for now) and is offered a contact.
    await db
      .insertInto('cluster_nodes')
      .values({ id: 'node-dead', started_at: Date.now(), heartbeat_at: Date.now(), is_draining: 0 })
      .execute();
    await db
      .insertInto('agent_connections')
      .values({ node_id: 'node-dead', user_id: agent1, sockets: 1, updated_at: Date.now() })
      .execute();
    await db
      .updateTable('agent_states')
      .set({ presence: 'available' })
      .where('user_id', '=', agent1)
      .execute();
    const lead = await TestClient.connect(server.url, 'lead1');
    clients.push(lead);
    const received = await postInbound(server.url, inboundContact({ topic: 'bansos' }));
    const contactId = received.body.contactId as string;
    await until(async () => {
      const offer = await db
        .selectFrom('offers')
        .select('status')
        .where('contact_id', '=', contactId)
        .executeTakeFirst();
      return offer?.status === 'pending';
    }, 'the offer to agent1');
    // That node now dies without a word: it stops beating.
    await until(async () => {
      const offer = await db
        .selectFrom('offers')
        .select('status')
        .where('contact_id', '=', contactId)
        .executeTakeFirst();
      return offer?.status === 'rescinded';
    }, 'the offer to the dead node’s agent to be withdrawn');
    expect(await presenceOf(server, 'agent1')).toBe('offline');
    expect(
      await db.selectFrom('cluster_nodes').select('id').where('id', '=', 'node-dead').execute(),
    ).toEqual([]);
    const contact = await db
      .selectFrom('contacts')
      .select('status')
      .where('id', '=', contactId)
      .executeTakeFirstOrThrow();
    // Back in the queue for whoever is next (agent2 is offline too, so it waits).
    expect(contact.status).toBe('waiting');
  });
});

/** Two nodes on one PostgreSQL schema sharing rooms through Redis streams. */
describe('two nodes on PostgreSQL with Redis', () => {
  let first: TestServer | undefined;
  let second: TestServer | undefined;
  const clients: TestClient[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await second?.stop();
    await first?.destroy();
    first = second = undefined;
  });

  async function twoNodes(extra: Record<string, string> = {}) {
    const env = {
      REDIS_URL,
      REDIS_PREFIX: `it-${randomBytes(4).toString('hex')}`,
      NODE_HEARTBEAT_MS: '100',
      NODE_EXPIRY_MS: '1000',
      ...extra,
    };
    // Started together: the startup lock lets one migrate and seed while the other waits.
    const firstStarted = startServer('postgres', { env: { ...env, NODE_ID: 'node-a' } });
    first = await firstStarted;
    second = await startServer('postgres', {
      storageOf: first,
      env: { ...env, NODE_ID: 'node-b' },
    });
    return { a: first, b: second };
  }

  it('delivers a fact made on one node to clients of the other, and accepts across nodes', async () => {
    const { a, b } = await twoNodes();
    const agentOnB = await TestClient.connect(b.url, 'agent1');
    const leadOnA = await TestClient.connect(a.url, 'lead1');
    clients.push(agentOnB, leadOnA);
    await agentOnB.sendOk('agent:set-status', { status: 'available' });
    // The contact arrives through node A; whichever node routes it, the offer reaches B's socket.
    const received = await postInbound(a.url, inboundContact({ topic: 'bansos' }));
    const offer = await agentOnB.next(
      'offer:created',
      (o) => o.contact.id === received.body.contactId,
      8000,
    );
    const conversation = await agentOnB.sendOk('offer:accept', { offerId: offer.id });
    expect(conversation.contact.assignedAgentId).toBe(await userId(a, 'agent1'));
    // B's accept is seen by the lead on A.
    await leadOnA.next(
      'agent:status-changed',
      (agent) => agent.activeContactIds.includes(offer.contact.id),
      8000,
    );
  });

  it("pushes every node's queue changes to the sockets of each node, in that node's stream", async () => {
    const { a, b } = await twoNodes();
    const leadOnB = await TestClient.connect(b.url, 'lead1');
    clients.push(leadOnB);
    const changes: QueueStateChange[] = [];
    leadOnB.socket.on('queue:state-changed', (change) => changes.push(change));
    const start = await leadOnB.sendOk('queue:state-get', {});
    // Three citizens (one number each: a second message from a number joins its conversation).
    await postInbound(a.url, inboundContact({ from: '081200000001' }));
    await postInbound(b.url, inboundContact({ from: '081200000002' }));
    await postInbound(a.url, inboundContact({ from: '081200000003' }));
    // Refreshes are paced by how busy each node's loop is (up to a second apart): wait for the
    // last change to arrive rather than a fixed time.
    const waitingHeld = () =>
      changes
        .reduce<QueueState>(
          (held, change) => applyQueueStateChange(held, change).state ?? held,
          start,
        )
        .queues.reduce((sum, q) => sum + q.waiting, 0);
    await until(async () => waitingHeld() === 3, 'three waiting on the lead’s screen on B');
    expect(changes.length).toBeGreaterThanOrEqual(1);
    // Node B read A's changes from the database and pushed them itself, one version after another.
    expect(changes.every((change) => change.stream === start.stream)).toBe(true);
    const versions = changes.map((change) => change.version);
    expect(versions).toEqual([...versions].sort((x, y) => x - y));
    expect(new Set(versions).size).toBe(versions.length);
    let held: QueueState | null = start;
    for (const change of changes) {
      const applied = applyQueueStateChange(held, change);
      expect(applied.isGap).toBe(false);
      held = applied.state;
    }
    expect(held!.queues.reduce((sum, q) => sum + q.waiting, 0)).toBe(3);
  });

  it('keeps an agent who moves from one node to the other signed in', async () => {
    const { a, b } = await twoNodes({ PRESENCE_GRACE_MS: '1000' });
    const onA = await TestClient.connect(a.url, 'agent1');
    await onA.sendOk('agent:set-status', { status: 'available' });
    // Signed in beforehand: the move itself is a disconnect and a connect, well within the grace.
    const cookie = await signIn(b.url, 'agent1');
    onA.close();
    const onB = await TestClient.connect(b.url, 'agent1', cookie);
    clients.push(onB);
    // A's grace period ends: A sees B holds a socket and leaves the agent as they are.
    await sleep(1800);
    expect(await presenceOf(a, 'agent1')).toBe('available');
    onB.close();
    await until(async () => (await presenceOf(a, 'agent1')) === 'offline', 'agent1 offline');
  });

  it('hands a stopped node’s agents to the other node without losing their work', async () => {
    const { a, b } = await twoNodes({ PRESENCE_GRACE_MS: '1000' });
    const onA = await TestClient.connect(a.url, 'agent1');
    await onA.sendOk('agent:set-status', { status: 'available' });
    const received = await postInbound(b.url, inboundContact({ topic: 'bansos' }));
    const offer = await onA.next(
      'offer:created',
      (o) => o.contact.id === received.body.contactId,
      8000,
    );
    await onA.sendOk('offer:accept', { offerId: offer.id });
    // Signed in beforehand (a password check takes a while on a busy machine): the handover is a
    // node stopping and a connect, well within the grace. A reconnect after it is shown Away.
    const cookie = await signIn(b.url, 'agent1');
    await a.stop();
    onA.close();
    const onB = await TestClient.connect(b.url, 'agent1', cookie);
    clients.push(onB);
    // The grace period ends: B holds a socket, so the agent stays as they were.
    await sleep(1800);
    expect(await presenceOf(b, 'agent1')).toBe('available');
    const contact = await b.app.store.db
      .selectFrom('contacts')
      .select(['status', 'assigned_agent_id'])
      .where('id', '=', offer.contact.id)
      .executeTakeFirstOrThrow();
    expect(contact).toEqual({ status: 'active', assigned_agent_id: await userId(b, 'agent1') });
    expect(await b.app.services.cluster.nodes()).toMatchObject([
      { id: 'node-b', connectedAgents: 1, isDraining: false },
    ]);
  });
});
