/**
 * Which waiting contact goes to which free agent. Pure: the shell reads the facts in one
 * transaction, calls `planOffers`, and writes the offers with conditional updates.
 *
 * The documented order (docs/routing.md):
 * 1. contacts by segment priority (higher first);
 * 2. then by time waited against the segment's target answer time (the most overdue first);
 * 3. then by arrival (oldest first), then id, so the result is deterministic;
 * 4. each contact goes to the eligible agent with the best skill level for its topic, then the
 *    one holding the least work, then the one idle longest, then by id.
 * Capacity (shared/domain/capacity.ts): an agent is eligible only while the contact's kind of
 * work fits beside what they hold; a call needs an agent holding nothing. An agent gets at most
 * one offer per pass (and has at most one pending), so the desk is never flooded.
 * Overflow: once a contact has waited its queue's `overflowAfterMs`, agents with a skill in one
 * of the queue's `overflowTopics` (a backup skill, e.g. general information) become eligible too,
 * ranked after every agent with the contact's own skill.
 * An agent who declined or missed a contact is not offered the same contact again until the
 * cool-down has passed, so a rejected contact moves to someone else.
 */

import {
  hasRoomFor,
  totalLoad,
  type Capacity,
  type Load,
  type WorkClass,
} from '../../shared/domain/capacity';

export interface WaitingContact {
  id: string;
  topic: string;
  workClass: WorkClass;
  arrivedAt: number;
  segmentPriority: number;
  targetAnswerMs: number;
  /** After this wait the backup skills below also qualify; null: never. */
  overflowAfterMs?: number | null;
  overflowTopics?: readonly string[];
}

export interface AvailableAgent {
  id: string;
  capacity: Capacity;
  /** Conversations held now, per kind of work. */
  load: Load;
  /** Skill level (1-5) per topic code. */
  skills: Readonly<Record<string, number>>;
  /** Since when the agent has had no work. */
  idleSince: number;
}

export interface RecentDecline {
  contactId: string;
  agentId: string;
  /** When the agent rejected the offer or let it expire. */
  at: number;
}

export interface RoutingInput {
  now: number;
  contacts: readonly WaitingContact[];
  agents: readonly AvailableAgent[];
  declines: readonly RecentDecline[];
  declineCooldownMs: number;
}

export interface PlannedOffer {
  contactId: string;
  agentId: string;
}

