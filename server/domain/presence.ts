import type { AgentStatus } from '../../shared/schemas/common';

/** What an agent chose or was put in; `offline` when no session is connected. */
export type Presence =
  'offline' | 'away' | 'available' | 'after_contact_work' | 'break' | 'training' | 'not_responding';

/** The status everyone sees: holding a conversation outranks the chosen presence. */
export function effectiveStatus(presence: Presence, hasActiveContact: boolean): AgentStatus {
  if (presence === 'offline') return 'offline';
  if (hasActiveContact) return 'on_contact';
  return presence;
}

/**
 * After a contact closes: the queue's wrap-up time, if any, for an agent who was taking work.
 * An agent who chose Break or Training meanwhile stays there.
 */
export function afterContactClosed(
  presence: Presence,
  afterContactWorkMs: number,
  now: number,
): { presence: Presence; until: number | null } | undefined {
  if (presence !== 'available' || afterContactWorkMs <= 0) return undefined;
  return { presence: 'after_contact_work', until: now + afterContactWorkMs };
}

/** Whether a timed presence has run out and the agent is available again. */
export function hasTimedPresenceEnded(
  presence: Presence,
  until: number | null,
  now: number,
): boolean {
  return presence === 'after_contact_work' && until !== null && now >= until;
}
