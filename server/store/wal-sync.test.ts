import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { walSync } from './wal-sync';

let dir: string;
let walPath: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tanggap-wal-sync-'));
  walPath = path.join(dir, 'test.sqlite-wal');
  fs.writeFileSync(walPath, 'log');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A flush the test finishes by hand, counting how many were started. */
function manualFlush() {
  const started: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const flush = () =>
    new Promise<void>((resolve, reject) => {
      started.push({ resolve, reject });
    });
  return { started, flush };
}

describe('walSync', () => {
  it('flushes a real SQLite log', async () => {
    const file = path.join(dir, 'real.sqlite');
    const sqlite = new SqliteDatabase(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.exec('create table t (x integer)');
    sqlite.prepare('insert into t values (1)').run();
    const sync = walSync(`${file}-wal`);
    await expect(sync()).resolves.toBeUndefined();
    sync.close();
    sqlite.close();
  });

  it('starts one flush for a request made while none runs', async () => {
    const { started, flush } = manualFlush();
    const sync = walSync(walPath, flush);
    const done = sync();
    expect(started).toHaveLength(1);
    started[0]!.resolve();
    await done;
    sync.close();
  });

  it('folds the requests made during a flush into one flush that starts after it', async () => {
    const { started, flush } = manualFlush();
    const sync = walSync(walPath, flush);
    const first = sync();
    let areLaterDone = false;
    const later = Promise.all([sync(), sync(), sync()]).then(() => {
      areLaterDone = true;
    });
    expect(started).toHaveLength(1);
    started[0]!.resolve();
    await first;
    // The first flush may have missed their writes: they wait for the next one.
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(areLaterDone).toBe(false);
    expect(started).toHaveLength(2);
    started[1]!.resolve();
    await later;
    expect(started).toHaveLength(2);
    sync.close();
  });

  it('rejects the requests a failed flush was to cover, and flushes again on the next request', async () => {
    const { started, flush } = manualFlush();
    const sync = walSync(walPath, flush);
    const first = sync();
    started[0]!.reject(new Error('disk gone'));
    await expect(first).rejects.toThrow('disk gone');
    const second = sync();
    expect(started).toHaveLength(2);
    started[1]!.resolve();
    await expect(second).resolves.toBeUndefined();
    sync.close();
  });

  it('has nothing to flush before the first commit made the log, and flushes it once it exists', async () => {
    const { started, flush } = manualFlush();
    const laterPath = path.join(dir, 'later.sqlite-wal');
    const sync = walSync(laterPath, flush);
    await expect(sync()).resolves.toBeUndefined();
    expect(started).toHaveLength(0);
    fs.writeFileSync(laterPath, 'log');
    const done = sync();
    expect(started).toHaveLength(1);
    started[0]!.resolve();
    await done;
    sync.close();
  });

  it('rejects when the log cannot be opened', async () => {
    // A path under a file: ENOTDIR, not a log that is merely not written yet.
    const sync = walSync(path.join(walPath, 'missing-wal'));
    await expect(sync()).rejects.toThrow(/ENOTDIR/);
  });
});
