import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from './app-error';
import {
  Outbox,
  countOutbox,
  useOutboxStore,
  type CommandSender,
  type OutboxEntry,
  type OutboxOptions,
} from './outbox';

let databaseCount = 0;
const opened: Outbox[] = [];

function reply(text: string, contactId = 'c-1') {
  return { commandId: crypto.randomUUID(), contactId, text };
}

/** A fake server: records what it was sent and answers each command by the script given. */
function fakeSender(answer: (name: string, payload: { commandId: string }) => unknown) {
  const sent: { name: string; commandId: string }[] = [];
  const send = vi.fn(async (name: string, payload: { commandId: string }) => {
    sent.push({ name, commandId: payload.commandId });
    const answered = answer(name, payload);
    if (answered instanceof Error) throw answered;
    return answered;
  });
  return { send: send as unknown as CommandSender, sent };
}

async function openOutbox(
  options: Partial<OutboxOptions> & Pick<OutboxOptions, 'send' | 'isConnected'>,
  databaseName: string,
) {
  const outbox = await Outbox.open({ userId: 'u-agent1', databaseName, ...options });
  opened.push(outbox);
  return outbox;
}

function freshDatabase(): string {
  databaseCount += 1;
  return `outbox-test-${databaseCount}`;
}

afterEach(() => {
  for (const outbox of opened.splice(0)) outbox.close();
});

