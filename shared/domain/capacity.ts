/**
 * How much work an agent may hold at once, per kind of work (docs/routing.md, "Capacity").
 *
 * - A voice call is exclusive: it is offered only to an agent holding nothing else, and while it
 *   lasts nothing else is offered. Speaking to a citizen needs the whole attention.
 * - Chat-like channels (web chat, WhatsApp, SMS, social media) share one budget of N at once.
 * - E-mail has its own budget of M: it waits well, so an agent may keep several open beside chats.
 *
 * The centre sets N and M; an agent may have a lower cap (trainees start at one chat), never a
 * higher one. Pure: the server and the screens both use it.
 */
import type { Channel } from '../schemas/common';

export const WORK_CLASSES = ['voice', 'chat', 'email'] as const;
export type WorkClass = (typeof WORK_CLASSES)[number];

/** At most this many at once, per kind of work. */
export type Capacity = Readonly<Record<WorkClass, number>>;
/** How many an agent holds (or has been offered) now, per kind of work. */
export type Load = Readonly<Record<WorkClass, number>>;

/** The upper bounds an administrator may set for the whole centre. */
export const CAPACITY_LIMITS: Capacity = { voice: 1, chat: 10, email: 25 };
export const DEFAULT_CAPACITY: Capacity = { voice: 1, chat: 3, email: 5 };
/** Where a new trainee starts (their own caps; voice keeps the centre's limit). */
export const TRAINEE_CAPS = { chat: 1, email: 2 } as const;
export const EMPTY_LOAD: Load = { voice: 0, chat: 0, email: 0 };

export function workClassOf(channel: Channel): WorkClass {
  switch (channel) {
    case 'voice':
      return 'voice';
    case 'email':
      return 'email';
    case 'sms':
    case 'whatsapp':
    case 'webchat':
    case 'social':
      return 'chat';
  }
}

/** The centre's limit, lowered by the agent's own cap where one is set. */
export function effectiveCapacity(
  centre: Capacity,
  own: Partial<Record<WorkClass, number | null>>,
): Capacity {
  const pick = (workClass: WorkClass) => {
    const cap = own[workClass];
    return cap === null || cap === undefined
      ? centre[workClass]
      : Math.max(0, Math.min(cap, centre[workClass]));
  };
  return { voice: pick('voice'), chat: pick('chat'), email: pick('email') };
}

export function totalLoad(load: Load): number {
  return load.voice + load.chat + load.email;
}

export function loadOf(channels: Iterable<Channel>): Load {
  const load = { voice: 0, chat: 0, email: 0 };
  for (const channel of channels) load[workClassOf(channel)] += 1;
  return load;
}

export function addToLoad(load: Load, workClass: WorkClass): Load {
  return { ...load, [workClass]: load[workClass] + 1 };
}

/** Whether one more contact of this kind fits beside what the agent holds. */
export function hasRoomFor(capacity: Capacity, load: Load, workClass: WorkClass): boolean {
  if (load[workClass] >= capacity[workClass]) return false;
  if (workClass === 'voice') return totalLoad(load) === 0;
  return load.voice === 0;
}

/** Whether the agent could take any more work at all (used to skip them early). */
export function hasAnyRoom(capacity: Capacity, load: Load): boolean {
  return WORK_CLASSES.some((workClass) => hasRoomFor(capacity, load, workClass));
}
