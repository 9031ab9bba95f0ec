/**
 * The voice call state machine, driven by the telephony system's (CTI) events:
 *
 *   ringing ──answered──► connected ──hold──► on_hold
 *      │                    ▲  │               │
 *      │                    └──┼───resume──────┘
 *      └──────ended────────────┴──ended──► ended (final; nothing after it)
 *
 * Pure: the shell reads the call and the contact, asks `decideCallEvent`, and writes the result
 * with a conditional update. Times are epoch milliseconds.
 */
import type { CallPhase, VoiceEventKind } from '../../shared/schemas/call';
import type { ContactStatus } from '../../shared/schemas/contact';

export interface Call {
  state: CallPhase;
  ringingAt: number;
  answeredAt: number | null;
  holdStartedAt: number | null;
  /** Hold time of finished holds. */
  holdMs: number;
  endedAt: number | null;
  /** When the state last changed; later events are never placed before it. */
  changedAt: number;
}

export interface CallEvent {
  kind: VoiceEventKind;
  /** When the CTI says it happened. */
  at: number;
}

export type CallDecision =
  | {
      ok: true;
      call: Call;
      /** False for a repeated `ringing` on a ringing call: nothing to write or announce. */
      isChanged: boolean;
      /**
       * The call ended while its contact was still waiting or offered (nobody of ours answered):
       * the contact closes as abandoned, its offer is withdrawn and it leaves the queue.
       */
      isAbandoned: boolean;
    }
  | { ok: false; code: 'conflict'; message: string };

/** A call that starts ringing at `at` (a voice contact's arrival). */
export function startCall(at: number): Call {
  return {
    state: 'ringing',
    ringingAt: at,
    answeredAt: null,
    holdStartedAt: null,
    holdMs: 0,
    endedAt: null,
    changedAt: at,
  };
}

function refuse(message: string): CallDecision {
  return { ok: false, code: 'conflict', message };
}

function changed(call: Call, isAbandoned = false): CallDecision {
  return { ok: true, call, isChanged: true, isAbandoned };
}

/**
 * Applies one CTI event to a call. The event's time is kept between the call's last change and
 * `now`, so a late or skewed clock never makes a duration negative or a timer start in the future.
 * `contactStatus` is the contact's state in Tanggap when the event arrives.
 */
export function decideCallEvent(
  call: Call,
  event: CallEvent,
  context: { contactStatus: ContactStatus; now: number },
): CallDecision {
  if (call.state === 'ended') {
    return refuse(`The call already ended; '${event.kind}' cannot follow it.`);
  }
  const at = Math.min(Math.max(event.at, call.changedAt), Math.max(context.now, call.changedAt));
  switch (event.kind) {
    case 'ringing':
      if (call.state === 'ringing') return { ok: true, call, isChanged: false, isAbandoned: false };
      return refuse('The call was already answered; it cannot ring again.');
    case 'answered':
      if (call.state !== 'ringing') return refuse('The call was already answered.');
      return changed({ ...call, state: 'connected', answeredAt: at, changedAt: at });
    case 'hold':
      if (call.state === 'ringing')
        return refuse('A call cannot be put on hold before it is answered.');
      if (call.state === 'on_hold') return refuse('The call is already on hold.');
      return changed({ ...call, state: 'on_hold', holdStartedAt: at, changedAt: at });
    case 'resume':
      if (call.state !== 'on_hold') return refuse('The call is not on hold, so it cannot resume.');
      return changed({
        ...call,
        state: 'connected',
        holdMs: call.holdMs + (at - (call.holdStartedAt ?? at)),
        holdStartedAt: null,
        changedAt: at,
      });
    case 'ended': {
      const holdMs =
        call.state === 'on_hold' ? call.holdMs + (at - (call.holdStartedAt ?? at)) : call.holdMs;
      const isAbandoned =
        context.contactStatus === 'waiting' || context.contactStatus === 'offered';
      return changed(
        { ...call, state: 'ended', holdMs, holdStartedAt: null, endedAt: at, changedAt: at },
        isAbandoned,
      );
    }
  }
}