describe('the outbox', () => {
  it('keeps what is submitted offline as pending, then sends it once on reconnect and removes it', async () => {
    let isConnected = false;
    const server = fakeSender((_name, payload) => ({ id: `m-${payload.commandId}` }));
    const acked = vi.fn();
    const outbox = await openOutbox(
      { send: server.send, isConnected: () => isConnected, onAcked: acked },
      freshDatabase(),
    );

    const payload = reply('Baik, kami cek dulu ya Bu.');
    const settled = outbox.submit('message:send', payload);
    await vi.waitFor(() => expect(outbox.list()).toHaveLength(1));
    expect(server.sent).toEqual([]);
    expect(outbox.list()[0]).toMatchObject({
      status: 'pending',
      attempts: 0,
      name: 'message:send',
    });
    expect(countOutbox(useOutboxStore.getState().entries)).toEqual({ pending: 1, failed: 0 });

    isConnected = true;
    await outbox.flush();
    await outbox.flush();
    expect(server.sent).toEqual([{ name: 'message:send', commandId: payload.commandId }]);
    expect(outbox.list()).toEqual([]);
    expect(useOutboxStore.getState().entries).toEqual([]);
    expect(acked).toHaveBeenCalledTimes(1);
    await expect(settled).resolves.toEqual({ id: `m-${payload.commandId}` });
  });

  it('survives a reload: a new outbox on the same storage has the entries and sends them', async () => {
    const databaseName = freshDatabase();
    const offline = fakeSender(() => ({}));
    const before = await openOutbox({ send: offline.send, isConnected: () => false }, databaseName);
    const first = reply('Pertama');
    const second = reply('Kedua');
    void before.submit('message:send', first);
    void before.submit('message:send', second);
    await vi.waitFor(() => expect(before.list()).toHaveLength(2));
    before.close();

    const server = fakeSender(() => ({}));
    const after = await openOutbox({ send: server.send, isConnected: () => true }, databaseName);
    expect(after.list().map((entry) => entry.payload.commandId)).toEqual([
      first.commandId,
      second.commandId,
    ]);
    await after.flush();
    expect(server.sent.map((s) => s.commandId)).toEqual([first.commandId, second.commandId]);
    expect(after.list()).toEqual([]);
    expect(offline.sent).toEqual([]);
  });

  it('sends in submission order and resends the same command id after no answer, never skipping ahead', async () => {
    let isFirstTry = true;
    const server = fakeSender((_name, payload) => {
      if (payload.commandId === outcome.commandId && isFirstTry) {
        isFirstTry = false;
        return new AppError('timeout', 'no answer');
      }
      return { ok: payload.commandId };
    });
    let isConnected = false;
    const outbox = await openOutbox(
      { send: server.send, isConnected: () => isConnected, retryDelayMs: 60_000 },
      freshDatabase(),
    );
    const outcome = {
      commandId: crypto.randomUUID(),
      contactId: 'c-1',
      wrapupCode: 'answered',
      notes: 'Catatan',
    };
    const later = reply('Sesudahnya', 'c-2');
    void outbox.submit('outcome:log', outcome);
    await vi.waitFor(() => expect(outbox.list()).toHaveLength(1));
    void outbox.submit('message:send', later);
    await vi.waitFor(() => expect(outbox.list()).toHaveLength(2));
    isConnected = true;
    await outbox.flush();
    expect(server.sent.map((s) => s.commandId)).toEqual([outcome.commandId]);
    // No answer to the first: the second waits behind it.
    expect(outbox.list().map((entry) => [entry.name, entry.status])).toEqual([
      ['outcome:log', 'pending'],
      ['message:send', 'pending'],
    ]);
    expect(outbox.list()[0]).toMatchObject({ attempts: 1, lastError: { code: 'timeout' } });

    await outbox.flush();
    expect(server.sent.map((s) => s.commandId)).toEqual([
      outcome.commandId,
      outcome.commandId,
      later.commandId,
    ]);
    expect(outbox.list()).toEqual([]);
  });

  it('moves a refused command to the failed list, tells the agent, and goes on with the next', async () => {
    const server = fakeSender((name) =>
      name === 'outcome:log'
        ? new AppError('conflict', 'This conversation is already closed.')
        : {},
    );
    const failed = vi.fn();
    const acked = vi.fn();
    let isConnected = false;
    const outbox = await openOutbox(
      { send: server.send, isConnected: () => isConnected, onFailed: failed, onAcked: acked },
      freshDatabase(),
    );
    const outcome = {
      commandId: crypto.randomUUID(),
      contactId: 'c-1',
      wrapupCode: 'answered',
      notes: '',
    };
    const settled = outbox.submit('outcome:log', outcome);
    void outbox.submit('message:send', reply('Balasan lain', 'c-2'));
    await vi.waitFor(() => expect(outbox.list()).toHaveLength(2));

    isConnected = true;
    await outbox.flush();
    await expect(settled).rejects.toMatchObject({ code: 'conflict' });
    expect(failed).toHaveBeenCalledTimes(1);
    expect(acked).toHaveBeenCalledTimes(1);
    const [entry] = outbox.list();
    expect(entry).toMatchObject<Partial<OutboxEntry>>({
      commandId: outcome.commandId,
      status: 'failed',
      lastError: { code: 'conflict', message: 'This conversation is already closed.' },
    });
    expect(countOutbox(useOutboxStore.getState().entries)).toEqual({ pending: 0, failed: 1 });

    // Never resent by itself...
    await outbox.flush();
    expect(server.sent.filter((s) => s.name === 'outcome:log')).toHaveLength(1);
    // ...only when the agent asks; and discarding drops it for good.
    await outbox.retry(outcome.commandId);
    await outbox.flush();
    expect(server.sent.filter((s) => s.name === 'outcome:log')).toHaveLength(2);
    expect(outbox.list()[0]?.status).toBe('failed');
    await outbox.discard(outcome.commandId);
    expect(outbox.list()).toEqual([]);
  });

  it('keeps one user\u2019s entries from another user\u2019s session on the same device', async () => {
    const databaseName = freshDatabase();
    const offline = fakeSender(() => ({}));
    const agent1 = await openOutbox({ send: offline.send, isConnected: () => false }, databaseName);
    void agent1.submit('message:send', reply('Milik agent1'));
    await vi.waitFor(() => expect(agent1.list()).toHaveLength(1));
    agent1.close();

    const server = fakeSender(() => ({}));
    const agent2 = await Outbox.open({
      userId: 'u-agent2',
      databaseName,
      send: server.send,
      isConnected: () => true,
    });
    opened.push(agent2);
    await agent2.flush();
    expect(agent2.list()).toEqual([]);
    expect(server.sent).toEqual([]);

    const back = await openOutbox({ send: server.send, isConnected: () => true }, databaseName);
    expect(back.list()).toHaveLength(1);
  });
});
