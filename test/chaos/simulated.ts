import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { Ack } from '../../shared/protocol/ack';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol/events';
import { DEMO_INBOUND_API_KEY } from '../../server/config/config';
import type { ChaosUser } from './cluster';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What the simulated people saw acknowledged: the truth the database is checked against. */
export interface Ledger {
  inboundAcked: Map<string, string>; // externalId → contactId
  inboundFailedAttempts: number;
  /** Every accept the server acknowledged ok: one per offer, even when resent. */
  acceptAcks: Map<string, { contactId: string; agentId: string }>; // offerId → …
  /** Every outcome the server acknowledged ok, by commandId. */
  outcomeAcks: Map<string, { contactId: string; outcomeId: string }>;
  outcomeResends: number;
  reassignAcks: { contactId: string; toAgentId: string; commandId: string }[];
  reassignConflicts: number;
  reassignLostAcks: number;
  /** Facts a bot only learnt of from a desk snapshot (the push was missed). */
  resyncFinds: number;
  caseWarnedFacts: string[];
  reconnects: number;
  /** Set-status commands refused (e.g. the database pool timed out) and sent again. */
  statusRetries: number;
  /** Commands answered `internal`/`unavailable` (e.g. the pool timed out) and sent again. */
  serverErrorRetries: number;
}

export function newLedger(): Ledger {
  return {
    inboundAcked: new Map(),
    inboundFailedAttempts: 0,
    acceptAcks: new Map(),
    outcomeAcks: new Map(),
    outcomeResends: 0,
    reassignAcks: [],
    reassignConflicts: 0,
    reassignLostAcks: 0,
    resyncFinds: 0,
    caseWarnedFacts: [],
    reconnects: 0,
    statusRetries: 0,
    serverErrorRetries: 0,
  };
}

interface Pending {
  key: string;
  name: 'offer:accept' | 'outcome:log' | 'agent:set-status';
  payload: unknown;
  onAck: (ack: Ack<unknown>) => void;
}

export interface AgentBotOptions {
  /** Live node URLs; the bot moves to the next one when its node goes away (a load balancer). */
  urls: () => string[];
  ledger: Ledger;
  /** Chance that the network drops right after an outcome is sent (the ack is lost). */
  cutAfterOutcome?: number;
  holdMs?: [number, number];
  random?: () => number;
}

/**
 * A simulated agent's browser: one websocket, an outbox of commands resent with the same ids after
 * any reconnect, a desk snapshot after each reconnect, accepts every offer and closes every
 * conversation it holds with an outcome after a short while.
 */
export class AgentBot {
  socket: ClientSocket | undefined;
  readonly held = new Set<string>();
  private readonly outbox = new Map<string, Pending>();
  private readonly knownOffers = new Set<string>();
  private readonly closing = new Set<string>();
  private urlIndex: number;
  private isStopped = false;
  private isVanished = false;
  private connectedOnce = false;
  private readonly random: () => number;

  constructor(
    readonly user: ChaosUser,
    private readonly options: AgentBotOptions,
    startAt: number,
  ) {
    this.urlIndex = startAt;
    this.random = options.random ?? Math.random;
  }

  get url(): string | undefined {
    const urls = this.options.urls();
    return urls.length === 0 ? undefined : urls[this.urlIndex % urls.length];
  }

  get isConnected(): boolean {
    return this.socket?.connected ?? false;
  }

  async start(): Promise<void> {
    await this.connect();
  }

  private connect(): Promise<void> {
    return new Promise((resolve) => {
      const url = this.url;
      if (!url || this.isStopped) return resolve();
      const socket: ClientSocket = io(url, {
        transports: ['websocket'],
        extraHeaders: { cookie: this.user.cookie },
        reconnection: false,
        forceNew: true,
        timeout: 3000,
      });
      this.socket = socket;
      socket.on('connect', () => {
        resolve();
        void this.onConnected(socket);
      });
      socket.on('connect_error', () => {
        resolve();
        this.retryElsewhere(socket);
      });
      socket.on('disconnect', (reason) => {
        if (reason === 'io client disconnect') return;
        this.retryElsewhere(socket);
      });
      socket.on('offer:created', (offer) => this.accept(offer.id, offer.contact.id));
      socket.on('conversation:assigned', (fact) => {
        if (fact.agentId === this.user.id) this.hold(fact.conversation.contact.id);
      });
      socket.on('conversation:revoked', (fact) => {
        if (fact.agentId === this.user.id) this.held.delete(fact.contactId);
      });
      socket.on('case:warned', (fact) =>
        this.options.ledger.caseWarnedFacts.push(`${fact.caseId}:${fact.level}`),
      );
    });
  }

