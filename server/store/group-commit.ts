import type SqliteDatabase from 'better-sqlite3';
import type { WalSync } from './wal-sync';
import {
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

/** Prepares (or finds prepared) the statement for a text; see `reusingStatements` in database.ts. */
export type StatementSource = (text: string) => SqliteDatabase.Statement;

/** What the driver did, for tests and the bench. */
export interface GroupCommitStats {
  /** Transactions the services ran (each answered only once its batch was committed). */
  transactions: number;
  /** Physical commits, each followed by a flush of the log to disk (see wal-sync.ts). */
  commits: number;
}

interface Batch {
  durable: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
  openedAt: number;
  transactions: number;
}

/** A batch is committed even with others queued once it is this old or holds this many. */
const BATCH_MAX_AGE_MS = 10;
const BATCH_MAX_TRANSACTIONS = 200;

/** One use of the one SQLite connection: a transaction, or a statement outside any. */
class Lease implements DatabaseConnection {
  isInTransaction = false;
  /** True once the connection went back before this lease ended (see `commitTransaction`). */
  isReturned = false;

  constructor(private readonly driver: GroupCommitDriver) {}

  executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.execute<R>(this, compiledQuery);
  }

  // eslint-disable-next-line require-yield -- nothing here streams (see reusingStatements)
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not used with SQLite here');
  }
}

/**
 * Group commit for SQLite: every commit costs a flush of the log to disk (0.3–17 ms on this
 * machine's shared disk), and at 100 contacts/s the services commit 500–600 transactions a second.
 * Here transactions queued for the one connection share one physical transaction: each service
 * transaction is a savepoint in it, released (or rolled back to) when it ends, and the physical
 * COMMIT runs once the current turn of the event loop is over (or at once when the batch is 10 ms
 * old or 200 transactions long). Under load the commands read in one turn, and the offers of one
 * routing pass, commit together. The flush after the COMMIT runs off the event loop (`sync`, see
 * wal-sync.ts), while the next batch goes on. A service's `transaction().execute()` resolves only
 * once its batch is committed and flushed, so nothing is acknowledged before it is durable; if the
 * COMMIT fails, every transaction of the batch rejects and none of them is kept. A write outside
 * any transaction while a batch is open joins it and waits for it the same way; with no batch open
 * it commits at once and waits for its flush.
 *
 * What is given up: between a transaction's end and its batch's flush, reads on this node already
 * see its writes. Should that COMMIT or flush then fail (a full or failing disk), a fact published
 * from such a read may mention a change that was not kept; the commands that made it are answered
 * with an error.
 */
export class GroupCommitDriver implements Driver {
  readonly stats: GroupCommitStats = { transactions: 0, commits: 0 };
  private isHeld = false;
  /** First come, first served: a batch's COMMIT waits behind the transactions queued before it. */
  private readonly waiting: (() => void)[] = [];
  private batch: Batch | undefined;
  private isFlushScheduled = false;

