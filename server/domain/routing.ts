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
