import { describe, expect, it } from 'vitest';
import { createLoopBusyShare } from './loop-load';

function spin(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // Busy on purpose: the loop never gets to wait.
  }
}

describe('createLoopBusyShare', () => {
  it('reads a loop that only waited as idle and one that never waited as busy', async () => {
    const busyShare = createLoopBusyShare(50);
    busyShare();
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(busyShare()).toBeLessThan(0.5);
    spin(120);
    expect(busyShare()).toBeGreaterThan(0.8);
  });

  it('keeps the last reading within a window instead of measuring a sliver', async () => {
    const busyShare = createLoopBusyShare(10_000);
    const first = busyShare();
    spin(30);
    expect(busyShare()).toBe(first);
  });
});
