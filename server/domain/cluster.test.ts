import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNodeAlive, liveSince } from './cluster';

describe('node liveness', () => {
  it('given a heartbeat just now, when asked, then the node is alive', () => {
    expect(isNodeAlive(1_000, 1_000, 10_000)).toBe(true);
  });

  it('given a heartbeat exactly the expiry ago, then the node is still alive', () => {
    expect(isNodeAlive(0, 10_000, 10_000)).toBe(true);
  });

  it('given a heartbeat older than the expiry, then the node is dead', () => {
    expect(isNodeAlive(0, 10_001, 10_000)).toBe(false);
  });

  it('agrees with liveSince for every heartbeat, moment and expiry', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 40 }),
        fc.integer({ min: 0, max: 2 ** 20 }),
        fc.integer({ min: 1, max: 2 ** 20 }),
        (heartbeatAt, elapsed, expiryMs) => {
          const now = heartbeatAt + elapsed;
          expect(isNodeAlive(heartbeatAt, now, expiryMs)).toBe(
            heartbeatAt >= liveSince(now, expiryMs),
          );
          expect(isNodeAlive(heartbeatAt, now, expiryMs)).toBe(elapsed <= expiryMs);
        },
      ),
    );
  });
});
