import { z } from 'zod';
import { AfterHoursAnswerSchema } from './business-hours';
import { ChannelSchema, IdSchema, SegmentCodeSchema } from './common';

/** Body of `POST /api/inbound`: one contact arriving from a channel. */
export const InboundContactBodySchema = z.object({
  channel: ChannelSchema,
  /** The channel's own id for this contact (call id, message id); idempotency key with `channel`. */
  externalId: z.string().trim().min(1).max(200),
  /** Phone number, e-mail address or social handle of the citizen. */
  from: z.string().trim().min(3).max(200),
  name: z.string().trim().min(1).max(200).optional(),
  text: z.string().max(10_000).optional(),
  /** Topic code; unknown or missing topics go to the general queue. */
  topic: z.string().trim().min(1).max(64).optional(),
  segment: SegmentCodeSchema.optional(),
});
export type InboundContactBody = z.infer<typeof InboundContactBodySchema>;

export const InboundContactResultSchema = z.object({
  contactId: IdSchema,
  /** Reference number told to the citizen. */
  reference: z.string(),
  /**
   * Present when the contact's queue was closed when it arrived: it does not wait and no agent is
   * offered it. Voice: play `message` (and record, for `voicemail`), then end the call. Text
   * channels: the same message is on its way as an outbound message (the outbound webhook); do
   * not send it twice.
   */
  afterHours: AfterHoursAnswerSchema.optional(),
});
export type InboundContactResult = z.infer<typeof InboundContactResultSchema>;
