import type { ErrorCode } from '../../shared/protocol/ack';

/**
 * Codes a failed request can carry on the client: the server's own codes (shared/protocol/ack.ts)
 * plus what only the client can observe (no network, no answer in time, an answer that does not
 * match the contract).
 */
export type AppErrorCode = ErrorCode | 'network' | 'timeout' | 'bad_response';

export interface AppErrorField {
  path: string;
  message: string;
}

/** The one error type the UI sees from HTTP and socket commands alike. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  /** HTTP status, when the error came from an HTTP response. */
  readonly status: number | undefined;
  readonly fields: AppErrorField[] | undefined;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { status?: number; fields?: AppErrorField[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = options.status;
    this.fields = options.fields;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Maps any thrown value to an AppError so components can show one kind of message. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('internal', message, { cause: error });
}

/** Errors worth retrying with the same command id: the server may not have seen the command. */
export function isTransientError(error: unknown): boolean {
  const code = toAppError(error).code;
  return code === 'network' || code === 'timeout' || code === 'unavailable';
}
