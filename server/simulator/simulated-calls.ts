import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { CallPhase, VoiceEventBody, VoiceEventKind } from '../../shared/schemas/call';
import type { ContactStatus } from '../../shared/schemas/contact';
import type { Database } from '../store/schema';

/** A simulated call as the demo CTI sees it. */
export interface SimulatedCall {
  contactId: string;
  callId: string;
  status: ContactStatus;
  arrivedAt: number;
  acceptedAt: number | null;
  call: {
    state: CallPhase;
    answeredAt: number | null;
    holdStartedAt: number | null;
    holdMs: number;
  };
}

/** A number in [0, 1) fixed per call and purpose, so a call behaves the same on every tick. */
function trait(contactId: string, purpose: string): number {
  let hash = 2166136261;
  for (const char of `${contactId}:${purpose}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 16777619);
  }
  return (hash >>> 0) / 2 ** 32;
}

/**
 * What the demo's telephony does next with a call, if anything: a caller waiting longer than
 * their patience (45 s to 4 min) hangs up; an accepted call is answered a moment later; about
 * a third of calls go on hold once for 10–25 s; a call ends after 1–4 minutes of talk, or at once
 * when the agent has wrapped up. Pure: the same call at the same time gives the same step.
 */
export function nextCallEvent(call: SimulatedCall, now: number): VoiceEventKind | null {
  const { state } = call.call;
  if (state === 'ended') return null;
  if (call.status === 'closed') return 'ended';
  if (call.status === 'waiting' || call.status === 'offered') {
    const patienceMs = 45_000 + trait(call.contactId, 'patience') * 195_000;
    return now - call.arrivedAt > patienceMs ? 'ended' : null;
  }
  // Active: an agent holds it.
  if (state === 'ringing') return now - (call.acceptedAt ?? now) >= 1_500 ? 'answered' : null;
  const answeredAt = call.call.answeredAt ?? now;
  if (state === 'on_hold') {
    const holdForMs = 10_000 + trait(call.contactId, 'hold-length') * 15_000;
    return now - (call.call.holdStartedAt ?? now) >= holdForMs ? 'resume' : null;
  }
  const talkMs = 60_000 + trait(call.contactId, 'talk') * 180_000;
  if (now - answeredAt >= talkMs) return 'ended';
  const holdsOnce = trait(call.contactId, 'holds') < 0.35 && call.call.holdMs === 0;
  const holdAtMs = 20_000 + trait(call.contactId, 'hold-at') * 20_000;
  return holdsOnce && now - answeredAt >= holdAtMs ? 'hold' : null;
}

/**
 * The demo's telephony system: every second, moves the simulator's open voice calls on through the
 * same path as a real CTI webhook (`POST /api/inbound/voice-events`), with stable event ids.
 */
export function startSimulatedCalls(deps: {
  db: Kysely<Database>;
  now: () => number;
  send: (event: VoiceEventBody) => Promise<unknown>;
  log: Logger;
  everyMs?: number;
}): { stop(): void } {
  let isRunning = false;
  const tick = async () => {
    const rows = await deps.db
      .selectFrom('contacts')
      .innerJoin('calls', 'calls.contact_id', 'contacts.id')
      .select([
        'contacts.id',
        'contacts.external_id',
        'contacts.status',
        'contacts.arrived_at',
        'contacts.accepted_at',
        'calls.state',
        'calls.answered_at',
        'calls.hold_started_at',
        'calls.hold_ms',
        'calls.version',
      ])
      .where('contacts.channel', '=', 'voice')
      .where('contacts.external_id', 'like', 'sim-%')
      .where('calls.state', '!=', 'ended')
      .execute();
    const now = deps.now();
    for (const row of rows) {
      const kind = nextCallEvent(
        {
          contactId: row.id,
          callId: row.external_id,
          status: row.status as ContactStatus,
          arrivedAt: row.arrived_at,
          acceptedAt: row.accepted_at,
          call: {
            state: row.state as CallPhase,
            answeredAt: row.answered_at,
            holdStartedAt: row.hold_started_at,
            holdMs: Number(row.hold_ms),
          },
        },
        now,
      );
      if (kind === null) continue;
      await deps
        .send({
          callId: row.external_id,
          event: kind,
          eventId: `${row.external_id}:${row.version}`,
        })
        .catch((error: unknown) => deps.log.debug({ err: error }, 'simulated call event refused'));
    }
  };
  const timer = setInterval(() => {
    if (isRunning) return;
    isRunning = true;
    tick()
      .catch((error: unknown) => deps.log.warn({ err: error }, 'simulated calls failed'))
      .finally(() => {
        isRunning = false;
      });
  }, deps.everyMs ?? 1_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
