/**
 * Call timers as the desk shows them, from the server's timestamps and a (server-corrected) now.
 * Durations in milliseconds, never negative.
 */
import type { CallState } from '../schemas/call';

type Timed = Pick<
  CallState,
  'state' | 'ringingAt' | 'answeredAt' | 'holdStartedAt' | 'holdMs' | 'endedAt'
>;

/** Talk time: from the answer to the end (or now), hold included; 0 before the answer. */
export function talkMsAt(call: Timed, now: number): number {
  if (call.answeredAt === null) return 0;
  return Math.max(0, (call.endedAt ?? now) - call.answeredAt);
}

/** Ring time: from the first ring to the answer, the end, or now. */
export function ringMsAt(call: Timed, now: number): number {
  return Math.max(0, (call.answeredAt ?? call.endedAt ?? now) - call.ringingAt);
}

/** Hold time: finished holds plus the one running now, if any. */
export function holdMsAt(call: Timed, now: number): number {
  const running = call.holdStartedAt === null ? 0 : Math.max(0, now - call.holdStartedAt);
  return call.holdMs + running;
}
