import type { z } from 'zod';
import type { ApiError } from '../../shared/protocol/ack';
import { AppError } from './app-error';

export function fieldsFromIssues(
  issues: readonly z.core.$ZodIssue[],
): NonNullable<ApiError['fields']> {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

export function invalidPayload(fields: NonNullable<ApiError['fields']>): AppError {
  const names = [...new Set(fields.map((field) => field.path))].join(', ');
  return new AppError('invalid_payload', `Invalid ${names}`, fields);
}

/** Parses untrusted input or throws `invalid_payload` naming every bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalidPayload(fieldsFromIssues(parsed.error.issues));
  return parsed.data;
}
