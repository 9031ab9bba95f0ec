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

/**
 * Whether an accept or reject repeats the agent's own earlier answer to this offer (a resend
 * after a lost acknowledgement): the offer id is then the idempotency key, and the server answers
 * as it did the first time instead of refusing an offer that is no longer pending. Checked
 * before `decideOffer`, whose expiry rule must not turn a late resend into a conflict.
 */
export function isRepeatedAnswer(
  offer: OfferFacts,
  action: Extract<OfferAction, { agentId: string }>,
): boolean {
  if (action.agentId !== offer.agentId) return false;
  return offer.status === (action.kind === 'accept' ? 'accepted' : 'rejected');
}

/** After a missed (expired) offer: the agent's new count and whether they stop getting offers. */
export function afterMissedOffer(
  missedInARow: number,
  limit: number,
): { missedInARow: number; isNotResponding: boolean } {
  const next = missedInARow + 1;
  return { missedInARow: next, isNotResponding: next >= limit };
}
