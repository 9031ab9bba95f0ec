/**
 * The only module that touches socket.io-client. It owns the one connection (opened after login,
 * authenticated by the session cookie), turns commands into promises that resolve with the
 * acknowledged, schema-checked result, and hands validated facts and connection changes to
 * subscribers. Nothing else emits.
 */
import { io, type Socket } from 'socket.io-client';
import { ApiErrorSchema } from '../../shared/protocol/ack';
import {
  commands,
  facts,
  type ClientToServerEvents,
  type CommandName,
  type CommandPayload,
  type CommandResult,
  type Fact,
  type FactName,
  type ServerToClientEvents,
} from '../../shared/protocol/events';
import { AppError } from './app-error';

type TanggapSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** One fact, discriminated by name so a `switch` narrows the payload. */
export type FactEvent = { [N in FactName]: { name: N; fact: Fact<N> } }[FactName];

export type ConnectionEvent =
  | { type: 'connecting' }
  /** `isReconnect`: a connection existed before; `isRecovered`: the server replayed missed facts. */
  | { type: 'connected'; isReconnect: boolean; isRecovered: boolean }
  | { type: 'disconnected'; reason: string }
  /** The server refused the connection (e.g. `unauthenticated`); no retry follows. */
  | { type: 'refused'; message: string };

export const DEFAULT_COMMAND_TIMEOUT_MS = 10_000;

let socket: TanggapSocket | null = null;
let hasConnectedBefore = false;
const factListeners = new Set<(event: FactEvent) => void>();
const connectionListeners = new Set<(event: ConnectionEvent) => void>();

function notifyConnection(event: ConnectionEvent): void {
  for (const listener of connectionListeners) listener(event);
}

function isFactName(name: string): name is FactName {
  return Object.hasOwn(facts, name);
}

function dispatchFact(name: string, payload: unknown): void {
  if (!isFactName(name)) return;
  const parsed = facts[name].safeParse(payload);
  if (!parsed.success) {
    // A fact that breaks the contract is dropped rather than corrupting live state.
    console.warn(`[socket] dropped malformed fact ${name}`, parsed.error.issues);
    return;
  }
  const event = { name, fact: parsed.data } as FactEvent;
  for (const listener of factListeners) listener(event);
}

/** Opens the connection if it is not open or opening already. Call after login. */
export function connectSocket(): void {
  if (socket !== null) {
    if (!socket.connected && !socket.active) socket.connect();
    return;
  }
  const created: TanggapSocket = io({
    path: '/socket.io',
    // WebSocket only: one long-lived connection to whichever node the load balancer picks, so
    // several server nodes need no sticky sessions (HTTP long-polling would need them).
    transports: ['websocket'],
    withCredentials: true,
    autoConnect: false,
  });
  created.on('connect', () => {
    notifyConnection({
      type: 'connected',
      isReconnect: hasConnectedBefore,
      isRecovered: created.recovered,
    });
    hasConnectedBefore = true;
  });
  created.on('disconnect', (reason) => {
    notifyConnection({ type: 'disconnected', reason });
  });
  created.on('connect_error', (error) => {
    // `active` stays true while the manager retries (server down); false means a refusal.
    if (!created.active) notifyConnection({ type: 'refused', message: error.message });
  });
  created.onAny((name: string, payload: unknown) => dispatchFact(name, payload));
  socket = created;
  notifyConnection({ type: 'connecting' });
  created.connect();
}

/** Closes the connection (sign-out). A later `connectSocket` starts afresh. */
export function disconnectSocket(): void {
  if (socket === null) return;
  const closing = socket;
  socket = null;
  hasConnectedBefore = false;
  closing.removeAllListeners();
  closing.offAny();
  closing.disconnect();
  notifyConnection({ type: 'disconnected', reason: 'io client disconnect' });
}

export function subscribeToFacts(listener: (event: FactEvent) => void): () => void {
  factListeners.add(listener);
  return () => factListeners.delete(listener);
}

export function subscribeToConnection(listener: (event: ConnectionEvent) => void): () => void {
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
}

function waitForConnection(timeoutMs: number): Promise<TanggapSocket> {
  const current = socket;
  if (current === null) {
    return Promise.reject(new AppError('network', 'not connected'));
  }
  if (current.connected) return Promise.resolve(current);
  return new Promise((resolve, reject) => {
    const onConnect = (): void => {
      clearTimeout(timer);
      resolve(current);
    };
    const timer = setTimeout(() => {
      current.off('connect', onConnect);
      reject(new AppError('network', 'not connected'));
    }, timeoutMs);
    current.once('connect', onConnect);
  });
}

/** What `emitWithAck` looks like once the event name is only known as a string. */
interface LooseEmitter {
  emitWithAck(event: string, payload: unknown): Promise<unknown>;
}

/**
 * Sends a command and resolves with its acknowledged result, or rejects with an AppError: the
 * server's code and message for `{ ok: false }`, `timeout` when no ack came in time (the command
 * may still have been applied: resend with the same command id), `network` when no connection
 * could be made, `bad_response` when the ack breaks the contract.
 */
export async function sendCommand<N extends CommandName>(
  name: N,
  payload: CommandPayload<N>,
  options: { timeoutMs?: number } = {},
): Promise<CommandResult<N>> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const startedAt = Date.now();
  const connected = await waitForConnection(timeoutMs);
  const remainingMs = Math.max(1, timeoutMs - (Date.now() - startedAt));

  let ack: unknown;
  try {
    const emitter = connected.timeout(remainingMs) as unknown as LooseEmitter;
    ack = await emitter.emitWithAck(name, payload);
  } catch (error) {
    throw new AppError('timeout', `no answer to ${name} within ${timeoutMs} ms`, { cause: error });
  }

  if (typeof ack !== 'object' || ack === null || !('ok' in ack)) {
    throw new AppError('bad_response', `malformed ack for ${name}`);
  }
  if (ack.ok !== true) {
    const parsedError = ApiErrorSchema.safeParse((ack as { error?: unknown }).error);
    if (!parsedError.success) throw new AppError('bad_response', `malformed error for ${name}`);
    throw new AppError(parsedError.data.code, parsedError.data.message, {
      fields: parsedError.data.fields,
    });
  }
  const parsed = commands[name].result.safeParse((ack as { data?: unknown }).data);
  if (!parsed.success) {
    throw new AppError('bad_response', `unexpected result for ${name}`, { cause: parsed.error });
  }
  return parsed.data as CommandResult<N>;
}
