/**
 * The offline outbox: what an agent submits (outcomes, replies, case commands) is written to
 * IndexedDB first, keyed by its command id, and sent from there in submission order, one at a
 * time, while the socket is connected. An entry leaves the outbox only after the server
 * acknowledged it; a lost or late ack, a dropped connection or a page reload keeps it, and the
 * command id makes the resend safe (the server answers the first result and acts once). A refusal
 * (`{ok: false}` with a business code) moves it to the failed list for the agent to see and
 * discard or send again; nothing is dropped silently.
 *
 * One outbox per signed-in user: entries carry the user id, and only the owner's session reads
 * or sends them.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { create } from 'zustand';
import type { CommandName, CommandPayload, CommandResult } from '../../shared/protocol/events';
import { AppError, isTransientError, toAppError, type AppErrorCode } from './app-error';

/** Commands that may wait in the outbox: each carries a `commandId` the server dedupes on. */
export const OUTBOX_COMMANDS = [
  'outcome:log',
  'message:send',
  'case:create',
  'case:transition',
  'case:extend',
  'case:pause',
  'case:resume',
  'case:hand-off',
  'case:acknowledge-hand-off',
  'case:return-hand-off',
] as const satisfies readonly CommandName[];
export type OutboxCommand = (typeof OUTBOX_COMMANDS)[number];

export type OutboxPayload<N extends OutboxCommand = OutboxCommand> = CommandPayload<N> & {
  commandId: string;
};

export interface OutboxEntry<N extends OutboxCommand = OutboxCommand> {
  commandId: string;
  userId: string;
  name: N;
  payload: OutboxPayload<N>;
  /** Client clock at submission; with `order`, the sending order. */
  submittedAt: number;
  order: number;
  status: 'pending' | 'failed';
  /** Sends tried so far (a resend after a lost ack counts). */
  attempts: number;
  /** Why the last attempt did not go through: transient for pending entries, the refusal for failed ones. */
  lastError: { code: AppErrorCode; message: string } | null;
}

export type CommandSender = <N extends OutboxCommand>(
  name: N,
  payload: OutboxPayload<N>,
) => Promise<CommandResult<N>>;

export interface OutboxOptions {
  userId: string;
  send: CommandSender;
  /** Whether the live connection is up; nothing is sent while it is not. */
  isConnected: () => boolean;
  /** Called once per acknowledged entry, with the server's result (after it left storage). */
  onAcked?: (entry: OutboxEntry, result: unknown) => void;
  /**
   * Called once per entry the server refused; `isAwaited` when a submit of this page is waiting
   * for it (the form that sent it shows the refusal), false for an entry from an earlier page.
   */
  onFailed?: (entry: OutboxEntry, error: AppError, isAwaited: boolean) => void;
  /** Wait before trying again after no answer while still connected. */
  retryDelayMs?: number;
  databaseName?: string;
}

export const OUTBOX_DATABASE = 'tanggap-outbox';
const STORE = 'entries' as const;
const DEFAULT_RETRY_DELAY_MS = 5_000;

interface OutboxDb extends DBSchema {
  entries: { key: string; value: OutboxEntry; indexes: { byUser: string } };
}

/** Where entries are kept: IndexedDB in the browser, memory when it cannot be opened. */
export interface OutboxStorage {
  put(entry: OutboxEntry): Promise<void>;
  delete(commandId: string): Promise<void>;
  entriesOf(userId: string): Promise<OutboxEntry[]>;
  close(): void;
}

export async function openIndexedDbStorage(name = OUTBOX_DATABASE): Promise<OutboxStorage> {
  const db: IDBPDatabase<OutboxDb> = await openDB<OutboxDb>(name, 1, {
    upgrade(upgrading) {
      const store = upgrading.createObjectStore(STORE, { keyPath: 'commandId' });
      store.createIndex('byUser', 'userId');
    },
  });
  return {
    put: async (entry) => {
      await db.put(STORE, entry);
    },
    delete: (commandId) => db.delete(STORE, commandId),
    entriesOf: (userId) => db.getAllFromIndex(STORE, 'byUser', userId),
    close: () => db.close(),
  };
}

/** Without IndexedDB (disabled, or a private window that refuses it): kept for this page only. */
export function memoryStorage(): OutboxStorage {
  const entries = new Map<string, OutboxEntry>();
  return {
    put: async (entry) => {
      entries.set(entry.commandId, entry);
    },
    delete: async (commandId) => {
      entries.delete(commandId);
    },
    entriesOf: async (userId) => [...entries.values()].filter((entry) => entry.userId === userId),
    close: () => undefined,
  };
}

/** What the screens read: this user's entries in sending order and the one on the wire. */
export interface OutboxView {
  userId: string | null;
  entries: OutboxEntry[];
  sendingId: string | null;
  /** False when entries live in memory only (no IndexedDB): a reload would lose them. */
  isDurable: boolean;
}

