import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/protocol/ack';
import { ChaosCluster, sleep, type ChaosUser } from './cluster';
import { countOutcome, drain } from './counts';
import { AgentBot, LeadBot, inboundFlow, newLedger, type Ledger } from './simulated';

/**
 * Chaos against real processes: 2-3 server nodes (`node --import tsx server/index.ts`) on one fresh
 * PostgreSQL schema and a redis-server of the test's own (so it may be restarted), hundreds of
 * simulated agents on websockets and a steady inbound flow. Each scenario prints what it counted.
 * Run: `npm run test:chaos`.
 */
let cluster: ChaosCluster | undefined;
const bots: { stop(): void }[] = [];

afterEach(async () => {
  for (const bot of bots.splice(0)) bot.stop();
  await cluster?.destroy();
  cluster = undefined;
});

async function startAgents(
  agents: ChaosUser[],
  ledger: Ledger,
  options: { cutAfterOutcome?: number; holdMs?: [number, number] } = {},
): Promise<AgentBot[]> {
  const started: AgentBot[] = [];
  for (let i = 0; i < agents.length; i += 1) {
    const bot = new AgentBot(
      agents[i]!,
      { urls: () => cluster!.liveUrls(), ledger, ...options },
      i,
    );
    bots.push(bot);
    started.push(bot);
  }
  // In waves, as a morning shift signs in.
  for (let i = 0; i < started.length; i += 25) {
    await Promise.all(started.slice(i, i + 25).map((bot) => bot.start()));
  }
  await waitUntil(() => started.every((bot) => bot.isConnected), 'every agent connected', 20_000);
  return started;
}

