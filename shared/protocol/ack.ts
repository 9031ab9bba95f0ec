import { z } from 'zod';

export const ErrorCodeSchema = z.enum([
  'invalid_payload',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ApiErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** For `invalid_payload`: the bad fields, as dotted paths. */
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** Every socket command is answered with one of these; `ok: true` means the write is committed. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Body of every HTTP error response. */
export const ErrorResponseSchema = z.object({ error: ApiErrorSchema });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
