/**
 * The load process side of the baselines: the same number of clients as the Tanggap run connect
 * to a bare `ws` server and to a bare Socket.IO server (each in its own child process), which
 * broadcast the same full queue state; emit → last receipt is measured per broadcast. The bare
 * Socket.IO server also gives the transport floor of the offer path and of a command ack.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { startChild, type ChildHandle } from './ipc';
import { preciseNow, sleep, summarize, type Summary } from './stats';

export interface BroadcastOptions {
  clients: number;
  broadcasts: number;
  /** Pause after every client got one broadcast, before the next (each is measured alone). */
  gapMs: number;
  /** The state to broadcast (parsed JSON). */
  state: unknown;
  log: (line: string) => void;
}

export interface BroadcastResult {
  clients: number;
  broadcasts: number;
  payloadBytes: number;
  /** Emit (server stamp, before encoding) → the last client received it. */
  emitToLastReceiptMs: Summary | null;
  /** Emit → first receipt. */
  emitToFirstReceiptMs: Summary | null;
  /** Time the server's event loop spent in one broadcast call. */
  serverEmitBlockMs: Summary | null;
  incomplete: number;
  serverRssBytes: number;
}

interface Receipt {
  sentAt: number;
  count: number;
  first: number;
  last: number;
}

/** Receipts per broadcast, and a way to wait until every client has one. */
class Receipts {
  readonly bySeq = new Map<number, Receipt>();
  private readonly waiters = new Map<number, () => void>();

  constructor(private readonly clients: number) {}

  record(seq: number, sentAt: number): void {
    const now = preciseNow();
    let receipt = this.bySeq.get(seq);
    if (receipt) {
      receipt.count += 1;
      receipt.last = now;
    } else {
      receipt = { sentAt, count: 1, first: now, last: now };
      this.bySeq.set(seq, receipt);
    }
    if (receipt.count >= this.clients) {
      this.waiters.get(seq)?.();
      this.waiters.delete(seq);
    }
  }

  allReceived(seq: number, timeoutMs: number): Promise<void> {
    if ((this.bySeq.get(seq)?.count ?? 0) >= this.clients) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters.delete(seq);
        resolve();
      }, timeoutMs);
      this.waiters.set(seq, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/**
 * Closed loop: one broadcast, wait until every client has it (or 10 s), pause, the next. So
 * each figure is one broadcast alone, whatever the payload size or the number of clients.
 */
async function broadcastOneByOne(
  server: ChildHandle,
  receipts: Receipts,
  options: BroadcastOptions,
): Promise<number[]> {
  const emitMs: number[] = [];
  for (let seq = 0; seq < options.broadcasts; seq += 1) {
    const received = receipts.allReceived(seq, 10_000);
    const reply = await server.request('broadcast', { seq, state: options.state });
    emitMs.push(Number(reply.emitMs));
    await received;
    await sleep(options.gapMs);
  }
  return emitMs;
}

function summarizeReceipts(
  receipts: Receipts,
  clients: number,
): Pick<BroadcastResult, 'emitToLastReceiptMs' | 'emitToFirstReceiptMs' | 'incomplete'> {
  const complete = [...receipts.bySeq.values()].filter((receipt) => receipt.count >= clients);
  return {
    emitToLastReceiptMs: summarize(complete.map((receipt) => receipt.last - receipt.sentAt)),
    emitToFirstReceiptMs: summarize(complete.map((receipt) => receipt.first - receipt.sentAt)),
    incomplete: receipts.bySeq.size - complete.length,
  };
}

async function inBatches(count: number, batch: number, open: (index: number) => Promise<void>) {
  for (let start = 0; start < count; start += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, count - start) }, (_, i) => open(start + i)),
    );
  }
}

