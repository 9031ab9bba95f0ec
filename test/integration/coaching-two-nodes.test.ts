import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  TestClient,
  inboundContact,
  postInbound,
  sleep,
  startServer,
  type TestServer,
} from './harness';

/**
 * Two server instances on one PostgreSQL schema: a trainer on one and a lead on the other race to
 * approve the same held replies. Each reply is decided once and reaches the channel once, though
 * both nodes run the delivery sweep.
 */
describe('approvals on two nodes sharing one PostgreSQL', () => {
  let first: TestServer | undefined;
  let second: TestServer | undefined;
  let provider: http.Server | undefined;
  const clients: TestClient[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    provider?.close();
    await second?.stop();
    await first?.destroy();
  });

  it('decides each held reply once and sends it once, whichever approver wins', async () => {
    const texts: string[] = [];
    provider = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        texts.push((JSON.parse(body) as { text: string }).text);
        res.end();
      });
    });
    await new Promise<void>((resolve) => provider!.listen(0, '127.0.0.1', resolve));
    const env = {
      OUTBOUND_WEBHOOK_URL: `http://127.0.0.1:${(provider.address() as AddressInfo).port}/hook`,
      OUTBOUND_WEBHOOK_SECRET: 'rahasia-webhook-uji-123',
    };
    first = await startServer('postgres', { env });
    second = await startServer('postgres', { storageOf: first, env });
    const trainee = await TestClient.connect(first.url, 'trainee1');
    const trainer = await TestClient.connect(first.url, 'trainer1');
    const lead = await TestClient.connect(second.url, 'lead1');
    clients.push(trainee, trainer, lead);

    await trainee.sendOk('agent:set-status', { status: 'available' });
    const created = await postInbound(first.url, inboundContact({ topic: 'umum' }));
    const offer = await trainee.next(
      'offer:created',
      (o) => o.contact.id === created.body.contactId,
    );
    await trainee.sendOk('offer:accept', { offerId: offer.id });

    const replies = ['Balasan satu.', 'Balasan dua.', 'Balasan tiga.', 'Balasan empat.'];
    const held = [];
    for (const text of replies) {
      held.push(
        await trainee.sendOk('message:send', {
          commandId: randomUUID(),
          contactId: offer.contact.id,
          text,
        }),
      );
    }
    for (const message of held) {
      const [a, b] = await Promise.all([
        trainer.send('approval:decide', {
          commandId: randomUUID(),
          messageId: message.id,
          decision: 'approve',
        }),
        lead.send('approval:decide', {
          commandId: randomUUID(),
          messageId: message.id,
          decision: 'approve',
        }),
      ]);
      expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
      const loser = a.ok ? b : a;
      expect(loser).toMatchObject({ ok: false, error: { code: 'conflict' } });
    }
    await expect.poll(() => texts.length, { timeout: 8000 }).toBe(replies.length);
    await sleep(1500);
    expect([...texts].sort()).toEqual([...replies].sort());
    const audit = await first.app.store.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'reply.decided')
      .execute();
    expect(audit).toHaveLength(replies.length);
  });
});
