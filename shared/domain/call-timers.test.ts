import { describe, expect, it } from 'vitest';
import type { CallState } from '../schemas/call';
import { holdMsAt, ringMsAt, talkMsAt } from './call-timers';

const T = 1_000_000;
const base: CallState = {
  contactId: 'c-1',
  state: 'ringing',
  ringingAt: T,
  answeredAt: null,
  holdStartedAt: null,
  holdMs: 0,
  endedAt: null,
  version: 1,
};

describe('call timers', () => {
  it('ringing: only the ring timer runs', () => {
    expect(ringMsAt(base, T + 7_000)).toBe(7_000);
    expect(talkMsAt(base, T + 7_000)).toBe(0);
    expect(holdMsAt(base, T + 7_000)).toBe(0);
  });

  it('on hold: talk time runs on, and hold adds the running hold to the finished ones', () => {
    const onHold = {
      ...base,
      state: 'on_hold' as const,
      answeredAt: T + 5_000,
      holdStartedAt: T + 20_000,
      holdMs: 4_000,
    };
    expect(ringMsAt(onHold, T + 30_000)).toBe(5_000);
    expect(talkMsAt(onHold, T + 30_000)).toBe(25_000);
    expect(holdMsAt(onHold, T + 30_000)).toBe(14_000);
  });

  it('ended: every timer stops at the end', () => {
    const ended = {
      ...base,
      state: 'ended' as const,
      answeredAt: T + 5_000,
      holdMs: 4_000,
      endedAt: T + 65_000,
    };
    expect(talkMsAt(ended, T + 999_000)).toBe(60_000);
    expect(holdMsAt(ended, T + 999_000)).toBe(4_000);
    expect(ringMsAt({ ...base, state: 'ended', endedAt: T + 9_000 }, T + 99_000)).toBe(9_000);
  });

  it('a client clock behind the server never shows negative time', () => {
    expect(ringMsAt(base, T - 5_000)).toBe(0);
    expect(holdMsAt({ ...base, holdStartedAt: T }, T - 5_000)).toBe(0);
  });
});
