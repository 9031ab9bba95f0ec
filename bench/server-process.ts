/**
 * The Tanggap server under test, in its own process: `createApplication` with embedded SQLite in
 * a temporary DATA_DIR (or, with `--pg`, PostgreSQL in a fresh schema that is dropped at the end),
 * SIMULATOR=off, DEMO=on, PORT=0 on 127.0.0.1. Prints its URL on stdout and answers the bench over
 * IPC: create agents, mark the start of the measured window, report stats, stop.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { Socket as NetSocket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { createApplication, type Application } from '../server/app';
import { loadConfig } from '../server/config/config';
import { hashPassword } from '../server/modules/auth/service';
import { DEMO_TEAM } from '../server/seed/demo-data';
import { reportReady, serveRequests, type Request } from './ipc';
import { BENCH_TOPICS } from './routing';
import { dropSchema, POSTGRES_URL } from './storage';
import { pick, seededRandom } from './stats';

function argument(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const isPostgres = process.argv.includes('--pg');
/** `--redis=<url>`: one of several nodes sharing load through the Redis adapter. */
const redisUrl = argument('redis');
const redisPrefix = argument('redis-prefix');
/** Several nodes share one schema: the parent drops it once they all stopped. */
const isStorageShared = process.argv.includes('--shared-storage');
const isSqlStatsOn = process.argv.includes('--sql-stats');
/** `--profile=<dir>`: a V8 CPU profile of the measured window only, written there at `stats`. */
const profileDir = argument('profile');
let profiler: Session | undefined;
// The bench passes its own (and removes it after); run alone, the process makes one.
const dataDir = isPostgres
  ? undefined
  : (argument('data-dir') ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tanggap-bench-')));
const schema = isPostgres
  ? (argument('schema') ?? `bench_${randomBytes(6).toString('hex')}`)
  : undefined;

let app: Application | undefined;

/**
 * With `--sql-stats`: time spent in every statement, by SQL text, measured by wrapping
 * better-sqlite3's prepare/run/all/get (SQLite: time on the event loop) or pg's query and pool
 * connect (PostgreSQL: round trips, waits included) in this process. Diagnostics, not a figure:
 * the wrapping itself costs a little.
 */
const sqlStats = new Map<string, { count: number; totalMs: number; maxMs: number }>();
function recordSql(source: string, ms: number): void {
  const entry = sqlStats.get(source) ?? { count: 0, totalMs: 0, maxMs: 0 };
  entry.count += 1;
  entry.totalMs += ms;
  entry.maxMs = Math.max(entry.maxMs, ms);
  sqlStats.set(source, entry);
}
function instrumentSqlite(): void {
  const probe = new SqliteDatabase(':memory:');
  type Method = (this: { source: string }, ...args: unknown[]) => unknown;
  const statement = Object.getPrototypeOf(probe.prepare('select 1')) as Record<string, Method>;
  for (const name of ['run', 'all', 'get']) {
    const original = statement[name]!;
    statement[name] = function timed(this: { source: string }, ...args: unknown[]) {
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        recordSql(this.source, performance.now() - started);
      }
    };
  }
  const database = SqliteDatabase.prototype as unknown as Record<string, Method>;
  const prepare = database.prepare!;
  database.prepare = function timedPrepare(this: { source: string }, ...args: unknown[]) {
    const started = performance.now();
    try {
      return prepare.apply(this, args);
    } finally {
      recordSql('(prepare, any statement)', performance.now() - started);
    }
  };
  probe.close();
}
/** PostgreSQL: the round trip of every query (queueing on its connection included), and pool waits. */
function instrumentPostgres(): void {
  type Query = (this: unknown, ...args: unknown[]) => unknown;
  const client = pg.Client.prototype as unknown as { query: Query };
  const query = client.query;
  client.query = function timedQuery(this: unknown, ...args: unknown[]) {
    const [text] = args;
    const result = query.apply(this, args);
    if (typeof text === 'string' && result instanceof Promise) {
      const started = performance.now();
      void result.then(
        () => recordSql(text, performance.now() - started),
        () => recordSql(text, performance.now() - started),
      );
    }
    return result;
  };
  const pool = pg.Pool.prototype as unknown as { connect: Query };
  const connect = pool.connect;
  pool.connect = function timedConnect(this: unknown, ...args: unknown[]) {
    const result = connect.apply(this, args);
    if (result instanceof Promise) {
      const started = performance.now();
      void result.then(
        () => recordSql('(waiting for a pool connection)', performance.now() - started),
        () => undefined,
      );
    }
    return result;
  };
}

