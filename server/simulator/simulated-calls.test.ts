import { describe, expect, it } from 'vitest';
import { nextCallEvent, type SimulatedCall } from './simulated-calls';

const T = 1_000_000;

function call(overrides: Partial<SimulatedCall> = {}, state: Partial<SimulatedCall['call']> = {}) {
  return {
    contactId: 'c-1',
    callId: 'sim-voice-1',
    status: 'waiting',
    arrivedAt: T,
    acceptedAt: null,
    ...overrides,
    call: { state: 'ringing', answeredAt: null, holdStartedAt: null, holdMs: 0, ...state },
  } satisfies SimulatedCall;
}

describe('the demo telephony (nextCallEvent)', () => {
  it('a waiting caller hangs up only after their patience, between 45 s and 4 min', () => {
    expect(nextCallEvent(call(), T + 44_000)).toBeNull();
    expect(nextCallEvent(call(), T + 241_000)).toBe('ended');
    expect(nextCallEvent(call({ status: 'offered' }), T + 241_000)).toBe('ended');
  });

  it('an accepted call is answered a moment later, then runs, and ends after its talk time', () => {
    const accepted = call({ status: 'active', acceptedAt: T + 10_000 });
    expect(nextCallEvent(accepted, T + 10_500)).toBeNull();
    expect(nextCallEvent(accepted, T + 11_500)).toBe('answered');
    const talking = call(
      { status: 'active', acceptedAt: T + 10_000 },
      { state: 'connected', answeredAt: T + 11_500, holdMs: 1 },
    );
    expect(nextCallEvent(talking, T + 30_000)).toBeNull();
    expect(nextCallEvent(talking, T + 11_500 + 241_000)).toBe('ended');
  });

  it('a hold ends with a resume after 10–25 s', () => {
    const held = call(
      { status: 'active' },
      { state: 'on_hold', answeredAt: T, holdStartedAt: T + 30_000 },
    );
    expect(nextCallEvent(held, T + 39_000)).toBeNull();
    expect(nextCallEvent(held, T + 56_000)).toBe('resume');
  });

  it('about a third of calls go on hold once', () => {
    let holds = 0;
    for (let i = 0; i < 300; i += 1) {
      const talking = call(
        { contactId: `c-${i}`, status: 'active' },
        { state: 'connected', answeredAt: T },
      );
      if (nextCallEvent(talking, T + 40_500) === 'hold') holds += 1;
    }
    expect(holds).toBeGreaterThan(60);
    expect(holds).toBeLessThan(150);
  });

  it('a wrapped-up contact ends its call; an ended call has nothing more', () => {
    expect(nextCallEvent(call({ status: 'closed' }, { state: 'connected' }), T)).toBe('ended');
    expect(nextCallEvent(call({ status: 'closed' }, { state: 'ended' }), T)).toBeNull();
  });
});
