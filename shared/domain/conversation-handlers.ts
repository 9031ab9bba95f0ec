/**
 * The agents who handled a conversation (docs/training.md, "Evaluations"). A conversation can
 * pass through several: accepted from an offer, passed on by a transfer, moved by a lead's
 * reassignment. Each of those leaves a contact event naming the agent who took it; the
 * evaluation is of one of them. Pure.
 */

/** The contact event kinds after which `to_agent_id` holds the conversation. */
export const HOLDER_EVENT_KINDS = ['accepted', 'transfer_accepted', 'reassigned'] as const;

export interface HolderEvent {
  kind: string;
  toAgentId: string | null;
  at: number;
}

/**
 * The agents who held the conversation, in the order they first took it. The current holder is
 * always among them (a conversation assigned before events were kept has no event for it).
 */
export function conversationHandlers(
  events: readonly HolderEvent[],
  currentHolderId: string | null,
): string[] {
  const taking = events
    .filter(
      (event): event is HolderEvent & { toAgentId: string } =>
        event.toAgentId !== null && (HOLDER_EVENT_KINDS as readonly string[]).includes(event.kind),
    )
    .sort((a, b) => a.at - b.at);
  const handlers: string[] = [];
  for (const event of taking) {
    if (!handlers.includes(event.toAgentId)) handlers.push(event.toAgentId);
  }
  if (currentHolderId !== null && !handlers.includes(currentHolderId)) {
    handlers.push(currentHolderId);
  }
  return handlers;
}

/**
 * Whom an evaluator scores unless they choose otherwise: the agent they came from (the one they
 * follow) when they may evaluate them, else the last handler they may evaluate, else nobody.
 */
export function defaultEvaluatedAgent(
  handlers: readonly { agentId: string; mayEvaluate: boolean }[],
  preferredAgentId: string | null,
): string | null {
  const allowed = handlers.filter((handler) => handler.mayEvaluate);
  if (preferredAgentId !== null && allowed.some((h) => h.agentId === preferredAgentId)) {
    return preferredAgentId;
  }
  return allowed.at(-1)?.agentId ?? null;
}