  private retryElsewhere(socket: ClientSocket): void {
    if (socket !== this.socket || this.isStopped || this.isVanished) return;
    socket.removeAllListeners();
    socket.close();
    this.socket = undefined;
    this.options.ledger.reconnects += 1;
    this.urlIndex += 1;
    setTimeout(() => void this.connect(), 100 + Math.floor(this.random() * 300));
  }

  private async onConnected(socket: ClientSocket): Promise<void> {
    if (!this.connectedOnce) {
      this.connectedOnce = true;
      this.send({
        key: 'status',
        name: 'agent:set-status',
        payload: { status: 'available' },
        onAck: () => undefined,
      });
    }
    // The outbox goes out again with the same ids; the server answers a repeat as the first time.
    for (const pending of this.outbox.values()) this.emit(pending);
    await this.resync(socket);
  }

  /** Available for work; a refusal (the server overloaded) is tried again, as a person would. */
  private becomeAvailable(): void {
    this.send({
      key: 'status',
      name: 'agent:set-status',
      payload: { status: 'available' },
      onAck: (ack) => {
        if (ack.ok || this.isStopped) return;
        this.options.ledger.statusRetries += 1;
        setTimeout(() => this.becomeAvailable(), 500);
      },
    });
  }

  /** After a reconnect: what the desk holds now (pushes may have been missed meanwhile). */
  async resync(socket: ClientSocket | undefined = this.socket): Promise<void> {
    const url = this.url;
    if (!socket || !url) return;
    const response = await fetch(`${url}/api/desk`, {
      headers: { cookie: this.user.cookie },
    }).catch(() => undefined);
    if (!response?.ok) return;
    const desk = (await response.json()) as {
      offers: { id: string; contact: { id: string } }[];
      conversations: { contact: { id: string } }[];
    };
    for (const offer of desk.offers) {
      if (!this.knownOffers.has(offer.id)) this.options.ledger.resyncFinds += 1;
      this.accept(offer.id, offer.contact.id);
    }
    const nowHeld = new Set(desk.conversations.map((c) => c.contact.id));
    for (const contactId of nowHeld) {
      if (!this.held.has(contactId)) {
        this.options.ledger.resyncFinds += 1;
        this.hold(contactId);
      }
    }
    for (const contactId of [...this.held]) {
      if (!nowHeld.has(contactId) && !this.closing.has(contactId)) this.held.delete(contactId);
    }
  }

  private accept(offerId: string, contactId: string): void {
    if (this.knownOffers.has(offerId) && !this.outbox.has(`accept:${offerId}`)) return;
    this.knownOffers.add(offerId);
    this.send({
      key: `accept:${offerId}`,
      name: 'offer:accept',
      payload: { offerId },
      onAck: (ack) => {
        if (!ack.ok) return;
        this.options.ledger.acceptAcks.set(offerId, { contactId, agentId: this.user.id });
        this.hold(contactId);
      },
    });
  }

  private hold(contactId: string): void {
    if (this.held.has(contactId)) return;
    this.held.add(contactId);
    const [min, max] = this.options.holdMs ?? [200, 900];
    setTimeout(() => this.close(contactId), min + Math.floor(this.random() * (max - min)));
  }

  /** Logs the outcome (the conversation closes); resent with the same commandId until answered. */
  private close(contactId: string): void {
    if (!this.held.has(contactId) || this.closing.has(contactId) || this.isStopped) return;
    this.closing.add(contactId);
    const commandId = randomUUID();
    this.send(
      {
        key: `outcome:${commandId}`,
        name: 'outcome:log',
        payload: { commandId, contactId, wrapupCode: 'answered', notes: 'chaos' },
        onAck: (ack) => {
          this.closing.delete(contactId);
          this.held.delete(contactId);
          if (ack.ok) {
            const outcome = (ack.data as { outcome: { id: string } }).outcome;
            this.options.ledger.outcomeAcks.set(commandId, { contactId, outcomeId: outcome.id });
          }
        },
      },
      this.random() < (this.options.cutAfterOutcome ?? 0),
    );
  }

  private send(pending: Pending, cutAfterSending = false): void {
    this.outbox.set(pending.key, pending);
    this.emit(pending);
    if (cutAfterSending && this.socket?.connected) {
      // The network drops with the command on the wire: the ack can never arrive on this socket.
      this.socket.io.engine.close();
    }
  }

