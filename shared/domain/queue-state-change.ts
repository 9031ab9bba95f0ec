/**
 * Queue-state changes: the server pushes each viewer only what changed in their view since the
 * version it last pushed to that view, and the client merges it into what it holds. Pure, so both
 * sides share one definition of "changed" and "builds on".
 */
import type { QueueFigures, QueueState, QueueStateChange } from '../schemas/queue-state';

/** The scope of the complete view: every queue and the agents by status. */
export const EVERY_QUEUE_SCOPE = 'all';

/**
 * A short, stable name for the view of these queues (in this order), without agent counts. The
 * same queues give the same scope on every node; 53 bits, so two different sets never meet in
 * practice (cyrb53).
 */
export function queueScope(queueIds: readonly string[]): string {
  const text = queueIds.join('\n');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `q${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

/** What an agent serving `queueIds` sees of the complete state: those queues, no agent counts. */
export function agentView(complete: QueueState, queueIds: readonly string[]): QueueState {
  const served = new Set(queueIds);
  const queues = complete.queues.filter((queue) => served.has(queue.queueId));
  const { agentsByStatus: _counts, ...rest } = complete;
  return { ...rest, scope: queueScope(queues.map((queue) => queue.queueId)), queues };
}

function sameFigures(a: QueueFigures, b: QueueFigures | undefined): boolean {
  return (
    b !== undefined &&
    a.queueId === b.queueId &&
    a.waiting === b.waiting &&
    a.oldestArrivedAt === b.oldestArrivedAt &&
    a.isOpen === b.isOpen &&
    a.opensAt === b.opensAt &&
    a.closesAt === b.closesAt &&
    a.timeZone === b.timeZone
  );
}

function sameCounts(a: QueueState['agentsByStatus'], b: QueueState['agentsByStatus']): boolean {
  if (a === undefined || b === undefined) return a === b;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (a[key as keyof typeof a] !== b[key as keyof typeof b]) return false;
  }
  return true;
}

/**
 * What to push to a view that was last sent `previous` (undefined: never) now that it is `next`:
 * the whole view when the viewer cannot build on `previous` (none, another stream or scope, or
 * another list of queues), only what changed otherwise, and null when nothing did.
 */
export function queueStateChange(
  previous: QueueState | undefined,
  next: QueueState,
): QueueStateChange | null {
  const isSameList =
    previous !== undefined &&
    previous.stream === next.stream &&
    previous.scope === next.scope &&
    previous.queues.length === next.queues.length &&
    previous.queues.every((queue, index) => queue.queueId === next.queues[index]!.queueId);
  if (!isSameList) return { ...next, since: null };
  const queues = next.queues.filter((queue, index) => !sameFigures(queue, previous.queues[index]));
  const isCountsChanged = !sameCounts(previous.agentsByStatus, next.agentsByStatus);
  if (queues.length === 0 && !isCountsChanged) return null;
  const { agentsByStatus, ...rest } = next;
  return {
    ...rest,
    since: previous.version,
    queues,
    ...(isCountsChanged && agentsByStatus !== undefined ? { agentsByStatus } : {}),
  };
}

export interface AppliedQueueStateChange {
  state: QueueState | null;
  /** The change builds on a state the client does not hold: read the whole view again. */
  isGap: boolean;
}

/**
 * Merges a pushed change into the held view. A whole view replaces it unless it is an older one
 * of the same stream and scope; a partial change applies when it builds on a version the client
 * holds or passed (nothing in this view changed in between, or it would have been pushed), is
 * dropped when it is not newer, and is a gap otherwise. Idempotent: applying it twice changes
 * nothing the second time.
 */
export function applyQueueStateChange(
  held: QueueState | null,
  change: QueueStateChange,
): AppliedQueueStateChange {
  const { since, ...whole } = change;
  const isSameChain = held !== null && held.stream === change.stream && held.scope === change.scope;
  if (since === null) {
    if (isSameChain && change.version <= held.version) return { state: held, isGap: false };
    return { state: whole, isGap: false };
  }
  // Nothing held yet: the first read is on its way and replays this change when it lands.
  if (held === null) return { state: null, isGap: false };
  if (!isSameChain || since > held.version) return { state: held, isGap: true };
  if (change.version <= held.version) return { state: held, isGap: false };
  const changed = new Map(change.queues.map((queue) => [queue.queueId, queue]));
  if (change.queues.some((queue) => !held.queues.some((h) => h.queueId === queue.queueId))) {
    return { state: held, isGap: true };
  }
  const agentsByStatus = change.agentsByStatus ?? held.agentsByStatus;
  return {
    state: {
      stream: change.stream,
      scope: change.scope,
      version: change.version,
      at: change.at,
      queues: held.queues.map((queue) => changed.get(queue.queueId) ?? queue),
      ...(agentsByStatus !== undefined ? { agentsByStatus } : {}),
    },
    isGap: false,
  };
}
