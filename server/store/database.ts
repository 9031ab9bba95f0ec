import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  sql,
  type DatabaseIntrospector,
  type Migration,
} from 'kysely';
import pg from 'pg';
import * as initial from './migrations/0001-initial';
import * as calendar from './migrations/0002-calendar';
import * as messaging from './migrations/0003-messaging';
import * as voice from './migrations/0004-voice';
import * as presenceAndOverflow from './migrations/0005-presence-and-overflow';
import * as transfers from './migrations/0006-transfers';
import * as businessHours from './migrations/0007-business-hours';
import * as capacity from './migrations/0008-capacity';
import * as citizenProfiles from './migrations/0008-citizen-profiles';
import * as knowledge from './migrations/0010-knowledge';
import * as provenance from './migrations/0011-provenance';
import * as queueSegments from './migrations/0008-queue-segments';
import * as scriptVersions from './migrations/0008-script-versions';
import * as cases from './migrations/0009-cases';
import * as publicationNotices from './migrations/0013-publication-notices';
import * as citizenSearch from './migrations/0014-citizen-search';
import * as coaching from './migrations/0016-coaching';
import * as scriptEditor from './migrations/0012-script-editor';
import * as policies from './migrations/0018-policies';
import * as evaluationFormVersions from './migrations/0019-evaluation-form-versions';
import * as teamLead from './migrations/0015-team-lead';
import * as clusterNodes from './migrations/0017-cluster-nodes';
import * as teamDirectoryVersion from './migrations/0022-team-directory-version';
import * as agentLoadCounters from './migrations/0023-agent-load-counters';
import * as agentSkillsTopicIndex from './migrations/0024-agent-skills-topic-index';
import { walSync } from './wal-sync';
import {
  GroupCommitDriver,
  groupCommitDialect,
  type GroupCommitStats,
  type StatementSource,
} from './group-commit';
import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** True while the database answers a trivial query. */
  ping(): Promise<boolean>;
  /** PostgreSQL only: the connection pool's figures (for /metrics). */
  poolStats?(): { total: number; idle: number; waiting: number };
  /** SQLite only: transactions run and physical commits made (group commit). */
  commitStats?(): GroupCommitStats;
  close(): Promise<void>;
}

// BIGINT columns hold epoch milliseconds, well inside Number's exact range.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface StoreOptions {
  databaseUrl?: string | undefined;
  /** PostgreSQL only: the schema to create and use (a fresh one per test run). */
  databaseSchema?: string | undefined;
  /** SQLite only: folder for `tanggap.sqlite`; `:memory:` for a throwaway database. */
  dataDir: string;
  /** PostgreSQL only: connections this node keeps at most (default 10). */
  poolSize?: number | undefined;
}

export function openStore(options: StoreOptions): Store {
  if (options.databaseUrl) {
    return openPostgres(options.databaseUrl, options.databaseSchema, options.poolSize ?? 25);
  }
  return openSqlite(options.dataDir);
}

/** Enough for every distinct statement the server runs in steady state (about 200 here). */
const CACHED_STATEMENTS = 1000;

/**
 * Kysely's SQLite driver prepares every statement again on each run (6–8% of the event loop under
 * load, docs/performance.md); better-sqlite3 statements can be run again. One query runs at a time
 * on the one connection and nothing here streams, so a cached statement is never busy when it is
 * handed out. The least recently used statement is dropped past the limit (texts of `in (…)`
 * lists vary with their length).
 */
function reusingStatements(sqlite: SqliteDatabase.Database): StatementSource {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return (text) => {
    let statement = statements.get(text);
    if (statement) {
      statements.delete(text);
    } else {
      statement = sqlite.prepare(text);
      if (statements.size >= CACHED_STATEMENTS) {
        statements.delete(statements.keys().next().value!);
      }
    }
    statements.set(text, statement);
    return statement;
  };
}