  private emit(pending: Pending): void {
    const socket = this.socket;
    if (!socket?.connected) return;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one path for every command
    (socket as any)
      .timeout(5000)
      .emit(pending.name, pending.payload, (error: unknown, ack: Ack<unknown>) => {
        if (this.outbox.get(pending.key) !== pending) return;
        if (error) {
          // No answer: resend now if still connected, else on the next connect.
          if (pending.name === 'outcome:log') this.options.ledger.outcomeResends += 1;
          if (this.socket?.connected && this.socket === socket) this.emit(pending);
          return;
        }
        if (!ack.ok && (ack.error.code === 'internal' || ack.error.code === 'unavailable')) {
          // The server could not do it now (nothing was written): the outbox tries again.
          this.options.ledger.serverErrorRetries += 1;
          setTimeout(() => {
            if (this.outbox.get(pending.key) === pending) this.emit(pending);
          }, 500);
          return;
        }
        this.outbox.delete(pending.key);
        pending.onAck(ack);
      });
  }

  /** The bot's browser is gone for good (closed with the node it was on). */
  vanish(): void {
    this.isVanished = true;
    this.socket?.removeAllListeners();
    this.socket?.close();
  }

  get pendingCommands(): number {
    return this.outbox.size;
  }

  stop(): void {
    this.isStopped = true;
    this.socket?.removeAllListeners();
    this.socket?.close();
  }
}

/** A citizen-side channel: posts contacts at a steady rate, retrying elsewhere until acked. */
export async function inboundFlow(options: {
  urls: () => string[];
  ledger: Ledger;
  perSecond: number;
  durationMs: number;
  label: string;
}): Promise<void> {
  const topics = ['bansos', 'adminduk', 'kesehatan', 'pajak', 'pendidikan', 'umum'];
  const everyMs = 1000 / options.perSecond;
  const endsAt = Date.now() + options.durationMs;
  const posts: Promise<void>[] = [];
  let i = 0;
  while (Date.now() < endsAt) {
    i += 1;
    const n = i;
    posts.push(
      postUntilAcked(options, {
        channel: 'webchat',
        externalId: `${options.label}-${n}`,
        from: `chaos-${options.label}-${n}`,
        name: `Warga ${n}`,
        text: 'Mohon informasi layanan.',
        topic: topics[n % topics.length],
        segment: 'public',
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  await Promise.all(posts);
}

async function postUntilAcked(
  options: { urls: () => string[]; ledger: Ledger },
  body: Record<string, unknown> & { externalId: string },
): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const urls = options.urls();
    const url = urls[(attempt + body.externalId.length) % urls.length];
    try {
      const response = await fetch(`${url}/api/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': DEMO_INBOUND_API_KEY },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5000),
      });
      if (response.ok) {
        const result = (await response.json()) as { contactId: string };
        options.ledger.inboundAcked.set(body.externalId, result.contactId);
        return;
      }
    } catch {
      // The node went away mid-request: the same externalId goes to another node.
    }
    options.ledger.inboundFailedAttempts += 1;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A lead's console: a socket to one node sending reassignments. */
export class LeadBot {
  private socket: ClientSocket | undefined;
  constructor(
    readonly user: ChaosUser,
    private readonly url: string,
    private readonly ledger: Ledger,
  ) {}

  async start(): Promise<void> {
    const socket: ClientSocket = io(this.url, {
      transports: ['websocket'],
      extraHeaders: { cookie: this.user.cookie },
      forceNew: true,
      reconnectionDelay: 100,
    });
    this.socket = socket;
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
  }

  async reassign(contactId: string, toAgentId: string): Promise<boolean> {
    const commandId = randomUUID();
    const payload = { commandId, contactId, toAgentId, reason: 'chaos: load balancing' };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- typed emit cannot express it
        const ack = (await (this.socket as any)
          .timeout(15_000)
          .emitWithAck('conversation:reassign', payload)) as Ack<unknown>;
        if (ack.ok) {
          this.ledger.reassignAcks.push({ contactId, toAgentId, commandId });
          return true;
        }
        this.ledger.reassignConflicts += 1;
        return false;
      } catch {
        // Lost ack: the same commandId again (runOnce answers the first result).
        this.ledger.reassignLostAcks += 1;
      }
    }
    return false;
  }

  stop(): void {
    this.socket?.close();
  }
}
