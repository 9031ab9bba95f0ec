import type { Channel, SegmentCode } from '../../shared/schemas/common';
import type { InboundContactBody } from '../../shared/schemas/inbound';
import {
  CHANNEL_WEIGHTS,
  FIRST_NAMES,
  LAST_NAMES,
  ORGANISATIONS,
  QUESTIONS,
  SEGMENT_QUESTIONS,
  SEGMENT_WEIGHTS,
} from './citizens';

/** A source of numbers in [0, 1); injected so tests and demos can be repeatable. */
export type Random = () => number;

/** A small deterministic generator (mulberry32) for repeatable simulations. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function weighted<T>(random: Random, entries: readonly [T, number][]): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

export interface SimulatedCitizen {
  name: string;
  phone: string;
  email: string;
  handle: string;
  segment: SegmentCode;
  organisation: string | null;
}

/** A stable population, so callers come back and their history builds up. */
export function createPopulation(random: Random, size: number): SimulatedCitizen[] {
  return Array.from({ length: size }, (_, index) => {
    const first = pick(random, FIRST_NAMES);
    const last = pick(random, LAST_NAMES);
    const segment = weighted(random, SEGMENT_WEIGHTS);
    const prefix = pick(random, [
      '0812',
      '0813',
      '0815',
      '0817',
      '0821',
      '0838',
      '0852',
      '0856',
      '0878',
      '0896',
    ]);
    const subscriber = String(Math.floor(random() * 100_000_000)).padStart(8, '0');
    const slug = `${first}.${last}`.toLowerCase();
    return {
      name: `${first} ${last}`,
      phone: `${prefix}${subscriber}`,
      email: `${slug}${index}@contoh.id`,
      handle: `@${slug.replace('.', '_')}${index}`,
      segment,
      organisation: segment === 'public' ? null : pick(random, ORGANISATIONS[segment]),
    };
  });
}

function addressFor(citizen: SimulatedCitizen, channel: Channel): string {
  if (channel === 'email') return citizen.email;
  if (channel === 'social') return citizen.handle;
  return citizen.phone;
}

/** One inbound contact as a channel would post it to `POST /api/inbound`. */
export function generateInboundContact(
  random: Random,
  population: readonly SimulatedCitizen[],
  sequence: number,
): InboundContactBody {
  const citizen = pick(random, population);
  const channel = weighted(random, CHANNEL_WEIGHTS);
  const topic = pick(random, Object.keys(QUESTIONS));
  const segmentQuestions = SEGMENT_QUESTIONS[citizen.segment];
  const text =
    segmentQuestions && random() < 0.5
      ? pick(random, segmentQuestions)
      : pick(random, QUESTIONS[topic]!);
  const name = citizen.organisation ? `${citizen.name} (${citizen.organisation})` : citizen.name;
  return {
    channel,
    externalId: `sim-${channel}-${sequence}-${Math.floor(random() * 1e9).toString(36)}`,
    from: addressFor(citizen, channel),
    name,
    text: channel === 'voice' ? `[Panggilan masuk] ${text}` : text,
    topic,
    segment: citizen.segment,
  };
}
