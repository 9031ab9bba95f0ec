/**
 * The load process side of the Tanggap run: N agents signed in through the real login, connected
 * with socket.io-client (websocket transport), set Available; contacts fed through the real
 * `POST /api/inbound` at a fixed rate; each agent accepts its offer, thinks, logs an outcome, ends
 * its after-contact work at once, and is offered the next. Records every latency sample; the server runs in its own process.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io as connect, type Socket } from 'socket.io-client';
import { DEMO_INBOUND_API_KEY } from '../server/config/config';
import { DEMO_PASSWORD, DEMO_QUEUES } from '../server/seed/demo-data';
import type { ClientToServerEvents, Fact, ServerToClientEvents } from '../shared/protocol/events';
import { applyQueueStateChange, queueScope } from '../shared/domain/queue-state-change';
import type { InboundContactBody } from '../shared/schemas/inbound';
import type { QueueState } from '../shared/schemas/queue-state';
import { queuesServedBy } from '../server/domain/routing';
import { GENERAL_QUEUE } from '../server/seed/base-data';
import { startChild, type ChildHandle, type Reply } from './ipc';
import { BENCH_TOPICS } from './routing';
import { createBenchStorage } from './storage';
import { pick, seededRandom, sleep, summarize, type Summary } from './stats';

type AgentSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TanggapLoadOptions {
  agents: number;
  ratePerSecond: number;
  durationMs: number;
  /** After the feed stops: how long to wait for answers to the inbound posts still open. */
  postsGraceMs: number;
  /** Then: how long to wait for the last contacts to be offered and closed. */
  drainMs: number;
  thinkMs: readonly [number, number];
  storage: 'sqlite' | 'postgres';
  /**
   * Server processes sharing the load (PostgreSQL and the Redis adapter when more than one):
   * agents, the lead and the inbound posts are spread over them in turn.
   */
  nodes?: number;
  /** Where to write a V8 CPU profile of the server process, if wanted. */
  profileDir?: string | undefined;
  /** Time every statement in the server process and report the costliest. */
  isSqlStatsOn?: boolean;
  log: (line: string) => void;
}

interface ServerStats {
  elapsedMs: number;
  cpuPercent: number;
  bytesWritten: number;
  memory: { rss: number; heapUsed: number; external: number };
  sockets: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number; mean: number };
  contactsByStatus: Record<string, number>;
  offersByStatus: Record<string, number>;
  contactsOfferedMoreThanOnce: number;
  sqliteCommits?: { transactions: number; commits: number };
  waitingContactIds: string[];
  offeredContactIds: string[];
  topSql?: { sql: string; count: number; totalMs: number; maxMs: number }[];
  profileFile?: string;
  /** With several nodes: each node's own figures (the fields above are their combination). */
  nodes?: NodeFigures[];
}

interface NodeFigures {
  cpuPercent: number;
  eventLoopDelayP99Ms: number;
  rssBytes: number;
  sockets: number;
  bytesWritten: number;
}

const REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * The figures of several nodes as one: CPU, bytes, memory and sockets add up; the event-loop
 * delay is the worst node's (a contact waits on whichever node holds it).
 */
function combineNodes(windows: ServerStats[]): ServerStats {
  const [first] = windows;
  if (!first) throw new Error('no node answered');
  if (windows.length === 1) return first;
  const worst = (pick: (w: ServerStats) => number) => Math.max(...windows.map(pick));
  const sum = (pick: (w: ServerStats) => number) =>
    windows.reduce((total, w) => total + pick(w), 0);
  return {
    ...first,
    cpuPercent: sum((w) => w.cpuPercent),
    bytesWritten: sum((w) => w.bytesWritten),
    memory: {
      rss: sum((w) => w.memory.rss),
      heapUsed: sum((w) => w.memory.heapUsed),
      external: sum((w) => w.memory.external),
    },
    sockets: sum((w) => w.sockets),
    eventLoopDelayMs: {
      p50: worst((w) => w.eventLoopDelayMs.p50),
      p99: worst((w) => w.eventLoopDelayMs.p99),
      max: worst((w) => w.eventLoopDelayMs.max),
      mean: worst((w) => w.eventLoopDelayMs.mean),
    },
    nodes: windows.map((w) => ({
      cpuPercent: w.cpuPercent,
      eventLoopDelayP99Ms: w.eventLoopDelayMs.p99,
      rssBytes: w.memory.rss,
      sockets: w.sockets,
      bytesWritten: w.bytesWritten,
    })),
  };
}

