/**
 * The client's one HTTP door: same-origin fetch with the session cookie, request bodies checked
 * and responses parsed with the shared zod schemas (shared/protocol/http.ts), and every failure
 * mapped to an AppError with a code the UI can translate.
 */
import type { z } from 'zod';
import { ErrorResponseSchema } from '../../shared/protocol/ack';
import { AppError, type AppErrorCode } from './app-error';

export interface EndpointDefinition {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** May hold `:name` segments, filled from `params`. */
  path: string;
  response: z.ZodType;
  body?: z.ZodType;
}

type BodyOf<E extends EndpointDefinition> = E extends { body: infer B extends z.ZodType }
  ? z.input<B>
  : never;

export interface RequestOptions<E extends EndpointDefinition> {
  body?: BodyOf<E>;
  params?: Record<string, string>;
  /** The query string; undefined values are left out. */
  query?: Record<string, string | undefined>;
  signal?: AbortSignal;
}

export type ResponseOf<E extends EndpointDefinition> = z.output<E['response']>;

function statusToCode(status: number): AppErrorCode {
  if (status === 400 || status === 422) return 'invalid_payload';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  return 'internal';
}

export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new AppError('invalid_payload', `missing path param ${name}`);
    return encodeURIComponent(value);
  });
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export async function apiRequest<E extends EndpointDefinition>(
  endpoint: E,
  options: RequestOptions<E> = {},
): Promise<ResponseOf<E>> {
  let body: string | undefined;
  if (endpoint.body !== undefined) {
    const parsed = endpoint.body.safeParse(options.body);
    if (!parsed.success) {
      throw new AppError('invalid_payload', 'request body does not match the contract', {
        fields: parsed.error.issues.map((issue) => ({
          path: issue.path.join('.'),
          message: issue.message,
        })),
      });
    }
    body = JSON.stringify(parsed.data);
  }

  // An absolute URL works in the browser and under jsdom (where fetch needs one).
  const url = new URL(buildPath(endpoint.path, options.params), window.location.origin);
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method: endpoint.method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new AppError('network', 'the server could not be reached', { cause: error });
  }

  const json = await readJson(response);
  if (!response.ok) {
    const parsedError = ErrorResponseSchema.safeParse(json);
    // 429 can come from a proxy or the rate limiter with any body; the status is what counts.
    const code = response.status === 429 ? 'rate_limited' : statusToCode(response.status);
    if (parsedError.success) {
      const { error } = parsedError.data;
      throw new AppError(response.status === 429 ? 'rate_limited' : error.code, error.message, {
        status: response.status,
        fields: error.fields,
      });
    }
    throw new AppError(code, `HTTP ${response.status}`, { status: response.status });
  }

  const parsed = endpoint.response.safeParse(json);
  if (!parsed.success) {
    throw new AppError('bad_response', `unexpected response from ${endpoint.path}`, {
      status: response.status,
      cause: parsed.error,
    });
  }
  return parsed.data as ResponseOf<E>;
}
