import { z } from 'zod';
import { EpochMsSchema, IdSchema } from './common';

/**
 * Where a voice call is, as the telephony system (CTI) reports it: `ringing` until someone
 * answers, `connected` while talking, `on_hold` while the caller waits on hold, `ended` once
 * either side hung up (final).
 */
export const CallPhaseSchema = z.enum(['ringing', 'connected', 'on_hold', 'ended']);
export type CallPhase = z.infer<typeof CallPhaseSchema>;
export const CALL_PHASES = CallPhaseSchema.options;

/**
 * The call behind a voice contact. Timers tick on the client from these server timestamps:
 * talk time runs from `answeredAt` to `endedAt` (or now); hold time is `holdMs` plus, while on
 * hold, the time since `holdStartedAt`. `version` grows with every change; older copies are stale.
 */
export const CallStateSchema = z.object({
  contactId: IdSchema,
  state: CallPhaseSchema,
  /** When the call started ringing (the contact's arrival unless the CTI said otherwise). */
  ringingAt: EpochMsSchema,
  answeredAt: EpochMsSchema.nullable(),
  /** Set while `on_hold`: when the current hold began. */
  holdStartedAt: EpochMsSchema.nullable(),
  /** Hold time of the holds already finished, in milliseconds. */
  holdMs: z.number().int().nonnegative(),
  endedAt: EpochMsSchema.nullable(),
  version: z.number().int().nonnegative(),
});
export type CallState = z.infer<typeof CallStateSchema>;

/** What the CTI reports about a call. */
export const VoiceEventKindSchema = z.enum(['ringing', 'answered', 'hold', 'resume', 'ended']);
export type VoiceEventKind = z.infer<typeof VoiceEventKindSchema>;

/** Body of `POST /api/inbound/voice-events`. */
export const VoiceEventBodySchema = z.object({
  /** The call's id at the CTI: the `externalId` the voice contact arrived with. */
  callId: z.string().trim().min(1).max(200),
  event: VoiceEventKindSchema,
  /** When it happened at the CTI (epoch ms); the server's time when absent. */
  at: EpochMsSchema.optional(),
  /** The CTI's id of this event: a repeat answers with the first result and changes nothing. */
  eventId: z.string().trim().min(1).max(200),
});
export type VoiceEventBody = z.infer<typeof VoiceEventBodySchema>;

export const VoiceEventResultSchema = z.object({
  eventId: z.string(),
  contactId: IdSchema,
  call: CallStateSchema,
  /** True when this event ended a call nobody had answered yet: the contact closed as abandoned. */
  isAbandoned: z.boolean(),
});
export type VoiceEventResult = z.infer<typeof VoiceEventResultSchema>;
