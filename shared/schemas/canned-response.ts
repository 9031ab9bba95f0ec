import { z } from 'zod';
import type { Role } from './common';
import { EpochMsSchema, IdSchema } from './common';

/**
 * Administrators and trainers keep the canned responses (trainers already teach the floor's
 * wording); every signed-in user reads the active ones.
 */
export const CANNED_RESPONSE_MANAGER_ROLES: readonly Role[] = ['admin', 'trainer'];

export const CannedResponseStatusSchema = z.enum(['active', 'retired']);

/** What the agent types after `/` to pick it: `salam`, `nomor-tiket`. */
export const CannedResponseCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,31}$/, 'use 2 to 32 letters, digits or dashes');

/** `POST /api/canned-responses` and `PUT /api/canned-responses/:id`. */
export const CannedResponseBodySchema = z.object({
  code: CannedResponseCodeSchema,
  title: z.string().trim().min(3, 'at least 3 characters').max(120),
  /** The reply, with variables such as `{caller.name}`, `{reference}`, `{agent.name}`, `{tanggal}`. */
  text: z.string().trim().min(1, 'is required').max(4000),
  /** The topic it belongs to (`topics.code`); null for any topic. */
  topic: z.string().trim().min(1).max(64).nullable().default(null),
});
export type CannedResponseBody = z.output<typeof CannedResponseBodySchema>;

export const CannedResponseSchema = z.object({
  id: IdSchema,
  code: z.string(),
  title: z.string(),
  text: z.string(),
  topic: z.string().nullable(),
  status: CannedResponseStatusSchema,
  /** The variables `text` uses, in order of appearance. */
  variables: z.array(z.string()),
  updatedAt: EpochMsSchema,
  updatedByName: z.string(),
});
export type CannedResponse = z.infer<typeof CannedResponseSchema>;

export const CannedResponseListQuerySchema = z.object({
  /** Managers only: include retired responses (to restore one). */
  includeRetired: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
});

/** `GET /api/canned-responses`: active ones by code (retired after them when asked for). */
export const CannedResponseListSchema = z.object({ responses: z.array(CannedResponseSchema) });
export type CannedResponseList = z.infer<typeof CannedResponseListSchema>;
