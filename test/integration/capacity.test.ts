import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WORK_CLASSES, workClassOf } from '../../shared/domain/capacity';
import type { Channel } from '../../shared/schemas/common';
import type { DeskSnapshot } from '../../shared/schemas/views';
import type { StorageMode, TestClient, TestServer } from './harness';
import {
  STORAGE_MODES,
  clientsPerTest,
  getJson,
  inboundContact,
  postInbound,
  sendJson,
  signIn,
  sleep,
  startServer,
  userId,
} from './harness';

/** Long enough for several routing passes (a pass follows every change, the sweep every 2 s). */
const QUIET_MS = 700;

describe.each(STORAGE_MODES)('capacity on %s', (mode: StorageMode) => {
  let server: TestServer;
  const { connect } = clientsPerTest(() => server);

  async function acceptNext(agent: TestClient, contactId: string) {
    const offer = await agent.next('offer:created', (o) => o.contact.id === contactId);
    return agent.sendOk('offer:accept', { offerId: offer.id });
  }

  function offeredTo(agent: TestClient, contactId: string): boolean {
    return agent.has('offer:created', (offer) => offer.contact.id === contactId);
  }

  async function chat(from: string, overrides = {}) {
    const created = await postInbound(server.url, inboundContact({ from, ...overrides }));
    expect(created.status).toBe(201);
    return String(created.body.contactId);
  }

  async function heldBy(agentId: string) {
    return server.app.store.db
      .selectFrom('contacts')
      .select(['id', 'channel'])
      .where('assigned_agent_id', '=', agentId)
      .where('status', '=', 'active')
      .execute();
  }

  it('holds up to the chat limit at once, offered one at a time; the next waits until one closes', async () => {
    server = await startServer(mode);
    const agent1 = await connect('agent1');
    const agent1Id = await userId(server, 'agent1');
    await agent1.sendOk('agent:set-status', { status: 'available' });
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await chat(`08121111000${i}`));

    for (const id of ids.slice(0, 3)) await acceptNext(agent1, id);
    await sleep(QUIET_MS);
    expect(offeredTo(agent1, ids[3]!)).toBe(false);
    expect(await heldBy(agent1Id)).toHaveLength(3);

    const cookie = await signIn(server.url, 'agent1');
    const desk = (await getJson(`${server.url}/api/desk`, cookie)).body as DeskSnapshot;
    expect(desk.conversations.map((c) => c.contact.id)).toEqual(ids.slice(0, 3));
    expect(desk.agent).toMatchObject({
      status: 'on_contact',
      activeContactIds: ids.slice(0, 3),
      capacity: { voice: 1, chat: 3, email: 5 },
      load: { voice: 0, chat: 3, email: 0 },
    });

    await agent1.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId: ids[1]!,
      wrapupCode: 'answered',
      notes: '',
    });
    // The queue's wrap-up time holds new work back; "Siap" ends it early.
    await agent1.sendOk('agent:set-status', { status: 'available' });
    await acceptNext(agent1, ids[3]!);
    expect((await heldBy(agent1Id)).map((row) => row.id).sort()).toEqual(
      [ids[0], ids[2], ids[3]].sort(),
    );
  });

  it('keeps a call exclusive: not offered beside a chat, and no chat offered during a call', async () => {
    server = await startServer(mode);
    const agent1 = await connect('agent1');
    const agent2 = await connect('agent2');
    await agent1.sendOk('agent:set-status', { status: 'available' });
    const chatId = await chat('081222220001');
    await acceptNext(agent1, chatId);

    const callId = await chat('081222220002', { channel: 'voice', text: '' });
    await sleep(QUIET_MS);
    expect(offeredTo(agent1, callId)).toBe(false);

    await agent2.sendOk('agent:set-status', { status: 'available' });
    await acceptNext(agent2, callId);
    // agent2 alone has the tax skill, and is on a call: the tax chat waits.
    const taxChat = await chat('081222220003', { topic: 'pajak' });
    await sleep(QUIET_MS);
    expect(offeredTo(agent2, taxChat)).toBe(false);
    expect(offeredTo(agent1, taxChat)).toBe(false);

    await agent2.sendOk('outcome:log', {
      commandId: randomUUID(),
      contactId: callId,
      wrapupCode: 'answered',
      notes: '',
    });
    await agent2.sendOk('agent:set-status', { status: 'available' });
    await acceptNext(agent2, taxChat);
  });

  it('starts a trainee at one chat, and a lead raising the cap lets the next one through at once', async () => {
    server = await startServer(mode);
    const trainee = await connect('trainee1');
    const traineeId = await userId(server, 'trainee1');
    await trainee.sendOk('agent:set-status', { status: 'available' });
    const first = await chat('081233330001', { topic: 'umum' });
    const second = await chat('081233330002', { topic: 'umum' });
    await acceptNext(trainee, first);
    await sleep(QUIET_MS);
    expect(offeredTo(trainee, second)).toBe(false);

    const leadCookie = await signIn(server.url, 'lead1');
    const url = `${server.url}/api/agents/${traineeId}/capacity`;
    expect((await getJson(url, leadCookie)).body).toMatchObject({
      caps: { voice: null, chat: 1, email: 2 },
      effective: { voice: 1, chat: 1, email: 2 },
    });
    const raised = await sendJson(url, 'PUT', { voice: null, chat: 2, email: 2 }, leadCookie);
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ effective: { voice: 1, chat: 2, email: 2 } });
    await trainee.next('agent:status-changed', (a) => a.id === traineeId && a.capacity.chat === 2);
    await acceptNext(trainee, second);

    // Caps only lower the centre's limit: asking for more than it gives the centre's.
    const above = await sendJson(url, 'PUT', { voice: null, chat: 9, email: null }, leadCookie);
    expect(above.body).toMatchObject({ effective: { chat: 3, email: 5 } });
    const agentCookie = await signIn(server.url, 'agent1');
    expect(
      (await sendJson(url, 'PUT', { voice: null, chat: 3, email: null }, agentCookie)).status,
    ).toBe(403);
    const unknown = await sendJson(
      `${server.url}/api/agents/${randomUUID()}/capacity`,
      'PUT',
      { voice: null, chat: 1, email: null },
      leadCookie,
    );
    expect(unknown.status).toBe(404);

    // Another team's lead (lead2, Tim Layanan 2) neither reads nor sets them; nothing changes.
    const otherLead = await signIn(server.url, 'lead2');
    expect((await getJson(url, otherLead)).status).toBe(403);
    expect((await sendJson(url, 'PUT', { voice: 1, chat: 1, email: 1 }, otherLead)).status).toBe(
      403,
    );
    expect((await getJson(url, leadCookie)).body).toMatchObject({
      caps: { voice: null, chat: 9, email: null },
    });
  });

  it('lets only an administrator set the centre limits, names each bad field, and lowering never takes work away', async () => {
    server = await startServer(mode);
    const agent1 = await connect('agent1');
    const agent1Id = await userId(server, 'agent1');
    const adminCookie = await signIn(server.url, 'admin');
    const leadCookie = await signIn(server.url, 'lead1');
    const url = `${server.url}/api/capacity`;

    expect((await sendJson(url, 'PUT', { voice: 1, chat: 2, email: 2 }, leadCookie)).status).toBe(
      403,
    );
    const bad = await sendJson(url, 'PUT', { voice: 2, chat: 0, email: 'many' }, adminCookie);
    expect(bad.status).toBe(400);
    const fields = (bad.body.error as { fields: { path: string }[] }).fields.map((f) => f.path);
    expect(fields.sort()).toEqual(['body.chat', 'body.email', 'body.voice']);
    expect((await getJson(url, adminCookie)).body).toEqual({ voice: 1, chat: 3, email: 5 });

    await agent1.sendOk('agent:set-status', { status: 'available' });
    const held = [await chat('081244440001'), await chat('081244440002')];
    for (const id of held) await acceptNext(agent1, id);
    const lowered = await sendJson(url, 'PUT', { voice: 1, chat: 1, email: 5 }, adminCookie);
    expect(lowered.status).toBe(200);
    await agent1.next('agent:status-changed', (a) => a.id === agent1Id && a.capacity.chat === 1);
    expect(await heldBy(agent1Id)).toHaveLength(2);
    const third = await chat('081244440003');
    await sleep(QUIET_MS);
    expect(offeredTo(agent1, third)).toBe(false);
    // An e-mail is another budget: it still fits.
    const mail = await chat('rahayu@example.id', { channel: 'email' });
    await acceptNext(agent1, mail);
  });

  it('never exceeds any agent’s capacity while a mixed flow of contacts is routed and accepted', async () => {
    server = await startServer(mode);
    const usernames = ['agent1', 'agent2', 'trainee1'];
    const agents = await Promise.all(usernames.map((name) => connect(name)));
    const agentIds = await Promise.all(usernames.map((name) => userId(server, name)));
    const capacities = new Map<string, Record<string, number>>();
    const violations: string[] = [];

    async function checkInvariant() {
      for (const agentId of agentIds) {
        const held = await heldBy(agentId);
        const load = { voice: 0, chat: 0, email: 0 };
        for (const row of held) load[workClassOf(row.channel as Channel)] += 1;
        const capacity = capacities.get(agentId)!;
        for (const workClass of WORK_CLASSES) {
          if (load[workClass] > capacity[workClass]!) violations.push(`${agentId} ${workClass}`);
        }
        if (load.voice > 0 && load.chat + load.email > 0) violations.push(`${agentId} call+more`);
      }
    }

    const accepted: string[] = [];
    for (const agent of agents) {
      agent.socket.on('offer:created', (offer) => {
        void agent.send('offer:accept', { offerId: offer.id }).then(async (ack) => {
          if (ack.ok) accepted.push(offer.contact.id);
          await checkInvariant();
        });
      });
    }
    for (const [index, agent] of agents.entries()) {
      const view = await agent.sendOk('agent:set-status', { status: 'available' });
      capacities.set(agentIds[index]!, view.capacity);
    }
    const channels: Channel[] = ['whatsapp', 'webchat', 'voice', 'email', 'sms', 'social'];
    const topics = ['bansos', 'umum', 'kesehatan'];
    const created: string[] = [];
    for (let i = 0; i < 18; i++) {
      const channel = channels[i % channels.length]!;
      created.push(
        await chat(
          channel === 'email' ? `warga${i}@example.id` : `0812555500${String(i).padStart(2, '0')}`,
          {
            channel,
            text: channel === 'voice' ? '' : 'Pertanyaan',
            topic: topics[i % topics.length],
          },
        ),
      );
    }
    await sleep(3_000);
    await checkInvariant();
    expect(violations).toEqual([]);
    expect(new Set(accepted).size).toBe(accepted.length);
    // Each agent took more than one conversation at some point: the flow did test multitasking.
    expect(accepted.length).toBeGreaterThan(agents.length);
  });
});