export interface TanggapLoadResult {
  options: Omit<TanggapLoadOptions, 'log'>;
  setup: {
    createAgentsMs: number;
    signInMs: number;
    connectMs: number;
    setAvailableMs: number;
    /** Sockets holding the queue state: the N agents and one lead. */
    receivers: number;
  };
  counts: {
    contactsSent: number;
    contactsAccepted: number;
    inboundErrors: number;
    offersReceived: number;
    contactsOffered: number;
    /** Two live offers for one contact at once: must be 0. */
    duplicateOffers: number;
    /** Offered again after the earlier offer expired unanswered (legitimate, a sign of lag). */
    reOffersAfterExpiry: number;
    offersExpiredBeforeAccept: number;
    offersForUnknownContacts: number;
    acceptsOk: number;
    acceptErrors: number;
    outcomesAcked: number;
    outcomeErrors: number;
    readyErrors: number;
    stillWaitingAtEnd: number;
    /** The server holds an offer for the contact that no socket had received when the run ended. */
    offersInFlightAtEnd: number;
    /** Inbound posts the server had not answered when the grace time ran out. */
    inboundPendingAtEnd: number;
    /** Agents still between an offer and their "ready" ack when the drain time ran out. */
    agentsBusyAtEnd: number;
    lostContacts: number;
    socketErrors: number;
    /** Queue-state publications (one refresh of one node: a change to each view that changed). */
    queueStatesInWindow: number;
    /** Publications some expected recipient had not received by the end. */
    queueStatesIncomplete: number;
    /** Changes a socket could not build on (it read its view again): must be 0. */
    queueStateGaps: number;
    /** Sockets whose view, folded from the changes, differs from a fresh read at the end: must be 0. */
    queueViewsWrongAtEnd: number;
    /** Sockets the server scoped otherwise than their skills say (`queuesServedBy`): must be 0. */
    queueScopesUnexpected: number;
  };
  /** Every contact offered and every agent idle again before the drain time ran out. */
  isDrained: boolean;
  errors: string[];
  latencyMs: {
    /** Inbound request sent → `offer:created` for that contact received by an agent's socket. */
    offerFromRequest: Summary | null;
    /** Inbound response received → offer received (negative when the offer came first). */
    offerFromResponse: Summary | null;
    acceptAck: Summary | null;
    outcomeAck: Summary | null;
    /** `agent:set-status` available after the outcome (ending after-contact work). */
    readyAck: Summary | null;
    /** Server stamp of a queue state (`at`) → the last of the sockets it was pushed to got it. */
    queueStateFromServer: Summary | null;
    /** Inbound response → the next publication reached every socket it was pushed to. */
    queueStateFromResponse: Summary | null;
    inboundResponse: Summary | null;
  };
  offersBeforeResponse: number;
  server: {
    rssIdleBytes: number;
    rssConnectedBytes: number;
    rssPerAgentBytes: number;
    window: ServerStats | null;
    logLines: number;
    firstLogLines: string[];
  };
  loadProcess: { cpuPercent: number; eventLoopDelayP99Ms: number };
  /** Queue-state publications per second received in the window. */
  queueStatesPerSecond: number;
  /** Queue-state messages per second received by all sockets together in the window. */
  queueStateMessagesPerSecond: number;
  /** Mean size of one queue-state message (JSON of what a socket received). */
  queueStateMessageBytes: number;
  bytesPerAgentPerSecond: number;
  /** The lead's complete queue state at the end, as JSON: the baselines broadcast the same thing. */
  sampleQueueState: string;
}

const PASSWORD = 'bench-password-1234';
const CHANNELS = ['whatsapp', 'webchat', 'voice', 'sms', 'email'] as const;
const SEGMENTS = [
  ...Array<'public'>(14).fill('public'),
  'academia',
  'observer',
  'media',
  'official',
  'official',
] as const;
const TEXTS = [
  'Bantuan PKH ibu saya belum cair bulan ini, mohon dicek.',
  'Bagaimana cara mengganti KTP-el yang hilang?',
  'Kepesertaan JKN saya nonaktif, apa yang harus dilakukan?',
  'Kapan batas pelaporan SPT Tahunan untuk pribadi?',
  'Anak saya belum menerima dana PIP, bagaimana mengeceknya?',
  'Saya ingin meminta salinan data pribadi saya yang tersimpan.',
];

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  });
  await Promise.all(workers);
}

