import { z } from 'zod';
import { WorkCountsSchema } from './capacity';
import { AgentStatusSchema, EpochMsSchema, IdSchema } from './common';

/** An agent as the desk, the lead and the trainer see them, live. */
export const AgentViewSchema = z.object({
  id: IdSchema,
  displayName: z.string(),
  isTrainee: z.boolean(),
  teamId: IdSchema.nullable(),
  status: AgentStatusSchema,
  /**
   * What the agent chose or was put in, under `on_contact`: an agent holding chats may still be
   * Available for more, or on Break to finish them and take nothing new.
   */
  presence: AgentStatusSchema.exclude(['on_contact']),
  /** When the current status began. */
  statusSince: EpochMsSchema,
  /** When the current status ends by itself (after-contact work); null when it does not. */
  statusUntil: EpochMsSchema.nullable(),
  /** The conversations the agent holds now, in the order they took them. */
  activeContactIds: z.array(IdSchema),
  /** At most this many at once per kind of work (shared/domain/capacity.ts). */
  capacity: WorkCountsSchema,
  /** What they hold now per kind of work. */
  load: WorkCountsSchema,
  skills: z.array(z.object({ topic: z.string(), level: z.number().int().min(1).max(5) })),
  /** Grows with every change to this agent; older facts are stale. */
  version: z.number().int().nonnegative(),
});
export type AgentView = z.infer<typeof AgentViewSchema>;
