import { createHmac } from 'node:crypto';
import type { Channel } from '../../../shared/schemas/common';

/** One agent reply on its way out through a channel. */
export interface OutboundDelivery {
  messageId: string;
  contactId: string;
  reference: string;
  channel: Exclude<Channel, 'voice'>;
  /** The citizen's phone number, e-mail address or handle. */
  to: string;
  text: string;
  at: number;
}

export type DeliveryResult = { ok: true } | { ok: false; isRetryable: boolean; reason: string };

/** How a reply leaves Tanggap: a signed webhook to the channel provider, or the demo simulator. */
export interface ChannelGateway {
  deliver(delivery: OutboundDelivery): Promise<DeliveryResult>;
}

export const SIGNATURE_HEADER = 'x-tanggap-signature';
export const TIMESTAMP_HEADER = 'x-tanggap-timestamp';
export const DELIVERY_ID_HEADER = 'x-tanggap-delivery-id';

/**
 * HMAC-SHA256 over `<timestamp>.<body>`, hex, as `sha256=<hex>`: the receiver recomputes it with
 * the shared secret, and the timestamp lets it refuse replays.
 */
export function signPayload(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function createWebhookGateway(options: {
  url: string;
  secret: string;
  timeoutMs?: number;
  now?: () => number;
}): ChannelGateway {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? Date.now;
  return {
    async deliver(delivery) {
      const body = JSON.stringify({ type: 'message', ...delivery });
      const timestamp = now();
      try {
        const response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [TIMESTAMP_HEADER]: String(timestamp),
            [SIGNATURE_HEADER]: signPayload(options.secret, timestamp, body),
            // The same id on every retry, so the provider can drop duplicates.
            [DELIVERY_ID_HEADER]: delivery.messageId,
          },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (response.ok) return { ok: true };
        // A client error will not heal by retrying, except "too many" and "timeout".
        const isRetryable =
          response.status >= 500 || response.status === 429 || response.status === 408;
        return { ok: false, isRetryable, reason: `the channel answered HTTP ${response.status}` };
      } catch (error) {
        const reason =
          error instanceof Error && error.name === 'TimeoutError'
            ? `the channel did not answer within ${timeoutMs} ms`
            : 'the channel could not be reached';
        return { ok: false, isRetryable: true, reason };
      }
    },
  };
}

/** Retry delays grow 1×, 2×, 4×… the base, capped at a minute. */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 60_000);
}
