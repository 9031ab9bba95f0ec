import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { Ack } from '../../shared/protocol/ack';
import type {
  ClientToServerEvents,
  CommandName,
  CommandPayload,
  CommandResult,
  ServerToClientEvents,
} from '../../shared/protocol/events';
import type { Offer } from '../../shared/schemas/offer';
import type { StorageMode, TestServer } from './harness';
import { STORAGE_MODES, inboundContact, postInbound, signIn, sleep, startServer } from './harness';

type AgentSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A browser-like connection: it reconnects by itself after the network comes back. */
async function reconnectingAgent(server: TestServer, username: string): Promise<AgentSocket> {
  const cookie = await signIn(server.url, username);
  const socket: AgentSocket = io(server.url, {
    transports: ['websocket'],
    extraHeaders: { cookie },
    forceNew: true,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

async function sendOk<N extends CommandName>(
  socket: AgentSocket,
  name: N,
  payload: CommandPayload<N>,
): Promise<CommandResult<N>> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the typed emit cannot express the generic pair
  const ack = (await (socket as any).timeout(5000).emitWithAck(name, payload)) as Ack<
    CommandResult<N>
  >;
  if (!ack.ok) throw new Error(`${name} failed: ${ack.error.code} ${ack.error.message}`);
  return ack.data;
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/**
 * The network drops while an agent logs an outcome: the command reaches the server, the ack never
 * reaches the agent. After the connection is back the client sends the same command again (what
 * the outbox does), and the outcome is stored exactly once, the resend answered with the first
 * result.
 */
describe.each(STORAGE_MODES)('a network cut during outcome:log on %s', (mode: StorageMode) => {
  async function holding(server: TestServer, socket: AgentSocket) {
    const offered = new Promise<Offer>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no offer:created within 10 s')), 10_000);
      socket.once('offer:created', (offer) => {
        clearTimeout(timer);
        resolve(offer);
      });
    });
    await sendOk(socket, 'agent:set-status', { status: 'available' });
    await postInbound(server.url, inboundContact());
    const offer = await offered;
    return sendOk(socket, 'offer:accept', { offerId: offer.id });
  }

  async function outcomesOf(server: TestServer, contactId: string) {
    return server.app.store.db
      .selectFrom('outcomes')
      .selectAll()
      .where('contact_id', '=', contactId)
      .execute();
  }

  it('the ack is lost with the connection; the resend after reconnecting stores nothing twice', async () => {
    const server = await startServer(mode);
    const socket = await reconnectingAgent(server, 'agent1');
    try {
      const held = await holding(server, socket);
      const payload = {
        commandId: randomUUID(),
        contactId: held.contact.id,
        wrapupCode: 'answered',
        notes: 'Syarat KIP dijelaskan; jaringan putus saat menyimpan.',
      };
      let isFirstAckSeen = false;
      const reconnected = new Promise<void>((resolve) =>
        socket.io.once('reconnect', () => resolve()),
      );
      socket.emit('outcome:log', payload, () => {
        isFirstAckSeen = true;
      });
      // The cut: the packet above is flushed, then the transport goes before any answer.
      socket.io.engine.close();

      await until(
        async () => (await outcomesOf(server, held.contact.id)).length === 1,
        'the server to store the outcome',
      );
      await reconnected;
      const resent = await sendOk(socket, 'outcome:log', payload);

      expect(isFirstAckSeen).toBe(false);
      const stored = await outcomesOf(server, held.contact.id);
      expect(stored).toHaveLength(1);
      expect(resent.outcome.id).toBe(stored[0]!.id);
      expect(resent.outcome.notes).toBe(payload.notes);
      expect(resent.contact.status).toBe('closed');
      // And again, for a client that did not hear this answer either.
      expect(await sendOk(socket, 'outcome:log', payload)).toEqual(resent);
      expect(await outcomesOf(server, held.contact.id)).toHaveLength(1);
    } finally {
      socket.disconnect();
      await server.destroy();
    }
  }, 60_000);

  it('a command emitted while disconnected goes out on reconnect; the outbox resend of it writes once', async () => {
    const server = await startServer(mode);
    const socket = await reconnectingAgent(server, 'agent1');
    try {
      const held = await holding(server, socket);
      const payload = {
        commandId: randomUUID(),
        contactId: held.contact.id,
        wrapupCode: 'answered',
        notes: 'Ditulis saat jaringan terputus.',
      };
      const reconnected = new Promise<void>((resolve) =>
        socket.io.once('reconnect', () => resolve()),
      );
      socket.io.engine.close();
      await until(async () => !socket.connected, 'the disconnect');
      // socket.io-client buffers this and sends it once connected again...
      const buffered = new Promise<Ack<CommandResult<'outcome:log'>>>((resolve) =>
        socket.emit('outcome:log', payload, resolve),
      );
      await reconnected;
      // ...and the outbox, not knowing, sends it as well.
      const [first, second] = await Promise.all([buffered, sendOk(socket, 'outcome:log', payload)]);
      expect(first).toEqual({ ok: true, data: second });
      expect(await outcomesOf(server, held.contact.id)).toHaveLength(1);
    } finally {
      socket.disconnect();
      await server.destroy();
    }
  }, 60_000);
});