async function signIn(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) {
    throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
  }
  const cookie = response.headers.get('set-cookie');
  if (!cookie) throw new Error(`no session cookie for ${username}`);
  await response.arrayBuffer().catch(() => undefined);
  return cookie.split(';')[0]!;
}

/** POST a JSON body; resolves with the status, the parsed body and when the response began. */
function postJson(
  agent: http.Agent,
  url: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; json: unknown; respondedAt: number }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const request = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      (response) => {
        const respondedAt = performance.now();
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = text;
          }
          resolve({ status: response.statusCode ?? 0, json, respondedAt });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

function openSocket(url: string, cookie: string): AgentSocket {
  return connect(url, {
    transports: ['websocket'],
    extraHeaders: { cookie },
    reconnection: false,
    forceNew: true,
    timeout: 20_000,
  });
}

/** One queue-state change as pushed to one view (stream, scope) for one version. */
interface ChangeReceipt {
  at: number;
  count: number;
  firstPerf: number;
  lastPerf: number;
  lastWall: number;
  bytes: number;
}

/** One publication: the changes one node pushed to its views for one refresh. */
interface Publication {
  stream: string;
  at: number;
  firstPerf: number;
  scopes: Map<string, ChangeReceipt>;
}

/** What one socket holds of the queue state: its view as read, then folded from every change. */
interface HeldView {
  state: QueueState | null;
  /** Its first read; changes received before it are already in it. */
  isRead: boolean;
}

/** Every sample of the run, in the load process's clock (performance.now), except where noted. */
class Recorder {
  readonly inbound = new Map<string, { sentAt: number; respondedAt: number }>();
  readonly offers = new Map<string, { receivedAt: number; agent: string; expiresAt: number }>();
  /** By `${stream}/${version}`. */
  readonly publications = new Map<string, Publication>();
  /** Sockets per view: `${stream}/${scope}` → how many hold it (from their first read). */
  readonly viewMembers = new Map<string, number>();
  queueStateGaps = 0;
  windowStart = Number.POSITIVE_INFINITY;
  duplicateOffers = 0;
  reOffers = 0;
  offersExpiredBeforeAccept = 0;
  offersReceived = 0;
  acceptAck: number[] = [];
  outcomeAck: number[] = [];
  readyAck: number[] = [];
  readyErrors = 0;
  inboundResponse: number[] = [];
  acceptErrors = 0;
  outcomeErrors = 0;
  inboundErrors = 0;
  socketErrors = 0;
  contactsSent = 0;
  errors: string[] = [];

  /** Set when the run is over: commands cut short by the disconnect are not errors of the server. */
  isStopping = false;

  error(message: string): void {
    if (this.isStopping) return;
    if (this.errors.length < 30) this.errors.push(message);
  }

  /** A socket's first read of its view: who is expected to receive which changes. */
  viewRead(held: HeldView, state: QueueState): void {
    held.state = state;
    held.isRead = true;
    const key = `${state.stream}/${state.scope}`;
    this.viewMembers.set(key, (this.viewMembers.get(key) ?? 0) + 1);
  }

  queueState(change: Fact<'queue:state-changed'>, held: HeldView): void {
    const now = performance.now();
    const wall = Date.now();
    const key = `${change.stream}/${change.version}`;
    let publication = this.publications.get(key);
    if (!publication) {
      publication = { stream: change.stream, at: change.at, firstPerf: now, scopes: new Map() };
      this.publications.set(key, publication);
    }
    let receipt = publication.scopes.get(change.scope);
    if (!receipt) {
      receipt = {
        at: change.at,
        count: 0,
        firstPerf: now,
        lastPerf: now,
        lastWall: wall,
        bytes: JSON.stringify(change).length,
      };
      publication.scopes.set(change.scope, receipt);
    }
    receipt.count += 1;
    receipt.lastPerf = now;
    receipt.lastWall = wall;
    if (!held.isRead) return;
    const applied = applyQueueStateChange(held.state, change);
    if (applied.isGap) this.queueStateGaps += 1;
    held.state = applied.state;
  }

