/**
 * The live model every screen renders, as plain data, and the pure functions that change it:
 * one reducer for socket facts and one per snapshot. The zustand store (live-store.ts) wraps
 * these; keeping them pure makes the ordering rules testable without React or a socket.
 *
 * Ordering rules:
 * - A versioned fact (queue state, agent, contact) older than or equal to what we hold is stale
 *   and dropped.
 * - A snapshot (REST read or command result) is authoritative at the moment it was requested: it
 *   replaces what we hold, and then every fact that arrived after the request went out is applied
 *   again on top (see `LiveStore.hydrate*`). That also heals a server restart, after which
 *   versions start again from zero.
 * - Every reducer is idempotent, so replaying a fact twice changes nothing.
 * - Gaps (`detectGap`): only streams whose every change is published with a version exactly one
 *   higher can show a missed fact: a call (`CallState.version`, +1 per applied CTI event) and a
 *   script (`ScriptState.revision`, +1 per move). A jump there means facts were lost (possibly
 *   with others that carry no version, such as messages), so the snapshot is read again. The
 *   queue state comes as changes that name the version they build on (`since`, same stream and
 *   scope): one that builds on something the client does not hold is a gap, and the queue state
 *   alone is read again (`queue:state-get`). Agents and contacts are latest-wins full states:
 *   their published versions may skip (a change nobody is told of, or two commits read back at
 *   once), and the newest copy is complete, so a skip there is no loss.
 */
import type { AgentView } from '../../shared/schemas/agent';
import type { CallState } from '../../shared/schemas/call';
import type {
  ContactSummary,
  ConversationDetail,
  DeliveryStatus,
  Message,
  ScriptState,
} from '../../shared/schemas/contact';
import type { Offer } from '../../shared/schemas/offer';
import type { OutcomeRecord } from '../../shared/schemas/outcome';
import type { QueueMetricsState } from '../../shared/schemas/queue-metrics';
import type { QueueState } from '../../shared/schemas/queue-state';
import type { DeskSnapshot, MonitorSnapshot, SupervisionBoard } from '../../shared/schemas/views';
import { applyQueueStateChange } from '../../shared/domain/queue-state-change';
import type { FactEvent } from '../lib/socket';

/** How many outcomes a list keeps; older ones scroll out. */
export const OUTCOME_LIST_LIMIT = 50;

export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'refused';

/** Something a lead did to this agent's work, shown until dismissed. */
export type DeskNotice =
  | {
      id: string;
      kind: 'revoked';
      contactId: string;
      reference: string;
      byName: string;
      toAgentName: string;
      reason: string;
    }
  | {
      id: string;
      kind: 'transfer-declined';
      contactId: string;
      reference: string;
      toAgentName: string;
      reason: 'rejected' | 'expired' | 'rescinded';
    }
  | {
      id: string;
      kind: 'assigned';
      contactId: string;
      reference: string;
      byName: string | null;
      note: string | null;
    };

export interface DeskState {
  /** The signed-in agent, known once the desk snapshot arrived. */
  agentId: string | null;
  /** Oldest first, so a new offer never moves the one under the pointer. */
  offers: Offer[];
  /** The most recent offer to arrive live, for the screen-reader announcement. */
  announcedOffer: Offer | null;
  /** Every conversation the agent holds, in the order they took them (one tab each). */
  conversations: ConversationDetail[];
  /** The tab in front; null only when the agent holds nothing. */
  selectedContactId: string | null;
  /**
   * Per held conversation, the time of the newest message the agent has had in front of them.
   * Unread counts derive from it (`unreadCount`), so replaying a fact never counts twice.
   */
  seenUpTo: Record<string, number>;
  outcomes: OutcomeRecord[];
  notices: DeskNotice[];
  /** The last conversation this agent closed, for the confirmation in the centre pane. */
  /** The contact just wrapped up, with the references of cases opened from it. */
  lastLogged: { contactId: string; reference: string; caseReferences?: string[] } | null;
}

