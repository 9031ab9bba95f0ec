import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { Logger } from 'pino';
import { createClient } from 'redis';

export interface RedisLink {
  /** The Socket.IO adapter factory sharing rooms and broadcasts through a Redis stream. */
  adapter: ReturnType<typeof createAdapter>;
  /** True while Redis answers a PING within a second. */
  ping(): Promise<boolean>;
  isReady(): boolean;
  close(): Promise<void>;
}

/**
 * Connects to Redis for the Socket.IO streams adapter. The stream keeps the last broadcasts, so a
 * node that loses Redis for a moment (a restart) reads on from where it was once Redis is back,
 * and commands sent meanwhile wait in the client's queue instead of failing. Connection state
 * recovery keeps its sessions in Redis too, so a client may recover on another node.
 */
export async function connectRedis(url: string, prefix: string, log: Logger): Promise<RedisLink> {
  const client = createClient({
    url,
    socket: {
      // Keep trying, never more than a second apart: a Redis restart takes a moment.
      reconnectStrategy: (retries) => Math.min(50 * 2 ** Math.min(retries, 5), 1000),
      connectTimeout: 5000,
    },
  });
  let lastErrorLoggedAt = 0;
  client.on('error', (error: unknown) => {
    // While Redis is down every retry fails; one line every few seconds says enough.
    const now = Date.now();
    if (now - lastErrorLoggedAt < 5000) return;
    lastErrorLoggedAt = now;
    log.warn({ err: error }, 'redis unavailable; retrying');
  });
  client.on('ready', () => log.info('redis connected'));
  await client.connect();
  const adapter = createAdapter(client, {
    streamName: `${prefix}:socket.io`,
    channelPrefix: `${prefix}:socket.io`,
    sessionKeyPrefix: `${prefix}:sio:session:`,
    // Enough history for a node that was cut off for a few seconds under load to catch up.
    maxLen: 50_000,
    // The adapter reads with a blocking call; short blocks let a closing node stop promptly.
    blockTimeInMs: 1000,
    onlyPlaintext: true,
  });
  return {
    adapter,
    isReady: () => client.isReady,
    async ping() {
      if (!client.isReady) return false;
      const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), 1000));
      return Promise.race([
        client.ping().then(
          (reply) => reply === 'PONG',
          () => false,
        ),
        timeout,
      ]);
    },
    async close() {
      // QUIT sends what is queued (e.g. sessions kept for recovery) before closing.
      await client.quit().catch(() => client.destroy());
    },
  };
}