function topSql(limit: number) {
  return [...sqlStats.entries()]
    .sort(([, a], [, b]) => b.totalMs - a.totalMs)
    .slice(0, limit)
    .map(([sql, entry]) => ({ sql: sql.replace(/\s+/g, ' ').slice(0, 300), ...entry }));
}

// Bytes the server wrote to every TCP connection (HTTP and websockets), live and closed.
const liveSockets = new Set<NetSocket>();
let closedBytesWritten = 0;
function bytesWritten(): number {
  let total = closedBytesWritten;
  for (const socket of liveSockets) total += socket.bytesWritten;
  return total;
}

// The histogram records whole timer intervals (resolution + delay): the delay is what exceeds it.
const LOOP_RESOLUTION_MS = 10;
const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
loopDelay.enable();
let mark = {
  cpu: process.cpuUsage(),
  at: performance.now(),
  bytes: 0,
  commits: { transactions: 0, commits: 0 },
};

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function memory() {
  const usage = process.memoryUsage();
  return { rss: usage.rss, heapUsed: usage.heapUsed, external: usage.external };
}

async function createAgents(request: Request) {
  if (!app) throw new Error('not started');
  const count = Number(request.count);
  const password = String(request.password);
  const prefix = String(request.prefix ?? 'bench-agent-');
  const started = performance.now();
  // One hash for every agent: argon2 is deliberately slow.
  const passwordHash = await hashPassword(password);
  const random = seededRandom(7);
  const now = Date.now();
  const users = Array.from({ length: count }, (_, index) => {
    const skills: Record<string, number> = {};
    skills[BENCH_TOPICS[index % BENCH_TOPICS.length]!] = 1 + Math.floor(random() * 5);
    const extra = Math.floor(random() * 3);
    for (let i = 0; i < extra; i += 1)
      skills[pick(random, BENCH_TOPICS)] = 1 + Math.floor(random() * 5);
    return {
      id: randomUUID(),
      username: `${prefix}${(index + 1).toString().padStart(4, '0')}`,
      skills,
    };
  });
  const db = app.store.db;
  const chunk = 200;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < users.length; i += chunk) {
      const slice = users.slice(i, i + chunk);
      await trx
        .insertInto('users')
        .values(
          slice.map((user) => ({
            id: user.id,
            username: user.username,
            display_name: `Bench ${user.username}`,
            role: 'agent',
            is_trainee: 0,
            team_id: DEMO_TEAM.id,
            password_hash: passwordHash,
            created_at: now,
          })),
        )
        .execute();
      await trx
        .insertInto('agent_states')
        .values(
          slice.map((user) => ({
            user_id: user.id,
            presence: 'offline',
            presence_since: now,
            idle_since: now,
            missed_offers: 0,
            version: 0,
          })),
        )
        .execute();
      await trx
        .insertInto('agent_skills')
        .values(
          slice.flatMap((user) =>
            Object.entries(user.skills).map(([topic, level]) => ({
              user_id: user.id,
              topic,
              level,
            })),
          ),
        )
        .execute();
    }
  });
  return {
    agents: users.map((user) => ({ id: user.id, username: user.username, skills: user.skills })),
    ms: performance.now() - started,
  };
}

/** Start of the measured window: event-loop histogram, CPU and bytes counters start again. */
async function markWindow() {
  gc();
  if (profileDir) {
    if (profiler) {
      // A later mark starts the profile again.
      await profiler.post('Profiler.stop');
    } else {
      profiler = new Session();
      profiler.connect();
      await profiler.post('Profiler.enable');
    }
    await profiler.post('Profiler.start');
  }
  loopDelay.reset();
  sqlStats.clear();
  mark = {
    cpu: process.cpuUsage(),
    at: performance.now(),
    bytes: bytesWritten(),
    commits: app?.store.commitStats?.() ?? { transactions: 0, commits: 0 },
  };
  return { memory: memory(), sockets: app?.io.engine.clientsCount ?? 0 };
}