export interface BoardState {
  isLoaded: boolean;
  /** Board order of agents; their live views sit in `agents`. */
  agentIds: string[];
  /** Every contact the board knows, closed ones included (their version still guards order). */
  contacts: Record<string, ContactSummary>;
  outcomes: OutcomeRecord[];
}

export interface TrainingState {
  traineeIds: string[];
  monitor: {
    agentId: string | null;
    isLoaded: boolean;
    conversations: ConversationDetail[];
    outcomes: OutcomeRecord[];
  };
}

export interface LiveData {
  connection: ConnectionStatus;
  /** Estimated server clock minus client clock, for countdowns against server deadlines. */
  serverOffsetMs: number;
  queueState: QueueState | null;
  agents: Record<string, AgentView>;
  desk: DeskState;
  board: BoardState;
  training: TrainingState;
  /** Voice calls by contact id, from `call:state-changed`; see `newestCall`. */
  calls: Record<string, CallState>;
  /** Service level, answer speed and abandons per queue (`queue:metrics-changed`). */
  queueMetrics: QueueMetricsState | null;
}

export function initialLiveData(): LiveData {
  return {
    connection: 'idle',
    serverOffsetMs: 0,
    queueState: null,
    agents: {},
    desk: {
      agentId: null,
      offers: [],
      announcedOffer: null,
      conversations: [],
      selectedContactId: null,
      seenUpTo: {},
      outcomes: [],
      notices: [],
      lastLogged: null,
    },
    board: { isLoaded: false, agentIds: [], contacts: {}, outcomes: [] },
    training: {
      traineeIds: [],
      monitor: { agentId: null, isLoaded: false, conversations: [], outcomes: [] },
    },
    calls: {},
    queueMetrics: null,
  };
}

function isNewer(held: { version: number } | null | undefined, incoming: { version: number }) {
  return held === null || held === undefined || incoming.version > held.version;
}

/** Newest first, one entry per outcome id, at most OUTCOME_LIST_LIMIT. */
export function mergeOutcomes(list: OutcomeRecord[], record: OutcomeRecord): OutcomeRecord[] {
  const existing = list.find((item) => item.outcome.id === record.outcome.id);
  if (existing !== undefined) return list;
  return [record, ...list]
    .sort((a, b) => b.outcome.createdAt - a.outcome.createdAt)
    .slice(0, OUTCOME_LIST_LIMIT);
}

function applyAgent(data: LiveData, view: AgentView): LiveData {
  if (!isNewer(data.agents[view.id], view)) return data;
  const agents = { ...data.agents, [view.id]: view };
  const board =
    data.board.isLoaded && !data.board.agentIds.includes(view.id)
      ? { ...data.board, agentIds: [...data.board.agentIds, view.id] }
      : data.board;
  return { ...data, agents, board };
}

function applyContactToBoard(data: LiveData, contact: ContactSummary): LiveData {
  if (!data.board.isLoaded || !isNewer(data.board.contacts[contact.id], contact)) return data;
  return {
    ...data,
    board: { ...data.board, contacts: { ...data.board.contacts, [contact.id]: contact } },
  };
}

/**
 * Adds a conversation, or replaces the held copy when the incoming one is not older (a higher
 * contact version wins), keeping each conversation's place in the list.
 */
export function upsertConversation(
  list: ConversationDetail[],
  incoming: ConversationDetail,
): ConversationDetail[] {
  const index = list.findIndex((held) => held.contact.id === incoming.contact.id);
  if (index < 0) return [...list, incoming];
  if (list[index]!.contact.version > incoming.contact.version) return list;
  return list.map((held, i) => (i === index ? incoming : held));
}

function withoutConversation(list: ConversationDetail[], contactId: string) {
  return list.some((held) => held.contact.id === contactId)
    ? list.filter((held) => held.contact.id !== contactId)
    : list;
}

function holds(list: ConversationDetail[], contactId: string): boolean {
  return list.some((held) => held.contact.id === contactId);
}

function latestMessageAt(conversation: ConversationDetail): number {
  return conversation.messages.reduce((latest, message) => Math.max(latest, message.at), 0);
}

