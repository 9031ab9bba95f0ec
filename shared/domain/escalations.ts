/**
 * An agent's escalation to their lead, free of I/O: open → answered or joined → closed. A lead
 * answers (a message back to the desk) or joins (opens the conversation to watch); either may
 * follow the other, and answering again adds to the thread. The lead or the agent closes it.
 */

export const ESCALATION_STATUSES = ['open', 'answered', 'joined', 'closed'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export type EscalationAction = 'answer' | 'join' | 'close';

/** The status after `action`, or null when the action is not allowed from `status`. */
export function nextEscalationStatus(
  status: EscalationStatus,
  action: EscalationAction,
): EscalationStatus | null {
  if (status === 'closed') return null;
  switch (action) {
    case 'answer':
      return 'answered';
    case 'join':
      // Joining after an answer keeps the lead's message visible; the status says who is there.
      return 'joined';
    case 'close':
      return 'closed';
  }
}

/** Escalations still asking for attention come first, the oldest of them first. */
export function orderEscalations<T extends { status: EscalationStatus; raisedAt: number }>(
  escalations: readonly T[],
): T[] {
  const rank = (status: EscalationStatus) => (status === 'open' ? 0 : status === 'closed' ? 2 : 1);
  return [...escalations].sort(
    (a, b) => rank(a.status) - rank(b.status) || a.raisedAt - b.raisedAt,
  );
}
