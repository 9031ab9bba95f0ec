import { z } from 'zod';
import { CAPACITY_LIMITS } from '../domain/capacity';

/** A count per kind of work: a capacity or a load (shared/domain/capacity.ts). */
export const WorkCountsSchema = z.object({
  voice: z.number().int().nonnegative(),
  chat: z.number().int().nonnegative(),
  email: z.number().int().nonnegative(),
});

/** `PUT /api/capacity`: the centre's limit per kind of work; a call is always exclusive. */
export const CentreCapacitySchema = z.object({
  voice: z.number().int().min(0).max(CAPACITY_LIMITS.voice),
  chat: z.number().int().min(1).max(CAPACITY_LIMITS.chat),
  email: z.number().int().min(1).max(CAPACITY_LIMITS.email),
});
export type CentreCapacity = z.infer<typeof CentreCapacitySchema>;

/**
 * `PUT /api/agents/:id/capacity`: an agent's own caps, which only lower the centre's limit
 * (a trainee starts with one chat); null takes the centre's limit.
 */
export const AgentCapsSchema = z.object({
  voice: z.number().int().min(0).max(CAPACITY_LIMITS.voice).nullable(),
  chat: z.number().int().min(0).max(CAPACITY_LIMITS.chat).nullable(),
  email: z.number().int().min(0).max(CAPACITY_LIMITS.email).nullable(),
});
export type AgentCaps = z.infer<typeof AgentCapsSchema>;

/** What `GET /api/agents/:id/capacity` answers: the caps set and the limits they give. */
export const AgentCapacitySchema = z.object({
  agentId: z.string(),
  caps: AgentCapsSchema,
  effective: WorkCountsSchema,
  centre: CentreCapacitySchema,
});
export type AgentCapacity = z.infer<typeof AgentCapacitySchema>;
