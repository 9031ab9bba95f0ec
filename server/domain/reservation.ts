/**
 * The offer (reservation) lifecycle, after Twilio TaskRouter's Reservation:
 * pending → accepted | rejected | expired | rescinded. Pure decisions; the shell applies them with
 * conditional updates so a decision taken on stale facts changes nothing.
 */

export type OfferStatus = 'pending' | 'accepted' | 'rejected' | 'expired' | 'rescinded';

export interface OfferFacts {
  agentId: string;
  status: OfferStatus;
  expiresAt: number;
}

export type OfferAction =
  | { kind: 'accept'; agentId: string }
  | { kind: 'reject'; agentId: string }
  | { kind: 'expire' }
  | { kind: 'rescind' };

export type OfferDecision =
  | { ok: true; status: Exclude<OfferStatus, 'pending'> }
  | { ok: false; code: 'forbidden' | 'conflict'; message: string };

export function decideOffer(offer: OfferFacts, action: OfferAction, now: number): OfferDecision {
  if ((action.kind === 'accept' || action.kind === 'reject') && action.agentId !== offer.agentId) {
    return { ok: false, code: 'forbidden', message: 'This offer was made to another agent.' };
  }
  if (offer.status !== 'pending') {
    return {
      ok: false,
      code: 'conflict',
      message: `This offer is no longer open (${offer.status}).`,
    };
  }
  switch (action.kind) {
    case 'accept':
      if (now >= offer.expiresAt) {
        return { ok: false, code: 'conflict', message: 'This offer has expired.' };
      }
      return { ok: true, status: 'accepted' };
    case 'reject':
      // Past the deadline the offer is the expiry job's: a late reject must not erase the miss.
      if (now >= offer.expiresAt) {
        return { ok: false, code: 'conflict', message: 'This offer has expired.' };
      }
      return { ok: true, status: 'rejected' };
    case 'expire':
      if (now < offer.expiresAt) {
        return { ok: false, code: 'conflict', message: 'This offer has not expired yet.' };
      }
      return { ok: true, status: 'expired' };
    case 'rescind':
      return { ok: true, status: 'rescinded' };
  }
}

/** After a missed (expired) offer: the agent's new count and whether they stop getting offers. */
export function afterMissedOffer(
  missedInARow: number,
  limit: number,
): { missedInARow: number; isNotResponding: boolean } {
  const next = missedInARow + 1;
  return { missedInARow: next, isNotResponding: next >= limit };
}
