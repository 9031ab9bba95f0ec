/**
 * Parent ↔ child messages for the bench's server processes (over the Node IPC channel of `fork`).
 * Every request carries an id; the child answers with the same id.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));

export interface Request {
  id: number;
  type: string;
  [key: string]: unknown;
}

export interface Reply {
  id: number;
  ok: boolean;
  error?: string;
  [key: string]: unknown;
}

/**
 * Answers requests in a child process. `stop` runs `cleanUp` and ends the process after the
 * reply; a lost parent (IPC closed) runs `cleanUp` too, so no child outlives the bench.
 */
export function serveRequests(
  handle: (request: Request) => Promise<Record<string, unknown>>,
  cleanUp: () => Promise<void>,
): void {
  let cleaning: Promise<void> | undefined;
  const cleanUpOnce = () => (cleaning ??= cleanUp().catch(() => undefined));
  process.on('message', (message: Request) => {
    const work = message.type === 'stop' ? cleanUpOnce().then(() => ({})) : handle(message);
    work
      .then((result) => ({ ...result, id: message.id, ok: true }))
      .catch((error: unknown) => ({
        id: message.id,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      }))
      .then((reply) => {
        if (!process.connected) return;
        process.send?.(reply, undefined, {}, () => {
          if (message.type === 'stop') process.exit(0);
        });
      });
  });
  process.on('disconnect', () => {
    void cleanUpOnce().finally(() => process.exit(0));
  });
  // Bounded no matter what: a bench child never lives longer than ten minutes.
  setTimeout(() => {
    void cleanUpOnce().finally(() => process.exit(3));
  }, 10 * 60_000).unref();
}

/** The child's first message: it is listening (or failed to start). */
export function reportReady(body: Record<string, unknown>): void {
  process.send?.({ ...body, type: 'ready', ok: true });
}

export interface ChildHandle {
  readonly process: ChildProcess;
  /** The first message the child sent (its `ready` report). */
  readonly ready: Record<string, unknown>;
  request(type: string, body?: Record<string, unknown>, timeoutMs?: number): Promise<Reply>;
  /** Asks the child to stop, then waits for it to exit (killing it after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
  /** Lines the child wrote to stdout or stderr (its logs), counted; the first few are kept. */
  logs: { count: number; first: string[] };
}

/**
 * Starts `bench/<script>` in its own Node process under tsx, with the IPC channel. Resolves when
 * the child sends its first message; rejects if it exits or stays silent past `startTimeoutMs`.
 */
export function startChild(
  script: string,
  options: {
    env?: Record<string, string>;
    args?: string[];
    execArgv?: string[];
    startTimeoutMs?: number;
  } = {},
): Promise<ChildHandle> {
  const child = fork(path.join(BENCH_DIR, script), options.args ?? [], {
    execArgv: ['--import', 'tsx', '--expose-gc', ...(options.execArgv ?? [])],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const logs = { count: 0, first: [] as string[] };
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      // The child's own announcements are not server logs.
      if (!line.trim() || line.startsWith('[bench]')) continue;
      logs.count += 1;
      if (logs.first.length < 20) logs.first.push(line.slice(0, 500));
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (reply: Reply) => void; reject: (e: Error) => void }
  >();
  let exited = false;
  // A send on a closed channel reports here; the request then fails by its own timeout or exit.
  child.on('error', (error) => {
    logs.count += 1;
    if (logs.first.length < 20) logs.first.push(`[ipc] ${error.message}`);
  });
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', (code, signal) => {
    exited = true;
    for (const waiter of pending.values()) {
      waiter.reject(
        new Error(
          `${script} exited (code ${code}, signal ${signal}):\n${logs.first.slice(-10).join('\n')}`,
        ),
      );
    }
    pending.clear();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${script} did not start within ${options.startTimeoutMs ?? 60_000} ms: ${logs.first.join('\n')}`,
        ),
      );
    }, options.startTimeoutMs ?? 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(
        new Error(`${script} exited before it was ready (code ${code}):\n${logs.first.join('\n')}`),
      );
    });
    child.once('message', (first: Record<string, unknown>) => {
      clearTimeout(timer);
      if (first.ok === false) {
        child.kill('SIGKILL');
        reject(new Error(`${script} failed to start: ${String(first.error)}`));
        return;
      }
      child.on('message', (message: Reply) => {
        const waiter = pending.get(message.id);
        if (!waiter) return;
        pending.delete(message.id);
        waiter.resolve(message);
      });
      const handle: ChildHandle = {
        process: child,
        ready: first,
        logs,
        request(type, body = {}, timeoutMs = 60_000) {
          if (exited || !child.connected) {
            return Promise.reject(
              new Error(`${script} has exited:\n${logs.first.slice(-10).join('\n')}`),
            );
          }
          const id = nextId++;
          return new Promise<Reply>((resolveReply, rejectReply) => {
            const requestTimer = setTimeout(() => {
              pending.delete(id);
              rejectReply(new Error(`${script}: no answer to ${type} within ${timeoutMs} ms`));
            }, timeoutMs);
            pending.set(id, {
              resolve: (reply) => {
                clearTimeout(requestTimer);
                if (reply.ok) resolveReply(reply);
                else rejectReply(new Error(`${script} ${type} failed: ${reply.error}`));
              },
              reject: (error) => {
                clearTimeout(requestTimer);
                rejectReply(error);
              },
            });
            child.send({ ...body, id, type });
          });
        },
        async stop(graceMs = 15_000) {
          if (exited) return;
          await handle.request('stop', {}, graceMs).catch(() => undefined);
          const killTimer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          if (child.connected) child.disconnect();
          await exitedPromise;
          clearTimeout(killTimer);
        },
      };
      resolve(handle);
    });
  });
}
