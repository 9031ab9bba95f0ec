import { z } from 'zod';
import { ChannelSchema, IdSchema, RoleSchema, SegmentCodeSchema } from './common';

export const SegmentSchema = z.object({
  code: SegmentCodeSchema,
  /** Higher is served first. */
  priority: z.number().int(),
  /** The answer time this group expects, in milliseconds. */
  targetAnswerMs: z.number().int().positive(),
});
export type Segment = z.infer<typeof SegmentSchema>;

export const QueueSchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** Topic code; agents need the matching skill. */
  topic: z.string(),
  channels: z.array(ChannelSchema),
});
export type Queue = z.infer<typeof QueueSchema>;

export const WrapupCodeSchema = z.object({
  code: z.string(),
  labelId: z.string(),
  labelEn: z.string(),
  /** Whether choosing this code asks for a follow-up task. */
  needsFollowUp: z.boolean(),
});
export type WrapupCode = z.infer<typeof WrapupCodeSchema>;

export const StaffMemberSchema = z.object({
  id: IdSchema,
  displayName: z.string(),
  role: RoleSchema,
  isTrainee: z.boolean(),
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;

export const TopicSchema = z.object({
  code: z.string(),
  labelId: z.string(),
  labelEn: z.string(),
});
export type Topic = z.infer<typeof TopicSchema>;

/** Everything a signed-in user needs to render codes as words: `GET /api/reference`. */
export const ReferenceDataSchema = z.object({
  segments: z.array(SegmentSchema),
  queues: z.array(QueueSchema),
  topics: z.array(TopicSchema),
  wrapupCodes: z.array(WrapupCodeSchema),
  staff: z.array(StaffMemberSchema),
});
export type ReferenceData = z.infer<typeof ReferenceDataSchema>;