/** The citizen's messages in a conversation that the agent has not had in front of them yet. */
export function unreadCount(
  conversation: ConversationDetail,
  seenUpTo: number | undefined,
): number {
  const seen = seenUpTo ?? 0;
  return conversation.messages.filter(
    (message) => message.direction === 'inbound' && message.at > seen,
  ).length;
}

/** Keeps the selection and read marks consistent with the held list after it changed. */
function settleDesk(desk: DeskState, prefer: string | null = null): DeskState {
  const ids = desk.conversations.map((c) => c.contact.id);
  let selected = desk.selectedContactId;
  if (prefer !== null && ids.includes(prefer)) selected = prefer;
  if (selected === null || !ids.includes(selected)) selected = ids[0] ?? null;
  const seenUpTo: Record<string, number> = {};
  for (const conversation of desk.conversations) {
    const id = conversation.contact.id;
    const seen = desk.seenUpTo[id] ?? 0;
    // What is in front of the agent is read.
    seenUpTo[id] = id === selected ? Math.max(seen, latestMessageAt(conversation)) : seen;
  }
  return { ...desk, selectedContactId: selected, seenUpTo };
}

/** The agent brings one of their conversations to the front; its messages count as read. */
export function selectConversation(data: LiveData, contactId: string): LiveData {
  if (!holds(data.desk.conversations, contactId)) return data;
  return { ...data, desk: settleDesk(data.desk, contactId) };
}

