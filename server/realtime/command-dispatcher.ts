import type { Logger } from 'pino';
import type { Ack } from '../../shared/protocol/ack';
import {
  commands,
  type CommandName,
  type CommandPayload,
  type CommandResult,
} from '../../shared/protocol/events';
import type { User } from '../../shared/schemas/user';
import { AppError } from '../modules/app-error';
import { fieldsFromIssues, invalidPayload } from '../modules/validation';
import type { Metrics } from '../observability/metrics';
import type { InFlight } from './in-flight';

/** What a command needs of the socket it came through (a Socket.IO socket has all of it). */
export interface CommandSocket {
  readonly id: string;
  readonly connected: boolean;
  readonly data: { user: User; sessionToken: string };
  join(room: string): Promise<void> | void;
  leave(room: string): Promise<void> | void;
  disconnect(close?: boolean): unknown;
}

/** Runs one command for a sender whose role and session were checked and payload parsed. */
export type CommandHandler<N extends CommandName> = (
  user: User,
  payload: CommandPayload<N>,
  socket: CommandSocket,
) => Promise<CommandResult<N>>;

/** One handler for every command of the protocol: a command without one does not compile. */
export type CommandHandlers = { [N in CommandName]: CommandHandler<N> };

export interface CommandDispatcherOptions {
  handlers: CommandHandlers;
  /** The session's user, or nothing once it ended (signed out, expired). */
  userForToken(token: string): Promise<User | undefined>;
  inFlight: InFlight;
  metrics?: Pick<Metrics, 'commands' | 'ackSeconds'>;
  log: Logger;
}

export interface CommandDispatcher {
  /**
   * Takes one incoming Socket.IO event (`[name, ...args]`, the ack function last when the client
   * asked for one). Returns false when `name` is no command, leaving the event to others.
   */
  receive(socket: CommandSocket, event: readonly unknown[]): boolean;
  /** Handles one command; resolves once it is answered. */
  handle(socket: CommandSocket, name: CommandName, payload: unknown, ack: unknown): Promise<void>;
}

/**
 * The one way a command enters the server: role check, session check, payload validation, then
 * the handler; every outcome, including an unexpected failure, is answered with an Ack. One
 * dispatcher serves every socket, so a connection costs no closures per command.
 */
export function createCommandDispatcher(options: CommandDispatcherOptions): CommandDispatcher {
  const { inFlight, metrics, log } = options;
  // A Map, not the object: an event named `__proto__` or `toString` must find nothing.
  const handlers = new Map<string, CommandHandler<CommandName>>(
    Object.entries(options.handlers) as [CommandName, CommandHandler<CommandName>][],
  );
  // Made only when there is something to log: most sockets never log.
  const socketLog = (socket: CommandSocket) =>
    log.child({ socketId: socket.id, userId: socket.data.user.id });

  async function handle(
    socket: CommandSocket,
    name: CommandName,
    payload: unknown,
    ack: unknown,
  ): Promise<void> {
    const handler = handlers.get(name);
    if (!handler) return;
    if (typeof ack !== 'function') {
      socketLog(socket).warn({ command: name }, 'command without acknowledgement callback ignored');
      return;
    }
    const answer = ack as (result: Ack<CommandResult<CommandName>>) => void;
    const startedAt = performance.now();
    const reply = (result: Ack<CommandResult<CommandName>>) => {
      metrics?.commands.inc({ command: name, outcome: result.ok ? 'ok' : result.error.code });
      metrics?.ackSeconds.observe({ command: name }, (performance.now() - startedAt) / 1000);
      answer(result);
    };
    const definition = commands[name];
    const { user } = socket.data;
    await inFlight.track(async () => {
      try {
        if (!(definition.roles as readonly string[]).includes(user.role)) {
          throw new AppError('forbidden', `Your role (${user.role}) may not send ${name}.`);
        }
        // A session signed out elsewhere must not keep acting through an old socket.
        const current = await options.userForToken(socket.data.sessionToken);
        if (!current) {
          reply({
            ok: false,
            error: {
              code: 'unauthenticated',
              message: 'Your session has ended; please sign in again.',
            },
          });
          socket.disconnect(true);
          return;
        }
        const parsed = definition.payload.safeParse(payload);
        if (!parsed.success) throw invalidPayload(fieldsFromIssues(parsed.error.issues));
        const data = await handler(user, parsed.data as CommandPayload<CommandName>, socket);
        reply({ ok: true, data });
      } catch (error) {
        if (error instanceof AppError) {
          reply({ ok: false, error: error.toApiError() });
        } else {
          socketLog(socket).error({ err: error, command: name }, 'command failed');
          reply({
            ok: false,
            error: { code: 'internal', message: 'Something went wrong on our side.' },
          });
        }
      }
    });
  }

  return {
    handle,
    receive(socket, event) {
      const [name, payload, ack] = event;
      if (typeof name !== 'string' || !handlers.has(name)) return false;
      // As Socket.IO does for its own listeners: on the next tick, and not after a disconnect.
      process.nextTick(() => {
        if (socket.connected) void handle(socket, name as CommandName, payload, ack);
      });
      return true;
    },
  };
}
