import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import type { Ack } from '../../shared/protocol/ack';
import type { User } from '../../shared/schemas/user';
import { AppError } from '../modules/app-error';
import {
  createCommandDispatcher,
  type CommandHandlers,
  type CommandSocket,
} from './command-dispatcher';
import { InFlight } from './in-flight';

const agent: User = {
  id: randomUUID(),
  username: 'agent1',
  displayName: 'Agen Satu',
  role: 'agent',
  isTrainee: false,
  teamId: null,
};
const lead: User = { ...agent, id: randomUUID(), username: 'lead1', role: 'lead' };

function fakeSocket(user: User): CommandSocket & { disconnect: ReturnType<typeof vi.fn> } {
  const socket = {
    id: `socket-${user.username}`,
    connected: true,
    data: { user, sessionToken: `token-${user.username}` },
    join: vi.fn(),
    leave: vi.fn(),
    disconnect: vi.fn(() => {
      socket.connected = false;
    }),
  };
  return socket;
}

function setUp(options: { sessionEnded?: boolean } = {}) {
  const logged: Record<string, unknown>[] = [];
  const log = pino(
    { level: 'debug' },
    { write: (line: string) => logged.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const inFlight = new InFlight();
  const setStatus = vi.fn(async (user: User, payload: { status: string }) => ({
    id: user.id,
    status: payload.status,
  }));
  const accept = vi.fn(async (): Promise<never> => {
    throw new Error('database on fire');
  });
  const metrics = { commands: { inc: vi.fn() }, ackSeconds: { observe: vi.fn() } };
  const userForToken = vi.fn(async (token: string) =>
    options.sessionEnded ? undefined : token === 'token-lead1' ? lead : agent,
  );
  const dispatcher = createCommandDispatcher({
    // Two commands are enough here: the type asks for every one.
    handlers: {
      'agent:set-status': setStatus,
      'offer:accept': accept,
      'offer:reject': async () => {
        throw new AppError('conflict', 'The offer has expired.');
      },
    } as unknown as CommandHandlers,
    userForToken,
    inFlight,
    metrics: metrics as never,
    log,
  });
  return { dispatcher, logged, inFlight, setStatus, accept, metrics, userForToken };
}

/** Sends one command with an acknowledgement callback and resolves with the answer. */
async function send(
  dispatcher: ReturnType<typeof setUp>['dispatcher'],
  socket: CommandSocket,
  name: Parameters<ReturnType<typeof setUp>['dispatcher']['handle']>[1],
  payload: unknown,
): Promise<Ack<unknown>> {
  let answer: Ack<unknown> | undefined;
  await dispatcher.handle(socket, name, payload, (result: Ack<unknown>) => (answer = result));
  if (!answer) throw new Error('no answer');
  return answer;
}

describe('command dispatcher', () => {
  it('given a valid command from an allowed role, then the handler answers it with ok and the parsed payload', async () => {
    const { dispatcher, setStatus, metrics } = setUp();
    const socket = fakeSocket(agent);
    const answer = await send(dispatcher, socket, 'agent:set-status', { status: 'available' });
    expect(answer).toEqual({ ok: true, data: { id: agent.id, status: 'available' } });
    expect(setStatus).toHaveBeenCalledWith(agent, { status: 'available' }, socket);
    expect(metrics.commands.inc).toHaveBeenCalledWith({
      command: 'agent:set-status',
      outcome: 'ok',
    });
    expect(metrics.ackSeconds.observe).toHaveBeenCalledOnce();
  });

  it('given a role the command does not allow, then it is refused as forbidden before anything runs', async () => {
    const { dispatcher, setStatus, userForToken, metrics } = setUp();
    const answer = await send(dispatcher, fakeSocket(lead), 'agent:set-status', {
      status: 'available',
    });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Your role (lead) may not send agent:set-status.' },
    });
    expect(setStatus).not.toHaveBeenCalled();
    expect(userForToken).not.toHaveBeenCalled();
    expect(metrics.commands.inc).toHaveBeenCalledWith({
      command: 'agent:set-status',
      outcome: 'forbidden',
    });
  });

  it('given a payload that does not fit the schema, then it is refused naming the bad field', async () => {
    const { dispatcher, accept } = setUp();
    const answer = await send(dispatcher, fakeSocket(agent), 'offer:accept', { offerId: 5 });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', fields: [{ path: 'offerId' }] },
    });
    expect(accept).not.toHaveBeenCalled();
  });

  it('given a session that ended, then the command is refused as unauthenticated and the socket closed', async () => {
    const { dispatcher, setStatus } = setUp({ sessionEnded: true });
    const socket = fakeSocket(agent);
    const answer = await send(dispatcher, socket, 'agent:set-status', { status: 'available' });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'unauthenticated', message: 'Your session has ended; please sign in again.' },
    });
    expect(socket.disconnect).toHaveBeenCalledWith(true);
    expect(setStatus).not.toHaveBeenCalled();
  });

  it('given a handler failing with an application error, then its code and message are answered', async () => {
    const { dispatcher, logged } = setUp();
    const answer = await send(dispatcher, fakeSocket(agent), 'offer:reject', {
      offerId: randomUUID(),
    });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'The offer has expired.' },
    });
    expect(logged.filter((line) => line.level === 50)).toEqual([]);
  });

  it('given a handler failing unexpectedly, then it answers internal and logs the error with the socket and user', async () => {
    const { dispatcher, logged, metrics } = setUp();
    const socket = fakeSocket(agent);
    const answer = await send(dispatcher, socket, 'offer:accept', { offerId: randomUUID() });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Something went wrong on our side.' },
    });
    expect(logged).toEqual([
      expect.objectContaining({
        level: 50,
        msg: 'command failed',
        command: 'offer:accept',
        socketId: socket.id,
        userId: agent.id,
        err: expect.objectContaining({ message: 'database on fire' }),
      }),
    ]);
    expect(metrics.commands.inc).toHaveBeenCalledWith({
      command: 'offer:accept',
      outcome: 'internal',
    });
  });

  it('given no acknowledgement callback, then the command is ignored with a warning', async () => {
    const { dispatcher, logged, setStatus, metrics } = setUp();
    const socket = fakeSocket(agent);
    await dispatcher.handle(socket, 'agent:set-status', { status: 'available' }, undefined);
    expect(setStatus).not.toHaveBeenCalled();
    expect(metrics.commands.inc).not.toHaveBeenCalled();
    expect(logged).toEqual([
      expect.objectContaining({
        level: 40,
        msg: 'command without acknowledgement callback ignored',
        command: 'agent:set-status',
        socketId: socket.id,
        userId: agent.id,
      }),
    ]);
  });

  it('while a handler runs, then the command counts as in flight', async () => {
    const { dispatcher, inFlight, setStatus } = setUp();
    let finish!: () => void;
    setStatus.mockImplementationOnce(
      (user) =>
        new Promise((resolve) => (finish = () => resolve({ id: user.id, status: 'available' }))),
    );
    const answered = send(dispatcher, fakeSocket(agent), 'agent:set-status', {
      status: 'available',
    });
    await vi.waitFor(() => expect(setStatus).toHaveBeenCalled());
    expect(inFlight.size).toBe(1);
    finish();
    expect(await answered).toMatchObject({ ok: true });
    expect(inFlight.size).toBe(0);
  });

  describe('receiving Socket.IO events', () => {
    it('given a command event, then it is taken and handled on a later tick', async () => {
      const { dispatcher, setStatus } = setUp();
      const ack = vi.fn();
      const taken = dispatcher.receive(fakeSocket(agent), [
        'agent:set-status',
        { status: 'available' },
        ack,
      ]);
      expect(taken).toBe(true);
      expect(setStatus).not.toHaveBeenCalled();
      await vi.waitFor(() =>
        expect(ack).toHaveBeenCalledWith(expect.objectContaining({ ok: true })),
      );
    });

    it('given an event that is no command, then it is left alone', () => {
      const { dispatcher } = setUp();
      for (const name of ['queue:state-changed', '__proto__', 'toString', 'constructor', 42]) {
        expect(dispatcher.receive(fakeSocket(agent), [name, {}, vi.fn()])).toBe(false);
      }
    });

    it('given the socket disconnects before the command is handled, then it is not handled', async () => {
      const { dispatcher, setStatus, userForToken } = setUp();
      const socket = fakeSocket(agent);
      const ack = vi.fn();
      dispatcher.receive(socket, ['agent:set-status', { status: 'available' }, ack]);
      socket.disconnect(true);
      await new Promise((resolve) => setImmediate(resolve));
      expect(userForToken).not.toHaveBeenCalled();
      expect(setStatus).not.toHaveBeenCalled();
      expect(ack).not.toHaveBeenCalled();
    });

    it('given extra arguments before the callback, then the command is ignored as unacknowledged', async () => {
      const { dispatcher, setStatus, logged } = setUp();
      dispatcher.receive(fakeSocket(agent), [
        'agent:set-status',
        { status: 'available' },
        'extra',
        vi.fn(),
      ]);
      await vi.waitFor(() => expect(logged).toHaveLength(1));
      expect(logged[0]).toMatchObject({ msg: 'command without acknowledgement callback ignored' });
      expect(setStatus).not.toHaveBeenCalled();
    });
  });
});
