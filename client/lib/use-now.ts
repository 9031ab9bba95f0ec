import { useSyncExternalStore } from 'react';

/**
 * One shared one-second clock for every countdown and "time in state" on screen, so a desk with
 * many timers still runs one interval.
 */
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setInterval(tick, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

function getSnapshot(): number {
  return now;
}

/** The client clock, re-rendering once a second. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot);
}
