/**
 * Baseline: a bare `ws` server in its own process that broadcasts one full JSON state to every
 * connected client, a plain loop of `send` with the message encoded once. Nothing else runs here.
 */
import { WebSocketServer, WebSocket } from 'ws';
import { reportReady, serveRequests } from './ipc';
import { preciseNow } from './stats';

const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });

/** One broadcast: stamp, encode once (to bytes), send the same text frame to every open client. */
function broadcast(seq: number, state: unknown) {
  const sentAt = preciseNow();
  const message = Buffer.from(JSON.stringify({ seq, sentAt, state }));
  for (const client of server.clients) {
    if (client.readyState === WebSocket.OPEN) client.send(message, { binary: false });
  }
  return { emitMs: preciseNow() - sentAt, clients: server.clients.size };
}

server.once('listening', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  serveRequests(
    async (request) => {
      if (request.type === 'broadcast') {
        return Promise.resolve(broadcast(Number(request.seq), request.state));
      }
      if (request.type === 'stats') {
        return { rss: process.memoryUsage().rss, clients: server.clients.size };
      }
      throw new Error(`unknown request ${request.type}`);
    },
    () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  );
  reportReady({ url: `ws://127.0.0.1:${port}`, rss: process.memoryUsage().rss });
});