export const useOutboxStore = create<OutboxView>()(() => ({
  userId: null,
  entries: [],
  sendingId: null,
  isDurable: true,
}));

function inSendingOrder(entries: OutboxEntry[]): OutboxEntry[] {
  return [...entries].sort((a, b) => a.submittedAt - b.submittedAt || a.order - b.order);
}

interface Waiter {
  resolve: (result: unknown) => void;
  reject: (error: AppError) => void;
}

export class Outbox {
  private entries: OutboxEntry[] = [];
  private sendingId: string | null = null;
  private draining: Promise<void> | null = null;
  private isDrainRequested = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private isClosed = false;
  private nextOrder = 0;
  private readonly waiters = new Map<string, Waiter[]>();

  private constructor(
    private readonly db: OutboxStorage,
    private readonly options: OutboxOptions,
    private readonly isDurable: boolean,
  ) {}

  /**
   * Opens this user's outbox and loads what an earlier page left in it. `storage` defaults to
   * IndexedDB, falling back to memory when the browser refuses it.
   */
  static async open(options: OutboxOptions, storage?: OutboxStorage): Promise<Outbox> {
    let chosen = storage;
    let isDurable = true;
    if (chosen === undefined) {
      try {
        chosen = await openIndexedDbStorage(options.databaseName);
      } catch (error) {
        console.warn('[outbox] IndexedDB unavailable; keeping the outbox in memory', error);
        chosen = memoryStorage();
        isDurable = false;
      }
    }
    const outbox = new Outbox(chosen, options, isDurable);
    await outbox.reload();
    return outbox;
  }

  get userId(): string {
    return this.options.userId;
  }

  list(): OutboxEntry[] {
    return this.entries;
  }

  /**
   * Keeps the command durably, then sends it when it can. Resolves with the server's result once
   * acknowledged (in this page's life), rejects with the refusal; waits while disconnected. A
   * submit with the command id of a failed entry sends that entry again with the new payload.
   */
  submit<N extends OutboxCommand>(name: N, payload: OutboxPayload<N>): Promise<CommandResult<N>> {
    if (this.isClosed)
      return quietly(Promise.reject(new AppError('unauthenticated', 'signed out')));
    const existing = this.entries.find((entry) => entry.commandId === payload.commandId);
    const entry: OutboxEntry = {
      commandId: payload.commandId,
      userId: this.options.userId,
      name,
      payload: payload as OutboxPayload,
      submittedAt: existing?.submittedAt ?? Date.now(),
      order: existing?.order ?? this.nextOrder++,
      status: 'pending',
      attempts: existing?.attempts ?? 0,
      lastError: null,
    };
    const settled = new Promise<CommandResult<N>>((resolve, reject) => {
      const list = this.waiters.get(entry.commandId) ?? [];
      list.push({ resolve: resolve as (result: unknown) => void, reject });
      this.waiters.set(entry.commandId, list);
    });
    // Durable before anything is sent: a reload from here on still has it.
    this.db.put(entry).then(
      () => {
        this.replace(entry);
        void this.flush();
      },
      (error: unknown) => {
        this.settle(entry.commandId, (waiter) =>
          waiter.reject(
            new AppError('internal', 'could not keep it on this device', { cause: error }),
          ),
        );
      },
    );
    return quietly(settled);
  }

  /** Sends what is pending, in order, while connected. Safe to call at any time, often. */
  flush(): Promise<void> {
    if (this.isClosed) return Promise.resolve();
    if (this.draining) {
      this.isDrainRequested = true;
      return this.draining;
    }
    clearTimeout(this.retryTimer);
    const draining = this.drain()
      .catch((error: unknown) => {
        // Storage closed under us (sign-out) or failed: what is stored is sent next time.
        if (!this.isClosed) console.warn('[outbox] sending stopped', error);
      })
      .finally(() => {
        this.draining = null;
        if (this.isDrainRequested) {
          this.isDrainRequested = false;
          void this.flush();
        }
      });
    this.draining = draining;
    return draining;
  }

  /** A failed entry goes back to pending and is sent again (same command id). */
  async retry(commandId: string): Promise<void> {
    const entry = this.entries.find((held) => held.commandId === commandId);
    if (!entry || entry.status !== 'failed') return;
    const pending: OutboxEntry = { ...entry, status: 'pending', lastError: null };
    await this.db.put(pending);
    this.replace(pending);
    void this.flush();
  }

  /** The agent drops a failed entry; it is never sent. */
  async discard(commandId: string): Promise<void> {
    const entry = this.entries.find((held) => held.commandId === commandId);
    if (!entry || entry.status !== 'failed') return;
    await this.db.delete(commandId);
    this.remove(commandId);
  }

  /** Stops sending (sign-out). What is stored stays for the same user's next session. */
  close(): void {
    this.isClosed = true;
    clearTimeout(this.retryTimer);
    for (const list of this.waiters.values()) {
      for (const waiter of list) waiter.reject(new AppError('unauthenticated', 'signed out'));
    }
    this.waiters.clear();
    this.db.close();
  }

