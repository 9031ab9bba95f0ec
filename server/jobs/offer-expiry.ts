import type { Logger } from 'pino';
import type { RoutingService } from '../modules/routing/service';

/**
 * Expires offers past their deadline and re-runs routing now and then, so a contact whose
 * decline cool-down has passed is offered again without waiting for another event. Expiry is a
 * conditional update, so running this on several nodes at once expires each offer once.
 */
export function startOfferExpiry(
  routing: RoutingService,
  log: Logger,
  options: { expiryEveryMs: number; routingEveryMs: number },
): { stop(): void } {
  let isBusy = false;
  const expiry = setInterval(() => {
    if (isBusy) return;
    isBusy = true;
    routing
      .expireDueOffers()
      .catch((error: unknown) => log.error({ err: error }, 'offer expiry failed'))
      .finally(() => {
        isBusy = false;
      });
  }, options.expiryEveryMs);
  const sweep = setInterval(() => void routing.requestPass(), options.routingEveryMs);
  expiry.unref();
  sweep.unref();
  return {
    stop() {
      clearInterval(expiry);
      clearInterval(sweep);
    },
  };
}
