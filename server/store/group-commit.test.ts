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
