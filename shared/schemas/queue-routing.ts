import { z } from 'zod';
import { SegmentCodeSchema } from './common';

const MINUTE = 60_000;

/** A queue's own priority and target answer time for one caller segment. */
export const QueueSegmentSettingSchema = z.object({
  segment: SegmentCodeSchema,
  /** Higher is served first (docs/routing.md §4). */
  priority: z.number().int().min(1).max(9),
  targetAnswerMs: z
    .number()
    .int()
    .min(5_000, 'must be at least 5 seconds')
    .max(24 * 60 * MINUTE, 'must be at most 24 hours'),
});
export type QueueSegmentSetting = z.infer<typeof QueueSegmentSettingSchema>;

/**
 * `PUT /api/queues/:id/routing` (administrators): how a queue routes, replaced whole. `segments`
 * lists the segments this queue sets for itself; any segment left out takes its default.
 */
export const QueueRoutingSettingsSchema = z.object({
  /** Wrap-up time after a contact of this queue closes; 0 for none. */
  afterContactWorkMs: z
    .number()
    .int()
    .min(0)
    .max(10 * MINUTE, 'must be at most 10 minutes'),
  /** After this wait a contact may go to agents with a backup skill; null: never. */
  overflowAfterMs: z
    .number()
    .int()
    .min(0)
    .max(60 * MINUTE, 'must be at most 60 minutes')
    .nullable(),
  /** Topics whose skill also serves this queue after the overflow wait. */
  overflowTopics: z.array(z.string().min(1).max(40)).max(10),
  segments: z
    .array(QueueSegmentSettingSchema)
    .max(5)
    .refine((list) => new Set(list.map((s) => s.segment)).size === list.length, {
      message: 'each segment at most once',
    }),
});
export type QueueRoutingSettings = z.infer<typeof QueueRoutingSettingsSchema>;

/** What `GET /api/queues/:id/routing` answers: the settings and, per segment, what applies. */
export const QueueRoutingSchema = QueueRoutingSettingsSchema.extend({
  queueId: z.string(),
  /** Every segment with the priority and target that apply, and whether the queue set them. */
  effective: z.array(QueueSegmentSettingSchema.extend({ isQueueSetting: z.boolean() })),
});
export type QueueRouting = z.infer<typeof QueueRoutingSchema>;