  /** Reads this user's entries from storage (another tab may have added some). */
  private async reload(): Promise<void> {
    const stored = await this.db.entriesOf(this.options.userId);
    this.entries = inSendingOrder(stored);
    this.nextOrder = Math.max(this.nextOrder, ...stored.map((entry) => entry.order + 1));
    this.publish();
  }

  private async drain(): Promise<void> {
    await this.reload();
    while (!this.isClosed && this.options.isConnected()) {
      const next = this.entries.find((entry) => entry.status === 'pending');
      if (next === undefined) return;
      const attempt: OutboxEntry = { ...next, attempts: next.attempts + 1 };
      await this.db.put(attempt);
      this.replace(attempt);
      this.setSending(attempt.commandId);
      let result: unknown;
      try {
        result = await this.options.send(attempt.name, attempt.payload);
      } catch (thrown) {
        this.setSending(null);
        const error = toAppError(thrown);
        if (this.isClosed) return;
        if (isTransientError(error) || error.code === 'unauthenticated') {
          // Not refused, just not answered: it stays first in line for the next try.
          const waiting: OutboxEntry = {
            ...attempt,
            lastError: { code: error.code, message: error.message },
          };
          await this.db.put(waiting);
          this.replace(waiting);
          if (this.options.isConnected() && error.code !== 'unauthenticated') {
            this.retryTimer = setTimeout(
              () => void this.flush(),
              this.options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS,
            );
          }
          return;
        }
        const failed: OutboxEntry = {
          ...attempt,
          status: 'failed',
          lastError: { code: error.code, message: error.message },
        };
        await this.db.put(failed);
        this.replace(failed);
        this.options.onFailed?.(failed, error, this.waiters.has(failed.commandId));
        this.settle(failed.commandId, (waiter) => waiter.reject(error));
        continue;
      }
      this.setSending(null);
      await this.db.delete(attempt.commandId);
      this.remove(attempt.commandId);
      this.options.onAcked?.(attempt, result);
      this.settle(attempt.commandId, (waiter) => waiter.resolve(result));
    }
  }

  private settle(commandId: string, each: (waiter: Waiter) => void): void {
    const list = this.waiters.get(commandId) ?? [];
    this.waiters.delete(commandId);
    for (const waiter of list) each(waiter);
  }

  private replace(entry: OutboxEntry): void {
    const others = this.entries.filter((held) => held.commandId !== entry.commandId);
    this.entries = inSendingOrder([...others, entry]);
    this.publish();
  }

  private remove(commandId: string): void {
    this.entries = this.entries.filter((held) => held.commandId !== commandId);
    this.publish();
  }

  private setSending(commandId: string | null): void {
    this.sendingId = commandId;
    this.publish();
  }

  private publish(): void {
    if (this.isClosed) return;
    useOutboxStore.setState({
      userId: this.options.userId,
      entries: this.entries,
      sendingId: this.sendingId,
      isDurable: this.isDurable,
    });
  }
}

let current: Promise<Outbox> | null = null;

/** Makes the outbox being opened the one the app submits to (null on sign-out). */
export function setCurrentOutbox(opening: Promise<Outbox> | null): void {
  current = opening;
  if (opening === null) {
    useOutboxStore.setState({ userId: null, entries: [], sendingId: null, isDurable: true });
  }
}

/** The signed-in user's outbox, once open; null when nobody is signed in. */
export function currentOutbox(): Promise<Outbox> | null {
  return current;
}

/** Submits through the signed-in user's outbox (waiting for it to open, right after sign-in). */
export function submitToOutbox<N extends OutboxCommand>(
  name: N,
  payload: OutboxPayload<N>,
): Promise<CommandResult<N>> {
  if (current === null) {
    return quietly(Promise.reject(new AppError('unauthenticated', 'nobody is signed in')));
  }
  return quietly(current.then((outbox) => outbox.submit(name, payload)));
}

/**
 * Marks a settlement as handled: a caller that does not wait for the answer (the reply box) must
 * not leave a refusal unhandled, since the agent learns of it through the failed list anyway.
 * Callers that do wait still see it.
 */
function quietly<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** The entry with this command id while it is in the outbox (pending or failed), else null. */
export function useOutboxEntry(commandId: string): OutboxEntry | null {
  return useOutboxStore(
    (state) => state.entries.find((entry) => entry.commandId === commandId) ?? null,
  );
}

/** This user's entries waiting to be sent (pending), and those the server refused (failed). */
export function countOutbox(entries: OutboxEntry[]): { pending: number; failed: number } {
  let pending = 0;
  let failed = 0;
  for (const entry of entries) {
    if (entry.status === 'pending') pending += 1;
    else failed += 1;
  }
  return { pending, failed };
}