function sameNotice(a: DeskNotice, b: DeskNotice): boolean {
  const { id: _a, ...restA } = a;
  const { id: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

/**
 * One notice per contact and kind: a replayed or duplicated fact changes nothing, a newer one
 * replaces the older. At most five are kept.
 */
function addNotice(notices: DeskNotice[], notice: DeskNotice): DeskNotice[] {
  if (notices.some((existing) => existing.id === notice.id || sameNotice(existing, notice))) {
    return notices;
  }
  const others = notices.filter(
    (existing) => existing.kind !== notice.kind || existing.contactId !== notice.contactId,
  );
  return [...others, notice].slice(-5);
}

/**
 * Applies one fact. `seq` is the fact's arrival number; it names notices so that replaying the
 * same fact does not raise the same notice twice.
 */
export function reduceFact(data: LiveData, event: FactEvent, seq: number): LiveData {
  switch (event.name) {
    case 'queue:state-changed': {
      // A gap leaves what is held as it is; `detectGap` has the whole view read again.
      const { state } = applyQueueStateChange(data.queueState, event.fact);
      return state === data.queueState ? data : { ...data, queueState: state };
    }
    case 'agent:status-changed': {
      return applyAgent(data, event.fact);
    }
    case 'offer:created': {
      const offer = event.fact;
      const { desk } = data;
      if (offer.agentId !== desk.agentId) return data;
      if (desk.offers.some((held) => held.id === offer.id)) return data;
      if (holds(desk.conversations, offer.contact.id)) return data;
      return {
        ...data,
        desk: { ...desk, offers: [...desk.offers, offer], announcedOffer: offer },
      };
    }
    case 'offer:withdrawn': {
      const { desk } = data;
      if (!desk.offers.some((held) => held.id === event.fact.offerId)) return data;
      const offers = desk.offers.filter((held) => held.id !== event.fact.offerId);
      return { ...data, desk: { ...desk, offers } };
    }
    case 'conversation:assigned': {
      const fact = event.fact;
      const contact = fact.conversation.contact;
      let next = applyContactToBoard(data, contact);
      if (fact.agentId === next.desk.agentId) {
        const desk = next.desk;
        const isNew = !holds(desk.conversations, contact.id);
        next = {
          ...next,
          desk: settleDesk(
            {
              ...desk,
              conversations: upsertConversation(desk.conversations, fact.conversation),
              offers: desk.offers.filter((offer) => offer.contact.id !== contact.id),
              lastLogged: null,
              notices:
                fact.reason !== 'accepted'
                  ? addNotice(desk.notices, {
                      id: `fact-${seq}`,
                      kind: 'assigned',
                      contactId: contact.id,
                      reference: contact.reference,
                      byName: fact.byName,
                      note: fact.note,
                    })
                  : desk.notices,
            },
            // What the agent accepted comes to the front; work moved to them waits in its tab.
            isNew && fact.reason === 'accepted' ? contact.id : null,
          ),
        };
      }
      const monitor = next.training.monitor;
      if (fact.agentId === monitor.agentId) {
        next = {
          ...next,
          training: {
            ...next.training,
            monitor: {
              ...monitor,
              conversations: upsertConversation(monitor.conversations, fact.conversation),
            },
          },
        };
      }
      return next;
    }
    case 'conversation:revoked': {
      const fact = event.fact;
      let next = data;
      if (fact.agentId === next.desk.agentId) {
        const desk = next.desk;
        next = {
          ...next,
          desk: settleDesk({
            ...desk,
            conversations: withoutConversation(desk.conversations, fact.contactId),
            offers: desk.offers.filter((offer) => offer.contact.id !== fact.contactId),
            notices: addNotice(desk.notices, {
              id: `fact-${seq}`,
              kind: 'revoked',
              contactId: fact.contactId,
              reference: fact.reference,
              byName: fact.byName,
              toAgentName: fact.toAgentName,
              reason: fact.reason,
            }),
          }),
        };
      }
      const monitor = next.training.monitor;
      if (fact.agentId === monitor.agentId && holds(monitor.conversations, fact.contactId)) {
        next = {
          ...next,
          training: {
            ...next.training,
            monitor: {
              ...monitor,
              conversations: withoutConversation(monitor.conversations, fact.contactId),
            },
          },
        };
      }
      return next;
    }
    case 'conversation:updated': {
      return applyContactToBoard(data, event.fact);
    }
    case 'outcome:logged': {
      return applyOutcome(data, event.fact);
    }
    case 'transfer:declined': {
      const fact = event.fact;
      if (!holds(data.desk.conversations, fact.contactId)) return data;
      return {
        ...data,
        desk: {
          ...data.desk,
          notices: addNotice(data.desk.notices, {
            id: `fact-${seq}`,
            kind: 'transfer-declined',
            contactId: fact.contactId,
            reference: fact.reference,
            toAgentName: fact.toAgentName,
            reason: fact.reason,
          }),
        },
      };
    }
    case 'conversation:message-added': {
      const { contactId, message } = event.fact;
      return updateConversations(data, contactId, (messages) => mergeMessage(messages, message));
    }
    case 'queue:metrics-changed': {
      return isNewer(data.queueMetrics, event.fact) ? { ...data, queueMetrics: event.fact } : data;
    }
    case 'call:state-changed': {
      const call = event.fact;
      if (!isNewer(data.calls[call.contactId], call)) return data;
      return { ...data, calls: { ...data.calls, [call.contactId]: call } };
    }
    case 'script:progress-changed': {
      return applyScriptState(data, event.fact);
    }
    // Case facts refresh the case queries instead (features/cases); live data keeps no cases.
    // Likewise publication notices (features/publications) and policy activity, which refreshes
    // the open policy report (features/policies).
    case 'case:changed':
    case 'case:warned':
    case 'case:escalated':
    case 'case:hand-off-bounced':
    case 'notice:published':
    case 'notice:changed':
    case 'notice:acknowledged':
    case 'policy:activity':
    // falls through: whispers, approval lists, forms and evaluations live in the coaching queries.
    case 'whisper:received':
    case 'approval:requested':
    case 'evaluation-form:changed':
      return data;
    case 'evaluation:changed': {
      return markOutcomeReviewed(data, event.fact.contactId, event.fact.agentId);
    }
    case 'approval:decided': {
      const { contactId, message } = event.fact;
      return updateConversations(data, contactId, (messages) =>
        applyDecidedMessage(messages, message),
      );
    }
    // The team lead's alerts, escalations and announcements live in their queries.
    case 'agent:status-forced':
    case 'alert:changed':
    case 'escalation:changed':
    case 'announcement:published':
    case 'announcement:acknowledged':
      return data;
    case 'conversation:left-team': {
      // Another team's agent took it: it is no longer this lead's to see.
      if (!(event.fact.contactId in data.board.contacts)) return data;
      const { [event.fact.contactId]: _left, ...contacts } = data.board.contacts;
      return { ...data, board: { ...data.board, contacts } };
    }
    case 'message:status-changed': {
      const { contactId, messageId, deliveryStatus, failureReason } = event.fact;
      return updateConversations(data, contactId, (messages) =>
        messages.map((message) =>
          message.id === messageId && canMoveDelivery(message.deliveryStatus, deliveryStatus)
            ? { ...message, deliveryStatus, failureReason }
            : message,
        ),
      );
    }
  }
}

/**
 * The freshest known state of a contact's call: the live fact or the copy inside the
 * conversation snapshot (desk or monitor), whichever has the higher call version.
 */
export function newestCall(
  data: Pick<LiveData, 'calls' | 'desk' | 'training'>,
  contactId: string,
): CallState | null {
  let newest: CallState | null = data.calls[contactId] ?? null;
  for (const conversation of [...data.desk.conversations, ...data.training.monitor.conversations]) {
    const call = conversation.contact.id === contactId ? conversation.call : null;
    if (call != null && isNewer(newest, call)) newest = call;
  }
  return newest;
}

const DELIVERY_ORDER: Record<DeliveryStatus, number> = {
  awaiting_approval: -1,
  queued: 0,
  sent: 1,
  delivered: 2,
  failed: 2,
  // Final: a rejected reply never leaves.
  rejected: 3,
};

/**
 * A held reply as an approver decided it (`approval:decided`): its text and review replace what
 * was shown, while its delivery only moves forward (a replayed decision never undoes "sent").
 */
export function applyDecidedMessage(messages: Message[], decided: Message): Message[] {
  if (!messages.some((held) => held.id === decided.id)) return mergeMessage(messages, decided);
  return messages.map((held) => {
    if (held.id !== decided.id) return held;
    const isForward = canMoveDelivery(held.deliveryStatus, decided.deliveryStatus ?? 'queued');
    return {
      ...decided,
      deliveryStatus: isForward ? decided.deliveryStatus : held.deliveryStatus,
      failureReason: isForward ? decided.failureReason : held.failureReason,
    };
  });
}

/** Delivery only moves forward (a late "sent" never hides "delivered"); retries stay queued. */
function canMoveDelivery(held: DeliveryStatus | null, incoming: DeliveryStatus): boolean {
  if (held === null) return true;
  return DELIVERY_ORDER[incoming] >= DELIVERY_ORDER[held];
}

/** One entry per message id, in time order. */
export function mergeMessage(messages: Message[], message: Message): Message[] {
  if (messages.some((held) => held.id === message.id)) return messages;
  return [...messages, message].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}

/** Applies a change to the transcript of this conversation wherever it is shown. */
function updateConversations(
  data: LiveData,
  contactId: string,
  change: (messages: Message[]) => Message[],
): LiveData {
  const apply = (list: ConversationDetail[]) =>
    holds(list, contactId)
      ? list.map((conversation) =>
          conversation.contact.id === contactId
            ? { ...conversation, messages: change(conversation.messages) }
            : conversation,
        )
      : list;
  const desk = data.desk;
  const monitor = data.training.monitor;
  return {
    ...data,
    desk: settleDesk({ ...desk, conversations: apply(desk.conversations) }),
    training: {
      ...data.training,
      monitor: { ...monitor, conversations: apply(monitor.conversations) },
    },
  };
}

/**
 * A move in a conversation's script, from the fact or the holder's own ack; an older revision
 * than the one shown is stale.
 */
export function applyScriptState(data: LiveData, state: ScriptState): LiveData {
  const apply = (list: ConversationDetail[]) =>
    list.some(
      (c) =>
        c.contact.id === state.contactId &&
        c.script !== null &&
        c.script.state.revision < state.revision,
    )
      ? list.map((c) =>
          c.contact.id === state.contactId && c.script !== null
            ? { ...c, script: { ...c.script, state } }
            : c,
        )
      : list;
  const desk = data.desk;
  const monitor = data.training.monitor;
  const deskConversations = apply(desk.conversations);
  const monitorConversations = apply(monitor.conversations);
  if (deskConversations === desk.conversations && monitorConversations === monitor.conversations) {
    return data;
  }
  return {
    ...data,
    desk: { ...desk, conversations: deskConversations },
    training: { ...data.training, monitor: { ...monitor, conversations: monitorConversations } },
  };
}

/** An outcome recorded, from the `outcome:logged` fact or from the agent's own ack. */
export function applyOutcome(data: LiveData, record: OutcomeRecord): LiveData {
  let next = data;
  const contactId = record.contact.id;
  if (record.outcome.agentId === next.desk.agentId) {
    const desk = next.desk;
    const closesHeld = holds(desk.conversations, contactId);
    next = {
      ...next,
      desk: settleDesk({
        ...desk,
        outcomes: mergeOutcomes(desk.outcomes, record),
        conversations: withoutConversation(desk.conversations, contactId),
        lastLogged: closesHeld
          ? {
              contactId,
              reference: record.contact.reference,
              ...(record.cases !== undefined && record.cases.length > 0
                ? { caseReferences: record.cases.map((linked) => linked.reference) }
                : {}),
            }
          : desk.lastLogged,
      }),
    };
  }
  if (next.board.isLoaded) {
    next = applyContactToBoard(next, record.contact);
    next = {
      ...next,
      board: { ...next.board, outcomes: mergeOutcomes(next.board.outcomes, record) },
    };
  }
  const monitor = next.training.monitor;
  if (record.outcome.agentId === monitor.agentId) {
    next = {
      ...next,
      training: {
        ...next.training,
        monitor: {
          ...monitor,
          outcomes: mergeOutcomes(monitor.outcomes, record),
          conversations: withoutConversation(monitor.conversations, contactId),
        },
      },
    };
  }
  return next;
}

/**
 * An evaluation reviews the outcome its conversation closed with (docs/training.md): a trainee's
 * outcome that waited for review counts from then on, in every list that shows it.
 */
export function markOutcomeReviewed(data: LiveData, contactId: string, agentId: string): LiveData {
  // Only the evaluated agent's outcome: another handler's still waits for its own review.
  const isReviewed = (r: OutcomeRecord) =>
    r.contact.id === contactId &&
    r.outcome.agentId === agentId &&
    r.outcome.reviewStatus === 'pending_review';
  const review = (list: OutcomeRecord[]) =>
    list.some(isReviewed)
      ? list.map((r) =>
          isReviewed(r)
            ? { ...r, outcome: { ...r.outcome, reviewStatus: 'reviewed' as const } }
            : r,
        )
      : list;
  const monitor = data.training.monitor;
  return {
    ...data,
    desk: { ...data.desk, outcomes: review(data.desk.outcomes) },
    board: { ...data.board, outcomes: review(data.board.outcomes) },
    training: { ...data.training, monitor: { ...monitor, outcomes: review(monitor.outcomes) } },
  };
}

/** The agent's own accept ack: same effect as the `conversation:assigned` fact that follows. */
export function applyAccepted(data: LiveData, detail: ConversationDetail): LiveData {
  const desk = data.desk;
  const isNew = !holds(desk.conversations, detail.contact.id);
  return {
    ...data,
    desk: settleDesk(
      {
        ...desk,
        conversations: upsertConversation(desk.conversations, detail),
        offers: desk.offers.filter((offer) => offer.contact.id !== detail.contact.id),
        lastLogged: null,
      },
      isNew ? detail.contact.id : null,
    ),
  };
}

/** An offer this agent answered (rejected); the `offer:withdrawn` fact that follows agrees. */
export function removeOffer(data: LiveData, offerId: string): LiveData {
  const desk = data.desk;
  if (!desk.offers.some((offer) => offer.id === offerId)) return data;
  return {
    ...data,
    desk: { ...desk, offers: desk.offers.filter((offer) => offer.id !== offerId) },
  };
}

export function hydrateDeskData(data: LiveData, snapshot: DeskSnapshot): LiveData {
  return {
    ...data,
    agents: { ...data.agents, [snapshot.agent.id]: snapshot.agent },
    desk: settleDesk({
      ...data.desk,
      agentId: snapshot.agent.id,
      offers: [...snapshot.offers].sort((a, b) => a.createdAt - b.createdAt),
      conversations: snapshot.conversations,
      outcomes: [...snapshot.recentOutcomes]
        .sort((a, b) => b.outcome.createdAt - a.outcome.createdAt)
        .slice(0, OUTCOME_LIST_LIMIT),
    }),
  };
}

export function hydrateBoardData(data: LiveData, board: SupervisionBoard): LiveData {
  const agents = { ...data.agents };
  for (const agent of board.agents) agents[agent.id] = agent;
  const contacts: Record<string, ContactSummary> = {};
  for (const contact of board.conversations) contacts[contact.id] = contact;
  return {
    ...data,
    agents,
    board: {
      isLoaded: true,
      agentIds: board.agents.map((agent) => agent.id),
      contacts,
      outcomes: [...board.recentOutcomes]
        .sort((a, b) => b.outcome.createdAt - a.outcome.createdAt)
        .slice(0, OUTCOME_LIST_LIMIT),
    },
  };
}

export function hydrateTraineesData(data: LiveData, trainees: AgentView[]): LiveData {
  const agents = { ...data.agents };
  for (const agent of trainees) agents[agent.id] = agent;
  return {
    ...data,
    agents,
    training: { ...data.training, traineeIds: trainees.map((agent) => agent.id) },
  };
}

export function hydrateMonitorData(data: LiveData, snapshot: MonitorSnapshot): LiveData {
  return {
    ...data,
    agents: { ...data.agents, [snapshot.agent.id]: snapshot.agent },
    training: {
      ...data.training,
      monitor: {
        agentId: snapshot.agent.id,
        isLoaded: true,
        conversations: snapshot.conversations,
        outcomes: [...snapshot.recentOutcomes]
          .sort((a, b) => b.outcome.createdAt - a.outcome.createdAt)
          .slice(0, OUTCOME_LIST_LIMIT),
      },
    },
  };
}

export function hydrateQueueData(data: LiveData, queueState: QueueState): LiveData {
  return { ...data, queueState };
}

export function hydrateQueueMetricsData(data: LiveData, queueMetrics: QueueMetricsState): LiveData {
  return { ...data, queueMetrics };
}

/** A snapshot to read again after a gap was seen in one of the streams it holds. */
export type ResyncTarget = 'desk' | 'monitor' | 'queue';

/**
 * Where the incoming fact skips a version of a +1 stream the client holds (see the header): the
 * desk and/or the monitored agent's view, or a queue-state change that does not build on the held
 * queue state. Facts about contacts nobody here holds, and stale or next-in-line facts, show no
 * gap.
 */
export function detectGap(data: LiveData, event: FactEvent): ResyncTarget[] {
  let contactId: string;
  let isAhead: (conversation: ConversationDetail) => boolean;
  switch (event.name) {
    case 'queue:state-changed':
      return applyQueueStateChange(data.queueState, event.fact).isGap ? ['queue'] : [];
    case 'call:state-changed': {
      const call = event.fact;
      const held = newestCall(data, call.contactId);
      if (held === null || call.version <= held.version + 1) return [];
      contactId = call.contactId;
      isAhead = () => true;
      break;
    }
    case 'script:progress-changed': {
      const state = event.fact;
      contactId = state.contactId;
      isAhead = (conversation) =>
        conversation.script !== null && state.revision > conversation.script.state.revision + 1;
      break;
    }
    default:
      return [];
  }
  const targets: ResyncTarget[] = [];
  const gapIn = (list: ConversationDetail[]) =>
    list.some((conversation) => conversation.contact.id === contactId && isAhead(conversation));
  if (gapIn(data.desk.conversations)) targets.push('desk');
  if (gapIn(data.training.monitor.conversations)) targets.push('monitor');
  return targets;
}