export async function runWsBaseline(options: BroadcastOptions): Promise<BroadcastResult> {
  options.log(`bare ws: ${options.clients} clients, ${options.broadcasts} broadcasts`);
  const server = await startChild('baseline-ws-server.ts');
  const url = String(server.ready.url);
  const clients: WebSocket[] = [];
  const receipts = new Receipts(options.clients);
  try {
    await inBatches(options.clients, 50, (index) => {
      const client = new WebSocket(url);
      clients.push(client);
      client.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString('utf8')) as { seq: number; sentAt: number };
        receipts.record(message.seq, message.sentAt);
      });
      return new Promise<void>((resolve, reject) => {
        client.once('open', () => resolve());
        client.once('error', (error) => reject(new Error(`ws client ${index}: ${error.message}`)));
      });
    });
    await sleep(200);
    const stats = await server.request('stats');
    const emitMs = await broadcastOneByOne(server, receipts, options);
    await sleep(300);
    return {
      clients: options.clients,
      broadcasts: options.broadcasts,
      payloadBytes: Buffer.byteLength(JSON.stringify(options.state)),
      ...summarizeReceipts(receipts, options.clients),
      serverEmitBlockMs: summarize(emitMs),
      serverRssBytes: Number(stats.rss),
    };
  } finally {
    for (const client of clients) client.terminate();
    await server.stop();
  }
}

export interface SocketIoBaselineOptions extends BroadcastOptions {
  /** Offers through `POST /inbound` → one socket, at this rate for `offerMs`. */
  ratePerSecond: number;
  offerMs: number;
}

export interface SocketIoBaselineResult extends BroadcastResult {
  /** Request sent → offer received by the chosen socket; no database, no other traffic. */
  offerFromRequestMs: Summary | null;
  offers: { sent: number; received: number };
  /** A command acknowledged at once by the server: the floor under any Tanggap command ack. */
  commandAckMs: Summary | null;
}

export async function runSocketIoBaseline(
  options: SocketIoBaselineOptions,
): Promise<SocketIoBaselineResult> {
  options.log(
    `bare Socket.IO: ${options.clients} clients, ${options.broadcasts} broadcasts, offers`,
  );
  const server = await startChild('baseline-socketio-server.ts');
  const url = String(server.ready.url);
  const sockets: Socket[] = [];
  const receipts = new Receipts(options.clients);
  const offersReceived = new Map<string, number>();
  const commandAck: number[] = [];
  try {
    await inBatches(options.clients, 50, (index) => {
      const socket = connect(url, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      socket.on('state', (message: { seq: number; sentAt: number }) =>
        receipts.record(message.seq, message.sentAt),
      );
      socket.on('offer:created', (offer: { contact: { id: string } }) => {
        offersReceived.set(offer.contact.id, performance.now());
        // Answer like an agent accepting: one acknowledged command.
        const sent = performance.now();
        void socket
          .timeout(10_000)
          .emitWithAck('command', { offerId: offer.contact.id })
          .then(() => commandAck.push(performance.now() - sent))
          .catch(() => undefined);
      });
      return new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', (error) =>
          reject(new Error(`socket.io client ${index}: ${error.message}`)),
        );
      });
    });
    await sleep(200);
    const stats = await server.request('stats');
    const emitMs = await broadcastOneByOne(server, receipts, options);
    await sleep(300);

    const total = Math.max(1, Math.round((options.ratePerSecond * options.offerMs) / 1000));
    const sentAt = new Map<string, number>();
    const posts: Promise<void>[] = [];
    const started = performance.now();
    for (let index = 0; index < total; index += 1) {
      const wait = started + (index * 1000) / options.ratePerSecond - performance.now();
      if (wait > 1) await sleep(wait);
      const sent = performance.now();
      posts.push(
        fetch(`${url}/inbound`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ channel: 'whatsapp', externalId: `baseline-${index}` }),
        })
          .then((response) => response.json() as Promise<{ contactId: string }>)
          .then((body) => void sentAt.set(body.contactId, sent)),
      );
    }
    await Promise.all(posts);
    await sleep(300);
    const offerFromRequest = [...sentAt.entries()].flatMap(([id, sent]) => {
      const received = offersReceived.get(id);
      return received === undefined ? [] : [received - sent];
    });
    return {
      clients: options.clients,
      broadcasts: options.broadcasts,
      payloadBytes: Buffer.byteLength(JSON.stringify(options.state)),
      ...summarizeReceipts(receipts, options.clients),
      serverEmitBlockMs: summarize(emitMs),
      serverRssBytes: Number(stats.rss),
      offerFromRequestMs: summarize(offerFromRequest),
      offers: { sent: total, received: offerFromRequest.length },
      commandAckMs: summarize(commandAck),
    };
  } finally {
    for (const socket of sockets) socket.disconnect();
    await server.stop();
  }
}
