import { z } from 'zod';
import { IdSchema, RoleSchema } from './common';

export const UserSchema = z.object({
  id: IdSchema,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  /** A new agent under a trainer's watch. */
  isTrainee: z.boolean(),
  teamId: IdSchema.nullable(),
});
export type User = z.infer<typeof UserSchema>;

export const LoginBodySchema = z.object({
  username: z.string().trim().min(1, 'username is required').max(64),
  password: z.string().min(1, 'password is required').max(256),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const MeResponseSchema = z.object({ user: UserSchema });
export type MeResponse = z.infer<typeof MeResponseSchema>;
