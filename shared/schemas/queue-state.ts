import { z } from 'zod';
import { TimeZoneSchema } from './calendar';
import { AgentStatusSchema, EpochMsSchema, IdSchema } from './common';

export const QueueFiguresSchema = z.object({
  queueId: IdSchema,
  waiting: z.number().int().nonnegative(),
  /** Arrival time of the longest-waiting contact; null when nobody waits. */
  oldestArrivedAt: EpochMsSchema.nullable(),
  /**
   * Whether the queue is within its business hours (24/7 queues always are). A closed queue
   * answers new contacts with its after-hours action; contacts already waiting keep waiting.
   */
  isOpen: z.boolean(),
  /** Closed: its next opening (null: none within a year). Open: null. */
  opensAt: EpochMsSchema.nullable(),
  /** Open: when it closes next (null: 24/7, or not within a year). Closed: null. */
  closesAt: EpochMsSchema.nullable(),
  /** The zone its hours are kept in, to read `opensAt` and `closesAt` out (WIB, WITA, WIT). */
  timeZone: TimeZoneSchema,
});
export type QueueFigures = z.infer<typeof QueueFiguresSchema>;

/** Live state of every queue. `version` grows monotonically within one server run. */
export const QueueStateSchema = z.object({
  version: z.number().int().nonnegative(),
  at: EpochMsSchema,
  queues: z.array(QueueFiguresSchema),
  agentsByStatus: z.record(AgentStatusSchema, z.number().int().nonnegative()),
});
export type QueueState = z.infer<typeof QueueStateSchema>;
