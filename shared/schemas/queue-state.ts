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

/**
 * Live state of the queues as one viewer sees it. Leads, trainers and admins see every queue and
 * the agents by status; an agent sees the queues they serve (`queuesServedBy`) and no agent counts.
 * `stream` names the server process that computed it and `scope` the view (which queues, whether
 * agents are counted): the changes pushed as `queue:state-changed` build on one stream and scope.
 * `version` grows monotonically within a stream.
 */
export const QueueStateSchema = z.object({
  stream: z.string().min(1).max(40),
  scope: z.string().min(1).max(40),
  version: z.number().int().nonnegative(),
  at: EpochMsSchema,
  queues: z.array(QueueFiguresSchema),
  /** Absent from an agent's view. */
  agentsByStatus: z.record(AgentStatusSchema, z.number().int().nonnegative()).optional(),
});
export type QueueState = z.infer<typeof QueueStateSchema>;

/**
 * What changed in one viewer's queue state (`queue:state-changed`). With `since` null it is the
 * whole view and replaces what the client holds. Otherwise it holds only the queues whose figures
 * changed (and the agents by status when they did) since the version `since` of the same stream
 * and scope, which the sender published to this scope just before; a client holding a different
 * stream or scope, or a version below `since`, has missed something and reads the state again.
 */
export const QueueStateChangeSchema = QueueStateSchema.extend({
  since: z.number().int().nonnegative().nullable(),
});
export type QueueStateChange = z.infer<typeof QueueStateChangeSchema>;
