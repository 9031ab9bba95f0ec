import type { AgentStatus } from '../../shared/schemas/common';

/** What an agent chose or was put in; `offline` when no session is connected. */
export type Presence = 'offline' | 'away' | 'available' | 'break' | 'not_responding';

/** The status everyone sees: holding a conversation outranks the chosen presence. */
export function effectiveStatus(presence: Presence, hasActiveContact: boolean): AgentStatus {
  if (presence === 'offline') return 'offline';
  if (hasActiveContact) return 'on_contact';
  return presence;
}

/** Whether routing may offer this agent a contact now. */
export function canReceiveOffers(
  presence: Presence,
  hasActiveContact: boolean,
  hasPendingOffer: boolean,
): boolean {
  return presence === 'available' && !hasActiveContact && !hasPendingOffer;
}
