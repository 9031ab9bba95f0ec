import { performance, type EventLoopUtilization } from 'node:perf_hooks';

/** The share of recent wall time (0–1) the event loop spent running code rather than waiting. */
export type LoopBusyShare = () => number;

/** Readings closer together than this return the last one: a shorter window is mostly noise. */
const WINDOW_MS = 250;

/**
 * Reads the event loop's utilisation over windows of at least `WINDOW_MS`, lazily (no timer: a
 * read closes the window that began at the one before). A read after a long quiet spell sees
 * that spell, which is what it should see.
 */
export function createLoopBusyShare(windowMs = WINDOW_MS): LoopBusyShare {
  let since: EventLoopUtilization = performance.eventLoopUtilization();
  let sinceAt = performance.now();
  let share = 0;
  return () => {
    const now = performance.now();
    if (now - sinceAt < windowMs) return share;
    const current = performance.eventLoopUtilization();
    share = performance.eventLoopUtilization(current, since).utilization;
    since = current;
    sinceAt = now;
    return share;
  };
}

/** The one event loop of this process, shared by every service that paces itself by it. */
export const processLoopBusyShare: LoopBusyShare = createLoopBusyShare();