async function stats() {
  if (!app) throw new Error('not started');
  const elapsedMs = performance.now() - mark.at;
  const cpu = process.cpuUsage(mark.cpu);
  let profileFile: string | undefined;
  if (profiler && profileDir) {
    const { profile } = await profiler.post('Profiler.stop');
    fs.mkdirSync(profileDir, { recursive: true });
    profileFile = path.join(
      profileDir,
      `server-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`,
    );
    fs.writeFileSync(profileFile, JSON.stringify(profile));
    profiler.disconnect();
    profiler = undefined;
  }
  const db = app.store.db;
  const [contacts, offers, repeated, waiting, offered] = await Promise.all([
    db
      .selectFrom('contacts')
      .select((eb) => ['status', eb.fn.countAll<number>().as('count')])
      .groupBy('status')
      .execute(),
    db
      .selectFrom('offers')
      .select((eb) => ['status', eb.fn.countAll<number>().as('count')])
      .groupBy('status')
      .execute(),
    db
      .selectFrom('offers')
      .select((eb) => ['contact_id', eb.fn.countAll<number>().as('count')])
      .groupBy('contact_id')
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute(),
    db.selectFrom('contacts').select('id').where('status', '=', 'waiting').execute(),
    db.selectFrom('contacts').select('id').where('status', '=', 'offered').execute(),
  ]);
  gc();
  const delayMs = (ns: number) => Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS);
  return {
    elapsedMs,
    cpuPercent: ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100,
    bytesWritten: bytesWritten() - mark.bytes,
    memory: memory(),
    sockets: app.io.engine.clientsCount,
    eventLoopDelayMs: {
      p50: delayMs(loopDelay.percentile(50)),
      p99: delayMs(loopDelay.percentile(99)),
      max: delayMs(loopDelay.max),
      mean: delayMs(loopDelay.mean),
    },
    contactsByStatus: Object.fromEntries(contacts.map((row) => [row.status, Number(row.count)])),
    offersByStatus: Object.fromEntries(offers.map((row) => [row.status, Number(row.count)])),
    contactsOfferedMoreThanOnce: repeated.length,
    // SQLite group commit: transactions run and physical commits (fsyncs) made in the window.
    ...(app.store.commitStats
      ? {
          sqliteCommits: {
            transactions: app.store.commitStats().transactions - mark.commits.transactions,
            commits: app.store.commitStats().commits - mark.commits.commits,
          },
        }
      : {}),
    waitingContactIds: waiting.map((row) => row.id),
    offeredContactIds: offered.map((row) => row.id),
    ...(isSqlStatsOn ? { topSql: topSql(30) } : {}),
    ...(profileFile ? { profileFile } : {}),
  };
}

async function cleanUp(): Promise<void> {
  const running = app;
  app = undefined;
  if (running) await running.close().catch(() => undefined);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  if (schema && !isStorageShared) await dropSchema(schema);
}

async function main(): Promise<void> {
  if (isSqlStatsOn) {
    if (isPostgres) instrumentPostgres();
    else instrumentSqlite();
  }
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    DEMO: 'on',
    SIMULATOR: 'off',
    LOG_LEVEL: 'warn',
    CLIENT_DIR: path.join(os.tmpdir(), 'tanggap-bench-no-client'),
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000000',
    ...(isPostgres
      ? { DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema! }
      : { DATA_DIR: dataDir! }),
    ...(redisUrl ? { REDIS_URL: redisUrl, REDIS_PREFIX: redisPrefix ?? 'tanggap-bench:' } : {}),
    // Passed through so a run can try another pool size (docs/operations.md).
    ...(process.env.DATABASE_POOL_SIZE
      ? { DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE }
      : {}),
  };
  app = await createApplication(loadConfig(env));
  app.http.server.on('connection', (socket: NetSocket) => {
    liveSockets.add(socket);
    socket.once('close', () => {
      liveSockets.delete(socket);
      closedBytesWritten += socket.bytesWritten;
    });
  });
  const url = (await app.listen()).replace('localhost', '127.0.0.1');
  process.stdout.write(`[bench] Tanggap listening at ${url}\n`);
  serveRequests(async (request) => {
    switch (request.type) {
      case 'create-agents':
        return createAgents(request);
      case 'mark':
        return markWindow();
      case 'stats':
        return stats();
      default:
        throw new Error(`unknown request ${request.type}`);
    }
  }, cleanUp);
  gc();
  reportReady({ url, storage: isPostgres ? 'postgres' : 'sqlite', memory: memory() });
}

main().catch(async (error: unknown) => {
  process.stderr.write(
    `bench server failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  await cleanUp().catch(() => undefined);
  process.send?.({ type: 'ready', ok: false, error: String(error) }, undefined, {}, () =>
    process.exit(1),
  );
});