async function waitUntil(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** One command over a short-lived socket (a lead's or agent's one-off action). */
async function command<T>(
  url: string,
  user: ChaosUser,
  name: string,
  payload: unknown,
): Promise<T> {
  const socket = io(url, {
    transports: ['websocket'],
    extraHeaders: { cookie: user.cookie },
    forceNew: true,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const ack = (await socket.timeout(20_000).emitWithAck(name, payload)) as Ack<T>;
    if (!ack.ok) throw new Error(`${name}: ${ack.error.code} ${ack.error.message}`);
    return ack.data;
  } finally {
    socket.close();
  }
}

function pendingOf(agentBots: AgentBot[]): () => number {
  return () => agentBots.reduce((sum, bot) => sum + bot.pendingCommands, 0);
}

function expectClean(counts: Awaited<ReturnType<typeof countOutcome>>): void {
  expect(counts.lostContacts).toBe(0);
  expect(counts.doubleAssignments).toBe(0);
  expect(counts.duplicateOutcomes).toBe(0);
  expect(counts.outcomesStored).toBe(counts.outcomesAcked);
  expect(counts.storedWrites).toBe(counts.ackedWrites);
  expect(counts.openContacts).toBe(0);
}

/** Moves held work off agents who are offline (what a lead does from the wallboard). */
async function reassignFromOffline(lead: LeadBot, agentIds: Set<string>): Promise<number> {
  const db = cluster!.db;
  const stranded = await db
    .selectFrom('contacts')
    .innerJoin('agent_states', 'agent_states.user_id', 'contacts.assigned_agent_id')
    .select(['contacts.id', 'contacts.assigned_agent_id'])
    .where('contacts.status', '=', 'active')
    .where('agent_states.presence', '=', 'offline')
    .execute();
  let moved = 0;
  for (const contact of stranded) {
    const target = await roomyAgent(agentIds);
    if (target && (await lead.reassign(contact.id, target))) moved += 1;
  }
  return moved;
}

/** An online agent holding fewer than three conversations. */
async function roomyAgent(among: Set<string>): Promise<string | undefined> {
  const candidates = await roomyAgents(among);
  return candidates[Math.floor(Math.random() * candidates.length)];
}

/** Online agents holding fewer than three conversations. */
async function roomyAgents(among: Set<string>): Promise<string[]> {
  const rows = await cluster!.db
    .selectFrom('agent_states')
    .leftJoin('contacts', (join) =>
      join
        .onRef('contacts.assigned_agent_id', '=', 'agent_states.user_id')
        .on('contacts.status', '=', 'active'),
    )
    .select(['agent_states.user_id', sql<number>`count(contacts.id)`.as('held')])
    .where('agent_states.presence', '=', 'available')
    .groupBy('agent_states.user_id')
    .having(sql<number>`count(contacts.id)`, '<', 3)
    .execute();
  return rows.map((r) => r.user_id).filter((id) => among.has(id));
}

describe.sequential('chaos on real nodes, PostgreSQL and Redis', () => {
  it('accepts and reassignments racing on the same contacts from three nodes', async () => {
    cluster = await ChaosCluster.start('race', 3);
    const { agents, leads } = await cluster.createUsers(120, 3);
    const ledger = newLedger();
    // Conversations are held a few seconds, so there is always work for the leads to fight over.
    const agentBots = await startAgents(agents, ledger, { holdMs: [1500, 3500] });
    const leadBots = leads.map((lead, i) => new LeadBot(lead, cluster!.nodes[i]!.url, ledger));
    for (const lead of leadBots) {
      bots.push(lead);
      await lead.start();
    }
    const agentIds = new Set(agents.map((a) => a.id));
    let isRacing = true;
    const racing = (async () => {
      while (isRacing) {
        // Contacts being offered or held right now: the leads fight over them with the agents.
        const targets = await cluster!.db
          .selectFrom('contacts')
          .select(['id', 'assigned_agent_id'])
          .where('status', 'in', ['offered', 'active'])
          .orderBy(sql`random()`)
          .limit(3)
          .execute();
        const roomy = await roomyAgents(agentIds);
        await Promise.all(
          targets.map(async (contact) => {
            const pick = () => roomy[Math.floor(Math.random() * roomy.length)];
            const [first, second] = [pick(), pick()];
            // Two leads on two different nodes move the same contact at the same moment.
            await Promise.all([
              first ? leadBots[0]!.reassign(contact.id, first) : undefined,
              second
                ? leadBots[1 + Math.floor(Math.random() * 2)]!.reassign(contact.id, second)
                : undefined,
            ]);
          }),
        );
        await sleep(100);
      }
    })();
    await inboundFlow({
      urls: () => cluster!.liveUrls(),
      ledger,
      perSecond: 8,
      durationMs: 15_000,
      label: 'race',
    });
    isRacing = false;
    await racing;
    const open = await drain(cluster, 40_000, undefined, pendingOf(agentBots));
    const counts = await countOutcome('race', cluster, ledger);
    expect(open).toBe(0);
    expectClean(counts);
    // The leads did race (how many win depends on the machine's speed), and every acknowledged
    // move is in the history (storedWrites above counts them one by one).
    expect(counts.reassignsAcked + counts.reassignConflicts).toBeGreaterThan(0);
    expect(counts.reassignsStored).toBeGreaterThanOrEqual(counts.reassignsAcked);
  }, 150_000);

  it('kill -9 of one node mid-load: acked writes stay, its agents move, clocks fire once', async () => {
    cluster = await ChaosCluster.start('kill-9', 3, {
      CASE_SCAN_MS: '200',
      CASE_ESCALATION_CHAIN: 'owner,lead',
      CASE_ESCALATION_STEP_MINUTES: '0.002',
    });
    const { agents, leads } = await cluster.createUsers(120, 1);
    const ledger = newLedger();
    const agentBots = await startAgents(agents, ledger);
    const lead = new LeadBot(leads[0]!, cluster.nodes[0]!.url, ledger);
    bots.push(lead);
    await lead.start();
    // Cases whose clocks will all come due just after the kill.
    const owner = agents[0]!;
    const caseIds: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const created = await command<{ case: { id: string } }>(
        cluster.nodes[0]!.url,
        owner,
        'case:create',
        {
          commandId: randomUUID(),
          type: 'personal_data_request',
          subject: `Akses data pribadi ${i}`,
          requester: { name: 'Siti Rahayu' },
          details: { right: 'access', description: 'Salinan data yang diproses' },
        },
      );
      caseIds.push(created.case.id);
    }
    const victim = cluster.nodes[2]!;
    const flow = inboundFlow({
      urls: () => cluster!.liveUrls(),
      ledger,
      perSecond: 10,
      durationMs: 18_000,
      label: 'kill',
    });
    await sleep(6000);
    // Who was on the victim node, and what they were offered or held, just before it dies.
    const victimAgents = agentBots.filter((bot) => bot.url === victim.url);
    const vanishing = victimAgents.filter((_, i) => i % 5 === 0);
    const vanishingIds = new Set(vanishing.map((bot) => bot.user.id));
    const dueAt = Date.now() + 2500;
    await cluster.db
      .updateTable('case_clocks')
      .set({
        starts_at: dueAt - 30_000,
        legal_due_at: dueAt - 1,
        internal_due_at: dueAt - 1,
        next_warning_at: dueAt,
      })
      .where('case_id', 'in', caseIds)
      .execute();
    await victim.kill();
    // A fifth of its agents' browsers died too; the rest reconnect to the other nodes.
    for (const bot of vanishing) bot.vanish();
    await flow;
    const stillAgents = new Set(agents.filter((a) => !vanishingIds.has(a.id)).map((a) => a.id));
    const open = await drain(
      cluster,
      40_000,
      async () => {
        await reassignFromOffline(lead, stillAgents);
      },
      pendingOf(agentBots.filter((bot) => !vanishingIds.has(bot.user.id))),
    );
    // Contacts taken off the vanished agents: their offers withdrawn or expired and accepted by
    // someone else, or their held conversations moved by the lead.
    const rerouted = await cluster.db
      .selectFrom('offers as gone')
      .select('gone.contact_id')
      .distinct()
      .where('gone.agent_id', 'in', [...vanishingIds])
      .where('gone.status', 'in', ['rescinded', 'expired'])
      .execute();
    const movedByLead = await cluster.db
      .selectFrom('contact_events')
      .select('contact_id')
      .distinct()
      .where('kind', '=', 'reassigned')
      .where('from_agent_id', 'in', [...vanishingIds])
      .execute();
    const [warnings, breaches, escalations] = await Promise.all([
      cluster.db
        .selectFrom('case_warnings')
        .select('case_id')
        .where('case_id', 'in', caseIds)
        .execute(),
      cluster.db
        .selectFrom('audit_log')
        .select('case_id')
        .where('action', '=', 'clock.breached')
        .where('case_id', 'in', caseIds)
        .execute(),
      cluster.db
        .selectFrom('case_escalations')
        .select('case_id')
        .where('case_id', 'in', caseIds)
        .execute(),
    ]);
    const counts = await countOutcome('kill-9', cluster, ledger, {
      reroutedContacts: new Set([...rerouted, ...movedByLead].map((r) => r.contact_id)).size,
      clockFiringsExpected: caseIds.length * (3 + 1 + 2),
      clockFiringsActual: warnings.length + breaches.length + escalations.length,
    });
    console.log(
      `[chaos] kill-9: victim node held ${victimAgents.length} agents, ${vanishing.length} vanished; ` +
        `case:warned facts received by the owner ${ledger.caseWarnedFacts.length} (distinct ${new Set(ledger.caseWarnedFacts).size})`,
    );
    expect(open).toBe(0);
    expectClean(counts);
    expect(counts.clockFiringsActual).toBe(counts.clockFiringsExpected);
    // The owner (on a surviving node) was told of every warning once, whichever node fired it.
    expect(ledger.caseWarnedFacts.length).toBe(caseIds.length * 3);
    expect(new Set(ledger.caseWarnedFacts).size).toBe(ledger.caseWarnedFacts.length);
    expect(counts.reroutedContacts).toBeGreaterThan(0);
  }, 150_000);

  it('Redis restarted mid-load: broadcasts resume and nothing acknowledged is lost', async () => {
    cluster = await ChaosCluster.start('redis-restart', 2);
    const { agents, leads } = await cluster.createUsers(100, 1);
    const ledger = newLedger();
    const agentBots = await startAgents(agents, ledger);
    const [first, second] = cluster.nodes as [(typeof cluster.nodes)[0], (typeof cluster.nodes)[0]];
    // A lead on the first node; a probe agent on the second: its status changes reach the lead
    // only through Redis.
    const watcher = io(first.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: leads[0]!.cookie },
      forceNew: true,
    });
    bots.push({ stop: () => watcher.close() });
    const probeUser = agents[agents.length - 1]!;
    const seen: string[] = [];
    let probeRetries = 0;
    const probeAckMs: number[] = [];
    watcher.on('agent:status-changed', (view) => {
      if (view.id === probeUser.id) seen.push(view.presence);
    });
    await new Promise<void>((resolve) => watcher.once('connect', () => resolve()));
    const probe = async (status: 'break' | 'available') => {
      const before = seen.length;
      const sentAt = Date.now();
      try {
        await command(second.url, probeUser, 'agent:set-status', { status });
      } catch (error) {
        // A lost ack on a loaded machine: the same intent once more (setting a status is idempotent).
        probeRetries += 1;
        console.log(`[chaos] redis-restart: probe ${status} retried after ${String(error)}`);
        await command(second.url, probeUser, 'agent:set-status', { status });
      }
      probeAckMs.push(Date.now() - sentAt);
      const deadline = Date.now() + 8000;
      while (Date.now() < deadline && !seen.slice(before).includes(status)) await sleep(50);
      return seen.slice(before).includes(status);
    };
    const flow = inboundFlow({
      urls: () => cluster!.liveUrls(),
      ledger,
      perSecond: 10,
      durationMs: 15_000,
      label: 'redis',
    });
    const before = await probe('break');
    await sleep(3000);
    await cluster.redis.kill();
    await sleep(2000);
    await cluster.redis.startAgain();
    const after = [await probe('available'), await probe('break'), await probe('available')];
    await flow;
    const open = await drain(cluster, 40_000, undefined, pendingOf(agentBots));
    const counts = await countOutcome('redis-restart', cluster, ledger);
    console.log(
      `[chaos] redis-restart: cross-node broadcast before ${before}, after restart ${after.join(',')}; ` +
        `probe acks in ${probeAckMs.join(', ')} ms, ${probeRetries} retried`,
    );
    expect(before).toBe(true);
    expect(after).toEqual([true, true, true]);
    expect(open).toBe(0);
    expectClean(counts);
  }, 150_000);

  it('the network drops while agents log outcomes, and a node shuts down: each outcome once', async () => {
    cluster = await ChaosCluster.start('network-cut', 2);
    const { agents } = await cluster.createUsers(60, 0);
    const ledger = newLedger();
    const agentBots = await startAgents(agents, ledger, { cutAfterOutcome: 0.3 });
    const flow = inboundFlow({
      urls: () => cluster!.liveUrls(),
      ledger,
      perSecond: 8,
      durationMs: 12_000,
      label: 'cut',
    });
    await sleep(6000);
    // An orderly stop mid-load (SIGTERM, as in a rolling upgrade): it drains, its agents move.
    const leaving = cluster.nodes[1]!;
    const onLeaving = agentBots.filter((bot) => bot.url === leaving.url).length;
    const exitCode = await leaving.stop();
    await flow;
    const open = await drain(cluster, 40_000, undefined, pendingOf(agentBots));
    const counts = await countOutcome('network-cut', cluster, ledger);
    console.log(
      `[chaos] network-cut: node n2 stopped with SIGTERM (exit code ${exitCode}) holding ${onLeaving} agents`,
    );
    expect(exitCode).toBe(0);
    expect(open).toBe(0);
    expectClean(counts);
    expect(counts.reconnects).toBeGreaterThan(10);
    expect(agentBots.every((bot) => bot.url === cluster!.nodes[0]!.url)).toBe(true);
    // Every closed contact has its one outcome, and every acked one is among them.
    const closed = await cluster.db
      .selectFrom('contacts')
      .select('id')
      .where('status', '=', 'closed')
      .execute();
    expect(counts.outcomesStored).toBe(closed.length);
  }, 150_000);
});
