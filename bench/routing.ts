/**
 * Routing time, in process: `planOffers` (the pure routing core) on synthetic but realistic
 * inputs, beside a naive reference measured in the same run on the same inputs.
 */
import { DEFAULT_CAPACITY, type WorkClass } from '../shared/domain/capacity';
import {
  compareContacts,
  planOffers,
  type AvailableAgent,
  type PlannedOffer,
  type RecentDecline,
  type RoutingInput,
  type WaitingContact,
} from '../server/domain/routing';
import { DEFAULT_SEGMENTS, GENERAL_TOPIC } from '../server/seed/base-data';
import { DEMO_TOPICS } from '../server/seed/demo-data';
import { pick, seededRandom, summarize, type Summary } from './stats';

export const BENCH_TOPICS = [GENERAL_TOPIC.code, ...DEMO_TOPICS.map((topic) => topic.code)];
const DECLINE_COOLDOWN_MS = 60_000;

export interface RoutingSize {
  contacts: number;
  agents: number;
}

export interface RoutingResult {
  size: RoutingSize;
  runs: number;
  declines: number;
  /** Offers planned by `planOffers` (the same every run: the input does not change). */
  planned: number;
  /** Offers the naive FIFO reference made on the same input. */
  fifoPlanned: number;
  planOffersMs: Summary;
  /** Naive reference: oldest contact first to the first free agent with the topic at all. */
  fifoMs: Summary;
  /** Floor of any priority routing: sorting the contacts by the documented order, nothing else. */
  sortOnlyMs: Summary;
}

/**
 * Six topics, the five shipped segments (priorities and targets), contacts that arrived over the
 * last 15 minutes, agents with one to three skills at levels 1–5, and recent declines (some
 * already past the cool-down) on about 5% of the contacts.
 */
export function makeRoutingInput(size: RoutingSize, seed = 42): RoutingInput {
  const random = seededRandom(seed);
  const now = 1_780_000_000_000;
  // Most callers are the general public; officials and the media are few.
  const segmentWeights: Record<string, number> = {
    public: 0.7,
    academia: 0.08,
    observer: 0.08,
    media: 0.08,
    official: 0.06,
  };
  const weightedSegments = DEFAULT_SEGMENTS.flatMap((segment) =>
    Array.from({ length: Math.round((segmentWeights[segment.code] ?? 0.1) * 100) }, () => segment),
  );
  const contacts: WaitingContact[] = Array.from({ length: size.contacts }, (_, index) => {
    const segment = pick(random, weightedSegments);
    return {
      id: `c-${index.toString().padStart(6, '0')}-${Math.floor(random() * 1e9).toString(36)}`,
      topic: pick(random, BENCH_TOPICS),
      // Roughly the demo's mix: a third calls, a tenth e-mails, the rest chats.
      workClass: pick(random, BENCH_WORK_MIX),
      arrivedAt: now - Math.floor(random() * 15 * 60_000),
      segmentPriority: segment.priority,
      targetAnswerMs: segment.targetAnswerMs,
    };
  });
  const agents: AvailableAgent[] = Array.from({ length: size.agents }, (_, index) => {
    const skills: Record<string, number> = {};
    // Every topic is covered: the first skill cycles through the topics.
    skills[BENCH_TOPICS[index % BENCH_TOPICS.length]!] = 1 + Math.floor(random() * 5);
    const extra = Math.floor(random() * 3);
    for (let i = 0; i < extra; i += 1)
      skills[pick(random, BENCH_TOPICS)] = 1 + Math.floor(random() * 5);
    return {
      id: `a-${index.toString().padStart(5, '0')}`,
      skills,
      idleSince: now - Math.floor(random() * 30 * 60_000),
      capacity: DEFAULT_CAPACITY,
      // Some agents are already in a chat or two; routing must still find room beside them.
      load: { voice: 0, chat: Math.floor(random() * 3), email: 0 },
    };
  });
  const declines: RecentDecline[] = [];
  for (const contact of contacts) {
    if (random() >= 0.05) continue;
    const count = 1 + Math.floor(random() * 2);
    for (let i = 0; i < count; i += 1) {
      declines.push({
        contactId: contact.id,
        agentId: pick(random, agents).id,
        // Half inside the cool-down, half already past it.
        at: now - Math.floor(random() * 2 * DECLINE_COOLDOWN_MS),
      });
    }
  }
  return { now, contacts, agents, declines, declineCooldownMs: DECLINE_COOLDOWN_MS };
}

/** The naive reference: FIFO by arrival, first free agent who has the topic; no priorities, levels or declines. */
const BENCH_WORK_MIX: readonly WorkClass[] = [
  ...Array<WorkClass>(6).fill('chat'),
  ...Array<WorkClass>(3).fill('voice'),
  'email',
];

export function fifoAssign(input: RoutingInput): PlannedOffer[] {
  const byTopic = new Map<string, AvailableAgent[]>();
  for (const agent of input.agents) {
    for (const topic of Object.keys(agent.skills)) {
      const list = byTopic.get(topic) ?? [];
      list.push(agent);
      byTopic.set(topic, list);
    }
  }
  const taken = new Set<string>();
  const cursor = new Map<string, number>();
  const contacts = [...input.contacts].sort((a, b) => a.arrivedAt - b.arrivedAt);
  const plan: PlannedOffer[] = [];
  for (const contact of contacts) {
    if (taken.size === input.agents.length) break;
    const list = byTopic.get(contact.topic);
    if (!list) continue;
    let index = cursor.get(contact.topic) ?? 0;
    while (index < list.length && taken.has(list[index]!.id)) index += 1;
    if (index < list.length) {
      const agent = list[index]!;
      taken.add(agent.id);
      plan.push({ contactId: contact.id, agentId: agent.id });
      index += 1;
    }
    cursor.set(contact.topic, index);
  }
  return plan;
}

function sortOnly(input: RoutingInput): number {
  return [...input.contacts].sort((a, b) => compareContacts(input.now, a, b)).length;
}

function time(runs: number, warmup: number, run: () => unknown): number[] {
  for (let i = 0; i < warmup; i += 1) run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples;
}

export function benchRouting(size: RoutingSize, runs: number): RoutingResult {
  const input = makeRoutingInput(size);
  const warmup = Math.max(2, Math.floor(runs / 5));
  const planned = planOffers(input).length;
  const fifoPlanned = fifoAssign(input).length;
  // Interleaved in the same process and heap state: the ratio is what matters, not the absolute.
  const planOffersMs = summarize(time(runs, warmup, () => planOffers(input)))!;
  const fifoMs = summarize(time(runs, warmup, () => fifoAssign(input)))!;
  const sortOnlyMs = summarize(time(runs, warmup, () => sortOnly(input)))!;
  return {
    size,
    runs,
    declines: input.declines.length,
    planned,
    fifoPlanned,
    planOffersMs,
    fifoMs,
    sortOnlyMs,
  };
}