  /**
   * One offer received. A second offer for a contact is a re-offer when it was made after the
   * earlier one expired (the agent saw it too late: the server was behind), and a duplicate (a
   * broken invariant: two live offers for one contact) when it was made while the earlier one
   * could still be accepted. Server times on both sides, so no clocks are compared.
   */
  offer(offer: Fact<'offer:created'>, agent: string): void {
    this.offersReceived += 1;
    const contactId = offer.contact.id;
    const earlier = this.offers.get(contactId);
    if (earlier) {
      if (offer.createdAt < earlier.expiresAt) {
        this.duplicateOffers += 1;
        this.error(
          `contact ${contactId} offered to ${agent} while ${earlier.agent} still held an offer`,
        );
      } else {
        this.reOffers += 1;
      }
      earlier.expiresAt = Math.max(earlier.expiresAt, offer.expiresAt);
      return;
    }
    this.offers.set(contactId, {
      receivedAt: performance.now(),
      agent,
      expiresAt: offer.expiresAt,
    });
  }
}

function bodyFor(index: number, random: () => number, runId: string): InboundContactBody {
  const channel = pick(random, CHANNELS);
  const number = (10_000_000 + index).toString();
  return {
    channel,
    externalId: `bench-${runId}-${index}`,
    from: channel === 'email' ? `warga${number}@example.id` : `0812${number}`,
    name: `Warga ${index}`,
    text: pick(random, TEXTS),
    topic: pick(random, BENCH_TOPICS),
    segment: pick(random, SEGMENTS),
  };
}

