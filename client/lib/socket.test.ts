import { io } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aContact, anAgentView } from '../testing/fixtures';
import { AppError } from './app-error';
import {
  connectSocket,
  disconnectSocket,
  sendCommand,
  subscribeToConnection,
  subscribeToFacts,
  type ConnectionEvent,
  type FactEvent,
} from './socket';

vi.mock('socket.io-client', () => ({ io: vi.fn() }));

type Handler = (...args: unknown[]) => void;

/** Just enough of a socket.io client socket to drive lib/socket.ts. */
class FakeSocket {
  connected = false;
  active = false;
  recovered = false;
  handlers = new Map<string, Handler[]>();
  anyHandler: Handler | null = null;
  emitWithAck = vi.fn<(event: string, payload: unknown) => Promise<unknown>>();
  lastTimeoutMs: number | null = null;

  on(event: string, handler: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  once(event: string, handler: Handler) {
    return this.on(event, handler);
  }
  off(event: string, handler: Handler) {
    this.handlers.set(
      event,
      (this.handlers.get(event) ?? []).filter((h) => h !== handler),
    );
    return this;
  }
  onAny(handler: Handler) {
    this.anyHandler = handler;
    return this;
  }
  offAny() {
    this.anyHandler = null;
    return this;
  }
  removeAllListeners() {
    this.handlers.clear();
    return this;
  }
  connect() {
    this.active = true;
    return this;
  }
  disconnect() {
    this.connected = false;
    this.active = false;
    return this;
  }
  timeout(ms: number) {
    this.lastTimeoutMs = ms;
    return { emitWithAck: this.emitWithAck };
  }
  fire(event: string, ...args: unknown[]) {
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }
  serverConnects() {
    this.connected = true;
    this.fire('connect');
  }
}

let fake: FakeSocket;

beforeEach(() => {
  fake = new FakeSocket();
  vi.mocked(io).mockReturnValue(fake as never);
});

afterEach(() => {
  disconnectSocket();
  vi.useRealTimers();
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('sendCommand', () => {
  it('resolves with the acknowledged, schema-checked result', async () => {
    connectSocket();
    fake.serverConnects();
    const view = anAgentView({ status: 'break' });
    fake.emitWithAck.mockResolvedValue({ ok: true, data: view });
    await expect(sendCommand('agent:set-status', { status: 'break' })).resolves.toEqual(view);
    expect(fake.emitWithAck).toHaveBeenCalledWith('agent:set-status', { status: 'break' });
  });

  it('rejects with the server code and message on { ok: false }', async () => {
    connectSocket();
    fake.serverConnects();
    fake.emitWithAck.mockResolvedValue({
      ok: false,
      error: { code: 'conflict', message: 'offer expired' },
    });
    const error = await failure(sendCommand('offer:accept', { offerId: 'o-1' }));
    expect(error).toMatchObject({ code: 'conflict', message: 'offer expired' });
  });

  it('rejects with timeout when no ack comes in time', async () => {
    connectSocket();
    fake.serverConnects();
    fake.emitWithAck.mockRejectedValue(new Error('operation has timed out'));
    const error = await failure(
      sendCommand('offer:reject', { offerId: 'o-1' }, { timeoutMs: 500 }),
    );
    expect(error.code).toBe('timeout');
    expect(fake.lastTimeoutMs).toBeLessThanOrEqual(500);
  });

  it('rejects a result that breaks the contract', async () => {
    connectSocket();
    fake.serverConnects();
    fake.emitWithAck.mockResolvedValue({ ok: true, data: { offerId: 42 } });
    const error = await failure(sendCommand('offer:reject', { offerId: 'o-1' }));
    expect(error.code).toBe('bad_response');
  });

  it('waits for the connection, then sends', async () => {
    connectSocket();
    fake.emitWithAck.mockResolvedValue({ ok: true, data: { offerId: 'o-1' } });
    const pending = sendCommand('offer:reject', { offerId: 'o-1' });
    expect(fake.emitWithAck).not.toHaveBeenCalled();
    fake.serverConnects();
    await expect(pending).resolves.toEqual({ offerId: 'o-1' });
  });

  it('gives up with network when no connection comes', async () => {
    vi.useFakeTimers();
    connectSocket();
    const pending = failure(sendCommand('offer:reject', { offerId: 'o-1' }, { timeoutMs: 1000 }));
    await vi.advanceTimersByTimeAsync(1001);
    expect((await pending).code).toBe('network');
    expect(fake.emitWithAck).not.toHaveBeenCalled();
  });

  it('fails at once when signed out (no socket)', async () => {
    const error = await failure(sendCommand('offer:reject', { offerId: 'o-1' }));
    expect(error.code).toBe('network');
  });
});

describe('facts and connection events', () => {
  it('passes on valid facts and drops malformed ones', () => {
    const received: FactEvent[] = [];
    const unsubscribe = subscribeToFacts((event) => received.push(event));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    connectSocket();
    fake.anyHandler?.('conversation:updated', aContact());
    fake.anyHandler?.('conversation:updated', { id: 'broken' });
    fake.anyHandler?.('not-a-fact', {});
    unsubscribe();
    expect(received).toHaveLength(1);
    expect(received[0]?.name).toBe('conversation:updated');
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('reports a reconnect as such, and a refusal by the server', () => {
    const events: ConnectionEvent[] = [];
    const unsubscribe = subscribeToConnection((event) => events.push(event));
    connectSocket();
    fake.serverConnects();
    fake.fire('disconnect', 'transport close');
    fake.serverConnects();
    fake.active = false;
    fake.fire('connect_error', new Error('unauthenticated'));
    unsubscribe();
    expect(events).toEqual([
      { type: 'connecting' },
      { type: 'connected', isReconnect: false, isRecovered: false },
      { type: 'disconnected', reason: 'transport close' },
      { type: 'connected', isReconnect: true, isRecovered: false },
      { type: 'refused', message: 'unauthenticated' },
    ]);
  });
});
