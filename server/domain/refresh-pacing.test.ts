import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUSY_FROM,
  REFRESH_GAP_CEILING_MS,
  REFRESH_GAP_FLOOR_MS,
  refreshGapMs,
  SATURATED_FROM,
} from './refresh-pacing';

describe('refreshGapMs', () => {
  it('keeps the floor while the loop has time to spare', () => {
    expect(refreshGapMs(0)).toBe(REFRESH_GAP_FLOOR_MS);
    expect(refreshGapMs(0.3)).toBe(REFRESH_GAP_FLOOR_MS);
    expect(refreshGapMs(BUSY_FROM)).toBe(REFRESH_GAP_FLOOR_MS);
  });

  it('stretches in a straight line once the loop is busy, up to the ceiling', () => {
    const midway = (BUSY_FROM + SATURATED_FROM) / 2;
    expect(refreshGapMs(midway)).toBe((REFRESH_GAP_FLOOR_MS + REFRESH_GAP_CEILING_MS) / 2);
    expect(refreshGapMs(BUSY_FROM + 0.01)).toBeGreaterThan(REFRESH_GAP_FLOOR_MS);
    expect(refreshGapMs(SATURATED_FROM)).toBe(REFRESH_GAP_CEILING_MS);
    expect(refreshGapMs(1)).toBe(REFRESH_GAP_CEILING_MS);
  });

  it('reads nonsense as idle rather than stalling the screens', () => {
    expect(refreshGapMs(Number.NaN)).toBe(REFRESH_GAP_FLOOR_MS);
    expect(refreshGapMs(-1)).toBe(REFRESH_GAP_FLOOR_MS);
    expect(refreshGapMs(Number.POSITIVE_INFINITY)).toBe(REFRESH_GAP_FLOOR_MS);
    expect(refreshGapMs(3)).toBe(REFRESH_GAP_CEILING_MS);
  });

  it('never shortens the gap as the loop gets busier, and stays within its bounds', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const gapLow = refreshGapMs(low);
          const gapHigh = refreshGapMs(high);
          expect(gapLow).toBeLessThanOrEqual(gapHigh);
          expect(gapLow).toBeGreaterThanOrEqual(REFRESH_GAP_FLOOR_MS);
          expect(gapHigh).toBeLessThanOrEqual(REFRESH_GAP_CEILING_MS);
        },
      ),
    );
  });
});