export async function runTanggapLoad(options: TanggapLoadOptions): Promise<TanggapLoadResult> {
  const { log } = options;
  const recorder = new Recorder();
  const random = seededRandom(11);
  const runId = Date.now().toString(36);
  const nodeCount = options.nodes ?? 1;
  if (nodeCount > 1 && options.storage !== 'postgres') {
    throw new Error('several nodes share PostgreSQL: run with --pg');
  }
  log(
    `starting ${nodeCount === 1 ? 'the Tanggap server' : `${nodeCount} Tanggap nodes (Redis adapter)`} (${options.storage}) in ${nodeCount === 1 ? 'a child process' : 'child processes'}`,
  );
  const storage = createBenchStorage(options.storage);
  const redisPrefix = `tanggap-bench-${runId}:`;
  const servers: ChildHandle[] = [];
  try {
    // One after the other: the first applies the migrations, the next find them done.
    for (let node = 0; node < nodeCount; node += 1) {
      servers.push(
        await startChild('server-process.ts', {
          args: [
            ...storage.args,
            ...(nodeCount > 1
              ? [`--redis=${REDIS_URL}`, `--redis-prefix=${redisPrefix}`, '--shared-storage']
              : []),
            ...(options.isSqlStatsOn ? ['--sql-stats'] : []),
            ...(options.profileDir ? [`--profile=${options.profileDir}`] : []),
          ],
        }),
      );
    }
  } catch (error) {
    await Promise.all(servers.map((child) => child.stop().catch(() => undefined)));
    await storage.dispose().catch(() => undefined);
    throw error;
  }
  const server = servers[0]!;
  const urls = servers.map((child) => String(child.ready.url));
  const url = urls[0]!;
  /** The node the i-th agent (or inbound post) goes to. */
  const urlFor = (index: number) => urls[index % urls.length]!;
  const onEveryNode = async (type: string) =>
    Promise.all(servers.map((child) => child.request(type)));
  const rssOf = (replies: Reply[]) =>
    replies.reduce((total, reply) => total + (reply.memory as { rss: number }).rss, 0);
  const sockets: AgentSocket[] = [];
  let busyAgents = 0;
  let inboundAgent: http.Agent | undefined;
  try {
    let started = performance.now();
    const created = await server.request(
      'create-agents',
      { count: options.agents, password: PASSWORD },
      120_000,
    );
    const agents = created.agents as {
      id: string;
      username: string;
      skills: Record<string, number>;
    }[];
    const createAgentsMs = performance.now() - started;
    const rssIdleBytes = rssOf(await onEveryNode('mark'));

    log(`signing in ${agents.length} agents and one lead through POST /api/auth/login`);
    started = performance.now();
    const cookies = new Map<string, string>();
    await inParallel(agents, 8, async (agent) => {
      cookies.set(
        agent.username,
        await signIn(urlFor(agents.indexOf(agent)), agent.username, PASSWORD),
      );
    });
    const leadCookie = await signIn(url, 'lead1', DEMO_PASSWORD);
    const signInMs = performance.now() - started;

    log(`connecting ${agents.length + 1} sockets (websocket transport)`);
    started = performance.now();
    const heldViews = new Map<AgentSocket, HeldView>();
    const connectOne = (nodeUrl: string, cookie: string, label: string, isAgent: boolean) =>
      new Promise<AgentSocket>((resolve, reject) => {
        const socket = openSocket(nodeUrl, cookie);
        sockets.push(socket);
        const held: HeldView = { state: null, isRead: false };
        heldViews.set(socket, held);
        socket.on('queue:state-changed', (change) => recorder.queueState(change, held));
        socket.on('disconnect', (reason) => {
          if (reason !== 'io client disconnect') {
            recorder.socketErrors += 1;
            recorder.error(`${label} disconnected: ${reason}`);
          }
        });
        const timer = setTimeout(
          () => reject(new Error(`${label}: not connected in 30 s`)),
          30_000,
        );
        socket.once('connect_error', (error) => {
          clearTimeout(timer);
          reject(new Error(`${label}: ${error.message}`));
        });
        if (!isAgent) {
          socket.once('connect', () => {
            clearTimeout(timer);
            resolve(socket);
          });
          return;
        }
        // Connected, and the server has finished its own presence change (offline → away):
        // only then is Available ours to set.
        socket.once('agent:status-changed', () => {
          clearTimeout(timer);
          resolve(socket);
        });
      });
    const agentSockets = new Map<string, AgentSocket>();
    await inParallel(agents, 25, async (agent) => {
      agentSockets.set(
        agent.username,
        await connectOne(
          urlFor(agents.indexOf(agent)),
          cookies.get(agent.username)!,
          agent.username,
          true,
        ),
      );
    });
    const leadSocket = await connectOne(url, leadCookie, 'lead1', false);
    const connectMs = performance.now() - started;

    // Each socket reads its view from the node it is on, as the client does: the changes pushed
    // to it build on that, and its scope says which publications it is expected to receive.
    const readView = async (socket: AgentSocket) => {
      const ack = await socket.timeout(20_000).emitWithAck('queue:state-get', {});
      if (!ack.ok) throw new Error(`queue:state-get failed: ${ack.error.message}`);
      return ack.data;
    };
    await inParallel(sockets, 25, async (socket) => {
      recorder.viewRead(heldViews.get(socket)!, await readView(socket));
    });
    // The server's scopes against the agents' skills, derived the way the server does.
    const coverage = [...DEMO_QUEUES, { ...GENERAL_QUEUE, overflowTopics: [] as string[] }]
      .sort((a, b) => a.sort - b.sort)
      .map((queue) => ({ id: queue.id, topic: queue.topic, overflowTopics: queue.overflowTopics }));
    let queueScopesUnexpected = 0;
    for (const agent of agents) {
      const held = heldViews.get(agentSockets.get(agent.username)!)!;
      if (held.state?.scope !== queueScope(queuesServedBy(agent.skills, coverage))) {
        queueScopesUnexpected += 1;
      }
    }

    started = performance.now();
    await inParallel(agents, 25, async (agent) => {
      const socket = agentSockets.get(agent.username)!;
      const ack = await socket
        .timeout(20_000)
        .emitWithAck('agent:set-status', { status: 'available' });
      if (!ack.ok)
        throw new Error(`${agent.username} could not go Available: ${ack.error.message}`);
    });
    const setAvailableMs = performance.now() - started;

    // Agents at work: accept at once, think, log the outcome, wait for the next offer.
    for (const agent of agents) {
      const socket = agentSockets.get(agent.username)!;
      socket.on('offer:created', (offer) => {
        recorder.offer(offer, agent.username);
        busyAgents += 1;
        void (async () => {
          try {
            let sent = performance.now();
            const accepted = await socket
              .timeout(10_000)
              .emitWithAck('offer:accept', { offerId: offer.id });
            recorder.acceptAck.push(performance.now() - sent);
            if (!accepted.ok && /expired/i.test(accepted.error.message)) {
              // The offer reached the agent after its deadline: the server was behind.
              recorder.offersExpiredBeforeAccept += 1;
              return;
            }
            if (!accepted.ok) {
              recorder.acceptErrors += 1;
              recorder.error(
                `${agent.username} accept: ${accepted.error.code} ${accepted.error.message}`,
              );
              return;
            }
            const [low, high] = options.thinkMs;
            await sleep(low + random() * (high - low));
            sent = performance.now();
            const logged = await socket.timeout(10_000).emitWithAck('outcome:log', {
              commandId: randomUUID(),
              contactId: offer.contact.id,
              wrapupCode: 'answered',
              notes: '',
            });
            recorder.outcomeAck.push(performance.now() - sent);
            if (!logged.ok) {
              recorder.outcomeErrors += 1;
              recorder.error(
                `${agent.username} outcome: ${logged.error.code} ${logged.error.message}`,
              );
              return;
            }
            // Wrap-up done: the agent ends after-contact work at once ("Siap") and is ready for
            // the next offer (a no-op where the queue has no wrap-up time).
            sent = performance.now();
            const ready = await socket
              .timeout(10_000)
              .emitWithAck('agent:set-status', { status: 'available' });
            recorder.readyAck.push(performance.now() - sent);
            if (!ready.ok) {
              recorder.readyErrors += 1;
              recorder.error(`${agent.username} ready: ${ready.error.code} ${ready.error.message}`);
            }
          } catch (error) {
            recorder.error(
              `${agent.username}: ${error instanceof Error ? error.message : String(error)}`,
            );
            if (!recorder.isStopping) recorder.socketErrors += 1;
          } finally {
            busyAgents -= 1;
          }
        })();
      });
    }

    // Let the connect and Available storm settle before the measured window.
    await sleep(1000);
    const rssConnectedBytes = rssOf(await onEveryNode('mark'));
    const receivers = agents.length + 1;

    log(
      `feeding ${Math.round((options.ratePerSecond * options.durationMs) / 1000)} contacts at ${options.ratePerSecond}/s through POST /api/inbound`,
    );
    const loadDelay = monitorEventLoopDelay({ resolution: 10 });
    loadDelay.enable();
    const loadCpu = process.cpuUsage();
    const windowStarted = performance.now();
    recorder.windowStart = windowStarted;
    const total = Math.round((options.ratePerSecond * options.durationMs) / 1000);
    const intervalMs = 1000 / options.ratePerSecond;
    const posts: Promise<void>[] = [];
    // A channel provider keeps a bounded pool of connections; beyond it, requests queue here and
    // the wait counts in their latency (the schedule is open-loop: sent = when it was due).
    inboundAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
    for (let index = 0; index < total; index += 1) {
      const due = windowStarted + index * intervalMs;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      const body = bodyFor(index, random, runId);
      recorder.contactsSent += 1;
      const sentAt = performance.now();
      posts.push(
        postJson(inboundAgent, `${urlFor(index)}/api/inbound`, body, {
          'x-api-key': DEMO_INBOUND_API_KEY,
        })
          .then(({ status, json, respondedAt }) => {
            const contactId = (json as { contactId?: string } | undefined)?.contactId;
            if (status !== 201 || !contactId) {
              recorder.inboundErrors += 1;
              recorder.error(`inbound ${index}: ${status} ${JSON.stringify(json)}`);
              return;
            }
            recorder.inboundResponse.push(respondedAt - sentAt);
            recorder.inbound.set(contactId, { sentAt, respondedAt });
          })
          .catch((error: unknown) => {
            recorder.inboundErrors += 1;
            const code = (error as { code?: string }).code;
            recorder.error(
              `inbound ${index}: ${error instanceof Error ? error.message : String(error)}${code ? ` (${code})` : ''}`,
            );
          }),
      );
    }
    const feedEnded = performance.now();
    // Bounded: a server far behind may still owe answers; those count as pending, not as errors.
    let answered = 0;
    for (const post of posts) void post.then(() => (answered += 1));
    await Promise.race([Promise.all(posts), sleep(options.postsGraceMs)]);
    const inboundPendingAtEnd = posts.length - answered;
    const drainUntil = performance.now() + options.drainMs;
    const isDone = () =>
      busyAgents === 0 && [...recorder.inbound.keys()].every((id) => recorder.offers.has(id));
    while (!isDone() && performance.now() < drainUntil) await sleep(50);
    // Queue states published by the last changes still need to reach everyone.
    await sleep(300);
    const windowMs = performance.now() - windowStarted;
    const loadCpuUsage = process.cpuUsage(loadCpu);
    loadDelay.disable();
    const isDrained = isDone() && inboundPendingAtEnd === 0;
    const agentsBusyAtEnd = busyAgents;
    const window = combineNodes((await onEveryNode('stats')) as unknown as ServerStats[]);
    log(
      `feed took ${Math.round(feedEnded - windowStarted)} ms; drained ${isDrained ? 'fully' : 'partly'} in ${Math.round(performance.now() - feedEnded)} ms`,
    );
    // An offer the server made just before the stats were read may still be on its way.
    if (!isDrained) await sleep(1000);

    // Offer latencies, and offers that arrived before the inbound response.
    const offerFromRequest: number[] = [];
    const offerFromResponse: number[] = [];
    let offersBeforeResponse = 0;
    let offersForUnknownContacts = 0;
    for (const [contactId, offer] of recorder.offers) {
      const inbound = recorder.inbound.get(contactId);
      if (!inbound) {
        offersForUnknownContacts += 1;
        continue;
      }
      offerFromRequest.push(offer.receivedAt - inbound.sentAt);
      offerFromResponse.push(offer.receivedAt - inbound.respondedAt);
      if (offer.receivedAt < inbound.respondedAt) offersBeforeResponse += 1;
    }
    const contactsOffered = [...recorder.inbound.keys()].filter((id) =>
      recorder.offers.has(id),
    ).length;

    // Queue-state freshness, over publications first seen inside the window that reached every
    // socket they were for: each view (stream and scope) a change was seen for, all its sockets.
    const inWindow = [...recorder.publications.values()]
      .filter((publication) => publication.firstPerf >= windowStarted)
      .sort((a, b) => a.firstPerf - b.firstPerf);
    const isComplete = (publication: Publication) =>
      [...publication.scopes].every(
        ([scope, receipt]) =>
          receipt.count >= (recorder.viewMembers.get(`${publication.stream}/${scope}`) ?? 0),
      );
    const lastOf = (publication: Publication) => {
      const receipts = [...publication.scopes.values()];
      return {
        wall: Math.max(...receipts.map((receipt) => receipt.lastWall)),
        perf: Math.max(...receipts.map((receipt) => receipt.lastPerf)),
      };
    };
    const complete = inWindow.filter(isComplete);
    const queueStateFromServer = complete.map(
      (publication) => lastOf(publication).wall - publication.at,
    );
    const queueStateFromResponse: number[] = [];
    for (const inbound of recorder.inbound.values()) {
      const next = complete.find((publication) => publication.firstPerf > inbound.respondedAt);
      if (next) queueStateFromResponse.push(lastOf(next).perf - inbound.respondedAt);
    }
    const receiptsInWindow = inWindow.flatMap((publication) => [...publication.scopes.values()]);
    const messagesInWindow = receiptsInWindow.reduce((total, receipt) => total + receipt.count, 0);
    const bytesInWindow = receiptsInWindow.reduce(
      (total, receipt) => total + receipt.count * receipt.bytes,
      0,
    );
    // Every socket's folded view against a fresh read (nothing changes any more: drained).
    let queueViewsWrongAtEnd = 0;
    const figuresOf = (state: QueueState | null) =>
      JSON.stringify({ queues: state?.queues, agentsByStatus: state?.agentsByStatus });
    await inParallel(sockets, 25, async (socket) => {
      const fresh = await readView(socket).catch(() => null);
      if (figuresOf(fresh) !== figuresOf(heldViews.get(socket)!.state)) queueViewsWrongAtEnd += 1;
    });
    const leadView = heldViews.get(leadSocket)!.state;

    // Lost: accepted by the server, never offered to any socket, and neither waiting nor held
    // in an offer the server made (an offer lost on its way expires and is offered again: that
    // shows as a contact offered more than once on the server).
    const waitingIds = new Set(window.waitingContactIds);
    const offeredIds = new Set(window.offeredContactIds);
    const accepted = recorder.inbound.size;
    const ours = [...recorder.inbound.keys()];
    const waiting = ours.filter((id) => waitingIds.has(id)).length;
    const notReceived = ours.filter((id) => !recorder.offers.has(id));
    const offersInFlight = notReceived.filter((id) => offeredIds.has(id)).length;
    const lostContacts = notReceived.filter(
      (id) => !waitingIds.has(id) && !offeredIds.has(id),
    ).length;
    const windowSeconds = windowMs / 1000;
    return {
      options: {
        agents: options.agents,
        ratePerSecond: options.ratePerSecond,
        durationMs: options.durationMs,
        postsGraceMs: options.postsGraceMs,
        drainMs: options.drainMs,
        thinkMs: options.thinkMs,
        storage: options.storage,
        nodes: nodeCount,
        profileDir: options.profileDir,
        isSqlStatsOn: options.isSqlStatsOn,
      },
      setup: { createAgentsMs, signInMs, connectMs, setAvailableMs, receivers },
      counts: {
        contactsSent: recorder.contactsSent,
        contactsAccepted: accepted,
        inboundErrors: recorder.inboundErrors,
        offersReceived: recorder.offersReceived,
        contactsOffered,
        duplicateOffers: recorder.duplicateOffers,
        reOffersAfterExpiry: recorder.reOffers,
        offersExpiredBeforeAccept: recorder.offersExpiredBeforeAccept,
        offersForUnknownContacts,
        acceptsOk:
          recorder.acceptAck.length - recorder.acceptErrors - recorder.offersExpiredBeforeAccept,
        acceptErrors: recorder.acceptErrors,
        outcomesAcked: recorder.outcomeAck.length - recorder.outcomeErrors,
        outcomeErrors: recorder.outcomeErrors,
        readyErrors: recorder.readyErrors,
        stillWaitingAtEnd: waiting,
        offersInFlightAtEnd: offersInFlight,
        inboundPendingAtEnd,
        agentsBusyAtEnd,
        lostContacts,
        socketErrors: recorder.socketErrors,
        queueStatesInWindow: inWindow.length,
        queueStatesIncomplete: inWindow.length - complete.length,
        queueStateGaps: recorder.queueStateGaps,
        queueViewsWrongAtEnd,
        queueScopesUnexpected,
      },
      isDrained,
      errors: recorder.errors,
      latencyMs: {
        offerFromRequest: summarize(offerFromRequest),
        offerFromResponse: summarize(offerFromResponse),
        acceptAck: summarize(recorder.acceptAck),
        outcomeAck: summarize(recorder.outcomeAck),
        readyAck: summarize(recorder.readyAck),
        queueStateFromServer: summarize(queueStateFromServer),
        queueStateFromResponse: summarize(queueStateFromResponse),
        inboundResponse: summarize(recorder.inboundResponse),
      },
      offersBeforeResponse,
      server: {
        rssIdleBytes,
        rssConnectedBytes,
        rssPerAgentBytes: (rssConnectedBytes - rssIdleBytes) / agents.length,
        window: { ...window, waitingContactIds: [], offeredContactIds: [] },
        logLines: servers.reduce((total, child) => total + child.logs.count, 0),
        firstLogLines: servers.flatMap((child) => child.logs.first),
      },
      loadProcess: {
        cpuPercent: ((loadCpuUsage.user + loadCpuUsage.system) / 1000 / windowMs) * 100,
        // Whole timer intervals are recorded: the delay is what exceeds the 10 ms resolution.
        eventLoopDelayP99Ms: Math.max(0, loadDelay.percentile(99) / 1e6 - 10),
      },
      queueStatesPerSecond: inWindow.length / windowSeconds,
      queueStateMessagesPerSecond: messagesInWindow / windowSeconds,
      queueStateMessageBytes: messagesInWindow > 0 ? bytesInWindow / messagesInWindow : 0,
      bytesPerAgentPerSecond: window.bytesWritten / agents.length / windowSeconds,
      sampleQueueState: leadView ? JSON.stringify(leadView) : '',
    };
  } catch (error) {
    // Whatever failed, the server's own words say most about why.
    const message = error instanceof Error ? error.message : String(error);
    const exit = server.process.exitCode ?? server.process.signalCode;
    throw new Error(
      `${message}\nserver process ${exit === null ? 'running' : `exited (${exit})`}; its log:\n${server.logs.first.join('\n')}`,
      { cause: error },
    );
  } finally {
    recorder.isStopping = true;
    for (const socket of sockets) socket.disconnect();
    await Promise.all(servers.map((child) => child.stop()));
    await storage.dispose().catch(() => undefined);
    inboundAgent?.destroy();
  }
}
