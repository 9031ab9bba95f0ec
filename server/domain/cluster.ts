/**
 * Liveness of server nodes. A node beats every `heartbeatMs`; one silent for `expiryMs` is dead,
 * and what it counted (its agents' sockets) no longer counts.
 */

/** The oldest heartbeat that still counts as alive at `now`. */
export function liveSince(now: number, expiryMs: number): number {
  return now - expiryMs;
}

/** Whether a node last heard from at `heartbeatAt` is alive at `now`. */
export function isNodeAlive(heartbeatAt: number, now: number, expiryMs: number): boolean {
  return heartbeatAt >= liveSince(now, expiryMs);
}
