import { describe, expect, it } from 'vitest';
import {
  STORAGE_MODES,
  getJson,
  postInbound,
  inboundContact,
  signIn,
  startServer,
  sleep,
} from './harness';

describe.each(STORAGE_MODES)('DEMO=off on %s', (mode) => {
  it('starts clean: the configured administrator, no demo users, no simulated traffic', async () => {
    const server = await startServer(mode, {
      env: {
        DEMO: 'off',
        ADMIN_USERNAME: 'kepala',
        ADMIN_PASSWORD: 'rahasia-panjang-sekali',
        INBOUND_API_KEY: 'kunci-webhook-produksi-123',
      },
    });
    try {
      const cookie = await signIn(server.url, 'kepala', 'rahasia-panjang-sekali');
      expect(await getJson(`${server.url}/api/me`, cookie)).toMatchObject({
        status: 200,
        body: { user: { role: 'admin' } },
      });
      await expect(signIn(server.url, 'agent1')).rejects.toThrow(/401/);
      await sleep(300);
      const contacts = await server.app.store.db.selectFrom('contacts').selectAll().execute();
      expect(contacts).toEqual([]);
      // The demo key is refused; the configured one works, into the general queue.
      expect((await postInbound(server.url, inboundContact())).status).toBe(401);
      const created = await postInbound(server.url, inboundContact(), 'kunci-webhook-produksi-123');
      expect(created.status).toBe(201);
      const reference = await getJson(`${server.url}/api/reference`, cookie);
      const body = reference.body as {
        queues: { id: string }[];
        segments: unknown[];
        wrapupCodes: unknown[];
      };
      expect(body.queues.map((q) => q.id)).toEqual(['q-umum']);
      expect(body.segments).toHaveLength(5);
      expect(body.wrapupCodes.length).toBeGreaterThan(0);
    } finally {
      await server.destroy();
    }
  });
});
