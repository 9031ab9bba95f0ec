import fs from 'node:fs';

/** Makes everything committed so far durable; resolves once it is on disk. */
export type WalSync = () => Promise<void>;

/**
 * Flushes an SQLite write-ahead log to disk off the event loop. With `synchronous = NORMAL` a
 * COMMIT only writes the log (a fast write to the page cache) and leaves the flush to us:
 * `fdatasync` on libuv's thread pool instead of the fsync `synchronous = FULL` does inside COMMIT,
 * which held the event loop 0.3–17 ms per commit on this machine. Checkpoints still flush the log
 * and the database themselves (NORMAL keeps them safe), so the file never goes inconsistent; what
 * a power cut could take is only commits not yet flushed here, and nobody was answered for those.
 *
 * Requests that arrive while a flush runs share the next one, which starts after it: a flush
 * covers every write made before it began, so each request is covered by one that began after
 * its commit.
 */
export function walSync(walPath: string, flush = fdatasync): WalSync & { close(): void } {
  let fd: number | undefined;
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;

  const start = (): Promise<void> => {
    let flushing: Promise<void>;
    try {
      // The log exists from the first commit on and keeps its inode until the last connection
      // closes. Before that (a fresh database that only ran statements writing nothing, such as
      // a pragma) nothing was committed to it, so there is nothing to flush.
      fd ??= openIfWritten(walPath);
      flushing = fd === undefined ? Promise.resolve() : flush(fd);
    } catch (error) {
      flushing = Promise.reject(error);
    }
    flushing = flushing.finally(() => {
      if (running === flushing) running = undefined;
    });
    running = flushing;
    return flushing;
  };

  const sync = (): Promise<void> => {
    if (!running) return start();
    next ??= running
      .catch(() => undefined)
      .then(() => {
        next = undefined;
        return start();
      });
    return next;
  };

  return Object.assign(sync, {
    close(): void {
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
    },
  });
}

function openIfWritten(walPath: string): number | undefined {
  try {
    return fs.openSync(walPath, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function fdatasync(fd: number): Promise<void> {
  return new Promise((resolve, reject) => {
    fs.fdatasync(fd, (error) => (error ? reject(error) : resolve()));
  });
}
