import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_PHASES, VoiceEventKindSchema, type CallPhase } from '../../shared/schemas/call';
import { ContactStatusSchema } from '../../shared/schemas/contact';
import { decideCallEvent, startCall, type Call } from './call';

const T = 1_000_000;
const active = { contactStatus: 'active' as const, now: T + 60_000 };

function callIn(state: CallPhase): Call {
  const ringing = startCall(T);
  switch (state) {
    case 'ringing':
      return ringing;
    case 'connected':
      return { ...ringing, state, answeredAt: T + 5_000, changedAt: T + 5_000 };
    case 'on_hold':
      return {
        ...ringing,
        state,
        answeredAt: T + 5_000,
        holdStartedAt: T + 20_000,
        holdMs: 3_000,
        changedAt: T + 20_000,
      };
    case 'ended':
      return {
        ...ringing,
        state,
        answeredAt: T + 5_000,
        endedAt: T + 30_000,
        changedAt: T + 30_000,
      };
  }
}

/** Every state × every event: the resulting state, or null for a refusal (409). */
const TRANSITIONS: Record<CallPhase, Record<string, CallPhase | null>> = {
  ringing: { ringing: 'ringing', answered: 'connected', hold: null, resume: null, ended: 'ended' },
  connected: { ringing: null, answered: null, hold: 'on_hold', resume: null, ended: 'ended' },
  on_hold: { ringing: null, answered: null, hold: null, resume: 'connected', ended: 'ended' },
  ended: { ringing: null, answered: null, hold: null, resume: null, ended: null },
};

describe('decideCallEvent: the transition table', () => {
  for (const state of CALL_PHASES) {
    for (const kind of VoiceEventKindSchema.options) {
      const expected = TRANSITIONS[state][kind];
      it(`${state} + ${kind} → ${expected ?? '409'}`, () => {
        const decision = decideCallEvent(callIn(state), { kind, at: T + 40_000 }, active);
        if (expected === null) {
          expect(decision).toMatchObject({ ok: false, code: 'conflict' });
          if (!decision.ok) expect(decision.message.length).toBeGreaterThan(10);
        } else {
          expect(decision).toMatchObject({ ok: true, call: { state: expected } });
        }
      });
    }
  }
});

describe('decideCallEvent: timers', () => {
  it('given a ringing call, when it is answered, then the talk timer starts at the answer', () => {
    const decision = decideCallEvent(startCall(T), { kind: 'answered', at: T + 8_000 }, active);
    expect(decision).toEqual({
      ok: true,
      isChanged: true,
      isAbandoned: false,
      call: {
        state: 'connected',
        ringingAt: T,
        answeredAt: T + 8_000,
        holdStartedAt: null,
        holdMs: 0,
        endedAt: null,
        changedAt: T + 8_000,
      },
    });
  });

  it('adds each finished hold to the hold total, and a hold running at the end too', () => {
    let call = startCall(T);
    const steps = [
      { kind: 'answered', at: T + 1_000 },
      { kind: 'hold', at: T + 10_000 },
      { kind: 'resume', at: T + 25_000 },
      { kind: 'hold', at: T + 30_000 },
      { kind: 'resume', at: T + 32_000 },
      { kind: 'hold', at: T + 40_000 },
      { kind: 'ended', at: T + 45_000 },
    ] as const;
    for (const step of steps) {
      const decision = decideCallEvent(call, step, active);
      if (!decision.ok) throw new Error(decision.message);
      call = decision.call;
    }
    expect(call).toMatchObject({
      state: 'ended',
      answeredAt: T + 1_000,
      holdMs: 15_000 + 2_000 + 5_000,
      holdStartedAt: null,
      endedAt: T + 45_000,
    });
  });

  it('never places an event before the last change, nor after now', () => {
    const onHold = callIn('on_hold'); // hold began at T + 20 000
    const early = decideCallEvent(onHold, { kind: 'resume', at: T }, active);
    expect(early).toMatchObject({ ok: true, call: { holdMs: 3_000, changedAt: T + 20_000 } });
    const future = decideCallEvent(
      onHold,
      { kind: 'resume', at: T + 999_999 },
      { contactStatus: 'active', now: T + 50_000 },
    );
    expect(future).toMatchObject({ ok: true, call: { holdMs: 33_000, changedAt: T + 50_000 } });
  });

  it('a repeated ringing on a ringing call changes nothing', () => {
    const call = startCall(T);
    expect(decideCallEvent(call, { kind: 'ringing', at: T + 3_000 }, active)).toEqual({
      ok: true,
      call,
      isChanged: false,
      isAbandoned: false,
    });
  });
});

describe('decideCallEvent: abandoned calls', () => {
  for (const contactStatus of ContactStatusSchema.options) {
    const isAbandoned = contactStatus === 'waiting' || contactStatus === 'offered';
    it(`a call ending while its contact is ${contactStatus} ${isAbandoned ? 'is' : 'is not'} abandoned`, () => {
      expect(
        decideCallEvent(
          startCall(T),
          { kind: 'ended', at: T + 9_000 },
          { contactStatus, now: T + 9_000 },
        ),
      ).toMatchObject({ ok: true, isAbandoned, call: { state: 'ended', endedAt: T + 9_000 } });
    });
  }

  it('an active conversation whose call ends is not abandoned, whatever the call state', () => {
    for (const state of ['ringing', 'connected', 'on_hold'] as const) {
      expect(
        decideCallEvent(callIn(state), { kind: 'ended', at: T + 50_000 }, active),
      ).toMatchObject({
        ok: true,
        isAbandoned: false,
      });
    }
  });
});

describe('decideCallEvent: invariants', () => {
  const kinds = fc.constantFrom(...VoiceEventKindSchema.options);
  const statuses = fc.constantFrom(...ContactStatusSchema.options);

  it('over any sequence of events: times never go backwards, hold never negative, ended is final', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: kinds, offset: fc.integer({ min: -5_000, max: 60_000 }) }), {
          maxLength: 25,
        }),
        statuses,
        (events, contactStatus) => {
          let call = startCall(T);
          let now = T;
          for (const event of events) {
            now += 1_000;
            const before = call;
            const decision = decideCallEvent(
              call,
              { kind: event.kind, at: now + event.offset },
              { contactStatus, now },
            );
            if (!decision.ok) {
              expect(decision.code).toBe('conflict');
              continue;
            }
            call = decision.call;
            expect(before.state).not.toBe('ended');
            expect(call.changedAt).toBeGreaterThanOrEqual(before.changedAt);
            expect(call.changedAt).toBeLessThanOrEqual(Math.max(now, before.changedAt));
            expect(call.holdMs).toBeGreaterThanOrEqual(before.holdMs);
            expect(call.holdStartedAt !== null).toBe(call.state === 'on_hold');
            if (call.answeredAt !== null) expect(call.answeredAt).toBeGreaterThanOrEqual(T);
            if (call.endedAt !== null) expect(call.state).toBe('ended');
          }
          // Hold time can never exceed the time since the answer.
          if (call.answeredAt !== null) {
            expect(call.holdMs).toBeLessThanOrEqual(call.changedAt - call.answeredAt);
          }
        },
      ),
    );
  });
});
