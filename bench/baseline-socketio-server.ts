/**
 * Baseline: a bare Socket.IO server (defaults, no database, no other traffic) in its own process.
 * It broadcasts the same full state with `io.emit`, forwards an "offer" to one socket per
 * `POST /inbound` (the transport floor of Tanggap's offer path), and acknowledges a command at once.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { Server, type Socket } from 'socket.io';
import { reportReady, serveRequests } from './ipc';
import { preciseNow } from './stats';

const httpServer = http.createServer();
const io = new Server(httpServer, { serveClient: false });
const agents: Socket[] = [];
let nextAgent = 0;

io.on('connection', (socket) => {
  agents.push(socket);
  socket.on('disconnect', () => agents.splice(agents.indexOf(socket), 1));
  socket.on('command', (payload: unknown, ack: unknown) => {
    if (typeof ack === 'function') ack({ ok: true, data: payload });
  });
});

// The offer path without the work: take the body, pick an agent, emit, answer 201.
httpServer.on('request', (request, response) => {
  if (request.method !== 'POST' || request.url !== '/inbound') return;
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    const contactId = randomUUID();
    const agent = agents[nextAgent++ % Math.max(1, agents.length)];
    agent?.emit('offer:created', {
      id: randomUUID(),
      agentId: 'agent',
      createdAt: Date.now(),
      expiresAt: Date.now() + 20_000,
      contact: { ...body, id: contactId, reference: 'TGP-BASELINE' },
    });
    response.writeHead(201, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ contactId, reference: 'TGP-BASELINE' }));
  });
});

/** One broadcast: stamp, then `io.emit` (Socket.IO encodes once for everyone). */
function broadcast(seq: number, state: unknown) {
  const sentAt = preciseNow();
  io.emit('state', { seq, sentAt, state });
  return { emitMs: preciseNow() - sentAt, clients: io.engine.clientsCount };
}

httpServer.listen(0, '127.0.0.1', () => {
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  serveRequests(
    async (request) => {
      if (request.type === 'broadcast') {
        return Promise.resolve(broadcast(Number(request.seq), request.state));
      }
      if (request.type === 'stats') {
        return { rss: process.memoryUsage().rss, clients: io.engine.clientsCount };
      }
      throw new Error(`unknown request ${request.type}`);
    },
    () =>
      new Promise<void>((resolve) => {
        io.disconnectSockets(true);
        void io.close(() => resolve());
      }),
  );
  reportReady({ url: `http://127.0.0.1:${port}`, rss: process.memoryUsage().rss });
});