export function compareContacts(now: number, a: WaitingContact, b: WaitingContact): number {
  if (a.segmentPriority !== b.segmentPriority) return b.segmentPriority - a.segmentPriority;
  const overdueA = (now - a.arrivedAt) / a.targetAnswerMs;
  const overdueB = (now - b.arrivedAt) / b.targetAnswerMs;
  if (overdueA !== overdueB) return overdueB - overdueA;
  if (a.arrivedAt !== b.arrivedAt) return a.arrivedAt - b.arrivedAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * How well an agent fits a contact now: the own-topic skill level (1-5), or below every own-topic
 * agent a backup level once the contact overflows; 0 when the agent may not take it.
 */
export function fitFor(now: number, contact: WaitingContact, agent: AvailableAgent): number {
  const own = agent.skills[contact.topic] ?? 0;
  if (own > 0) return 10 + own;
  const overflowAfterMs = contact.overflowAfterMs ?? null;
  if (overflowAfterMs === null || now - contact.arrivedAt < overflowAfterMs) return 0;
  return Math.max(0, ...(contact.overflowTopics ?? []).map((topic) => agent.skills[topic] ?? 0));
}

function compareAgents(fitA: number, a: AvailableAgent, fitB: number, b: AvailableAgent): number {
  if (fitA !== fitB) return fitB - fitA;
  const busyA = totalLoad(a.load);
  const busyB = totalLoad(b.load);
  if (busyA !== busyB) return busyA - busyB;
  if (a.idleSince !== b.idleSince) return a.idleSince - b.idleSince;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function planOffers(input: RoutingInput): PlannedOffer[] {
  const { now, declineCooldownMs } = input;
  const declined = new Set(
    input.declines
      .filter((decline) => now - decline.at < declineCooldownMs)
      .map((decline) => `${decline.contactId}\u0000${decline.agentId}`),
  );
  const candidates = new Map(input.agents.map((agent) => [agent.id, agent]));
  const contacts = [...input.contacts].sort((a, b) => compareContacts(now, a, b));
  const plan: PlannedOffer[] = [];
  for (const contact of contacts) {
    if (candidates.size === 0) break;
    let best: AvailableAgent | undefined;
    let bestFit = 0;
    for (const agent of candidates.values()) {
      if (!hasRoomFor(agent.capacity, agent.load, contact.workClass)) continue;
      const fit = fitFor(now, contact, agent);
      if (fit <= 0) continue;
      if (declined.has(`${contact.id}\u0000${agent.id}`)) continue;
      if (!best || compareAgents(fit, agent, bestFit, best) < 0) {
        best = agent;
        bestFit = fit;
      }
    }
    if (best) {
      plan.push({ contactId: contact.id, agentId: best.id });
      candidates.delete(best.id);
    }
  }
  return plan;
}

/**
 * The topics a skill must be in for an agent to fit any of these contacts now: their own topics,
 * and the backup topics of those that have overflowed. An agent with no skill among them fits no
 * contact (`fitFor` is 0), so routing need not read them: the plan is the same without them.
 */
export function topicsInReach(now: number, contacts: readonly WaitingContact[]): string[] {
  const topics = new Set<string>();
  for (const contact of contacts) {
    topics.add(contact.topic);
    const overflowAfterMs = contact.overflowAfterMs ?? null;
    if (overflowAfterMs !== null && now - contact.arrivedAt >= overflowAfterMs) {
      for (const topic of contact.overflowTopics ?? []) topics.add(topic);
    }
  }
  return [...topics].sort();
}

export interface QueueCoverage {
  id: string;
  topic: string;
  overflowTopics: readonly string[];
}

/**
 * The queues an agent can be offered contacts from: those of a topic they are skilled in, and
 * those whose overflow reaches one of their skills. What "their queues" means on the desk.
 */
export function queuesServedBy(
  skills: Readonly<Record<string, number>>,
  queues: readonly QueueCoverage[],
): string[] {
  const isSkilled = (topic: string) => (skills[topic] ?? 0) > 0;
  return queues
    .filter((queue) => isSkilled(queue.topic) || queue.overflowTopics.some(isSkilled))
    .map((queue) => queue.id);
}

/** Agents with a skill in one topic, best first, as far as a shortlist read went. */
export interface TopicShortlist {
  topic: string;
  /** By skill level in the topic (highest first), then total load, then idle longest. */
  agents: readonly AvailableAgent[];
  /** True when every available agent with the topic is in `agents`. */
  isComplete: boolean;
}

/**
 * Whether `planOffers` on the shortlisted agents gives the plan it would on every available
 * agent, so routing need not read them all (reading ~1,000 agent rows per pass was the largest
 * statement under load).
 *
 * Why it holds: take the agent B the whole pool would give contact c, and a topic u through which
 * B fits c (c's own topic, or the overflow topic of B's backup level). Every agent ranked before B
 * in u's list (by level in u, load, idle time, id) who has room for c's kind of work fits c at
 * least as well, so would have been chosen instead unless an earlier contact took them or they
 * recently declined c: at most (contacts − 1) + (c's declines) of them. So B is among the first
 * contacts + declines agents with room in u's list. If the shortlist holds that many with room
 * and a rank strictly better than its last row's (ties at the cut may come back in any order),
 * those are the whole list's first ones, and B is among them; by induction over the contacts in
 * plan order every choice is the same. A list that is out of order (a skill changed between the
 * reads) proves nothing: the answer is then false and the shell reads every agent.
 */
export function isShortlistEnough(
  input: Omit<RoutingInput, 'agents'> & { shortlists: readonly TopicShortlist[] },
): boolean {
  const { now, contacts, declines, declineCooldownMs } = input;
  const byTopic = new Map(input.shortlists.map((shortlist) => [shortlist.topic, shortlist]));
  const declinesOf = declinesPerContact(now, declines, declineCooldownMs);
  for (const contact of contacts) {
    const needed = contacts.length + (declinesOf.get(contact.id) ?? 0);
    for (const topic of topicsInReach(now, [contact])) {
      const shortlist = byTopic.get(topic);
      if (!shortlist) return false;
      if (!isRankedBestFirst(shortlist)) return false;
      if (shortlist.isComplete) continue;
      const last = shortlist.agents.at(-1);
      if (!last) return false;
      const withRoom = shortlist.agents.filter(
        (agent) =>
          compareRank(topic, agent, last) < 0 &&
          hasRoomFor(agent.capacity, agent.load, contact.workClass),
      ).length;
      if (withRoom < needed) return false;
    }
  }
  return true;
}

/**
 * How many agents per topic a shortlist read takes: what `isShortlistEnough` needs at least (the
 * contacts waiting plus the most declines of any of them), plus `margin` for agents without room
 * for the work.
 */
export function shortlistSize(input: Omit<RoutingInput, 'agents'>, margin: number): number {
  const declines = declinesPerContact(input.now, input.declines, input.declineCooldownMs);
  return input.contacts.length + Math.max(0, ...declines.values()) + margin;
}

/** Declines still within the cool-down, counted per contact. */
function declinesPerContact(
  now: number,
  declines: readonly RecentDecline[],
  declineCooldownMs: number,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const decline of declines) {
    if (now - decline.at >= declineCooldownMs) continue;
    counts.set(decline.contactId, (counts.get(decline.contactId) ?? 0) + 1);
  }
  return counts;
}

/** Level in the topic (higher first), then load, then idle since; 0 for equal ranks. */
function compareRank(topic: string, a: AvailableAgent, b: AvailableAgent): number {
  const levelA = a.skills[topic] ?? 0;
  const levelB = b.skills[topic] ?? 0;
  if (levelA !== levelB) return levelB - levelA;
  const busyA = totalLoad(a.load);
  const busyB = totalLoad(b.load);
  if (busyA !== busyB) return busyA - busyB;
  return a.idleSince - b.idleSince;
}

function isRankedBestFirst(shortlist: TopicShortlist): boolean {
  const { topic, agents } = shortlist;
  return agents.every(
    (agent, index) =>
      (agent.skills[topic] ?? 0) > 0 &&
      (index === 0 || compareRank(topic, agents[index - 1]!, agent) <= 0),
  );
}
