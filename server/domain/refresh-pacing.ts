/**
 * How far apart the server starts its display refreshes (the queue state pushed to every screen),
 * given how busy its event loop has been lately (the last quarter second or more). Pure.
 *
 * A refresh writes to every connected socket: at 1,000 agents that is 10–25 ms of the loop each
 * time, whatever the load. With the loop mostly idle, refreshes go out at the floor rate and
 * screens follow within a tenth of a second. When the loop is nearly always busy, the same
 * refreshes queue in front of offers and acknowledgements, the work itself; so the gap stretches,
 * up to a ceiling, and the refreshes give that time back. Each refresh still carries every change
 * since the last, so a wallboard is later under overload, never wrong.
 */

/** The gap with a loop that has time to spare: ten refreshes a second at most. */
export const REFRESH_GAP_FLOOR_MS = 100;
/** The gap however busy the loop: a screen is never more than about a second behind. */
export const REFRESH_GAP_CEILING_MS = 1_000;
/** Up to this share of the time busy, the floor holds. */
export const BUSY_FROM = 0.6;
/** From this share on, the ceiling holds. */
export const SATURATED_FROM = 0.95;

/**
 * The gap between the starts of two refreshes, for the share of recent wall time (0–1) the event
 * loop spent busy (`realtime/loop-load.ts`): the floor up to `BUSY_FROM`, rising in a straight
 * line to the ceiling at `SATURATED_FROM`. Out-of-range or unknown readings count as idle (the
 * floor).
 */
export function refreshGapMs(loopBusyShare: number): number {
  if (!Number.isFinite(loopBusyShare) || loopBusyShare <= BUSY_FROM) return REFRESH_GAP_FLOOR_MS;
  if (loopBusyShare >= SATURATED_FROM) return REFRESH_GAP_CEILING_MS;
  const progress = (loopBusyShare - BUSY_FROM) / (SATURATED_FROM - BUSY_FROM);
  return Math.round(
    REFRESH_GAP_FLOOR_MS + progress * (REFRESH_GAP_CEILING_MS - REFRESH_GAP_FLOOR_MS),
  );
}
