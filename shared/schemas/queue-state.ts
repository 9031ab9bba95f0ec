import { z } from 'zod';
import { AgentStatusSchema, EpochMsSchema, IdSchema } from './common';

export const QueueFiguresSchema = z.object({
  queueId: IdSchema,
  waiting: z.number().int().nonnegative(),
  /** Arrival time of the longest-waiting contact; null when nobody waits. */
  oldestArrivedAt: EpochMsSchema.nullable(),
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
