import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommitDriver, groupCommitDialect } from './group-commit';

interface TestDb {
  items: { id: string; parent_id: string | null };
}

/** A real SQLite file, and a second connection to it that sees only what was committed. */
let dir: string;
let driver: GroupCommitDriver;
let db: Kysely<TestDb>;
let observer: SqliteDatabase.Database;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tanggap-group-commit-'));
  const file = path.join(dir, 'test.sqlite');
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  driver = new GroupCommitDriver(sqlite, (text) => sqlite.prepare(text));
  db = new Kysely<TestDb>({ dialect: groupCommitDialect(driver) });
  // A deferred foreign key is checked at COMMIT only: the way to make a batch's commit fail.
  await sql`create table items (
    id text primary key,
    parent_id text references items(id) deferrable initially deferred
  )`.execute(db);
  observer = new SqliteDatabase(file, { readonly: true });
});

afterEach(async () => {
  observer.close();
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

function committedIds(): string[] {
  return (observer.prepare('select id from items order by id').all() as { id: string }[]).map(
    (row) => row.id,
  );
}

function insert(id: string, parentId: string | null = null) {
  return (trx: Kysely<TestDb>) =>
    trx.insertInto('items').values({ id, parent_id: parentId }).execute();
}

describe('GroupCommitDriver', () => {
  it('commits the transactions of one turn together, each answered once committed', async () => {
    const before = { ...driver.stats };
    const seenOnAnswer: string[][] = [];
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((id) =>
        db
          .transaction()
          .execute(insert(id))
          .then(() => seenOnAnswer.push(committedIds())),
      ),
    );
    // Every answer came after the commit that holds all four.
    for (const seen of seenOnAnswer) expect(seen).toEqual(['a', 'b', 'c', 'd']);
    expect(driver.stats.transactions - before.transactions).toBe(4);
    expect(driver.stats.commits - before.commits).toBe(1);
  });

  it('rolls back only the failing transaction of a batch', async () => {
    const failure = new Error('on purpose');
    const results = await Promise.allSettled([
      db.transaction().execute(insert('kept-1')),
      db.transaction().execute(async (trx) => {
        await insert('dropped')(trx);
        throw failure;
      }),
      db.transaction().execute(insert('kept-2')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(committedIds()).toEqual(['kept-1', 'kept-2']);
  });

  it('answers every transaction of a batch with an error when its commit fails, keeping none', async () => {
    const results = await Promise.allSettled([
      db.transaction().execute(insert('fine')),
      // Released as a savepoint, refused at COMMIT: no such parent.
      db.transaction().execute(insert('orphan', 'nobody')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(committedIds()).toEqual([]);
    // The next batch works again.
    await db.transaction().execute(insert('after'));
    expect(committedIds()).toEqual(['after']);
  });

  it('makes a write outside a transaction wait for the open batch, and commits it with it', async () => {
    let isWriteAnswered = false;
    let seenOnAnswer: string[] = [];
    const transaction = db.transaction().execute(insert('in-transaction'));
    const write = insert('outside')(db).then(() => {
      isWriteAnswered = true;
      seenOnAnswer = committedIds();
    });
    await Promise.resolve();
    expect(isWriteAnswered).toBe(false);
    await Promise.all([transaction, write]);
    expect(seenOnAnswer).toEqual(['in-transaction', 'outside']);
  });

  it('commits a write outside any batch at once', async () => {
    const before = driver.stats.commits;
    await insert('alone')(db);
    expect(committedIds()).toEqual(['alone']);
    expect(driver.stats.commits).toBe(before);
  });

  it('lets reads go on while a batch waits for its commit', async () => {
    await db.transaction().execute(insert('first'));
    const pending = db.transaction().execute(insert('second'));
    const rows = await db.selectFrom('items').select('id').orderBy('id').execute();
    expect(rows.map((row) => row.id)).toContain('first');
    await pending;
    expect(committedIds()).toEqual(['first', 'second']);
  });
});

describe('GroupCommitDriver with the flush off the event loop', () => {
  interface Flush {
    resolve: () => void;
    reject: (error: Error) => void;
  }
  let flushes: Flush[];
  let flushingDb: Kysely<TestDb>;
  let flushingDir: string;

  beforeEach(async () => {
    flushingDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tanggap-group-commit-flush-'));
    const sqlite = new SqliteDatabase(path.join(flushingDir, 'test.sqlite'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    flushes = [];
    const sync = () => new Promise<void>((resolve, reject) => flushes.push({ resolve, reject }));
    const flushingDriver = new GroupCommitDriver(sqlite, (text) => sqlite.prepare(text), sync);
    flushingDb = new Kysely<TestDb>({ dialect: groupCommitDialect(flushingDriver) });
    const creating = sql`create table items (id text primary key, parent_id text)`.execute(
      flushingDb,
    );
    await until(() => flushes.length === 1);
    flushes.shift()!.resolve();
    await creating;
  });

  afterEach(async () => {
    const destroying = flushingDb.destroy();
    // Closing waits for a last flush.
    await until(() => flushes.length > 0);
    for (const flush of flushes.splice(0)) flush.resolve();
    await destroying;
    fs.rmSync(flushingDir, { recursive: true, force: true });
  });

  async function until(condition: () => boolean): Promise<void> {
    for (let turn = 0; turn < 100 && !condition(); turn++) {
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    expect(condition()).toBe(true);
  }

  it('answers a batch only once its commit is flushed', async () => {
    let isAnswered = false;
    const transaction = flushingDb
      .transaction()
      .execute(insert('a'))
      .then(() => {
        isAnswered = true;
      });
    await until(() => flushes.length === 1);
    expect(isAnswered).toBe(false);
    flushes.shift()!.resolve();
    await transaction;
    expect(isAnswered).toBe(true);
  });

  it('lets the next batch commit while the last one is being flushed', async () => {
    const first = flushingDb.transaction().execute(insert('first'));
    await until(() => flushes.length === 1);
    const second = flushingDb.transaction().execute(insert('second'));
    await until(() => flushes.length === 2);
    for (const flush of flushes.splice(0)) flush.resolve();
    await Promise.all([first, second]);
  });

  it('answers every transaction of the batch with an error when the flush fails', async () => {
    const results = Promise.allSettled([
      flushingDb.transaction().execute(insert('x')),
      flushingDb.transaction().execute(insert('y')),
    ]);
    await until(() => flushes.length === 1);
    flushes.shift()!.reject(new Error('disk gone'));
    expect((await results).map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });

  it('answers a write outside any batch only once it is flushed', async () => {
    let isAnswered = false;
    const write = insert('alone')(flushingDb).then(() => {
      isAnswered = true;
    });
    await until(() => flushes.length === 1);
    expect(isAnswered).toBe(false);
    flushes.shift()!.resolve();
    await write;
    expect(isAnswered).toBe(true);
  });
});
