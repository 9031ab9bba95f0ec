import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookGateway, retryDelayMs, signPayload, type OutboundDelivery } from './gateway';

const delivery: OutboundDelivery = {
  messageId: 'm1',
  contactId: 'c1',
  reference: 'TGP-20261128-00001',
  channel: 'whatsapp',
  to: '6281234567890',
  text: 'Status bantuan Ibu dapat dicek di laman cekbansos.',
  at: 1_800_000_000_000,
};

let server: http.Server | undefined;
afterEach(() => server?.close());

async function receiver(
  status: number,
): Promise<{ url: string; requests: { headers: http.IncomingHttpHeaders; body: string }[] }> {
  const requests: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      requests.push({ headers: req.headers, body });
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, requests };
}

describe('webhook gateway', () => {
  it('posts the reply signed with HMAC-SHA256 over timestamp and body', async () => {
    const { url, requests } = await receiver(200);
    const gateway = createWebhookGateway({ url, secret: 'rahasia-bersama-123', now: () => 42 });
    expect(await gateway.deliver(delivery)).toEqual({ ok: true });
    const [request] = requests;
    expect(JSON.parse(request!.body)).toMatchObject({
      type: 'message',
      messageId: 'm1',
      to: '6281234567890',
    });
    expect(request!.headers['x-tanggap-timestamp']).toBe('42');
    expect(request!.headers['x-tanggap-delivery-id']).toBe('m1');
    const expected = createHmac('sha256', 'rahasia-bersama-123')
      .update(`42.${request!.body}`)
      .digest('hex');
    expect(request!.headers['x-tanggap-signature']).toBe(`sha256=${expected}`);
    expect(signPayload('rahasia-bersama-123', 42, request!.body)).toBe(`sha256=${expected}`);
  });

  it('retries server errors and rate limits, not client errors', async () => {
    for (const [status, isRetryable] of [
      [500, true],
      [503, true],
      [429, true],
      [400, false],
      [404, false],
    ] as const) {
      const { url } = await receiver(status);
      const result = await createWebhookGateway({ url, secret: 'rahasia-bersama-123' }).deliver(
        delivery,
      );
      expect(result).toEqual({
        ok: false,
        isRetryable,
        reason: `the channel answered HTTP ${status}`,
      });
      server?.close();
    }
  });

  it('retries when the channel cannot be reached', async () => {
    const result = await createWebhookGateway({
      url: 'http://127.0.0.1:9/none',
      secret: 'x'.repeat(16),
      timeoutMs: 500,
    }).deliver(delivery);
    expect(result).toMatchObject({ ok: false, isRetryable: true });
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base and caps at a minute', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(20, 1000)).toBe(60_000);
  });
});