  /**
   * @param sync makes what is committed durable; answers wait for it. The default suits a
   * connection that flushes inside COMMIT (`synchronous = FULL`) or keeps nothing (`:memory:`).
   */
  constructor(
    private readonly sqlite: SqliteDatabase.Database,
    private readonly statement: StatementSource,
    private readonly sync: WalSync = () => Promise.resolve(),
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.isHeld) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.isHeld = true;
    return new Lease(this);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    if (!lease.isReturned) this.unlock(lease);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    const batch = this.openBatch();
    this.run('savepoint logical');
    lease.isInTransaction = true;
    batch.transactions += 1;
    this.stats.transactions += 1;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    this.run('release logical');
    lease.isInTransaction = false;
    await this.untilDurable(lease);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    // A failed batch COMMIT already rolled everything back (and the connection went back).
    if (lease.isReturned) return;
    lease.isInTransaction = false;
    // An error that ended the whole physical transaction (SQLite does so on some I/O errors)
    // leaves no savepoint to go back to; the batch's COMMIT then fails for everyone in it.
    if (!this.sqlite.inTransaction) return;
    this.run('rollback to logical');
    this.run('release logical');
  }

  async destroy(): Promise<void> {
    if (this.batch) await this.flush();
    // Everything committed is flushed before the connection (and the log's file) goes.
    await this.sync().catch(() => undefined);
    this.sqlite.close();
  }

  async execute<R>(lease: Lease, compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.statement(compiledQuery.sql);
    const parameters = compiledQuery.parameters as unknown[];
    // A write outside a transaction (`insert … returning` included) joins an open batch, or
    // commits on its own and is answered once flushed.
    const isOwnWrite = !lease.isInTransaction && !statement.readonly;
    if (statement.reader) {
      const rows = statement.all(parameters) as R[];
      if (isOwnWrite) await this.untilDurable(lease);
      return { rows };
    }
    const { changes, lastInsertRowid } = statement.run(parameters);
    if (isOwnWrite) await this.untilDurable(lease);
    return {
      numAffectedRows: BigInt(changes),
      insertId: BigInt(lastInsertRowid),
      rows: [],
    };
  }

  /**
   * Gives the connection to the next user, then waits for the batch holding this lease's writes
   * (or, with no batch open, for the flush of the write it just committed on its own).
   */
  private async untilDurable(lease: Lease): Promise<void> {
    const batch = this.batch;
    this.unlock(lease);
    await (batch ? batch.durable : this.sync());
  }

  /**
   * Ends a lease: commits the open batch if it is due (or has the flush commit it after this turn
   * when nobody else is waiting), then hands the connection on.
   */
  private unlock(lease: Lease): void {
    lease.isReturned = true;
    const batch = this.batch;
    if (
      batch &&
      (performance.now() - batch.openedAt >= BATCH_MAX_AGE_MS ||
        batch.transactions >= BATCH_MAX_TRANSACTIONS)
    ) {
      this.commit(batch);
    } else if (batch && this.waiting.length === 0 && !this.isFlushScheduled) {
      // Whatever else this turn of the loop brings (commands read together, the routing pass's
      // offers) joins the batch; the COMMIT follows once the turn is over.
      this.isFlushScheduled = true;
      setImmediate(() => void this.flush());
    }
    const next = this.waiting.shift();
    // Handed straight to the next in line, so nobody slips in between.
    if (next) next();
    else this.isHeld = false;
  }

  private openBatch(): Batch {
    if (this.batch) return this.batch;
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const durable = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // A batch whose transactions all rolled back has nobody waiting on it.
    durable.catch(() => undefined);
    this.run('begin');
    this.batch = { durable, resolve, reject, openedAt: performance.now(), transactions: 0 };
    return this.batch;
  }

  /** Commits the open batch once the users queued for the connection before it are done. */
  private async flush(): Promise<void> {
    const lease = (await this.acquireConnection()) as Lease;
    this.isFlushScheduled = false;
    if (this.batch) this.commit(this.batch);
    this.unlock(lease);
  }

  private commit(batch: Batch): void {
    this.batch = undefined;
    try {
      if (!this.sqlite.inTransaction) throw new Error('the batch transaction was rolled back');
      this.run('commit');
      this.stats.commits += 1;
      // The flush runs off the event loop; the next batch may open and commit meanwhile.
      this.sync().then(batch.resolve, batch.reject);
    } catch (error) {
      batch.reject(error);
      try {
        if (this.sqlite.inTransaction) this.run('rollback');
      } catch {
        // SQLite ended the transaction itself; nothing is left to undo.
      }
    }
  }

  private run(text: string): void {
    this.statement(text).run();
  }
}

/** Kysely's SQLite dialect with the group-committing driver above. */
export function groupCommitDialect(driver: GroupCommitDriver): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => driver,
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: (db: Kysely<unknown>) => new SqliteIntrospector(db),
  };
}
