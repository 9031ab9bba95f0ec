/**
 * What a lead may do with an open conversation on the console, free of I/O: hand it to another
 * queue (the server asks `queueTransferRefusal` inside the transaction), and where a dragged
 * conversation may be dropped (the client asks `agentDropRefusal` / `queueDropRefusal` to mark the
 * targets it will refuse, and says why). The server re-checks everything the client checked.
 */
import type { Channel } from '../schemas/common';
import type { ContactStatus, SeenPlace } from '../schemas/contact';
import { hasRoomFor, workClassOf, type Capacity, type Load } from './capacity';
import {
  mayLead,
  overseesConversation,
  type ConversationPlace,
  type TeamDirectory,
  type TeamMember,
} from './team-scope';

/** The conversation as a lead's move sees it. */
export interface MovableConversation {
  place: ConversationPlace;
  status: ContactStatus;
  channel: Channel;
}

/** A queue a conversation may be handed to. */
export interface TargetQueue {
  id: string;
  channels: readonly Channel[];
}

export type QueueTransferRefusal =
  /** Only leads and administrators hand conversations between queues. */
  | 'not_a_lead'
  /** The viewer does not oversee the conversation (another team's). */
  | 'conversation_outside_team'
  /** It is closed (wrapped up): there is nothing left to move. */
  | 'closed'
  /** No such queue. */
  | 'unknown_queue'
  /** It already waits in, or came from, that queue. */
  | 'same_queue'
  /** The queue does not take this channel (a chat to a telephone-only queue). */
  | 'channel_not_served';

/**
 * Why a lead's transfer of a conversation to a queue is refused, or null when it is allowed. The
 * boundary comes first, so a foreign team's conversation tells nothing about itself; any queue
 * may receive it (handing to another department's queue is the point of a transfer), provided it
 * takes the conversation's channel.
 */
export function queueTransferRefusal(
  viewer: TeamMember,
  conversation: MovableConversation,
  target: TargetQueue | undefined,
  directory: TeamDirectory,
): QueueTransferRefusal | null {
  if (!mayLead(viewer.role)) return 'not_a_lead';
  if (!overseesConversation(viewer, conversation.place, directory)) {
    return 'conversation_outside_team';
  }
  if (conversation.status === 'closed') return 'closed';
  if (target === undefined) return 'unknown_queue';
  if (target.id === conversation.place.queueId) return 'same_queue';
  if (!target.channels.includes(conversation.channel)) return 'channel_not_served';
  return null;
}

/** Where a dragged conversation may not land on the queue drop zone, and why. */
export function queueDropRefusal(
  conversation: { queueId: string; channel: Channel; status: ContactStatus },
  target: TargetQueue,
): 'closed' | 'same_queue' | 'channel_not_served' | null {
  if (conversation.status === 'closed') return 'closed';
  if (target.id === conversation.queueId) return 'same_queue';
  if (!target.channels.includes(conversation.channel)) return 'channel_not_served';
  return null;
}

/** An agent row as a drop target sees it. */
export interface DropAgent {
  id: string;
  status: string;
  capacity: Capacity;
  load: Load;
}

/**
 * Why a dragged conversation may not be dropped on this agent (reassigned to them), or null: not
 * to whoever holds it already, not to an offline agent, not to one without room for this kind of
 * work (the server's capacity check, which has the last word).
 */
export function agentDropRefusal(
  conversation: {
    channel: Channel;
    status: ContactStatus;
    assignedAgentId: string | null;
  },
  agent: DropAgent,
): 'closed' | 'holds_it' | 'offline' | 'full' | null {
  if (conversation.status === 'closed') return 'closed';
  if (conversation.status === 'active' && conversation.assignedAgentId === agent.id) {
    return 'holds_it';
  }
  if (agent.status === 'offline') return 'offline';
  if (!hasRoomFor(agent.capacity, agent.load, workClassOf(conversation.channel))) return 'full';
  return null;
}

/**
 * Whether a conversation has moved since a lead saw it: another queue, or another holder (taken,
 * let go, or moved to someone else). Being offered and withdrawn again is not a move.
 */
export function movedSince(
  seen: SeenPlace,
  now: { queueId: string; status: ContactStatus; assignedAgentId: string | null },
): boolean {
  const holderId = now.status === 'active' ? now.assignedAgentId : null;
  return seen.queueId !== now.queueId || seen.holderId !== holderId;
}

/** Where the lead sees a conversation now, to send with a move. */
export function seenPlaceOf(contact: {
  queueId: string;
  status: ContactStatus;
  assignedAgentId: string | null;
}): SeenPlace {
  return {
    queueId: contact.queueId,
    holderId: contact.status === 'active' ? contact.assignedAgentId : null,
  };
}