function openSqlite(dataDir: string): Store {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    fs.mkdirSync(dataDir, { recursive: true });
    file = path.join(dataDir, 'tanggap.sqlite');
  }
  const sqlite = new SqliteDatabase(file);
  const journalMode = sqlite.pragma('journal_mode = WAL', { simple: true });
  // An acknowledged write survives a power cut, not just a process crash: NORMAL leaves the flush
  // of each commit to `walSync`, which does it off the event loop before anyone is answered. A
  // file system that refuses the write-ahead log (no shared memory) keeps the flush in COMMIT.
  const isWalFile = file !== ':memory:' && journalMode === 'wal';
  sqlite.pragma(isWalFile ? 'synchronous = NORMAL' : 'synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Statement journals (every write inside a group commit's savepoint may need one) and sorts
  // stay in memory: as files they were created, written and unlinked on the event loop 20 times a
  // second at 50 contacts/s. They hold only what one statement changes or sorts.
  sqlite.pragma('temp_store = MEMORY');
  const sync = isWalFile ? walSync(`${file}-wal`) : undefined;
  // Transactions of one event-loop turn share one commit (one flush); see group-commit.ts.
  const driver = new GroupCommitDriver(sqlite, reusingStatements(sqlite), sync);
  const db = new Kysely<Database>({ dialect: groupCommitDialect(driver) });
  return {
    db,
    dialect: 'sqlite',
    commitStats: () => ({ ...driver.stats }),
    ping: () => pingDatabase(db),
    close: async () => {
      await db.destroy();
      sync?.close();
    },
  };
}

function openPostgres(databaseUrl: string, schema: string | undefined, poolSize: number): Store {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolSize,
    connectionTimeoutMillis: 5000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    ping: () => pingDatabase(db),
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
    close: () => db.destroy(),
  };
}

async function pingDatabase(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-calendar': calendar,
  '0003-messaging': messaging,
  '0004-voice': voice,
  '0005-presence-and-overflow': presenceAndOverflow,
  '0006-transfers': transfers,
  '0007-business-hours': businessHours,
  '0008-capacity': capacity,
  '0008-citizen-profiles': citizenProfiles,
  '0010-knowledge': knowledge,
  '0008-queue-segments': queueSegments,
  '0008-script-versions': scriptVersions,
  '0009-cases': cases,
  '0011-provenance': provenance,
  '0013-publication-notices': publicationNotices,
  '0014-citizen-search': citizenSearch,
  '0016-coaching': coaching,
  '0012-script-editor': scriptEditor,
  '0018-policies': policies,
  '0015-team-lead': teamLead,
  '0017-cluster-nodes': clusterNodes,
  '0019-evaluation-form-versions': evaluationFormVersions,
  '0022-team-directory-version': teamDirectoryVersion,
  '0023-agent-load-counters': agentLoadCounters,
  '0024-agent-skills-topic-index': agentSkillsTopicIndex,
};

/**
 * Holds a PostgreSQL advisory lock over migrations and seeding until the returned function is
 * called, so nodes starting at the same time do them one after the other: the next finds
 * everything done. The lock lives on a connection of its own, which also ends it if the process
 * dies. SQLite has one process: nothing to wait for.
 */
export async function acquireStartupLock(options: StoreOptions): Promise<() => Promise<void>> {
  if (!options.databaseUrl) return () => Promise.resolve();
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const key = `tanggap:startup:${options.databaseSchema ?? 'public'}`;
  await client.query('select pg_advisory_lock(hashtext($1))', [key]);
  return async () => {
    await client.query('select pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
    await client.end();
  };
}

/** Applies every migration not yet applied; throws with the failing migration's name. */
export async function migrateToLatest(store: Store, schema?: string): Promise<string[]> {
  if (store.dialect === 'postgres' && schema) {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(store.db);
  }
  const isOwnSchema = store.dialect === 'postgres' && schema !== undefined;
  const migrator = new Migrator({
    db: isOwnSchema ? lookingOnlyAt(store.db, schema) : store.db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    // Kysely looks for its bookkeeping tables across every schema it can see; naming ours keeps
    // another schema's tables in the same database from being mistaken for them.
    ...(isOwnSchema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`);
  }
  return (results ?? []).map((result) => result.migrationName);
}

/**
 * The database as the migrator should see it: its introspection lists only `schema`. Kysely's
 * own reads the columns of every schema in the database, calling functions that fail ("schema
 * … does not exist") when another schema is dropped while it runs, as parallel tests and other
 * deployments sharing the database do.
 */
function lookingOnlyAt(db: Kysely<Database>, schema: string): Kysely<Database> {
  const introspection: DatabaseIntrospector = {
    getSchemas: async () => {
      const { rows } = await sql<{ name: string }>`
        select nspname as name from pg_catalog.pg_namespace where nspname = ${schema}`.execute(db);
      return rows;
    },
    getTables: async () => {
      const { rows } = await sql<{ name: string; isView: boolean }>`
        select table_name as name, table_type = 'VIEW' as "isView"
        from information_schema.tables where table_schema = ${schema}`.execute(db);
      return rows.map((row) => ({ ...row, schema, columns: [] }));
    },
    getMetadata: async () => ({ tables: await introspection.getTables() }),
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspection;
      const value: unknown = Reflect.get(target, property, target);
      // Kysely's methods use private fields: they must run on the real instance.
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
