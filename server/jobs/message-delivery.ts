import type { Logger } from 'pino';
import type { MessagingService } from '../modules/messaging/service';

/** Sweeps replies whose delivery (or retry) is due. Attempts are claimed in the database. */
export function startMessageDelivery(
  messaging: MessagingService,
  log: Logger,
  options: { everyMs: number },
): { stop(): void } {
  const timer = setInterval(() => {
    messaging
      .deliverDue()
      .catch((error: unknown) => log.error({ err: error }, 'message delivery failed'));
  }, options.everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
